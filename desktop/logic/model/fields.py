"""Shared pieces of the case model: the strict base record, ISO dates and times, refusals."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

Percent = Annotated[float, Field(strict=True, ge=0, le=100)]
Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=200)]


def refusal(kind: str, english: str, **context: Any) -> PydanticCustomError:
    """A refusal that case_io renders in the reader's language (text key `case_error.<kind>`)."""
    return PydanticCustomError(f"case.{kind}", english, context)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    """Dates are ISO `YYYY-MM-DD` strings (or date objects from the app); nothing else."""
    if isinstance(value, dt.datetime):
        raise refusal("date_with_time", "expected a date written YYYY-MM-DD, not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise refusal(
                "not_a_calendar_date", "{value} is not a calendar date (YYYY-MM-DD)", value=value
            ) from None
    raise refusal("date_format", "expected a date written YYYY-MM-DD")


def _iso_datetime(value: str) -> str:
    """Signature and finalization times stay the exact string given, so record hashes hold."""
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise refusal(
            "datetime_format", "expected a date and time written YYYY-MM-DDTHH:MM:SS"
        ) from None
    return value


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
DateTime = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_iso_datetime)]


class Strict(BaseModel):
    """Base for every record: unknown keys refused, values validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)
