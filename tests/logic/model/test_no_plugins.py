"""No pydantic plugin sees a record (desktop/logic/model/no_plugins.py), on every pydantic
release pyproject allows: part of the smoke subset that .ci/run runs at the lowest versions."""

import os
import subprocess
import sys
import textwrap

import pytest

from desktop.logic.model.no_plugins import LOADER, NoPlugins
from tests.conftest import REPO

pytestmark = pytest.mark.smoke

SPY = '''
import os


class Spy:
    """A pydantic plugin that writes down every validator it is offered."""

    def new_schema_validator(self, schema, schema_type, path, kind, config, settings):
        with open(os.environ["SPY_FILE"], "a", encoding="utf-8") as seen:
            seen.write(f"{path}\\n")
        return None, None, None


plugin = Spy()
'''
DEMO = REPO / "resources" / "demo" / "advanced-pvtt-conversion.json"


def _install_spy(folder):
    """An installed package registering the `pydantic` entry point, as pip would leave it."""
    (folder / "spy_plugin.py").write_text(SPY, encoding="utf-8")
    info = folder / "spy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")


def _run(folder, code):
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = os.pathsep.join([str(folder), str(REPO)])
    env["SPY_FILE"] = str(folder / "seen.txt")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, timeout=120, cwd=folder, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = folder / "seen.txt"
    return seen.read_text(encoding="utf-8") if seen.exists() else ""


def test_an_installed_pydantic_plugin_sees_no_case_rules_or_catalogue(tmp_path):
    _install_spy(tmp_path)
    seen = _run(tmp_path, f"""
        from desktop.logic.clinical import evaluate
        from desktop.logic.model import default_rules, read_case
        evaluate(read_case({str(DEMO)!r}), default_rules())
    """)
    assert seen == ""


def test_the_spy_is_seen_by_pydantic_without_the_planner(tmp_path):
    # The control: the same installed plugin is offered a plain pydantic model's validator.
    _install_spy(tmp_path)
    seen = _run(tmp_path, """
        from pydantic import BaseModel

        class Plain(BaseModel):
            x: int

        Plain(x=1)
    """)
    assert "Plain" in seen


def test_evaluate_reads_no_package_metadata():
    code = (
        "import sys, io, contextlib\nfrom desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['evaluate', {str(DEMO)!r}]) == 0\n"
        "print(sorted(m for m in ('importlib.metadata', 'email', 'zipfile') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_stand_in_answers_no_plugins_and_lends_every_other_name_from_the_real_loader():
    loader = sys.modules[LOADER]
    assert isinstance(loader, NoPlugins)
    assert tuple(loader.get_plugins()) == ()
    assert loader.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"
    with pytest.raises(AttributeError):
        loader.no_such_name  # noqa: B018
