"""The customer list's health column: cached at start, swept live, refreshed on a schedule.

- At start the last-known health comes from the cache (with its age), so the list is useful
  before the first answer arrives.
- A sweep checks every customer (bounded concurrency in the backend), writes what it learns to
  the cache in batches from the worker threads, and turns new or changed issues into notices
  (`desktop.services.notices`: each once, ever).
- A timer repeats the sweep (default every 10 minutes); after a throttled sweep the interval
  doubles, up to an hour, and returns to normal after a clean one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.config.limits import cpu_work
from desktop.domain.customer_health import HealthSummary, summarise
from desktop.domain.customers import Customer
from desktop.qt.failures import health_failure
from desktop.qt.models.customers import CustomerTableModel
from desktop.qt.numbers import timer_ms
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Ended, Stream
from desktop.services.backend import CANCELLED, ApiError, Backend, Category, ItemFailure, Outcome
from desktop.services.notices import Notice, NoticeBook, NoticeRules
from desktop.store.cache import HEALTH, ISSUES, Cache, CacheWriter

log = logging.getLogger(__name__)

DEFAULT_REFRESH_MIN = 10
MAX_REFRESH_MIN = 60

Checked = tuple[HealthSummary, list[Notice]]
T = TypeVar("T")


def committing(outcomes: Iterator[T], writer: CacheWriter | None) -> Iterator[T]:
    """A sweep's outcomes; the writer's last batch is committed on the sweep thread when the
    sweep ends, however it ends (done, cancelled, stopped by a closing window). Committing in
    `on_done` instead lost the last batch when the app quit mid-sweep."""
    try:
        yield from outcomes
    finally:
        if writer is not None:
            writer.close()


def cached_summaries(cache: Cache, source: str) -> dict[str, HealthSummary]:
    """Last-known health per tenant (blocks on disk: worker thread).

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


def plain_words(failure: ItemFailure, what: str) -> str:
    """A failure as the log would say it; the window puts it in its own words instead
    (`HealthColumn.describe`: desktop.ui.errors)."""
    return str(failure.error)


