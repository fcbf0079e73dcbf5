"""Is the liver ready for resection, not only the calendar (clinical-rules.md, "Resection: is the
liver ready"): `liver_ok` with its reasons, the Makuuchi ICG-R15 band and the largest resection the
liver allows, following Makuuchi's algorithm (Makuuchi et al., Semin Surg Oncol 1993) in order.

ICG-R15 and the FLR must be newer than the last conversion treatment's last dose; an older (or,
with a treatment on record, undated) reassuring value is treated as missing.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from desktop.logic.clinical.checks import check_policy
from desktop.logic.clinical.safety_patient import agent_classes
from desktop.logic.clinical.scores import ChildPugh, settled
from desktop.logic.model import Case, Message, Rules, Term, adverse_event_term, msg

# Makuuchi 1993, step 2: bilirubin bands in mg/dL (half-open).
BILIRUBIN_NONE_MG_DL, BILIRUBIN_ENUCLEATION_MG_DL, BILIRUBIN_LIMITED_MG_DL = 2.0, 1.6, 1.1
# Makuuchi 1993, step 3: ICG-R15 bands (%), half-open, with the largest resection each allows.
ICG_BANDS = (
    (10.0, "lt10", "right_hepatectomy"),
    (20.0, "10to19", "left_hepatectomy_or_bisegmentectomy"),
    (30.0, "20to29", "segmentectomy"),
    (40.0, "30to39", "limited_resection"),
    (float("inf"), "ge40", "enucleation"),
)
# clinical-rules.md: Child-Pugh B8 or worse is not ready for resection.
CHILD_PUGH_BLOCKED_POINTS = 8
# Unresolved grade >= 2 hepatotoxicity (ALT, AST or bilirubin increased, hepatitis) blocks.
HEPATOTOXICITY_MIN_GRADE = 2
HEPATOTOXICITY_TERMS = frozenset(
    {
        "alt_increased",
        "ast_increased",
        "blood_bilirubin_increased",
        "bilirubin_increased",
        "hepatitis",
        "immune_mediated_hepatitis",
        "hepatic_failure",
        "liver_injury",
        "liver_function_impairment",
    }
)
# Immune-related endocrinopathies needing stress-dose steroid cover at surgery.
STEROID_COVER_TERMS = ("adrenal_insufficiency", "hypophysitis")
PLATELETS_RULE = "surgery.portal_hypertension.platelets_min"
MELD_RULE = "surgery.portal_hypertension.meld_min"


class LastDose(NamedTuple):
    """The last conversion treatment's last dose; `ongoing` when an agent is still given."""

    date: dt.date | None
    ongoing: bool

    @property
    def recorded(self) -> bool:
        return self.ongoing or self.date is not None


def last_dose(case: Case) -> LastDose:
    """Latest last dose over every agent (the treatment's stop date when no dose is recorded)."""
    dates: list[dt.date] = []
    ongoing = False
    for treatment in case.treatments:
        ends = [agent.last_dose or treatment.stopped for agent in treatment.agents]
        if not treatment.agents:
            ends = [treatment.stopped]
        ongoing = ongoing or any(end is None for end in ends)
        dates += [end for end in ends if end is not None]
    return LastDose(max(dates) if dates else None, ongoing)


def stale(measured: dt.date | None, dose: LastDose) -> bool:
    """Older than the last dose; with a treatment on record, undated or measured during a
    treatment still given counts as old too. Without a treatment nothing is stale."""
    if not dose.recorded:
        return False
    if measured is None or dose.ongoing:
        return True
    return dose.date is not None and measured < dose.date


class LiverReadiness(NamedTuple):
    liver_ok: bool | None
    why: tuple[Message, ...]
    makuuchi: str | None
    extent: str | None


def liver_readiness(case: Case, cp: ChildPugh, meld: int | None, rules: Rules) -> LiverReadiness:
    dose = last_dose(case)
    icg = case.liver.icg_r15_percent
    usable_icg = icg if icg is not None and not stale(case.liver.icg_r15_date, dose) else None
    band, extent, makuuchi_why = makuuchi(case, usable_icg)
    blockers = _blockers(case, cp)
    unknown = _unknowns(case, dose, icg, usable_icg)
    why = [
        msg(
            "resection.child_pugh",
            label=cp.label,
            ascites=Term(f"term.ascites.{case.liver.ascites}"),
        ),
        *makuuchi_why,
        *blockers,
        *unknown,
        *_portal_hypertension(case, meld, rules),
    ]
    liver_ok = False if blockers else (None if unknown else True)
    why.append(msg(f"resection.liver_ok.{_state(liver_ok)}"))
    return LiverReadiness(liver_ok, tuple(why), band, extent)


def _state(liver_ok: bool | None) -> str:
    return "unknown" if liver_ok is None else ("yes" if liver_ok else "no")


