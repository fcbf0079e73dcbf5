"""The `hcc-mdt-case/1` exchange format as pydantic models (shared/docs/case-format.md).

Lab values keep the value and unit as entered and expose the canonical value
(`Bilirubin.umol_l`, `Albumin.g_l`, ...), converted with the factors of the format document.
Unknown keys are refused at every level: a typo must never be dropped from a clinical record.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    model_validator,
)
from pydantic_core import PydanticCustomError

FORMAT = "hcc-mdt-case/1"

# Conversion factors: case-format.md "Allowed values" (1 mg/dL bilirubin = 17.1 umol/L, ...).
BILIRUBIN_UMOL_PER_MG_DL = 17.1
ALBUMIN_G_L_PER_G_DL = 10.0
CREATININE_UMOL_PER_MG_DL = 88.4
AFP_NG_ML_PER_IU_ML = 1.21

Percent = Annotated[float, Field(strict=True, ge=0, le=100)]
Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=200)]


def refusal(kind: str, english: str, **context: Any) -> PydanticCustomError:
    """A refusal that case_io renders in the reader's language (text key `case_error.<kind>`)."""
    return PydanticCustomError(f"case.{kind}", english, context)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    """Dates are ISO `YYYY-MM-DD` strings (or date objects from the app); nothing else."""
    if isinstance(value, dt.datetime):
        raise refusal("date_with_time", "expected a date written YYYY-MM-DD, not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise refusal(
                "not_a_calendar_date", "{value} is not a calendar date (YYYY-MM-DD)", value=value
            ) from None
    raise refusal("date_format", "expected a date written YYYY-MM-DD")


def _iso_datetime(value: str) -> str:
    """Signature and finalization times stay the exact string given, so record hashes hold."""
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise refusal(
            "datetime_format", "expected a date and time written YYYY-MM-DDTHH:MM:SS"
        ) from None
    return value


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
DateTime = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_iso_datetime)]


