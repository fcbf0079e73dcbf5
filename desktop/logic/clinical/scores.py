"""Liver-function scores (Child-Pugh, ALBI/mALBI, MELD/MELD-Na) with the inputs that decided them.

Every score keeps the value and unit the clinician entered in its `why` and applies its bands in
the units its source defines (clinical-rules.md). Inputs the Case model guarantees (bilirubin,
albumin, INR, ascites, encephalopathy) are always present; MELD says what is missing instead.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from desktop.logic.model import (
    Albumin,
    Bilirubin,
    Case,
    Creatinine,
    Labs,
    Message,
    Term,
    msg,
    render_all,
)

# Converted values are compared after rounding to this many decimals, so that 34.2 umol/L
# (exactly 2 mg/dL on paper) is not read as 2.0000000000000004 mg/dL by binary floating point
# and pushed into the wrong band. Clinical inputs carry at most 3 decimals, so 9 loses nothing.
EDGE_DECIMALS = 9


def settled(value: float) -> float:
    """A computed value with floating-point noise removed, for comparing against a band edge."""
    return round(value, EDGE_DECIMALS)


def entered(lab: Bilirubin | Albumin | Creatinine, unit: str, canonical: float) -> Message:
    """The lab value as entered, with its value in `unit` beside it when that differs."""
    if lab.unit == unit:
        return msg("scores.value", value=lab.value, unit=lab.unit)
    return msg(
        "scores.value_converted", value=lab.value, unit=lab.unit, converted=canonical, to=unit
    )


def _points(points: int) -> Message:
    return msg("scores.one_point") if points == 1 else msg("scores.points", points=points)


# ---------------------------------------------------------------- Child-Pugh
# Child-Pugh: Pugh et al., Br J Surg 1973; bands in mg/dL and g/dL, inclusive middle band by
# the common implementation convention (Pugh gives ranges only; clinical-rules.md).
ASCITES_POINTS = {"none": 1, "mild": 2, "moderate_severe": 3}
ENCEPHALOPATHY_POINTS = {"none": 1, "grade_1_2": 2, "grade_3_4": 3}


class ChildPugh(NamedTuple):
    """Child-Pugh points (5-15) and class A/B/C."""

    points: int
    cls: str
    why: tuple[Message, ...]

    @property
    def label(self) -> str:
        return f"{self.cls}{self.points}"

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "points": self.points,
            "class": self.cls,
            "label": self.label,
            "why": render_all(self.why, lang),
        }


def bilirubin_points(mg_dl: float) -> int:
    value = settled(mg_dl)
    return 1 if value < 2 else 2 if value <= 3 else 3


def albumin_points(g_dl: float) -> int:
    value = settled(g_dl)
    return 1 if value > 3.5 else 2 if value >= 2.8 else 3


def inr_points(inr: float) -> int:
    value = settled(inr)
    return 1 if value < 1.7 else 2 if value <= 2.3 else 3


def child_pugh_class(points: int) -> str:
    return "A" if points <= 6 else "B" if points <= 9 else "C"


def child_pugh(case: Case) -> ChildPugh:
    labs, liver = case.labs, case.liver
    components = [
        (
            "scores.cp.bilirubin",
            entered(labs.bilirubin, "mg/dL", labs.bilirubin.mg_dl),
            bilirubin_points(labs.bilirubin.mg_dl),
        ),
        (
            "scores.cp.albumin",
            entered(labs.albumin, "g/dL", labs.albumin.g_dl),
            albumin_points(labs.albumin.g_dl),
        ),
        ("scores.cp.inr", labs.inr, inr_points(labs.inr)),
        ("scores.cp.ascites", Term(f"term.ascites.{liver.ascites}"), ASCITES_POINTS[liver.ascites]),
        (
            "scores.cp.encephalopathy",
            Term(f"term.encephalopathy.{liver.encephalopathy}"),
            ENCEPHALOPATHY_POINTS[liver.encephalopathy],
        ),
    ]
    total = sum(points for _, _, points in components)
    cls = child_pugh_class(total)
    why = [msg(key, value=value, points=_points(points)) for key, value, points in components]
    why.append(msg("scores.cp.rule", label=f"{cls}{total}"))
    return ChildPugh(points=total, cls=cls, why=tuple(why))


# ---------------------------------------------------------------- ALBI / mALBI
# ALBI: Johnson et al., J Clin Oncol 2015; mALBI 2a/2b: Hiraoka et al., Liver Cancer 2017
ALBI_GRADE_1_MAX = -2.60
MALBI_GRADE_2A_MAX = -2.27
ALBI_GRADE_2_MAX = -1.39


class Albi(NamedTuple):
    """ALBI score (unrounded) and its mALBI grade 1, 2a, 2b or 3."""

    score: float
    grade: str
    why: tuple[Message, ...]

    @property
    def display(self) -> str:
        return albi_display(self.score)

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "score": self.score,
            "score_display": self.display,
            "grade": self.grade,
            "why": render_all(self.why, lang),
        }


ALBI_CUT_OFFS = (ALBI_GRADE_1_MAX, MALBI_GRADE_2A_MAX, ALBI_GRADE_2_MAX)
ALBI_MAX_DECIMALS = 9


def albi_display(score: float) -> str:
    """The fewest decimals (at least 2) at which the printed score differs from every cut-off it
    would otherwise equal: -2.59996 prints as -2.59996, never as "-2.60" beside grade 2a. A score
    that is the cut-off itself prints as the cut-off."""
    exact = settled(score)
    for places in range(2, ALBI_MAX_DECIMALS + 1):
        shown = f"{score:.{places}f}"
        hides_a_side = any(float(shown) == cut and exact != cut for cut in ALBI_CUT_OFFS)
        if not hides_a_side:
            return shown
    return f"{score:.{ALBI_MAX_DECIMALS}f}"


def albi_score(bilirubin_umol_l: float, albumin_g_l: float) -> float:
    if bilirubin_umol_l <= 0:
        raise ValueError("ALBI needs a bilirubin above 0 umol/L")
    return 0.66 * math.log10(bilirubin_umol_l) - 0.085 * albumin_g_l


def albi_grade(score: float) -> str:
    """Grade on the unrounded score (only float noise removed), edges as clinical-rules.md."""
    value = settled(score)
    if value <= ALBI_GRADE_1_MAX:
        return "1"
    if value <= MALBI_GRADE_2A_MAX:
        return "2a"
    return "2b" if value <= ALBI_GRADE_2_MAX else "3"


def albi(case: Case) -> Albi:
    bilirubin, albumin = case.labs.bilirubin, case.labs.albumin
    score = albi_score(bilirubin.umol_l, albumin.g_l)
    grade = albi_grade(score)
    why = (
        msg(
            "scores.albi.formula",
            bilirubin=entered(bilirubin, "umol/L", bilirubin.umol_l),
            albumin=entered(albumin, "g/L", albumin.g_l),
            bilirubin_umol_l=bilirubin.umol_l,
            albumin_g_l=albumin.g_l,
            score=albi_display(score),
        ),
        msg("scores.albi.grade", grade=grade, band=msg(f"scores.albi.band_{grade}")),
    )
    return Albi(score=score, grade=grade, why=why)


# ---------------------------------------------------------------- MELD / MELD-Na
# MELD and MELD-Na: OPTN policy (the 2016 MELD-Na rule) as clinical-rules.md states it: floors 1.0,
# creatinine cap 4.0, MELD(i) rounded to the tenth and x10 (a whole number, as OPTN writes it),
# MELD-Na from that whole number only when it is > 11, Na bounded 125-137, rounded, cap 40.
MELD_LAB_FLOOR = 1.0
MELD_CREATININE_CAP = 4.0
MELD_NA_SWITCH = 11.0
SODIUM_LOW, SODIUM_HIGH = 125.0, 137.0
MELD_CAP = 40


class Meld(NamedTuple):
    """MELD and MELD-Na as integers, or None (with the missing input in `why`)."""

    meld: int | None
    meld_na: int | None
    why: tuple[Message, ...]

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {"meld": self.meld, "meld_na": self.meld_na, "why": render_all(self.why, lang)}


def meld_initial(creatinine_mg_dl: float, bilirubin_mg_dl: float, inr: float) -> float:
    """MELD(i) x 10, unrounded, from values already floored and capped."""
    return 10 * (
        0.957 * math.log(creatinine_mg_dl)
        + 0.378 * math.log(bilirubin_mg_dl)
        + 1.120 * math.log(inr)
        + 0.643
    )


def meld_whole(meld_i: float) -> int:
    """OPTN: MELD(i) rounded to the tenth decimal place, then x10 (2.7702 -> 2.8 -> 28); `meld_i`
    is already x10, so this rounds it half up to a whole number. Not capped here."""
    return math.floor(settled(meld_i) + 0.5)


def meld_sodium(meld_i: float, sodium_mmol_l: float) -> float:
    """MELD-Na from the whole-number MELD(i); sodium bounded to 125-137 here."""
    sodium = min(max(sodium_mmol_l, SODIUM_LOW), SODIUM_HIGH)
    return meld_i + 1.32 * (137 - sodium) - 0.033 * meld_i * (137 - sodium)


def meld_points(value: float) -> int:
    """Round half up to the nearest integer (not Python's half-to-even), then cap at 40."""
    return min(math.floor(settled(value) + 0.5), MELD_CAP)


def _floored(name: str, shown: Message | float, value: float) -> tuple[float, Message]:
    if settled(value) < MELD_LAB_FLOOR:
        return MELD_LAB_FLOOR, msg("scores.meld.floor", name=Term(name), value=shown)
    return value, msg("scores.meld.used", name=Term(name), value=shown)


def _creatinine_used(labs: Labs, dialysis: bool | None) -> tuple[float | None, list[Message]]:
    creatinine = labs.creatinine
    if dialysis:
        return MELD_CREATININE_CAP, [msg("scores.meld.dialysis")]
    if creatinine is None:
        return None, [msg("scores.meld.no_creatinine")]
    shown = entered(creatinine, "mg/dL", creatinine.mg_dl)
    if settled(creatinine.mg_dl) >= MELD_CREATININE_CAP:
        # Already at the value dialysis would set: whether dialysis happened cannot matter.
        line = msg("scores.meld.creatinine_cap", value=shown)
        return MELD_CREATININE_CAP, [line]
    used, line = _floored("scores.term.creatinine", shown, creatinine.mg_dl)
    if dialysis is None:
        return used, [line, msg("scores.meld.dialysis_not_recorded")]
    return used, [line]


def meld(case: Case) -> Meld:
    labs = case.labs
    creatinine, why = _creatinine_used(labs, case.liver.dialysis_twice_in_past_week)
    if creatinine is None:
        return Meld(meld=None, meld_na=None, why=tuple(why))
    bilirubin, bilirubin_line = _floored(
        "scores.term.bilirubin",
        entered(labs.bilirubin, "mg/dL", labs.bilirubin.mg_dl),
        labs.bilirubin.mg_dl,
    )
    inr, inr_line = _floored("scores.term.inr", labs.inr, labs.inr)
    whole = meld_whole(meld_initial(creatinine, bilirubin, inr))
    meld_value = min(whole, MELD_CAP)
    why += [
        bilirubin_line,
        inr_line,
        msg("scores.meld.result", meld=meld_value, meld_i=whole),
    ]
    meld_na, na_line = _meld_na(whole, meld_value, labs)
    return Meld(meld=meld_value, meld_na=meld_na, why=(*why, na_line))


def _meld_na(whole: int, meld_value: int, labs: Labs) -> tuple[int | None, Message]:
    # OPTN: the > 11 switch and the Na correction use MELD(i) as the whole number written
    # after rounding to the tenth and x10 (clinical-rules.md, second edition).
    if labs.sodium is None:
        return None, msg("scores.meld.no_sodium")
    sodium = labs.sodium.value
    if whole <= MELD_NA_SWITCH:
        return meld_value, msg("scores.meld.na_not_needed", meld_i=whole, sodium=sodium)
    meld_na = meld_points(meld_sodium(whole, sodium))
    bounded = min(max(sodium, SODIUM_LOW), SODIUM_HIGH)
    return meld_na, msg(
        "scores.meld.na_applied",
        meld_na=meld_na,
        meld_i=whole,
        sodium=sodium,
        used=bounded,
    )
