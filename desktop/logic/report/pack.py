"""What a meeting pack adds to its cases' summaries: the agenda page first, and after the last
case the rules the cases relied on, printed once for the whole pack.

Every case of a pack is evaluated with the same rules file, so its table of rules (ID, value,
published or local policy, source) would repeat, a page or two, after every case: a 30-case
pack printed it 30 times. In a pack each case lists the IDs of the rules it relied on, and
the table at the end names, for each rule, the cases (by agenda number) that relied on it.
A summary exported alone (and its archive bundle) keeps its own full table.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from desktop.logic.clinical import meeting_question
from desktop.logic.model import msg
from desktop.logic.report.layout import ReportContext, data_table, key_values, para, section, styles
from desktop.logic.report.paragraph import CachedParagraph
from desktop.logic.report.verdicts import RULE_HEADERS, RULE_WIDTHS, relied_rule_ids, rule_row


def agenda(
    contexts: list[ReportContext], title: str, date: str, department: str, lang: str
) -> list[Flowable]:
    style = styles(lang)
    story: list[Flowable] = [CachedParagraph(escape(title), style["title"])]
    if not contexts:
        return story
    first = contexts[0]
    story.append(
        key_values(
            first,
            [
                ("report.label.department", department or first.text("report.value.not_recorded")),
                ("report.label.meeting_date", date),
            ],
        )
    )
    story.append(CachedParagraph(escape(msg("report.agenda").render(lang)), style["h1"]))
    rows = []
    meeting = _meeting_day(date)
    for number, ctx in enumerate(contexts, start=1):
        # The question of this meeting's record: the same rule the agenda view applies.
        question = meeting_question(ctx.case, meeting) if meeting else None
        staging = f"BCLC {ctx.evaluation.bclc.stage} / CNLC {ctx.evaluation.cnlc.stage}"
        rows.append([number, ctx.patient_label, staging, ctx.clean(question) if question else ""])
    headers = [
        "report.agenda.number",
        "report.heading.patient",
        "report.agenda.staging",
        "report.decision.question",
    ]
    story.append(data_table(first, headers, rows, widths=[28, 110, 100, None]))
    return story


def _meeting_day(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


class PackEnd(Flowable):
    """Zero-size marker after the last case: from here the footer names no case's record, and
    the headings that follow are bookmarks of the pack itself (SummaryDocument.afterFlowable)."""

    def __init__(self, rules_version: str) -> None:
        super().__init__()
        self.footer = {"record": "", "rules": rules_version}
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.footer_info = self.footer


def rules_appendix(contexts: list[ReportContext]) -> list[Flowable]:
    """The rules every case of the pack relied on, in rules-file order, each with the agenda
    numbers of the cases that relied on it."""
    first = contexts[0]
    cases_of: dict[str, list[int]] = {}
    for number, ctx in enumerate(contexts, start=1):
        for rule_id in relied_rule_ids(ctx.case, ctx.evaluation, ctx.rules):
            cases_of.setdefault(rule_id, []).append(number)
    note = first.text("report.policy.pack_appendix_note", version=first.rules.version)
    if not cases_of:
        return section(first, "report.heading.pack_rules", [para(first, note, "small")])
    rows = []
    for rule_id in (rid for rid in first.rules.rules if rid in cases_of):
        rule, value, status, source = rule_row(first, rule_id)
        rows.append([rule, value, status, number_ranges(cases_of[rule_id]), source])
    headers = [*RULE_HEADERS[:3], "report.policy.cases", RULE_HEADERS[3]]
    widths = [*RULE_WIDTHS[:3], 42, None]
    table = data_table(first, headers, rows, widths=widths)
    return section(first, "report.heading.pack_rules", [para(first, note, "small"), table])


def number_ranges(numbers: list[int]) -> str:
    """Agenda numbers as short runs: [1, 2, 3, 5, 7, 8] -> "1-3, 5, 7-8"."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
