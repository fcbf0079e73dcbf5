"""Rows of the cases and revisions tables, and the case-list query (no JSON parsed to list).

The list columns (BCLC, CNLC, Child-Pugh, status) are computed once at save time with
desktop.logic.clinical.evaluation.summary_columns and stored beside the MRN and name, so listing
100,000 cases is one indexed SQL query.

Text filters keep their meaning (a substring of the name or MRN, ASCII case ignored, or the exact
case_id: SQL LIKE decides every row shown); text of 3 characters or more also matches the pinyin
of Chinese names (search_text, written at save time by store.pinyin: "wang" finds 王伟).
Text of 3 characters or more first narrows the rows
through the trigram index (schema.SEARCH_TABLE), unless it matches so many cases that walking
the recent-first index (cases_recent) reaches a page sooner; shorter text walks that index.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from desktop.logic.store.schema import SEARCH_TABLE
from desktop.logic.store.values import CaseRow, User

if TYPE_CHECKING:  # listing needs neither the case model nor the evaluation
    from desktop.logic.model import Case

NEXT_MEETING = (
    "(SELECT min(a.meeting_date) FROM agenda a WHERE a.case_id = c.case_id "
    "AND a.meeting_date >= :today)"
)
LIST_COLUMNS = (
    "case_id, mrn, name, bclc, cnlc, child_pugh, status, "
    f"{NEXT_MEETING} AS next_meeting, updated_at, revision"
)
ORDERABLE = frozenset(
    {"case_id", "mrn", "name", "bclc", "cnlc", "child_pugh", "status", "updated_at", "revision"}
    | {"next_meeting"}
)
_ORDER_TERM = re.compile(r"^\s*(\w+)(?:\s+(ASC|DESC))?\s*$", re.IGNORECASE)


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def case_json(data: dict[str, Any]) -> str:
    """A revision's stored text: the canonical form (sorted keys, compact, UTF-8) that its
    audit entry's body_hash is taken over, so `check` hashes the text as it is stored."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def list_columns(case: Case) -> dict[str, str | None]:
    """MRN, name and the computed columns the case list shows."""
    from desktop.logic.clinical import summary_columns
    from desktop.logic.store.pinyin import searchable_text

    columns = summary_columns(case)
    return {
        "mrn": case.patient.mrn,
        "name": case.patient.name,
        "search_text": searchable_text(case.patient.name),
        "bclc": columns.get("bclc"),
        "cnlc": columns.get("cnlc"),
        "child_pugh": columns.get("child_pugh"),
        "status": columns.get("status") or "new",
    }


LISTED = ("mrn", "name", "bclc", "cnlc", "child_pugh", "status")  # what the case list shows
# json.dumps({"case_id", "revision", *LISTED}, sort_keys=True, ensure_ascii=False, compact),
# written out field by field (a test checks it is the same text): `check` makes 100,000s.
_LIST_TEMPLATE = (
    '{"bclc":%s,"case_id":%s,"child_pugh":%s,"cnlc":%s,"mrn":%s,"name":%s,"revision":%d,'
    '"status":%s}'
)


def list_hash(case_id: str, revision: int, listed: dict[str, Any]) -> str:
    """SHA-256 of the case-list values saved with `revision` (the audit entry's list_hash)."""
    return row_list_hash(case_id, revision, *(listed[key] for key in LISTED))


def row_list_hash(
    case_id: str, revision: int, mrn: str, name: str, bclc: str | None, cnlc: str | None,
    child_pugh: str | None, status: str,
) -> str:  # fmt: skip
    """list_hash of a case-list row's values, as `check` reads them."""
    text = _LIST_TEMPLATE % (
        "null" if bclc is None else encode_basestring(bclc), encode_basestring(case_id),
        "null" if child_pugh is None else encode_basestring(child_pugh),
        "null" if cnlc is None else encode_basestring(cnlc), encode_basestring(mrn),
        encode_basestring(name), revision, encode_basestring(status),
    )  # fmt: skip
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def case_table_row(
    case_id: str, columns: dict[str, Any], revision: int, at: str, user: User
) -> tuple[Any, ...]:
    return (
        case_id,
        columns["mrn"],
        columns["name"],
        columns["bclc"],
        columns["cnlc"],
        columns["child_pugh"],
        columns["status"],
        revision,
        at,
        user.name,
        columns["search_text"],
    )


