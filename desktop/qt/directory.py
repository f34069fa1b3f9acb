"""The customer directory: the session's customers and GDAP relationships, as Qt state.

No widgets: the list (desktop.ui.customer_list) and the window observe it. Cache first: the
last-known list of the session's source is shown while the live one is read, and the live one
is written back to the cache.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future

from PySide6.QtCore import QLocale, QObject, Signal

from desktop.domain.customers import Customer
from desktop.domain.gdap import GdapRelationship
from desktop.qt.collation import NameRanks, ranks_made
from desktop.qt.models.customers import rank_names
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Superseded
from desktop.services.session import Session

log = logging.getLogger(__name__)

CachedRead = Future[tuple[list[Customer], "float | None"]]
# The cached list's names ranked on the worker once read (desktop.gui), None if not.
CachedRanks = Future["NameRanks | None"]


class CustomerDirectory(QObject):
    """Signals:
    customers_changed(list, object): the customers are others (cached, live, or none after a
        switch); the second is their names' `NameRanks`, made on the worker (None: not made).
    cached_shown(int, object): the cached list is in: its size, and when it was fetched.
    loaded(int): the live list arrived (its size), or could not be read (-1).
    failed(object, object): why the live list could not be read, and when the cached list
        shown instead was fetched (None: none shown).
    gdap_changed(): the relationships arrived, or went with the session.
    gdap_failed(object): why the relationships could not be read.
    """

    customers_changed = Signal(list, object)
    cached_shown = Signal(int, object)
    loaded = Signal(int)
    failed = Signal(object, object)
    gdap_changed = Signal()
    gdap_failed = Signal(object)

    def __init__(self, holder: SessionHolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.customers: list[Customer] = []
        self.ranks: NameRanks | None = None  # of the customers' names, if made on the worker
        self.gdap: dict[str, GdapRelationship] | None = None  # by tenant id; None: not read
        self.list_failed = False  # the last read of the live list failed (F5 retries it)
        self.fetched_at: float | None = None  # when the cached list shown was fetched
        self._cached_read: tuple[str, CachedRead, CachedRanks | None] | None = None
        self._preset: list[Customer] | None = None  # the cached list set before the first load
        self._lane = holder.worker.lane()  # one list read at a time; a switch supersedes it
        self._gdap_lane = holder.worker.lane()
        holder.changed.connect(self._session_changed)

    def preset(self, source: str, read: CachedRead, ranks: CachedRanks | None = None) -> None:
        """The cached list of `source`, being read since start-up began, and its names being
        ranked on the worker once it is read (desktop.gui).

        Already read, it is taken at once (the window's first paint has its rows). Otherwise
        the first `load` of that source waits for this read instead of starting another.
        """
        if source != self.holder.session.source:
            return  # read for another source than this session's: of no use
        self._cached_read = (source, read, ranks)
        if not read.done() or read.cancelled() or read.exception():
            return
        customers, _fetched = read.result()
        if customers and not self.customers:
            self._preset = customers
            self._set(customers, ranks_made(ranks))

    async def load(self, after_cached: Callable[[bool], Awaitable[None]] | None = None) -> int:
        """The cached list first (if none is shown), then the live one, which is cached.

        `after_cached(shown)` runs once the cache was read (`shown`: a list came from it),
        before the live read starts (the window shows the cached health then). Returns the
        live list's size, -1 if it failed or a newer load or a switch superseded it.
        """
        session = self.holder.session
        cached_at: float | None = None
        if self._preset is not None or not self.customers:
            shown, cached_at = await self._load_cached(session)
            if after_cached is not None:
                await after_cached(shown)
        backend = session.backend
        locale = QLocale()  # the app's language: the worker's ranks are the GUI's order

        def read(cancel: threading.Event) -> tuple[list[Customer], NameRanks]:
            customers: list[Customer] = []
            for page, _total in backend.customer_pages(cancel=cancel):
                customers.extend(page.items)
            return customers, rank_names(customers, locale)

        try:
            customers, ranks = await self._lane.run(read)
        except Superseded:
            return -1
        except Exception as error:
            self.list_failed = True
            self.failed.emit(error, cached_at)
            self.loaded.emit(-1)
            return -1
        self.list_failed = False
        self._set(customers, ranks)
        if session.writes_cache:
            self.holder.worker.spawn(self._keep(session, customers))
        self.loaded.emit(len(customers))
        if backend.cloud.gdap and not session.offline:
            self.holder.worker.spawn(self.load_gdap())
        return len(customers)

    async def load_gdap(self) -> None:
        """The partner's best GDAP relationship per customer (one paged call, global only)."""
        backend = self.holder.session.backend
        try:
            relationships = await self._gdap_lane.run(lambda _cancel: backend.gdap_relationships())
        except Superseded:
            return
        except Exception as error:
            self.gdap_failed.emit(error)
            return
        self.gdap = {k.lower(): v for k, v in relationships.items()}
        self.gdap_changed.emit()

    def record_of(self, tenant_id: str) -> Customer | None:
        return next((c for c in self.customers if c.tenant_id == tenant_id), None)

    def _set(self, customers: list[Customer], ranks: NameRanks | None = None) -> None:
        self.customers = customers
        self.ranks = ranks
        self.customers_changed.emit(customers, ranks)

    async def _load_cached(self, session: Session) -> tuple[bool, float | None]:
        """The cached list of the session's source, if any: whether one was taken, and when it
        was fetched."""
        cache, source = session.cache, session.source
        if cache is None or not source:
            return False, None
        started, self._cached_read = self._cached_read, None
        locale = QLocale()  # the app's language: the worker's ranks are the GUI's order

        def read() -> tuple[list[Customer], float | None, NameRanks]:
            customers, fetched = cache.customers(source)
            return customers, fetched, rank_names(customers, locale)

        ranks: NameRanks | None = None
        try:
            if started is not None and started[0] == source:
                customers, fetched = await asyncio.wrap_future(started[1])
                ranking = started[2]
                if ranking is not None:
                    await asyncio.wait([asyncio.wrap_future(ranking)])
                    ranks = ranks_made(ranking)  # None: the list ranks its names itself
            else:
                customers, fetched, ranks = await self.holder.worker.run(read)
        except Exception as error:
            log.warning("cached customers unreadable: %s", error)
            return False, None
        preset, self._preset = self._preset, None
        if customers is not preset:
            if not customers or self.customers:
                return False, None
            self._set(customers, ranks)
        self.fetched_at = fetched
        self.cached_shown.emit(len(customers), fetched)
        return True, fetched

    async def _keep(self, session: Session, customers: list[Customer]) -> None:
        assert session.cache is not None
        await self.holder.worker.run(
            session.cache.put_customers, session.source, customers, time.time()
        )

    def _session_changed(self, _session: Session) -> None:
        """Everything listed so far belonged to the old session."""
        self._lane.cancel()
        self._gdap_lane.cancel()
        self._preset = None
        self.list_failed = False
        self.fetched_at = None
        self._set([])
        if self.gdap is not None:
            self.gdap = None
            self.gdap_changed.emit()
