"""Building blocks of the PDF summary: styles, the report context and small flowable makers.

Every word printed comes from resources/text/report.json (or the evaluation's own sentences,
rendered here) in the reader's language; free text typed by the MDT is escaped. A de-identified
report prints the de-identified copy of the case (report.deidentify) and is never scrubbed here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.logic.clinical import Evaluation
from desktop.logic.model import Case, Message, Rules, SignerLine, lifecycle, msg, render_all, term
from desktop.logic.report.fonts import report_font
from desktop.logic.report.paragraph import CachedParagraph

HEADING_COLOUR = colors.HexColor("#1f4e79")
RULE_COLOUR = colors.HexColor("#9fb6cd")
LABEL_WIDTH = 150
FIRST_LINES = 3  # a heading never ends a page: it stays with this many lines of what follows
HEADING_STYLES = ("h1", "h2")
OLDEST_AGE_SHOWN = 90  # HIPAA Safe Harbor: ages over 89 are one category, "90 or older"
OMITTED = msg("export.free_text_omitted").render("en")  # what a de-identified copy holds instead
UNIT_MARKUP = {"umol/L": "µmol/L", "10^9/L": "×10<super>9</super>/L"}


class Markup(str):
    """Text already in reportlab paragraph markup (a unit with a superscript): not escaped."""


@dataclass(frozen=True)
class ReportContext:
    """One case as the report prints it: the case, its evaluation and the reader's choices.

    In a de-identified report `case` is already the de-identified copy, `alias` its pseudonym
    and `age_years` the age the original birth date gave (capped at 90)."""

    case: Case
    evaluation: Evaluation
    rules: Rules
    lang: str
    deidentify: bool = False
    department: str = ""
    case_id: str | None = None
    alias: str = ""
    age_years: int | None = None
    # record_hash -> who signed with what key, who is named unverified, who was present
    # (store.signer_lines); None for a case read from a file: its signers are unverified.
    signers: dict[str, list[SignerLine]] | None = None
    # In a meeting pack the rules table is printed once, after the last case (report.pack):
    # each case then lists only the IDs of the rules it relied on.
    rules_in_appendix: bool = False

    def text(self, key: str, **params: Any) -> str:
        return msg(key, **params).render(self.lang)

    def term(self, key: str) -> str:
        return term(key, self.lang)

    @property
    def patient_label(self) -> str:
        return self.alias if self.deidentify else self.case.patient.name

    def sentences(self, messages: Iterable[Message | None]) -> list[str]:
        """The evaluation's sentences in the reader's language (absent ones left out)."""
        return render_all([m for m in messages if m is not None], self.lang)

    def clean(self, value: Any) -> str:
        """Free text as printed; the mark of omitted free text in the reader's language."""
        text = "" if value is None else str(value)
        if self.deidentify and OMITTED in text:
            text = text.replace(OMITTED, self.text("export.free_text_omitted"))
        return text


def make_context(
    case: Case, evaluation: Evaluation, rules: Rules, lang: str, **options: Any
) -> ReportContext:
    """The context of `case`; a de-identified one needs the copy's `alias` (deidentify_case)."""
    if options.get("deidentify") and not options.get("alias"):
        raise ValueError("a de-identified report prints a de-identified copy: deidentify_case()")
    options.setdefault("age_years", age_years(case))
    return ReportContext(case, evaluation, rules, lang, **options)


def pseudonym(case: Case) -> str:
    """A stable stand-in for the patient: "Patient " + first 6 hex of sha256(MRN).

    Stable so that copies of one patient can be matched; it is NOT anonymous (a short MRN
    space can be searched), which is why de-identified files are still handled as clinical.
    """
    digest = hashlib.sha256(case.patient.mrn.encode("utf-8")).hexdigest()
    return f"Patient {digest[:6].upper()}"


def age_years(case: Case) -> int | None:
    """Whole years from the birth date to the assessment date (None without a birth date)."""
    birth, on = case.patient.birth_date, case.assessed_on
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def text_fields(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string inside a JSON-like value with its path ("decisions[0].question")."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_fields(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from text_fields(item, f"{path}[{index}]")


def meeting_date(case: Case) -> dt.date:
    """The meeting the summary is for: the latest decision's, else the assessment date."""
    decision = lifecycle.latest(case.decisions)
    return decision.meeting_date if decision else case.assessed_on


@cache
def styles(lang: str) -> dict[str, ParagraphStyle]:
    font = report_font()
    wrap = "CJK" if lang == "zh_CN" else None
    base = ParagraphStyle(
        "body", fontName=font, bulletFontName=font, fontSize=8.5, leading=11, wordWrap=wrap
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "label": ParagraphStyle("label", parent=base, textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=20, spaceAfter=4),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontSize=11.5,
            leading=14,
            textColor=HEADING_COLOUR,
            spaceBefore=9,
            spaceAfter=3,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontSize=9.5,
            leading=12,
            textColor=HEADING_COLOUR,
            spaceBefore=4,
            spaceAfter=2,
        ),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=10, bulletIndent=2),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
    }


def para(ctx: ReportContext, text: Any, style: str = "body") -> Paragraph:
    return CachedParagraph(markup(ctx, text), styles(ctx.lang)[style])


def markup(ctx: ReportContext, value: Any) -> str:
    """A value as paragraph markup: free text escaped (and scrubbed); a list one line each."""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, list | tuple):
        return "<br/>".join(markup(ctx, v) for v in value if v not in (None, ""))
    return escape(ctx.clean(value))


