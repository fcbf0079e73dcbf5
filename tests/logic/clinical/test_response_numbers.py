"""Exact response arithmetic: a diameter is the decimal as entered, read by the decimal module
exactly as Fraction's own text parser reads it (the method it replaced, kept here as the oracle)."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.logic.clinical.response_numbers import exact, mm, pct_text


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
    assert pct_text(pct, (Fraction(30), Fraction(20))) == shown


@pytest.mark.parametrize(("value", "shown"), [(64, "64"), (12.5, "12.5"), (52.3, "52.3")])
def test_mm_is_written_as_entered(value, shown):
    assert mm(exact(value)) == shown
