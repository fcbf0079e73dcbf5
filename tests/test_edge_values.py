"""Every value the case model accepts can be evaluated, stored and exported: the oldest and
newest dates, the largest numbers, full lists, the longest text (no OverflowError, no
LayoutError, no half-written archive)."""

import io
import json

import pytest

from desktop.cli import main
from desktop.logic.model.case_io import parse_case
from desktop.logic.report import write_summary_pdf
from tests.conftest import example_data
from tests.edge_cases import edge_case, text

pytestmark = pytest.mark.slow


def test_the_edge_case_is_accepted_as_it_is():
    parse_case(edge_case(size=3))


def test_edge_values_pass_evaluate_import_and_archive_export(tmp_path, capsys, monkeypatch):
    path = tmp_path / "edge.json"
    path.write_text(json.dumps(edge_case(size=2, longest=300), ensure_ascii=False), "utf-8")
    db = str(tmp_path / "cases.sqlite3")
    assert main(["evaluate", str(path), "--lang", "zh_CN"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "hcc-mdt-evaluation/1"
    assert main(["--db", db, "import", str(path)]) == 0
    case_id = capsys.readouterr().out.split("\t")[0]
    archive = tmp_path / "archive"
    monkeypatch.setattr("sys.stdin", io.StringIO("li-password\nli-password\n"))
    person = ["--name", "Li Ming", "--role", "hepatobiliary surgeon", "--password-stdin"]
    assert main(["--db", db, "users", "add", *person]) == 0  # a bundle is signed by its exporter
    signed = ["--user", "Li Ming", "--password-stdin"]
    export = ["export", case_id, "--archive", str(archive), "--lang", "zh_CN"]
    assert main(["--db", db, *signed, *export]) == 0
    assert main(["verify", str(archive)]) == 0


def test_the_tallest_accepted_table_cell_runs_across_pages(tmp_path):
    # Four reopen conditions of 2000 characters made a table row taller than a page
    # (reportlab LayoutError); rows now split across pages.
    data = example_data("advanced-pvtt-conversion")
    data["decisions"][1]["reopen_conditions"] = [text(2000, "word ")] * 4
    out = write_summary_pdf(parse_case(data), tmp_path / "tall.pdf")
    assert out.stat().st_size > 0
