"""The app's small dialogs: who is working, a damaged or busy database, about, shortcuts,
export options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.logic.model import resource
from desktop.ui.palette import colour_style
from desktop.ui.workers import ReportOptions


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def mdt_roles() -> list[str]:
    """Usual MDT roles offered in the role box (free text is allowed too)."""
    return [
        _tr("hepatobiliary surgeon"),
        _tr("medical oncologist"),
        _tr("interventional radiologist"),
        _tr("radiologist"),
        _tr("radiation oncologist"),
        _tr("hepatologist"),
        _tr("pathologist"),
        _tr("MDT coordinator"),
        _tr("nurse specialist"),
    ]


def disclaimer() -> str:
    return _tr("Decision support: it does not replace the clinical judgement of the MDT.")


class WhoIsWorkingDialog(QDialog):
    """Asks for the name and MDT role recorded with every change; both are required."""

    def __init__(self, name: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?"))
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText(self.tr("e.g. Li Ming"))
        self.role = QComboBox(self)
        self.role.setEditable(True)
        self.role.addItems(mdt_roles())
        self.role.setCurrentText(role)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(colour_style("problem"))
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Role"), self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Your name and role are recorded with every change you make."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.role.currentText().strip()

    def on_accept(self) -> None:
        """OK: accepted when both are given; otherwise says which is missing, under the
        fields, and puts the cursor in the first one missing."""
        name, role = self.values()
        if name and role:
            self.accept()
            return
        if not name and not role:
            text = self.tr("Your name and your role are missing: type your name, then choose "
                           "or type your role.")  # fmt: skip
        elif not name:
            text = self.tr("Your name is missing: type it in the Name field.")
        else:
            text = self.tr("Your role is missing: choose it from the list or type it.")
        self.problem.setText(text)
        self.problem.show()
        (self.name if not name else self.role).setFocus()


class DamagedDatabaseDialog(QMessageBox):
    """The database cannot be read: offer the newest good backup, or quit. Nothing overwritten."""

    def __init__(
        self, db_path: Path, message: str, backup: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("The case database is damaged"))
        self.setText(self.tr("The case database cannot be opened: it is damaged."))
        detail = self.tr("File: %1").replace("%1", str(db_path)) + "\n\n" + message
        if backup is not None:
            detail += "\n\n" + self.tr(
                "Restoring copies the newest good backup (%1) into place. The damaged file "
                "is kept beside it under a new name; nothing is deleted or overwritten."
            ).replace("%1", str(backup))
        else:
            detail += "\n\n" + self.tr(
                "No good backup was found. The damaged file was not touched; ask your IT "
                "department to recover it, or start with another database (--db PATH)."
            )
        self.setInformativeText(detail)
        self.restore_button = None
        if backup is not None:
            self.restore_button = self.addButton(
                self.tr("Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole
            )
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)

    def restore_chosen(self) -> bool:
        return self.restore_button is not None and self.clickedButton() is self.restore_button


class BusyDatabaseDialog(QMessageBox):
    """Another instance writes the database: offer read-only, or quit."""

    def __init__(self, db_path: Path, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The case database is in use"))
        self.setText(self.tr("Another MDT Planner window or program is using this database."))
        self.setInformativeText(
            self.tr("File: %1").replace("%1", str(db_path))
            + "\n\n"
            + message
            + "\n\n"
            + self.tr(
                "You can open it read-only: you can read and present cases, but not change "
                "them. Close the other window to work normally."
            )
        )
        self.read_only_button = self.addButton(
            self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole
        )
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.read_only_button)

    def read_only_chosen(self) -> bool:
        return self.clickedButton() is self.read_only_button


def standard_keys(key: QKeySequence.StandardKey) -> str:
    """The platform's keys for a standard action ("Ctrl+Z"; alternatives after a comma), without
    the dedicated keys some keyboards have (Undo, Print)."""
    combos = [k.toString() for k in QKeySequence.keyBindings(key)]
    return ", ".join(k for k in combos if "+" in k)


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do): the one list Help shows and the menus use."""
    return [
        ("Ctrl+N", _tr("New case")),
        ("Ctrl+O", _tr("Import case files")),
        ("Ctrl+E", _tr("Export the selected cases")),
        ("Ctrl+Shift+E", _tr("Export the PDF summary of the current case")),
        (
            standard_keys(QKeySequence.StandardKey.Print),
            _tr("Print the summary of the current case"),
        ),
        ("Ctrl+D", _tr("Duplicate the current case")),
        ("Ctrl+F", _tr("Filter the case list")),
        (_tr("Down, then Enter"), _tr("From the filter to the list, then open the case")),
        (standard_keys(QKeySequence.StandardKey.Undo), _tr("Undo the last edit")),
        (standard_keys(QKeySequence.StandardKey.Redo), _tr("Redo")),
        ("Alt+1", _tr("Case list")),
        ("Alt+2", _tr("Meeting agenda")),
        ("Alt+3", _tr("Follow-up")),
        ("Ctrl+1 … Ctrl+6", _tr("Step 1 to 6 of the open case")),
        ("Ctrl+W", _tr("Close the open case")),
        ("Ctrl+L", _tr("Lock now: hide patient values until the password is given")),
        ("F5", _tr("Present the agenda full screen")),
        (_tr("Right, Down, Page Down, Space"), _tr("Presentation: next case")),
        (_tr("Left, Up, Page Up"), _tr("Presentation: previous case")),
        (_tr("Home, End"), _tr("Presentation: first or last case")),
        ("Esc", _tr("Leave the presentation")),
        ("F1", _tr("This list of keyboard shortcuts")),
        ("Ctrl+Q", _tr("Quit")),
    ]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut in one table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows()
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for row, (keys, action) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(action))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)


