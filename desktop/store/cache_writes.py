"""The cache's one write API: `CacheWriter.record`. No Qt.

Every writer (a sweep, an export, the customer list, a consent) records the same way:

    with cache.writer(source) as writer:
        writer.record(HEALTH, tenant, items=health, item_errors=errors)
        writer.record(ISSUES, tenant, items=issues)
        writer.record(REQUESTS, tenant, failure="403 Forbidden")

A record is one list of one tenant (tenant None: a partner-wide list, e.g. CUSTOMERS) as last
fetched, or why its fetch failed as a whole (the records cached before are kept). Records are
encoded on the caller's thread, gathered in memory and committed `every` at a time, and on
`flush()` / `close()`. The cache is only a cache: a commit that fails (disk full, file locked for
too long) is logged and dropped, never raised; `dropped` counts such writes.

A tenant's health and issues recorded through one writer also leave the few figures the list's
Health column reads at start-up (SUMMARY), so that start-up never reads the records themselves.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.customer_health import summarise
from desktop.store.codec import (
    CONSENT,
    HEALTH,
    ISSUES,
    KINDS,
    PARTNER_WIDE,
    SUMMARY,
    encode,
)

log = logging.getLogger(__name__)

# What `record` accepts: the fetched lists, and the consent outcome (SUMMARY is derived).
RECORDED_KINDS = (*KINDS, CONSENT)


@dataclass(frozen=True)
class Put:
    """A list as fetched: its records already encoded, the item errors as JSON."""

    kind: str
    tenant_id: str
    items: str | bytes
    item_errors: str
    fetched: float


@dataclass(frozen=True)
class Fail:
    """A whole fetch that failed: why (as the user saw it) and when."""

    kind: str
    tenant_id: str
    failure: str
    failed: float


@dataclass
class Batch:
    """Writes gathered in memory and committed by the cache in one transaction."""

    source: str
    ops: list[Put | Fail] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ops)


def _put(
    kind: str, tenant_id: str, items: Iterable[Any], errors: Sequence[str], when: float
) -> Put:
    return Put(kind, tenant_id, encode(kind, items), json.dumps(list(errors)), when)


def _figures(kind: str, items: Sequence[Any]) -> dict[str, int]:
    """The Health column's figures one list gives, by the domain's one derivation: worst
    severity and degraded services from the health, active issues from the issues."""
    if kind == HEALTH:
        figures = summarise(items, ()).figures()
        return {"worst": figures["worst"], "degraded": figures["degraded"]}
    return {"incidents": summarise((), items).incidents}


class CacheWriter:
    """Gathers one source's records from many threads; commits them `every` at a time.
    Made by `Cache.writer`, whose `commit` lands one batch in one transaction."""

    def __init__(self, commit: Callable[[Batch], None], source: str, every: int = 100) -> None:
        self._commit_batch = commit
        self.source = source
        self.every = max(1, every)
        self.dropped = 0
        self.problem: str | None = None  # why the last dropped writes were dropped
        self._batch = Batch(source)
        # Per tenant, the figures of the health or issues recorded without the other yet.
        self._halves: dict[str, tuple[str, dict[str, int]]] = {}
        self._lock = threading.Lock()
        self._commit_lock = threading.Lock()  # batches land in the order they were cut

    def __enter__(self) -> CacheWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def record(
        self,
        kind: str,
        tenant_id: str | None,
        *,
        items: Sequence[Any] | None = None,
        item_errors: Sequence[str] = (),
        failure: str | None = None,
        when: float | None = None,
    ) -> None:
        """`kind`'s list of `tenant_id` (None: partner-wide) as fetched `when` (default now):
        its `items` and `item_errors`; or, with `failure` instead, why the fetch failed.

        Raises ValueError for an unknown kind or neither/both of `items` and `failure`, and
        whatever encoding a record raises: nothing of that call is written then."""
        if kind not in RECORDED_KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        if (items is None) == (failure is None):
            raise ValueError("record takes items or a failure, not both nor neither")
        tenant = tenant_id or PARTNER_WIDE
        now = time.time() if when is None else when
        # Encoded before taking the lock: JSON of a big list takes a while.
        if items is None:
            op: Put | Fail = Fail(kind, tenant, str(failure), now)
            figures = None
        else:
            op = _put(kind, tenant, items, item_errors, now)
            figures = _figures(kind, items) if kind in (HEALTH, ISSUES) else None
        with self._lock:
            self._batch.ops.append(op)
            if kind in (HEALTH, ISSUES):
                summary = self._pair(kind, tenant, figures)
                if summary is not None:
                    self._batch.ops.append(_put(SUMMARY, tenant, [summary], (), now))
            full = len(self._batch) >= self.every
        if full:
            self.flush()

    def flush(self) -> None:
        """Commit what was recorded so far (blocks on the disk)."""
        with self._commit_lock:
            with self._lock:
                batch, self._batch = self._batch, Batch(self.source)
            self._commit(batch)

    def close(self) -> None:
        self.flush()

    def _pair(
        self, kind: str, tenant: str, figures: dict[str, int] | None
    ) -> dict[str, int] | None:
        """The summary when `tenant`'s other list was recorded before this one (under the lock);
        a failure forgets the half it would have completed."""
        other = self._halves.pop(tenant, None)
        if figures is None:
            return None
        if other is None or other[0] == kind:
            self._halves[tenant] = (kind, figures)
            return None
        return {**other[1], **figures}

    def _commit(self, batch: Batch) -> None:
        try:
            self._commit_batch(batch)
        except sqlite3.Error as error:
            self.dropped += len(batch)
            self.problem = str(error)
            log.warning("cache: %d writes dropped: %s", len(batch), error)
