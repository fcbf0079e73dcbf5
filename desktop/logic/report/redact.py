"""Find a person's name, an MRN or a birth date in free text, in the spellings people type.

Matching is case-, accent- and spacing-insensitive and happens at word boundaries only: an
identifier is never found inside a longer word or number, so an MRN "12" leaves the date
2026-12-20 and "12 mm" alone. An identifier shorter than SHORTEST characters is too common to
look for on its own (it would rewrite clinical text); it is looked for only beside a label
("MRN 12", "Mr Li") or as part of the full name, and the export says so (`unsearched`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import permutations

SHORTEST = 3
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = rf"[^\W_{CJK}]"  # a letter or digit of a spaced script: what a word boundary means
BEFORE = rf"(?<!{_WORD})(?<!\d[.,/-])"
AFTER = rf"(?!{_WORD})(?![.,/-]\d)"
_MARKS = "[\u0300-\u036f]*"  # combining accents typed after a letter
_NAME_SEPARATOR = r"(?:\s*,\s*|\s+)"
_TITLES = r"(?:mr|mrs|ms|miss|mx)\.?\s+"
_MRN_LABELS = r"(?:mrn|id|病历号|住院号|门诊号)\s*(?:no\.?|number|#)?\s*[:#]?\s*"
_CJK_TITLES = "(?:先生|女士|小姐)"
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


@dataclass(frozen=True)
class Finder:
    """One kind of identifier: where it is found, and what stands in its place."""

    kind: str  # "name", "mrn", "birth_date" or "attendee"
    pattern: re.Pattern[str]
    replacement: str


@dataclass(frozen=True)
class Unsearched:
    """An identifier (or part of a name) too short to look for on its own."""

    field: str
    length: int


@dataclass
class Redactor:
    """Replaces every identifier it knows in a text and counts what it replaced, by kind."""

    finders: list[Finder] = field(default_factory=list)
    unsearched: list[Unsearched] = field(default_factory=list)

    def add_name(self, name: str, kind: str, replacement: str, source: str) -> None:
        finders, short = name_finders(name, kind, replacement)
        self.finders += finders
        self.unsearched += [Unsearched(source, length) for length in short]

    def add_mrn(self, mrn: str, replacement: str, source: str = "patient.mrn") -> None:
        finders, length = mrn_finders(mrn, replacement)
        self.finders += finders
        if length is not None:
            self.unsearched.append(Unsearched(source, length))

    def add_birth_date(self, date: dt.date, replacement: str) -> None:
        self.finders.append(Finder("birth_date", birth_date_pattern(date), replacement))

    def redact(self, text: str) -> tuple[str, Counter[str]]:
        """`text` with every identifier replaced, and how many of each kind were replaced."""
        spans = self._spans(text)
        counts: Counter[str] = Counter()
        pieces: list[str] = []
        end = 0
        for start, stop, finder in spans:
            pieces += [text[end:start], finder.replacement]
            counts[finder.kind] += 1
            end = stop
        pieces.append(text[end:])
        return "".join(pieces), counts

    def found(self, text: str) -> bool:
        return bool(self._spans(text))

    def _spans(self, text: str) -> list[tuple[int, int, Finder]]:
        """Non-overlapping matches, the longest first where two overlap (on the folded text,
        whose positions are those of `text`)."""
        folded = fold(text)
        found: list[tuple[int, int, int, Finder]] = []
        for order, finder in enumerate(self.finders):
            for match in finder.pattern.finditer(folded):
                start, stop = match.span("id") if "id" in match.groupdict() else match.span()
                if stop > start:
                    found.append((start, stop, order, finder))
        found.sort(key=lambda item: (item[0], -(item[1] - item[0]), item[2]))
        kept: list[tuple[int, int, Finder]] = []
        for start, stop, _, finder in found:
            if not kept or start >= kept[-1][1]:
                kept.append((start, stop, finder))
        return kept


def fold(text: str) -> str:
    """`text` with accents removed and full-width forms made plain, one character for one."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    if char.isascii():
        return char
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return plain if len(plain) == 1 else char


def is_cjk(text: str) -> bool:
    return bool(text) and all(re.fullmatch(f"[{CJK}]", c) for c in text)


