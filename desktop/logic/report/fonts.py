"""The one TrueType font every PDF uses, shipped in resources/fonts and embedded as a subset.

WenQuanYi Micro Hei (Apache-2.0) covers Latin and CJK, so 王伟 and Maria Lopez render with the
same embedded font on Windows, macOS and Linux. reportlab's built-in fonts (Helvetica,
STSong-Light) are never embedded and must not appear in an archived PDF.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.logic.model import resource

FONT_NAME = "MDTSans"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_FACE_INDEX = 0  # face 0 of the collection: "WenQuanYi Micro Hei" (proportional)


@cache
def report_font() -> str:
    """Register the shipped font with reportlab once and return its name."""
    path = resource(*FONT_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"the report font is missing from the installation: {path}")
    font = TTFont(FONT_NAME, str(path), subfontIndex=FONT_FACE_INDEX)
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
    )
    return FONT_NAME
