"""File names made from what users type (an MRN): distinct texts never share a file name."""

from __future__ import annotations

import string

KEPT = frozenset(string.ascii_letters + string.digits + "-")
EMPTY = "_"  # "_" is never produced by the encoding (it becomes %5F), so "" cannot collide
# Windows refuses these names whatever the extension; their first letter is encoded instead.
RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)]
)


def file_stem(text: str) -> str:
    """`text` with every character outside [A-Za-z0-9-] percent-encoded as UTF-8 (`EX/1` ->
    `EX%2F1`, `EX_1` -> `EX%5F1`): the mapping decodes back to `text`, so it is injective."""
    stem = "".join(c if c in KEPT else _percent(c) for c in text)
    if stem.upper() in RESERVED:
        stem = _percent(stem[0]) + stem[1:]
    return stem or EMPTY


class FileStems:
    """The stems of files written into one folder: `take(text)` is `file_stem(text)`, with `~2`,
    `~3`... added when that stem is already taken, also in another case of letters (one file on
    a case-insensitive disk) or because two cases share an MRN. `file_stem` never produces `~`,
    so an added suffix cannot meet another stem."""

    def __init__(self) -> None:
        self._taken: dict[str, int] = {}

    def take(self, text: str) -> str:
        stem = file_stem(text)
        count = self._taken[stem.casefold()] = self._taken.get(stem.casefold(), 0) + 1
        return stem if count == 1 else f"{stem}~{count}"


def _percent(char: str) -> str:
    encoded = char.encode("utf-8", "surrogatepass")  # a lone surrogate (valid JSON) too
    return "".join(f"%{byte:02X}" for byte in encoded)
