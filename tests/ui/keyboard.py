"""A person at the keyboard, for tests: keys go to the focused widget, Tab is pressed until a
field is reached (a test fails naming the widgets passed when it never is), combo items are
chosen with the arrow keys, Chinese text arrives as an input method commits it, and modal
dialogs are answered by handlers that are bounded in time (a dialog left open is closed and
reported, so a walk that goes wrong fails instead of waiting forever)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TAB_LIMIT = 80  # more Tab presses than any form holds fields: the field is not on the path


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__}({name!r})"


class Keyboard:
    """Keys pressed where the keyboard focus is; `typed` keeps every value typed, in order."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.typed: list[str] = []

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier=NO_MODIFIER, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focused(), key, modifier)

    def type(self, text: str, remember: bool = True) -> None:
        """Type `text`: Latin as key presses, Chinese as an input method commits it (QTest has
        no key for a Chinese character). `remember=False` for passwords and confirmations."""
        if remember:
            self.typed.append(text)
        for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
            if run.isascii():
                self.qtbot.keyClicks(self.focused(), run)
            else:
                commit = QInputMethodEvent()
                commit.setCommitString(run)
                QApplication.sendEvent(self.focused(), commit)

    def holds_focus(self, target: QWidget) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is target or target.focusProxy() is focus)

    def tab_to(self, target: QWidget, backwards: bool = False, limit: int = TAB_LIMIT) -> None:
        """Press Tab (Shift+Tab) until `target` has the focus; fail naming what was passed."""
        passed: list[str] = []
        for _ in range(limit):
            if self.holds_focus(target):
                return
            before = QApplication.focusWidget()
            passed.append(describe(before))
            self.press(Qt.Key.Key_Tab, SHIFT if backwards else NO_MODIFIER)
            if QApplication.focusWidget() is before:
                raise AssertionError(f"Tab stays in {describe(before)}: a keyboard trap")
        raise AssertionError(f"Tab never reached {describe(target)}; passed {passed}")

    def choose(self, combo: QComboBox, index: int) -> None:
        """With the focus on `combo`, move to item `index` with Down/Up, as a person does."""
        assert self.holds_focus(combo), f"{describe(combo)} does not have the focus"
        step = Qt.Key.Key_Down if index > combo.currentIndex() else Qt.Key.Key_Up
        self.press(step, times=abs(index - combo.currentIndex()))
        assert combo.currentIndex() == index, f"{describe(combo)} is at {combo.currentIndex()}"

    def choose_data(self, combo: QComboBox, value) -> None:
        found = combo.findData(value)
        assert found >= 0, f"{describe(combo)} offers no item for {value!r}"
        self.choose(combo, found)

    def enter(self, target: QWidget, value) -> None:
        """Tab to `target`: a combo box's item holding `value` is chosen, text is typed."""
        self.tab_to(target)
        if isinstance(target, QComboBox):
            self.choose_data(target, value)
        else:
            self.type(value)


Handler = Callable[[QWidget], None]


class Modals:
    """Modal dialogs answered by handlers. Any modal dialog open longer than `seconds` (a
    handler that did not close it, or one nobody expected) is closed and reported in
    `problems`, and so is an expected dialog that never comes: nothing is waited for without
    end. `stop()` ends the watch."""

    def __init__(self, seconds: float = 15) -> None:
        self.milliseconds = int(seconds * 1000)
        self.problems: list[str] = []
        self.answered: list[str] = []
        self._open_since: dict[int, QElapsedTimer] = {}
        self._guard = QTimer()
        self._guard.timeout.connect(self._close_overdue)
        self._guard.start(250)

    def stop(self) -> None:
        self._guard.stop()

    def answer(self, what: str, handle: Handler) -> None:
        """Run `handle(dialog)` when the next modal dialog (not the one open now) is up."""
        seen = QApplication.activeModalWidget()
        clock = QElapsedTimer()
        clock.start()

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is not None and modal is not seen:
                self._run(what, handle, modal)
            elif clock.elapsed() > self.milliseconds:
                self.problems.append(f"{what}: the dialog never came")
            else:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    def settled(self, what: str) -> bool:
        """The dialog `what` was answered, or something went wrong (see `problems`)."""
        return what in self.answered or bool(self.problems)

    def _run(self, what: str, handle: Handler, dialog: QWidget) -> None:
        try:
            handle(dialog)
        except BaseException as exc:  # the walk fails, the dialog closes: nothing hangs
            self.problems.append(f"{what}: {exc}")
            dialog.close()
            return
        self.answered.append(what)

    def _close_overdue(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        clock = self._open_since.setdefault(id(modal), QElapsedTimer())
        if not clock.isValid():
            clock.start()
        elif clock.elapsed() > self.milliseconds:
            texts = [w.text() for w in modal.findChildren(QLabel) if w.isVisible() and w.text()]
            self.problems.append(f"{modal.windowTitle()!r} stayed open, showing {texts}")
            modal.close()


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
