"""Resection timing: washouts from the rules file, blockers, planned date, FLR and ICG-R15."""

import datetime as dt
import json

import pytest

from desktop.logic.clinical.scores import child_pugh, meld
from desktop.logic.clinical.timing import surgery_timing
from desktop.logic.model.case import Case
from desktop.logic.model.messages import render_all
from desktop.logic.model.paths import resource
from desktop.logic.model.rules import RulesError, default_rules, load_rules
from tests.factories import make_case

AS_OF = dt.date(2026, 12, 31)


def timing_of(case, rules=None, as_of=AS_OF):
    return surgery_timing(case, rules or default_rules(), child_pugh(case), meld(case).meld, as_of)


def timing_for(agents, assessed_on="2026-06-01", stopped=None, rules=None, **changes):
    treatment = {"regimen": "test-regimen", "stopped": stopped, "agents": agents}
    case = make_case(**{"assessed_on": assessed_on, "treatments": [treatment], **changes})
    return timing_of(case, rules)


def text(messages) -> str:
    return " ".join(render_all(messages))


def test_pvtt_example(pvtt_case_data):
    timing = timing_of(Case.model_validate(pvtt_case_data), default_rules())
    out = timing.to_output("en")
    assert out["earliest_date"] == "2026-11-06"
    assert out["blockers"][0].startswith("lenvatinib: last dose 2026-10-30, washout 7 days")
    assert "published, confirm against the current label" in out["blockers"][0]
    assert "clears on 2026-11-06" in out["blockers"][0]
    assert "sintilimab" in out["blockers"][1]
    assert "per MDT protocol" in out["blockers"][1]
    assert out["flr_ok"] is False
    assert "38% is below the required 40%" in " ".join(out["flr_why"])
    assert out["icg_r15_percent"] == 9.0
    assert out["planned_date_check"] == (
        "The planned surgery date 2026-12-20 is on or after the earliest date 2026-11-06."
    )


@pytest.mark.parametrize(
    ("agent", "days", "local_policy"),
    [
        ("bevacizumab", 42, True),
        ("regorafenib", 14, False),
        ("apatinib", 30, False),
        ("sorafenib", 10, False),  # US label since 5/2020
        ("cabozantinib", 21, False),
        ("lenvatinib", 7, False),  # US label: published, confirm against the current label
        ("donafenib", 7, True),
        ("tace", 28, True),
        ("haic-folfox", 28, True),
        ("oxaliplatin", 21, True),
        ("Lenvatinib ", 7, False),  # names match whatever their case and spacing
    ],
)
def test_each_washout(agent, days, local_policy):
    timing = timing_for([{"name": agent, "last_dose": "2026-06-01"}])
    assert timing.earliest_date == dt.date(2026, 6, 1) + dt.timedelta(days=days)
    line = text(timing.blockers)
    assert f"washout {days} days" in line
    assert ("local policy, confirm" in line) is local_policy


@pytest.mark.parametrize(
    ("agent", "last_dose", "earliest"),
    [
        ("apatinib", "2026-01-31", "2026-03-02"),  # 30 days over a 28-day February
        ("apatinib", "2024-01-31", "2024-03-01"),  # leap year
        ("bevacizumab", "2024-01-18", "2024-02-29"),
        ("regorafenib", "2025-12-20", "2026-01-03"),  # across the year end
        ("lenvatinib", "2026-04-30", "2026-05-07"),
    ],
)
def test_date_arithmetic_across_month_ends(agent, last_dose, earliest):
    treatment = {"regimen": "x", "agents": [{"name": agent, "last_dose": last_dose}]}
    case = make_case(assessed_on=last_dose, treatments=[treatment])
    timing = timing_of(case, as_of=dt.date.fromisoformat(last_dose))
    assert timing.earliest_date == dt.date.fromisoformat(earliest)


def test_latest_washout_over_all_agents_wins():
    timing = timing_for(
        [
            {"name": "lenvatinib", "last_dose": "2026-10-30"},
            {"name": "bevacizumab", "last_dose": "2026-10-01"},
        ]
    )
    assert timing.earliest_date == dt.date(2026, 11, 12)
    assert "bevacizumab" in text(timing.why)
    assert len(timing.blockers) == 2


def test_ici_only_does_not_move_the_date():
    timing = timing_for([{"name": "sintilimab", "last_dose": "2026-06-10"}])
    assert timing.earliest_date == dt.date(2026, 6, 1)
    assert "no label washout; per MDT protocol" in text(timing.blockers)


def test_ici_still_given_does_not_move_the_date():
    timing = timing_for([{"name": "atezolizumab"}])
    assert timing.earliest_date == dt.date(2026, 6, 1)
    assert "atezolizumab is still being given" in text(timing.blockers)


def test_unknown_agent_gives_no_date():
    timing = timing_for([{"name": "mysterinib", "last_dose": "2026-06-01"}])
    assert timing.earliest_date is None
    assert "mysterinib (treatment test-regimen): no washout rule is known" in text(timing.blockers)


