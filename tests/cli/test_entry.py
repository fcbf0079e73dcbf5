"""The entry point reads the command first and imports only that command's module."""

import argparse
import gc
import subprocess
import sys

import pytest

import desktop.cli
from desktop.cli import COMMANDS, build_parser, command_name, main, parser_for
from tests.conftest import REPO

PDF_AND_QT = {"reportlab", "pikepdf", "fontTools", "jsonschema", "PySide6", "ssl"}


def _modules_after(*argv: str) -> set[str]:
    """The top-level packages loaded by `mdt-planner ARGV` (run in a fresh interpreter)."""
    code = (
        "import sys\nfrom desktop.cli import main\n"
        f"try:\n    main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    return set(done.stderr.split())


@pytest.mark.parametrize(
    ("argv", "unwanted"),
    [
        (["--version"], PDF_AND_QT | {"pydantic"}),
        (["--help"], PDF_AND_QT | {"pydantic"}),
        (["list", "--help"], PDF_AND_QT),  # the store's commands read cases: pydantic is theirs
    ],
)
def test_version_and_help_import_nothing_heavy(argv, unwanted):
    loaded = _modules_after(*argv)
    assert loaded, "the child printed nothing"
    assert not loaded & unwanted


def test_help_lists_every_command_with_its_help(capsys):
    with pytest.raises(SystemExit):
        build_parser(every=False).parse_args(["--help"])
    shown = capsys.readouterr().out
    for name, (_module, summary) in COMMANDS.items():
        assert name in shown
        assert summary.split()[0] in shown


def test_the_static_help_table_matches_the_full_parser():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(action.choices) == list(COMMANDS)
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    assert helps == {name: summary for name, (_module, summary) in COMMANDS.items()}


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["list"],
        ["--db", "x.sqlite3", "list", "--json"],
        ["--db=x.sqlite3", "history", "abc"],
        ["--db", "list", "check"],  # a database file named "list"
        ["evaluate", "case.json", "--lang", "zh_CN"],
        ["export", "abc", "--json", "-"],
    ],
)
def test_the_command_scan_agrees_with_argparse(argv):
    assert command_name(argv) == build_parser().parse_args(argv).command


def test_only_the_chosen_command_gets_its_options():
    args = build_parser("evaluate", every=False).parse_args(["evaluate", "c.json", "--lang", "en"])
    assert args.case_file.name == "c.json"
    assert args.run.__module__ == "desktop.cli.clinical"


def test_options_are_not_abbreviated():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--d", "x.sqlite3", "list"])


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h", "evaluate"],
        ["--db", "x.sqlite3", "--help", "list"],
        ["--db", "list", "-h", "list"],  # a database file named "list", then help
    ],
)
def test_help_before_the_command_lists_every_command(argv, capsys):
    with pytest.raises(SystemExit):
        parser_for(argv).parse_args(argv)
    shown = capsys.readouterr().out
    assert all(name in shown for name in COMMANDS)


def test_a_command_is_read_by_its_parser_alone_and_keeps_its_help(capsys):
    argv = ["--db", "x.sqlite3", "evaluate", "c.json"]
    parser = parser_for(argv)
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(action.choices) == ["evaluate"]
    assert parser.parse_args(argv).case_file.name == "c.json"
    with pytest.raises(SystemExit):
        parser_for(["evaluate", "-h"]).parse_args(["evaluate", "-h"])
    assert "--as-of" in capsys.readouterr().out


def test_an_unknown_command_is_refused_naming_every_command(capsys):
    with pytest.raises(SystemExit):
        parser_for(["evaluat", "c.json"]).parse_args(["evaluat", "c.json"])
    error = capsys.readouterr().err
    assert "invalid choice: 'evaluat'" in error
    assert all(f"'{name}'" in error for name in COMMANDS)


@pytest.mark.parametrize(
    ("argv", "collects"),
    [
        (["evaluate", "c.json"], False),  # one file, then the process ends
        (["--db", "x.sqlite3", "import", "a.json"], True),
        (["check"], True),
        ([], True),  # the app
    ],
)
def test_the_console_script_keeps_the_garbage_collector_except_for_one_file(
    argv, collects, monkeypatch
):
    disabled = []
    monkeypatch.setattr(desktop.cli.gc, "disable", lambda: disabled.append(True))
    monkeypatch.setattr(desktop.cli, "main", lambda given: 0)
    monkeypatch.setattr(sys, "argv", ["mdt-planner", *argv])
    with pytest.raises(SystemExit):
        desktop.cli.run()
    assert disabled == ([] if collects else [True])


def test_the_console_script_and_python_m_desktop_run_the_same_entry():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'mdt-planner = "desktop.cli:run"' in pyproject
    assert "from desktop.cli import run" in (REPO / "desktop" / "__main__.py").read_text()


def test_main_in_process_leaves_the_garbage_collector_on(capsys):
    case = REPO / "resources" / "demo" / "advanced-pvtt-conversion.json"
    assert main(["evaluate", str(case)]) == 0
    assert capsys.readouterr().out.startswith("{")
    assert gc.isenabled()
