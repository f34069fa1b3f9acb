"""Planned changes across customers: every customer's message center, read by one sweep.

The same machinery as the health sweep (`Backend.sweep` for bounded concurrency, Retry-After
and cancel; `Worker.stream` for batches on the GUI thread; `committing` for the cache), so one
object fills the dashboard's "Planned changes" and gives the major-change notices:

- at start the last-known posts come from the cache (`show_cached`), with when they were read;
- `start` reads every customer's message center again, writing what it learns to the cache;
- `after_health` starts one when the last is older than `REFRESH_H` hours: posts change daily
  at most, so the scheduled health sweep (every few minutes) is followed by this one rarely;
- when a sweep ends, major changes due within the user's days give one notice each, naming
  the customers they concern (`NoticeBook.observe_messages`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from datetime import datetime, timezone

from PySide6.QtCore import QObject, Signal

from desktop.domain.customers import Customer
from desktop.domain.service_messages import (
    MessageIndex,
    PlannedChange,
    ServiceMessage,
    TenantMessages,
)
from desktop.qt.session import SessionHolder
from desktop.qt.sweeps import producer
from desktop.qt.worker import Ended, Stream
from desktop.services.backend import Backend, ItemFailure, Outcome, Recipe
from desktop.services.engine import MESSAGES_JOB, SweepJob
from desktop.services.message_read import sweep_messages
from desktop.services.notices import NoticeBook, NoticeRules
from desktop.store.cache import Cache, CacheEntry

log = logging.getLogger(__name__)

# How old the last read may be before the health sweep's end starts another.
REFRESH_H = 6


def cached_messages(cache: Cache, source: str) -> dict[str, CacheEntry[ServiceMessage]]:
    """Every tenant's last message center read (blocks on disk: worker thread)."""
    return cache.messages(source)


class PlannedChanges(QObject):
    """Signals: progress(done, failed, total); changed() (new answers: read `changes()`);
    finished(bool stopped: cancelled or failed; `ended` says which); notices(list[Notice])."""

    progress = Signal(int, int, int)
    changed = Signal()
    finished = Signal(bool)
    notices = Signal(list)

    def __init__(
        self,
        holder: SessionHolder,
        customers: Callable[[], list[Customer]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.holder = holder
        self._customers = customers
        self._sweep: Stream[Outcome[TenantMessages]] | None = None
        self.ended: Ended | None = None  # how the last sweep ended
        self.index = MessageIndex()
        # Why each customer's last read failed (its earlier posts stay in `index`), for the UI
        # to put in words (desktop.ui.errors).
        self.failures: dict[str, ItemFailure] = {}
        self.read_at: float | None = None  # when the last sweep (or the cache's) read them
        self.tally = {"done": 0, "failed": 0, "total": 0}
        self._cache_read = False
        # The settings, read when a sweep ends: which customers and services notices may name,
        # and how close a major change's action date must be (0: no notices).
        self.rules_for: Callable[[], NoticeRules] = NoticeRules
        self.days_for: Callable[[], int] = lambda: 0

    @property
    def running(self) -> bool:
        return self._sweep is not None

    def changes(self) -> list[PlannedChange]:
        """Each message once with the customers it concerns, action dates first."""
        return self.index.changes()

    async def show_cached(self) -> int:
        """Last-known posts from the cache (once per session); how many customers had some.
        Not at start-up: the first paint and the health column come first."""
        cache, source = self.holder.session.cache, self.holder.session.source
        if cache is None or not source or self._cache_read:
            return 0
        self._cache_read = True
        try:
            entries = await self.holder.worker.run(cached_messages, cache, source)
        except Exception as error:  # a cache problem never stops the live path
            log.warning("cached planned changes unreadable: %s", error)
            return 0
        shown = 0
        for tenant_id, entry in entries.items():
            if entry.items is not None and tenant_id not in self.index:
                self.index.update(tenant_id, entry.items)
                shown += 1
            if entry.fetched is not None:
                self.read_at = max(self.read_at or 0.0, entry.fetched)
        if shown:
            self.changed.emit()
        return shown

    def after_health(self, stopped: bool) -> None:
        """The health sweep ended: read the message centers too when the last read is old."""
        if not stopped:
            self.holder.worker.spawn(self._refresh_if_stale())

    async def _refresh_if_stale(self) -> None:
        await self.show_cached()
        stale = self.read_at is None or time.time() - self.read_at > REFRESH_H * 3600
        if stale and not self.running and not self.holder.session.offline:
            self.start()

    def reset(self) -> None:
        """Another session: nothing read so far belongs to it."""
        self.stop()
        self.index = MessageIndex()
        self.failures = {}
        self.read_at = None
        self._cache_read = False
        self.changed.emit()

    def start(self, customers: list[Customer] | None = None) -> None:
        if self._sweep is not None:
            self._sweep.stop()  # superseded: the new sweep reports from now on
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
        tally = self.tally = {"done": 0, "failed": 0, "total": len(customers)}

        def on_batch(batch: list[Outcome[TenantMessages]]) -> None:
            for outcome in batch:
                tally["done"] += 1
                tenant = outcome.customer.tenant_id
                if outcome.value is not None:
                    self.index.update(tenant, outcome.value.messages, ids=outcome.value.ids)
                    self.failures.pop(tenant, None)
                    continue
                tally["failed"] += 1
                self.failures[tenant] = ItemFailure.of(outcome.error or Exception())
            self.progress.emit(tally["done"], tally["failed"], tally["total"])
            self.changed.emit()

        def on_end(ended: Ended) -> None:
            self._sweep = None
            self.ended = ended
            if not ended.stopped:
                self.read_at = time.time()
                self.holder.worker.spawn(self._notify())
            self.finished.emit(ended.stopped)

        engine = None if self.holder.session.offline else self.holder.worker.engine

        def job(recipe: Recipe, some: list[Customer]) -> SweepJob[TenantMessages]:
            path = cache.path if writer is not None and cache is not None else None
            return SweepJob(recipe, some, cache=path, source=source, kind=MESSAGES_JOB)

        def on_threads(
            some: list[Customer], cancel: threading.Event, pool: Executor
        ) -> Iterator[Outcome[TenantMessages]]:
            return sweep_messages(backend, some, writer=writer, cancel=cancel, pool=pool)

        self._sweep = self.holder.worker.stream(
            producer(engine, backend, customers, job, on_threads), on_batch, on_end, owner=self
        )

    async def _notify(self) -> None:
        cache, source, days = self.holder.session.cache, self.holder.session.source, self.days_for()
        if cache is None or not source or days <= 0:
            return
        book = NoticeBook(cache, source, self.rules_for())
        now = datetime.now(timezone.utc)
        try:
            given = await self.holder.worker.run(book.observe_messages, self.changes(), now, days)
        except Exception as error:
            log.warning("planned change notices failed: %s", error)
            return
        if given:
            self.notices.emit(given)

    def cancel(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()

    def stop(self) -> None:
        """For good (the window is closing or the session changes)."""
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
