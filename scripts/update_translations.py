"""Extract the app's strings into resources/i18n/*.ts (keeping translations) and compile the .qm.

Run: `.venv/bin/python scripts/update_translations.py [--check]`. pyside6-lupdate reads every
desktop/ui/*.py; module helpers `_tr(text)` (which call `QCoreApplication.translate("Ctx",
text)`) are extracted too and put in their module's context. Existing translations are kept by
context and source text (or by source text alone when a string moved); new strings are marked
unfinished for a translator. pyside6-lrelease then compiles each .ts to its .qm. With
`--check`, nothing is written: the exit status says whether the .ts is complete and in sync.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UI = REPO / "desktop" / "ui"
I18N = REPO / "resources" / "i18n"
BIN = REPO / ".venv" / "bin"
LANGUAGES = ("zh_CN",)
_HELPER = re.compile(r"def _tr\([^)]*\)[^:]*:\s*\n\s*return QCoreApplication\.translate\(\"(\w+)\"")


@dataclass(frozen=True, slots=True)
class Entry:
    """One message of a .ts file: where it is looked up and its translation(s)."""

    context: str
    source: str
    numerus: bool
    translations: tuple[str, ...]
    finished: bool


def ts_path(lang: str) -> Path:
    return I18N / f"mdt_planner_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"mdt_planner_{lang}.qm"


def ui_sources() -> list[Path]:
    return sorted(UI.glob("*.py"))


def helper_context(path: Path) -> str | None:
    """The context a module's `_tr` helper translates in, or None without one."""
    found = _HELPER.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def extract(out: Path, lang: str) -> ET.ElementTree:
    """Run lupdate over the UI sources into a fresh `out` and fix the helper contexts."""
    sources = ui_sources()
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *map(str, sources), "-tr-function-alias", "tr+=_tr",
         "-no-obsolete", "-source-language", "en",
         "-target-language", lang, "-ts", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    tree = ET.parse(out)
    for location in tree.getroot().iter("location"):
        location.set("filename", str((out.parent / location.get("filename")).resolve()))
    _move_helper_messages(tree.getroot(), {str(p): helper_context(p) for p in sources})
    return tree


def _move_helper_messages(root: ET.Element, contexts: dict[str, str | None]) -> None:
    """lupdate puts `_tr("...")` strings in an unnamed context; file them under the module's."""
    by_name = {c.findtext("name"): c for c in root.findall("context")}
    unnamed = by_name.pop("", None) or by_name.pop(None, None)
    if unnamed is None:
        return
    root.remove(unnamed)
    for message in unnamed.findall("message"):
        # one unnamed message may gather the same text from several modules
        for location in message.findall("location"):
            filename = location.get("filename")
            name = contexts.get(filename)
            if name is None:
                raise ValueError(f"{filename}: a _tr() string but no _tr helper's context")
            _add_to_context(root, by_name, name, message, location)
    _sort_contexts(root)


def _add_to_context(
    root: ET.Element,
    by_name: dict[str, ET.Element],
    name: str,
    message: ET.Element,
    location: ET.Element,
) -> None:
    if name not in by_name:
        by_name[name] = ET.SubElement(root, "context")
        ET.SubElement(by_name[name], "name").text = name
    target = by_name[name]
    for existing in target.findall("message"):
        if existing.findtext("source") == message.findtext("source"):
            existing.append(copy.deepcopy(location))
            return
    moved = copy.deepcopy(message)
    for old in moved.findall("location"):
        moved.remove(old)
    moved.insert(0, copy.deepcopy(location))
    target.append(moved)


def _sort_contexts(root: ET.Element) -> None:
    for context in sorted(root.findall("context"), key=lambda c: c.findtext("name")):
        root.remove(context)
        root.append(context)


def entries(tree: ET.ElementTree) -> list[Entry]:
    found = []
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            found.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    message.get("numerus") == "yes",
                    texts,
                    translation.get("type") is None and all(texts),
                )
            )
    return found


def merge(fresh: ET.ElementTree, existing: ET.ElementTree | None) -> ET.ElementTree:
    """Give every message of `fresh` its translation from `existing` when there is one."""
    known = [e for e in entries(existing) if e.finished] if existing is not None else []
    exact = {(e.context, e.source, e.numerus): e for e in known}
    by_source = {(e.source, e.numerus): e for e in known}
    plural = {(e.context, e.source): e for e in known if e.numerus}
    for context in fresh.getroot().findall("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            key = (message.findtext("source"), message.get("numerus") == "yes")
            old = exact.get((name, *key)) or by_source.get(key) or plural.get((name, key[0]))
            if old is not None:
                if old.numerus and not key[1]:
                    _make_numerus(message)
                _set_translation(message, old.translations)
    return fresh


def _make_numerus(message: ET.Element) -> None:
    """lupdate 6.11 misses some translate(ctx, text, "", n) calls; keep their plural form."""
    message.set("numerus", "yes")
    translation = message.find("translation")
    translation.text = None
    ET.SubElement(translation, "numerusform")


def _set_translation(message: ET.Element, texts: tuple[str, ...]) -> None:
    translation = message.find("translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for form in translation.findall("numerusform"):
            form.text = texts[0]
    else:
        translation.text = texts[0]


def relative_locations(tree: ET.ElementTree) -> None:
    """Locations relative to resources/i18n (as lupdate writes them), so every clone agrees."""
    for location in tree.getroot().iter("location"):
        absolute = Path(location.get("filename"))
        location.set("filename", Path("../..", absolute.relative_to(REPO)).as_posix())


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def updated(lang: str) -> ET.ElementTree:
    """The .ts for `lang` as it should be now: fresh strings, existing translations kept."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = extract(Path(folder) / "fresh.ts", lang)
    existing = ET.parse(ts_path(lang)) if ts_path(lang).exists() else None
    tree = merge(fresh, existing)
    relative_locations(tree)
    return tree


def unfinished(tree: ET.ElementTree) -> list[Entry]:
    return [e for e in entries(tree) if not e.finished]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for lang in LANGUAGES:
        tree = updated(lang)
        missing = unfinished(tree)
        for entry in missing:
            print(f"{lang}: untranslated [{entry.context}] {entry.source!r}")
        if check:
            committed = ET.parse(ts_path(lang)) if ts_path(lang).exists() else None
            same = committed is not None and {
                (e.context, e.source) for e in entries(committed)
            } == {(e.context, e.source) for e in entries(tree)}
            status |= int(bool(missing) or not same)
            print(f"{lang}: {'in sync' if same else 'OUT OF SYNC'}, {len(missing)} untranslated")
            continue
        I18N.mkdir(parents=True, exist_ok=True)
        write_ts(tree, ts_path(lang))
        release(ts_path(lang), qm_path(lang))
        count = len(entries(tree))
        print(f"{lang}: {count} strings, {len(missing)} untranslated -> {qm_path(lang)}")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
