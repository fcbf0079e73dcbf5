"""Tumour markers over time (clinical-rules.md, "Tumour markers over time"): every recorded AFP and
PIVKA-II value with its date and its change from the first value, in percent.

There is no single standard for a marker response, so no category is given; the chart shows the
series. Values come from `labs_history` and the current labs (dated `assessed_on`); AFP entered in
IU/mL is compared in ng/mL (1 IU/mL = 1.21 ng/mL) and keeps what was entered beside it.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from desktop.logic.model import Case


class MarkerPoint(NamedTuple):
    date: dt.date
    value: float
    unit: str
    entered: str | None
    change_from_first_pct: float | None

    def to_output(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date.isoformat(),
            "value": _plain(self.value),
            "unit": self.unit,
            "change_from_first_pct": self.change_from_first_pct,
        }
        if self.entered is not None:
            out["entered"] = self.entered
        return out


class Markers(NamedTuple):
    afp: tuple[MarkerPoint, ...]
    pivka_ii: tuple[MarkerPoint, ...]

    def to_output(self) -> dict[str, Any]:
        return {
            "afp": [point.to_output() for point in self.afp],
            "pivka_ii": [point.to_output() for point in self.pivka_ii],
        }


def marker_series(case: Case) -> Markers:
    afp: list[tuple[dt.date, float, str | None]] = []
    pivka: list[tuple[dt.date, float, str | None]] = []
    readings = [(entry.date, entry.afp, entry.pivka_ii) for entry in case.labs_history]
    readings.append((case.assessed_on, case.labs.afp, case.labs.pivka_ii))
    for day, afp_value, pivka_value in readings:
        if afp_value is not None:
            entered = None if afp_value.unit == "ng/mL" else f"{_plain(afp_value.value)} IU/mL"
            afp.append((day, afp_value.ng_ml, entered))
        if pivka_value is not None:
            pivka.append((day, pivka_value.value, None))
    return Markers(_points(afp, "ng/mL"), _points(pivka, "mAU/mL"))


def _points(values: list[tuple[dt.date, float, str | None]], unit: str) -> tuple[MarkerPoint, ...]:
    ordered = sorted(values, key=lambda item: item[0])  # stable: same-day values keep their order
    if not ordered:
        return ()
    first = ordered[0][1]
    return tuple(
        MarkerPoint(day, value, unit, entered, _change(value, first))
        for day, value, entered in ordered
    )


def _change(value: float, first: float) -> float | None:
    """Change from the first value in %, one decimal, half up; None when the first is 0."""
    if first == 0:
        return None
    change = (Decimal(repr(value)) - Decimal(repr(first))) * 100 / Decimal(repr(first))
    return float(change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _plain(value: float) -> float | int:
    rounded = round(value, 4)
    return int(rounded) if float(rounded).is_integer() else rounded