UPSERT_CASE = (
    "INSERT INTO cases (case_id, mrn, name, bclc, cnlc, child_pugh, status, revision, "
    "updated_at, updated_by, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(case_id) DO "
    "UPDATE SET mrn=excluded.mrn, name=excluded.name, bclc=excluded.bclc, cnlc=excluded.cnlc, "
    "child_pugh=excluded.child_pugh, status=excluded.status, revision=excluded.revision, "
    "updated_at=excluded.updated_at, updated_by=excluded.updated_by, "
    "search_text=excluded.search_text"
)
INSERT_REVISION = (
    "INSERT INTO revisions (case_id, revision, at, by, role, summary, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


SHORTEST_INDEXED = 3  # the trigram index finds substrings of 3 characters or more
DENSE_MATCHES = 1000  # more index matches than this: walking recent-first finds a page sooner
RECENT_FIRST = "updated_at DESC"
_EXACT_ID = "UNION ALL SELECT rowid FROM cases WHERE case_id = :exact"
_BY_INDEX = f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :phrase"
Narrowing = tuple[str, dict[str, Any]]  # a WHERE term and its parameters


def search_phrase(text: str) -> str:
    """`text` as one FTS5 phrase (every character literal)."""
    return '"' + text.strip().replace('"', '""') + '"'


def has_search_index(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [SEARCH_TABLE]).fetchone()
    return row is not None


def narrowing(conn: sqlite3.Connection, text: str, recent_page: bool = False) -> Narrowing | None:
    """The rows the trigram index finds for `text` (a superset of the matches: LIKE decides);
    None for short text, no index, or (for a recent-first page) so many that walking the
    recent-first index finds the page sooner."""
    if len(text.strip()) < SHORTEST_INDEXED or not has_search_index(conn):
        return None
    phrase = search_phrase(text)
    if not recent_page:
        return f"c.rowid IN ({_BY_INDEX} {_EXACT_ID})", {"phrase": phrase}
    found = conn.execute(f"{_BY_INDEX} LIMIT :most", {"phrase": phrase, "most": DENSE_MATCHES + 1})
    rows = [row[0] for row in found]
    if len(rows) > DENSE_MATCHES:
        return None
    term = f"c.rowid IN (SELECT value FROM json_each(:candidates) {_EXACT_ID})"
    return term, {"candidates": json.dumps(rows)}


def where_clause(
    text: str,
    bclc: str | None,
    cnlc: str | None,
    status: str | None,
    changed_since: str | None = None,
    *,
    narrowed: Narrowing | None = None,
) -> tuple[str, dict[str, Any]]:
    """The WHERE of the case list; `narrowed` first keeps the index's rows (the same result).
    `changed_since` is a UTC time: cases changed then or later."""
    terms: list[str] = []
    params: dict[str, Any] = {}
    if text.strip():
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["pattern"] = f"%{escaped}%"
        if narrowed is not None:
            terms.append(narrowed[0])
            params.update(narrowed[1])
        pinyin = (
            " OR c.search_text LIKE :pattern ESCAPE '\\'"
            if len(text.strip()) >= SHORTEST_INDEXED
            else ""
        )
        terms.append(
            "(c.name LIKE :pattern ESCAPE '\\' OR c.mrn LIKE :pattern ESCAPE '\\' "
            f"OR c.case_id = :exact{pinyin})"
        )
        params["exact"] = text.strip()
    if changed_since is not None:
        terms.append("c.updated_at >= :changed_since")
        params["changed_since"] = changed_since
    for column, value in (("bclc", bclc), ("cnlc", cnlc), ("status", status)):
        if value is not None:
            terms.append(f"c.{column} = :{column}")
            params[column] = value
    return (" WHERE " + " AND ".join(terms)) if terms else "", params


def order_clause(order_by: str) -> str:
    """A safe ORDER BY from e.g. 'updated_at DESC, name'; unknown columns are refused."""
    parts = []
    for term in order_by.split(","):
        match = _ORDER_TERM.match(term)
        if not match or match.group(1).lower() not in ORDERABLE:
            raise ValueError(f"cannot order the case list by {term.strip()!r}")
        parts.append(f"{match.group(1).lower()} {(match.group(2) or 'ASC').upper()}")
    return " ORDER BY " + ", ".join(parts + ["case_id ASC"])


def count_rows(conn: sqlite3.Connection, text: str, filters: dict[str, str | None]) -> int:
    where, params = where_clause(text, **filters, narrowed=narrowing(conn, text))
    count: int = conn.execute(f"SELECT count(*) FROM cases c{where}", params).fetchone()[0]
    return count


def list_rows(
    conn: sqlite3.Connection,
    text: str,
    filters: dict[str, str | None],
    order_by: str,
    limit: int | None,
    offset: int,
    today: str,
) -> Iterator[CaseRow]:
    """Case-list rows matching `text` and the exact `filters` (bclc, cnlc, status), lazily.

    A page (limit or offset) is chosen by row id first and its columns read after, so the next
    meeting is looked up for the rows shown only."""
    order = order_clause(order_by)
    recent_page = limit is not None and _recent_first(order_by)
    narrowed = narrowing(conn, text, recent_page)
    where, params = where_clause(text, **filters, narrowed=narrowed)
    params["today"] = today
    if limit is None and not offset:
        sql = f"SELECT {LIST_COLUMNS} FROM cases c{where}{order}"
        return (CaseRow(*row) for row in conn.execute(sql, params))
    walk = " INDEXED BY cases_recent" if text.strip() and narrowed is None and recent_page else ""
    keys = "c.rowid AS page_row" + (
        f", {NEXT_MEETING} AS next_meeting" if "next_meeting" in order else ""
    )
    page = f"SELECT {keys} FROM cases c{walk}{where}{order} LIMIT :limit OFFSET :offset"
    params.update(limit=-1 if limit is None else limit, offset=offset)
    sql = (
        f"SELECT {LIST_COLUMNS} FROM cases c WHERE c.rowid IN (SELECT page_row FROM ({page}))"
        f"{order}"
    )
    return (CaseRow(*row) for row in conn.execute(sql, params))


def _recent_first(order_by: str) -> bool:
    return " ".join(order_by.split()).lower() == RECENT_FIRST.lower()