def makuuchi(case: Case, icg: float | None) -> tuple[str | None, str | None, list[Message]]:
    """(ICG band, largest resection, why): steps 1-2 decide without ICG-R15; step 3 needs it."""
    bilirubin = settled(case.labs.bilirubin.mg_dl)
    shown = msg("resection.bilirubin", value=round(case.labs.bilirubin.mg_dl, 2))
    band = _icg_band(icg) if icg is not None else None
    why = [msg("resection.icg", value=icg, band=Term(f"resection.band.{band}"))] if band else []
    if case.liver.ascites == "moderate_severe":
        return band, "none", [*why, msg("resection.makuuchi.ascites")]
    if bilirubin >= BILIRUBIN_NONE_MG_DL:
        return band, "none", [*why, msg("resection.makuuchi.bilirubin_none", bilirubin=shown)]
    if bilirubin >= BILIRUBIN_ENUCLEATION_MG_DL:
        return (
            band,
            "enucleation",
            [
                *why,
                msg("resection.makuuchi.bilirubin", bilirubin=shown, extent=_extent("enucleation")),
            ],
        )
    if bilirubin >= BILIRUBIN_LIMITED_MG_DL:
        return (
            band,
            "limited_resection",
            [
                *why,
                msg(
                    "resection.makuuchi.bilirubin",
                    bilirubin=shown,
                    extent=_extent("limited_resection"),
                ),
            ],
        )
    if band is None:
        return None, None, [msg("resection.makuuchi.no_icg", bilirubin=shown)]
    extent = next(e for upper, b, e in ICG_BANDS if b == band)
    return (
        band,
        extent,
        [*why, msg("resection.makuuchi.icg", bilirubin=shown, extent=_extent(extent))],
    )


def _icg_band(icg: float) -> str:
    value = settled(icg)
    return next(band for upper, band, _ in ICG_BANDS if value < upper)


def _extent(extent: str) -> Term:
    return Term(f"resection.extent.{extent}")


def _blockers(case: Case, cp: ChildPugh) -> list[Message]:
    found = []
    if cp.points >= CHILD_PUGH_BLOCKED_POINTS:
        found.append(msg("resection.blocker.child_pugh", label=cp.label))
    if case.liver.ascites != "none":
        found.append(
            msg("resection.blocker.ascites", ascites=Term(f"term.ascites.{case.liver.ascites}"))
        )
    if settled(case.labs.bilirubin.mg_dl) >= BILIRUBIN_NONE_MG_DL:
        found.append(msg("resection.blocker.bilirubin", value=round(case.labs.bilirubin.mg_dl, 2)))
    found += _event_blockers(case)
    return found


def _event_blockers(case: Case) -> list[Message]:
    classes, found = agent_classes(), []
    for event in case.adverse_events:
        term = event.term.strip().lower()
        name = adverse_event_term(term)
        immune = any(classes.get(a.strip().lower()) == "ici" for a in event.attributed_to)
        unresolved = event.resolved is None
        if any(t in term for t in STEROID_COVER_TERMS):
            found.append(msg("resection.blocker.steroid_cover", event=name))
        elif unresolved and immune:
            found.append(msg("resection.blocker.irae", event=name, grade=event.grade))
        elif (
            unresolved and term in HEPATOTOXICITY_TERMS and event.grade >= HEPATOTOXICITY_MIN_GRADE
        ):
            found.append(msg("resection.blocker.hepatotoxicity", event=name, grade=event.grade))
    return found


def _unknowns(
    case: Case, dose: LastDose, icg: float | None, usable_icg: float | None
) -> list[Message]:
    found = []
    if icg is None:
        found.append(Message("resection.unknown.icg_missing"))
    elif usable_icg is None:
        found.append(_stale_line("resection.unknown.icg_old", case.liver.icg_r15_date, dose))
    if case.liver.cirrhosis is None:
        found.append(Message("resection.unknown.cirrhosis"))
    flr = case.liver.future_liver_remnant_percent
    if flr is not None and stale(case.liver.flr_date, dose):
        found.append(_stale_line("resection.unknown.flr_old", case.liver.flr_date, dose))
    return found


def _stale_line(key: str, measured: dt.date | None, dose: LastDose) -> Message:
    """Only for a value `stale` found old: a dose is on record, still given or dated."""
    last: Term | str = Term("resection.still_given")
    if not dose.ongoing:
        assert dose.date is not None, "stale() is true only with a dose on record"
        last = dose.date.isoformat()
    if measured is None:
        return msg(key.replace("_old", "_undated"), last_dose=last)
    return msg(key, measured=measured.isoformat(), last_dose=last)


def _portal_hypertension(case: Case, meld: int | None, rules: Rules) -> list[Message]:
    """Platelets, varices or MELD: a line about post-hepatectomy liver failure risk (local
    policy) that never changes liver_ok."""
    numbers = check_policy(rules).numbers
    min_platelets, min_meld = numbers[PLATELETS_RULE], numbers[MELD_RULE]
    signs: list[Message] = []
    platelets = case.labs.platelets
    if platelets is not None and platelets.value < min_platelets:
        signs.append(msg("resection.sign.platelets", value=platelets.value, limit=min_platelets))
    if case.liver.varices in ("small", "large_or_high_risk", "treated"):
        signs.append(
            msg("resection.sign.varices", varices=Term(f"term.varices.{case.liver.varices}"))
        )
    if meld is not None and meld >= min_meld:
        signs.append(msg("resection.sign.meld", meld=meld, limit=min_meld))
    return [msg("resection.portal_hypertension", signs=signs)] if signs else []
