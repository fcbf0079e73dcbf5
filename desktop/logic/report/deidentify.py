"""The de-identified copy of a case: identity removed where it is structured, free text left
out (or redacted on request), everything else unchanged, and a list of what was done.

Structured identifiers are replaced in their own fields: the patient block (name and MRN by
the pseudonym, birth date removed), `case_id`, and, on request, attendee names. Free text is
never searched by raw substring: by default every free-text field is omitted and says so in
its place; with `include_free_text` it is kept after word-boundary redaction (redact.py).
The copy is a valid hcc-mdt-case/1 case: final records whose text changed are re-sealed in
order (and `amends` follows), so the copy's chain verifies; the report says which.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.logic.model import Case, CaseError, lifecycle, msg, parse_case, record_hash
from desktop.logic.report.layout import (
    OLDEST_AGE_SHOWN,
    OMITTED,
    age_years,
    pseudonym,
    text_fields,
)
from desktop.logic.report.redact import Redactor

MRN_PLACEHOLDER = "[MRN]"
BIRTH_DATE_PLACEHOLDER = "[birth date]"
TEXT_LIMIT = 2000  # the longest free text the case format holds (model.fields.Text)
_TEXT_KEYS = ("question", "recommendation", "dissent")
_NESTED_TEXT = (("adjuvant_plan", "notes"), ("follow_up", "reason"))
_PEOPLE = ("attendees", "signed_by")
_STRUCTURED = re.compile(  # dates, times and hashes: structured values, not text
    r"\d{4}-\d{2}-\d{2}(T[\d:.]+([+-]\d{2}:\d{2}|Z)?)?|sha256:[0-9a-f]{64}"
)


class DeidentifyError(ValueError):
    """A field that is not free text names the patient, so no de-identified copy is made."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key, self.params = key, params
        super().__init__(self.render("en"))

    def render(self, lang: str = "en") -> str:
        return msg(self.key, **self.params).render(lang)


@dataclass(frozen=True)
class DeidentifyOptions:
    """What the reader asked for: free text kept (redacted) or left out; attendees renamed."""

    include_free_text: bool = False
    attendees: bool = False


@dataclass
class RedactionReport:
    """What the copy lost, by field path and count; never the values."""

    alias: str
    case_id: str
    include_free_text: bool
    omitted: list[str] = field(default_factory=list)
    redacted: dict[str, Counter[str]] = field(default_factory=dict)
    attendees: int = 0
    resealed: list[str] = field(default_factory=list)
    unsearched: list[tuple[str, int]] = field(default_factory=list)

    def lines(self, lang: str = "en") -> list[str]:
        def text(key: str, **params: Any) -> str:
            return msg(key, **params).render(lang)

        out = [text("export.deid.patient", case_id=self.case_id)]
        out += [text("export.deid.omitted", path=path) for path in self.omitted]
        if self.omitted:
            out.append(text("export.deid.omitted_note"))
        for path, counts in self.redacted.items():
            kinds = [f"{text(f'export.deid.kind.{k}')} {n}" for k, n in sorted(counts.items())]
            out.append(text("export.deid.redacted", path=path, count=counts.total(), kinds=kinds))
        if self.include_free_text and not self.redacted:
            out.append(text("export.deid.nothing_redacted"))
        if self.attendees:
            out.append(text("export.deid.attendees", count=self.attendees))
        out += [text("export.deid.resealed", path=path) for path in self.resealed]
        if self.include_free_text:
            out += [
                text("export.deid.unsearched", field=name, length=length)
                for name, length in self.unsearched
            ]
        return out

    def text(self, lang: str = "en") -> str:
        """The REDACTIONS.txt of an archive bundle."""
        header = msg("export.deid.header", alias=self.alias).render(lang)
        return "\n".join([header, "", *self.lines(lang)]) + "\n"


@dataclass(frozen=True)
class Deidentified:
    """A de-identified copy ready to print or archive, with its age and its report."""

    case: Case
    alias: str
    stem: str
    age_years: int | None
    report: RedactionReport


