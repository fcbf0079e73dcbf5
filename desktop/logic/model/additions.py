"""The optional case fields of case-format.md "Additions of 2026-12": virology, the dated marker
series, Couinaud segments, and the writer rule that an added field is written only with a value.
"""

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import Field, StrictBool, model_validator

from desktop.logic.model.fields import Date, Strict, refusal
from desktop.logic.model.labs import Afp, PivkaII
from desktop.logic.model.messages import Message, Term, msg

Segment = Literal["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"]
WeightKg = Annotated[float, Field(strict=True, gt=0, le=400)]
# Prednisone-equivalent daily dose; above 2000 mg/day is a unit or typing error, not a dose.
SteroidMg = Annotated[float, Field(strict=True, ge=0, le=2000)]
HbvDna = Annotated[float, Field(strict=True, ge=0, le=1e12)]
# case-format.md: `major_surgery_within_28_days` means within the 28 days before evaluation.
SURGERY_FLAG_DAYS = 28


class Virology(Strict):
    """Hepatitis B and C status: HBsAg, HBV DNA with the day it was measured, antiviral therapy."""

    hbsag_positive: StrictBool | None = None
    hbv_dna_iu_per_ml: HbvDna | None = None
    hbv_dna_date: Date | None = None
    hbv_antiviral: StrictBool | None = None
    hcv_rna_detectable: StrictBool | None = None


class MarkerValue(Strict):
    """One dated AFP / PIVKA-II measurement of `labs_history` (units as for `labs`)."""

    date: Date
    afp: Afp | None = None
    pivka_ii: PivkaII | None = None

    @model_validator(mode="after")
    def _holds_a_value(self) -> Self:
        if self.afp is None and self.pivka_ii is None:
            raise refusal(
                "marker_without_value",
                "an entry dated {date} holds neither afp nor pivka_ii",
                date=str(self.date),
            )
        return self


def unique_segments(segments: list[str] | None) -> list[str] | None:
    """Couinaud segments each at most once (case-format.md)."""
    if segments is None:
        return None
    repeated = sorted({s for s in segments if segments.count(s) > 1})
    if repeated:
        raise refusal("duplicate_segment", "segment {segment} is listed twice", segment=repeated[0])
    return segments


def surgery_disagreement(
    edited: Literal["date", "flag"], flag: bool | None, last: dt.date | None, today: dt.date
) -> Message | None:
    """Why a last major surgery date and the 28-day flag, both given, disagree as of `today`
    (case-format.md: they must agree); None when they agree, one is absent or the date is
    after `today` (refused as a date of its own). `edited` names the side being entered."""
    if flag is None or last is None or last > today:
        return None
    days = (today - last).days
    if flag == (days <= SURGERY_FLAG_DAYS):
        return None
    answer = "yes" if flag else "no"
    return msg(
        f"entry.surgery_{edited}_disagrees_{answer}",
        date_field=Term("term.field.history.last_major_surgery_date"),
        flag_field=Term("term.field.history.major_surgery_within_28_days"),
        date=last.isoformat(),
        days=days,
        today=today.isoformat(),
        window=SURGERY_FLAG_DAYS,
    )


# Paths of the added fields; a writer leaves each out when it holds no value.
ADDED_FIELDS: tuple[tuple[str, ...], ...] = (
    ("patient", "weight_kg"),
    ("virology",),
    ("liver", "varices_assessed_on"),
    ("liver", "icg_r15_date"),
    ("liver", "flr_date"),
    ("history", "last_major_surgery_date"),
    ("history", "systemic_steroids_mg_prednisone_per_day"),
    ("history", "interstitial_lung_disease"),
    ("history", "prior_immune_related_ae_grade3plus"),
    ("history", "bleeding_or_arterial_thrombosis_within_6_months"),
    ("tumor", "infiltrative"),
    ("tumor", "bilobar"),
    ("tumor", "segments"),
    ("labs_history",),
)


def drop_empty_additions(data: dict[str, Any]) -> dict[str, Any]:
    """Remove added fields that hold no value (None, empty list, object of Nones) in place."""
    for path in ADDED_FIELDS:
        *parents, last = path
        node: Any = data
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict) or last not in node:
            continue
        value = node[last]
        if isinstance(value, dict):
            value = {key: item for key, item in value.items() if item is not None}
            node[last] = value
        if value is None or value == [] or value == {}:
            del node[last]
    return data
