"""The health board: what the last sweep learned of every customer's health, for every view.

The main list's Health column and the dashboard both observe it; neither sweeps by itself.
- At start the last-known health comes from the cache (with its age), so the list is useful
  before the first answer arrives.
- A sweep (`desktop.services.health_sweep`, the one the CLI export runs too) checks every
  customer, writes what it learns to the cache from the worker threads and turns new or changed
  issues into notices. Outcomes arrive here in batches; each batch is one `changed` signal.
- A timer repeats the sweep (default every 10 minutes); after a throttled sweep the interval
  doubles, up to an hour, and returns to normal after a clean one.
- A sweep of everyone that was stopped (or broke off) keeps what it learned and can be
  resumed: `resume` checks only the customers it had not reached, and its progress goes on from
  where it stopped. Once a sweep of everyone is complete, the next one is a full one again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.customer_health import Failure, HealthSummary
from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.sent_once import Latest
from desktop.qt.failures import health_failure
from desktop.qt.models.grid_rows import GridRow, SweptHealth, SweptRows, grid_row
from desktop.qt.numbers import timer_ms
from desktop.qt.session import SessionHolder
from desktop.qt.sweeps import producer
from desktop.qt.worker import Ended, Stream
from desktop.services.backend import Category, ItemFailure, Outcome, Recipe
from desktop.services.engine import SweepJob
from desktop.services.health_sweep import cached_summaries, sweep_health
from desktop.services.notices import Notice, NoticeBook, NoticeRules

log = logging.getLogger(__name__)

DEFAULT_REFRESH_MIN = 10
MAX_REFRESH_MIN = 60


class Known:
    """What a board's entries share: the newest copy of each active issue, and each service's
    name. An entry keeps ids; a Microsoft incident held by 5,000 customers is one copy here."""

    def __init__(self) -> None:
        self.issues: Latest[HealthIssue] = Latest()
        self.services: dict[str, str] = {}  # service id -> name

    def clear(self) -> None:
        self.issues.clear()
        self.services.clear()


@dataclass(frozen=True, slots=True)
class TenantHealth:
    """What the last sweep learned of one customer. `health` is None when it failed (then
    `summary.error` says why in words)."""

    customer: Customer
    summary: HealthSummary
    row: GridRow  # the dashboard grid's row, made on the sweep's thread
    issue_ids: tuple[str, ...]  # its active issues
    known: Known

    @property
    def error(self) -> str:
        return self.summary.error

    @property
    def health(self) -> list[ServiceHealth] | None:
        """Its services' health, from its grid row (what the sweep read, in that order)."""
        if self.row.failure is not None or self.row.error:
            return None
        names = self.known.services
        return [
            ServiceHealth(sid, names.get(sid, sid), status)
            for sid, status in self.row.statuses.items()
        ]

    @property
    def active(self) -> list[HealthIssue]:
        """Its active issues (the newest copy of each the board holds)."""
        return self.known.issues.of(self.issue_ids)


# A customer's check as it arrives: desktop.qt.models.grid_rows.SweptRows makes it.
Swept = SweptHealth


def new_tally(total: int = 0) -> dict[str, int]:
    """A sweep's counts: `failed` are the checks that failed; `no_access`, the customers
    without a GDAP role or consent for it (`STATES`), which no retry changes."""
    return {"done": 0, "failed": 0, "total": total, "throttled": 0, "no_access": 0}


def plain_words(failure: ItemFailure, what: str) -> str:
    """A failure as the log would say it; the window puts it in its own words instead
    (`HealthBoard.describe`: desktop.ui.errors)."""
    return str(failure.error)


