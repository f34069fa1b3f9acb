"""Every customer's health, checked once for everyone: the one sweep behind the main list's
Health column, the dashboard and `partner-desk export health`. No Qt.

Per customer, one call (health with its issues), written through to the cache, derived once
(`desktop.domain.customer_health.summarise`), and new or changed issues turned into notices
(`desktop.services.notices`, each once, ever). The sweep over customers is `Backend.sweep`:
bounded concurrency, Retry-After honoured, cancellable; outcomes come out as they complete.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TypeVar

from desktop.config.limits import cpu_work
from desktop.domain.customer_health import HealthSummary, summarise
from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import Parsed
from desktop.services.backend import CANCELLED, ApiError, Backend, Outcome
from desktop.services.notices import Notice, NoticeBook
from desktop.store.cache import HEALTH, ISSUES, Cache, CacheWriter

T = TypeVar("T")


@dataclass(frozen=True)
class Checked:
    """What one customer's check learned."""

    summary: HealthSummary
    health: list[ServiceHealth]
    active: list[HealthIssue]  # its issues active now
    errors: list[str] = field(default_factory=list)  # service health items that did not parse
    notices: list[Notice] = field(default_factory=list)


def committing(outcomes: Iterator[T], writer: CacheWriter | None) -> Iterator[T]:
    """A sweep's outcomes; the writer's last batch is committed on the sweep thread when the
    sweep ends, however it ends (done, cancelled, stopped by a closing window): committing
    when the GUI hears of the end lost the last batch when the app quit mid-sweep."""
    try:
        yield from outcomes
    finally:
        if writer is not None:
            writer.close()


def check_health(
    backend: Backend,
    writer: CacheWriter | None = None,
    book: NoticeBook | None = None,
    seen: set[str] | None = None,
    with_issues: bool = True,
) -> Callable[[Customer, str, threading.Event], Checked]:
    """The check of one customer (runs on a sweep thread): `writer` keeps what it learns (or
    why it failed) in the cache, `book` turns its issues into notices, `seen` collects every
    service name met (for choosing notices). Without issues (`export health`: services only),
    the call asks for none: parsing every issue's posts only to drop them made the export's
    sweep a fifth slower (docs/PERFORMANCE.md)."""

    def check(customer: Customer, cid: str, cancel: threading.Event) -> Checked:
        tenant = customer.tenant_id
        try:
            if with_issues:
                health, issues = backend.health_and_issues(tenant, cid, cancel)
            else:
                health, issues = backend.health(tenant, cid, cancel), Parsed[HealthIssue]()
        except Exception as error:
            # A stopped sweep's calls end as cancelled: nothing the cache should keep.
            if writer is not None and not cancel.is_set():
                writer.record(HEALTH, tenant, failure=str(error))
            raise
        if cancel.is_set():  # answered after the sweep was stopped: its owner moved on
            raise ApiError("Cancelled.", kind=CANCELLED)
        errors = [str(e) for e in health.errors]
        if writer is not None:
            with cpu_work():  # the JSON encoding: two such threads at once, not 32
                writer.record(HEALTH, tenant, items=health.items, item_errors=errors)
                if with_issues:  # else the cached issues stay what they were
                    writer.record(ISSUES, tenant, items=issues.items)
        if seen is not None:
            seen.update(h.service for h in health.items)
        notices = book.observe(tenant, issues.items) if book is not None else []
        return Checked(
            summarise(health.items, issues.items, time.time()),
            health.items,
            [i for i in issues.items if i.active],
            errors,
            notices,
        )

    return check


def sweep_health(
    backend: Backend,
    customers: Iterable[Customer],
    then: Callable[[Customer, Checked], T],
    *,
    writer: CacheWriter | None = None,
    book: NoticeBook | None = None,
    seen: set[str] | None = None,
    concurrency: int | None = None,
    cancel: threading.Event | None = None,
    pool: Executor | None = None,
    with_issues: bool = True,
) -> Iterator[Outcome[T]]:
    """Check every customer; each outcome's value is `then(customer, checked)`, made on the
    sweep thread too (a view's row, an export's rows), or the error its check raised. The
    writer's last batch is committed when the sweep ends, however it ends."""
    check = check_health(backend, writer, book, seen, with_issues)

    def task(customer: Customer, cid: str, stop: threading.Event) -> T:
        return then(customer, check(customer, cid, stop))

    outcomes = backend.sweep(customers, task, concurrency=concurrency, cancel=cancel, pool=pool)
    return committing(outcomes, writer)


def cached_summaries(cache: Cache, source: str) -> dict[str, HealthSummary]:
    """Last-known health per tenant (blocks on disk: a worker thread).

    From the summaries the cache keeps beside each tenant's records; a cache written before
    it kept them is read in full once (slow for thousands of customers, and only then).
    """
    summaries = cache.summaries(source)
    if summaries:
        return {
            tenant: HealthSummary.from_figures(figures, fetched)
            for tenant, (figures, fetched) in summaries.items()
        }
    return {
        tenant: summarise(health, issues, fetched)
        for tenant, (health, issues, fetched) in cache.health_all(source).items()
    }
