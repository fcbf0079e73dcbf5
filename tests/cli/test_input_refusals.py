"""Every command that reads a case or a rules file refuses bad input with exit 2 and words,
never a traceback: evaluate, import, export and pack, in process."""

import json

import pytest

from desktop.cli import main
from desktop.logic.model.paths import resource
from tests.conftest import example_data

RULE_PROBLEM = (
    "rule washout.lenvatinib_days: value {shown} is not allowed; allowed: a whole number from "
    "0 to 365 (days), or null"
)


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(example_data("advanced-pvtt-conversion")), encoding="utf-8")
    return path


@pytest.fixture
def stored(tmp_path, case_file, capsys):
    db = tmp_path / "cases.sqlite3"
    assert main(["--db", str(db), "import", str(case_file)]) == 0
    case_id = capsys.readouterr().out.split("\t")[0]
    return db, case_id


def _rules_file(tmp_path, text: str):
    path = tmp_path / "rules.json"
    path.write_text(text, encoding="utf-8")
    return path


def _rules_with(value_text: str) -> str:
    text = (resource("rules.json")).read_text(encoding="utf-8")
    old = '"washout.lenvatinib_days": {"value": 7,'
    assert old in text
    return text.replace(old, f'"washout.lenvatinib_days": {{"value": {value_text},')


BAD_RULES = [
    ("1e308", "1e+308"),
    ("Infinity", "Infinity"),
    ("NaN", "NaN"),
    ("-7", "-7"),
    ('"seven"', '"seven"'),
    ("9" * 5000, "999999999999... (5000 digits)"),
]


def _commands(tmp_path, case_file, stored):
    db, case_id = stored
    return {
        "evaluate": ["evaluate", str(case_file)],
        "export --pdf": ["--db", str(db), "export", case_id, "--pdf", str(tmp_path / "o.pdf")],
        "export --archive": ["--db", str(db), "export", case_id, "--archive", str(tmp_path / "a")],
        "pack": ["--db", str(db), "pack", case_id, "--pdf", str(tmp_path / "p.pdf")],
    }


@pytest.mark.parametrize("command", ["evaluate", "export --pdf", "export --archive", "pack"])
@pytest.mark.parametrize(("value_text", "shown"), BAD_RULES)
def test_a_bad_rules_file_exits_2_naming_rule_value_and_allowed(
    tmp_path, case_file, stored, capsys, command, value_text, shown
):
    rules = _rules_file(tmp_path, _rules_with(value_text))
    argv = _commands(tmp_path, case_file, stored)[command] + ["--rules", str(rules)]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"error: {rules}: not a usable rules file:\n{RULE_PROBLEM.format(shown=shown)}\n"
    )
    assert not any((tmp_path / name).exists() for name in ("o.pdf", "a", "p.pdf"))


@pytest.mark.parametrize("command", ["evaluate", "export --pdf", "pack"])
def test_an_unknown_verdict_exits_2(tmp_path, case_file, stored, capsys, command):
    text = resource("rules.json").read_text(encoding="utf-8")
    text = text.replace('"tace.vp4": {"value": "contraindicated"',
                        '"tace.vp4": {"value": "forbidden"')
    argv = _commands(tmp_path, case_file, stored)[command]
    assert main([*argv, "--rules", str(_rules_file(tmp_path, text))]) == 2
    assert 'rule tace.vp4: value "forbidden" is not allowed; allowed: one of' in (
        capsys.readouterr().err
    )


def _case_text(change) -> str:
    data = example_data("advanced-pvtt-conversion")
    change(data)
    return json.dumps(data, ensure_ascii=False)


BAD_CASES = {
    "last dose 9999-12-31": (
        _case_text(lambda d: d["treatments"][0]["agents"][0].update(last_dose="9999-12-31")),
        "treatments[0].agents[0].last_dose: 9999-12-31 is outside the allowed dates 1900-01-01 "
        "to 2100-12-31",
    ),
    "birth 1800": (
        _case_text(lambda d: d["patient"].update(birth_date="1800-01-01")),
        "patient.birth_date: 1800-01-01 is outside the allowed dates",
    ),
    "NUL in the MRN": (
        _case_text(lambda d: d["patient"].update(mrn="H-\x00123")),
        'patient.mrn: "H-\\u0000123" is not accepted: contains the control character U+0000',
    ),
    "duplicate ecog": (
        _case_text(lambda d: None).replace('"ecog": 0', '"ecog": 0, "ecog": 4'),
        '(top level): the key "ecog" appears more than once in one object',
    ),
    "5000-digit ecog": (
        _case_text(lambda d: None).replace('"ecog": 0', '"ecog": ' + "4" * 5000),
        "ecog: 444444444444... (5000 digits) is not accepted: must be less than or equal to 4",
    ),
    "nested 100000 deep": ("[" * 100_000 + "]" * 100_000, "nested more than 32 levels deep"),
}


@pytest.mark.parametrize("name", list(BAD_CASES))
def test_a_bad_case_is_refused_by_evaluate_and_import_alike(tmp_path, capsys, name):
    text, expected = BAD_CASES[name]
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    evaluated = capsys.readouterr()
    assert evaluated.out == ""
    assert f"error: {path}: {expected}" in evaluated.err
    db = tmp_path / "cases.sqlite3"
    assert main(["--db", str(db), "import", str(path)]) == 2
    imported = capsys.readouterr()
    assert f"error: {path}: {expected}" in imported.err
    assert main(["--db", str(db), "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
