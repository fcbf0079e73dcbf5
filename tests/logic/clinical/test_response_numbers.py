"""Exact response arithmetic: a diameter is the decimal as entered, read by the decimal module
exactly as Fraction's own text parser reads it; sums, percent changes and how they are written
equal the Fraction arithmetic they replaced (kept here as the oracle)."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.logic.clinical.response_numbers import (
    Percent,
    at_least_pct_above,
    difference,
    exact,
    mm,
    pct_change,
    pct_text,
    rounded,
    target_sum,
)


def entered_decimal(value: float) -> Fraction:
    """The former method: Fraction parses the float's shortest decimal text."""
    return Fraction(repr(float(value)))


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_exact_equals_the_parsed_decimal_for_every_finite_float(value):
    assert exact(value) == entered_decimal(value)


@given(st.decimals(min_value=0, max_value=400, places=3, allow_nan=False, allow_infinity=False))
def test_exact_of_an_entered_diameter_is_its_decimal(value):
    assert exact(float(value)) == Fraction(value) == entered_decimal(float(value))


@pytest.mark.parametrize("value", [0, 0.0, -0.0, 52.3, 1e-07, 1e22, 400, 30.31, 0.1 + 0.2])
def test_exact_at_edges(value):
    assert exact(value) == entered_decimal(value)


@pytest.mark.parametrize(
    ("pct", "shown"),
    [
        (Fraction(-30), "-30.0"),
        (Fraction(-2998, 100), "-29.98"),  # rounds to -30.0: more decimals show the side
        (Fraction(20001, 1000), "+20.001"),
        (Fraction(-7051, 100), "-70.5"),
        (None, "-"),
    ],
)
def test_pct_text_shows_the_side_of_a_boundary(pct, shown):
    # the change from a reference of 100 mm is the percent itself
    change = None if pct is None else pct_change(exact(float(100 + pct)), Decimal(100))
    assert pct_text(change, (30, 20)) == shown


@pytest.mark.parametrize(("value", "shown"), [(64, "64"), (12.5, "12.5"), (52.3, "52.3")])
def test_mm_is_written_as_entered(value, shown):
    assert mm(exact(value)) == shown


# --- the Fraction arithmetic the Decimal one replaced, as the oracle ---------------------------


def _decimal_of(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _former_pct_text(pct: Fraction, boundaries: tuple[Fraction, ...]) -> str:
    value = _decimal_of(pct)
    for places in (Decimal("0.1"), Decimal("0.01"), Decimal("0.001"), Decimal("0.0001")):
        shown = value.quantize(places, rounding=ROUND_HALF_UP)
        if abs(shown) not in boundaries or Fraction(shown) == pct:
            break
    return f"{shown:+}"


def _former_mm(value: Fraction) -> str:
    shown = _decimal_of(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{shown:f}"


DIAMETERS = st.one_of(
    st.decimals(min_value=0, max_value=400, places=2).map(float),
    st.floats(min_value=0, max_value=400, allow_nan=False),  # any float a file may hold
)


@given(st.lists(DIAMETERS, min_size=1, max_size=5), st.lists(DIAMETERS, min_size=1, max_size=5))
def test_sums_and_changes_equal_the_fraction_arithmetic(scan, reference_scan):
    ids = [f"L{i}" for i in range(max(len(scan), len(reference_scan)))]
    total = target_sum({i: exact(d) for i, d in zip(ids, scan, strict=False)}, ids)
    reference = target_sum({i: exact(d) for i, d in zip(ids, reference_scan, strict=False)}, ids)
    former_total = sum((Fraction(repr(d)) for d in scan), Fraction(0))
    former_reference = sum((Fraction(repr(d)) for d in reference_scan), Fraction(0))
    assert total == former_total
    assert reference == former_reference
    assert float(total) == float(former_total)
    assert mm(total) == _former_mm(former_total)
    assert difference(total, reference) == former_total - former_reference
    above = former_total * 100 >= former_reference * 120
    assert at_least_pct_above(total, reference, 20) is above
    change = pct_change(total, reference)
    if former_reference == 0:
        assert change is None
        assert rounded(change) is None
        return
    former = (former_total - former_reference) * 100 / former_reference
    assert change is not None
    assert change.at_most(-30) is (former <= -30)
    if abs(former) >= 10**15:  # 1e-38 mm references: see the test below
        return
    assert pct_text(change, (30, 20)) == _former_pct_text(former, (Fraction(30), Fraction(20)))
    assert rounded(change) == _former_rounded(former)


@pytest.mark.parametrize("reference_mm", [1e-38, 1e-300, 1e-12])
def test_a_change_too_large_for_28_digits_is_a_power_of_ten_not_an_error(reference_mm):
    """A file may hold a reference sum of 1e-38 mm (0-400 mm allowed): the change used to raise
    decimal.InvalidOperation; it is shown with four digits and a power of ten."""
    change = pct_change(exact(20.0), exact(reference_mm))
    expected = (Fraction(20) - Fraction(reference_mm)) * 100 / Fraction(reference_mm)
    text = pct_text(change, (30, 20))
    assert text.startswith("+")
    assert "E+" in text
    assert float(text) == pytest.approx(float(expected), rel=1e-3)
    assert rounded(change) == pytest.approx(float(expected), rel=1e-15)


def test_a_change_beyond_every_float_has_no_number_but_text():
    change = pct_change(exact(20.0), exact(5e-324))
    assert rounded(change) is None  # JSON has no infinity: null, as for a 0 mm reference
    assert pct_text(change, (30, 20)).startswith("+4.000E+32")


def test_a_change_just_below_the_power_of_ten_is_written_out():
    change = pct_change(exact(20.0), exact(2e-12))  # +999,999,999,999,900 %
    assert pct_text(change, (30, 20)) == "+999999999999900.0"
    assert rounded(change) == 999999999999900.0


def _former_rounded(pct: Fraction) -> float:
    return float(_decimal_of(pct).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@pytest.mark.parametrize(
    ("value", "reference"),
    [(70, 100), (120, 100), (69.9999, 100), (120.0001, 100), (0, 100), (1e-300, 5e-324)],
)
def test_boundaries_equal_the_fraction_arithmetic(value, reference):
    change = pct_change(exact(value), exact(reference))
    former = (Fraction(repr(value)) - Fraction(repr(reference))) * 100 / Fraction(repr(reference))
    assert isinstance(change, Percent)
    assert change.at_most(-30) is (former <= -30)
    expected = _former_pct_text(former, (Fraction(30), Fraction(20)))
    if abs(former) >= 10**15:  # shown as a power of ten since 1e-38 mm references crashed
        expected = f"{Decimal(expected):+.3E}"
    assert pct_text(change, (30, 20)) == expected
