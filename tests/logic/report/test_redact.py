"""Redaction of a patient's name, MRN and birth date in free text: every spelling found, at word
boundaries only, and clinical text never rewritten (one- and two-character identifiers)."""

import datetime as dt

import pytest

from desktop.logic.report.redact import Redactor, Unsearched, fold

BIRTH = dt.date(1961, 4, 2)


def redactor(name: str = "Maria Lopez", mrn: str = "H-778899", birth=BIRTH) -> Redactor:
    found = Redactor()
    found.add_name(name, "name", "<NAME>", "patient.name")
    found.add_mrn(mrn, "<MRN>")
    if birth:
        found.add_birth_date(birth, "<BIRTH>")
    return found


@pytest.mark.parametrize(
    ("variant", "kind"),
    [
        ("Maria Lopez", "name"),
        ("MARIA LOPEZ", "name"),
        ("Lopez, Maria", "name"),
        ("LOPEZ,MARIA", "name"),
        ("Maria  Lopez", "name"),
        ("Maria\nLopez", "name"),
        ("Lopez", "name"),
        ("Maria", "name"),
        ("María López", "name"),
        ("lopez", "name"),
        ("H-778899", "mrn"),
        ("H778899", "mrn"),
        ("h 778 899", "mrn"),
        ("778899", "mrn"),
        ("1961-04-02", "birth_date"),
        ("1961/4/2", "birth_date"),
        ("02/04/1961", "birth_date"),
        ("04/02/1961", "birth_date"),
        ("2.4.1961", "birth_date"),
        ("19610402", "birth_date"),
        ("2 April 1961", "birth_date"),
        ("2nd of Apr. 1961", "birth_date"),
        ("April 2, 1961", "birth_date"),
        ("APR 02 1961", "birth_date"),
        ("1961年4月2日", "birth_date"),
        ("1961 年 04 月 02 日", "birth_date"),
    ],
)
def test_every_spelling_is_redacted(variant, kind):
    text, counts = redactor().redact(f"Seen: {variant}; plan unchanged.")
    assert variant not in text
    assert counts == {kind: 1}
    assert text.startswith("Seen: <")
    assert text.endswith(">; plan unchanged.")


@pytest.mark.parametrize(
    "clinical",
    [
        "Mariana Lopezia was seen",  # longer words holding the name
        "H7788990, 7788991, X-778899-2",  # longer numbers holding the MRN
        "surgery 2026-04-02; 1961-04-021; 11961-04-02; 02/04/19612",
    ],
)
def test_identifiers_inside_longer_words_or_numbers_stay(clinical):
    assert redactor().redact(clinical) == (clinical, {})


@pytest.mark.parametrize(
    ("name", "mrn"),
    [("Li", "12"), ("Al", "1"), ("Li Na", "12"), ("O", "H1"), ("王伟", "12")],
)
@pytest.mark.parametrize(
    "clinical",
    [
        "surgery 2026-12-20; restage 2026-01-12",
        "AFP 12 ng/mL, 12.5 mm, 1 cycle, 12,5 mm, 1/12",
        "Na 138 mmol/L; Li 0.8 mmol/L; ALT 41 U/L; Alpha-fetoprotein; Lithium",
        "grade 1 or 2; 12 of 12 nodes; x12y; H12; H-12-3",
        "O2 saturation 98%",
    ],
)
def test_one_and_two_character_identifiers_never_change_clinical_text(name, mrn, clinical):
    kept, counts = redactor(name, mrn, birth=None).redact(clinical)
    assert kept == clinical
    assert not counts


@pytest.mark.parametrize(
    ("name", "mrn", "text", "expected"),
    [
        (
            "Li Na",
            "12",
            "MRN 12: Li Na (NA, LI) and Mr Li",
            "MRN <MRN>: <NAME> (<NAME>) and Mr <NAME>",
        ),
        ("Al", "1", "mrn: 1, Mr. Al; Al alone stays", "mrn: <MRN>, Mr. <NAME>; Al alone stays"),
        (
            "王伟",
            "12",
            "患者王伟，男；王先生复查；病历号12",
            "患者<NAME>，男；<NAME>复查；病历号<MRN>",
        ),
        ("王 伟", "12", "王伟、王 伟", "<NAME>、<NAME>"),
    ],
)
def test_short_identifiers_are_found_beside_a_label_or_as_the_full_name(name, mrn, text, expected):
    assert redactor(name, mrn, birth=None).redact(text)[0] == expected


def test_short_parts_are_reported_as_not_searched_alone():
    found = redactor("Li Na", "12", birth=None)
    assert set(found.unsearched) == {Unsearched("patient.name", 2), Unsearched("patient.mrn", 2)}
    assert redactor().unsearched == []


def test_a_chinese_name_is_found_inside_chinese_text_and_beside_latin():
    text, counts = redactor("王伟", "H-000123").redact("患者王伟于1961年4月2日出生，H000123，王伟A")
    assert text == "患者<NAME>于<BIRTH>出生，<MRN>，<NAME>A"
    assert counts == {"name": 2, "birth_date": 1, "mrn": 1}


def test_overlapping_finds_keep_the_longest():
    found = redactor()
    found.add_name("Maria Lopez Garcia", "attendee", "<ATT>", "attendee names")
    text, counts = found.redact("Dr Maria Lopez Garcia and Maria Lopez")
    assert text == "Dr <ATT> and <NAME>"
    assert counts == {"attendee": 1, "name": 1}


def test_fold_keeps_every_position():
    for text in ("María López", "ﬁ Ⅳ １９６１", "e\u0301", "王伟"):
        assert len(fold(text)) == len(text)
    assert fold("María １９６１，") == "Maria 1961,"