def test_ongoing_agent_gives_no_date_and_says_when_to_stop():
    timing = timing_for([{"name": "regorafenib"}])
    assert timing.earliest_date is None
    assert "Stop it at least 14 days before surgery" in text(timing.blockers)
    assert "No earliest surgery date" in text(timing.why)


def test_stopped_treatment_without_last_dose_uses_the_stop_date():
    timing = timing_for([{"name": "sorafenib"}], stopped="2026-05-20")
    assert timing.earliest_date == dt.date(2026, 6, 1)  # 05-30 is before the assessment
    timing = timing_for([{"name": "sorafenib"}], assessed_on="2026-05-20", stopped="2026-05-20")
    assert timing.earliest_date == dt.date(2026, 5, 30)
    assert "stop date 2026-05-20 is taken as the last dose" in text(timing.blockers)


def test_treatment_without_agents_gives_no_date():
    timing = timing_for([])
    assert timing.earliest_date is None
    assert "Treatment test-regimen lists no agents" in text(timing.blockers)


def test_no_treatment_means_no_washout_and_no_date():
    timing = timing_of(make_case(), default_rules())
    assert timing.earliest_date is None
    assert timing.blockers == ()
    assert text(timing.why) == (
        "No treatment recorded: no washout applies, so no earliest surgery date is given."
    )
    assert timing.to_output("en")["earliest_date"] is None


def test_an_agent_whose_washout_is_missing_from_the_rules_file_blocks_and_is_not_skipped():
    data = default_rules().model_dump()
    del data["rules"]["washout.cabozantinib_days"]
    rules = type(default_rules()).model_validate(data)
    timing = timing_for(
        [
            {"name": "cabozantinib", "last_dose": "2026-06-01"},
            {"name": "lenvatinib", "last_dose": "2026-06-01"},
        ],
        rules=rules,
    )
    assert timing.earliest_date is None
    assert (
        "cabozantinib: its washout rule washout.cabozantinib_days is missing from rules file"
        in text(timing.blockers)
    )
    assert "lenvatinib: last dose 2026-06-01, washout 7 days" in text(timing.blockers)


def test_a_last_dose_after_the_day_of_evaluation_gives_no_date():
    treatment = {"regimen": "x", "agents": [{"name": "lenvatinib", "last_dose": "2026-07-01"}]}
    timing = timing_of(make_case(treatments=[treatment]), as_of=dt.date(2026, 6, 15))
    assert timing.earliest_date is None
    assert "last dose 2026-07-01 is after the day of evaluation 2026-06-15" in text(timing.blockers)


def test_washouts_cleared_before_assessment_give_the_assessment_date():
    timing = timing_for([{"name": "lenvatinib", "last_dose": "2026-04-01"}])
    assert timing.earliest_date == dt.date(2026, 6, 1)
    assert "cleared by the assessment date" in text(timing.why)


@pytest.mark.parametrize(
    ("grade", "resolved", "blocks"),
    [(3, None, True), (4, None, True), (2, None, False), (3, "2026-05-01", False)],
)
def test_severe_adverse_event_blocks_until_resolved(grade, resolved, blocks):
    event = {"term": "alt_increased", "grade": grade, "onset": "2026-04-10", "resolved": resolved}
    timing = timing_for([{"name": "lenvatinib", "last_dose": "2026-04-01"}], adverse_events=[event])
    assert (timing.earliest_date is None) is blocks
    assert ("ALT increase" in text(timing.blockers)) is blocks


@pytest.mark.parametrize(
    ("planned", "expected"),
    [
        ("2026-11-01", "The planned surgery date 2026-11-01 is 5 days before the earliest date"),
        ("2026-11-06", "is on or after the earliest date 2026-11-06"),
    ],
)
def test_planned_date_check(planned, expected):
    timing = timing_for(
        [{"name": "lenvatinib", "last_dose": "2026-10-30"}], planned_surgery_date=planned
    )
    assert expected in timing.planned_date_check.render("en")


def test_planned_date_unchecked_without_earliest_date():
    timing = timing_for([{"name": "regorafenib"}], planned_surgery_date="2026-07-01")
    assert "cannot be checked" in timing.planned_date_check.render("en")
    assert timing_for([]).planned_date_check is None


@pytest.mark.parametrize(
    ("flr", "cirrhosis", "etiology", "ok", "required"),
    [
        (29.9, False, [], False, "30%"),
        (30.0, False, [], True, "30%"),
        (40.0, False, [], True, "30%"),
        (29.9, True, [], False, "40%"),
        (30.0, True, [], False, "40%"),
        (39.9, True, [], False, "40%"),
        (40.0, True, [], True, "40%"),
        (30.0, False, ["hbv"], False, "40%"),  # chronic liver injury counts with cirrhosis
        (40.0, False, ["masld"], True, "40%"),
        (30.0, False, ["other"], True, "30%"),
        (39.9, None, [], False, "40%"),  # cirrhosis unknown: the stricter threshold
        (40.0, None, [], True, "40%"),
    ],
)
def test_future_liver_remnant(flr, cirrhosis, etiology, ok, required):
    case = make_case(
        **{
            "liver.future_liver_remnant_percent": flr,
            "liver.cirrhosis": cirrhosis,
            "etiology": etiology,
        }
    )
    timing = timing_of(case, default_rules())
    assert timing.flr_ok is ok
    assert f"required {required}" in text(timing.flr_why)


