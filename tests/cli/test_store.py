"""The case-store commands: import, list, export, history, check, backup, restore."""

import argparse
import dataclasses
import io
import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop.cli import build_parser, main
from desktop.cli import report as cli_report
from desktop.cli import store as cli_store
from desktop.logic.store.database import Store, User
from desktop.logic.store.settings import SETTINGS
from tests.conftest import EXAMPLES, SHARED_EXAMPLES, example_data
from tests.factories import case_data, make_case

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "README.md"
STORE_COMMANDS = ("import", "list", "export", "history", "check", "backup", "restore", "rules")


def run(db, *argv):
    return main(["--db", str(db), *argv])


def write_case(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def imported(capsys):
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def test_import_prints_case_id_and_mrn_per_file(db, capsys):
    files = [EXAMPLES / f"{name}.json" for name in SHARED_EXAMPLES]
    assert run(db, "import", *map(str, files)) == 0
    lines = imported(capsys)
    assert [mrn for _, mrn in lines] == [example_data(f.stem)["patient"]["mrn"] for f in files]
    assert all(len(case_id) == 32 for case_id, _ in lines)


def test_import_of_a_known_mrn_adds_a_revision(db, tmp_path, capsys):
    first = write_case(tmp_path, "a.json", case_data())
    second = write_case(tmp_path, "b.json", case_data(ecog=1))
    assert run(db, "import", str(first), str(second)) == 0
    [(id_a, _), (id_b, _)] = imported(capsys)
    assert id_a == id_b
    assert run(db, "history", id_a, "--json") == 0
    history = json.loads(capsys.readouterr().out)
    assert [(h["revision"], h["summary"]) for h in history] == [(1, "created"), (2, "changed ecog")]


def test_bad_file_exits_2_naming_file_and_problem_and_writes_nothing(db, tmp_path, capsys):
    good = write_case(tmp_path, "good.json", case_data())
    bad = write_case(tmp_path, "bad.json", case_data(ecog=7, **{"patient.mrn": "BAD-1"}))
    assert run(db, "import", str(bad), str(good)) == 2
    captured = capsys.readouterr()
    assert f"{bad}: ecog: 7 is not accepted" in captured.err
    assert [mrn for _, mrn in (line.split("\t") for line in captured.out.splitlines())] == [
        "T-0001"
    ]
    with Store.open(db, read_only=True) as store:
        assert [row.mrn for row in store.list_cases()] == ["T-0001"]
        assert len(store.audit_log()) == 1


def test_unreadable_json_exits_2(db, tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text("{", encoding="utf-8")
    assert run(db, "import", str(bad)) == 2
    assert f"{bad}: not valid JSON" in capsys.readouterr().err


def test_import_that_would_change_a_final_record_exits_2(db, tmp_path, capsys):
    source = write_case(tmp_path, "pvtt.json", example_data("advanced-pvtt-conversion"))
    assert run(db, "import", str(source)) == 0
    capsys.readouterr()
    data = example_data("advanced-pvtt-conversion")
    data["decisions"] = []
    changed = write_case(tmp_path, "changed.json", data)
    assert run(db, "import", str(changed)) == 2
    assert "final decision record 1 would be removed" in capsys.readouterr().err


def test_list_json(db, tmp_path, capsys):
    run(db, "import", str(write_case(tmp_path, "a.json", case_data())))
    capsys.readouterr()
    assert run(db, "list", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert {"case_id", "mrn", "name", "status", "updated_at"} <= row.keys()
    assert (row["mrn"], row["name"], row["status"]) == ("T-0001", "Test Patient", "new")


def test_list_of_an_empty_database_is_an_empty_array(db, capsys):
    Store.open(db).close()
    assert run(db, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_list_without_a_database_is_empty_and_creates_nothing(db, capsys):
    assert run(db, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert not db.exists()


@pytest.mark.parametrize("example", SHARED_EXAMPLES)
def test_export_equals_the_import_apart_from_case_id(db, tmp_path, capsys, example):
    assert run(db, "import", str(EXAMPLES / f"{example}.json")) == 0
    [(case_id, _)] = imported(capsys)
    out = tmp_path / "out.json"
    assert run(db, "export", case_id, "--json", str(out)) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported.pop("case_id") == case_id
    original = example_data(example)
    original.pop("case_id", None)
    assert exported == original


def test_export_to_stdout_and_unknown_case(db, tmp_path, capsys):
    run(db, "import", str(write_case(tmp_path, "a.json", case_data())))
    [(case_id, _)] = imported(capsys)
    assert run(db, "export", case_id, "--json", "-") == 0
    assert json.loads(capsys.readouterr().out)["case_id"] == case_id
    assert run(db, "export", "nope", "--json", "-") == 2
    assert "no case nope" in capsys.readouterr().err


def test_history_text(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MDT_PLANNER_USER", "Chen Jie")
    run(db, "import", str(write_case(tmp_path, "a.json", case_data())))
    [(case_id, _)] = imported(capsys)
    assert run(db, "history", case_id) == 0
    assert re.fullmatch(r"1\t\S+\tChen Jie \(command line\)\tcreated\n", capsys.readouterr().out)


def test_cli_user_from_settings_first(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MDT_PLANNER_USER", "Chen Jie")
    with Store.open(db, user=User("a", "b")) as store:
        store.set_setting("user_name", "Zhao Hong")
        store.set_setting("user_role", "medical oncologist")
    run(db, "import", str(write_case(tmp_path, "a.json", case_data())))
    [(case_id, _)] = imported(capsys)
    with Store.open(db, read_only=True) as store:
        assert store.history(case_id)[0].by == "Zhao Hong"


def test_cli_user_falls_back_to_the_login_name(db, monkeypatch):
    monkeypatch.delenv("MDT_PLANNER_USER", raising=False)
    monkeypatch.setattr(cli_store.getpass, "getuser", lambda: "login-name")
    with Store.open(db) as store:
        assert cli_store.cli_user(store) == User("login-name", "command line")


def test_check_clean_then_tampered(db, tmp_path, capsys):
    source = write_case(tmp_path, "pvtt.json", example_data("advanced-pvtt-conversion"))
    run(db, "import", str(source))
    [(case_id, _)] = imported(capsys)
    assert run(db, "check") == 0
    assert capsys.readouterr().out == f"warning: {db}: not encrypted\nok: no problems found\n"
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER revisions_no_update")
    conn.execute(
        "UPDATE revisions SET body = json_set(body, '$.decisions[0].recommendation', 'Wait.')"
    )
    conn.commit()
    conn.close()
    assert run(db, "check") == 1
    out = capsys.readouterr().out
    assert f"case {case_id} revision 1: decisions[0] (meeting 2026-06-03, final)" in out
    assert "the protective trigger revisions_no_update is missing" in out


def test_check_of_a_damaged_file_exits_1_in_words(db, capsys):
    db.write_bytes(b"garbage" * 100)
    assert run(db, "check") == 1
    assert "is not an SQLite database" in capsys.readouterr().out


def test_backup_and_restore(db, tmp_path, capsys):
    run(db, "import", str(write_case(tmp_path, "a.json", case_data())))
    backup = tmp_path / "copy.sqlite3"
    assert run(db, "backup", str(backup)) == 0
    run(db, "import", str(write_case(tmp_path, "b.json", case_data(**{"patient.mrn": "X-2"}))))
    capsys.readouterr()
    assert run(db, "restore", str(backup)) == 0
    out = capsys.readouterr().out
    assert f"restored {db} from {backup}" in out
    kept = Path(out.split("kept as ")[1].strip())
    with Store.open(db, read_only=True) as store:
        assert store.count_cases() == 1
    with Store.open(kept, read_only=True) as store:
        assert store.count_cases() == 2


def test_restore_of_a_bad_file_exits_2_and_keeps_the_database(db, tmp_path, capsys):
    """A backup that is not a good database is a bad input file: exit 2 (README)."""
    run(db, "import", str(write_case(tmp_path, "a.json", case_data())))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"x" * 500)
    before = db.read_bytes()
    assert run(db, "restore", str(bad)) == 2
    assert "The backup was not restored" in capsys.readouterr().err
    assert db.read_bytes() == before


def _store_subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: action.choices[name] for name in STORE_COMMANDS}


def _doc_entry(command: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"^### `mdt-planner {command}\b.*?(?=^##|\Z)", text, re.M | re.S)
    assert match, f"`mdt-planner {command}` is not documented in {DOC.name}"
    return match.group(0)


def _report_options() -> set[str]:
    """Options cli_report adds to `export`; its own README section documents them."""
    parser = argparse.ArgumentParser()
    cli_report.add_export_options(parser)
    return {name for action in parser._actions for name in action.option_strings}


@pytest.mark.parametrize("command", STORE_COMMANDS)
def test_every_command_and_option_is_documented(command):
    entry = _doc_entry(command)
    theirs = _report_options()
    for action in _store_subcommands()[command]._actions:
        if isinstance(action, argparse._HelpAction) or set(action.option_strings) & theirs:
            continue
        names = action.option_strings or [action.metavar]
        assert any(name in entry for name in names), f"{command}: {names} undocumented"


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_every_setting_is_documented(key):
    assert f"| `{key}` |" in DOC.read_text(encoding="utf-8")


def test_global_db_option_and_cli_user_are_documented():
    text = DOC.read_text(encoding="utf-8")
    assert "`--db PATH`" in text
    assert "`MDT_PLANNER_USER`" in text
    assert '"command line"' in text


def _stored(db, names):
    with Store.open(db, user=User("Li Ming", "surgeon")) as store:
        for n, name in enumerate(names):
            store.import_case(make_case(**{"patient.mrn": f"S-{n}", "patient.name": name}))
        return [dataclasses.asdict(row) for row in store.list_cases()]


@pytest.mark.parametrize("names", [[], ["王伟"], ["王伟", 'O\'Brien "Bo"', "Zhang\\Min"]])
def test_streamed_list_json_is_the_same_text_as_one_json_document(db, capsys, names):
    Store.open(db).close()
    rows = _stored(db, names)
    assert run(db, "list", "--json") == 0
    assert capsys.readouterr().out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def test_streamed_list_text_is_one_line_per_case(db, capsys):
    rows = _stored(db, ["王伟", "Li Na"])
    assert run(db, "list") == 0
    expected = "".join(
        "\t".join("" if v is None else str(v) for v in row.values()) + "\n" for row in rows
    )
    assert capsys.readouterr().out == expected


def test_list_writes_each_row_as_it_is_read(db, monkeypatch):
    _stored(db, ["A a", "B b", "C c"])
    out = io.StringIO()
    written_before_each_row = []
    original = Store.iter_cases

    def iter_cases(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            written_before_each_row.append(len(out.getvalue()))
            yield row

    monkeypatch.setattr(Store, "iter_cases", iter_cases)
    monkeypatch.setattr(sys, "stdout", out)
    assert run(db, "list", "--json") == 0
    assert written_before_each_row[0] == 0
    assert written_before_each_row[0] < written_before_each_row[1] < written_before_each_row[2]
