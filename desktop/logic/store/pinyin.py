"""The pinyin of a Chinese name, for search ("wang" finds 王伟), computed once when a case is
saved and kept beside the name (cases.search_text).

Every reading of each character is kept (单 as dan, chan and shan: a surname is often read
otherwise than the word), without tones, ü written both v and u, with the whole name run
together ("wangwei"), spaced ("wang wei") and as initials ("ww"). The readings come from
pypinyin's own single-character table, read directly: importing pypinyin loads its phrase
table too (a second and some 50 MB), which a name does not need. Text that is not Chinese
gives no pinyin; it is searched as the name itself.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

TABLE = "pinyin_dict.json"  # code point -> "wáng,wàng,yù" (pypinyin >= 0.52)
UMLAUT_U = "u\u0308"


@cache
def readings_table() -> dict[str, str]:
    """pypinyin's single-character readings by code point (as text); empty without pypinyin."""
    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / TABLE
        if path.is_file():
            return dict(json.loads(path.read_text(encoding="utf-8")))
    return {}


def toneless(reading: str) -> str:
    """"lǚ" -> "lv", "wáng" -> "wang"."""
    decomposed = unicodedata.normalize("NFD", reading).replace(UMLAUT_U, "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def character_readings(name: str) -> list[list[str]]:
    """Each Chinese character's readings, most usual first, tones dropped."""
    table = readings_table()
    readings = []
    for char in name:
        found = table.get(str(ord(char)))
        if found:
            readings.append(list(dict.fromkeys(toneless(r) for r in found.split(","))))
    return readings


def searchable_text(name: str) -> str:
    """"wangwei wang wei ww yu" for 王伟 (its other readings after); "" for a Latin name."""
    readings = character_readings(name)
    if not readings:
        return ""
    usual = [options[0] for options in readings]
    others = sorted({r for options in readings for r in options[1:]})
    words = ["".join(usual), " ".join(usual), "".join(s[0] for s in usual), *others]
    text = " ".join(words)
    with_u = " ".join(word.replace("v", "u") for word in words if "v" in word)
    return f"{text} {with_u}".strip()
