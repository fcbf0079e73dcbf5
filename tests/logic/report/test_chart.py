"""The response chart: drawn in the embedded font, axes scaled to round ceilings."""

import datetime as dt

from reportlab.graphics.shapes import String

from desktop.logic.report.chart import response_chart
from desktop.logic.report.fonts import report_font


def test_chart_labels_use_the_embedded_font_and_show_every_point():
    points = [(dt.date(2026, 6, 1), 105.0), (dt.date(2026, 8, 10), 64.0)]
    drawing = response_chart(points, (dt.date(2026, 6, 1), 850.0), "en")
    strings = [s for s in drawing.contents if isinstance(s, String)]
    assert {s.fontName for s in strings} == {report_font()}
    texts = {s.text for s in strings}
    assert {"105", "64", "850", "2026-06-01", "2026-08-10", "AFP (ng/mL)"} <= texts


def test_chart_without_afp_has_no_afp_axis():
    points = [(dt.date(2026, 6, 1), 50.0), (dt.date(2026, 7, 1), 20.0)]
    texts = {
        s.text for s in response_chart(points, None, "zh_CN").contents if isinstance(s, String)
    }
    assert "AFP（ng/mL）" not in texts
    assert "存活肿瘤直径之和（mm）" in texts


def test_pdf_axis_top_is_the_shared_nice_ceiling():
    points = [(dt.date(2026, 6, 1), 0.4), (dt.date(2026, 8, 10), 0.2)]
    texts = {s.text for s in response_chart(points, None, "en").contents if isinstance(s, String)}
    assert "0.5" in texts  # clinical.nice_ceiling(0.4), as on screen; once 1 in the PDF
    assert "1" not in texts