def name_finders(name: str, kind: str, replacement: str) -> tuple[list[Finder], list[int]]:
    """Finders for a name in any word order, with or without commas, and for each word of it
    long enough to stand alone; the lengths of the words that are too short to."""
    tokens = [t for t in re.split(r"[\s,]+", fold(name)) if t]
    if not tokens:
        return [], []
    cjk = all(is_cjk(t) for t in tokens)
    letters = sum(len(t) for t in tokens)
    alternatives: list[str] = []
    if letters >= (2 if cjk else SHORTEST):
        orders = permutations(tokens) if len(tokens) <= 4 else [tokens, tokens[::-1]]
        separator = r"\s*" if cjk else _NAME_SEPARATOR
        alternatives += [separator.join(_word(t) for t in order) for order in orders]
    alone = [t for t in tokens if len(tokens) > 1 and len(t) >= (2 if is_cjk(t) else SHORTEST)]
    alternatives += [_word(t) for t in alone]
    short = [len(t) for t in tokens if len(t) < (2 if is_cjk(t) else SHORTEST)]
    finders = [_finder(kind, alternatives, replacement, cjk)] if alternatives else []
    spaced_short = [t for t in tokens if not is_cjk(t) and len(t) < SHORTEST]
    if spaced_short:
        titled = "|".join(_word(t) for t in spaced_short)
        pattern = rf"{BEFORE}{_TITLES}(?P<id>{titled}){AFTER}"
        finders.append(Finder(kind, re.compile(pattern, re.IGNORECASE), replacement))
    if cjk and len(tokens) == 1 and 2 <= len(tokens[0]) <= 4:
        surname = tokens[0][: 2 if len(tokens[0]) == 4 else 1]
        finders.append(Finder(kind, re.compile(re.escape(surname) + _CJK_TITLES), replacement))
    return finders, short


def _word(token: str) -> str:
    """A name word as a pattern: accents optional, inner hyphens, apostrophes or dots optional."""
    return "".join(r"[-'’.\s]?" if c in "-'’." else re.escape(c) + _MARKS for c in token)


def _finder(kind: str, alternatives: list[str], replacement: str, cjk: bool) -> Finder:
    body = "|".join(sorted(set(alternatives), key=len, reverse=True))
    pattern = f"(?:{body})" if cjk else f"{BEFORE}(?:{body}){AFTER}"
    return Finder(kind, re.compile(pattern, re.IGNORECASE), replacement)


def mrn_finders(mrn: str, replacement: str) -> tuple[list[Finder], int | None]:
    """Finders for an MRN with or without its separators ("H-778899", "h778899", "H 778 899"),
    and for its digits alone when they are six or more; a short MRN only after a label."""
    compact = [c for c in fold(mrn) if c.isalnum()]
    if not compact:
        return [], len(mrn)
    body = r"[-\s/._]?".join(re.escape(c) for c in compact)
    if len(compact) < SHORTEST:
        pattern = rf"(?<!{_WORD}){_MRN_LABELS}(?P<id>{body}){AFTER}"
        return [Finder("mrn", re.compile(pattern, re.IGNORECASE), replacement)], len(compact)
    alternatives = [body]
    digits = max(re.findall(r"\d+", "".join(compact)) or [""], key=len)
    if len(digits) >= 6 and len(digits) < len(compact):
        alternatives.append(r"[-\s]?".join(digits))
    pattern = rf"{BEFORE}(?:{'|'.join(alternatives)}){AFTER}"
    return [Finder("mrn", re.compile(pattern, re.IGNORECASE), replacement)], None


def birth_date_pattern(date: dt.date) -> re.Pattern[str]:
    """ISO, dd/mm/yyyy, mm/dd/yyyy (with -, / or .), yyyymmdd, "2 April 1961", "April 2, 1961",
    "2nd of Apr 1961" and 1961年4月2日, never inside a longer number."""
    year, month, day = str(date.year), rf"0?{date.month}", rf"0?{date.day}"
    sep = r"\s*[-/.]\s*"
    name = _MONTHS[date.month - 1]
    month_name = rf"(?:{name}|{name[:3]}{'t?' if date.month == 9 else ''})\.?"
    ordinal = rf"{day}(?:st|nd|rd|th)?"
    forms = [
        f"{year}{sep}{month}{sep}{day}",
        f"{day}{sep}{month}{sep}{year}",
        f"{month}{sep}{day}{sep}{year}",
        f"{date:%Y%m%d}",
        rf"{ordinal}[\s-]*(?:of\s+)?{month_name}[\s,-]*{year}",
        rf"{month_name}\s*{ordinal}\s*,?\s*{year}",
        rf"{year}\s*年\s*{month}\s*月\s*{day}\s*[日号]?",
    ]
    return re.compile(rf"(?<![0-9A-Za-z])(?:{'|'.join(forms)})(?![0-9])", re.IGNORECASE)
