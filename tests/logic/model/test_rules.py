"""The rules file's own schema: every value checked by its kind (unit), refused in words that
name the rule, the value and what is allowed; new entries need data, not code."""

import json

import pytest

from desktop.logic.model.paths import resource
from desktop.logic.model.rules import (
    RulesError,
    default_rules,
    load_rules,
    rules_schema,
)


def shipped() -> dict:
    return json.loads(resource("rules.json").read_text(encoding="utf-8"))


def _write(tmp_path, data=None, text=None):
    path = tmp_path / "rules.json"
    path.write_text(text if text is not None else json.dumps(data, allow_nan=True), "utf-8")
    return path


def _refusal(tmp_path, data=None, text=None) -> list[str]:
    with pytest.raises(RulesError) as caught:
        load_rules(_write(tmp_path, data, text))
    assert str(caught.value).startswith(f"{tmp_path / 'rules.json'}: not a usable rules file:")
    return caught.value.problems


def _with_value(rule_id, value) -> dict:
    data = shipped()
    data["rules"][rule_id]["value"] = value
    return data


def test_the_shipped_rules_file_passes_its_schema():
    assert default_rules().rules
    assert load_rules(resource("rules.json")) == default_rules()


DAYS = "a whole number from 0 to 365 (days), or null"


@pytest.mark.parametrize(
    ("rule_id", "value", "shown", "allowed"),
    [
        ("washout.bevacizumab_days", 1e308, "1e+308", DAYS),
        ("washout.bevacizumab_days", float("inf"), "Infinity", DAYS),
        ("washout.bevacizumab_days", float("-inf"), "-Infinity", DAYS),
        ("washout.bevacizumab_days", float("nan"), "NaN", DAYS),
        ("washout.bevacizumab_days", -1, "-1", DAYS),
        ("washout.bevacizumab_days", 366, "366", DAYS),
        ("washout.bevacizumab_days", 7.5, "7.5", DAYS),
        ("washout.bevacizumab_days", "42", '"42"', DAYS),
        ("washout.bevacizumab_days", True, "true", DAYS),
        ("washout.bevacizumab_days", [42], "a list", DAYS),
        ("washout.bevacizumab_days", {"days": 42}, "an object", DAYS),
        ("flr.min_percent_cirrhosis", 100.5, "100.5", "a number from 0 to 100 (%)"),
        ("flr.min_percent_cirrhosis", None, "null", "a number from 0 to 100 (%)"),
        ("timing.unresolved_adverse_event_min_grade", 0, "0",
         "a whole number from 1 to 5 (CTCAE grade)"),
        ("ae.grade3_attributed.min_grade", 6, "6", "a whole number from 1 to 5 (CTCAE grade)"),
        ("tace.child_pugh_b8.min_points", 8.5, "8.5",
         "a whole number from 1 to 40 (points)"),
        ("anti_vegf.proteinuria.limit_g_per_24h", 0, "0",
         "a number above 0, at most 50 (g/24 h)"),
        ("tace.size_10cm.limit_cm", -10, "-10", "a number above 0, at most 30 (cm)"),
        # a safety check's outcome (kind "finding"): it cannot be set to switch the check off
        ("tace.vp4", "maybe", '"maybe"', "one of caution, contraindicated"),
        ("tace.vp4", "Caution", '"Caution"', "one of caution, contraindicated"),
        ("tace.vp4", "suitable", '"suitable"', "one of caution, contraindicated"),
        ("tace.vp4", None, "null", "one of caution, contraindicated"),
        ("tace.vp4", 2, "2", "one of caution, contraindicated"),
    ],
)
def test_a_bad_value_is_refused_naming_rule_value_and_what_is_allowed(
    tmp_path, rule_id, value, shown, allowed
):
    assert _refusal(tmp_path, _with_value(rule_id, value)) == [
        f"rule {rule_id}: value {shown} is not allowed; allowed: {allowed}"
    ]


@pytest.mark.parametrize("sign", ["", "-"])
def test_a_number_of_thousands_of_digits_is_refused(tmp_path, sign):
    text = json.dumps(shipped()).replace('"value": 42', f'"value": {sign}{"9" * 5000}', 1)
    assert _refusal(tmp_path, text=text) == [
        f"rule washout.bevacizumab_days: value {sign}{'9' * (12 - len(sign))}... (5000 digits) "
        f"is not allowed; allowed: {DAYS}"
    ]


@pytest.mark.parametrize("value", [0, 365, None])
def test_days_at_the_ends_of_their_range_and_null_are_accepted(tmp_path, value):
    rules = load_rules(_write(tmp_path, _with_value("washout.sorafenib_days", value)))
    assert rules.value("washout.sorafenib_days") == value


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    data = _with_value("washout.bevacizumab_days", -3)
    data["rules"]["tace.vp4"]["value"] = "never"
    problems = _refusal(tmp_path, data)
    assert [p.split(":")[0] for p in problems] == [
        "rule washout.bevacizumab_days", "rule tace.vp4"
    ]