def deidentify_case(case: Case, options: DeidentifyOptions | None = None) -> Deidentified:
    """The copy of `case` with no name, MRN or birth date (DeidentifyError when a field that
    is not free text names the patient)."""
    options = options or DeidentifyOptions()
    alias = pseudonym(case)
    stem = alias.replace(" ", "-")
    data = case.to_json_dict()
    data["patient"] = {"mrn": alias.removeprefix("Patient "), "name": alias}
    if case.patient.sex:
        data["patient"]["sex"] = case.patient.sex
    data["case_id"] = stem
    report = RedactionReport(alias, stem, options.include_free_text)
    redactor = patient_redactor(case, alias)
    decisions = data.get("decisions", [])
    if options.attendees:
        names = _rename_attendees(decisions)
        report.attendees = len(names)
        for name, label in names.items():
            redactor.add_name(name, "attendee", label, "attendee names")
    for path, holder, key in free_text_fields(decisions):
        if options.include_free_text:
            kept, counts = redactor.redact(holder[key])
            if len(kept) <= TEXT_LIMIT:  # else it no longer fits the format: left out
                holder[key] = kept
                if counts:
                    report.redacted[path] = counts
                continue
        holder[key] = OMITTED
        report.omitted.append(path)
    report.unsearched = sorted({(u.field, u.length) for u in redactor.unsearched})
    report.resealed = _reseal(decisions)
    _refuse_identifiers_left(data, patient_redactor(case, alias), skip_people=not options.attendees)
    try:
        copy = parse_case(data, source=stem)
    except CaseError as exc:  # a copy of a valid case is valid; say so if it ever is not
        raise DeidentifyError("export.deid.invalid_copy", problems=str(exc)) from None
    age = age_years(case)
    age = None if age is None else min(age, OLDEST_AGE_SHOWN)
    return Deidentified(copy, alias, stem, age, report)


def printed_copy(
    case: Case | Deidentified, deidentify: bool | DeidentifyOptions
) -> Deidentified | None:
    """What a report prints: `case` itself when it is a copy already, a copy made with the
    options asked for, or None for an identified report."""
    if isinstance(case, Deidentified):
        return case
    if not deidentify:
        return None
    return deidentify_case(case, deidentify if isinstance(deidentify, DeidentifyOptions) else None)


def printed_case(case: Case | Deidentified, copy: Deidentified | None) -> Case:
    """The case a report prints: `copy`'s (printed_copy's answer), or else `case` itself."""
    if copy is not None:
        return copy.case
    return case.case if isinstance(case, Deidentified) else case


def patient_redactor(case: Case, alias: str) -> Redactor:
    patient = case.patient
    redactor = Redactor()
    redactor.add_name(patient.name, "name", alias, "patient.name")
    redactor.add_mrn(patient.mrn, MRN_PLACEHOLDER)
    if patient.birth_date:
        redactor.add_birth_date(patient.birth_date, BIRTH_DATE_PLACEHOLDER)
    return redactor


def free_text_fields(decisions: list[dict[str, Any]]) -> Iterator[tuple[str, Any, Any]]:
    """(path, holder, key) of every non-empty free-text value of the decision records."""
    for index, record in enumerate(decisions):
        base = f"decisions[{index}]"
        for key in _TEXT_KEYS:
            if record.get(key):
                yield f"{base}.{key}", record, key
        for number, value in enumerate(record.get("reopen_conditions") or []):
            if value:
                yield f"{base}.reopen_conditions[{number}]", record["reopen_conditions"], number
        for outer, inner in _NESTED_TEXT:
            part = record.get(outer)
            if isinstance(part, dict) and part.get(inner):
                yield f"{base}.{outer}.{inner}", part, inner
        for number, override in enumerate(record.get("overrides") or []):
            if override.get("reason"):
                yield f"{base}.overrides[{number}].reason", override, "reason"


def _rename_attendees(decisions: list[dict[str, Any]]) -> dict[str, str]:
    """Replace every attendee, signer and override author by "Attendee N" (one N per person,
    in order of first appearance); returns each original name with its label."""
    labels: dict[str, str] = {}
    by_key: dict[str, str] = {}

    def label(name: str) -> str:
        key = " ".join(name.casefold().split())
        if key not in by_key:
            by_key[key] = f"Attendee {len(by_key) + 1}"
            labels[name] = by_key[key]
        return by_key[key]

    for record in decisions:
        for group in _PEOPLE:
            for person in record.get(group) or []:
                person["name"] = label(person["name"])
        for override in record.get("overrides") or []:
            if override.get("by"):
                override["by"] = label(override["by"])
    return labels


def _reseal(decisions: list[dict[str, Any]]) -> list[str]:
    """Re-compute the chain over the copy's final records; the paths whose hash changed."""
    changed: list[str] = []
    renamed: dict[str, str] = {}
    previous = ""
    for index, record in enumerate(decisions):
        if record.get("amends") in renamed:
            record["amends"] = renamed[record["amends"]]
        if not lifecycle.is_final(record):
            continue
        old = record["record_hash"]
        record["record_hash"] = previous = renamed[old] = record_hash(record, previous)
        if previous != old:
            changed.append(f"decisions[{index}]")
    return changed


def _refuse_identifiers_left(data: dict[str, Any], redactor: Redactor, skip_people: bool) -> None:
    """The safety net: no string left in the copy (outside the pseudonymised patient block)
    may still name the patient; attendee names are the team's, not the patient's."""
    for path, value in text_fields(data):
        if path.startswith(("patient.", "case_id", "format")) or _STRUCTURED.fullmatch(value):
            continue
        if skip_people and re.search(r"\.(attendees|signed_by)\[\d+\]\.name$|\.by$", path):
            continue
        if redactor.found(value):
            raise DeidentifyError("export.deid.refused", path=path)
