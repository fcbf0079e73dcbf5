"""PDF speed: one summary, a 30-case and a 200-case meeting pack, and a bare 2-page reportlab
document, measured in turn in 3 rounds so that all see the same machine. Each round times the
bare document and one summary 10 times each, then the 30-case pack once; the 200-case pack runs
once, before the last round, so that the 30-case packs it is compared with come before and
after it (run on its own at the end, it once came out a third slower per case with no change
to the code). Each measure starts from a collected heap, so none pays for another's garbage.

Every figure is a mean, the time of all its runs over their number. On this kind of machine the
same summary takes anywhere from 0.14 to 0.27 s from one run to the next (in CPU time too: the
processor itself is slower at times), and a pack, seconds long, adds those slow and fast
stretches up. A median of short runs leaves the slow stretches out, so it compared a pack's sum
with a summary's good moments. 30 summaries (about 5 s) and 3 packs (about 12 s), interleaved,
both sum over the same kind of stretches; the ratio of medians is reported beside it. Per-case
times show whether a pack grows linearly."""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

HERE = Path(__file__).resolve().parent
for folder in (str(HERE.parent), str(HERE)):
    if folder not in sys.path:
        sys.path.insert(0, folder)
from timing import goal_row  # noqa: E402

from desktop.logic.model.case import Case  # noqa: E402
from desktop.logic.report.fonts import report_font  # noqa: E402
from desktop.logic.report.summary import write_meeting_pack, write_summary_pdf  # noqa: E402

EXAMPLE = HERE.parent / "resources" / "demo" / "advanced-pvtt-conversion.json"
PACK_SIZE, LARGE_PACK = 30, 200
RUNS = 3  # rounds
SMALL_RUNS = 10  # the bare document and one summary, per round
PACK_GOAL, LINEAR_GOAL = 25.0, 1.15


def _case() -> Case:
    return Case.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))


def _seconds(work) -> float:
    gc.collect()
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


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
        write_summary_pdf(case, out / "warm.pdf")  # imports, caches: not counted

        def pack(size: int) -> float:
            cases = [(f"c{i}", case) for i in range(size)]
            return _seconds(lambda: write_meeting_pack(cases, out / "pack.pdf",
                                                       meeting_date="2026-11-25"))  # fmt: skip

        ones, packs, bares = [], [], []
        large = 0.0
        for round_number in range(RUNS):
            if round_number == RUNS - 1:  # between the rounds: the 30-case packs surround it
                large = pack(LARGE_PACK)
            for _ in range(SMALL_RUNS):
                bares.append(_seconds(lambda: _bare(out / "bare.pdf")))
                ones.append(_seconds(lambda: write_summary_pdf(case, out / "one.pdf")))
            packs.append(pack(PACK_SIZE))
    one, pack_s, bare = (statistics.fmean(x) for x in (ones, packs, bares))
    per_30, per_200 = pack_s / PACK_SIZE, large / LARGE_PACK
    median_ratio = statistics.median(packs) / statistics.median(ones)
    return [
        goal_row("report.bare_2_pages_s", bare, "s", f"mean of {RUNS * SMALL_RUNS}", None),
        goal_row("report.summary_s", one, "s", f"mean of {RUNS * SMALL_RUNS}", None),
        goal_row("report.pack_30_s", pack_s, "s", f"mean of {RUNS}", None),
        goal_row("report.pack_30_vs_summary", pack_s / one, "x",
                 f"<= {PACK_GOAL:g}x one summary", pack_s / one <= PACK_GOAL),
        goal_row("report.pack_30_vs_summary_medians", median_ratio, "x",
                 "reported: the same with medians (the former measure)", None),
        goal_row("report.pack_per_case_30_s", per_30, "s", "per case, 30-case pack", None),
        goal_row("report.pack_per_case_200_s", per_200, "s", "per case, 200-case pack", None),
        goal_row("report.pack_200_vs_30_per_case", per_200 / per_30, "x",
                 f"<= {LINEAR_GOAL:g}x (linear per case)", per_200 / per_30 <= LINEAR_GOAL),
        goal_row("report.summary_vs_bare", one / bare, "x", "<= 10x bare 2-page doc",
                 one / bare <= 10),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(row)
