"""Text for the room display: values that break between their parts only, and the measure of
whether a label's whole text fits in it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

SEPARATOR = "\u00a0· "  # between a value's parts: a line may break after the dot only
KEEP_WHOLE = 24  # parts up to this many characters never break inside
NO_BREAK, WORD_JOINER = "\u00a0", "\u2060"  # a space, and a zero-width mark, that hold lines


def joined(parts: list[str]) -> str:
    """Parts of one value, each short one kept on one line, lines breaking between parts."""
    return SEPARATOR.join(unbroken(p) if len(p) <= KEEP_WHOLE else p for p in parts)


def unbroken(text: str) -> str:
    """`text` that no line break splits: no-break spaces, and a word joiner after a slash or
    hyphen and between Chinese characters (where lines may otherwise break)."""
    out: list[str] = []
    for before, char in zip(" " + text[:-1], text, strict=True):
        if before in "/-" or (_is_cjk(before) and _is_cjk(char)):
            out.append(WORD_JOINER)
        out.append(NO_BREAK if char == " " else char)
    return "".join(out)


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def text_fits(label: QLabel) -> bool:
    """Whether the label's whole text lies inside its contents (wrapped when it wraps)."""
    rect = label.contentsRect()
    flags = int(label.alignment())
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap)
    needed = label.fontMetrics().boundingRect(rect, flags, label.text())
    return rect.contains(needed)
