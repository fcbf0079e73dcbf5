"""The meeting pack: agenda page, one bookmark per case, the rules printed once after the last
case, progress and cancel."""

import pikepdf
import pytest
from reportlab.platypus import Table

from desktop.logic.clinical import evaluate
from desktop.logic.model import default_rules
from desktop.logic.model.case import Case
from desktop.logic.report.layout import make_context, pseudonym
from desktop.logic.report.pack import number_ranges, rules_appendix
from desktop.logic.report.pdfa import validate
from desktop.logic.report.summary import ExportCancelled, write_meeting_pack, write_summary_pdf
from desktop.logic.report.verdicts import relied_rule_ids
from tests.logic.report.test_summary import pdf_text


@pytest.fixture
def cases(pvtt_case_data, decompensated_case_data, multinodular_case_data):
    data = [pvtt_case_data, decompensated_case_data, multinodular_case_data]
    return [(f"case-{i}", Case.model_validate(d)) for i, d in enumerate(data, start=1)]


def outline_titles(path):
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        return [item.title for item in outline.root]


def test_agenda_page_lists_every_case_and_each_case_has_a_bookmark(cases, tmp_path):
    path = write_meeting_pack(
        cases, tmp_path / "p.pdf", meeting_date="2026-11-25", department="HPB"
    )
    agenda = pdf_text(path, 1)
    assert "MDT meeting pack, 2026-11-25" in agenda
    for name in ("王伟", "张丽华", "Maria Lopez"):
        assert name in agenda
    assert outline_titles(path) == [
        "Agenda",
        "1. 王伟",
        "2. 张丽华",
        "3. Maria Lopez",
        "Rules relied on in this pack",
    ]
    assert validate(path) == []


def test_each_bookmark_opens_the_page_its_case_or_section_starts_on(cases, tmp_path):
    """Every bookmark used to open page 1 (they were set while the footer held the pages)."""
    path = write_meeting_pack(cases, tmp_path / "p.pdf", meeting_date="2026-11-25")
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        number = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        opens = {item.title: number[item.destination[0].objgen] for item in outline.root}
        sections = [number[i.destination[0].objgen] for i in outline.root[1].children]
    assert opens["Agenda"] == 1
    for title in ("1. 王伟", "2. 张丽华", "3. Maria Lopez"):
        case_number = title.split(".")[0]
        assert f"Case {case_number} of 3" in pdf_text(path, opens[title])
        assert f"Case {case_number} of 3" not in pdf_text(path, opens[title] - 1)
    assert opens["1. 王伟"] < opens["2. 张丽华"] < opens["3. Maria Lopez"]
    assert sections == sorted(sections)
    assert sections[0] == opens["1. 王伟"] < sections[-1] < opens["2. 张丽华"]


def test_pack_pages_are_numbered_across_the_whole_pack(cases, tmp_path):
    path = write_meeting_pack(cases, tmp_path / "p.pdf", meeting_date="2026-11-25")
    with pikepdf.open(path) as pdf:
        total = len(pdf.pages)
    assert total > len(cases)
    assert f"Page {total} of {total}" in pdf_text(path, total)
    assert "Case 3 of 3" in pdf_text(path)


def test_deidentified_pack_uses_pseudonyms(cases, tmp_path):
    path = write_meeting_pack(cases, tmp_path / "p.pdf", meeting_date="2026-11-25", deidentify=True)
    text = pdf_text(path)
    assert "王伟" not in text
    assert "Maria Lopez" not in text
    assert pseudonym(cases[0][1]) in text
    assert outline_titles(path)[1] == f"1. {pseudonym(cases[0][1])}"


def test_progress_is_reported_per_case(cases, tmp_path):
    seen = []
    write_meeting_pack(
        cases,
        tmp_path / "p.pdf",
        meeting_date="2026-11-25",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cancel_stops_and_writes_nothing(cases, tmp_path):
    out = tmp_path / "p.pdf"
    with pytest.raises(ExportCancelled, match="after 2 of 3"):
        write_meeting_pack(
            cases, out, meeting_date="2026-11-25", progress=lambda done, total: done < 2
        )
    assert not out.exists()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pack_in_both_languages(cases, tmp_path, lang):
    path = write_meeting_pack(cases[:1], tmp_path / "p.pdf", meeting_date="2026-11-25", lang=lang)
    assert ("议程" if lang == "zh_CN" else "Agenda") in pdf_text(path, 1)


def _pages(path):
    with pikepdf.open(path) as pdf:
        return [pdf_text(path, n) for n in range(1, len(pdf.pages) + 1)]


def _squeezed(text):
    return "".join(text.split())


def test_the_rules_table_is_printed_once_after_the_last_case(cases, tmp_path):
    """A pack used to print every case's rules table (a page or two each) after each case."""
    rules = default_rules()
    path = write_meeting_pack(cases, tmp_path / "p.pdf", meeting_date="2026-11-25")
    pages = _pages(path)
    appendix = [n for n, text in enumerate(pages) if "Rules relied on in this pack" in text]
    starts = [n for n, text in enumerate(pages) for c in (1, 2, 3) if f"Case {c} of 3" in text]
    assert appendix
    assert appendix[0] > max(starts)
    # the table's column headings (repeated on each page it runs onto): only in the appendix
    tables = [n for n, text in enumerate(pages) if "Rule Value Status" in " ".join(text.split())]
    assert tables
    assert min(tables) == appendix[0]
    everything = _squeezed(" ".join(pages))
    for _, case in cases:
        ids = relied_rule_ids(case, evaluate(case, rules), rules)
        assert _squeezed(f"relied on {len(ids)} rules of rules file {rules.version}") in everything
        assert _squeezed(", ".join(ids)) in everything  # each case still names its rules
    assert validate(path) == []


def test_the_pack_table_names_the_cases_that_relied_on_each_rule(cases):
    rules = default_rules()
    contexts = [make_context(case, evaluate(case, rules), rules, "en") for _, case in cases]
    relied = [relied_rule_ids(ctx.case, ctx.evaluation, rules) for ctx in contexts]
    table = next(f for f in rules_appendix(contexts) if isinstance(f, Table))
    header, *rows = [[cell.text for cell in row] for row in table._cellvalues]
    assert header == ["Rule", "Value", "Status", "Cases", "Source"]
    union = [rid for rid in rules.rules if any(rid in ids for ids in relied)]
    assert [row[0] for row in rows] == union  # each rule once, in rules-file order
    for row in rows:
        users = [n for n, ids in enumerate(relied, start=1) if row[0] in ids]
        assert row[3] == number_ranges(users)
    assert {row[3] for row in rows} != {"1-3"}, "the three cases rely on different rules"


def test_a_summary_alone_keeps_its_own_rules_table(cases, tmp_path):
    path = write_summary_pdf(cases[0][1], tmp_path / "s.pdf")
    text = pdf_text(path)
    assert "Rules relied on in this pack" not in text
    assert "Every rule this evaluation relied on" in text


def test_case_numbers_print_as_short_runs():
    assert number_ranges([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"
    assert number_ranges([4]) == "4"
    assert number_ranges([3, 1, 2, 2]) == "1-3"
    assert number_ranges([]) == ""
