"""Hostile case files are refused in words naming the field, the value and what is allowed:
huge numbers, deep nesting, duplicate keys, control characters, impossible dates."""

import datetime as dt
import json

import pytest

from desktop.logic.model.case import Case
from desktop.logic.model.case_io import CaseError, loads_case, parse_case, read_case
from desktop.logic.model.records import seal
from tests.conftest import example_data
from tests.factories import case_data

TODAY = dt.date(2026, 11, 30)


def _problems_of_text(text: str, today: dt.date = TODAY) -> list[str]:
    with pytest.raises(CaseError) as caught:
        loads_case(text, today=today)
    return caught.value.problems


def _problems(data: dict, today: dt.date = TODAY) -> list[str]:
    with pytest.raises(CaseError) as caught:
        parse_case(data, today=today)
    return caught.value.problems


def _with_number(path_key: str, old: str, digits: str) -> str:
    text = json.dumps(case_data())
    assert old in text
    return text.replace(old, f'"{path_key}": {digits}', 1)


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("sign", ["", "-"])
@pytest.mark.parametrize(
    ("key", "old", "field", "limit"),
    [
        ("ecog", '"ecog": 0', "ecog", "must be less than or equal to 4"),
        ("inr", '"inr": 1.0', "labs.inr", "far beyond what this field allows"),
    ],
)
def test_a_number_of_thousands_of_digits_is_refused_naming_field_and_limit(
    sign, key, old, field, limit
):
    problems = _problems_of_text(_with_number(key, old, sign + "9" * 5000))
    assert len(problems) == 1
    assert problems[0].startswith(f"{field}: {sign}999999999")
    assert "(5000 digits) is not accepted" in problems[0]
    if not sign:
        assert problems[0].endswith(limit)


def test_a_huge_number_in_a_list_names_the_item():
    text = json.dumps(case_data()).replace("[3.0]", "[3.0, " + "1" * 4400 + "]")
    assert _problems_of_text(text) == [
        "tumor.nodules_cm[1]: 111111111111... (4400 digits) is not accepted: "
        "far beyond what this field allows"
    ]


def test_a_long_number_is_never_rounded_into_a_field_without_a_limit():
    from pydantic import ValidationError

    from desktop.logic.model.fields import Strict
    from desktop.logic.model.json_input import load_json

    class Unbounded(Strict):
        amount: float
        count: int | None = None

    with pytest.raises(ValidationError, match="amount"):
        Unbounded.model_validate(load_json('{"amount": ' + "7" * 31 + "}"))
    with pytest.raises(ValidationError, match="numbers have at most 30 digits"):
        Unbounded.model_validate(load_json('{"amount": 1, "count": -' + "7" * 31 + "}"))
    exact = Unbounded.model_validate(load_json('{"amount": 1, "count": ' + "7" * 30 + "}"))
    assert exact.count == int("7" * 30)


@pytest.mark.parametrize(
    ("exponent", "shown"), [(5000, "5001"), (400, "401")]
)
def test_a_huge_python_int_from_the_app_is_refused_not_a_traceback(exponent, shown):
    problems = _problems(case_data(**{"labs.inr": 10**exponent}))
    assert len(problems) == 1
    assert problems[0].startswith("labs.inr: a number of about")
    assert f"about {shown} digits is not accepted: far beyond what this field allows" in problems[0]


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_numbers_are_refused(token):
    problems = _problems_of_text(_with_number("inr", '"inr": 1.0', token))
    assert len(problems) == 1
    assert problems[0].startswith("labs.inr: ")
    assert problems[0].endswith("must be a finite number")


# --- structure ------------------------------------------------------------------------------


def test_json_nested_100000_deep_is_refused_with_the_depth():
    assert _problems_of_text("[" * 100_000 + "]" * 100_000) == [
        "nested more than 32 levels deep; a case or rules file needs only a few levels"
    ]


