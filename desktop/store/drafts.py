"""Service-request drafts, saved as they are typed and kept until Microsoft confirms. No Qt.

A draft also remembers its submission: the `MS-RequestId` chosen at the first attempt (reused
on every retry, so Partner Center can recognise a repeat) and when that attempt began (so a
retry first looks for a request created since then: one request, never two).

A customer's problem is filed in Microsoft's web form (desktop.filing): Microsoft confirms it by
showing its request number, which the user enters here. `mark_filed` then records the filing
(`Filed`: the number, the customer, the title, the way it went) and drops the draft in one
transaction, so the draft disappears only when its filing is on record.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from desktop.paths import data_dir
from desktop.store.db import StoreNotice, open_database

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

    @classmethod
    def new(cls, tenant_id: str, customer_name: str = "", **values: Any) -> Draft:
        return cls(id=str(uuid.uuid4()), tenant_id=tenant_id, customer_name=customer_name, **values)

    @property
    def is_empty(self) -> bool:
        return not (self.title.strip() or self.description.strip())


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        """CREATE TABLE drafts (
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
    connection.execute("CREATE INDEX drafts_by_tenant ON drafts (tenant_id, updated)")
    _create_filed(connection)


def _create_filed(connection: sqlite3.Connection) -> None:
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


def _upgrade(connection: sqlite3.Connection) -> None:
    """Bring a file of the first layout up to this one in place. Drafts are the user's work:
    a schema bump would set the file aside (desktop.store.db), so columns and tables are only
    ever added, here, without a version change."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(drafts)")}
    connection.execute("BEGIN IMMEDIATE")
    if "customer_domain" not in columns:
        connection.execute("ALTER TABLE drafts ADD COLUMN customer_domain TEXT NOT NULL DEFAULT ''")
    if "request_number" not in columns:  # new files get it here too
        connection.execute("ALTER TABLE drafts ADD COLUMN request_number TEXT NOT NULL DEFAULT ''")
    _create_filed(connection)
    connection.execute("COMMIT")


class DraftStore:
    """Thread-safe: the GUI saves through the worker, a submission updates from another thread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "drafts.sqlite3"
        self._db, self.notice = open_database(self.path, SCHEMA_VERSION, _create, "drafts")
        _upgrade(self._db)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def save(self, draft: Draft) -> Draft:
        """Insert or replace; returns the draft with its new `updated` time. Committed on return."""
        saved = replace(draft, updated=time.time())
        values = asdict(saved)
        placeholders = ", ".join("?" for _ in _COLUMNS)
        with self._lock:
            self._db.execute(
                f"INSERT OR REPLACE INTO drafts ({', '.join(_COLUMNS)}) VALUES ({placeholders})",  # noqa: S608 - fixed column names
                [values[c] for c in _COLUMNS],
            )
        return saved

    def get(self, draft_id: str) -> Draft | None:
        rows = self._select("WHERE id = ?", (draft_id,))
        return rows[0] if rows else None

    def for_customer(self, tenant_id: str) -> list[Draft]:
        return self._select("WHERE tenant_id = ? ORDER BY updated DESC", (tenant_id,))

    def all(self) -> list[Draft]:
        return self._select("ORDER BY updated DESC", ())

    def begin_submission(self, draft_id: str) -> Draft:
        """The draft with its request id and first-attempt time fixed (kept if already set)."""
        with self._lock:
            self._db.execute(
                "UPDATE drafts SET request_id = ? WHERE id = ? AND request_id = ''",
                (str(uuid.uuid4()), draft_id),
            )
            self._db.execute(
                "UPDATE drafts SET first_attempt = ? WHERE id = ? AND first_attempt IS NULL",
                (time.time(), draft_id),
            )
        draft = self.get(draft_id)
        if draft is None:
            raise KeyError(draft_id)
        return draft

    def set_request_id(self, draft_id: str, request_id: str) -> Draft:
        """The `MS-RequestId` the draft's next submission sends (filing.py decides which)."""
        with self._lock:
            self._db.execute(
                "UPDATE drafts SET request_id = ? WHERE id = ?", (request_id, draft_id)
            )
        draft = self.get(draft_id)
        if draft is None:
            raise KeyError(draft_id)
        return draft

    def delete(self, draft_id: str) -> None:
        """Only once Microsoft (or the sandbox) has confirmed the request."""
        with self._lock:
            self._db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

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
        names = [f.name for f in fields(Draft)]
        with self._lock:
            rows = self._db.execute(
                f"SELECT {', '.join(names)} FROM drafts {where}",  # noqa: S608 - fixed SQL
                args,
            ).fetchall()
        return [Draft(**dict(zip(names, row, strict=True))) for row in rows]


__all__ = ["API", "WEB", "Draft", "DraftStore", "Filed", "StoreNotice"]
