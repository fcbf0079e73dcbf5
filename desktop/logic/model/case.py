"""The `hcc-mdt-case/1` exchange format as pydantic models (shared/docs/case-format.md).

The case and its parts (patient, liver, tumour, imaging, treatments, adverse events); lab values
live in model.labs, decision records in model.decision, the shared base record,
dates and refusals in desktop.logic.model.fields.
Unknown keys are refused at every level: a typo must never be dropped from a clinical record.
"""

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, Field, StrictBool, model_validator

from desktop.logic.model.additions import (
    MarkerValue,
    Segment,
    SteroidMg,
    Virology,
    WeightKg,
    drop_empty_additions,
    unique_segments,
)
from desktop.logic.model.decision import Decision
from desktop.logic.model.fields import (
    Date,
    OneLine,
    Percent,
    PlannedDate,
    Strict,
    empty_list,
    moment_day,
    refusal,
)
from desktop.logic.model.labs import Labs

FORMAT = "hcc-mdt-case/1"


class Patient(Strict):
    mrn: Annotated[OneLine, Field(max_length=64)]
    name: Annotated[OneLine, Field(max_length=200)]
    sex: Literal["female", "male", "other", "unknown"] | None = None
    birth_date: Date | None = None
    weight_kg: WeightKg | None = None  # addition of 2026-12


class Liver(Strict):
    ascites: Literal["none", "mild", "moderate_severe"]
    encephalopathy: Literal["none", "grade_1_2", "grade_3_4"]
    cirrhosis: StrictBool | None = None
    varices: Literal["none", "small", "large_or_high_risk", "treated", "unknown"] | None = None
    variceal_bleeding_within_6_months: StrictBool | None = None
    dialysis_twice_in_past_week: StrictBool | None = None
    icg_r15_percent: Percent | None = None
    future_liver_remnant_percent: Percent | None = None
    # Additions of 2026-12: the day each reassuring value was measured.
    varices_assessed_on: Date | None = None
    icg_r15_date: Date | None = None
    flr_date: Date | None = None


class Tumor(Strict):
    nodules_cm: Annotated[
        list[Annotated[float, Field(strict=True, gt=0, le=30)]], Field(min_length=1, max_length=50)
    ]
    portal_vein_invasion: Literal["none", "vp1", "vp2", "vp3", "vp4"]
    hepatic_vein_invasion: Literal["none", "vv1", "vv2", "vv3"] | None = None
    extrahepatic_spread: StrictBool
    lymph_node_metastasis: StrictBool | None = None
    # Additions of 2026-12.
    infiltrative: StrictBool | None = None
    bilobar: StrictBool | None = None
    segments: Annotated[list[Segment] | None, AfterValidator(unique_segments)] = None


class History(Strict):
    autoimmune_disease_active: StrictBool | None = None
    organ_transplant: StrictBool | None = None
    uncontrolled_hypertension: StrictBool | None = None
    proteinuria_g_per_24h: Annotated[float, Field(strict=True, ge=0, le=50)] | None = None
    major_surgery_within_28_days: StrictBool | None = None
    # Additions of 2026-12.
    last_major_surgery_date: Date | None = None
    systemic_steroids_mg_prednisone_per_day: SteroidMg | None = None
    interstitial_lung_disease: StrictBool | None = None
    prior_immune_related_ae_grade3plus: StrictBool | None = None
    bleeding_or_arterial_thrombosis_within_6_months: StrictBool | None = None


class Lesion(Strict):
    id: Annotated[str, Field(min_length=1, max_length=32)]
    target: StrictBool = True
    viable_diameter_mm: Annotated[float, Field(strict=True, ge=0, le=400)]


