"""A package front door that imports the module behind a name on first use (PEP 562)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_exports(
    package: str, exports: dict[str, tuple[str, ...]], submodules: tuple[str, ...] = ()
) -> tuple[dict[str, str], Callable[[str], Any], Callable[[], list[str]]]:
    """For `package`'s __init__: (the module of each name, __getattr__, __dir__). `exports`
    maps a module of the package to the names it gives the front door; `submodules` are
    offered as modules. A name, once loaded, is kept in the package like a plain import."""
    home = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:  # noqa: N807 -- the module-level hook of PEP 562
        if name in submodules:
            value = importlib.import_module(f"{package}.{name}")
        elif name in home:
            value = getattr(importlib.import_module(f"{package}.{home[name]}"), name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:  # noqa: N807 -- the module-level hook of PEP 562
        return sorted(set(vars(sys.modules[package])) | set(home) | set(submodules))

    return home, __getattr__, __dir__


def import_modules(package: str, exports: dict[str, tuple[str, ...]]) -> None:
    """Import every module behind the front door now (the app does, before Qt is loaded)."""
    for module in exports:
        importlib.import_module(f"{package}.{module}")
