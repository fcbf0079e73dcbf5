"""The response criteria's numbers: diameters exactly as entered, their sums and percent changes,
and how each is written (millimetres as entered, percents with the decimals a boundary needs).

Arithmetic is exact (fractions of the entered decimals), so a change of exactly -30 % or +20 %
lands on the published side of the boundary.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from desktop.logic.model import Imaging

ZERO = Fraction(0)
_TENTH, _HUNDREDTH = Decimal("0.1"), Decimal("0.01")
_PLACES = (Decimal("0.1"), Decimal("0.01"), Decimal("0.001"), Decimal("0.0001"))


def exact(value: float) -> Fraction:
    """The decimal as entered (52.3 is 523/10, not the nearest binary float): the shortest
    decimal that reads back as the same float, as a fraction. Read by the decimal module (C)
    rather than Fraction's text parser: the same number (tests/logic/clinical, property)."""
    return Fraction(*Decimal(repr(float(value))).as_integer_ratio())


def diameters(scan: Imaging) -> dict[str, Fraction]:
    """Each lesion's viable diameter, exact, by lesion id (the last one of a repeated id)."""
    return {lesion.id: exact(lesion.viable_diameter_mm) for lesion in scan.lesions}


def target_sum(measured: dict[str, Fraction], targets: Sequence[str]) -> Fraction:
    """The sum over the target lesions measured on the scan."""
    return sum((measured[i] for i in targets if i in measured), ZERO)


def pct_change(value: Fraction, reference: Fraction) -> Fraction | None:
    if reference == 0:
        return None
    return (value - reference) * 100 / reference


def decimal_of(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def rounded(pct: Fraction | None) -> float | None:
    if pct is None:
        return None
    return float(decimal_of(pct).quantize(_TENTH, rounding=ROUND_HALF_UP))


def pct_text(pct: Fraction | None, boundaries: tuple[Fraction, ...]) -> str:
    """One decimal, signed; more decimals only when one would hide which side of a boundary
    (30 or 20) it is."""
    if pct is None:
        return "-"
    value = decimal_of(pct)
    for places in _PLACES:
        shown = value.quantize(places, rounding=ROUND_HALF_UP)
        if abs(shown) not in boundaries or Fraction(shown) == pct:
            break
    return f"{shown:+}"


def mm(value: Fraction) -> str:
    """Millimetres as written: 64 not 64.0, 12.5 as 12.5."""
    shown = decimal_of(value).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP).normalize()
    return f"{shown:f}"


def whole_as_int(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)
