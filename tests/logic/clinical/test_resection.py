"""Is the liver ready: liver_ok with its reasons, Makuuchi band and largest resection (Makuuchi
1993) at every edge in both bilirubin units, dated ICG-R15 and FLR, and the FLR check."""

import datetime as dt

import pytest

from desktop.logic.clinical.resection import last_dose, stale
from desktop.logic.clinical.scores import child_pugh, meld
from desktop.logic.clinical.timing import surgery_timing
from desktop.logic.model.messages import render_all
from desktop.logic.model.rules import default_rules
from tests.factories import make_case

AS_OF = dt.date(2026, 12, 31)
READY = {
    "liver.cirrhosis": True,
    "liver.icg_r15_percent": 8.0,
    "liver.icg_r15_date": "2026-11-20",
    "liver.future_liver_remnant_percent": 45.0,
    "liver.flr_date": "2026-11-20",
    "treatments": [
        {
            "regimen": "lenvatinib",
            "started": "2026-06-05",
            "agents": [{"name": "lenvatinib", "last_dose": "2026-11-10"}],
        }
    ],
}


def surgery(**changes):
    case = make_case(**{**READY, **changes})
    return surgery_timing(case, default_rules(), child_pugh(case), meld(case).meld, AS_OF)


def why(timing) -> str:
    return " ".join(render_all(timing.liver_why))


def test_a_ready_liver():
    timing = surgery()
    assert (timing.liver_ok, timing.makuuchi, timing.resection_extent_max, timing.flr_ok) == (
        True,
        "lt10",
        "right_hepatectomy",
        True,
    )
    assert timing.earliest_date == dt.date(2026, 11, 17)
    out = timing.to_output()
    assert out["liver_why"][0] == "Child-Pugh A5, ascites: none."
    assert "ICG-R15 8%: Makuuchi band < 10 %." in out["liver_why"]
    assert out["liver_why"][-1].startswith("Liver ready for resection: yes")


@pytest.mark.parametrize(
    ("icg", "band", "extent"),
    [
        (0.0, "lt10", "right_hepatectomy"),
        (9.99, "lt10", "right_hepatectomy"),
        (10.0, "10to19", "left_hepatectomy_or_bisegmentectomy"),
        (19.99, "10to19", "left_hepatectomy_or_bisegmentectomy"),
        (20.0, "20to29", "segmentectomy"),
        (29.99, "20to29", "segmentectomy"),
        (30.0, "30to39", "limited_resection"),
        (39.99, "30to39", "limited_resection"),
        (40.0, "ge40", "enucleation"),
        (75.0, "ge40", "enucleation"),
    ],
)
def test_makuuchi_icg_bands_are_half_open(icg, band, extent):
    timing = surgery(**{"liver.icg_r15_percent": icg})
    assert (timing.makuuchi, timing.resection_extent_max) == (band, extent)
    assert timing.liver_ok is True


@pytest.mark.parametrize(
    ("mg_dl", "umol_l", "extent"),
    [
        (1.09, 18.6, "right_hepatectomy"),  # below 1.1: ICG-R15 decides (8 %)
        (1.1, 18.81, "limited_resection"),
        (1.59, 27.2, "limited_resection"),
        (1.6, 27.36, "enucleation"),
        (1.99, 34.0, "enucleation"),
        (2.0, 34.2, "none"),
    ],
)
@pytest.mark.parametrize("unit", ["mg/dL", "umol/L"])
def test_makuuchi_bilirubin_bands_in_both_units(mg_dl, umol_l, extent, unit):
    value = mg_dl if unit == "mg/dL" else umol_l
    timing = surgery(**{"labs.bilirubin": {"value": value, "unit": unit}})
    assert timing.resection_extent_max == extent
    assert timing.makuuchi == "lt10"  # the ICG band is shown even when bilirubin decides
    assert timing.liver_ok is (extent != "none")


def test_makuuchi_uncontrolled_ascites_allows_no_resection():
    timing = surgery(**{"liver.ascites": "moderate_severe"})
    assert (timing.resection_extent_max, timing.liver_ok) == ("none", False)