class AboutDialog(QMessageBox):
    """Version, purpose, the decision-support statement and the licences (Licences… opens
    their texts and leaves this box open)."""

    def __init__(self, rules_version: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About MDT Planner"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("HCC MDT Planner %1").replace("%1", __version__))
        self.setInformativeText(
            self.tr(
                "Plans conversion therapy for advanced hepatocellular carcinoma with the "
                "multidisciplinary team: staging, regimen safety, response, surgery timing "
                "and signed decision records. It works offline; cases stay on this computer."
            )
            + "\n\n"
            + disclaimer()
            + "\n\n"
            + self.tr(
                "Every result names its source; the clinician may override any result with "
                "a reason, which is kept in the decision record."
            )
            + "\n\n"
            + self.tr("Rules file version: %1").replace("%1", rules_version)
            + "\n\n"
            + self.tr(
                "MDT Planner is released under the MIT licence. The PDF font WenQuanYi Micro "
                "Hei is used under the Apache License 2.0, and Qt for Python (PySide6) and Qt "
                "under the GNU Lesser General Public License version 3 (LGPLv3). Licences… "
                "shows their full texts."
            )
        )
        self.licences = self.addButton(self.tr("&Licences…"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.licences_dialog: LicencesDialog | None = None

    def done(self, result: int) -> None:
        if self.clickedButton() is self.licences:  # QMessageBox closes on every button
            self.licences_dialog = LicencesDialog(self)
            self.licences_dialog.open()
            return
        super().done(result)


class LicencesDialog(QDialog):
    """The full texts of the planner's licence, the font's and Qt's, one tab each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.tabs = QTabWidget(self)
        for title, parts in (
            (self.tr("MDT Planner (MIT)"), ("licences", "MIT-mdt-planner.txt")),
            (self.tr("PDF font (Apache 2.0)"), ("fonts", "LICENSE-Apache-2.0.txt")),
            (self.tr("Qt for Python (LGPLv3)"), ("licences", "LGPL-3.0.txt")),
            (self.tr("GNU GPL version 3"), ("licences", "GPL-3.0.txt")),
        ):
            self.tabs.addTab(_licence_view(resource(*parts), self), title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 560)


def _licence_view(path: Path, parent: QWidget) -> QPlainTextEdit:
    """A read-only view of one licence file, its location on the first line."""
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        text = exc.strerror or str(exc)
    view.setPlainText(f"{path}\n\n{text}")
    return view


class ExportOptionsDialog(QDialog):
    """Before an export: the language of the document and whether it is de-identified."""

    def __init__(self, title: str, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.language = QComboBox(self)
        for code, name in (("en", "English"), ("zh_CN", "简体中文")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.deidentify = QCheckBox(self.tr("&De-identify"), self)
        self.include_free_text = QCheckBox(self.tr("Include &free text, redacted"), self)
        self.deidentify_attendees = QCheckBox(self.tr("De-identify &attendees"), self)
        for choice in (self.include_free_text, self.deidentify_attendees):
            choice.setEnabled(False)
            self.deidentify.toggled.connect(choice.setEnabled)
        note = QLabel(
            self.tr(
                "A de-identified document holds no name, MRN or birth date, in its text or its "
                "metadata; a stable pseudonym stands in for the patient. Free text is left out "
                "unless you include it; it is then redacted. An archive bundle lists what was "
                "removed."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(colour_style("muted"))
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.deidentify)
        form.addRow("", self.include_free_text)
        form.addRow("", self.deidentify_attendees)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(440, self.heightForWidth(440))  # the wrapped note fits

    def options(self) -> ReportOptions:
        deidentify = self.deidentify.isChecked()
        return ReportOptions(
            self.language.currentData(),
            deidentify,
            include_free_text=deidentify and self.include_free_text.isChecked(),
            deidentify_attendees=deidentify and self.deidentify_attendees.isChecked(),
        )


def offer_demo_cases(parent: QWidget | None = None) -> bool:
    """First run: ask once whether to load the demonstration cases."""
    answer = QMessageBox.question(
        parent,
        _tr("Load demonstration cases?"),
        _tr(
            "The case database is empty. Load ten demonstration cases to try the planner? "
            "The patients are fictional; their MRNs start with H-00."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
