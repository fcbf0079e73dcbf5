"""The response chart: drawn in the embedded font, axes scaled to round ceilings, the dated AFP
and PIVKA-II series on a log axis, no label on an axis or on another date label."""

import datetime as dt

import pytest
from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.logic.clinical import ChartSeries
from desktop.logic.report.chart import DATE_GAP, MARGIN_LEFT, response_chart
from desktop.logic.report.fonts import report_font

JUNE, AUGUST = dt.date(2026, 6, 1), dt.date(2026, 8, 10)


def series(sums, afp=(), pivka=()):
    return ChartSeries(sum_mm=tuple(sums), afp_ng_ml=tuple(afp), pivka_ii_mau_ml=tuple(pivka))


def strings(drawing):
    return [s for s in drawing.contents if isinstance(s, String)]


def test_chart_labels_use_the_embedded_font_and_show_every_point():
    drawing = response_chart(series([(JUNE, 105.0), (AUGUST, 64.0)], [(JUNE, 850.0)]), "en")
    assert {s.fontName for s in strings(drawing)} == {report_font()}
    texts = {s.text for s in strings(drawing)}
    assert {"105", "64", "850", "2026-06-01", "2026-08-10", "AFP (ng/mL)"} <= texts


def test_chart_without_markers_has_no_marker_axis():
    drawing = response_chart(series([(JUNE, 50.0), (dt.date(2026, 7, 1), 20.0)]), "zh_CN")
    texts = {s.text for s in strings(drawing)}
    assert "AFP（ng/mL）" not in texts
    assert "对数坐标" not in texts
    assert "存活肿瘤直径之和（mm）" in texts


def test_pdf_axis_top_is_the_shared_nice_ceiling():
    texts = {s.text for s in strings(response_chart(series([(JUNE, 0.4), (AUGUST, 0.2)]), "en"))}
    assert "0.5" in texts  # clinical.nice_ceiling(0.4), as on screen; once 1 in the PDF
    assert "1" not in texts


def test_every_dated_marker_value_is_drawn_on_a_log_axis_of_decades():
    afp = [(JUNE, 2400.0), (dt.date(2026, 7, 1), 1300.0), (AUGUST, 850.0)]
    pivka = [(AUGUST, 1200.0)]
    drawing = response_chart(series([(JUNE, 110.0), (AUGUST, 48.0)], afp, pivka), "en")
    texts = {s.text for s in strings(drawing)}
    assert {"2,400", "1,300", "850", "1,200"} <= texts
    assert {"100", "1,000", "10,000"} <= texts  # the decades around 850..2,400
    assert {"AFP (ng/mL)", "PIVKA-II (mAU/mL)", "log scale"} <= texts


def boxes(drawing):
    found = []
    for s in strings(drawing):
        width = stringWidth(s.text, s.fontName, s.fontSize)
        left = {"start": s.x, "end": s.x - width, "middle": s.x - width / 2}[s.textAnchor]
        found.append((s.text, left, s.y - 2, left + width, s.y + s.fontSize))
    return found


@pytest.mark.parametrize(
    "days", [[0, 3, 6, 30], [0, 1, 2, 3, 4, 5, 90], [0, 45, 90]], ids=["close", "crowded", "apart"]
)
def test_no_text_of_the_chart_touches_another_and_dates_keep_apart(days):
    sums = [(JUNE + dt.timedelta(days=d), 110.0 - d / 2) for d in days]
    afp = [(JUNE + dt.timedelta(days=d), 2400.0 - 10 * d) for d in days[::2]]
    drawing = response_chart(series(sums, afp, [(JUNE, 1200.0)]), "en")
    dates = sorted(s.x for s in strings(drawing) if s.text[:4] == "2026")
    assert all(b - a >= DATE_GAP for a, b in zip(dates, dates[1:], strict=False))
    placed = boxes(drawing)
    touching = [
        (a[0], b[0])
        for i, a in enumerate(placed)
        for b in placed[i + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]
    if days != [0, 1, 2, 3, 4, 5, 90]:  # seven values within a few points: some must touch
        assert touching == []
    values = [b for b in placed if b[0].replace(",", "").replace(".", "").isdigit()]
    assert all(b[1] >= MARGIN_LEFT for b in values if b[0] in {"110", "2,400"})
