"""Service-request drafts, saved as they are typed and kept until Microsoft confirms. No Qt.

A draft also remembers its submission: the `MS-RequestId` chosen at the first attempt (reused
on every retry, so Partner Center can recognise a repeat) and when that attempt began (so a
retry first looks for a request created since then: one request, never two). Only the store
changes those two (`begin_submission`, `set_request_id`): `save` keeps them, so a window that
saves the copy it loaded before a submission cannot wipe what the submission fixed.

Beside each draft (table `draft_state`) the store keeps its *fingerprint*: a digest of the
customer, title and description (`fingerprint`), kept current as the draft is saved and frozen
once a submission began (it then names what was sent). The same request typed again (a rerun
of `partner-desk request new`) finds its kept draft by it (`with_fingerprint`) instead of
starting a second one. It also keeps `landed`: Microsoft accepted the draft's create but its
answer could not be read, so the request exists with its number unknown; nothing creates it
again (desktop.services.submission).

A customer's problem is filed in Microsoft's web form (desktop.services.filing): Microsoft confirms
it by showing its request number, which the user enters here. `mark_filed` then records the filing
(`Filed`: the number, the customer, the title, the way it went) and drops the draft in one
transaction, so the draft disappears only when its filing is on record.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
import time
import unicodedata
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from desktop.config.paths import data_dir
from desktop.store.db import StoreError, StoreNotice, open_database, open_memory
from desktop.store.sending import sending

SCHEMA_VERSION = 1

_COLUMNS = (
    "id",
    "tenant_id",
    "customer_name",
    "title",
    "severity",
    "topic_id",
    "topic_name",
    "description",
    "contact_name",
    "contact_email",
    "cc",
    "incident_id",
    "customer_domain",
    "request_number",
    "request_id",
    "first_attempt",
    "updated",
)


# What `save` writes over; the submission's identity (request_id, first_attempt) is the store's.
_CONTENT = tuple(c for c in _COLUMNS if c not in ("id", "request_id", "first_attempt"))
# Kept beside the draft (table draft_state), read with it.
_STATE_COLUMNS = ("fingerprint", "landed", "to_send")

WEB, API = "web", "api"


@dataclass(frozen=True)
class Filed:
    """A request filed from Partner Desk: in Microsoft's web form (`channel` WEB, `number` as
    the user copied it from Microsoft) or through the create API (API: a partner ticket)."""

    draft_id: str
    tenant_id: str
    customer_name: str
    title: str
    severity: str
    service: str
    number: str
    channel: str
    filed: float


_FILED_COLUMNS = tuple(f for f in Filed.__dataclass_fields__)


@dataclass(frozen=True)
class Draft:
    id: str
    tenant_id: str
    customer_name: str = ""
    title: str = ""
    severity: str = "moderate"  # critical | moderate | minimal
    topic_id: str = ""
    topic_name: str = ""
    description: str = ""
    contact_name: str = ""
    contact_email: str = ""
    cc: str = ""  # as typed: addresses separated by commas, semicolons or spaces
    incident_id: str = ""
    # The customer's initial (*.onmicrosoft.com) domain: the web forms open in their context.
    customer_domain: str = ""
    # Microsoft's request number as the user typed it (valid or not), before Mark as filed.
    request_number: str = ""
    request_id: str = ""  # MS-RequestId of the submission, once one began
    first_attempt: float | None = None  # unix time the first submission attempt began
    updated: float = 0.0
    # Read from the store (draft_state); `save` does not write them.
    fingerprint: str = ""  # as stored: of the content saved last, or submitted first
    landed: float | None = None  # unix time Microsoft was seen to accept it, number unknown
    # Unix time the user asked to send it while offline (`--offline`): nothing was sent; it
    # goes when the app is next online (desktop.services.offline_queue).
    to_send: float | None = None

    @classmethod
    def new(cls, tenant_id: str, customer_name: str = "", **values: Any) -> Draft:
        return cls(id=str(uuid.uuid4()), tenant_id=tenant_id, customer_name=customer_name, **values)

    @property
    def is_empty(self) -> bool:
        return not (self.title.strip() or self.description.strip())

    @property
    def content_fingerprint(self) -> str:
        """The fingerprint of what the draft says now."""
        return fingerprint(self.tenant_id, self.title, self.description)

    @property
    def submitted(self) -> bool:
        """A submission began: it may have reached Microsoft."""
        return self.first_attempt is not None or self.landed is not None


def plain(text: str) -> str:
    """`text` with its white space collapsed, in one Unicode form: how two texts typed twice
    are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fingerprint(tenant_id: str, title: str, description: str) -> str:
    """What makes two drafts the same request: the customer, the title (in any case, as the
    duplicate check reads Microsoft's list) and the description, each with its white space
    collapsed and in one Unicode form. A digest: the text itself is in the draft."""
    parts = (tenant_id.strip().lower(), plain(title).casefold(), plain(description))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _rank(draft: Draft) -> tuple[bool, bool, float]:
    """Which of several drafts of one request to carry on with: one that Microsoft took, then
    one whose submission began, then the newest."""
    return (draft.landed is not None, draft.first_attempt is not None, draft.updated)


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        """CREATE TABLE IF NOT EXISTS drafts (
            id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            customer_name TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL DEFAULT 'moderate',
            topic_id TEXT NOT NULL DEFAULT '',
            topic_name TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            contact_name TEXT NOT NULL DEFAULT '',
            contact_email TEXT NOT NULL DEFAULT '',
            cc TEXT NOT NULL DEFAULT '',
            incident_id TEXT NOT NULL DEFAULT '',
            customer_domain TEXT NOT NULL DEFAULT '',
            request_id TEXT NOT NULL DEFAULT '',
            first_attempt REAL,
            updated REAL NOT NULL
        )"""
    )
    connection.execute("CREATE INDEX IF NOT EXISTS drafts_by_tenant ON drafts (tenant_id, updated)")
    _create_filed(connection)


