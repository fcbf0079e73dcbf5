"""Tumour response over the imaging series: mRECIST (Lencioni & Llovet 2010) or RECIST 1.1.

RECIST 1.1 is Eisenhauer 2009. The first scan is the baseline; its target lesions (at most 5)
are followed by id. Arithmetic is exact (desktop.logic.clinical.response_numbers), so a change
of exactly -30 % or +20 % lands on the published side of the boundary. A target lesion missing
at a follow-up makes that sum not evaluable ("NE"): a missing measurement is never taken as 0.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from desktop.logic.clinical.markers import marker_series
from desktop.logic.clinical.response_numbers import (
    Percent,
    at_least_pct_above,
    diameters,
    difference,
    exact,
    mm,
    pct_change,
    pct_text,
    rounded,
    target_sum,
    whole_as_int,
)
from desktop.logic.model import Case, Imaging, Message, Term, msg, render_all

# Target lesions: at most 5 in total (Eisenhauer 2009, RECIST 1.1; kept by Lencioni & Llovet 2010).
MAX_TARGET_LESIONS = 5
# PR: sum at least 30 % below the baseline sum (RECIST 1.1; mRECIST).
PR_DECREASE_PCT = 30
# PD: sum at least 20 % above the nadir (RECIST 1.1; mRECIST).
PD_INCREASE_PCT = 20
# PD under RECIST 1.1 also needs an absolute increase of at least 5 mm (Eisenhauer 2009).
RECIST_PD_MIN_INCREASE_MM = 5
# Best response ranks CR > PR > SD > PD; NE only when nothing was evaluable.
BEST_ORDER = ("CR", "PR", "SD", "PD", "NE")
BASELINE = "baseline"
BOUNDARIES = (PR_DECREASE_PCT, PD_INCREASE_PCT)  # a percent shown near one needs its decimals


class Timepoint(NamedTuple):
    """One scan of the series: its sum, its changes and its category, with the reasons."""

    date: dt.date
    sum_mm: float | None
    change_from_baseline_pct: float | None
    change_from_nadir_pct: float | None
    category: str
    why: tuple[Message, ...]

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "sum_mm": whole_as_int(self.sum_mm),
            "change_from_baseline_pct": self.change_from_baseline_pct,
            "change_from_nadir_pct": self.change_from_nadir_pct,
            "category": self.category,
            "why": render_all(self.why, lang),
        }


class ResponseSeries(NamedTuple):
    """The whole series read with one set of criteria: per-scan timepoints, current and best."""

    criteria: str
    timepoints: tuple[Timepoint, ...]
    current: str
    best: str
    why: tuple[Message, ...]
    needs_new_baseline: bool = False

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "criteria": self.criteria,
            "timepoints": [point.to_output(lang) for point in self.timepoints],
            "current": self.current,
            "best": self.best,
            "needs_new_baseline": self.needs_new_baseline,
            "why": render_all(self.why, lang),
        }


class ChartSeries(NamedTuple):
    """Plain (date, value) points for the response chart: sum of diameters, AFP, PIVKA-II."""

    sum_mm: tuple[tuple[dt.date, float], ...]
    afp_ng_ml: tuple[tuple[dt.date, float], ...]
    pivka_ii_mau_ml: tuple[tuple[dt.date, float], ...]


def assess_response(imaging: Sequence[Imaging]) -> ResponseSeries | None:
    """The response series, or None with fewer than two scans (nothing to compare)."""
    if len(imaging) < 2:
        return None
    baseline = imaging[0]
    targets = _target_ids(baseline)
    timepoints = _timepoints(imaging, baseline.criteria, targets)
    follow_ups = timepoints[1:]
    counted = _until_first_progression(follow_ups)
    current, best = follow_ups[-1].category, _best(counted)
    why = [
        *_series_notes(imaging, targets),
        msg(
            "response.current_best",
            current=_category_term(current),
            date=follow_ups[-1].date.isoformat(),
            best=_category_term(best),
        ),
    ]
    progressed = counted[-1].category == "PD"
    if progressed:
        first_pd = counted[-1].date.isoformat()
        why.append(msg("response.new_baseline", date=first_pd))
    return ResponseSeries(baseline.criteria, timepoints, current, best, tuple(why), progressed)


def response_chart_series(case: Case) -> ChartSeries:
    """Evaluable sums per scan, plus the dated AFP and PIVKA-II series (labs_history and the
    current labs, dated at `assessed_on`)."""
    sums: tuple[tuple[dt.date, float], ...] = ()
    if case.imaging:
        baseline = case.imaging[0]
        points = _timepoints(case.imaging, baseline.criteria, _target_ids(baseline))
        sums = tuple((p.date, p.sum_mm) for p in points if p.sum_mm is not None)
    markers = marker_series(case)
    return ChartSeries(
        sum_mm=sums,
        afp_ng_ml=tuple((p.date, p.value) for p in markers.afp),
        pivka_ii_mau_ml=tuple((p.date, p.value) for p in markers.pivka_ii),
    )


def nice_ceiling(value: float) -> float:
    """The top of a chart axis, for the screen and the PDF alike: the smallest of 1, 2, 2.5 and
    5 x 10^n at or above `value` (0.5 stays 0.5, 105 becomes 200); 10 when there is no value."""
    if not math.isfinite(value) or value <= 0:
        return 10.0
    exponent = math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5):
        top = _scaled(factor, exponent)
        if top >= value * (1 - 1e-12):  # a value printed as 200 that is 200.00000000001 is 200
            return top
    return _scaled(10, exponent)


def _scaled(factor: float, exponent: int) -> float:
    """factor x 10^exponent, dividing for negative exponents (0.5, not 0.5000000000000001)."""
    return float(factor * 10**exponent if exponent >= 0 else factor / 10**-exponent)


# --- the series ------------------------------------------------------------------------------


def _target_ids(baseline: Imaging) -> tuple[str, ...]:
    marked = [lesion.id for lesion in baseline.lesions if lesion.target]
    return tuple(marked[:MAX_TARGET_LESIONS])


def _timepoints(
    imaging: Sequence[Imaging], criteria: str, targets: tuple[str, ...]
) -> tuple[Timepoint, ...]:
    baseline_sum = target_sum(diameters(imaging[0]), targets)
    nadir = baseline_sum
    points = [_baseline_point(imaging[0], targets, baseline_sum)]
    for scan in imaging[1:]:
        point = _follow_up_point(scan, criteria, targets, baseline_sum, nadir)
        points.append(point)
        if point.sum_mm is not None:
            nadir = min(nadir, exact(point.sum_mm))
    return tuple(points)


def _baseline_point(scan: Imaging, targets: tuple[str, ...], total: Decimal) -> Timepoint:
    why = [_sum_message(diameters(scan), targets, total)]
    zero_pct: float | None = 0.0
    if total == 0:
        zero_pct = None
        why.append(msg("response.baseline_zero"))
    return Timepoint(scan.date, float(total), zero_pct, zero_pct, BASELINE, tuple(why))


def _follow_up_point(
    scan: Imaging,
    criteria: str,
    targets: tuple[str, ...],
    baseline_sum: Decimal,
    nadir: Decimal,
) -> Timepoint:
    measured = diameters(scan)
    missing = [lesion_id for lesion_id in targets if lesion_id not in measured]
    total = target_sum(measured, targets)
    why = [_sum_message(measured, targets, total, partial=bool(missing))]
    why += [
        msg("response.not_baseline_target", lesion=lesion.id)
        for lesion in scan.lesions
        if lesion.target and lesion.id not in targets
    ]
    if missing:
        return _not_evaluable_point(scan, criteria, total, missing, nadir, why)
    from_baseline = pct_change(total, baseline_sum)
    from_nadir = pct_change(total, nadir)
    why += _change_messages(from_baseline, baseline_sum, from_nadir, nadir)
    category, reasons = _category(scan, criteria, total, baseline_sum, nadir)
    return Timepoint(
        scan.date,
        float(total),
        rounded(from_baseline),
        rounded(from_nadir),
        category,
        tuple(why + reasons),
    )


def _not_evaluable_point(
    scan: Imaging,
    criteria: str,
    partial_sum: Decimal,
    missing: list[str],
    nadir: Decimal,
    why: list[Message],
) -> Timepoint:
    why += [msg("response.missing_lesion", lesion=lesion_id) for lesion_id in missing]
    progression = _progression_reasons(scan, criteria, partial_sum, nadir)
    if progression:
        return Timepoint(scan.date, None, None, None, "PD", tuple(why + progression))
    why.append(msg("response.ne", criteria=_criteria_term(criteria)))
    return Timepoint(scan.date, None, None, None, "NE", tuple(why))


def _category(
    scan: Imaging, criteria: str, total: Decimal, baseline_sum: Decimal, nadir: Decimal
) -> tuple[str, list[Message]]:
    """CR, then PD, then PR, then SD: the first that applies wins."""
    source = _criteria_term(criteria)
    if total == 0 and scan.non_target == "absent" and not scan.new_lesions:
        return "CR", [msg("response.cr", criteria=source)]
    reasons = []
    if total == 0 and scan.non_target == "present" and not scan.new_lesions:
        reasons.append(msg("response.cr_blocked_non_target"))
    progression = _progression_reasons(scan, criteria, total, nadir)
    if progression:
        return "PD", reasons + progression
    reasons += _sum_below_pd_threshold(criteria, total, nadir)
    decrease = pct_change(total, baseline_sum)
    if decrease is not None and decrease.at_most(-PR_DECREASE_PCT):
        return "PR", [*reasons, msg("response.pr", pct=_pct(decrease), criteria=source)]
    if decrease is None:
        reasons.append(msg("response.pr_not_evaluable"))
    return "SD", [*reasons, msg("response.sd", criteria=source)]


def _progression_reasons(
    scan: Imaging, criteria: str, total: Decimal, nadir: Decimal
) -> list[Message]:
    source = _criteria_term(criteria)
    reasons = []
    if scan.new_lesions:
        reasons.append(msg("response.pd_new_lesion", criteria=source))
    if scan.non_target == "unequivocal_progression":
        reasons.append(msg("response.pd_non_target", criteria=source))
    if _sum_progressed(criteria, total, nadir):
        reasons.append(_sum_progression_message(criteria, total, nadir))
    return reasons


def _sum_progressed(criteria: str, total: Decimal, nadir: Decimal) -> bool:
    increase = difference(total, nadir)
    if increase <= 0 or not at_least_pct_above(total, nadir, PD_INCREASE_PCT):
        return False
    return criteria != "RECIST1.1" or increase >= RECIST_PD_MIN_INCREASE_MM


def _sum_progression_message(criteria: str, total: Decimal, nadir: Decimal) -> Message:
    source = _criteria_term(criteria)
    increase = mm(difference(total, nadir))
    if nadir == 0:
        return msg("response.pd_from_zero", increase=increase, criteria=source)
    pct = _pct(pct_change(total, nadir))
    if criteria == "RECIST1.1":
        return msg("response.pd_sum_recist", pct=pct, nadir=mm(nadir), increase=increase)
    return msg("response.pd_sum", pct=pct, nadir=mm(nadir), criteria=source)


def _sum_below_pd_threshold(criteria: str, total: Decimal, nadir: Decimal) -> list[Message]:
    """The one near-miss worth saying: RECIST 1.1 +20 % reached but under 5 mm absolute."""
    increase = difference(total, nadir)
    reached_pct = increase > 0 and at_least_pct_above(total, nadir, PD_INCREASE_PCT)
    if criteria == "RECIST1.1" and reached_pct and increase < RECIST_PD_MIN_INCREASE_MM:
        return [msg("response.pd_absolute_not_met", increase=mm(increase))]
    return []


def _best(follow_ups: Sequence[Timepoint]) -> str:
    return min((point.category for point in follow_ups), key=BEST_ORDER.index)


def _until_first_progression(follow_ups: Sequence[Timepoint]) -> Sequence[Timepoint]:
    """RECIST 1.1: best overall response is counted from the start of treatment until
    progression, so the follow-ups up to and including the first PD."""
    for index, point in enumerate(follow_ups):
        if point.category == "PD":
            return follow_ups[: index + 1]
    return follow_ups


def _series_notes(imaging: Sequence[Imaging], targets: tuple[str, ...]) -> list[Message]:
    baseline = imaging[0]
    criteria = baseline.criteria
    notes = [msg(f"response.criteria_{_criteria_slug(criteria)}")]
    if targets:
        notes.append(msg("response.targets", date=baseline.date.isoformat(), lesions=list(targets)))
    else:
        notes.append(msg("response.no_targets", date=baseline.date.isoformat()))
    marked = [lesion.id for lesion in baseline.lesions if lesion.target]
    if len(marked) > MAX_TARGET_LESIONS:
        notes.append(
            msg("response.targets_capped", count=len(marked), dropped=marked[MAX_TARGET_LESIONS:])
        )
    other = [scan for scan in imaging[1:] if scan.criteria != criteria]
    if other:
        notes.append(
            msg(
                "response.mixed_criteria",
                dates=[scan.date.isoformat() for scan in other],
                criteria=_criteria_term(criteria),
            )
        )
    return notes


# --- small helpers ---------------------------------------------------------------------------


def _sum_message(
    measured: dict[str, Decimal], targets: tuple[str, ...], total: Decimal, partial: bool = False
) -> Message:
    parts = [f"{i} {mm(measured[i])} mm" for i in targets if i in measured]
    key = "response.partial_sum" if partial else "response.sum"
    return msg(key, total=mm(total), lesions=parts or ["-"])


def _pct(pct: Percent | None) -> str:
    return pct_text(pct, BOUNDARIES)


def _change_messages(
    from_baseline: Percent | None,
    baseline_sum: Decimal,
    from_nadir: Percent | None,
    nadir: Decimal,
) -> list[Message]:
    lines = []
    if from_baseline is None:
        lines.append(msg("response.baseline_zero"))
    else:
        lines.append(msg("response.change_baseline", pct=_pct(from_baseline), sum=mm(baseline_sum)))
    if from_nadir is not None:
        lines.append(msg("response.change_nadir", pct=_pct(from_nadir), sum=mm(nadir)))
    elif from_baseline is not None:
        lines.append(msg("response.nadir_zero"))
    return lines


def _criteria_slug(criteria: str) -> str:
    return "mrecist" if criteria == "mRECIST" else "recist"


def _criteria_term(criteria: str) -> Term:
    return Term(f"term.criteria.{_criteria_slug(criteria)}")


def _category_term(category: str) -> Term:
    return Term(f"term.response.{category}")
