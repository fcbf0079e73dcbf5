"""Where the bundled resources live, in a checkout and in an installed wheel."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]  # desktop/ (logic/model/paths.py)


def resources_dir() -> Path:
    """The `resources/` folder: packaged copy first, then the checkout's."""
    packaged = _PACKAGE / "resources"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
