"""The one TrueType font every PDF uses, shipped in resources/fonts and embedded as a subset.

WenQuanYi Micro Hei (Apache-2.0) covers Latin and CJK, so 王伟 and Maria Lopez render with the
same embedded font on Windows, macOS and Linux. reportlab's built-in fonts (Helvetica,
STSong-Light) are never embedded and must not appear in an archived PDF.

It has no Arabic, Hebrew, Thai or emoji glyphs, and reportlab would draw such a character as
the font's empty "notdef" glyph: text silently gone from the page. So the font is registered
as a GuardedFont, which refuses (MissingGlyphs) any string it cannot draw in full; the report
turns that into a message naming the field and the characters (report.glyphs).
"""

from __future__ import annotations

from functools import cache, cached_property
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.logic.model import resource

FONT_NAME = "MDTSans"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_FACE_INDEX = 0  # face 0 of the collection: "WenQuanYi Micro Hei" (proportional)
FONT_LABEL = "WenQuanYi Micro Hei"
_NOT_DRAWN = {0x09, 0x0A, 0x0D, 0xA0}  # white space paragraphs fold; reportlab draws NBSP as space


class MissingGlyphs(ValueError):
    """A string holds characters the report font has no glyph for (`characters`, in order)."""

    def __init__(self, characters: list[str]) -> None:
        self.characters = characters
        super().__init__(", ".join(f"U+{ord(c):04X}" for c in characters))


class GuardedFont(TTFont):
    """The report font, refusing to draw a string it would draw with blank gaps."""

    def splitString(  # noqa: N802 - reportlab's name
        self, text: str | bytes, doc: object, encoding: str = "utf-8"
    ) -> Any:  # reportlab's (untyped) list of (subset, encoded bytes)
        if not isinstance(text, str):
            return super().splitString(text, doc, encoding)
        state = self.state.get(doc)
        split: dict[str, list[Any]] | None = getattr(state, "split_texts", None)
        if split is not None and text in split:
            return list(split[text])
        if not self.drawable.issuperset(text):
            missing = missing_glyphs(text, self.face.charToGlyph)
            if missing:
                raise MissingGlyphs(missing)
        chunks = super().splitString(text, doc, encoding)
        # A character keeps its subset and code for the rest of the document, so a text drawn
        # again splits the same way: kept per document (reportlab drops a document's state
        # with the document).
        self.state[doc].__dict__.setdefault("split_texts", {})[text] = chunks
        return list(chunks)

    @cached_property
    def drawable(self) -> frozenset[str]:
        """Every character the font draws (or that is never drawn): a string made only of these
        passes without looking at each character."""
        codes = [*self.face.charToGlyph, *_NOT_DRAWN]
        return frozenset(map(chr, codes))

    # reportlab's getAscentDescent asks the font first and, on the AttributeError a TTFont
    # raises, its face: the face's values, without an exception on every line measured.
    @property
    def ascent(self) -> float:
        ascent: float = self.face.ascent
        return ascent

    @property
    def descent(self) -> float:
        descent: float = self.face.descent
        return descent


@cache
def report_font() -> str:
    """Register the shipped font with reportlab once and return its name."""
    path = resource(*FONT_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"the report font is missing from the installation: {path}")
    font = GuardedFont(FONT_NAME, str(path), subfontIndex=FONT_FACE_INDEX)
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
    )
    return FONT_NAME


def missing_glyphs(text: str, cmap: dict[int, int] | None = None) -> list[str]:
    """The characters of `text` the report font cannot draw, each once, in order."""
    if cmap is None:
        report_font()
        cmap = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    seen: dict[str, None] = {}
    for char in text:
        code = ord(char)
        if code not in cmap and code not in _NOT_DRAWN:
            seen.setdefault(char)
    return list(seen)
