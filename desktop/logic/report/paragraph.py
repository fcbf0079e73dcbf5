"""The report's paragraph: reportlab's Paragraph that parses a text once and breaks its lines once
per width.

A summary prints the same short texts many times ("not recorded", a verdict word, a column
heading, a rule's source), and every meeting pack prints the same labels for each case; reportlab
parses each paragraph's markup anew with an HTML parser. The parse depends only on the text and
the style object (styles are made once per language and never changed), so it is kept, and each
paragraph gets its own copies of the fragments (reportlab changes a paragraph's fragments when it
breaks and splits it).

A paragraph's lines depend only on the width it is given, yet a page layout asks again and again:
a heading guard measures what follows it, the frame then wraps it, a table wraps every cell to
size its rows and once more to draw it, and a split table wraps its repeated header again.
reportlab breaks the lines anew each time; this one keeps what the last wrap at that width gave
while reportlab has not thrown it away (a split that finds no room deletes `blPara`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

PARSED_TEXTS = 4096  # distinct (text, style) parses kept; a summary has about 500


class CachedParagraph(Paragraph):
    """A Paragraph that reuses the parse of a text it has seen and, at the width of its last
    wrap, returns the same lines again."""

    _wrapped: tuple[float, Any, float] | None = None  # (width, blPara, height) of the last wrap

    def _setup(
        self,
        text: Any,
        style: ParagraphStyle,
        bulletText: Any,  # noqa: N803 - reportlab's name
        frags: Any,
        cleaner: Callable[..., Any],
    ) -> None:
        if frags is None and isinstance(text, str) and self.caseSensitive == 1:
            text, style, parsed, bullet = _parsed(text, style, cleaner)
            frags = [copy.copy(frag) for frag in parsed]
            if bullet:
                bulletText = [copy.copy(frag) for frag in bullet]
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        last = self._wrapped
        if last is not None and last[0] == availWidth and getattr(self, "blPara", None) is last[1]:
            self.width, self.height = availWidth, last[2]
            return availWidth, last[2]
        before = getattr(self, "blPara", None)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        after = getattr(self, "blPara", None)
        if after is not None and after is not before:  # freshly broken (not a too-narrow width)
            self._wrapped = (availWidth, after, self.height)
        return size


@lru_cache(maxsize=PARSED_TEXTS)
def _parsed(
    text: str, style: ParagraphStyle, cleaner: Callable[[str], str]
) -> tuple[str, ParagraphStyle, tuple[Any, ...], tuple[Any, ...] | None]:
    """What Paragraph._setup makes of `text`: the cleaned text, the style (a <para> tag may
    change it) and the fragments of the text and of its bullet (None when it has none)."""
    cleaned = cleaner(text)
    parser = ParaParser()
    parser.caseSensitive = 1
    style, frags, bullet = parser.parse(cleaned, style)
    if frags is None:
        raise ValueError(
            f"xml parser error ({parser.errors[0]}) in paragraph beginning\n'{cleaned[:30]}'"
        )
    textTransformFrags(frags, style)
    return cleaned, style, tuple(frags), tuple(bullet) if bullet else None