class Strict(BaseModel):
    """Base for every record: unknown keys refused, values validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


class Bilirubin(Strict):
    value: Annotated[float, Field(strict=True, gt=0, le=1000)]
    unit: Literal["umol/L", "mg/dL"]

    @property
    def umol_l(self) -> float:
        return self.value if self.unit == "umol/L" else self.value * BILIRUBIN_UMOL_PER_MG_DL

    @property
    def mg_dl(self) -> float:
        return self.umol_l / BILIRUBIN_UMOL_PER_MG_DL

    @model_validator(mode="after")
    def _plausible(self) -> Bilirubin:
        # Impossible, not merely abnormal: above 1000 umol/L (58.5 mg/dL) is a unit mix-up.
        if self.umol_l > 1000:
            raise refusal(
                "bilirubin_range",
                "{value} {unit} is above 1000 umol/L (58.5 mg/dL)",
                value=self.value,
                unit=self.unit,
            )
        return self


class Albumin(Strict):
    value: Annotated[float, Field(strict=True, gt=0, le=100)]
    unit: Literal["g/L", "g/dL"]

    @property
    def g_l(self) -> float:
        return self.value if self.unit == "g/L" else self.value * ALBUMIN_G_L_PER_G_DL

    @property
    def g_dl(self) -> float:
        return self.g_l / ALBUMIN_G_L_PER_G_DL

    @model_validator(mode="after")
    def _plausible(self) -> Albumin:
        if not 5 <= self.g_l <= 70:
            raise refusal(
                "albumin_range",
                "{value} {unit} is outside 5-70 g/L (0.5-7 g/dL)",
                value=self.value,
                unit=self.unit,
            )
        return self


class Creatinine(Strict):
    value: Annotated[float, Field(strict=True, gt=0, le=3000)]
    unit: Literal["umol/L", "mg/dL"]

    @property
    def umol_l(self) -> float:
        return self.value if self.unit == "umol/L" else self.value * CREATININE_UMOL_PER_MG_DL

    @property
    def mg_dl(self) -> float:
        return self.umol_l / CREATININE_UMOL_PER_MG_DL

    @model_validator(mode="after")
    def _plausible(self) -> Creatinine:
        if self.umol_l > 3000:
            raise refusal(
                "creatinine_range",
                "{value} {unit} is above 3000 umol/L (33.9 mg/dL)",
                value=self.value,
                unit=self.unit,
            )
        return self


class Sodium(Strict):
    value: Annotated[float, Field(strict=True, ge=90, le=200)]
    unit: Literal["mmol/L"]


class Platelets(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=3000)]
    unit: Literal["10^9/L"]


class Enzyme(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=50000)]
    unit: Literal["U/L"]


class Afp(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=10_000_000)]
    unit: Literal["ng/mL", "IU/mL"]

    @property
    def ng_ml(self) -> float:
        return self.value if self.unit == "ng/mL" else self.value * AFP_NG_ML_PER_IU_ML


class PivkaII(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=10_000_000)]
    unit: Literal["mAU/mL"]


class Patient(Strict):
    mrn: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^\S(.*\S)?$")]
    name: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")]
    sex: Literal["female", "male", "other", "unknown"] | None = None
    birth_date: Date | None = None


class Labs(Strict):
    bilirubin: Bilirubin
    albumin: Albumin
    inr: Annotated[float, Field(strict=True, ge=0.5, le=15)]
    creatinine: Creatinine | None = None
    sodium: Sodium | None = None
    platelets: Platelets | None = None
    alt: Enzyme | None = None
    ast: Enzyme | None = None
    afp: Afp | None = None
    pivka_ii: PivkaII | None = None


class Liver(Strict):
    ascites: Literal["none", "mild", "moderate_severe"]
    encephalopathy: Literal["none", "grade_1_2", "grade_3_4"]
    cirrhosis: StrictBool | None = None
    varices: Literal["none", "small", "large_or_high_risk", "treated", "unknown"] | None = None
    variceal_bleeding_within_6_months: StrictBool | None = None
    dialysis_twice_in_past_week: StrictBool | None = None
    icg_r15_percent: Percent | None = None
    future_liver_remnant_percent: Percent | None = None


class Tumor(Strict):
    nodules_cm: Annotated[
        list[Annotated[float, Field(strict=True, gt=0, le=30)]], Field(min_length=1, max_length=50)
    ]
    portal_vein_invasion: Literal["none", "vp1", "vp2", "vp3", "vp4"]
    hepatic_vein_invasion: Literal["none", "vv1", "vv2", "vv3"] | None = None
    extrahepatic_spread: StrictBool
    lymph_node_metastasis: StrictBool | None = None


class History(Strict):
    autoimmune_disease_active: StrictBool | None = None
    organ_transplant: StrictBool | None = None
    uncontrolled_hypertension: StrictBool | None = None
    proteinuria_g_per_24h: Annotated[float, Field(strict=True, ge=0, le=50)] | None = None
    major_surgery_within_28_days: StrictBool | None = None


class Lesion(Strict):
    id: Annotated[str, Field(min_length=1, max_length=32)]
    target: StrictBool = True
    viable_diameter_mm: Annotated[float, Field(strict=True, ge=0, le=400)]


class Imaging(Strict):
    date: Date
    modality: Literal["CT", "MRI"]
    criteria: Literal["mRECIST", "RECIST1.1"]
    lesions: list[Lesion] = Field(default_factory=list, max_length=50)
    new_lesions: StrictBool = False
    non_target: Literal["absent", "present", "unequivocal_progression"] = "absent"

    @model_validator(mode="after")
    def _unique_lesions(self) -> Imaging:
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
    agents: list[Agent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Treatment:
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
        default_factory=list
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> AdverseEvent:
        if self.onset and self.resolved and self.resolved < self.onset:
            raise refusal(
                "resolved_before_onset",
                "resolved {resolved} is before onset {onset}",
                resolved=str(self.resolved),
                onset=str(self.onset),
            )
        return self


class Attendee(Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    role: Annotated[str, Field(min_length=1, max_length=120)]


class Signature(Attendee):
    at: DateTime


class AdjuvantPlan(Strict):
    option: Annotated[str, Field(min_length=1, max_length=80)]
    duration_months: Annotated[int, Field(strict=True, ge=0, le=120)] | None = None
    notes: Text | None = None


class Override(Strict):
    item: Annotated[str, Field(min_length=1, max_length=80)]
    computed: ShortText | None = None
    chosen: ShortText
    reason: Text
    by: ShortText | None = None
    at: DateTime | None = None


class FollowUp(Strict):
    status: Literal["planned", "ongoing", "completed", "not_done"]
    reason: Text | None = None


class Decision(Strict):
    """One MDT decision record; a `final` one is sealed by `record_hash` (desktop.logic.records)."""

    meeting_date: Date
    status: Literal["draft", "final"]
    attendees: list[Attendee] = Field(default_factory=list)
    question: Text | None = None
    recommendation: Text | None = None
    regimen_id: ShortText | None = None
    timing_strategy: Literal["opportunistic", "conservative", "not_applicable"] | None = None
    adjuvant_plan: AdjuvantPlan | None = None
    dissent: Text | None = None
    reopen_conditions: list[Text] = Field(default_factory=list)
    overrides: list[Override] = Field(default_factory=list)
    follow_up: FollowUp | None = None
    signed_by: list[Signature] = Field(default_factory=list)
    finalized_at: DateTime | None = None
    amends: Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")] | None = None
    record_hash: Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")] | None = None

    @model_validator(mode="after")
    def _final_is_complete(self) -> Decision:
        if self.status == "final" and self.record_hash is None:
            raise refusal("final_without_hash", "a final record needs its record_hash")
        if self.status == "draft" and self.record_hash is not None:
            raise refusal("draft_with_hash", "a draft record carries no record_hash")
        return self


class Case(Strict):
    format: Literal["hcc-mdt-case/1"]
    case_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    patient: Patient
    assessed_on: Date
    etiology: list[Literal["hbv", "hcv", "alcohol", "masld", "other", "unknown"]] = Field(
        default_factory=list
    )
    ecog: Annotated[int, Field(strict=True, ge=0, le=4)]
    labs: Labs
    liver: Liver
    tumor: Tumor
    history: History = Field(default_factory=History)
    imaging: list[Imaging] = Field(default_factory=list)
    treatments: list[Treatment] = Field(default_factory=list)
    adverse_events: list[AdverseEvent] = Field(default_factory=list)
    planned_surgery_date: Date | None = None
    decisions: list[Decision] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_consistent(self) -> Case:
        birth = self.patient.birth_date
        if birth and birth > self.assessed_on:
            raise refusal(
                "birth_after_assessment",
                "patient.birth_date {birth} is after assessed_on {assessed}; "
                "a birth date must be on or before the assessment date",
                birth=str(birth),
                assessed=str(self.assessed_on),
            )
        dates = [scan.date for scan in self.imaging]
        if dates != sorted(dates):
            raise refusal(
                "imaging_order", "imaging dates must be in order, the baseline scan first"
            )
        self._follow_ups_measure_baseline_targets()
        return self

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
        """The exchange form: what was given, nothing added (absent stays absent)."""
        return self.model_dump(mode="json", exclude_unset=True)
