"""The PDF MDT summary of one case and the meeting pack of several, archived as PDF/A-2b.

`write_summary_pdf` and `write_meeting_pack` are the only entry points the app and the
command line call; they evaluate each case, lay it out (report_sections), number the pages,
add the footer and bookmarks, and save through pdfa.save_pdfa (validated before it is written).
Every page's footer carries page x of y, app and rules version, the decision's record_hash
and the decision-support line.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph

from desktop import __version__
from desktop.logic.clinical import Evaluation, evaluate
from desktop.logic.model import Case, Rules, SignerLine, default_rules, lifecycle, msg
from desktop.logic.model import case_hash as hash_of_case
from desktop.logic.report.deidentify import (
    Deidentified,
    DeidentifyOptions,
    printed_case,
    printed_copy,
)
from desktop.logic.report.fonts import MissingGlyphs, report_font
from desktop.logic.report.glyphs import unprintable
from desktop.logic.report.layout import (
    ReportContext,
    key_values,
    make_context,
    meeting_date,
    styles,
)
from desktop.logic.report.pack import PackEnd, agenda, rules_appendix
from desktop.logic.report.paragraph import CachedParagraph
from desktop.logic.report.pdfa import DocumentInfo, save_pdfa
from desktop.logic.report.plan import case_sections

Progress = Callable[[int, int], bool | None]
RECORD_KEYWORD = "record_hash="
CASE_KEYWORD = "case_hash="
MARGIN = 16 * mm
FOOTER_HEIGHT = 15 * mm


class ExportCancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


def write_summary_pdf(
    case: Case | Deidentified,
    out: str | Path,
    *,
    rules: Rules | None = None,
    lang: str = "en",
    deidentify: bool | DeidentifyOptions = False,
    department: str = "",
    case_id: str | None = None,
    evaluation: Evaluation | None = None,
    signers: dict[str, list[SignerLine]] | None = None,
    case_hash: str | None = None,
) -> Path:
    """One case's MDT summary as PDF/A-2b at `out`; `evaluation` (made with `rules`) is
    computed when not given. A de-identified summary prints the de-identified copy (given, or
    made here with `deidentify`'s options). `signers` (store.signer_lines) says who signed each
    sealed record with what key; `case_hash` is the hash of the case JSON the PDF goes with
    (computed from the printed case when not given). Both hashes go into the PDF's metadata."""
    rules = rules or default_rules()
    ctx = report_context(case, rules, lang, deidentify, department, case_id, evaluation, signers)
    story = [
        CaseStart(ctx, bookmark=ctx.patient_label),
        *title_block(ctx),
        *case_sections(ctx),
    ]
    info = DocumentInfo(
        title=ctx.text("report.title", patient=ctx.patient_label),
        subject=ctx.text("report.subject"),
        author=department or "mdt-planner",
        keywords=f"{RECORD_KEYWORD}{sealed_hash(ctx.case)}; "
        f"{CASE_KEYWORD}{case_hash or hash_of_case(ctx.case.to_json_dict())}; "
        f"rules={rules.version}; app={__version__}; lang={lang}",
    )
    return _build_printable(story, Path(out), info, lang, rules.version, [ctx])


def write_meeting_pack(
    cases: Sequence[tuple[str, Case | Deidentified]],
    out: str | Path,
    *,
    meeting_date: dt.date | str,
    lang: str = "en",
    deidentify: bool | DeidentifyOptions = False,
    department: str = "",
    rules: Rules | None = None,
    progress: Progress | None = None,
    signers: dict[str, dict[str, list[SignerLine]]] | None = None,
) -> Path:
    """An agenda page then every case's summary, one bookmark per case; `progress(done, total)`
    is called after each case and may return False to cancel (raises ExportCancelled).
    `signers` maps a case_id to its store.signer_lines."""
    rules = rules or default_rules()
    contexts: list[ReportContext] = []
    for done, (case_id, case) in enumerate(cases, start=1):
        contexts.append(
            report_context(case, rules, lang, deidentify, department, case_id,
                           signers=(signers or {}).get(case_id), in_pack=True)  # fmt: skip
        )
        if progress is not None and progress(done, len(cases)) is False:
            raise ExportCancelled(f"meeting pack cancelled after {done} of {len(cases)} cases")
    date = str(meeting_date)
    title = msg("report.pack_title", date=date).render(lang)
    story: list[Flowable] = agenda(contexts, title, date, department, lang)
    for number, ctx in enumerate(contexts, start=1):
        story += [PageBreak(), CaseStory(partial(pack_case, ctx, number, len(contexts)))]
    if contexts:
        story += [PageBreak(), PackEnd(rules.version), *rules_appendix(contexts)]
    info = DocumentInfo(
        title=title,
        subject=msg("report.subject").render(lang),
        author=department or "mdt-planner",
        keywords=f"rules={rules.version}; app={__version__}; lang={lang}",
    )
    return _build_printable(story, Path(out), info, lang, rules.version, contexts)


def pack_case(ctx: ReportContext, number: int, total: int) -> list[Flowable]:
    """One case's pages in a meeting pack: its number, then its summary."""
    heading = msg("report.agenda.case_heading", number=number, total=total)
    return [
        CaseStart(ctx, bookmark=f"{number}. {ctx.patient_label}"),
        CachedParagraph(escape(heading.render(ctx.lang)), styles(ctx.lang)["small"]),
        *title_block(ctx),
        *case_sections(ctx),
    ]


def report_context(
    case: Case | Deidentified,
    rules: Rules,
    lang: str,
    deidentify: bool | DeidentifyOptions,
    department: str,
    case_id: str | None,
    evaluation: Evaluation | None = None,
    signers: dict[str, list[SignerLine]] | None = None,
    in_pack: bool = False,
) -> ReportContext:
    """The context the report prints: the case itself, or its de-identified copy (whose
    re-sealed records carry no store signature: their signers print as not verified). A case
    `in_pack` lists the IDs of its rules; the pack prints their table once (report.pack)."""
    copy = printed_copy(case, deidentify)
    printed = printed_case(case, copy)
    extra: dict[str, Any] = {"case_id": case_id, "signers": signers}
    if copy is not None:
        extra = {"deidentify": True, "alias": copy.alias, "age_years": copy.age_years}
        extra["case_id"] = copy.stem
    extra["rules_in_appendix"] = in_pack
    evaluation = evaluation or evaluate(printed, rules)
    return make_context(printed, evaluation, rules, lang, department=department, **extra)


def sealed_hash(case: Case) -> str:
    """The record_hash of the case's latest final decision ("" when none is sealed)."""
    final = lifecycle.latest_final(case.decisions)
    return final.record_hash or "" if final else ""


def footer_record_line(case: Case, lang: str) -> str:
    final, latest = lifecycle.latest_final(case.decisions), lifecycle.latest(case.decisions)
    if final is None:
        return msg("report.footer.draft").render(lang)
    if latest is not final:
        return msg("report.footer.draft_after_final", hash=final.record_hash).render(lang)
    return msg("report.footer.sealed", hash=final.record_hash).render(lang)


def title_block(ctx: ReportContext) -> list[Flowable]:
    title = ctx.text("report.title", patient=ctx.patient_label)
    rows = [
        ("report.label.department", ctx.department or ctx.text("report.value.not_recorded")),
        ("report.label.meeting_date", meeting_date(ctx.case).isoformat()),
    ]
    if not ctx.deidentify:  # a decision page names whom it is about
        rows.insert(0, ("report.label.mrn", ctx.case.patient.mrn))
    return [CachedParagraph(escape(title), styles(ctx.lang)["title"]), key_values(ctx, rows)]


class CaseStart(Flowable):
    """Zero-size marker: from here on the footer speaks of this case; its bookmark is added by
    SummaryDocument.afterFlowable."""

    def __init__(self, ctx: ReportContext, bookmark: str) -> None:
        super().__init__()
        self.footer = {"record": footer_record_line(ctx.case, ctx.lang), "rules": ctx.rules.version}
        self.bookmark = bookmark
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.footer_info = self.footer


class CaseStory(Flowable):
    """Stands for one case's flowables in a meeting pack until the layout reaches it
    (SummaryDocument.filterFlowables): a pack then holds one case's paragraphs at a time, not
    every case's at once (less memory, and less for the garbage collector to walk)."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make
        self.width = self.height = 0


class SummaryDocument(BaseDocTemplate):
    """A4 portrait, one frame above the footer; section headings become level-1 bookmarks."""

    def __init__(self, target: Any, info: DocumentInfo, lang: str) -> None:
        font = report_font()
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER_HEIGHT,
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=info.keywords,
            creator=f"mdt-planner {__version__}",
            initialFontName=font,
            initialFontSize=8.5,
            lang=lang.replace("_", "-"),
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._headings = 0
        self._cases = 0
        self._in_case = False

    def filterFlowables(self, flowables: list[Flowable]) -> None:  # noqa: N802 - reportlab's name
        while flowables and isinstance(flowables[0], CaseStory):
            flowables[0:1] = flowables[0].make()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, PackEnd):
            self._in_case = False
        elif isinstance(flowable, CaseStart):
            self._in_case = True
            self._cases += 1
            key = f"case-{self._cases}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.bookmark, key, level=0, closed=False)
        elif isinstance(flowable, Paragraph) and flowable.style.name == "h1":
            self._headings += 1
            key = f"section-{self._headings}"
            level = 1 if self._in_case else 0  # the agenda heading stands on its own
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=True)


def _canvas_maker(lang: str, rules_version: str) -> type[Canvas]:
    class FooterCanvas(Canvas):
        """Holds every page until the end so the footer can say "page x of y". A bookmark is
        set when its page is written: set while the page is held, it would name the page the
        document was on then (the first), and every bookmark would open page 1."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.footer_info: dict[str, str] = {"record": "", "rules": rules_version}
            self._pages: list[dict[str, Any]] = []
            self._bookmarks: list[str] = []  # of the page being drawn

        def bookmarkPage(self, key: str, **where: Any) -> None:  # noqa: N802 - reportlab's name
            if where:
                raise TypeError("FooterCanvas bookmarks a whole page only")
            self._bookmarks.append(key)

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._bookmarks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key in self._bookmarks:
                    Canvas.bookmarkPage(self, key)
                _draw_footer(self, number, total, lang)
                Canvas.showPage(self)
            Canvas.save(self)

    return FooterCanvas


def _draw_footer(canvas: Canvas, page: int, total: int, lang: str) -> None:
    info = canvas.footer_info
    font = report_font()
    width = A4[0]
    canvas.saveState()
    canvas.setFont(font, 6.8)
    canvas.setFillGray(0.25)
    y = MARGIN
    canvas.drawString(MARGIN, y + 16, msg("evaluation.disclaimer").render(lang))
    canvas.drawString(MARGIN, y + 8, info.get("record", ""))
    canvas.drawString(MARGIN, y, msg("report.footer.page", page=page, pages=total).render(lang))
    versions = msg("report.footer.versions", app=__version__, rules=info.get("rules", ""))
    canvas.drawRightString(width - MARGIN, y, versions.render(lang))
    canvas.setStrokeGray(0.6)
    canvas.line(MARGIN, y + 25, width - MARGIN, y + 25)
    canvas.restoreState()


def _build_printable(
    story: list[Flowable],
    out: Path,
    info: DocumentInfo,
    lang: str,
    rules_version: str,
    contexts: list[ReportContext],
) -> Path:
    """`_build`, refusing (UnprintableText, nothing written) text the font cannot draw."""
    try:
        return _build(story, out, info, lang, rules_version)
    except MissingGlyphs as exc:
        raise unprintable(contexts, exc.characters) from None


def _build(
    story: list[Flowable], out: Path, info: DocumentInfo, lang: str, rules_version: str
) -> Path:
    buffer = io.BytesIO()
    document = SummaryDocument(buffer, info, lang)
    document.build(story, canvasmaker=_canvas_maker(lang, rules_version))
    return save_pdfa(buffer.getvalue(), out, info)
