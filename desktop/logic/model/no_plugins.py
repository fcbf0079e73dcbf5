"""pydantic plugins never see the planner's records.

A pydantic plugin is any installed package that registers the `pydantic` entry point; pydantic
hands it every validation, that is every patient record the planner reads. An observability
plugin sends what it sees over the network, and nothing may leave the machine (README).
pydantic's own switch, the environment variable PYDANTIC_DISABLE_PLUGINS, is read only by
releases newer than the lowest pyproject.toml allows (2.5 reads every installed package's entry
points), and a user's environment may set it otherwise.

So before any model is built, `refuse_plugins` puts a stand-in for pydantic's plugin loader
(`pydantic.plugin._loader`, whose `get_plugins` pydantic asks each time it makes a validator)
into `sys.modules`: it answers that there are none. Any other name asked of it comes from the
real module, loaded then. The stand-in also spares each start the real loader's import of
importlib.metadata (email, zipfile, csv): about 8% of `mdt-planner evaluate`.
"""

from __future__ import annotations

import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"


class NoPlugins(types.ModuleType):
    """pydantic's plugin loader as the planner runs it: no plugins, whatever is installed."""

    def __init__(self) -> None:
        super().__init__(LOADER, __doc__)
        self._real: types.ModuleType | None = None

    def get_plugins(self, *_args: Any, **_kwargs: Any) -> tuple[()]:
        return ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self._real is None:
            self._real = _load_real_loader()
        return getattr(self._real, name)


def _load_real_loader() -> types.ModuleType:
    """The real loader module, executed without taking the stand-in's place in sys.modules."""
    import importlib.machinery
    import importlib.util

    import pydantic.plugin

    spec = importlib.machinery.PathFinder.find_spec(LOADER, list(pydantic.plugin.__path__))
    if spec is None or spec.loader is None:
        raise ImportError(f"{LOADER} not found beside pydantic.plugin")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def refuse_plugins() -> None:
    """Install the stand-in, unless pydantic's loader is already in use in this process."""
    sys.modules.setdefault(LOADER, NoPlugins())
