"""`mdt-planner pack` and `mdt-planner verify` on the command line."""

import pikepdf
import pytest

from desktop.cli import main
from desktop.logic.model.case import Case
from desktop.logic.report.archive import write_archive
from desktop.logic.store.database import Store
from desktop.logic.store.values import User


@pytest.fixture
def db(tmp_path, pvtt_case_data, multinodular_case_data):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=User("Li Ming", "hepatobiliary surgeon")) as store:
        for case_id, data in (("a", pvtt_case_data), ("b", multinodular_case_data)):
            store.new_case(Case.model_validate({**data, "case_id": case_id}))
        store.set_setting("department", "Hepatobiliary Surgery")
    return path


def test_pack_writes_one_bookmark_per_case(db, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    code = main(
        [
            "--db",
            str(db),
            "pack",
            "a",
            "b",
            "--pdf",
            str(out),
            "--meeting-date",
            "2026-11-25",
            "--lang",
            "zh_CN",
        ]
    )
    assert code == 0
    assert f"wrote {out} (2 cases)" in capsys.readouterr().out
    with pikepdf.open(out) as pdf, pdf.open_outline() as outline:
        assert [i.title for i in outline.root] == ["议程", "1. 王伟", "2. Maria Lopez"]
        assert str(pdf.docinfo["/Author"]) == "Hepatobiliary Surgery"


def test_pack_of_an_unknown_case_fails_with_a_message(db, tmp_path, capsys):
    code = main(["--db", str(db), "pack", "a", "zzz", "--pdf", str(tmp_path / "p.pdf")])
    assert code == 2
    assert "zzz" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()


def test_verify_exit_codes(tmp_path, pvtt_case_data, capsys):
    folder = write_archive("a", Case.model_validate(pvtt_case_data), tmp_path / "b")
    assert main(["verify", str(folder)]) == 0
    assert "intact" in capsys.readouterr().out
    (folder / "a.json").write_text("{}", encoding="utf-8")
    assert main(["verify", str(folder)]) == 1
    assert "a.json: SHA-256 differs" in capsys.readouterr().out
