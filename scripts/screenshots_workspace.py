"""Screenshots of the case workspace: every step of a case just created (New case only), of the
same case filled in completely with a draft decision, and of its sealed decision; and, run by
itself, every step of the shared example cases.

Used by scripts/screenshots.py. Run by itself:
QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_workspace.py [OUT_DIR] [LANG]
(default docs/screenshots/, en). Uses a throw-away database, never the user's.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.logic.clinical import AREAS  # noqa: E402
from desktop.logic.model import Case, Rules  # noqa: E402
from desktop.logic.model.case_io import parse_case  # noqa: E402
from desktop.logic.store import Store, User  # noqa: E402
from desktop.ui.app import install_translators  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402
from desktop.ui.workspace import CaseWorkspace, workspace_screenshots  # noqa: E402

EXAMPLES = REPO.parent / "shared" / "examples"
SIZE = (1280, 800)
NAMES = {"en": ("Chen Jun", "Zhang Hua"), "zh_CN": ("王伟", "张华")}
WORDS = {
    "en": (
        "Resect now, or two more cycles first?",
        "Two more cycles, then restage and resect if the liver allows.",
    ),
    "zh_CN": ("现在手术还是再做两个周期？", "再做两个周期后复查，肝功能允许则手术。"),
}


def ago(days: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def intake_case(mrn: str, lang: str) -> dict[str, Any]:
    """What New case asks for, nothing more: the empty workspace."""
    return {
        "format": "hcc-mdt-case/1",
        "patient": {"mrn": mrn, "name": NAMES[lang][0]},
        "assessed_on": ago(0),
        "ecog": 0,
        "labs": {
            "bilirubin": {"value": 15, "unit": "umol/L"},
            "albumin": {"value": 40, "unit": "g/L"},
            "inr": 1.0,
        },
        "liver": {"ascites": "none", "encephalopathy": "none"},
        "tumor": {
            "nodules_cm": [9.0, 2.0],
            "portal_vein_invasion": "vp2",
            "extrahepatic_spread": False,
        },
    }


def filled_case(mrn: str, lang: str, signer: tuple[str, str]) -> Case:
    """The case of the keyboard walkthrough, every step complete, with a draft decision."""
    data = intake_case(mrn, lang)
    data["patient"].update({"sex": "male", "birth_date": "1961-04-02", "weight_kg": 64})
    data["etiology"] = ["hbv"]
    data["labs"].update(
        {
            "creatinine": {"value": 76, "unit": "umol/L"},
            "sodium": {"value": 139, "unit": "mmol/L"},
            "platelets": {"value": 160, "unit": "10^9/L"},
            "afp": {"value": 850, "unit": "ng/mL"},
            "pivka_ii": {"value": 1200, "unit": "mAU/mL"},
        }
    )
    data["virology"] = {
        "hbsag_positive": True,
        "hbv_dna_iu_per_ml": 120,
        "hbv_dna_date": ago(20),
        "hbv_antiviral": True,
        "hcv_rna_detectable": False,
    }
    data["liver"].update(
        {
            "cirrhosis": True,
            "varices": "small",
            "varices_assessed_on": ago(60),
            "variceal_bleeding_within_6_months": False,
            "dialysis_twice_in_past_week": False,
            "icg_r15_percent": 9.0,
            "icg_r15_date": ago(6),
            "future_liver_remnant_percent": 45.0,
            "flr_date": ago(5),
        }
    )
    data["tumor"].update(
        {
            "hepatic_vein_invasion": "none",
            "lymph_node_metastasis": False,
            "segments": ["S7", "S8"],
            "bilobar": False,
            "infiltrative": False,
        }
    )
    data["history"] = {
        "autoimmune_disease_active": False,
        "organ_transplant": False,
        "uncontrolled_hypertension": False,
        "proteinuria_g_per_24h": 0.1,
        "major_surgery_within_28_days": False,
        "systemic_steroids_mg_prednisone_per_day": 0,
        "interstitial_lung_disease": False,
        "prior_immune_related_ae_grade3plus": False,
        "bleeding_or_arterial_thrombosis_within_6_months": False,
    }
    data["labs_history"] = [
        {"date": ago(100), "afp": {"value": 2400, "unit": "ng/mL"}},
        {"date": ago(40), "afp": {"value": 1300, "unit": "ng/mL"}},
    ]
    data["imaging"] = [_scan(ago(100), 90, 20), _scan(ago(10), 40, 8)]
    data["treatments"] = [
        {
            "regimen": "atezolizumab-bevacizumab",
            "started": ago(90),
            "agents": [
                {"name": "atezolizumab", "last_dose": ago(21)},
                {"name": "bevacizumab", "last_dose": ago(21)},
            ],
        }
    ]
    question, recommendation = WORDS[lang]
    data["decisions"] = [
        {
            "meeting_date": ago(0),
            "status": "draft",
            "question": question,
            "recommendation": recommendation,
            "attendees": [
                {"name": signer[0], "role": signer[1]},
                {"name": NAMES[lang][1], "role": _role(lang)},
            ],
            "signed_by": [
                {
                    "name": signer[0],
                    "role": signer[1],
                    "at": dt.datetime.now().isoformat(timespec="seconds"),
                }
            ],
            "regimen_id": "atezolizumab-bevacizumab",
            "timing_strategy": "opportunistic",
            "adjuvant_plan": {"option": "adjuvant-atezolizumab-bevacizumab", "duration_months": 12},
        }
    ]
    return Case.model_validate(data)


def _role(lang: str) -> str:
    return "肿瘤内科医师" if lang == "zh_CN" else "medical oncologist"


def _scan(date: str, *diameters: float) -> dict[str, Any]:
    lesions = [
        {"id": f"L{n}", "target": True, "viable_diameter_mm": mm}
        for n, mm in enumerate(diameters, 1)
    ]
    return {
        "date": date,
        "modality": "MRI",
        "criteria": "mRECIST",
        "lesions": lesions,
        "new_lesions": False,
        "non_target": "absent",
    }


def grab_steps(
    store: Store, case_id: str, settings: Settings, rules: Rules, out: Path, prefix: str
) -> list[Path]:
    """Every step of one case at 1280x800 as `<prefix>-<n>-<area>.png`; on the Regimen step the
    chosen regimen and one of another verdict are selected, so their comparison shows."""
    workspace = CaseWorkspace(store, case_id, settings, rules)
    workspace.resize(*SIZE)
    workspace.show()
    paths = []
    for row, area in enumerate(AREAS):
        workspace.sidebar.setCurrentRow(row)
        if area == "regimen" and workspace.evaluation is not None:
            workspace.regimen_step.on_select(_compared(workspace))
        QApplication.processEvents()
        path = out / f"{prefix}-{row + 1}-{area}.png"
        workspace.grab().save(str(path))
        print(path)
        paths.append(path)
    workspace.saver.timer.stop()
    workspace.close()
    workspace.deleteLater()
    return paths


def _compared(workspace: CaseWorkspace) -> list[str]:
    evaluation = workspace.evaluation
    assert evaluation is not None
    chosen = workspace.regimen_step.chosen_id()
    other = next((v.regimen.id for v in evaluation.regimens if v.verdict != "suitable"), None)
    return [i for i in (chosen or evaluation.regimens[0].regimen.id, other) if i]


def main(out_dir: Path, lang: str = "en") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translators(app, lang)
    paths: list[Path] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "cases.sqlite", user=User("Li Ming", "surgeon"))
        settings = Settings.at(Path(tmp) / "settings.ini")
        settings.set_language(lang)
        for example in sorted(EXAMPLES.glob("*.json")):
            case = parse_case(json.loads(example.read_text(encoding="utf-8")), str(example))
            case_id = store.new_case(case).case_id
            paths += workspace_screenshots(store, case_id, settings, out_dir)
        store.close()
    app.processEvents()
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    language = sys.argv[2] if len(sys.argv) > 2 else "en"
    for path in main(target, language):
        print(path)
