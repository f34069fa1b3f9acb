"""Last-known data per customer, so the dashboard and exports work offline. No Qt.

Everything is scoped by a *source*: the account the data came from, so two partners' (or the
sandbox's and a partner's) customers never mix. See `sandbox_source` and `account_source`.

One row per (source, kind, tenant): the records of the last successful fetch as wire-shaped JSON
(`to_json`, read back with `from_json`), the item-level errors of that fetch, and, when the last
attempt failed as a whole, why and when. A failure keeps the older records: the dashboard can
still show them, marked stale; an offline export shows the error, as the live run did.

The file is only a cache (DESIGN.md): a damaged one or one of another schema is set aside and
rebuilt, `Cache.notice` says so, and nothing the user made lives here (tags and favourites are
in the data dir, `desktop.store.tags`). Writes are transactions in WAL mode: a process killed
mid-write leaves the last committed batch whole and the file intact.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from desktop.models.records import (
    Customer,
    HealthIssue,
    PortalLink,
    RecordError,
    ServiceHealth,
    ServiceRequest,
    health_rank,
)
from desktop.models.service_messages import ServiceMessage
from desktop.paths import cache_dir
from desktop.store.db import StoreNotice, open_database

log = logging.getLogger(__name__)

T = TypeVar("T")

SCHEMA_VERSION = 1

# What a row holds. "issues" are a tenant's service health issues (the incidents export);
# "messages" its message center posts (planned changes).
CUSTOMERS, HEALTH, ISSUES, REQUESTS, PORTALS, MESSAGES = (
    "customers",
    "health",
    "issues",
    "requests",
    "portals",
    "messages",
)
KINDS = (CUSTOMERS, HEALTH, ISSUES, REQUESTS, PORTALS, MESSAGES)
# Written beside each tenant's health and issues: the few figures the list's Health column
# shows. Reading 10,000 tenants' full records back took 4-11 s of worker time (every post of
# every issue parsed) right after start-up; their summaries take milliseconds.
SUMMARY = "summary"
# Per tenant: how the last attempt to allow Partner Desk there ended (desktop.consent), so an
# export or the list can say "refused" instead of offering a consent that will be refused.
CONSENT = "consent"
PARTNER_WIDE = ""  # the tenant key of lists that belong to no one customer

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


def _portal_from_json(data: Mapping[str, Any]) -> PortalLink:
    return PortalLink(**data)


_PARSERS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    CUSTOMERS: Customer.from_json,
    HEALTH: ServiceHealth.from_json,
    ISSUES: HealthIssue.from_json,
    REQUESTS: ServiceRequest.from_json,
    PORTALS: _portal_from_json,
    MESSAGES: ServiceMessage.from_json,
    SUMMARY: dict,
    CONSENT: dict,
}


# Health, issues and requests are compressed: every tenant keeps the full post history of each
# issue touching it, ~28 KB of JSON a customer (276 MB for 10,000), which zlib at its fastest
# level shrinks several times over for well under a millisecond. Customers stay plain JSON rows:
# they are read first at start-up and decoding them must be as cheap as it gets.
_COMPRESSED = frozenset({HEALTH, ISSUES, REQUESTS, MESSAGES})


def _encode(kind: str, items: Iterable[Any]) -> str | bytes:
    if kind in _COMPRESSED:
        if kind == ISSUES:
            # The same issue is written for every tenant it touches: encoded once per version
            # (the clients hand out one object per version, so the cache finds it by identity).
            text = "[" + ", ".join(map(_issue_json, items)) + "]"
        elif kind == MESSAGES:  # likewise: one message center post reaches many tenants
            text = "[" + ", ".join(map(_message_json, items)) + "]"
        else:
            text = json.dumps([item.to_json() for item in items], ensure_ascii=False)
        return zlib.compress(text.encode("utf-8"), 1)
    return _encode_text(kind, items)


@functools.lru_cache(maxsize=512)
def _issue_json(issue: HealthIssue) -> str:
    return json.dumps(issue.to_json(), ensure_ascii=False)


@functools.lru_cache(maxsize=512)
def _message_json(message: ServiceMessage) -> str:
    return json.dumps(message.to_json(), ensure_ascii=False)


def _encode_text(kind: str, items: Iterable[Any]) -> str:
    if kind in (SUMMARY, CONSENT):
        return json.dumps(list(items), ensure_ascii=False)
    if kind == CUSTOMERS:
        # Positional rows, read back without the wire parser: the cached list is what the
        # window shows first at start-up, and 10,000 customers through Customer.from_json
        # took 114 ms against 25 ms this way (bench/startup.py). Their text was cleaned when
        # it first came off the wire.
        return json.dumps(
            [[c.tenant_id, c.company_name, c.domain, c.relationship] for c in items],
            ensure_ascii=False,
        )
    if kind == PORTALS:
        return json.dumps([asdict(link) for link in items], ensure_ascii=False)
    return json.dumps([item.to_json() for item in items], ensure_ascii=False)


def _decode(kind: str, text: str | bytes) -> list[Any]:
    if isinstance(text, bytes):  # compressed (older files hold text: both are read)
        text = zlib.decompress(text).decode("utf-8")
    rows = json.loads(text)
    if kind == CUSTOMERS and isinstance(rows, list):
        customers = _customer_rows(rows)
        if customers is not None:
            return customers
    parser = _PARSERS[kind]
    items = []
    for data in rows:
        try:
            if isinstance(data, list):  # a customer row (older files hold wire-shaped JSON)
                if len(data) != 4 or not all(isinstance(x, str) for x in data) or not data[0]:
                    raise ValueError("malformed customer row")
                items.append(Customer(*data))
                continue
            items.append(parser(data))
        except (RecordError, TypeError, ValueError) as error:  # only if the file was tampered with
            log.warning("cached %s item dropped: %s", kind, error)
    return items


def _customer_rows(rows: list[Any]) -> list[Customer] | None:
    """The cached list when every row is well formed (else None: the careful path decides).

    The list is the first thing the window shows: checking each row with cheap type tests,
    then building, takes about half the time of checking and building row by row.
    """
    # Exact types: json.loads never makes subclasses, and `is` is the cheapest test there is.
    if all(
        type(r) is list
        and len(r) == 4
        and type(r[0]) is str
        and r[0]
        and type(r[1]) is str
        and type(r[2]) is str
        and type(r[3]) is str
        for r in rows
    ):
        return [Customer(*r) for r in rows]
    return None


@dataclass(frozen=True)
class CacheEntry(Generic[T]):
    """What the cache knows of one list: its records, and whether the last attempt failed."""

    items: list[T] | None  # None: never fetched successfully
    item_errors: list[str] = field(default_factory=list)  # items that could not be read
    fetched: float | None = None  # unix time of `items`
    failure: str | None = None  # the last attempt failed as a whole: why
    failed: float | None = None  # ... and when

    @property
    def failing(self) -> bool:
        return self.failure is not None


@dataclass(frozen=True)
class CachedError:
    tenant_id: str
    kind: str
    message: str
    when: float


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        """CREATE TABLE entries (
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
    # desktop.notices: what the user has already been told about (see NoticeBook).
    connection.execute(
        """CREATE TABLE seen_issues (
            source TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            status TEXT NOT NULL,
            last_modified TEXT,
            PRIMARY KEY (source, tenant_id, issue_id)
        ) WITHOUT ROWID"""
    )
    connection.execute(
        """CREATE TABLE observed_tenants (
            source TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            first_observed REAL NOT NULL,
            PRIMARY KEY (source, tenant_id)
        ) WITHOUT ROWID"""
    )
    connection.execute(
        """CREATE TABLE notices (
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
    connection.execute("CREATE INDEX notices_by_source ON notices (source, id)")


# One pending write: ("put", kind, tenant, items JSON, item errors JSON, fetched) or
# ("fail", kind, tenant, message, None, when).
_Op = tuple[str, str, str, str | bytes | None, str | None, float]


class Batch:
    """Writes gathered in memory (records already encoded) and committed by `Cache.write`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.ops: list[_Op] = []

    def __len__(self) -> int:
        return len(self.ops)

    def customers(
        self, customers: Sequence[Customer], fetched: float, errors: Sequence[str] = ()
    ) -> None:
        self._put(CUSTOMERS, PARTNER_WIDE, customers, errors, fetched)

    def health(
        self,
        tenant_id: str,
        health: Sequence[ServiceHealth] | None,
        issues: Sequence[HealthIssue] | None,
        fetched: float,
        *,
        health_errors: Sequence[str] = (),
        issue_errors: Sequence[str] = (),
    ) -> None:
        """None for a list leaves what is cached of it (an export reads one of the two)."""
        if health is not None:
            self._put(HEALTH, tenant_id, health, health_errors, fetched)
        if issues is not None:
            self._put(ISSUES, tenant_id, issues, issue_errors, fetched)
        if health is not None and issues is not None:
            ranks = [health_rank(h.status) for h in health]
            summary = {
                "worst": max(ranks, default=0),
                "degraded": sum(1 for r in ranks if r >= 2),
                "incidents": sum(1 for i in issues if i.active),
            }
            self._put(SUMMARY, tenant_id, [summary], (), fetched)

    def requests(
        self,
        tenant_id: str | None,
        requests: Sequence[ServiceRequest],
        fetched: float,
        errors: Sequence[str] = (),
    ) -> None:
        self._put(REQUESTS, tenant_id or PARTNER_WIDE, requests, errors, fetched)

    def portals(self, tenant_id: str, links: Sequence[PortalLink], fetched: float) -> None:
        self._put(PORTALS, tenant_id, links, (), fetched)

    def messages(
        self,
        tenant_id: str,
        messages: Sequence[ServiceMessage],
        fetched: float,
        errors: Sequence[str] = (),
    ) -> None:
        self._put(MESSAGES, tenant_id, messages, errors, fetched)

    def consent(self, tenant_id: str, outcome: Mapping[str, str], when: float) -> None:
        self._put(CONSENT, tenant_id, [dict(outcome)], (), when)

    def error(self, tenant_id: str | None, kind: str, message: str, when: float) -> None:
        """The fetch of `kind` failed as a whole; the records cached before are kept."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.ops.append(("fail", kind, tenant_id or PARTNER_WIDE, message, None, when))

    def _put(
        self, kind: str, tenant_id: str, items: Iterable[Any], errors: Sequence[str], when: float
    ) -> None:
        self.ops.append(
            ("put", kind, tenant_id, _encode(kind, items), json.dumps(list(errors)), when)
        )


class Cache:
    """Thread-safe: one connection, one lock; sweeps write from their worker threads."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "cache.sqlite3"
        # The integrity check reads the whole file: 85-200 ms for 10,000 customers' health
        # (~280 MB), on the path to the first window. `verify()` runs it after start-up.
        self._db, self.notice = open_database(
            self.path, SCHEMA_VERSION, _create, "cache", check=False
        )
        self._lock = threading.Lock()

    def verify(self) -> StoreNotice | None:
        """The integrity check deferred from opening (blocks: worker thread). A damaged file
        is set aside and replaced by an empty cache, as at opening; returns the notice."""
        with self._lock:
            try:
                result = self._db.execute("PRAGMA quick_check").fetchone()[0]
            except sqlite3.DatabaseError as error:
                result = str(error)
            if result == "ok":
                return None
            log.warning("cache integrity check failed: %s", result)
            self._db.close()
            self._db, notice = open_database(self.path, SCHEMA_VERSION, _create, "cache")
            self.notice = notice
            return notice

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one write transaction (committed on exit, rolled back on an
        exception), under the cache's lock. For `desktop.notices`; keep it short."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection under the cache's lock, for a few reads (`desktop.notices`)."""
        with self._lock:
            yield self._db

    # -- writing ----------------------------------------------------------------------------

    def write(self, batch: Batch) -> None:
        """Every write of `batch` in one transaction: all of them land, or none."""
        if not batch.ops:
            return
        with self.transaction() as db:
            for op, kind, tenant, text, errors, when in batch.ops:
                if op == "put":
                    db.execute(
                        """INSERT INTO entries
                               (source, kind, tenant_id, items, item_errors, fetched)
                           VALUES (?, ?, ?, ?, ?, ?)
                           ON CONFLICT (source, kind, tenant_id) DO UPDATE SET
                               items = excluded.items, item_errors = excluded.item_errors,
                               fetched = excluded.fetched, failure = NULL, failed = NULL""",
                        (batch.source, kind, tenant, text, errors, when),
                    )
                else:
                    db.execute(
                        """INSERT INTO entries (source, kind, tenant_id, failure, failed)
                           VALUES (?, ?, ?, ?, ?)
                           ON CONFLICT (source, kind, tenant_id) DO UPDATE SET
                               failure = excluded.failure, failed = excluded.failed""",
                        (batch.source, kind, tenant, text, when),
                    )

    def writer(self, source: str, every: int = 100) -> CacheWriter:
        """A thread-safe writer for a sweep: commits every `every` writes, and on `close()`."""
        return CacheWriter(self, source, every)

    def put_customers(
        self,
        source: str,
        customers: Sequence[Customer],
        fetched: float,
        errors: Sequence[str] = (),
    ) -> None:
        batch = Batch(source)
        batch.customers(customers, fetched, errors)
        self.write(batch)

    def put_health(
        self,
        source: str,
        tenant_id: str,
        health: Sequence[ServiceHealth] | None,
        issues: Sequence[HealthIssue] | None,
        fetched: float,
        *,
        health_errors: Sequence[str] = (),
        issue_errors: Sequence[str] = (),
    ) -> None:
        batch = Batch(source)
        batch.health(
            tenant_id,
            health,
            issues,
            fetched,
            health_errors=health_errors,
            issue_errors=issue_errors,
        )
        self.write(batch)

    def put_health_many(
        self,
        source: str,
        rows: Iterable[tuple[str, Sequence[ServiceHealth] | None, Sequence[HealthIssue] | None]],
        fetched: float,
    ) -> None:
        """Many tenants' health and issues in one transaction (a sweep's batch of ~100)."""
        batch = Batch(source)
        for tenant_id, health, issues in rows:
            batch.health(tenant_id, health, issues, fetched)
        self.write(batch)

    def put_requests(
        self,
        source: str,
        tenant_id: str | None,
        requests: Sequence[ServiceRequest],
        fetched: float,
        errors: Sequence[str] = (),
    ) -> None:
        """One customer's requests, or (tenant None) the partner-wide list."""
        batch = Batch(source)
        batch.requests(tenant_id, requests, fetched, errors)
        self.write(batch)

    def put_portals(
        self, source: str, tenant_id: str, links: Sequence[PortalLink], fetched: float
    ) -> None:
        batch = Batch(source)
        batch.portals(tenant_id, links, fetched)
        self.write(batch)

    def put_error(
        self, source: str, tenant_id: str | None, kind: str, message: str, when: float
    ) -> None:
        """A whole fetch of `kind` failed (`message` as the user saw it); older records stay."""
        batch = Batch(source)
        batch.error(tenant_id, kind, message, when)
        self.write(batch)

    def put_consent(
        self, source: str, tenant_id: str, outcome: Mapping[str, str], when: float
    ) -> None:
        """How allowing Partner Desk in `tenant_id` ended (`result`, `why`, `reason`)."""
        batch = Batch(source)
        batch.consent(tenant_id, outcome, when)
        self.write(batch)

    def consents(self, source: str) -> dict[str, dict[str, Any]]:
        """The last consent outcome of each tenant that has one."""
        return {
            tenant: entry.items[0]
            for tenant, entry in self.entries(source, CONSENT).items()
            if entry.items
        }

    def forget(self, source: str) -> None:
        """Drop everything of one source (e.g. the account was removed)."""
        with self.transaction() as db:
            for table in ("entries", "seen_issues", "observed_tenants", "notices"):
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
        with self.reading() as db:
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
            if entry.items and entry.fetched is not None and isinstance(entry.items[0], dict):
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

    def put_messages(
        self,
        source: str,
        tenant_id: str,
        messages: Sequence[ServiceMessage],
        fetched: float,
        errors: Sequence[str] = (),
    ) -> None:
        batch = Batch(source)
        batch.messages(tenant_id, messages, fetched, errors)
        self.write(batch)

    def messages(self, source: str) -> dict[str, CacheEntry[ServiceMessage]]:
        """Every tenant's last message center read (and whether the last attempt failed)."""
        return self.entries(source, MESSAGES)

    def errors(self, source: str, kind: str | None = None) -> list[CachedError]:
        """Lists whose last fetch failed, oldest failure first."""
        query = "SELECT tenant_id, kind, failure, failed FROM entries WHERE source = ?"
        args: tuple[str, ...] = (source,)
        if kind is not None:
            query, args = query + " AND kind = ?", (source, kind)
        with self._lock:
            rows = self._db.execute(
                query + " AND failure IS NOT NULL ORDER BY failed", args
            ).fetchall()
        return [CachedError(*row) for row in rows]

    def _rows(
        self, where: str, args: tuple[str, ...], by_kind: bool = False
    ) -> dict[str, CacheEntry[Any]]:
        with self._lock:  # decode outside the lock: other threads may write meanwhile
            rows = self._db.execute(
                "SELECT kind, tenant_id, items, item_errors, fetched, failure, failed "  # noqa: S608 - fixed SQL
                f"FROM entries {where}",
                args,
            ).fetchall()
        result: dict[str, CacheEntry[Any]] = {}
        for kind, tenant_id, items, item_errors, fetched, failure, failed in rows:
            result[kind if by_kind else tenant_id] = CacheEntry(
                items=None if items is None else _decode(kind, items),
                item_errors=json.loads(item_errors),
                fetched=fetched,
                failure=failure,
                failed=failed,
            )
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


class CacheWriter:
    """Gathers a sweep's writes from many threads; commits them `every` at a time.

    The cache is only a cache: a write that fails (disk full, file locked for too long) is
    logged and dropped, never raised into the sweep. `dropped` counts such writes.
    """

    def __init__(self, cache: Cache, source: str, every: int = 100) -> None:
        self.cache = cache
        self.source = source
        self.every = max(1, every)
        self.dropped = 0
        self._batch = Batch(source)
        self._lock = threading.Lock()
        self._commit_lock = threading.Lock()  # batches land in the order they were cut

    def __enter__(self) -> CacheWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def customers(self, customers: Sequence[Customer], errors: Sequence[str] = ()) -> None:
        self._add(lambda b, now: b.customers(customers, now, errors))

    def health(
        self,
        tenant_id: str,
        health: Sequence[ServiceHealth] | None,
        issues: Sequence[HealthIssue] | None,
        *,
        health_errors: Sequence[str] = (),
        issue_errors: Sequence[str] = (),
    ) -> None:
        self._add(
            lambda b, now: b.health(
                tenant_id,
                health,
                issues,
                now,
                health_errors=health_errors,
                issue_errors=issue_errors,
            )
        )

    def requests(
        self, tenant_id: str | None, requests: Sequence[ServiceRequest], errors: Sequence[str] = ()
    ) -> None:
        self._add(lambda b, now: b.requests(tenant_id, requests, now, errors))

    def portals(self, tenant_id: str, links: Sequence[PortalLink]) -> None:
        self._add(lambda b, now: b.portals(tenant_id, links, now))

    def messages(
        self, tenant_id: str, messages: Sequence[ServiceMessage], errors: Sequence[str] = ()
    ) -> None:
        self._add(lambda b, now: b.messages(tenant_id, messages, now, errors))

    def error(self, tenant_id: str | None, kind: str, message: str) -> None:
        self._add(lambda b, now: b.error(tenant_id, kind, message, now))

    def flush(self) -> None:
        with self._commit_lock:
            with self._lock:
                batch, self._batch = self._batch, Batch(self.source)
            self._commit(batch)

    def close(self) -> None:
        self.flush()

    def _add(self, write: Callable[[Batch, float], None]) -> None:
        # Encode into a batch of one outside the lock (JSON of a big list takes a while).
        one = Batch(self.source)
        write(one, time.time())
        with self._lock:
            self._batch.ops.extend(one.ops)
            full = len(self._batch) >= self.every
        if full:
            self.flush()

    def _commit(self, batch: Batch) -> None:
        try:
            self.cache.write(batch)
        except sqlite3.Error as error:
            self.dropped += len(batch)
            log.warning("cache: %d writes dropped: %s", len(batch), error)