def test_nesting_just_past_the_limit_is_refused_too():
    data = case_data()
    node = data["liver"]
    for _ in range(40):
        node["x"] = {}
        node = node["x"]
    problems = _problems_of_text(json.dumps(data))
    assert problems == [
        "nested more than 32 levels deep; a case or rules file needs only a few levels"
    ]


def test_a_file_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 20_000_001)
    with pytest.raises(CaseError, match="the file is 20000001 bytes; files larger than"):
        read_case(path)


def test_a_duplicate_key_is_refused_naming_the_key_and_where():
    text = json.dumps(case_data()).replace('"ecog": 0', '"ecog": 0, "ecog": 4')
    assert _problems_of_text(text) == [
        '(top level): the key "ecog" appears more than once in one object; the last value '
        "would silently win, so keep only one"
    ]


def test_duplicate_keys_deep_inside_name_their_path():
    data = example_data("advanced-pvtt-conversion")
    text = json.dumps(data)
    text = text.replace('"mrn": "H-000123"', '"mrn": "H-000123", "mrn": "H-1"')
    text = text.replace('"viable_diameter_mm": 85', '"viable_diameter_mm": 85, "target": false')
    problems = _problems_of_text(text)
    assert any(p.startswith('patient: the key "mrn"') for p in problems), problems
    assert any(p.startswith("imaging[0].lesions[0]: ") for p in problems), problems


# --- text ---------------------------------------------------------------------------------------

TEXT_FIELDS = [
    "patient.mrn", "patient.name", "case_id", "treatments[0].regimen",
    "treatments[0].agents[0].name", "adverse_events[0].term", "adverse_events[0].attributed_to",
    "imaging[0].lesions[0].id", "decisions[1].attendees[0].name", "decisions[1].attendees[0].role",
    "decisions[1].question", "decisions[1].recommendation", "decisions[1].regimen_id",
    "decisions[1].dissent", "decisions[1].reopen_conditions", "decisions[1].adjuvant_plan.option",
    "decisions[1].adjuvant_plan.notes", "decisions[1].overrides[0].item",
    "decisions[1].overrides[0].reason", "decisions[1].overrides[0].by",
    "decisions[1].follow_up.reason",
]


def _set(data: dict, path: str, value: object) -> None:
    parts = path.replace("]", "").replace("[", ".").split(".")
    node = data
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = parts[-1]
    if isinstance(node.get(last), list):
        value = [node[last][0], value]
    node[last] = value


def _pvtt_with_draft_details() -> dict:
    data = example_data("advanced-pvtt-conversion")
    draft = data["decisions"][1]
    draft.update(
        question="Resect?", dissent="none", regimen_id="haic-folfox",
        reopen_conditions=["AFP rises"], adjuvant_plan={"option": "none", "notes": "n"},
        overrides=[{"item": "bclc", "chosen": "C", "reason": "r", "by": "Li Ming"}],
        follow_up={"status": "not_done", "reason": "moved"},
    )
    data["decisions"][1] = draft
    return data


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\r", "\x7f", "\x85"])
@pytest.mark.parametrize("path", TEXT_FIELDS)
def test_control_characters_are_refused_in_every_text_field(path, char):
    data = _pvtt_with_draft_details()
    parse_case(data)  # valid before the change
    _set(data, path, f"A{char}B")
    problems = _problems(data)
    assert len(problems) == 1, problems
    code = f"U+{ord(char):04X}"
    item = "item [1] contains" if path.endswith(("attributed_to", "reopen_conditions")) else ""
    assert problems[0].startswith(path.rstrip("]").split("[")[0] if item else path), problems
    assert f"{item or 'contains'} the control character {code} at character 2" in problems[0]


@pytest.mark.parametrize("path", ["decisions[1].recommendation", "decisions[1].dissent"])
def test_tabs_and_line_breaks_stay_allowed_in_free_text(path):
    data = _pvtt_with_draft_details()
    _set(data, path, "first line\n\tsecond line")
    parse_case(data, today=TODAY)


