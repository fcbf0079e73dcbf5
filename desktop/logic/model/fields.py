"""Shared pieces of the case model: the strict base record, ISO dates and times, refusals.

Every record refuses control characters in its text and non-finite numbers (a case record also
whole numbers of more than 30 digits, even where a field sets no limit); every date lies in
1900-2100 and, unless it is a planned one, not after the day of evaluation: the `today` of the
pydantic validation context (`Case.model_validate(data, context={"today": day})`), else the
computer's date (clinical-rules.md "Dates", second edition).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from desktop.logic.model.json_input import MAX_DIGITS

Percent = Annotated[float, Field(strict=True, ge=0, le=100)]
Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=200)]


def empty_list() -> list[Any]:
    """A new empty list: the default of list fields. A Python function rather than `list`,
    because pydantic reads each default factory's signature, and a builtin's signature is
    parsed from its text (tokenize), a few milliseconds of every start."""
    return []


def refusal(kind: str, english: str, **context: Any) -> PydanticCustomError:
    """A refusal that case_io renders in the reader's language (text key `case_error.<kind>`)."""
    return PydanticCustomError(f"case.{kind}", english, context)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# clinical-rules.md "Dates" (second edition): nothing before 1900 or after 2100.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
# Control characters refused in text (case-format.md, additions of 2026-12): U+0000-U+001F
# except tab and line feed, and DEL with the C1 controls U+007F-U+009F, invisible in print.
_ALLOWED_CONTROLS = frozenset("\t\n")


def day_of_evaluation(info: ValidationInfo | None = None) -> dt.date:
    """The `today` of the validation context, else the computer's date."""
    context = info.context if info is not None else None
    today = context.get("today") if isinstance(context, dict) else None
    return today if isinstance(today, dt.date) else dt.date.today()


def _in_range(day: dt.date, shown: str) -> dt.date:
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise refusal(
            "date_range",
            "{value} is outside the allowed dates {earliest} to {latest}",
            value=shown,
            earliest=EARLIEST_DATE.isoformat(),
            latest=LATEST_DATE.isoformat(),
        )
    return day


def _iso_date(value: Any) -> Any:
    """Dates are ISO `YYYY-MM-DD` strings (or date objects from the app); nothing else."""
    if isinstance(value, dt.datetime):
        raise refusal("date_with_time", "expected a date written YYYY-MM-DD, not a date and time")
    if isinstance(value, dt.date):
        return _in_range(value, value.isoformat())
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise refusal(
                "not_a_calendar_date", "{value} is not a calendar date (YYYY-MM-DD)", value=value
            ) from None
        return _in_range(day, value)
    raise refusal("date_format", "expected a date written YYYY-MM-DD")


def _not_after_today(day: dt.date, info: ValidationInfo) -> dt.date:
    today = day_of_evaluation(info)
    if day > today:
        raise refusal(
            "date_after_today",
            "{value} is after the day of evaluation ({today}); only planned_surgery_date and "
            "a draft decision's meeting_date may be in the future",
            value=day.isoformat(),
            today=today.isoformat(),
        )
    return day


def moment_day(value: str) -> dt.date:
    """The calendar day of a DateTime string (validated already)."""
    return dt.datetime.fromisoformat(value).date()


def _iso_datetime(value: str, info: ValidationInfo) -> str:
    """Signature and finalization times stay the exact string given, so record hashes hold."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise refusal(
            "datetime_format", "expected a date and time written YYYY-MM-DDTHH:MM:SS"
        ) from None
    _not_after_today(_in_range(moment.date(), value), info)
    return value


def _one_line(value: str) -> str:
    if "\n" in value or "\t" in value or value != value.strip():
        raise refusal(
            "not_one_line", "must be one line, without spaces at the start or end"
        )
    return value


def _sha256(value: str) -> str:
    if not re.fullmatch(r"sha256:[0-9a-f]{64}", value):
        raise refusal(
            "hash_format", "must be sha256: followed by 64 lowercase hexadecimal digits"
        )
    return value


# A name or identifier printed on one line (MRN, patient name).
OneLine = Annotated[str, Field(min_length=1), AfterValidator(_one_line)]
Sha256 = Annotated[str, Field(strict=True, max_length=71), AfterValidator(_sha256)]


# A recorded event: a scan, a dose, an adverse event, a signature; never after today.
Date = Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(_not_after_today)]
# A date that may lie ahead: planned surgery, the meeting of a draft decision.
PlannedDate = Annotated[dt.date, BeforeValidator(_iso_date)]
DateTime = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_iso_datetime)]


def control_character(text: str) -> tuple[int, str] | None:
    """The first refused control character of `text` as (position from 1, "U+0000"), or None."""
    if text.isprintable():
        return None
    for position, char in enumerate(text, start=1):
        code = ord(char)
        if (code < 0x20 and char not in _ALLOWED_CONTROLS) or 0x7F <= code <= 0x9F:
            return position, f"U+{code:04X}"
    return None


def _check_size(value: Any) -> None:
    """A whole number of more than 30 digits is refused even where a field sets no limit."""
    numbers = value if isinstance(value, list | tuple) else [value]
    for number in numbers:
        if isinstance(number, int) and abs(number) >= 10**MAX_DIGITS:
            raise refusal(
                "number_too_long", "numbers have at most {limit} digits", limit=MAX_DIGITS
            )


def _check_text(value: Any) -> None:
    if isinstance(value, str):
        found = control_character(value)
        if found:
            raise refusal(
                "control_character",
                "contains the control character {code} at character {position}; text may hold "
                "tabs and line breaks but no other control characters",
                code=found[1],
                position=found[0],
            )
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = control_character(item) if isinstance(item, str) else None
            if found:
                raise refusal(
                    "control_character_item",
                    "item [{index}] contains the control character {code} at character "
                    "{position}; text may hold tabs and line breaks but no other control "
                    "characters",
                    index=index,
                    code=found[1],
                    position=found[0],
                )


class Clean(BaseModel):
    """Base of every record read from a file: no control characters, no NaN or infinity.

    Schemas are built when a model is first used, not when its class is made (`defer_build`):
    validating a case builds the case's one validator, not one per nested record as well."""

    model_config = ConfigDict(allow_inf_nan=False, defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        _check_text(value)
        return value


class Strict(Clean):
    """Base for every case record: unknown keys refused, values validated on assignment too."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        frozen=False,
        allow_inf_nan=False,
        defer_build=True,
    )

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        """Clean's check, then numbers too long, as one validator per field (it replaces
        Clean's by name: half the validators to build and to run, the same refusals)."""
        _check_text(value)
        _check_size(value)
        return value
