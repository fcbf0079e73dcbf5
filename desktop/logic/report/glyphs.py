"""Text the PDF font cannot draw, named by field and character, so an export refuses it in words
instead of leaving blank gaps on the page (the font refuses such a string: fonts.GuardedFont).

Arabic would also need shaping and right-to-left ordering that reportlab does not do, so
drawing it with a fallback font would print it wrong; refusing is the honest answer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from desktop.logic.clinical import evaluation_output
from desktop.logic.model import msg
from desktop.logic.report.fonts import FONT_LABEL, missing_glyphs
from desktop.logic.report.layout import ReportContext, text_fields

SHOWN_PER_FIELD = 8


class UnprintableText(ValueError):
    """Characters the PDF font has no glyph for: (field, characters) pairs; nothing written."""

    def __init__(self, problems: list[tuple[str, list[str]]]) -> None:
        self.problems = problems
        super().__init__(self.render("en"))

    def render(self, lang: str = "en") -> str:
        return "\n".join(_sentence(field, chars, lang) for field, chars in self.problems)


def unprintable(contexts: Sequence[ReportContext], seen: list[str]) -> UnprintableText:
    """Every field of the printed cases holding characters the font cannot draw; `seen` (the
    characters the font refused) under "report text" when no field holds them."""
    problems: list[tuple[str, list[str]]] = []
    for number, ctx in enumerate(contexts, start=1):
        prefix = f"{number}. {ctx.patient_label}: " if len(contexts) > 1 else ""
        for path, value in _printed_strings(ctx):
            missing = missing_glyphs(value)
            if missing:
                problems.append((prefix + path, missing))
    if not problems:
        problems.append((msg("export.unprintable.report_text").render("en"), seen))
    return UnprintableText(problems)


def _printed_strings(ctx: ReportContext) -> Iterator[tuple[str, str]]:
    yield from text_fields(ctx.case.to_json_dict())
    if ctx.department:
        yield "department", ctx.department
    # every sentence of the evaluation as printed: its JSON form in the reader's language
    yield from text_fields(evaluation_output(ctx.evaluation, ctx.lang), "evaluation")


def _sentence(field: str, characters: list[str], lang: str) -> str:
    shown = [_describe(c) for c in characters[:SHOWN_PER_FIELD]]
    if len(characters) > SHOWN_PER_FIELD:
        more = len(characters) - SHOWN_PER_FIELD
        shown.append(msg("export.unprintable.more", count=more).render(lang))
    return msg("export.unprintable", field=field, characters=shown, font=FONT_LABEL).render(lang)


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"
