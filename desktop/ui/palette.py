"""Colours and type sizes that follow the palette, light or dark (a dark desktop theme, macOS's
dark appearance): no fixed light colour ever sits under text that follows the palette.

Tones ("problem", "warning", "good", "info", "muted") are chosen for the palette's base: dark
shades on a light base, light ones on a dark base; a tint is a tone faded into the base, for a
background under ordinary text. Style sheets take their colours from here or name palette
roles (`palette(base)`); type sizes are relative point sizes, never pixels.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

ON_LIGHT = {"problem": "#b3261e", "warning": "#8a4b00", "good": "#1e6b35", "info": "#1f4e79",
            "unchecked": "#5b3f9e"}  # fmt: skip
ON_DARK = {"problem": "#ff8a80", "warning": "#ffc266", "good": "#7ddc9a", "info": "#8cc4ff",
           "unchecked": "#c9b3ff"}  # fmt: skip
# The tone of text that says an outcome, a verdict or a step's state (its badge keeps its colour).
STATE_TONES = {
    "ok": "good", "suitable": "good", "complete": "good", "caution": "warning",
    "stale": "warning", "contraindicated": "problem", "unchecked": "unchecked",
    "incomplete": "muted",
}  # fmt: skip
MUTED_SHARE = 0.35  # muted text: this much of the base mixed into the text colour
TINT_SHARE = 0.82  # a tint: this much of the base mixed into the tone


def current_palette(palette: QPalette | None = None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    return current_palette(palette).color(QPalette.ColorRole.Base).lightnessF() < 0.5


def mix(colour: QColor, other: QColor, share_of_other: float) -> QColor:
    keep = 1 - share_of_other
    return QColor.fromRgbF(
        colour.redF() * keep + other.redF() * share_of_other,
        colour.greenF() * keep + other.greenF() * share_of_other,
        colour.blueF() * keep + other.blueF() * share_of_other,
    )


def tone(name: str, palette: QPalette | None = None) -> QColor:
    """A text colour that reads on the palette's base ("muted": the text colour, softened)."""
    pal = current_palette(palette)
    if name == "muted":
        base = pal.color(QPalette.ColorRole.Base)
        return mix(pal.color(QPalette.ColorRole.Text), base, MUTED_SHARE)
    return QColor((ON_DARK if is_dark(pal) else ON_LIGHT)[name])


def state_tone(state: str, palette: QPalette | None = None) -> QColor:
    """Text saying `state` ("ok", "caution", "complete"...) in a tone that reads on the base."""
    return tone(STATE_TONES.get(state, "muted"), palette)


def tint(name: str, palette: QPalette | None = None) -> QColor:
    """A background for ordinary text: the tone faded into the base."""
    pal = current_palette(palette)
    return mix(tone(name, pal), pal.color(QPalette.ColorRole.Base), TINT_SHARE)


def colour_style(name: str, bold: bool = False) -> str:
    """A label's style sheet in a tone ("color: #b3261e;")."""
    return f"color: {tone(name).name()};" + (" font-weight: 600;" if bold else "")


def invalid_border_style() -> str:
    """The frame of an editor whose value is refused."""
    return f"border: 2px solid {tone('problem').name()}; border-radius: 3px;"


def panel_style(selector: str, tone_name: str) -> str:
    """A tinted panel (a warning bar, a note) whose text keeps the palette's colour."""
    return f"{selector} {{ background: {tint(tone_name).name()}; border-radius: 4px; }}"


def card_style() -> str:
    return (
        "QFrame#card { border: 1px solid palette(mid); border-radius: 6px; "
        "background: palette(base); }"
    )


def scale_font(widget: QWidget, factor: float = 1.0, bold: bool | None = None) -> QFont:
    """Set `widget`'s font to `factor` times its point size (and bold or not); returns it."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    if bold is not None:
        font.setBold(bold)
    widget.setFont(font)
    return font