def test_unknown_cirrhosis_says_the_stricter_threshold_is_used():
    case = make_case(**{"liver.future_liver_remnant_percent": 35.0})
    assert "stricter threshold" in text(timing_of(case, default_rules()).flr_why)


def test_flr_not_measured():
    case = make_case(**{"liver.cirrhosis": False})
    timing = timing_of(case, default_rules())
    assert timing.flr_ok is None
    assert "Future liver remnant not measured" in text(timing.flr_why)
    assert "ICG-R15 not measured" in text(timing.flr_why)
    assert timing.icg_r15_percent is None


def test_icg_r15_shown_when_known():
    case = make_case(**{"liver.icg_r15_percent": 12.5})
    timing = timing_of(case, default_rules())
    assert timing.to_output("en")["icg_r15_percent"] == 12.5
    assert "ICG-R15 12.5%" in text(timing.flr_why)


def test_section_6_facts_are_shown_with_their_references():
    facts = timing_of(make_case(), default_rules()).to_output("en")["facts"]
    joined = " ".join(facts)
    for phrase in ("42 to 298 days (ref 62)", "36.6%", "refs 47, 62, 63", "19.5%-39.1%"):
        assert phrase in joined
    assert "refs 64, 65" in joined
    assert "opportunistic" in joined
    assert "conservative" in joined


def test_chinese_output(pvtt_case_data):
    out = timing_of(Case.model_validate(pvtt_case_data), default_rules()).to_output("zh_CN")
    assert "停药间隔 7 天" in out["blockers"][0]
    assert "请对照现行说明书确认" in out["blockers"][0]
    assert "本院规定，请确认" in out["blockers"][1]  # PD-1 antibody: per MDT protocol
    assert "低于要求的 40%" in out["flr_why"][1]


def test_every_timing_text_has_both_languages():
    entries = json.loads(resource("text", "timing.json").read_text(encoding="utf-8"))
    for key, texts in entries.items():
        assert texts["en"].strip(), key
        assert texts["zh_CN"].strip(), key
        assert texts["en"].count("{") == texts["zh_CN"].count("{"), key


def write_department_rules(tmp_path, **changes):
    data = json.loads(resource("rules.json").read_text(encoding="utf-8"))
    data["version"] = "dept-2027.1"
    for rule_id, entry_changes in changes.items():
        data["rules"][rule_id.replace("__", ".")].update(entry_changes)
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_rules(path)


def test_department_rules_change_the_washout(tmp_path):
    rules = write_department_rules(
        tmp_path,
        washout__lenvatinib_days={"value": 14, "status": "published", "source": "dept SOP 12"},
    )
    timing = timing_for([{"name": "lenvatinib", "last_dose": "2026-10-30"}], rules=rules)
    assert timing.earliest_date == dt.date(2026, 11, 13)
    line = text(timing.blockers)
    assert "washout 14 days (dept SOP 12)" in line
    assert "local policy" not in line


def test_department_rules_change_the_flr_threshold(tmp_path):
    rules = write_department_rules(tmp_path, flr__min_percent_cirrhosis={"value": 35})
    case = make_case(**{"liver.cirrhosis": True, "liver.future_liver_remnant_percent": 38.0})
    assert timing_of(case, rules).flr_ok is True


def test_department_rules_adverse_event_grade(tmp_path):
    rules = write_department_rules(
        tmp_path, timing__unresolved_adverse_event_min_grade={"value": 2}
    )
    case = make_case(
        adverse_events=[{"term": "hypertension", "grade": 2}],
        treatments=[{"regimen": "x", "agents": [{"name": "tace", "last_dose": "2026-04-01"}]}],
    )
    timing = timing_of(case, rules)
    assert timing.earliest_date is None
    assert "onset date not recorded" in text(timing.blockers)


def test_department_rules_unusable_washout_is_refused_when_read(tmp_path):
    with pytest.raises(RulesError, match=r"rule washout\.sorafenib_days: value 7\.5 is not allow"):
        write_department_rules(tmp_path, washout__sorafenib_days={"value": 7.5})


def test_department_rules_unusable_adverse_event_grade_is_refused_when_read(tmp_path):
    with pytest.raises(RulesError, match="whole number from 1 to 5 \\(CTCAE grade\\)"):
        write_department_rules(
            tmp_path, timing__unresolved_adverse_event_min_grade={"value": "severe"}
        )