@pytest.mark.parametrize("value", ["A\nB", "A\tB", " A", "A "])
@pytest.mark.parametrize("path", ["patient.mrn", "patient.name"])
def test_names_and_mrns_are_one_line(path, value):
    problems = _problems(case_data(**{path: value}))
    assert problems == [
        f"{path}: {json.dumps(value)} is not accepted: must be one line, "
        "without spaces at the start or end"
    ]


def test_a_lone_surrogate_is_refused_and_the_message_prints():
    text = json.dumps(case_data()).replace('"Test Patient"', '"A\\ud800B"')
    problems = _problems_of_text(text)
    assert problems == [
        'patient.name: "A\\ud800B" is not accepted: must be proper Unicode text (it holds an '
        "unpaired surrogate such as \\ud800)"
    ]
    problems[0].encode("utf-8")  # printable on any terminal


def test_an_unknown_key_with_control_characters_is_named_printably():
    problems = _problems(case_data(**{"na\x00me": 1}))
    assert problems == ["na\\u0000me: unknown field (value 1); check the spelling against "
                        "hcc-mdt-case/1"]


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("patient.birth_date", "1800-01-01"),
        ("patient.birth_date", "1899-12-31"),
        ("planned_surgery_date", "2101-01-01"),
        ("planned_surgery_date", "9999-12-31"),
        ("assessed_on", "0001-01-01"),
    ],
)
def test_dates_outside_1900_2100_are_refused(path, value):
    assert _problems(case_data(**{path: value})) == [
        f"{path}: {value} is outside the allowed dates 1900-01-01 to 2100-12-31"
    ]


def test_the_last_dose_on_9999_12_31_is_refused():
    data = case_data(treatments=[{"regimen": "x", "agents": [
        {"name": "lenvatinib", "last_dose": "9999-12-31"}]}])
    assert _problems(data) == [
        "treatments[0].agents[0].last_dose: 9999-12-31 is outside the allowed dates "
        "1900-01-01 to 2100-12-31"
    ]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"patient.birth_date": "1900-01-01"}, None),
        ({"planned_surgery_date": "2100-12-31"}, None),
    ],
)
def test_the_boundary_dates_themselves_are_accepted(changes, path):
    parse_case(case_data(**changes), today=TODAY)


def _future(day: str) -> dict:
    return {
        "treatments[0].started": {"treatments": [{"regimen": "x", "started": day}]},
        "treatments[0].stopped": {"treatments": [{"regimen": "x", "stopped": day}]},
        "treatments[0].agents[0].last_dose": {
            "treatments": [{"regimen": "x", "agents": [{"name": "sorafenib", "last_dose": day}]}]
        },
        "imaging[0].date": {"imaging": [{"date": day, "modality": "CT", "criteria": "mRECIST"}]},
        "adverse_events[0].onset": {"adverse_events": [{"term": "rash", "grade": 1, "onset": day}]},
        "adverse_events[0].resolved": {
            "adverse_events": [{"term": "rash", "grade": 1, "resolved": day}]
        },
        "assessed_on": {"assessed_on": day},
    }


@pytest.mark.parametrize("path", list(_future("2026-12-01")))
def test_events_after_the_day_of_evaluation_are_refused(path):
    changes = _future("2026-12-01")[path]
    assert _problems(case_data(**changes)) == [
        f"{path}: 2026-12-01 is after the day of evaluation (2026-11-30); only "
        "the planned surgery date and a draft decision's meeting date may be in the future"
    ]
    parse_case(case_data(**_future("2026-11-30")[path]), today=TODAY)  # today itself is fine