def test_a_duplicate_key_is_refused_naming_it(tmp_path):
    text = json.dumps(shipped()).replace('"value": 42', '"value": 42, "value": 420', 1)
    assert _refusal(tmp_path, text=text) == [
        'rules.washout.bevacizumab_days: the key "value" appears more than once in one object; '
        "the last value would silently win, so keep only one"
    ]


def test_nesting_100000_deep_is_refused(tmp_path):
    assert _refusal(tmp_path, text='{"rules": ' + "[" * 100_000) == [
        "nested more than 32 levels deep; a case or rules file needs only a few levels"
    ]


def test_an_unknown_unit_is_refused_with_the_known_ones(tmp_path):
    data = shipped()
    data["rules"]["washout.bevacizumab_days"]["unit"] = "fortnights"
    [problem] = _refusal(tmp_path, data)
    assert problem.startswith('rule washout.bevacizumab_days: unit "fortnights" is not known; '
                              "known units: %, ")
    assert "days" in problem


def test_an_unknown_kind_is_refused(tmp_path):
    data = shipped()
    data["rules"]["washout.bevacizumab_days"]["kind"] = "vibes"
    [problem] = _refusal(tmp_path, data)
    assert problem.startswith('rule washout.bevacizumab_days: kind "vibes" is not known; '
                              "known kinds: ")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("status", "maybe", "rules.washout.bevacizumab_days.status: \"maybe\" is not allowed"),
        ("source", "", "rules.washout.bevacizumab_days.source: \"\" is not accepted: must have"),
        ("source", "NCCN\x00", "rules.washout.bevacizumab_days.source: \"NCCN\\u0000\" is not "
                               "accepted: contains the control character U+0000"),
        ("extra", 1, "rules.washout.bevacizumab_days.extra: unknown field"),
    ],
)
def test_bad_entry_fields_are_refused_by_path(tmp_path, field, value, expected):
    data = shipped()
    data["rules"]["washout.bevacizumab_days"][field] = value
    problems = _refusal(tmp_path, data)
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"version": "v1\x1b[31m"}, 'version: "v1\\u001b[31m" is not accepted: contains the'),
        ({"version": ""}, 'version: "" is not accepted: must have at least 1 character(s)'),
        ({"format": "hcc-mdt-rules/9"}, 'format: "hcc-mdt-rules/9" is not allowed'),
        ({"rules": None}, "rules: null is not accepted: must be an object"),
    ],
)
def test_bad_header_fields_are_refused(tmp_path, change, expected):
    problems = _refusal(tmp_path, {**shipped(), **change})
    assert any(p.startswith(expected) for p in problems), problems


def test_a_rule_id_with_control_characters_is_refused(tmp_path):
    data = shipped()
    data["rules"]["washout.x\x00"] = data["rules"]["washout.bevacizumab_days"]
    assert _refusal(tmp_path, data) == [
        'rule ID "washout.x\\u0000" is not usable: it must be non-empty text without control '
        "characters"
    ]


def test_a_new_entry_is_checked_by_its_unit_without_code(tmp_path):
    data = shipped()
    data["rules"]["washout.newdrug_days"] = {
        "value": 400, "unit": "days", "status": "local policy", "source": "dept"}
    data["rules"]["safety.newdrug_verdict"] = {
        "value": "caution", "status": "local policy", "source": "dept"}
    data["rules"]["safety.newdrug_flag"] = {
        "value": True, "kind": "flag", "status": "local policy", "source": "dept"}
    assert _refusal(tmp_path, data) == [
        f"rule washout.newdrug_days: value 400 is not allowed; allowed: {DAYS}"
    ]
    data["rules"]["washout.newdrug_days"]["value"] = 10
    rules = load_rules(_write(tmp_path, data))
    assert rules.value("safety.newdrug_flag") is True


def test_every_unit_of_the_shipped_file_has_a_kind_in_the_schema():
    units = {unit for kind in rules_schema().kinds.values() for unit in kind.units}
    used = {entry.unit for entry in default_rules().rules.values() if entry.unit}
    assert used <= units


def test_refusals_read_in_chinese(tmp_path):
    path = _write(tmp_path, _with_value("washout.bevacizumab_days", -1))
    with pytest.raises(RulesError) as caught:
        load_rules(path, lang="zh_CN")
    assert caught.value.problems == [
        "规则 washout.bevacizumab_days：不接受取值 -1；允许的取值：0 至 365 之间的整数（days），"
        "或 null（空值）"
    ]
