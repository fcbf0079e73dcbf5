"""`mdt-planner evaluate` on good and bad input, as a user runs it."""

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, REPO
from tests.factories import case_data


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )


def test_evaluate_prints_the_evaluation_and_exits_0():
    result = _run("evaluate", str(EXAMPLES / "advanced-pvtt-conversion.json"))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["format"] == "hcc-mdt-evaluation/1"
    assert out["bclc"]["stage"] == "C"
    assert out["cnlc"]["stage"] == "IIIa"


def test_bad_case_exits_2_with_every_problem_and_no_traceback(tmp_path):
    bad = case_data(**{"ecog": 9, "labs.bilirubin": {"value": 2, "unit": "mmol/L"}})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    result = _run("evaluate", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert f"{path}: ecog: 9 is not accepted" in result.stderr
    assert "labs.bilirubin.unit: \"mmol/L\" is not allowed" in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "not valid JSON at line 1"), ("[1, 2]", "one JSON object, not an array")],
)
def test_unreadable_files_exit_2(tmp_path, content, expected):
    path = tmp_path / "case.json"
    path.write_text(content, encoding="utf-8")
    result = _run("evaluate", str(path))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(tmp_path):
    result = _run("evaluate", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert "cannot read the file" in result.stderr


def test_department_rules_file_changes_the_answer(tmp_path):
    rules = json.loads((REPO / "resources" / "rules.json").read_text(encoding="utf-8"))
    rules["version"] = "dept-2026-1"
    rules["rules"]["washout.lenvatinib_days"]["value"] = 14
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    result = _run("evaluate", "--rules", str(path),
                  str(EXAMPLES / "advanced-pvtt-conversion.json"))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["rules_version"] == "dept-2026-1"
    assert out["surgery"]["earliest_date"] == "2026-11-13"


def test_broken_rules_file_exits_2(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text('{"format": "hcc-mdt-rules/1", "version": "x", "rules": {}}', encoding="utf-8")
    result = _run("evaluate", "--rules", str(path),
                  str(EXAMPLES / "advanced-pvtt-conversion.json"))
    assert result.returncode == 2
    assert "rules missing from this file" in result.stderr
