"""The store's decision-record methods: save a draft, seal it with its signatures, amend it.

The base class of `Store` (store.database), itself based on store.people (accounts and the
signing keys a seal uses); `Store` provides the connections and `rotate_backup`. Each write is
one IMMEDIATE transaction that checks the expected revision; sealing is followed by a rotating
backup.
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.logic.model import msg
from desktop.logic.store.accounts import has_accounts
from desktop.logic.store.decisions import amendment, finalize, put_draft
from desktop.logic.store.errors import AuthError, StoreError
from desktop.logic.store.people import People
from desktop.logic.store.revisions import commit, current_data
from desktop.logic.store.values import StoredCase

if TYPE_CHECKING:  # the pydantic case model loads on the first case read, not at start-up
    from desktop.logic.model import Decision, Signature

log = logging.getLogger(__name__)  # case ids only: never names or MRNs


class DecisionRecords(People):
    """Drafts, sealing and amendments of one open store's decision records."""

    last_backup_error: str | None  # why the backup after the last seal failed, if it did

    @abstractmethod
    def rotate_backup(self) -> Path | None:
        """A backup into the backup folder (Store's)."""

    def save_draft_decision(
        self, case_id: str, decision: Decision, *, index: int | None, expected_revision: int
    ) -> StoredCase:
        """Append (index None) or replace a draft record; RecordSealed for a final one."""
        with self._transaction() as conn:
            data = current_data(conn, case_id, expected_revision)
            where = put_draft(data.setdefault("decisions", []), decision, index)
            note = f"draft decision record {where + 1} saved"
            return commit(
                conn, self._who(), case_id, data, expected_revision, "draft decision", note
            )

    def finalize_decision(
        self, case_id: str, index: int, *, expected_revision: int,
        signed_by: list[Signature] | None = None, signers: list[tuple[str, str]] | None = None,
    ) -> StoredCase:  # fmt: skip
        """Seal the draft at `index` (chained record_hash), then take a rotating backup.

        With accounts, `signers` are (name, password) of each person signing now, each signing
        with their own key; `signed_by` (names without a signature) is only for a database
        without accounts, whose records name who signed but cannot prove it (the app and the
        PDF say "named, not signed").
        """
        keys = self.signing_accounts(signers) if signers else []
        if keys:
            signed_by = self.signed_by_for(keys)
        with self._transaction() as conn:
            if has_accounts(conn) and not keys:
                raise AuthError(msg("trust.error.sign_with_password"))
            data = current_data(conn, case_id, expected_revision)
            record = finalize(data.setdefault("decisions", []), index, signed_by or [])
            note = f"decision record {index + 1} finalized and sealed"
            stored = commit(conn, self._who(), case_id, data, expected_revision, "finalize", note)
            self.record_signatures(conn, case_id, index, record, keys)
        self._backup_after_finalize()
        return stored

    def amend_decision(self, case_id: str, index: int, *, expected_revision: int) -> StoredCase:
        """A new draft copying the final record at `index`, naming it in `amends`."""
        with self._transaction() as conn:
            data = current_data(conn, case_id, expected_revision)
            where = amendment(data.setdefault("decisions", []), index)
            note = f"draft decision record {where + 1} amends record {index + 1}"
            return commit(
                conn, self._who(), case_id, data, expected_revision, "amend decision", note
            )

    def _backup_after_finalize(self) -> None:
        self.last_backup_error = None
        try:
            self.rotate_backup()
        except (StoreError, OSError) as exc:
            self.last_backup_error = f"The decision was saved, but the backup failed: {exc}"
            log.warning("backup after finalizing failed: %s", type(exc).__name__)
