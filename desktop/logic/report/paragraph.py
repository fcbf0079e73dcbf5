"""The report's paragraph: reportlab's Paragraph that breaks its lines once per width.

A paragraph's lines depend only on the width it is given, yet a page layout asks again and again:
a heading guard measures what follows it, the frame then wraps it, a table wraps every cell to
size its rows and once more to draw it, and a split table wraps its repeated header again.
reportlab breaks the lines anew each time; this one keeps what the last wrap at that width gave
while reportlab has not thrown it away (a split that finds no room deletes `blPara`).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph


class CachedParagraph(Paragraph):
    """A Paragraph whose `wrap` at the width of its last wrap returns the same lines again."""

    _wrapped: tuple[float, Any, float] | None = None  # (width, blPara, height) of the last wrap

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