class HealthColumn(QObject):
    """Fills `model`'s Health column. Signals: progress(done, failed, total), finished(bool
    stopped: cancelled or failed; `ended` says which), notices(list[Notice]).

    `describe(failure, what)`: a customer's failure in words for its cell's tooltip, given by
    the UI (the one presenter, desktop.ui.errors); the cell's word is its category's."""

    progress = Signal(int, int, int)
    finished = Signal(bool)
    notices = Signal(list)

    def __init__(
        self,
        holder: SessionHolder,
        model: CustomerTableModel,
        customers: Callable[[], list[Customer]],
        refresh_min: int = DEFAULT_REFRESH_MIN,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.holder = holder
        self.model = model
        self._customers = customers
        self._sweep: Stream[Outcome[Checked]] | None = None
        self.describe: Callable[[ItemFailure, str], str] = plain_words
        self.ended: Ended | None = None  # how the last sweep ended
        self.refresh_min = refresh_min
        self._interval_min = refresh_min
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._scheduled)
        self.throttled = 0
        # Which notices to give (the settings); every service name seen, for choosing them.
        self.rules_for: Callable[[], NoticeRules] = NoticeRules
        self.services_seen: set[str] = set()

    @property
    def running(self) -> bool:
        return self._sweep is not None

    @property
    def next_interval_min(self) -> int:
        return self._interval_min

    async def show_cached(self) -> int:
        """Last-known health into the column; how many tenants had some."""
        cache, source = self.holder.session.cache, self.holder.session.source
        if cache is None or not source:
            return 0
        try:
            summaries = await self.holder.worker.run(cached_summaries, cache, source)
        except Exception as error:  # a cache problem never stops the live path
            log.warning("cached health unreadable: %s", error)
            return 0
        # Only where no live answer arrived meanwhile.
        fresh = {t: s for t, s in summaries.items() if self.model.health(t) is None}
        self.model.set_health_many(fresh)
        return len(fresh)

    def start(self, customers: list[Customer] | None = None) -> None:
        if self._sweep is not None:
            # Superseded: the new sweep reports from now on. A cancel would still deliver the
            # old one's end, which then took the new sweep for finished.
            self._sweep.stop()
            self._sweep = None
        customers = self._customers() if customers is None else customers
        if not customers:
            return
        backend: Backend = self.holder.session.backend
        cache, source = self.holder.session.cache, self.holder.session.source
        writer = (
            cache.writer(source)
            if cache is not None and source and not self.holder.session.offline
            else None
        )
        book = NoticeBook(cache, source, self.rules_for()) if cache is not None and source else None
        seen = self.services_seen
        total = len(customers)
        tally = {"done": 0, "failed": 0, "throttled": 0}

        def check(customer: Customer, cid: str, cancel: threading.Event) -> Checked:
            try:
                health, issues = backend.health_and_issues(customer.tenant_id, cid, cancel)
            except Exception as error:
                # A stopped sweep's calls end as cancelled: nothing the cache should keep.
                if writer is not None and not cancel.is_set():
                    writer.record(HEALTH, customer.tenant_id, failure=str(error))
                raise
            if cancel.is_set():  # answered after the sweep was stopped: its owner moved on
                raise ApiError("Cancelled.", kind=CANCELLED)
            if writer is not None:
                with cpu_work():  # the JSON encoding: two such threads at once, not 32
                    writer.record(HEALTH, customer.tenant_id, items=health.items)
                    writer.record(ISSUES, customer.tenant_id, items=issues.items)
            seen.update(h.service for h in health.items)
            notices = book.observe(customer.tenant_id, issues.items) if book is not None else []
            return summarise(health.items, issues.items, time.time()), notices

        def on_batch(batch: list[Outcome[Checked]]) -> None:
            updates: dict[str, HealthSummary] = {}
            fresh: list[Notice] = []
            for outcome in batch:
                tally["done"] += 1
                if outcome.value is not None:
                    updates[outcome.customer.tenant_id] = outcome.value[0]
                    fresh.extend(outcome.value[1])
                    continue
                tally["failed"] += 1
                failure = ItemFailure.of(outcome.error or Exception())
                if failure.category is Category.THROTTLED:
                    tally["throttled"] += 1
                updates[outcome.customer.tenant_id] = HealthSummary.failed(
                    health_failure(failure.error),
                    self.describe(failure, self.tr("service health")),
                    fetched=time.time(),
                )
            self.model.set_health_many(updates)
            self.progress.emit(tally["done"], tally["failed"], total)
            if fresh:
                self.notices.emit(fresh)

        def on_end(ended: Ended) -> None:
            self._sweep = None
            self.ended = ended
            self.throttled = tally["throttled"]
            # Back off after throttling: Microsoft asked for fewer requests.
            if tally["throttled"]:
                self._interval_min = min(self._interval_min * 2, MAX_REFRESH_MIN)
            else:
                self._interval_min = self.refresh_min
            if self.refresh_min > 0:
                self._timer.start(timer_ms(self._interval_min * 60_000))
            self.finished.emit(ended.stopped)

        self._sweep = self.holder.worker.stream(
            lambda cancel, pool: committing(
                backend.sweep(customers, check, cancel=cancel, pool=pool), writer
            ),
            on_batch,
            on_end,
            owner=self,
        )

    def set_refresh(self, minutes: int) -> None:
        """Every `minutes` (0: only by hand); a pending refresh is rescheduled."""
        self.refresh_min = self._interval_min = max(0, minutes)
        if self._timer.isActive():
            self._timer.stop()
            if minutes > 0:
                self._timer.start(timer_ms(minutes * 60_000))

    def _scheduled(self) -> None:
        if self._sweep is None:
            log.info("scheduled health refresh")
            self.start()

    def cancel(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()

    def stop(self) -> None:
        """For good (the window is closing or the session changes)."""
        self._timer.stop()
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
