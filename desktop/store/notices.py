"""What the user was already told about: the notices' own tables. No Qt.

Per source: the issues seen per tenant (and their last status), the tenants observed at least
once, and every notice given. `desktop.services.notices` decides what is news; this module keeps
it, in one transaction per decision (`NoticeStore.transaction`), so a notice is given once.

The tables live in the cache's file: when a damaged cache is rebuilt they start again, and the
first observation of each tenant is then silent (`desktop.services.notices`), never a flood.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Literal

NoticeKind = Literal["new", "status", "due"]
# The kind and classification of a message center notice, and how its tenants are stored in
# the notices table's one tenant column (ids never hold a comma).
DUE: NoticeKind = "due"
MESSAGE = "message"
_TENANT_SEPARATOR = ","

# Dropped with the rest of a source's data (`Cache.forget`).
TABLES = ("seen_issues", "observed_tenants", "notices")


def create(connection: sqlite3.Connection) -> None:
    """The notices' tables, in the cache's file (`desktop.store.cache` creates them too)."""
    connection.execute(
        """CREATE TABLE IF NOT EXISTS seen_issues (
            source TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            status TEXT NOT NULL,
            last_modified TEXT,
            PRIMARY KEY (source, tenant_id, issue_id)
        ) WITHOUT ROWID"""
    )
    connection.execute(
        """CREATE TABLE IF NOT EXISTS observed_tenants (
            source TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            first_observed REAL NOT NULL,
            PRIMARY KEY (source, tenant_id)
        ) WITHOUT ROWID"""
    )
    connection.execute(
        """CREATE TABLE IF NOT EXISTS notices (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            service TEXT NOT NULL,
            classification TEXT NOT NULL,
            old_status TEXT,
            new_status TEXT NOT NULL,
            noticed REAL NOT NULL
        )"""
    )
    connection.execute("CREATE INDEX IF NOT EXISTS notices_by_source ON notices (source, id)")


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    issue_id: str
    title: str
    service: str
    tenant_id: str  # for `due`: every tenant the post concerns (see `tenants`)
    old_status: str | None  # None for a new issue
    new_status: str  # for `due`: the action date (ISO 8601)
    classification: str = ""  # "incident" or "advisory"; "message" for `due`

    @property
    def tenants(self) -> tuple[str, ...]:
        """The customers the notice names: one, or for `due` every one the post concerns."""
        if self.kind == DUE:
            return tuple(t for t in self.tenant_id.split(_TENANT_SEPARATOR) if t)
        return (self.tenant_id,)


def joined(tenants: Iterable[str]) -> str:
    """Several tenants in a `due` notice's one tenant column."""
    return _TENANT_SEPARATOR.join(tenants)


class NoticeLedger:
    """One transaction's reads and writes of a source's notices (valid inside it only)."""

    def __init__(self, db: sqlite3.Connection, source: str) -> None:
        self._db = db
        self.source = source

    def observed(self, tenant_id: str) -> bool:
        """Whether `tenant_id` was observed before (its issues recorded at least once)."""
        row = self._db.execute(
            "SELECT 1 FROM observed_tenants WHERE source = ? AND tenant_id = ?",
            (self.source, tenant_id),
        ).fetchone()
        return row is not None

    def observe(self, tenant_id: str, when: float) -> None:
        """Mark `tenant_id` observed (once; it must not be yet)."""
        self._db.execute(
            "INSERT INTO observed_tenants (source, tenant_id, first_observed) VALUES (?, ?, ?)",
            (self.source, tenant_id, when),
        )

    def seen(self, tenant_id: str) -> dict[str, str]:
        """The status each issue of `tenant_id` had when last seen, by issue id."""
        rows = self._db.execute(
            "SELECT issue_id, status FROM seen_issues WHERE source = ? AND tenant_id = ?",
            (self.source, tenant_id),
        ).fetchall()
        return {str(issue): str(status) for issue, status in rows}

    def see(self, tenant_id: str, issue_id: str, status: str, last_modified: str | None) -> None:
        self._db.execute(
            """INSERT INTO seen_issues (source, tenant_id, issue_id, status, last_modified)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (source, tenant_id, issue_id) DO UPDATE SET
                   status = excluded.status, last_modified = excluded.last_modified""",
            (self.source, tenant_id, issue_id, status, last_modified),
        )

    def given(self, issue_id: str, kind: NoticeKind, new_status: str) -> bool:
        """Whether a notice of `kind` for `issue_id` reaching `new_status` was given already."""
        row = self._db.execute(
            "SELECT 1 FROM notices WHERE source = ? AND issue_id = ? AND kind = ? "
            "AND new_status = ?",
            (self.source, issue_id, kind, new_status),
        ).fetchone()
        return row is not None

    def give(self, notice: Notice, when: float) -> None:
        """Keep `notice` as given `when`."""
        self._db.execute(
            """INSERT INTO notices (source, tenant_id, issue_id, kind, title, service,
                   classification, old_status, new_status, noticed)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                self.source,
                notice.tenant_id,
                notice.issue_id,
                notice.kind,
                notice.title,
                notice.service,
                notice.classification,
                notice.old_status,
                notice.new_status,
                when,
            ),
        )


class NoticeStore:
    """One source's notices in the cache's file (`Cache.notices(source)` makes it).
    Thread-safe through the cache's lock; blocks on the disk (worker threads)."""

    def __init__(
        self,
        source: str,
        transaction: Callable[[], AbstractContextManager[sqlite3.Connection]],
        reading: Callable[[], AbstractContextManager[sqlite3.Connection]],
    ) -> None:
        self.source = source
        self._transaction = transaction
        self._reading = reading

    @contextlib.contextmanager
    def transaction(self) -> Iterator[NoticeLedger]:
        """A ledger whose writes commit together on exit (rolled back on an exception)."""
        with self._transaction() as db:
            yield NoticeLedger(db, self.source)

    def recent(self, limit: int = 100) -> list[tuple[float, Notice]]:
        """The notices given for this source, newest first, with when they were given."""
        with self._reading() as db:
            rows = db.execute(
                """SELECT noticed, kind, issue_id, title, service, tenant_id, old_status,
                          new_status, classification
                   FROM notices WHERE source = ? ORDER BY id DESC LIMIT ?""",
                (self.source, limit),
            ).fetchall()
        return [(row[0], Notice(*row[1:])) for row in rows]


__all__ = [
    "DUE",
    "MESSAGE",
    "TABLES",
    "Notice",
    "NoticeKind",
    "NoticeLedger",
    "NoticeStore",
    "create",
    "joined",
]
