"""Writes to the cache gathered in memory: a `Batch` (records already encoded), committed by
`Cache.write` in one transaction, and the `CacheWriter` a sweep fills from many threads. No Qt.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from desktop.domain.customers import Customer, PortalLink
from desktop.domain.enums import health_rank
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.service_messages import ServiceMessage
from desktop.domain.service_requests import ServiceRequest
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
    SUMMARY,
    encode,
)

if TYPE_CHECKING:
    from desktop.store.cache import Cache

log = logging.getLogger(__name__)

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
            ("put", kind, tenant_id, encode(kind, items), json.dumps(list(errors)), when)
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