def test_today_defaults_to_the_computers_date_and_can_be_set():
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    data = case_data(treatments=[{"regimen": "x", "started": tomorrow}])
    with pytest.raises(CaseError, match="is after the day of evaluation"):
        parse_case(data)
    with pytest.raises(CaseError, match="is after the day of evaluation"):
        loads_case(json.dumps(data))
    parse_case(data, today=dt.date.today() + dt.timedelta(days=1))


def test_a_decision_finalized_after_today_is_refused():
    data = example_data("advanced-pvtt-conversion")
    draft = dict(data["decisions"][1], finalized_at="2026-12-01T09:00:00",
                 signed_by=[{"name": "Li Ming", "role": "surgeon", "at": "2026-11-30T09:00:00"}])
    data["decisions"][1] = seal(draft, data["decisions"][0]["record_hash"])
    problems = _problems(data)
    assert problems == [
        "decisions[1].finalized_at: 2026-12-01 is after the day of evaluation (2026-11-30); only "
        "the planned surgery date and a draft decision's meeting date may be in the future"
    ]


def test_planned_surgery_and_a_draft_meeting_may_be_in_the_future():
    data = example_data("advanced-pvtt-conversion")
    data["planned_surgery_date"] = "2100-12-31"
    data["decisions"][1]["meeting_date"] = "2100-12-31"
    parse_case(data, today=TODAY)


@pytest.mark.parametrize(
    ("changes", "path", "day"),
    [
        ({"treatments": [{"regimen": "x", "started": "1960-01-01"}]},
         "treatments[0].started", "1960-01-01"),
        ({"imaging": [{"date": "1950-05-05", "modality": "CT", "criteria": "mRECIST"}]},
         "imaging[0].date", "1950-05-05"),
        ({"adverse_events": [{"term": "rash", "grade": 1, "onset": "1961-04-01"}]},
         "adverse_events[0].onset", "1961-04-01"),
        ({"planned_surgery_date": "1961-01-01"}, "planned_surgery_date", "1961-01-01"),
    ],
)
def test_events_before_birth_are_refused(changes, path, day):
    data = case_data(**{"patient.birth_date": "1961-04-02", **changes})
    assert _problems(data) == [f"{path} {day} is before the birth date 1961-04-02"]


def test_a_signature_before_birth_is_refused():
    data = example_data("advanced-pvtt-conversion")
    data["patient"]["birth_date"] = "2026-06-04"
    data["assessed_on"] = "2026-11-20"
    data["imaging"] = []
    data["treatments"] = []
    data["adverse_events"] = []
    del data["decisions"][1]
    problems = _problems(data)
    assert problems[0].startswith("decisions[0].meeting_date 2026-06-03 is before"), problems


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"treatments": [{"regimen": "x", "started": "2026-05-02", "stopped": "2026-05-01"}]},
         "treatments[0]: stopped 2026-05-01 is before started 2026-05-02"),
        ({"treatments": [{"regimen": "x", "started": "2026-05-02",
                          "agents": [{"name": "sorafenib", "last_dose": "2026-05-01"}]}]},
         "treatments[0]: the last dose of sorafenib on 2026-05-01 is before the treatment "
         "started on 2026-05-02"),
        ({"adverse_events": [{"term": "rash", "grade": 2, "onset": "2026-05-02",
                              "resolved": "2026-05-01"}]},
         "adverse_events[0]: resolved 2026-05-01 is before onset 2026-05-02"),
    ],
)
def test_stops_before_their_starts_are_refused(changes, expected):
    assert _problems(case_data(**changes)) == [expected]


# --- the app's own editing gets the same refusals --------------------------------------------


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"patient.name": "A\x00B"}, "control character U\\+0000"),
        ({"patient.birth_date": "1800-01-01"}, "outside the allowed dates"),
        ({"treatments": [{"regimen": "x", "started": "2100-01-01"}]}, "after the day of"),
    ],
)
def test_validation_without_a_context_refuses_the_same(changes, words):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=words):
        Case.model_validate(case_data(**changes))