def _create_filed(connection: sqlite3.Connection) -> None:
    """The tables added after the first layout, each only if missing (new and old files)."""
    connection.execute(
        """CREATE TABLE IF NOT EXISTS filed (
            draft_id TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            customer_name TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL DEFAULT '',
            service TEXT NOT NULL DEFAULT '',
            number TEXT NOT NULL,
            channel TEXT NOT NULL,
            filed REAL NOT NULL
        )"""
    )
    connection.execute("CREATE INDEX IF NOT EXISTS filed_by_tenant ON filed (tenant_id, filed)")
    connection.execute(
        """CREATE TABLE IF NOT EXISTS draft_state (
            draft_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL DEFAULT '',
            landed REAL,
            to_send REAL
        )"""
    )
    connection.execute(
        "CREATE INDEX IF NOT EXISTS draft_state_by_fingerprint ON draft_state (fingerprint)"
    )


def _upgrade(connection: sqlite3.Connection) -> None:
    """Bring a file of the first layout up to this one in place. Drafts are the user's work:
    a schema bump would set the file aside (desktop.store.db), so columns and tables are only
    ever added, here, without a version change. Under the write lock: two processes upgrading
    at once would both add the column, and the second would fail."""
    connection.execute("BEGIN IMMEDIATE")
    columns = {row[1] for row in connection.execute("PRAGMA table_info(drafts)")}
    if "customer_domain" not in columns:
        connection.execute("ALTER TABLE drafts ADD COLUMN customer_domain TEXT NOT NULL DEFAULT ''")
    if "request_number" not in columns:  # new files get it here too
        connection.execute("ALTER TABLE drafts ADD COLUMN request_number TEXT NOT NULL DEFAULT ''")
    _create_filed(connection)
    state = {row[1] for row in connection.execute("PRAGMA table_info(draft_state)")}
    if "to_send" not in state:
        connection.execute("ALTER TABLE draft_state ADD COLUMN to_send REAL")
    connection.execute("COMMIT")


