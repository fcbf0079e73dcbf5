"""The README opens with the two set-up commands and documents every command and option."""

import argparse
import re

from desktop.cli import build_parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option not in ("--help",)
    ]


def test_readme_opens_with_exactly_two_setup_commands():
    first_block = re.search(r"```(?:sh|bash)?\n(.*?)```", README, re.S)
    assert first_block, "README has no command block"
    commands = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].rstrip().endswith("mdt-planner")
    assert "[test]" in commands[1]
    assert "pytest" in commands[1]
    assert README.index("```") < 400, "the set-up commands must open the README"


def test_every_command_and_option_is_documented():
    parser = build_parser()
    missing = [f"mdt-planner {o}" for o in _options(parser) if o not in README]
    for name, sub in _commands(parser):
        if f"mdt-planner {name}" not in README and f"`{name}" not in README:
            missing.append(f"command {name}")
        section = README[README.find(f"### `mdt-planner {name}") :]
        missing += [f"{name} {o}" for o in _options(sub) if o not in section[:4000]]
    assert not missing, f"undocumented in README.md: {missing}"
