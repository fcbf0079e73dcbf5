"""Case store speed: importing 10,000 cases, and listing / opening a 100,000-case database
beside the same query in raw sqlite3 on the same file in the same run."""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop.logic.model.case import Case
from desktop.logic.store import audit as store_audit
from desktop.logic.store import cases as store_cases
from desktop.logic.store.database import Store, User
from desktop.logic.store.schema import add_digest_function
from tests.factories import case_data

IMPORTED = 10_000
LISTED = 100_000
FILTER = "Zhang Min"
USER = User("bench", "benchmark")
SURNAMES = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
]
GIVEN = [
    "Wei",
    "Fang",
    "Na",
    "Min",
    "Jing",
    "Lei",
    "Jun",
    "Yan",
    "Yong",
    "Qiang",
    "Jie",
    "Tao",
    "Ming",
    "Chao",
    "Xia",
    "Hua",
    "Ping",
    "Hong",
]
RAW_QUERY = (
    "SELECT case_id, mrn, name, bclc, cnlc, child_pugh, status, updated_at, revision "
    "FROM cases WHERE name LIKE ? OR mrn LIKE ? ORDER BY updated_at DESC"
)
TEMPLATES = [
    {"tumor.portal_vein_invasion": "vp2"},
    {"tumor.nodules_cm": [4.0, 3.0, 2.5, 2.0]},
    {"labs.bilirubin": {"value": 40, "unit": "umol/L"}, "liver.ascites": "mild"},
    {"tumor.extrahepatic_spread": True, "ecog": 1},
]


def _name(number: int) -> str:
    return f"{SURNAMES[number % len(SURNAMES)]} {GIVEN[(number // len(SURNAMES)) % len(GIVEN)]}"


def _case(number: int) -> dict:
    changes = TEMPLATES[number % len(TEMPLATES)]
    return case_data(**{"patient.mrn": f"H-{number:07d}", "patient.name": _name(number)},
                     **changes)  # fmt: skip


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def bench_import(folder: Path) -> dict:
    cases = [Case.model_validate(_case(n)) for n in range(IMPORTED)]
    with Store.open(folder / "import.sqlite3", user=USER) as store:
        seconds = _timed(lambda: [store.import_case(case) for case in cases])
    rate = IMPORTED / seconds
    return {"metric": "store.import_10k_cases_per_s", "value": rate, "unit": "cases/s",
            "goal": ">= 100 cases/s (each import its own durable transaction)",
            "ok": rate >= 100}  # fmt: skip


def build_large(path: Path) -> None:
    """100,000 cases written with executemany through the store's own schema and row helpers,
    each audit entry with the body_hash and list_hash the store records when it saves."""
    Store.open(path, user=USER).close()
    columns = [store_cases.list_columns(Case.model_validate(_case(n))) for n in range(4)]
    case_rows, revision_rows, audit_entries = [], [], []
    for number in range(LISTED):
        data = {"format": "hcc-mdt-case/1", "case_id": f"{number:032x}", **_case(number)}
        at = (
            f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}T08:00:{number % 60:02d}.{number:06d}"
        )
        row_columns = {**columns[number % 4], "mrn": data["patient"]["mrn"],
                       "name": data["patient"]["name"]}  # fmt: skip
        body = store_cases.case_json(data)
        case_rows.append(store_cases.case_table_row(data["case_id"], row_columns, 1, at, USER))
        revision_rows.append((data["case_id"], 1, at, USER.name, USER.role, "created", body))
        listed = store_cases.list_hash(data["case_id"], 1, row_columns)
        audit_entries.append({"seq": number + 1, "at": at, "user": USER.name, "role": USER.role,
                              "action": "import", "case_id": data["case_id"], "revision": 1,
                              "detail": "created", "body_hash": store_audit.body_hash(body),
                              "list_hash": listed})  # fmt: skip
    conn = sqlite3.connect(path)
    add_digest_function(conn)  # the trigger that fingerprints each revision calls it
    with conn:
        conn.executemany(store_cases.UPSERT_CASE, case_rows)
        conn.executemany(store_cases.INSERT_REVISION, revision_rows)
        conn.executemany(
            "INSERT INTO audit (seq, at, user, role, action, case_id, revision, detail, "
            "body_hash, list_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            store_audit.chained_rows(audit_entries),
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _raw_list(conn: sqlite3.Connection) -> list:
    pattern = f"%{FILTER}%"
    return conn.execute(RAW_QUERY, [pattern, pattern]).fetchall()


def _median(runs: int, work) -> float:
    return statistics.median(_timed(work) for _ in range(runs))


def bench_list(path: Path) -> list[dict]:
    with Store.open(path, user=USER) as store:
        raw = sqlite3.connect(path)
        assert len(store.list_cases(FILTER)) == len(_raw_list(raw)) > 0
        store_s = _median(15, lambda: store.list_cases(FILTER))
        raw_s = _median(15, lambda: _raw_list(raw))
        raw.close()

    def open_store() -> None:
        with Store.open(path, user=USER) as opened:
            opened.list_cases(FILTER)

    def open_raw() -> None:
        conn = sqlite3.connect(path)
        _raw_list(conn)
        conn.close()

    open_store_s, open_raw_s = _median(9, open_store), _median(9, open_raw)
    list_ratio, open_ratio = store_s / raw_s, open_store_s / open_raw_s
    return [
        {"metric": "store.list_100k_filtered_s", "value": store_s, "unit": "s",
         "goal": f"raw sqlite3: {raw_s:.4f} s", "ok": None},
        {"metric": "store.list_100k_vs_raw_ratio", "value": list_ratio, "unit": "x",
         "goal": "<= 2x raw sqlite3", "ok": list_ratio <= 2},
        {"metric": "store.open_and_list_100k_s", "value": open_store_s, "unit": "s",
         "goal": f"bare connect + query: {open_raw_s:.4f} s", "ok": None},
        {"metric": "store.open_100k_vs_raw_ratio", "value": open_ratio, "unit": "x",
         "goal": "< 2x bare sqlite3.connect + query", "ok": open_ratio < 2},
    ]  # fmt: skip


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = [bench_import(folder)]
        build_large(folder / "large.sqlite3")
        results += bench_list(folder / "large.sqlite3")
    return results


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row))
