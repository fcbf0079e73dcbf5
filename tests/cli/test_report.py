"""`mdt-planner pack`, `verify` and the report options of `export` on the command line."""

import json

import pikepdf
import pytest

from desktop.cli import main
from desktop.logic.model import read_case
from desktop.logic.model.case import Case
from desktop.logic.report.archive import write_archive
from desktop.logic.store.database import Store
from desktop.logic.store.values import User


@pytest.fixture
def db(db, pvtt_case_data, multinodular_case_data):
    with Store.open(db, user=User("Li Ming", "hepatobiliary surgeon")) as store:
        for case_id, data in (("a", pvtt_case_data), ("b", multinodular_case_data)):
            store.new_case(Case.model_validate({**data, "case_id": case_id}))
        store.set_setting("department", "Hepatobiliary Surgery")
    return db


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
        titles = [i.title for i in outline.root]
        assert titles == ["议程", "1. 王伟", "2. Maria Lopez", "本次会议资料所依据的规则"]
        assert str(pdf.docinfo["/Author"]) == "Hepatobiliary Surgery"


def test_pack_of_an_unknown_case_fails_with_a_message(db, tmp_path, capsys):
    code = main(["--db", str(db), "pack", "a", "zzz", "--pdf", str(tmp_path / "p.pdf")])
    assert code == 2
    assert "zzz" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()


def test_verify_exit_codes(tmp_path, pvtt_case_data, capsys):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.logic.model.keys import KeySigner

    signer = KeySigner("Li Ming", "hepatobiliary surgeon", Ed25519PrivateKey.generate())
    unsigned = write_archive("a", Case.model_validate(pvtt_case_data), tmp_path / "u")
    assert main(["verify", str(unsigned)]) == 1
    assert "SHA256SUMS.sig is missing" in capsys.readouterr().out
    case = Case.model_validate(pvtt_case_data)
    folder = write_archive("a", case, tmp_path / "b", signer=signer)
    assert main(["verify", str(folder)]) == 0
    assert "intact" in capsys.readouterr().out
    (folder / "a.json").write_text("{}", encoding="utf-8")
    assert main(["verify", str(folder)]) == 1
    assert "a.json: SHA-256 differs" in capsys.readouterr().out


def test_export_deidentified_json_lists_what_was_removed(db, tmp_path, capsys):
    out = tmp_path / "d.json"
    code = main(["--db", str(db), "export", "a", "--json", str(out), "--deidentify"])
    printed = capsys.readouterr().out
    assert code == 0
    copy = read_case(out)
    assert copy.patient.name == "Patient B054A8"
    assert copy.case_id == "Patient-B054A8"
    text = out.read_text(encoding="utf-8")
    for identifier in ("王伟", "H-000123", "1961-04-02", "resectable"):
        assert identifier not in text
    assert printed.startswith("a de-identified as Patient B054A8:\n")
    assert "  decisions[0].question: free text omitted\n" in printed
    assert "王伟" not in printed


def test_export_deidentified_json_to_stdout_keeps_the_list_on_stderr(db, capsys):
    code = main(["--db", str(db), "export", "a", "--json", "-", "--deidentify"])
    captured = capsys.readouterr()
    assert code == 0
    assert json.loads(captured.out)["patient"]["name"] == "Patient B054A8"
    assert "free text omitted" in captured.err


@pytest.mark.parametrize("flag", ["--include-free-text", "--deidentify-attendees"])
def test_deidentify_choices_need_deidentify(db, tmp_path, capsys, flag):
    out = tmp_path / "x.json"
    assert main(["--db", str(db), "export", "a", "--json", str(out), flag]) == 2
    assert f"{flag} only applies with --deidentify" in capsys.readouterr().err
    assert not out.exists()


def test_deidentified_archive_and_pack_with_free_text_and_attendees(
    db, tmp_path, capsys, monkeypatch
):
    import io

    options = ["--deidentify", "--include-free-text", "--deidentify-attendees"]
    folder = tmp_path / "bundle"
    account = ["--name", "Li Ming", "--role", "hepatobiliary surgeon", "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO("li-password\n"))
    assert main(["--db", str(db), "users", "add", *account]) == 0
    as_li = ["--user", "Li Ming", "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO("li-password\n"))
    assert main(["--db", str(db), *as_li, "export", "a", "--archive", str(folder), *options]) == 0
    assert (folder / "REDACTIONS.txt").is_file()
    assert main(["verify", str(folder)]) == 0
    printed = capsys.readouterr().out
    assert 'attendee names: 4 people replaced by "Attendee 1" to "Attendee 4"' in printed
    pack = tmp_path / "p.pdf"
    assert main(["--db", str(db), "pack", "a", "b", "--pdf", str(pack), *options]) == 0
    printed = capsys.readouterr().out
    assert "a de-identified as Patient B054A8:" in printed
    assert "b de-identified as Patient " in printed
    with pikepdf.open(pack) as pdf, pdf.open_outline() as outline:
        assert [i.title for i in outline.root][1].startswith("1. Patient B054A8")


def test_text_the_pdf_font_cannot_print_exits_2_naming_it(tmp_path, pvtt_case_data, capsys):
    db = tmp_path / "cases.sqlite3"
    pvtt_case_data["patient"]["name"] = "محمد"
    with Store.open(db, user=User("Li Ming", "hepatobiliary surgeon")) as store:
        store.new_case(Case.model_validate({**pvtt_case_data, "case_id": "a"}))
    out = tmp_path / "s.pdf"
    assert main(["--db", str(db), "export", "a", "--pdf", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: patient.name: U+0645 ARABIC LETTER MEEM, U+062D")
    assert not out.exists()
    pack = tmp_path / "p.pdf"
    assert main(["--db", str(db), "pack", "a", "--pdf", str(pack)]) == 2
    assert "patient.name: U+0645" in capsys.readouterr().err
    assert not pack.exists()
    assert main(["--db", str(db), "export", "a", "--pdf", str(out), "--deidentify"]) == 0
