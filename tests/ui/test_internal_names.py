"""No internal name reaches a reader: every workspace step, empty and full, in both languages.

Walks each step of an empty case and of a full one (with its sealed and draft records), and a
few refused inputs, and checks that no visible text (labels, buttons, combo items, table cells
and headers, list items, tooltips) holds a field path ("labs.bilirubin.value"), a JSON path
("imaging[1]"), a snake_case key ("nodules_cm") or a catalogue ID ("adjuvant-atezolizumab-
bevacizumab"). A rule ID cited beside its reason, as a source is cited, is allowed.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from desktop.logic.model import default_rules
from desktop.logic.store.database import Store, User
from desktop.ui.settings import Settings
from desktop.ui.workspace import CaseWorkspace
from tests.conftest import example_data
from tests.factories import make_case, with_additions

FIELD_PATH = re.compile(r"\b[a-z][a-z0-9_]*(?:\.(?:\d+|[a-z][a-z0-9_]*))*\.[a-z][a-z0-9_]+\b")
JSON_PATH = re.compile(r"\b[a-z_]+\[\d+\]")
SNAKE_KEY = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
CATALOGUE_ID = re.compile(r"\b(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+){2,}\b")
RECENT = dt.date.today() - dt.timedelta(days=2)
# Words that look like identifiers but are ordinary writing.
ORDINARY = {"up-to-seven", "e.g", "i.e"}


def _rule_ids() -> set[str]:
    return set(default_rules().rules)


def internal_names(text: str, allowed: set[str]) -> list[str]:
    plain = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ")
    for name in sorted(allowed, key=len, reverse=True):  # a cited rule ID, parts and all
        plain = plain.replace(name, " ")
    found = []
    for pattern in (FIELD_PATH, JSON_PATH, SNAKE_KEY, CATALOGUE_ID):
        found += [m.group(0) for m in pattern.finditer(plain)]
    return [name for name in found if name not in allowed and name.lower() not in ORDINARY]


def _model_texts(model: QAbstractItemModel) -> list[str]:
    texts = []
    for column in range(model.columnCount()):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def visible_texts(root: QWidget) -> list[str]:
    """Every text a reader can see or hover in `root` (hidden widgets left out)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.placeholderText()]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            items = [widget.item(i) for i in range(widget.count())]
            texts += [item.text() for item in items] + [item.toolTip() for item in items]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
    return [text for text in texts if text]


def _full_case():
    """The example case with every field of the format filled, the 2026-12 additions too."""
    data = with_additions(example_data("advanced-pvtt-conversion"))
    data.pop("case_id", None)
    return data


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "c.sqlite3", user=User("Li Ming", "surgeon")) as opened:
        yield opened


def _workspace(qtbot, store, tmp_path, case, lang):
    from desktop.logic.model import Case

    settings = Settings.at(tmp_path / f"s-{lang}.ini")
    settings.set_language(lang)
    case_id = store.new_case(case if isinstance(case, Case) else Case.model_validate(case)).case_id
    workspace = CaseWorkspace(store, case_id, settings, default_rules())
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    workspace.show()
    return workspace


def _walk(workspace) -> list[str]:
    texts = []
    for row in range(workspace.sidebar.count()):
        workspace.sidebar.setCurrentRow(row)
        if row == 2 and workspace.evaluation is not None:
            ids = [v.regimen.id for v in workspace.evaluation.regimens[:3]]
            workspace.regimen_step.on_select(ids)
        texts += visible_texts(workspace)
    return texts


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("which", ["empty", "full"])
def test_no_step_shows_an_internal_name(qtbot, store, tmp_path, lang, which):
    case = make_case() if which == "empty" else _full_case()
    workspace = _workspace(qtbot, store, tmp_path, case, lang)
    allowed = _rule_ids()
    texts = _walk(workspace)
    words = {  # the walk saw them, the 2026-12 additions too
        "en": ["Total bilirubin", "Portal vein invasion", "Add attendee", "HBV DNA (IU/mL)"]
        + ["Couinaud segments involved", "Interstitial lung disease", "Add marker values"],
        "zh_CN": ["总胆红素", "受累肝段（Couinaud 分段）", "间质性肺病", "添加标志物数值"],
    }
    assert all(any(word in text for text in texts) for word in words[lang])  # the walk saw them
    found = {name for text in texts for name in internal_names(text, allowed)}
    assert found == set()


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_refusals_and_undo_steps_show_no_internal_name(qtbot, store, tmp_path, lang):
    workspace = _workspace(qtbot, store, tmp_path, _full_case(), lang)
    workspace.on_amend_requested()  # a draft to edit
    patient, tumour, _, response, _, decision = workspace.steps
    texts = []
    regimen = workspace.steps[2]
    for field, typed in (
        (patient.lab_fields["labs.bilirubin"], "-3"),
        (patient.lab_fields["labs.inr"], "abc"),
        (next(f for f in tumour.fields() if f.path == "tumor.nodules_cm"), "40"),
        (patient.weight, "0"),
        (next(f for f in patient.fields() if f.path == "virology.hbv_dna_date"), "2999-01-01"),
        (regimen.history["history.systemic_steroids_mg_prednisone_per_day"], "-1"),
        (regimen.history["history.last_major_surgery_date"], str(RECENT)),  # the flag says no
    ):
        field.edit.setText(typed)
        field.on_edited()
        texts.append(field.error.text())
    texts += response.imaging.on_add_scan("2026-02-31", "MRI", "mRECIST", "10")
    texts += response.treatments.on_add_agent("lenvatinib", "2020-01-01")
    texts += decision.on_add_attendee("", "")
    texts += response.markers.on_add("2026-05-10", "-1", "ng/mL", "")
    texts += response.markers.on_add("2026-05-10", "", "ng/mL", "")
    assert all(texts)
    decision.on_add_attendee("Zhao Hong", "medical oncologist")
    texts.append(workspace.undo_stack.undoText())
    allowed = _rule_ids()
    assert {name for text in texts for name in internal_names(text, allowed)} == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("labs.bilirubin.value: -3 is not accepted", ["labs.bilirubin.value"]),
        ("tumor.nodules_cm: missing", ["tumor.nodules_cm"]),
        ("Undo Add to decisions.0.attendees", ["decisions.0.attendees"]),
        ("imaging[1] (2026-08-01) does not measure", ["imaging[1]"]),
        ("Option: adjuvant-atezolizumab-bevacizumab", ["adjuvant-atezolizumab-bevacizumab"]),
        ("CTCAE term, e.g. alt_increased", ["alt_increased"]),
        ("Total bilirubin: 40 is not accepted, e.g. 18", []),
        ("Up-to-seven: beyond (up-to-seven criterion)", []),
    ],
)
def test_the_pattern_finds_paths_keys_and_ids(text, found):
    names = internal_names(text, set())
    assert set(found) <= set(names)
    assert bool(names) is bool(found)
