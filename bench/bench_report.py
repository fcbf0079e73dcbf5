"""PDF speed: one summary, a 30-case meeting pack, and a bare 2-page reportlab document."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from desktop.logic.model.case import Case
from desktop.logic.report.fonts import report_font
from desktop.logic.report.summary import write_meeting_pack, write_summary_pdf

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples"
PACK_SIZE = 30


def _case() -> Case:
    data = json.loads((EXAMPLE / "advanced-pvtt-conversion.json").read_text(encoding="utf-8"))
    return Case.model_validate(data)


def _best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def _bare(out: Path) -> None:
    style = getSampleStyleSheet()["Normal"]
    text = "Bare reportlab paragraph for comparison. " * 40
    story = [Paragraph(text, style) for _ in range(8)]
    SimpleDocTemplate(str(out)).build([*story, PageBreak(), *story])


def run() -> list[dict]:
    case = _case()
    report_font()  # font registration is a one-off cost of the first export
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        bare = _best_of(5, lambda: _bare(out / "bare.pdf"))
        one = _best_of(5, lambda: write_summary_pdf(case, out / "one.pdf"))
        cases = [(f"c{i}", case) for i in range(PACK_SIZE)]
        pack = _best_of(
            2, lambda: write_meeting_pack(cases, out / "pack.pdf", meeting_date="2026-11-25")
        )
    return [
        {
            "metric": "report.bare_2_pages_s",
            "value": bare,
            "unit": "s",
            "goal": "reference",
            "ok": None,
        },
        {"metric": "report.summary_s", "value": one, "unit": "s", "goal": "reference", "ok": None},
        {"metric": "report.pack_30_s", "value": pack, "unit": "s", "goal": "reference", "ok": None},
        {
            "metric": "report.pack_30_vs_summary",
            "value": pack / one,
            "unit": "x",
            "goal": "<= 35x one summary",
            "ok": pack / one <= 35,
        },
        {
            "metric": "report.summary_vs_bare",
            "value": one / bare,
            "unit": "x",
            "goal": "<= 10x bare 2-page doc",
            "ok": one / bare <= 10,
        },
    ]