class DraftStore:
    """Thread-safe: the GUI saves through the worker, a submission updates from another thread."""

    def __init__(self, path: Path | None = None, *, unsaved: StoreError | None = None) -> None:
        """The drafts file at `path` (default: in the data folder). With `unsaved` (why that
        file cannot be used), the drafts live in memory for this run instead, and `unsaved`
        says why; `path` is then the file that could not be used."""
        self.unsaved = unsaved
        if unsaved is not None:
            self.path = path or unsaved.path
            self._db, self.notice = open_memory(SCHEMA_VERSION, _create, self.path), None
        else:
            self.path = path or data_dir() / "drafts.sqlite3"
            self._db, self.notice = open_database(self.path, SCHEMA_VERSION, _create, "drafts")
        _upgrade(self._db)
        self._lock = threading.Lock()

    @classmethod
    def in_memory(cls, why: StoreError) -> DraftStore:
        """Drafts for this run only, because of `why` (a drafts file that cannot be written)."""
        return cls(unsaved=why)

    def sending(self, draft_id: str) -> contextlib.AbstractContextManager[None]:
        """The lock held while `draft_id` is sent (desktop.store.sending): DraftBusyError at
        once when another Partner Desk holds it."""
        return sending(None if self.unsaved is not None else self.path.parent, draft_id)

    def filed_draft(self, draft_id: str) -> Filed | None:
        """The filing record of `draft_id`, if it was filed (from here, in any window)."""
        rows = self._filed("WHERE draft_id = ?", (draft_id,))
        return rows[0] if rows else None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def save(self, draft: Draft) -> Draft:
        """Insert or update; returns the draft as stored. Committed on return.

        A submission's identity (`request_id`, `first_attempt`) already in the store is kept
        whatever `draft` says, and so is a frozen fingerprint (see the module docstring)."""
        saved = replace(draft, updated=time.time())
        values = asdict(saved)
        placeholders = ", ".join("?" for _ in _COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _CONTENT)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    f"INSERT INTO drafts ({', '.join(_COLUMNS)}) VALUES ({placeholders}) "  # noqa: S608 - fixed column names
                    f"ON CONFLICT (id) DO UPDATE SET {updates}, "
                    "request_id = CASE WHEN drafts.request_id = '' THEN excluded.request_id "
                    "ELSE drafts.request_id END, "
                    "first_attempt = COALESCE(drafts.first_attempt, excluded.first_attempt)",
                    [values[c] for c in _COLUMNS],
                )
                self._db.execute(
                    "INSERT INTO draft_state (draft_id, fingerprint) VALUES (?, ?) "
                    "ON CONFLICT (draft_id) DO UPDATE SET fingerprint = excluded.fingerprint "
                    "WHERE draft_state.landed IS NULL AND (SELECT first_attempt FROM drafts "
                    "WHERE id = excluded.draft_id) IS NULL",
                    (saved.id, saved.content_fingerprint),
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        stored = self.get(saved.id)
        return stored if stored is not None else saved

    def get(self, draft_id: str) -> Draft | None:
        rows = self._select("WHERE id = ?", (draft_id,))
        return rows[0] if rows else None

    def for_customer(self, tenant_id: str) -> list[Draft]:
        return self._select("WHERE tenant_id = ? ORDER BY updated DESC", (tenant_id,))

    def all(self) -> list[Draft]:
        return self._select("ORDER BY updated DESC", ())

    def begin_submission(self, draft_id: str) -> Draft:
        """The draft with its request id, first-attempt time and fingerprint fixed (each kept
        if already set)."""
        draft = self.get(draft_id)
        if draft is None:
            raise KeyError(draft_id)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "UPDATE drafts SET request_id = ? WHERE id = ? AND request_id = ''",
                    (str(uuid.uuid4()), draft_id),
                )
                self._db.execute(
                    "UPDATE drafts SET first_attempt = ? WHERE id = ? AND first_attempt IS NULL",
                    (time.time(), draft_id),
                )
                self._db.execute(  # a draft saved by an older version has no state yet
                    "INSERT OR IGNORE INTO draft_state (draft_id, fingerprint) VALUES (?, ?)",
                    (draft_id, draft.content_fingerprint),
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return self._must_get(draft_id)

    def mark_landed(self, draft_id: str) -> Draft:
        """Microsoft accepted the draft's create but its answer could not be read: the request
        exists, its number is unknown. The draft is kept (its number is looked up later) and
        is never created again. The first time it was seen is kept."""
        draft = self.get(draft_id)
        if draft is None:
            raise KeyError(draft_id)
        with self._lock:
            self._db.execute(
                "INSERT INTO draft_state (draft_id, fingerprint, landed) VALUES (?, ?, ?) "
                "ON CONFLICT (draft_id) DO UPDATE SET "
                "landed = COALESCE(draft_state.landed, excluded.landed)",
                (draft_id, draft.content_fingerprint, time.time()),
            )
        return self._must_get(draft_id)

    def mark_to_send(self, draft_id: str, to_send: bool = True) -> Draft:
        """Mark the draft to be sent when the app is next online (or unmark it): asked for
        while offline, nothing was sent. The first time asked is kept."""
        draft = self._must_get(draft_id)
        with self._lock:
            self._db.execute(
                "INSERT INTO draft_state (draft_id, fingerprint, to_send) VALUES (?, ?, ?) "
                "ON CONFLICT (draft_id) DO UPDATE SET to_send = "
                "CASE WHEN excluded.to_send IS NULL THEN NULL "
                "ELSE COALESCE(draft_state.to_send, excluded.to_send) END",
                (draft_id, draft.content_fingerprint, time.time() if to_send else None),
            )
        return self._must_get(draft_id)

    def with_fingerprint(self, fingerprint: str) -> list[Draft]:
        """The kept drafts of the request with this fingerprint (see `fingerprint`), the one
        to carry on with first: one Microsoft took, then one whose submission began, then the
        newest. Drafts saved by an older version (no stored fingerprint) are matched by what
        they say."""
        rows = self._select("WHERE s.fingerprint = ? OR s.draft_id IS NULL", (fingerprint,))
        same = [d for d in rows if (d.fingerprint or d.content_fingerprint) == fingerprint]
        return sorted(same, key=_rank, reverse=True)

    def _must_get(self, draft_id: str) -> Draft:
        draft = self.get(draft_id)
        if draft is None:
            raise KeyError(draft_id)
        return draft

    def set_request_id(self, draft_id: str, request_id: str) -> Draft:
        """The `MS-RequestId` the draft's next submission sends (desktop.services.submission
        decides)."""
        with self._lock:
            self._db.execute(
                "UPDATE drafts SET request_id = ? WHERE id = ?", (request_id, draft_id)
            )
        draft = self.get(draft_id)
        if draft is None:
            raise KeyError(draft_id)
        return draft

    def delete(self, draft_id: str) -> None:
        """Only once Microsoft (or the sandbox) has confirmed the request, or the user said so."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
                self._db.execute("DELETE FROM draft_state WHERE draft_id = ?", (draft_id,))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def mark_filed(self, draft_id: str, number: str, channel: str = WEB) -> Filed:
        """Record that the draft was filed as Microsoft's request `number` and drop the draft,
        in one transaction. KeyError when there is no such draft (filed already?)."""
        draft = self.get(draft_id)
        if draft is None:
            raise KeyError(draft_id)
        filed = Filed(
            draft.id,
            draft.tenant_id,
            draft.customer_name,
            draft.title.strip(),
            draft.severity,
            draft.topic_name.strip(),
            number,
            channel,
            time.time(),
        )
        values = asdict(filed)
        placeholders = ", ".join("?" for _ in _FILED_COLUMNS)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    f"INSERT OR REPLACE INTO filed ({', '.join(_FILED_COLUMNS)}) "  # noqa: S608 - fixed names
                    f"VALUES ({placeholders})",
                    [values[c] for c in _FILED_COLUMNS],
                )
                self._db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
                self._db.execute("DELETE FROM draft_state WHERE draft_id = ?", (draft_id,))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return filed

    def filed_for(self, tenant_id: str) -> list[Filed]:
        """What was filed from here for one customer, newest first."""
        return self._filed("WHERE tenant_id = ? ORDER BY filed DESC", (tenant_id,))

    def filed_all(self) -> list[Filed]:
        return self._filed("ORDER BY filed DESC", ())

    def _filed(self, where: str, args: tuple[str, ...]) -> list[Filed]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {', '.join(_FILED_COLUMNS)} FROM filed {where}",  # noqa: S608 - fixed SQL
                args,
            ).fetchall()
        return [Filed(*row) for row in rows]

    def _select(self, where: str, args: tuple[str, ...]) -> list[Draft]:
        """Drafts (alias d) with their state (alias s, NULL columns when there is none)."""
        names = [*_COLUMNS, *_STATE_COLUMNS]
        columns = [f"d.{c}" for c in _COLUMNS]
        columns += ["COALESCE(s.fingerprint, '')", "s.landed", "s.to_send"]
        with self._lock:
            rows = self._db.execute(
                f"SELECT {', '.join(columns)} FROM drafts d "  # noqa: S608 - fixed SQL
                f"LEFT JOIN draft_state s ON s.draft_id = d.id {where}",
                args,
            ).fetchall()
        return [Draft(**dict(zip(names, row, strict=True))) for row in rows]


__all__ = ["API", "WEB", "Draft", "DraftStore", "Filed", "StoreNotice", "fingerprint", "plain"]