class Imaging(Strict):
    date: Date
    modality: Literal["CT", "MRI"]
    criteria: Literal["mRECIST", "RECIST1.1"]
    lesions: list[Lesion] = Field(default_factory=empty_list, max_length=50)
    new_lesions: StrictBool = False
    non_target: Literal["absent", "present", "unequivocal_progression"] = "absent"

    @model_validator(mode="after")
    def _unique_lesions(self) -> Self:
        ids = [lesion.id for lesion in self.lesions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise refusal(
                "duplicate_lesion",
                "lesion id {lesion} appears twice in one scan",
                lesion=duplicates[0],
            )
        return self


class Agent(Strict):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    last_dose: Date | None = None


class Treatment(Strict):
    regimen: Annotated[str, Field(min_length=1, max_length=80)]
    started: Date | None = None
    stopped: Date | None = None
    agents: list[Agent] = Field(default_factory=empty_list, max_length=10)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.started and self.stopped and self.stopped < self.started:
            raise refusal(
                "stopped_before_started",
                "stopped {stopped} is before started {started}",
                stopped=str(self.stopped),
                started=str(self.started),
            )
        for agent in self.agents:
            if self.started and agent.last_dose and agent.last_dose < self.started:
                raise refusal(
                    "last_dose_before_start",
                    "{agent} last_dose {last_dose} is before started {started}",
                    agent=agent.name,
                    last_dose=str(agent.last_dose),
                    started=str(self.started),
                )
        return self


class AdverseEvent(Strict):
    term: Annotated[str, Field(min_length=1, max_length=120)]
    grade: Annotated[int, Field(strict=True, ge=1, le=5)]
    onset: Date | None = None
    resolved: Date | None = None
    attributed_to: list[Annotated[str, Field(min_length=1, max_length=80)]] = Field(
        default_factory=empty_list, max_length=10
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.onset and self.resolved and self.resolved < self.onset:
            raise refusal(
                "resolved_before_onset",
                "resolved {resolved} is before onset {onset}",
                resolved=str(self.resolved),
                onset=str(self.onset),
            )
        return self


class Case(Strict):
    format: Literal["hcc-mdt-case/1"]
    case_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    patient: Patient
    assessed_on: Date
    etiology: list[Literal["hbv", "hcv", "alcohol", "masld", "other", "unknown"]] = Field(
        default_factory=empty_list, max_length=6
    )
    ecog: Annotated[int, Field(strict=True, ge=0, le=4)]
    labs: Labs
    labs_history: list[MarkerValue] = Field(default_factory=empty_list, max_length=500)
    virology: Virology = Field(default_factory=Virology)
    liver: Liver
    tumor: Tumor
    history: History = Field(default_factory=History)
    # List limits keep every accepted case printable in a PDF of sensible length.
    imaging: list[Imaging] = Field(default_factory=empty_list, max_length=100)
    treatments: list[Treatment] = Field(default_factory=empty_list, max_length=50)
    adverse_events: list[AdverseEvent] = Field(default_factory=empty_list, max_length=100)
    planned_surgery_date: PlannedDate | None = None
    decisions: list[Decision] = Field(default_factory=empty_list, max_length=200)

    @model_validator(mode="after")
    def _dates_consistent(self) -> Self:
        birth = self.patient.birth_date
        if birth and birth > self.assessed_on:
            raise refusal(
                "birth_after_assessment",
                "patient.birth_date {birth} is after assessed_on {assessed}; "
                "a birth date must be on or before the assessment date",
                birth=str(birth),
                assessed=str(self.assessed_on),
            )
        if birth:
            self._nothing_before_birth(birth)
        dates = [scan.date for scan in self.imaging]
        if dates != sorted(dates):
            raise refusal(
                "imaging_order", "imaging dates must be in order, the baseline scan first"
            )
        self._follow_ups_measure_baseline_targets()
        return self

    def _nothing_before_birth(self, birth: dt.date) -> None:
        # clinical-rules.md "Dates": any event date before patient.birth_date is refused.
        for path, day in _event_days(self, ""):
            if day < birth and path != "patient.birth_date":
                raise refusal(
                    "before_birth",
                    "{path} {day} is before patient.birth_date {birth}",
                    path=path,
                    day=day.isoformat(),
                    birth=birth.isoformat(),
                )

    def _follow_ups_measure_baseline_targets(self) -> None:
        # mRECIST/RECIST 1.1 follow the baseline target lesions at every scan; a missing one
        # would make the sum meaningless, so it is refused rather than taken as 0.
        if not self.imaging:
            return
        targets = [lesion.id for lesion in self.imaging[0].lesions if lesion.target]
        for index, scan in enumerate(self.imaging[1:], start=1):
            measured = {lesion.id for lesion in scan.lesions}
            missing = [lesion_id for lesion_id in targets if lesion_id not in measured]
            if missing:
                raise refusal(
                    "baseline_target_missing",
                    "imaging[{index}] ({date}) does not measure baseline target lesion "
                    "{lesions}; record its viable diameter (0 when no viable tumour)",
                    index=index,
                    date=str(scan.date),
                    lesions=", ".join(missing),
                )

    def to_json_dict(self) -> dict[str, Any]:
        """The exchange form: what was given, nothing added (absent stays absent); an added
        field of 2026-12 is written only when it holds a value."""
        return drop_empty_additions(self.model_dump(mode="json", exclude_unset=True))


_MOMENTS = ("at", "finalized_at")  # DateTime fields: signatures, overrides, finalization


def _event_days(node: Any, path: str) -> Iterator[tuple[str, dt.date]]:
    """Every date in a record, with its path, whatever field it is in (new fields included)."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            where = f"{path}.{name}" if path else name
            if name in _MOMENTS and isinstance(value, str):
                yield where, moment_day(value)
            else:
                yield from _event_days(value, where)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _event_days(item, f"{path}[{index}]")
    elif isinstance(node, dt.date):
        yield path, node
