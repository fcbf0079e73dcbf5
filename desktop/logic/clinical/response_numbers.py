"""The response criteria's numbers: diameters exactly as entered, their sums and percent changes,
and how each is written (millimetres as entered, percents with the decimals a boundary needs).

Arithmetic is exact, so a change of exactly -30 % or +20 % lands on the published side of the
boundary: diameters are the decimals as entered, summed and compared in EXACT (a context with
every digit, that refuses to round), and a percent change is kept as its two exact terms.
Decimal (C) in place of Fraction: the same numbers (tests/logic/clinical, property).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Rounded,
)
from typing import NamedTuple

from desktop.logic.model import Imaging

ZERO = Decimal(0)
# Sums, differences and products of entered decimals, never rounded (an inexact one raises).
EXACT = Context(
    prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Inexact, Rounded]
)
# A percent as written: 28 significant digits, the decimal module's default.
QUOTIENT = Context(prec=28, rounding=ROUND_HALF_EVEN)
_HUGE_DIGITS = 15  # a change of 10^15 % or more is shown as a power of ten
_HALF_UP = Context(prec=28, rounding=ROUND_HALF_UP)  # a percent shown to its places
_TENTH, _HUNDREDTH = Decimal("0.1"), Decimal("0.01")
_PLACES = (Decimal("0.1"), Decimal("0.01"), Decimal("0.001"), Decimal("0.0001"))


class Percent(NamedTuple):
    """A percent change, exact: `hundredfold` / `reference` is 100 x (value - reference) /
    reference, with `reference` above 0."""

    hundredfold: Decimal
    reference: Decimal

    def at_most(self, limit: int) -> bool:
        """The change is `limit` percent or less (exactly: no rounding decides a boundary)."""
        return self.hundredfold <= EXACT.multiply(Decimal(limit), self.reference)

    def is_exactly(self, value: Decimal) -> bool:
        return EXACT.multiply(value, self.reference) == self.hundredfold

    def decimal(self) -> Decimal:
        """The change to 28 significant digits (the quotient correctly rounded)."""
        return QUOTIENT.divide(self.hundredfold, self.reference)


def exact(value: float) -> Decimal:
    """The decimal as entered (52.3 is 52.3, not the nearest binary float): the shortest
    decimal that reads back as the same float."""
    return Decimal(repr(float(value)))


def diameters(scan: Imaging) -> dict[str, Decimal]:
    """Each lesion's viable diameter, exact, by lesion id (the last one of a repeated id)."""
    return {lesion.id: exact(lesion.viable_diameter_mm) for lesion in scan.lesions}


def target_sum(measured: dict[str, Decimal], targets: Sequence[str]) -> Decimal:
    """The sum over the target lesions measured on the scan."""
    total = ZERO
    for lesion_id in targets:
        if lesion_id in measured:
            total = EXACT.add(total, measured[lesion_id])
    return total


def difference(value: Decimal, reference: Decimal) -> Decimal:
    return EXACT.subtract(value, reference)


def at_least_pct_above(value: Decimal, reference: Decimal, pct: int) -> bool:
    """`value` is at least `pct` percent above `reference` (value x 100 >= reference x
    (100 + pct)), exactly."""
    scaled = EXACT.multiply(value, Decimal(100))
    return scaled >= EXACT.multiply(reference, Decimal(100 + pct))


def pct_change(value: Decimal, reference: Decimal) -> Percent | None:
    if reference == 0:
        return None
    return Percent(EXACT.multiply(difference(value, reference), Decimal(100)), reference)


def rounded(pct: Percent | None) -> float | None:
    if pct is None:
        return None
    value = float(_to_places(pct.decimal(), _TENTH))
    return value if math.isfinite(value) else None  # beyond any float: no number, as for 0 mm


def _to_places(value: Decimal, places: Decimal) -> Decimal:
    """`value` rounded half up to `places`; a change too large for 28 digits at that place (a
    reference sum of 1e-38 mm, which a file may hold) keeps every digit it has instead of
    raising."""
    digits = value.adjusted() - places.adjusted() + 1
    wide = Context(prec=digits, rounding=ROUND_HALF_UP) if digits > _HALF_UP.prec else _HALF_UP
    return value.quantize(places, context=wide)


def pct_text(pct: Percent | None, boundaries: tuple[int, ...]) -> str:
    """One decimal, signed; more decimals only when one would hide which side of a boundary
    (30 or 20) it is."""
    if pct is None:
        return "-"
    value = pct.decimal()
    if value.adjusted() >= _HUGE_DIGITS:  # a reference of 1e-38 mm: four digits and a power
        return f"{value:+.3E}"
    for places in _PLACES:
        shown = _to_places(value, places)
        if abs(shown) not in boundaries or pct.is_exactly(shown):
            break
    return f"{shown:+}"


def mm(value: Decimal) -> str:
    """Millimetres as written: 64 not 64.0, 12.5 as 12.5 (from 28 significant digits)."""
    shown = QUOTIENT.plus(value).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP, context=QUOTIENT)
    return f"{shown.normalize(QUOTIENT):f}"


def whole_as_int(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)
