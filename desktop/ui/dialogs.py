"""The app's small dialogs: who is working, a damaged or busy database, about, shortcuts,
export options."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
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
        self.problem.setStyleSheet("color: #c0392b;")
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
        name, role = self.values()
        missing = [
            label
            for label, value in ((self.tr("name"), name), (self.tr("role"), role))
            if not value
        ]
        if missing:
            self.problem.setText(self.tr("Please give your %1.").replace("%1", " + ".join(missing)))
            self.problem.show()
            return
        self.accept()


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


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do): the one list Help shows and the menus use."""
    return [
        ("Ctrl+N", _tr("New case")),
        ("Ctrl+O", _tr("Import case files")),
        ("Ctrl+E", _tr("Export the selected cases")),
        ("Ctrl+P", _tr("Export the PDF summary of the current case")),
        ("Ctrl+D", _tr("Duplicate the current case")),
        ("Ctrl+F", _tr("Filter the case list")),
        ("Ctrl+Z", _tr("Undo the last edit")),
        ("Ctrl+Shift+Z", _tr("Redo")),
        ("Ctrl+1", _tr("Case list")),
        ("Ctrl+2", _tr("Meeting agenda")),
        ("Ctrl+3", _tr("Follow-up")),
        ("Ctrl+W", _tr("Close the open case")),
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
    """Version, purpose and the decision-support statement."""

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
        )


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
        note = QLabel(
            self.tr(
                "A de-identified document holds no name, MRN or birth date, in its text or its "
                "metadata; a stable pseudonym stands in for the patient."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #4b5563;")
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.deidentify)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def options(self) -> ReportOptions:
        return ReportOptions(self.language.currentData(), self.deidentify.isChecked())


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
