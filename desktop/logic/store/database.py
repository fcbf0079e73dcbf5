"""The case store: one SQLite file of cases, revisions, sealed decisions, agendas and audit trail.

The app and the command line both use `Store`. Every save adds a revision (never an overwrite),
inside one IMMEDIATE transaction that also checks the expected revision (no lost update across
processes), keeps every sealed decision record unchanged and appends to the audit chain.
Before the first write of a session the file's header and pages are checked (quick_check), so
a damaged file is refused untouched. Errors are StoreError subclasses with messages in words
(desktop.logic.store.errors); DatabaseRefused is the kind the command line exits 3 for.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.logic.model import msg
from desktop.logic.store import audit as store_audit
from desktop.logic.store import backup as store_backup
from desktop.logic.store import cases as store_cases
from desktop.logic.store.accounts import has_accounts
from desktop.logic.store.backup import restore_database
from desktop.logic.store.cases import now_utc
from desktop.logic.store.decision_records import DecisionRecords
from desktop.logic.store.errors import (
    AuthError,
    CaseNotFound,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseRefused,
    DiskFull,
    ReadOnly,
    RecordSealed,
    StaleRevision,
    StoreError,
    sqlite_errors,
)
from desktop.logic.store.files import (
    header_problem_message,
    is_encrypted,
    list_backups,
    newest_good_backup,
)
from desktop.logic.store.location import default_db_path, refuse_unusable
from desktop.logic.store.lock import WriterLock
from desktop.logic.store.meetings import MeetingAgenda
from desktop.logic.store.revisions import commit, current_revision, stored_case
from desktop.logic.store.schema import Connection, connect, ensure_schema, refuse_damaged_pages
from desktop.logic.store.settings import SETTINGS
from desktop.logic.store.values import AgendaItem, CaseRow, RevisionInfo, StoredCase, User

if TYPE_CHECKING:  # the pydantic case model loads on the first case read, not at start-up
    from desktop.logic.model import Case

__all__ = [
    "AgendaItem", "CaseNotFound", "CaseRow", "DatabaseBusy", "DatabaseDamaged",
    "DatabaseRefused", "DiskFull",
    "ReadOnly", "RecordSealed", "RevisionInfo", "StaleRevision", "Store", "StoreError",
    "StoredCase", "User", "default_db_path", "restore_database",
]  # fmt: skip

class Store(DecisionRecords):
    """An open case database; use `Store.open(...)` and close it (or use `with`).

    Its meeting agendas are `store.agenda` (desktop.logic.store.meetings.MeetingAgenda);
    drafts, sealing and amendments of decision records are in its base class
    desktop.logic.store.decision_records, accounts, sign-in and signatures in that one's,
    desktop.logic.store.people.
    """

    def __init__(
        self, path: Path, db: Connection, user: User | None, read_only: bool,
        lock: WriterLock | None, key: bytes | None = None,
    ) -> None:  # fmt: skip
        self.path, self.read_only, self.user = path, read_only, user
        self._db: Connection | None = db
        self._lock, self.key = lock, key
        self.signed_in = None
        self.last_backup_error: str | None = None
        self._pages_checked = False  # quick_check runs once, before the session's first write
        self.agenda = MeetingAgenda(self._reading, self._transaction, lambda: self.user, path)

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        user: User | None = None,
        read_only: bool = False,
        wait: float = 0.0,
        key: bytes | None = None,
    ) -> Store:
        """Open (creating it if new, mode 0600) and migrate; `wait` seconds for the lock.

        An encrypted database needs its `key` (keyfile.unlock with a person's password).
        """
        path = Path(path) if path is not None else default_db_path()
        refuse_unusable(path, read_only)
        if key is None and is_encrypted(path):
            raise DatabaseRefused(msg("trust.error.encrypted_needs_password", path=path))
        lock = None if read_only else WriterLock.acquire(path, wait)
        db = None
        try:
            with sqlite_errors(path):
                db = connect(path, read_only=read_only, key=key)
                ensure_schema(db, path, read_only=read_only)
            store = cls(path, db, user, read_only, lock, key)
            store.user = user or store._settings_user()
            return store
        except BaseException:
            if db is not None:
                db.close()
            if lock is not None:
                lock.release()
            raise

    def open_again(self, *, read_only: bool | None = None) -> Store:
        """Another connection to the same database (for a worker thread), with the same key and
        the same person signed in."""
        other = type(self).open(
            self.path, user=self.user, key=self.key,
            read_only=self.read_only if read_only is None else read_only,
        )  # fmt: skip
        other.signed_in = self.signed_in
        return other

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError(msg("store.error.closed"))
        return self._db.conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with sqlite_errors(self.path):
            yield self._conn

    @contextmanager
    def _transaction(self, *, allow_anonymous: bool = False) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: the write lock is taken before anything is read.

        A database with accounts takes writes only from the person signed in (`sign_in`);
        `allow_anonymous` is for the writes that prove who makes them themselves.
        """
        if self.read_only:
            raise ReadOnly(msg("store.error.read_only", path=self.path))
        if self.user is None and not allow_anonymous:
            raise StoreError(msg("store.error.no_user"))
        conn = self._conn
        with sqlite_errors(self.path):
            self._check_pages_once(conn)
            conn.execute("BEGIN IMMEDIATE")
            try:
                if not allow_anonymous and self.signed_in is None and has_accounts(conn):
                    raise AuthError(msg("trust.error.sign_in_first"))
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise

    # reading cases

    def count_cases(
        self, text: str = "", *, bclc: str | None = None, cnlc: str | None = None,
        status: str | None = None, changed_since: str | None = None,
    ) -> int:  # fmt: skip
        filters = {"bclc": bclc, "cnlc": cnlc, "status": status, "changed_since": changed_since}
        with self._reading() as conn:
            return store_cases.count_rows(conn, text, filters)

    def list_cases(
        self, text: str = "", *, bclc: str | None = None, cnlc: str | None = None,
        status: str | None = None, changed_since: str | None = None,
        order_by: str = "updated_at DESC", limit: int | None = None, offset: int = 0,
    ) -> list[CaseRow]:  # fmt: skip
        """Case-list rows matching `text` (in name, MRN, case_id or a Chinese name's pinyin)
        and the filters; `changed_since` a UTC ISO time (changed then or later)."""
        return list(self.iter_cases(text, bclc=bclc, cnlc=cnlc, status=status,
                                    changed_since=changed_since, order_by=order_by,
                                    limit=limit, offset=offset))  # fmt: skip

    def iter_cases(
        self, text: str = "", *, bclc: str | None = None, cnlc: str | None = None,
        status: str | None = None, changed_since: str | None = None,
        order_by: str = "updated_at DESC", limit: int | None = None, offset: int = 0,
    ) -> Iterator[CaseRow]:  # fmt: skip
        """As list_cases, read row by row as they are used (constant memory for any count)."""
        filters = {"bclc": bclc, "cnlc": cnlc, "status": status, "changed_since": changed_since}
        today = date.today().isoformat()
        with self._reading() as conn:
            yield from store_cases.list_rows(conn, text, filters, order_by, limit, offset, today)

    def get_case(self, case_id: str) -> StoredCase:
        with self._reading() as conn:
            row = conn.execute(
                "SELECT revision, body, at, by FROM revisions WHERE case_id = ? "
                "ORDER BY revision DESC LIMIT 1",
                [case_id],
            ).fetchone()
        if row is None:
            raise CaseNotFound(
                msg("store.error.case_not_found_in", case_id=case_id, path=self.path)
            )
        case = stored_case(json.loads(row[1]), case_id)
        return StoredCase(case_id, row[0], case, row[2], row[3])

    def history(self, case_id: str) -> list[RevisionInfo]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT case_id, revision, at, by, role, summary FROM revisions "
                "WHERE case_id = ? ORDER BY revision",
                [case_id],
            ).fetchall()
        if not rows:
            raise CaseNotFound(
                msg("store.error.case_not_found_in", case_id=case_id, path=self.path)
            )
        return [RevisionInfo(*row) for row in rows]

    def get_revision(self, case_id: str, revision: int) -> Case:
        return stored_case(self._revision_data(case_id, revision), case_id)

    def audit_log(self, case_id: str | None = None) -> list[dict[str, Any]]:
        with self._reading() as conn:
            return store_audit.entries(conn, case_id)

    def check(self, against: Sequence[Path] = ()) -> list[str]:
        """Every integrity problem in words; [] when the database is clean.

        Every backup in the backup folder, and each of `against` (a backup file or an archive
        folder), is a witness of what the database held (store.witness).
        """
        from desktop.logic.store import check as store_check
        from desktop.logic.store import witness

        try:
            with self._reading() as conn:
                found = store_check.problems(conn)
                found += witness.backup_problems(conn, self.path, self.key)
                for other in against:
                    found += witness.witness_problems(conn, Path(other), self.key)
                return found
        except DatabaseDamaged as exc:
            return [str(exc)]

    def warnings(self) -> list[str]:
        """What `check` says without failing: a database that is not encrypted, or accounts
        that cannot open the encrypted one yet (they existed before it was encrypted)."""
        if self.key is None:
            return [f"{self.path}: not encrypted"]
        waiting = self.without_access()
        if not waiting:
            return []
        return [f"{self.path}: {', '.join(waiting)} cannot open it yet (each is given access "
                "with their own password: users grant NAME, or Team > Give a member access)"]

    # writing cases

    def new_case(self, case: Case) -> StoredCase:
        """Store a new case (case_id assigned when absent) as revision 1."""
        with self._transaction() as conn:
            case_id = case.case_id or _new_case_id()
            if current_revision(conn, case_id) is not None:
                raise StoreError(msg("store.error.case_exists", case_id=case_id))
            return commit(conn, self._who(), case_id, case.to_json_dict(), None, "create")

    def save_case(self, case_id: str, case: Case, *, expected_revision: int) -> StoredCase:
        """Save as a new revision; StaleRevision when someone saved after `expected_revision`."""
        with self._transaction() as conn:
            return commit(
                conn, self._who(), case_id, case.to_json_dict(), expected_revision, "save"
            )

    def import_case(self, case: Case) -> tuple[StoredCase, bool]:
        """A new case, or a new revision of the case with the same MRN; True when created."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT case_id FROM cases WHERE mrn = ?", [case.patient.mrn]
            ).fetchone()
            if row is not None:
                return commit(conn, self._who(), row[0], case.to_json_dict(), None, "import"), False
            case_id = case.case_id or _new_case_id()
            if current_revision(conn, case_id) is not None:
                raise StoreError(msg("store.error.case_id_taken", case_id=case_id))
            return commit(conn, self._who(), case_id, case.to_json_dict(), None, "import"), True

    def restore_revision(
        self, case_id: str, revision: int, *, expected_revision: int
    ) -> StoredCase:
        """Save an earlier revision's content as the newest revision (nothing is erased)."""
        data = self._revision_data(case_id, revision)
        with self._transaction() as conn:
            return commit(
                conn,
                self._who(),
                case_id,
                data,
                expected_revision,
                "restore",
                f"restored revision {revision}",
            )

    # backups

    def backup(self, out: Path) -> Path:
        """An online copy of the database at `out` (a file, or a folder to put it in)."""
        return store_backup.backup_to(self._conn, Path(out), self.path, self.key)

    def rotate_backup(self) -> Path | None:
        """A backup into `<db>.backups/`, keeping `backup_keep` copies; None when that is 0."""
        keep = int(self.get_setting("backup_keep"))
        if keep <= 0:
            return None
        return store_backup.rotate(self._conn, self.path, keep, self.key)

    def backups(self) -> list[Path]:
        return list_backups(self.path)

    # settings

    def get_setting(self, key: str, default: Any = None) -> Any:
        """A stored setting, else `default`, else the declared default (store_settings)."""
        with self._reading() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is not None:
            return json.loads(row[0])
        return default if default is not None else SETTINGS.get(key, (None, ""))[0]

    def set_setting(self, key: str, value: Any) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                "SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )
            store_audit.append(conn, self._who(), now_utc(), "setting", f"setting {key} changed")

    # internals

    def _revision_data(self, case_id: str, revision: int) -> dict[str, Any]:
        with self._reading() as conn:
            row = conn.execute(
                "SELECT body FROM revisions WHERE case_id = ? AND revision = ?",
                [case_id, revision],
            ).fetchone()
        if row is None:
            raise CaseNotFound(msg("store.error.no_revision", case_id=case_id, revision=revision))
        data: dict[str, Any] = json.loads(row[0])
        return data

    def _check_pages_once(self, conn: sqlite3.Connection) -> None:
        """Before the first write of this session: the header again and SQLite's quick_check;
        a damaged file is refused (DatabaseDamaged) and left exactly as it is."""
        if self._pages_checked:
            return
        problem = header_problem_message(self.path)
        if problem is not None:
            message = msg("store.error.damaged", path=self.path, problem=problem)
            raise DatabaseDamaged(message, newest_good_backup(self.path))
        refuse_damaged_pages(conn, self.path)
        self._pages_checked = True

    def _settings_user(self) -> User | None:
        name, role = self.get_setting("user_name"), self.get_setting("user_role")
        return User(name, role) if name and role else None


def _new_case_id() -> str:
    import uuid

    return uuid.uuid4().hex


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
            conn.execute("ROLLBACK")