def test_without_icg_r15_steps_1_and_2_still_decide():
    assert surgery(**{"liver.icg_r15_percent": None}).resection_extent_max is None
    timing = surgery(
        **{"liver.icg_r15_percent": None, "labs.bilirubin": {"value": 1.7, "unit": "mg/dL"}}
    )
    assert (timing.makuuchi, timing.resection_extent_max, timing.liver_ok) == (
        None,
        "enucleation",
        None,
    )


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        # Child-Pugh 8: albumin 2.8 g/dL (2) + INR 1.7 (2) + bilirubin 2.0 mg/dL (2) + 1 + 1
        (
            {
                "labs.albumin": {"value": 28, "unit": "g/L"},
                "labs.inr": 1.7,
                "labs.bilirubin": {"value": 1.99, "unit": "mg/dL"},
            },
            None,
        ),
        (
            {
                "labs.albumin": {"value": 28, "unit": "g/L"},
                "labs.inr": 1.75,
                "labs.bilirubin": {"value": 1.0, "unit": "mg/dL"},
                "liver.encephalopathy": "grade_1_2",
            },
            "Child-Pugh B8",
        ),
        ({"liver.ascites": "mild"}, "ascites (mild)"),
        ({"labs.bilirubin": {"value": 34.2, "unit": "umol/L"}}, "bilirubin 2 mg/dL"),
        (
            {
                "adverse_events": [
                    {"term": "alt_increased", "grade": 2, "attributed_to": ["lenvatinib"]}
                ]
            },
            "unresolved grade 2 ALT increase (hepatotoxicity)",
        ),
        (
            {
                "adverse_events": [
                    {"term": "hepatitis", "grade": 1, "attributed_to": ["lenvatinib"]}
                ]
            },
            None,
        ),
        (
            {
                "adverse_events": [
                    {
                        "term": "alt_increased",
                        "grade": 3,
                        "onset": "2026-07-01",
                        "resolved": "2026-08-01",
                        "attributed_to": ["lenvatinib"],
                    }
                ]
            },
            None,
        ),
        (
            {"adverse_events": [{"term": "rash", "grade": 1, "attributed_to": ["sintilimab"]}]},
            "unresolved immune-related grade 1 rash",
        ),
        (
            {
                "adverse_events": [
                    {
                        "term": "adrenal_insufficiency",
                        "grade": 2,
                        "onset": "2026-07-01",
                        "resolved": "2026-08-01",
                        "attributed_to": ["sintilimab"],
                    }
                ]
            },
            "stress-dose steroid cover",
        ),
        (
            {
                "adverse_events": [
                    {"term": "hypophysitis", "grade": 2, "attributed_to": ["nivolumab"]}
                ]
            },
            "stress-dose steroid cover",
        ),
    ],
)
def test_liver_ok_is_false_for_each_blocker(changes, words):
    timing = surgery(**changes)
    if words is None:
        assert timing.liver_ok is not False, why(timing)
    else:
        assert timing.liver_ok is False
        assert words in why(timing)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"liver.icg_r15_percent": None}, "ICG-R15 not measured"),
        ({"liver.cirrhosis": None}, "Cirrhosis not recorded"),
        ({"liver.icg_r15_date": "2026-11-09"}, "before the last conversion treatment's last dose"),
        ({"liver.icg_r15_date": None}, "ICG-R15 recorded without its date"),
        ({"liver.flr_date": "2026-11-09"}, "Future liver remnant measured 2026-11-09"),
        ({"liver.flr_date": None}, "Future liver remnant recorded without its date"),
    ],
)
def test_liver_ok_is_null_when_an_input_is_missing_or_older_than_the_last_dose(changes, words):
    timing = surgery(**changes)
    assert timing.liver_ok is None
    assert words in why(timing)
    assert why(timing).endswith("not known until the missing items above are recorded.")


def test_icg_measured_on_the_day_of_the_last_dose_is_recent_enough():
    assert (
        surgery(**{"liver.icg_r15_date": "2026-11-10", "liver.flr_date": "2026-11-10"}).liver_ok
        is True
    )


def test_false_wins_over_null():
    timing = surgery(**{"liver.icg_r15_percent": None, "liver.ascites": "mild"})
    assert timing.liver_ok is False


def test_without_treatment_an_undated_icg_and_flr_are_usable_and_no_date_is_given():
    timing = surgery(**{"treatments": [], "liver.icg_r15_date": None, "liver.flr_date": None})
    assert (timing.liver_ok, timing.flr_ok, timing.makuuchi) == (True, True, "lt10")
    assert timing.earliest_date is None


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        ({"labs.platelets": {"value": 99, "unit": "10^9/L"}}, "platelets 99 x 10^9/L (below 100)"),
        ({"labs.platelets": {"value": 100, "unit": "10^9/L"}}, None),
        ({"liver.varices": "small"}, "varices (small)"),
        ({"liver.varices": "none"}, None),
        # MELD 10 with creatinine 1.0 mg/dL, bilirubin 1.0, INR 1.25 (MELD(i) 0.893 -> 0.9 -> 9)
        ({"labs.creatinine": {"value": 1.0, "unit": "mg/dL"}, "labs.inr": 1.25}, None),
        ({"labs.creatinine": {"value": 1.0, "unit": "mg/dL"}, "labs.inr": 1.35}, "MELD 10"),
    ],
)
def test_portal_hypertension_adds_a_line_without_changing_liver_ok(changes, line):
    timing = surgery(**{"liver.dialysis_twice_in_past_week": False, **changes})
    assert timing.liver_ok is True
    assert ("Signs of portal hypertension" in why(timing)) is (line is not None)
    if line:
        assert line in why(timing)
        assert "local policy, confirm" in why(timing)


@pytest.mark.parametrize(
    ("flr", "flr_date", "ok"),
    [
        (45.0, "2026-11-20", True),
        (45.0, "2026-11-09", None),  # adequate but older than the last dose: re-measure
        (45.0, None, None),
        (35.0, "2026-11-09", False),  # a short FLR stands however old
        (35.0, None, False),
        (None, None, None),
    ],
)
def test_flr_adequate_must_be_recent_short_stands(flr, flr_date, ok):
    timing = surgery(**{"liver.future_liver_remnant_percent": flr, "liver.flr_date": flr_date})
    assert timing.flr_ok is ok


def test_ongoing_treatment_makes_any_measurement_old():
    dose = last_dose(make_case(treatments=[{"regimen": "x", "agents": [{"name": "sorafenib"}]}]))
    assert dose.ongoing
    assert stale(dt.date(2026, 12, 1), dose)
    assert not stale(None, last_dose(make_case()))


def test_the_output_names_every_field_of_the_contract():
    out = surgery().to_output("zh_CN")
    assert {
        "earliest_date",
        "liver_ok",
        "liver_why",
        "makuuchi",
        "resection_extent_max",
        "flr_ok",
        "blockers",
    } <= set(out)
    assert out["liver_why"][0] == "Child-Pugh A5，腹水：无。"
