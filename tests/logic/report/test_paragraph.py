"""The report's paragraph: a parse kept per text and style, lines kept per width, and the same
lines and heights as reportlab's own Paragraph."""

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from desktop.logic.report.paragraph import CachedParagraph

TEXT = "Sorafenib after HAIC: <b>caution</b>, 2 checks not done &amp; one source " * 4
STYLE = ParagraphStyle("test-body", fontName="Helvetica", fontSize=8.5, leading=11)


def lines(paragraph):
    return [[getattr(w, "text", w) for w in line.words] for line in paragraph.blPara.lines]


@pytest.mark.parametrize("width", [80, 150, 400])
def test_lines_and_height_are_reportlabs(width):
    ours, theirs = CachedParagraph(TEXT, STYLE), Paragraph(TEXT, STYLE)
    assert ours.wrap(width, 1000) == theirs.wrap(width, 1000)
    assert lines(ours) == lines(theirs)


def test_two_paragraphs_of_one_text_do_not_share_fragments():
    first, second = CachedParagraph(TEXT, STYLE), CachedParagraph(TEXT, STYLE)
    assert [f.text for f in first.frags] == [f.text for f in second.frags]
    assert not any(a is b for a, b in zip(first.frags, second.frags, strict=True))
    first.frags[0].text = "changed"
    assert CachedParagraph(TEXT, STYLE).frags[0].text != "changed"


def test_a_new_width_breaks_the_lines_again_and_the_old_one_comes_back():
    paragraph = CachedParagraph(TEXT, STYLE)
    narrow = paragraph.wrap(80, 1000)
    wide = paragraph.wrap(400, 1000)
    assert wide[1] < narrow[1]
    assert paragraph.wrap(80, 1000) == narrow == Paragraph(TEXT, STYLE).wrap(80, 1000)


def test_a_split_that_finds_no_room_is_wrapped_afresh():
    paragraph = CachedParagraph(TEXT, STYLE)
    size = paragraph.wrap(80, 1000)
    assert paragraph.split(80, 5) == []  # no room for two lines: reportlab drops its lines
    assert paragraph.wrap(80, 1000) == size
    fresh = Paragraph(TEXT, STYLE)
    fresh.wrap(80, 1000)
    assert lines(paragraph) == lines(fresh)