class HealthBoard(QObject):
    """Signals:
    changed(dict): tenant -> HealthSummary of one batch (live answers, or the cached ones);
        the live ones' details are `entry(tenant)`.
    started(bool): a sweep began; True when it checks every customer (not a few), also when
        it resumes a stopped check of everyone.
    progress(done, failed, total); finished(bool stopped: cancelled or failed; `ended` says
    which); notices(list[Notice]).
    restarted(int): the sweep engine's process died mid-sweep and was started again; the sweep
        goes on with this many customers (once per sweep).

    `describe(failure, what)`: a customer's failure in words, given by the UI (the one
    presenter, desktop.ui.errors); the cell's word is its category's."""

    changed = Signal(dict)
    started = Signal(bool)
    progress = Signal(int, int, int)
    finished = Signal(bool)
    notices = Signal(list)
    restarted = Signal(int)

    def __init__(
        self,
        holder: SessionHolder,
        customers: Callable[[], list[Customer]],
        refresh_min: int = DEFAULT_REFRESH_MIN,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.holder = holder
        self._customers = customers
        self._sweep: Stream[Outcome[Swept]] | None = None
        self._summaries: dict[str, HealthSummary] = {}  # cached or live
        self._live: dict[str, TenantHealth] = {}
        self._known = Known()
        self.describe: Callable[[ItemFailure, str], str] = plain_words
        self.ended: Ended | None = None  # how the last sweep ended
        self.tally = new_tally()
        self.started_at: float | None = None  # time.monotonic() of the last sweep's start
        # The last sweep was asked for (a click, a key), not started by the schedule or at
        # start-up: what a screen reader is told of (a refresh every 10 minutes is not).
        self.asked = False
        # The last sweep of everyone: its customers, those it (or a check since) answered, its
        # tally, and whether it ran to its end. What a Resume needs.
        self._whole: list[Customer] = []
        self._whole_checked: set[str] = set()
        self._whole_tally = self.tally
        self._whole_complete = True
        self.ended_at: float | None = None
        self.refresh_min = refresh_min
        self._interval_min = refresh_min
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._scheduled)
        # Which notices to give (the settings); every service name seen, for choosing them.
        self.rules_for: Callable[[], NoticeRules] = NoticeRules
        self.services_seen: set[str] = set()

    # -- reading -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._sweep is not None

    @property
    def swept(self) -> bool:
        """A sweep has answered for some customer (cached figures alone do not count)."""
        return bool(self._live)

    @property
    def without_access(self) -> int:
        """Customers of the current (or last) check without a GDAP role or consent for it."""
        return self.tally["no_access"]

    @property
    def throttled(self) -> int:
        return self.tally["throttled"]

    @property
    def next_interval_min(self) -> int:
        return self._interval_min

    def unchecked(self) -> list[Customer]:
        """The customers a stopped sweep of everyone had not reached (none after a complete
        one)."""
        if self._whole_complete:
            return []
        return [c for c in self._whole if c.tenant_id not in self._whole_checked]

    @property
    def resumable(self) -> bool:
        """A sweep of everyone stopped before its end, and nothing is running now."""
        return self._sweep is None and bool(self.unchecked())

    @property
    def whole_progress(self) -> tuple[int, int]:
        """(done, total) of the last sweep of everyone, a resumed one included."""
        return self._whole_tally["done"], self._whole_tally["total"]

    def customers(self) -> list[Customer]:
        """The customer list a sweep checks by default."""
        return self._customers()

    def summary(self, tenant_id: str) -> HealthSummary | None:
        return self._summaries.get(tenant_id)

    def summaries(self) -> dict[str, HealthSummary]:
        return dict(self._summaries)

    @property
    def service_names(self) -> Mapping[str, str]:
        """Service id -> name, of every service the live answers hold."""
        return self._known.services

    def entry(self, tenant_id: str) -> TenantHealth | None:
        return self._live.get(tenant_id)

    def entries(self, tenants: Iterable[str] | None = None) -> list[TenantHealth]:
        """The live entries (of `tenants` only, when given), in the order they arrived."""
        if tenants is None:
            return list(self._live.values())
        return [e for t in tenants if (e := self._live.get(t)) is not None]

    # -- filling -------------------------------------------------------------------------------

    async def show_cached(self) -> int:
        """Last-known health from the cache; how many tenants had some."""
        cache, source = self.holder.session.cache, self.holder.session.source
        if cache is None or not source:
            return 0
        try:
            summaries = await self.holder.worker.run(cached_summaries, cache, source)
        except Exception as error:  # a cache problem never stops the live path
            log.warning("cached health unreadable: %s", error)
            return 0
        # Only where no live answer arrived meanwhile.
        fresh = {t: s for t, s in summaries.items() if t not in self._summaries}
        self._summaries.update(fresh)
        if fresh:
            self.changed.emit(fresh)
        return len(fresh)

    def clear(self) -> None:
        """Forget everything (another session): stops the sweep too."""
        self.stop()
        self._summaries.clear()
        self._live.clear()
        self._known.clear()
        self.ended = self.started_at = self.ended_at = None
        self.tally = self._whole_tally = new_tally()
        self._whole, self._whole_checked, self._whole_complete = [], set(), True

    def resume(self) -> bool:
        """Go on with a stopped sweep of everyone: only the customers it had not reached, its
        counts going on from where they stopped. False when there is nothing to resume."""
        if not self.resumable:
            return False
        self.start(self.unchecked(), resuming=True)
        return True

    def start(
        self, customers: list[Customer] | None = None, resuming: bool = False, asked: bool = True
    ) -> None:
        """Check `customers` (default: all); a sweep under way is superseded. `resuming`:
        they are what a stopped sweep of everyone had left (`resume`). `asked`: the user asked
        for it (not the schedule, not start-up)."""
        if self._sweep is not None:
            # Superseded: the new sweep reports from now on. A cancel would still deliver the
            # old one's end, which then took the new sweep for finished.
            self._sweep.stop()
            self._sweep = None
        everyone = self._customers()
        customers = everyone if customers is None else customers
        if not customers:
            return
        session = self.holder.session
        backend, cache, source = session.backend, session.cache, session.source
        writer = (
            cache.writer(source) if cache is not None and source and not session.offline else None
        )
        book = NoticeBook(cache, source, self.rules_for()) if cache is not None and source else None
        seen = self.services_seen
        whole = resuming or len(customers) >= len(everyone)
        now = time.monotonic()
        if resuming:
            # The same count and clock go on: the progress and its time left do not restart.
            tally = self.tally = self._whole_tally
            if self.started_at is not None and self.ended_at is not None:
                now -= self.ended_at - self.started_at
        else:
            tally = self.tally = new_tally(len(customers))
        if whole and not resuming:
            self._whole, self._whole_checked, self._whole_tally = list(customers), set(), tally
        if whole:
            self._whole_complete = False
        members = {c.tenant_id for c in self._whole} if not whole else set()
        self.started_at, self.ended_at = now, None
        self.asked = asked

        def on_batch(batch: list[Outcome[Swept]]) -> None:
            updates: dict[str, HealthSummary] = {}
            fresh: list[Notice] = []
            known = self._known
            for outcome in batch:
                tally["done"] += 1
                customer = outcome.customer
                missed = ""  # the tally key a customer without an answer counts under
                if outcome.value is not None:
                    swept = outcome.value
                    known.issues.add(swept.issues)
                    for service_id, name in swept.services:
                        known.services.setdefault(service_id, name)
                        seen.add(name)
                    row = swept.row
                    row.customer = customer  # the list's own (the engine's copy is dropped)
                    entry = TenantHealth(customer, swept.summary, row, swept.issue_ids, known)
                    fresh.extend(swept.notices)
                else:
                    failure = ItemFailure.of(outcome.error or Exception())
                    why = health_failure(failure.error)
                    # No GDAP role or no consent is where the partner stands with this
                    # customer, not a failed check: counted apart, so "failed" means only
                    # what a retry or a fix could change (issue 18, as `export` exits).
                    missed = (
                        "no_access"
                        if why in (Failure.NO_ACCESS, Failure.NOT_CONSENTED)
                        else "failed"
                    )
                    tally[missed] += 1
                    if failure.category is Category.THROTTLED:
                        tally["throttled"] += 1
                    summary = HealthSummary.failed(
                        why,
                        self.describe(failure, self.tr("service health")),
                        fetched=time.time(),
                    )
                    row = grid_row(customer, None, 0, summary.error, summary.failure)
                    entry = TenantHealth(customer, summary, row, (), known)
                self._live[customer.tenant_id] = entry
                updates[customer.tenant_id] = entry.summary
                self._note_checked(customer.tenant_id, missed, whole, members)
            self._summaries.update(updates)
            self.changed.emit(updates)
            self.progress.emit(tally["done"], tally["failed"], tally["total"])
            if fresh:
                self.notices.emit(fresh)

        def on_end(ended: Ended) -> None:
            self._sweep = None
            self.ended = ended
            self.ended_at = time.monotonic()
            if whole:
                self._whole_complete = not ended.stopped
            # Back off after throttling: Microsoft asked for fewer requests.
            if tally["throttled"]:
                self._interval_min = min(self._interval_min * 2, MAX_REFRESH_MIN)
            else:
                self._interval_min = self.refresh_min
            if self.refresh_min > 0:
                self._timer.start(timer_ms(self._interval_min * 60_000))
            self.finished.emit(ended.stopped)

        engine = None if session.offline else self.holder.worker.engine
        then = SweptRows()  # one per sweep: each issue and service name delivered once
        rules = self.rules_for() if book is not None else None

        def job(recipe: Recipe, some: list[Customer]) -> SweepJob[Swept]:
            # In the engine's process: its own backend, cache writes and notices (issue 19).
            path = cache.path if writer is not None and cache is not None else None
            return SweepJob(recipe, some, then, cache=path, source=source, rules=rules)

        def on_threads(
            some: list[Customer], cancel: threading.Event, pool: Executor
        ) -> Iterator[Outcome[Swept]]:
            return sweep_health(
                backend, some, then, writer=writer, book=book, cancel=cancel, pool=pool
            )

        # The engine's restart is said from the stream's thread: the signal queues it.
        produce = producer(engine, backend, customers, job, on_threads, self.restarted.emit)
        self._sweep = self.holder.worker.stream(produce, on_batch, on_end, owner=self)
        self.started.emit(whole)

    def _note_checked(self, tenant: str, missed: str, whole: bool, members: set[str]) -> None:
        """A customer of the last sweep of everyone was checked: a Resume skips it. Checked
        by a few customers' check meanwhile, it counts in that sweep's progress too."""
        if tenant in self._whole_checked:
            return
        if not whole:
            if tenant not in members or self._whole_complete:
                return
            self._whole_tally["done"] += 1
            if missed:  # "failed" or "no_access", as the sweep counted it
                self._whole_tally[missed] += 1
        self._whole_checked.add(tenant)

    # -- the schedule --------------------------------------------------------------------------

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
            self.start(asked=False)

    def cancel(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()

    def stop(self) -> None:
        """For good (the window is closing or the session changes)."""
        self._timer.stop()
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
