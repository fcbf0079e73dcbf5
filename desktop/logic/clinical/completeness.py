"""What a case still lacks, or holds only in stale form, before an MDT meeting.

Staleness is a local policy: the department chooses the number of days (app setting
`stale_days`); labs are dated by `assessed_on`, imaging by each scan's `date`. Every gap is a
`Message` naming the item, so the agenda and the workspace say exactly what to fetch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from desktop.logic.clinical.regimens import load_catalogue
from desktop.logic.clinical.safety import assess_regimens, data_checklist
from desktop.logic.clinical.scores import albi, child_pugh
from desktop.logic.model import Case, Decision, Message, Term, default_rules, lifecycle, msg

Area = Literal["patient", "tumour", "regimen", "response", "adjuvant", "decision"]
AREAS: tuple[Area, ...] = ("patient", "tumour", "regimen", "response", "adjuvant", "decision")
AreaState = Literal["complete", "incomplete", "stale"]

# Optional labs the scores and safety checks read (MELD: creatinine; bleeding risk: platelets;
# response markers: AFP, PIVKA-II) -- case-format.md and clinical-rules.md.
_MARKER_LABS = ("creatinine", "platelets", "afp", "pivka_ii")
# Inputs the patient area already names; the regimen area lists the other safety inputs.
_PATIENT_INPUTS = frozenset({"labs.creatinine", "liver.varices"})


@dataclass(frozen=True, slots=True)
class Gap:
    """One thing missing (`kind="missing"`) or too old (`kind="stale"`) in one workflow area."""

    area: Area
    kind: Literal["missing", "stale"]
    message: Message


@dataclass(frozen=True, slots=True)
class Readiness:
    """The gaps of one case as seen on one date (the meeting date, or today)."""

    on: dt.date
    stale_days: int
    gaps: tuple[Gap, ...]

    @property
    def ready(self) -> bool:
        return not self.gaps

    def count(self, kind: Literal["missing", "stale"]) -> int:
        return sum(1 for gap in self.gaps if gap.kind == kind)

    def in_area(self, area: Area) -> tuple[Gap, ...]:
        return tuple(gap for gap in self.gaps if gap.area == area)

    def area_state(self, area: Area) -> AreaState:
        """`stale` wins over `incomplete`: old data misleads more than absent data."""
        kinds = {gap.kind for gap in self.in_area(area)}
        if "stale" in kinds:
            return "stale"
        return "incomplete" if kinds else "complete"


def age_in_days(recorded: dt.date, on: dt.date) -> int:
    return (on - recorded).days


def is_stale(recorded: dt.date, on: dt.date, stale_days: int) -> bool:
    """Older than `stale_days` on `on`; data exactly `stale_days` old is still current."""
    return age_in_days(recorded, on) > stale_days


def readiness(case: Case, on: dt.date, stale_days: int) -> Readiness:
    """Every gap of `case` for a meeting held on `on`, in workflow order."""
    if stale_days < 0:
        raise ValueError(f"stale_days must be 0 or more, not {stale_days}")
    gaps = [
        *_patient_gaps(case, on, stale_days),
        *_tumour_gaps(case),
        *_regimen_gaps(case, on),
        *_response_gaps(case, on, stale_days),
        *_adjuvant_gaps(case, on),
        *_decision_gaps(case, on),
    ]
    return Readiness(on=on, stale_days=stale_days, gaps=tuple(gaps))


def _item(name: str) -> Term:
    return Term(f"completeness.item.{name}")


def _patient_gaps(case: Case, on: dt.date, stale_days: int) -> list[Gap]:
    gaps = []
    if is_stale(case.assessed_on, on, stale_days):
        gaps.append(
            Gap(
                "patient",
                "stale",
                _stale("completeness.labs_stale", case.assessed_on, on, stale_days),
            )
        )
    for name in _MARKER_LABS:
        if getattr(case.labs, name) is None:
            gaps.append(Gap("patient", "missing", msg("completeness.missing", item=_item(name))))
    if case.liver.varices in (None, "unknown"):
        gaps.append(Gap("patient", "missing", msg("completeness.missing", item=_item("varices"))))
    if not case.etiology:
        gaps.append(Gap("patient", "missing", msg("completeness.missing", item=_item("etiology"))))
    return gaps


def _tumour_gaps(case: Case) -> list[Gap]:
    names = [
        n
        for n in ("hepatic_vein_invasion", "lymph_node_metastasis")
        if getattr(case.tumor, n) is None
    ]
    return [Gap("tumour", "missing", msg("completeness.missing", item=_item(n))) for n in names]


def _regimen_gaps(case: Case, on: dt.date) -> list[Gap]:
    """Every input a regimen safety check could not run without, as of the meeting day: the
    data checklist of the second-edition checks (shipped rules), so the regimen area is never
    "complete" while a verdict says a check was not done."""
    verdicts = assess_regimens(
        case, load_catalogue(), default_rules(), on, child_pugh(case).points, albi(case).grade
    )
    return [
        Gap("regimen", "missing", msg("completeness.missing", item=Term(f"checklist.{i.input}")))
        for i in data_checklist(verdicts)
        if i.input not in _PATIENT_INPUTS
    ]


def _response_gaps(case: Case, on: dt.date, stale_days: int) -> list[Gap]:
    if not case.imaging:
        return [Gap("response", "missing", msg("completeness.no_imaging"))]
    gaps = []
    latest = case.imaging[-1].date
    if is_stale(latest, on, stale_days):
        gaps.append(
            Gap("response", "stale", _stale("completeness.imaging_stale", latest, on, stale_days))
        )
    started = [t.started for t in case.treatments if t.started]
    if started and latest <= min(started):
        gaps.append(
            Gap(
                "response",
                "missing",
                msg("completeness.no_scan_since_treatment", started=str(min(started))),
            )
        )
    for treatment in case.treatments:
        for agent in treatment.agents:
            if agent.last_dose is None and treatment.stopped is None:
                gaps.append(
                    Gap(
                        "response",
                        "missing",
                        msg("completeness.last_dose_missing", agent=agent.name),
                    )
                )
    if _resection_in_view(case) and case.liver.future_liver_remnant_percent is None:
        gaps.append(Gap("response", "missing", msg("completeness.missing", item=_item("flr"))))
    return gaps


def _resection_in_view(case: Case) -> bool:
    """Surgery planned, or a decision that chose a surgical timing strategy."""
    strategies = {d.timing_strategy for d in case.decisions}
    return case.planned_surgery_date is not None or bool(
        strategies & {"opportunistic", "conservative"}
    )


def _adjuvant_gaps(case: Case, on: dt.date) -> list[Gap]:
    """The plan after resection is part of the decision (review section 7): absent until chosen."""
    current = meeting_decision(case, on)
    if current is None or current.adjuvant_plan is None:
        return [Gap("adjuvant", "missing", msg("completeness.no_adjuvant_plan", date=str(on)))]
    return []


def _decision_gaps(case: Case, on: dt.date) -> list[Gap]:
    """A decision record names its question, who decided and what it recommends."""
    current = meeting_decision(case, on)
    if current is None or not (current.question or "").strip():
        return [Gap("decision", "missing", msg("completeness.no_question", date=str(on)))]
    gaps = []
    if not current.attendees:
        gaps.append(Gap("decision", "missing", msg("completeness.no_attendee", date=str(on))))
    if not (current.recommendation or "").strip():
        gaps.append(Gap("decision", "missing", msg("completeness.no_recommendation", date=str(on))))
    return gaps


def meeting_question(case: Case, on: dt.date) -> str | None:
    """The question put to the MDT meeting on `on`: the one the agenda and the pack both show."""
    current = meeting_decision(case, on)
    return current.question if current is not None and current.question else None


def meeting_decision(case: Case, on: dt.date) -> Decision | None:
    """The newest decision record of the meeting on `on`, if any."""
    matching = [d for d in case.decisions if d.meeting_date == on]
    return matching[-1] if matching else None


def _stale(key: str, recorded: dt.date, on: dt.date, stale_days: int) -> Message:
    # Staleness limit: local policy, the department's `stale_days` setting.
    return msg(key, date=str(recorded), days=age_in_days(recorded, on), limit=stale_days)


def rediscussion_reasons(case: Case) -> list[Message]:
    """Why a case with a final decision should come back to the MDT: new data since it.

    Reopen conditions are free text the MDT wrote; the planner cannot judge them, so it flags
    every case with data newer than its latest final decision and lists the conditions to check.
    """
    final = lifecycle.latest_final(case.decisions)
    if final is None:
        return []
    decided = final.meeting_date
    reasons = [
        msg("completeness.new_scan_since_decision", date=str(scan.date), decided=str(decided))
        for scan in case.imaging
        if scan.date > decided
    ]
    reasons += [
        msg("completeness.new_lesions_since_decision", date=str(scan.date))
        for scan in case.imaging
        if scan.date > decided and scan.new_lesions
    ]
    if case.assessed_on > decided:
        reasons.append(
            msg(
                "completeness.new_labs_since_decision",
                date=str(case.assessed_on),
                decided=str(decided),
            )
        )
    if reasons and final.reopen_conditions:
        reasons.append(
            msg(
                "completeness.check_reopen_conditions",
                conditions="; ".join(final.reopen_conditions),
            )
        )
    return reasons