def unit_markup(unit: str) -> Markup:
    """A lab unit as printed: µmol/L rather than the file's ASCII umol/L; 10^9/L superscripted."""
    return Markup(UNIT_MARKUP.get(unit, escape(unit)))


def heading(ctx: ReportContext, key: str) -> Paragraph:
    return CachedParagraph(escape(ctx.text(key)), styles(ctx.lang)["h1"])


def subheading(ctx: ReportContext, key: str) -> Paragraph:
    return CachedParagraph(escape(ctx.text(key)), styles(ctx.lang)["h2"])


def bullets(ctx: ReportContext, lines: Iterable[Any]) -> list[Flowable]:
    style = styles(ctx.lang)["bullet"]
    return [
        CachedParagraph(escape(ctx.clean(line)), style, bulletText="•") for line in lines if line
    ]


def key_values(ctx: ReportContext, rows: Sequence[tuple[str, Any]]) -> Table:
    """Label (from report.json) beside value, one row each; `rows` are (label key, value)."""
    cell = styles(ctx.lang)["body"]
    label = styles(ctx.lang)["label"]
    data = [
        [CachedParagraph(escape(ctx.text(key)), label), CachedParagraph(markup(ctx, value), cell)]
        for key, value in rows
    ]
    table = Table(data, colWidths=[LABEL_WIDTH, None], hAlign="LEFT", splitInRow=1)
    table.setStyle(_grid_style(header=False))
    return table


def data_table(
    ctx: ReportContext,
    header_keys: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float | None] | None = None,
) -> Table:
    """A ruled table with translated column headings, repeated on every page it runs onto;
    a cell is a value or a list of values printed one per line."""
    cell = styles(ctx.lang)["cell"]
    header = [CachedParagraph(escape(ctx.text(key)), cell) for key in header_keys]
    body = [[CachedParagraph(markup(ctx, v), cell) for v in row] for row in rows]
    table = Table([header, *body], colWidths=widths, hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(_grid_style(header=True))
    return table


def section(ctx: ReportContext, key: str, body: Sequence[Flowable]) -> list[Flowable]:
    """A heading and its body, free to run across pages; every heading (and subheading) is kept
    only with the first lines of what follows it, and long tables split with their header."""
    return [*keep_headings([heading(ctx, key), *body]), Spacer(1, 2)]


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """`story` with a HeadingGuard before each heading that has something after it."""
    out: list[Flowable] = []
    for index, flowable in enumerate(story):
        following = list(story[index + 1 : index + 2])
        if following and _is_heading(following[0]) and index + 2 < len(story):
            following.append(story[index + 2])  # a subheading keeps its own first lines too
        if following and _is_heading(flowable):
            out.append(HeadingGuard(flowable, following))
        out.append(flowable)
    return out


class HeadingGuard(CondPageBreak):
    """Zero-height: moves to the next page when a heading and the first lines after it would
    not fit in what is left of this one (unlike KeepTogether, never the whole block)."""

    def __init__(self, heading: Flowable, following: Sequence[Flowable]) -> None:
        super().__init__(0)
        self.heading = heading
        self.following = list(following)  # what follows; a subheading with what follows it

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        *whole, last = [self.heading, *self.following]
        height = sum(_whole_height(f, availWidth, availHeight) for f in whole)
        self.height = height + first_lines_height(last, availWidth, availHeight)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


def _whole_height(flowable: Flowable, width: float, height: float) -> float:
    _, own = flowable.wrap(width, height)
    spaced: float = own + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return spaced


def first_lines_height(flowable: Flowable, width: float, height: float) -> float:
    """The height of the first few lines of `flowable`: a paragraph's first FIRST_LINES lines,
    a table's header and first whole rows (a row never splits), anything else entire."""
    full: float
    _, full = flowable.wrap(width, height)
    if isinstance(flowable, Paragraph):
        leading: float = flowable.style.leading
        return min(full, FIRST_LINES * leading)
    if isinstance(flowable, Table):
        needed = FIRST_LINES * styles_leading(flowable)
        total = 0.0
        for count, row_height in enumerate(flowable._rowHeights or []):
            if count > flowable.repeatRows and total >= needed:
                break
            total += row_height
        return total
    return full


def styles_leading(table: Table) -> float:
    """The leading of a table's first cell paragraph (the body leading when it has none)."""
    first = table._cellvalues[0][0] if table._cellvalues and table._cellvalues[0] else None
    return first.style.leading if isinstance(first, Paragraph) else 11


def _is_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and flowable.style.name in HEADING_STYLES


def yes_no(ctx: ReportContext, value: bool | None) -> str:
    if value is None:
        return ctx.text("report.value.not_recorded")
    return ctx.text("report.value.yes" if value else "report.value.no")


def or_not_recorded(ctx: ReportContext, value: Any) -> str:
    if value is None or value == "" or value == []:
        return ctx.text("report.value.not_recorded")
    return str(value)


def number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != int(value):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value))


def _grid_style(header: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), report_font()),  # else reportlab names Helvetica
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")))
    return TableStyle(commands)


def missing(ctx: ReportContext) -> str:
    return ctx.text("report.value.not_recorded")


def none_recorded(ctx: ReportContext) -> str:
    return ctx.text("report.value.none")
