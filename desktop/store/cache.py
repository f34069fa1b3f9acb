"""Last-known data per customer, so the dashboard and exports work offline. No Qt.

Everything is scoped by a *source*: the account the data came from, so two partners' (or the
sandbox's and a partner's) customers never mix. See `sandbox_source` and `account_source`.

One row per (source, kind, tenant): the records of the last successful fetch as wire-shaped JSON
(`to_json`, read back with `from_json`), the item-level errors of that fetch, and, when the last
attempt failed as a whole, why and when. A failure keeps the older records: the dashboard can
still show them, marked stale; an offline export shows the error, as the live run did.

Every write goes through one call, `Cache.writer(source).record(kind, tenant, items=...,
item_errors=..., failure=...)` (`desktop.store.cache_writes`). The notices' tables share the file
and are `desktop.store.notices`' own (`Cache.notices`); the connection never leaves the store.

The file is only a cache (DESIGN.md): a damaged one or one of another schema is set aside and
rebuilt, `Cache.notice` says so, and nothing the user made lives here (tags and favourites are
in the data dir, `desktop.store.tags`). Writes are transactions in WAL mode: a process killed
mid-write leaves the last committed batch whole and the file intact.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.config.paths import cache_dir
from desktop.domain.customers import Customer, PortalLink
from desktop.store.cache_writes import Batch, CacheWriter, Put
from desktop.store.codec import (
    CONSENT,
    CUSTOMERS,
    HEALTH,
    ISSUES,
    KINDS,
    MESSAGES,
    PARTNER_WIDE,
    PORTALS,
    REQUESTS,
    ROW_MAX_BYTES,
    SUMMARY,
    UNREADABLE,
    CachedError,
    CacheEntry,
    entry_of,
    is_summary,
)
from desktop.store.db import StoreError, StoreNotice, is_damaged, open_database, open_memory
from desktop.store.notices import TABLES as NOTICE_TABLES
from desktop.store.notices import NoticeStore
from desktop.store.notices import create as create_notice_tables

if TYPE_CHECKING:  # their rows are decoded by the codec, which imports them when first read
    from desktop.domain.health import HealthIssue, ServiceHealth
    from desktop.domain.service_messages import ServiceMessage
    from desktop.domain.service_requests import ServiceRequest

log = logging.getLogger(__name__)

T = TypeVar("T")

SCHEMA_VERSION = 1


# The embedded sandbox's data depends only on its customer count and seed, so its source does
# too: the same `partner-desk export --customers N` finds its cache again on the next run.
EMBEDDED_SANDBOX_SEED = 7
EMBEDDED_SANDBOX_CUSTOMERS = 250


def sandbox_source(
    url: str | None = None,
    *,
    customers: int = EMBEDDED_SANDBOX_CUSTOMERS,
    seed: int = EMBEDDED_SANDBOX_SEED,
) -> str:
    """`sandbox:<customers>:<seed>` for the embedded sandbox, `sandbox:<url>` for another."""
    return f"sandbox:{url}" if url else f"sandbox:{customers}:{seed}"


def account_source(cloud_id: str, partner_tenant_id: str) -> str:
    """`<cloud>:<partner tenant id>`, e.g. `global:0b0c…`: one partner in one cloud."""
    return f"{cloud_id}:{partner_tenant_id.lower()}"


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        """CREATE TABLE IF NOT EXISTS entries (
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            items TEXT,
            item_errors TEXT NOT NULL DEFAULT '[]',
            fetched REAL,
            failure TEXT,
            failed REAL,
            PRIMARY KEY (source, kind, tenant_id)
        ) WITHOUT ROWID"""
    )
    create_notice_tables(connection)  # what the user was told: desktop.store.notices


class Cache:
    """Thread-safe: one connection, one lock; sweeps write from their worker threads."""

    def __init__(self, path: Path | None = None, *, unsaved: StoreError | None = None) -> None:
        """The cache file at `path` (default: in the cache folder); with `unsaved` (why that
        file cannot be used), an empty cache in memory for this run instead."""
        self.unsaved = unsaved
        if unsaved is not None:
            self.path = path or unsaved.path
            self._db, self.notice = open_memory(SCHEMA_VERSION, _create), None
            self._lock = threading.Lock()
            return
        self.path = path or cache_dir() / "cache.sqlite3"
        # The integrity check reads the whole file, too long to keep the first window waiting:
        # `verify()` runs it after start-up.
        self._db, self.notice = open_database(
            self.path, SCHEMA_VERSION, _create, "cache", check=False
        )
        self._lock = threading.Lock()

    def verify(self) -> StoreNotice | None:
        """The integrity check deferred from opening (blocks: worker thread). A damaged file
        is set aside and replaced by an empty cache, as at opening; returns the notice. A check
        that cannot run because another Partner Desk holds the file is not damage: skipped."""
        with self._lock:
            try:
                result = self._db.execute("PRAGMA quick_check").fetchone()[0]
            except sqlite3.DatabaseError as error:
                if not is_damaged(error):
                    log.warning("cache integrity check not run: %s", error)
                    return None
                result = str(error)
            if result == "ok":
                return None
            log.warning("cache integrity check failed: %s", result)
            self._db.close()
            try:
                self._db, notice = open_database(self.path, SCHEMA_VERSION, _create, "cache")
            except StoreError as error:
                # Damaged, and not replaceable now (locked, read-only): an empty cache in
                # memory for this session keeps every caller working; said once.
                log.warning("cache not replaced: %s", error)
                self._db = sqlite3.connect(
                    ":memory:", check_same_thread=False, isolation_level=None
                )
                _create(self._db)
                notice = StoreNotice(f"{error} Nothing is cached until Partner Desk restarts.")
            self.notice = notice
            return notice

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # The connection stays inside the store: the cache's own reads and writes, and the
    # notices' (`notices()`), take it through these two, under the cache's lock.

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one write transaction (committed on exit, rolled back on an
        exception), under the cache's lock. Keep it short."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection under the cache's lock, for a few reads."""
        with self._lock:
            yield self._db

    # -- writing ----------------------------------------------------------------------------

    def _commit(self, batch: Batch) -> None:
        """Every write of `batch` in one transaction: all of them land, or none."""
        if not batch.ops:
            return
        with self._transaction() as db:
            for op in batch.ops:
                if isinstance(op, Put):
                    db.execute(
                        """INSERT INTO entries
                               (source, kind, tenant_id, items, item_errors, fetched)
                           VALUES (?, ?, ?, ?, ?, ?)
                           ON CONFLICT (source, kind, tenant_id) DO UPDATE SET
                               items = excluded.items, item_errors = excluded.item_errors,
                               fetched = excluded.fetched, failure = NULL, failed = NULL""",
                        (batch.source, op.kind, op.tenant_id, op.items, op.item_errors, op.fetched),
                    )
                else:
                    db.execute(
                        """INSERT INTO entries (source, kind, tenant_id, failure, failed)
                           VALUES (?, ?, ?, ?, ?)
                           ON CONFLICT (source, kind, tenant_id) DO UPDATE SET
                               failure = excluded.failure, failed = excluded.failed""",
                        (batch.source, op.kind, op.tenant_id, op.failure, op.failed),
                    )

    def writer(self, source: str, every: int = 100) -> CacheWriter:
        """The one way to write the cache: `CacheWriter.record`, thread-safe, committing
        every `every` records and on `close()` (see `desktop.store.cache_writes`)."""
        return CacheWriter(self._commit, source, every)

    def put_customers(self, source: str, customers: Sequence[Customer], fetched: float) -> None:
        """Deprecated: `writer(source).record(CUSTOMERS, None, items=...)`. Kept only for
        desktop/ui/main_window.py until issue 17 step 4 moves the cache-first start-up out of
        it (that file is another step's); remove it then."""
        with self.writer(source) as writer:
            writer.record(CUSTOMERS, None, items=customers, when=fetched)

    def notices(self, source: str) -> NoticeStore:
        """What the user was already told about, for `source` (`desktop.store.notices`)."""
        return NoticeStore(source, self._transaction, self._reading)

    def consents(self, source: str) -> dict[str, dict[str, Any]]:
        """The last consent outcome of each tenant that has one."""
        return {
            tenant: entry.items[0]
            for tenant, entry in self.entries(source, CONSENT).items()
            if entry.items
        }

    def forget(self, source: str) -> None:
        """Drop everything of one source (e.g. the account was removed)."""
        with self._transaction() as db:
            for table in ("entries", *NOTICE_TABLES):
                db.execute(f"DELETE FROM {table} WHERE source = ?", (source,))  # noqa: S608 - fixed names

    # -- reading ----------------------------------------------------------------------------

    def entry(self, source: str, kind: str, tenant_id: str | None) -> CacheEntry[Any] | None:
        """Everything cached of one list (tenant None: a partner-wide one), or None."""
        found = self._rows(
            "WHERE source = ? AND kind = ? AND tenant_id = ?",
            (source, kind, tenant_id or PARTNER_WIDE),
        )
        return found.get(tenant_id or PARTNER_WIDE)

    def entries(self, source: str, kind: str) -> dict[str, CacheEntry[Any]]:
        """Every tenant's entry of one kind, by tenant id."""
        return self._rows("WHERE source = ? AND kind = ?", (source, kind))

    def latest_source(self) -> str | None:
        """The source whose customer list was fetched last (what `--offline` opens)."""
        with self._reading() as db:
            row = db.execute(
                "SELECT source FROM entries WHERE kind = ? AND fetched IS NOT NULL "
                "ORDER BY fetched DESC LIMIT 1",
                (CUSTOMERS,),
            ).fetchone()
        return None if row is None else str(row[0])

    def customers(self, source: str) -> tuple[list[Customer], float | None]:
        """The customer list in the order it was fetched, and when (None: never)."""
        found = self.entry(source, CUSTOMERS, None)
        if found is None or found.items is None:
            return [], None
        return found.items, found.fetched

    def health(
        self, source: str, tenant_id: str
    ) -> tuple[list[ServiceHealth], list[HealthIssue], float] | None:
        """(health, issues, fetched) or None when neither was ever fetched.

        A list never fetched comes back empty; `fetched` is the older of the two lists' times.
        Whether the last attempt failed: `entry(source, HEALTH, tenant_id).failing`.
        """
        found = self._rows(
            "WHERE source = ? AND kind IN (?, ?) AND tenant_id = ?",
            (source, HEALTH, ISSUES, tenant_id),
            by_kind=True,
        )
        return _health_of(found.get(HEALTH), found.get(ISSUES))

    def summaries(self, source: str) -> dict[str, tuple[dict[str, int], float]]:
        """Per tenant, the Health column's figures (worst rank, degraded services, active
        issues) of its last health and issues, and when they were fetched."""
        found = {}
        for tenant_id, entry in self.entries(source, SUMMARY).items():
            if entry.items and entry.fetched is not None and is_summary(entry.items[0]):
                found[tenant_id] = (entry.items[0], entry.fetched)
        return found

    def health_all(
        self, source: str
    ) -> dict[str, tuple[list[ServiceHealth], list[HealthIssue], float]]:
        """`health()` of every tenant that has any, by tenant id."""
        health = self.entries(source, HEALTH)
        issues = self.entries(source, ISSUES)
        result = {}
        for tenant_id in health.keys() | issues.keys():
            value = _health_of(health.get(tenant_id), issues.get(tenant_id))
            if value is not None:
                result[tenant_id] = value
        return result

    def requests(
        self, source: str, tenant_id: str | None
    ) -> tuple[list[ServiceRequest], float | None]:
        """One customer's requests (tenant None: the partner-wide list), and when fetched."""
        found = self.entry(source, REQUESTS, tenant_id)
        if found is None or found.items is None:
            return [], None
        return found.items, found.fetched

    def portals(self, source: str, tenant_id: str) -> list[PortalLink] | None:
        found = self.entry(source, PORTALS, tenant_id)
        return None if found is None else found.items

    def messages(self, source: str) -> dict[str, CacheEntry[ServiceMessage]]:
        """Every tenant's last message center read (and whether the last attempt failed)."""
        return self.entries(source, MESSAGES)

    def errors(self, source: str, kind: str | None = None) -> list[CachedError]:
        """Lists whose last fetch failed, oldest failure first."""
        query = "SELECT tenant_id, kind, failure, failed FROM entries WHERE source = ?"
        args: tuple[str, ...] = (source,)
        if kind is not None:
            query, args = query + " AND kind = ?", (source, kind)
        with self._reading() as db:
            rows = db.execute(query + " AND failure IS NOT NULL ORDER BY failed", args).fetchall()
        return [CachedError(*row) for row in rows]

    def _rows(
        self, where: str, args: tuple[str, ...], by_kind: bool = False
    ) -> dict[str, CacheEntry[Any]]:
        with self._reading() as db:  # decode outside the lock: other threads may write meanwhile
            rows = db.execute(
                "SELECT kind, tenant_id, items, item_errors, fetched, failure, failed "  # noqa: S608 - fixed SQL
                f"FROM entries {where}",
                args,
            ).fetchall()
        result: dict[str, CacheEntry[Any]] = {}
        for kind, tenant_id, *values in rows:
            result[kind if by_kind else tenant_id] = entry_of(kind, tenant_id, *values)
        return result


def _health_of(
    health: CacheEntry[ServiceHealth] | None, issues: CacheEntry[HealthIssue] | None
) -> tuple[list[ServiceHealth], list[HealthIssue], float] | None:
    times = [e.fetched for e in (health, issues) if e is not None and e.fetched is not None]
    if not times:
        return None
    return (
        (health.items or []) if health else [],
        (issues.items or []) if issues else [],
        min(times),
    )


__all__ = [
    "CONSENT",
    "CUSTOMERS",
    "EMBEDDED_SANDBOX_CUSTOMERS",
    "EMBEDDED_SANDBOX_SEED",
    "HEALTH",
    "ISSUES",
    "KINDS",
    "MESSAGES",
    "PARTNER_WIDE",
    "PORTALS",
    "REQUESTS",
    "ROW_MAX_BYTES",
    "SUMMARY",
    "UNREADABLE",
    "Cache",
    "CacheEntry",
    "CacheWriter",
    "CachedError",
    "account_source",
    "sandbox_source",
]
