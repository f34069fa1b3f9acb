"""Every customer's service requests in one list, and the partner's own tickets apart.

Partner Center has no list of all customers' tickets: the partner-wide list is the partner's
OWN tickets with Microsoft (API.md section 2). So the customers' list is a sweep, one call per
customer (`GET /v1/customers/{tid}/servicerequests`), with bounded concurrency, progress and
cancel like the health sweep; each customer's answer (or why it failed) is written to the cache,
and the window opens on what the cache had. A customer whose tickets cannot be read (no GDAP,
403) is listed under "Could not be read" with the reason (desktop.ui.errors), never dropped;
Enter there opens that customer. The partner's own tickets are a separate, labelled tab.
The customer comes first; a request number finds its request whatever the filters; the
selected request's details follow below each table (request_pages.py); Esc closes the window.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customers import Customer
from desktop.domain.parsing import Parsed
from desktop.domain.service_requests import ServiceRequest
from desktop.qt.models.requests import ServiceRequestModel, severity_label, status_text
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import TEXT_CHARS, elide
from desktop.qt.worker import Ended, Stream, Superseded
from desktop.services.backend import CANCELLED, ApiError, Backend, Outcome
from desktop.services.health_sweep import committing
from desktop.store.cache import REQUESTS, CacheEntry
from desktop.ui.errors import explain
from desktop.ui.widgets.progress import ProgressBar
from desktop.ui.widgets.window_keys import close_keys
from desktop.ui.widgets.window_role import announce_as_window
from desktop.ui.windows.request_pages import RequestPage, matching
from desktop.ui.windows.unread_page import Unread, UnreadPage

log = logging.getLogger(__name__)

_STATUSES = ("open", "attention_needed", "closed")
_SEVERITIES = ("critical", "moderate", "minimal")
_PARTNER = ""  # the cache's key for the partner-wide list


class OpenRequestsWindow(QWidget):
    """The customers' requests (a sweep) and the partner's own; double-click shows the customer.

    Signals:
        show_customer(str): the tenant id of the request the user opened.
        swept(bool): a sweep ended (True when it was cancelled).
    """

    show_customer = Signal(str)
    swept = Signal(bool)

    def __init__(
        self,
        holder: SessionHolder,
        customers: Callable[[], list[Customer]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        announce_as_window(self)
        self.holder = holder
        # The partner's own tickets: one read at a time; a switch of session supersedes it.
        self._own_lane = holder.worker.lane()
        holder.changed.connect(lambda _session: self._own_lane.cancel())
        self._customers = customers
        self._sweep: Stream[Outcome[list[ServiceRequest]]] | None = None
        self._by_tenant: dict[str, list[ServiceRequest]] = {}
        self._owner: dict[str, str] = {}  # request id -> the customer it was read under
        self._failed: dict[str, Unread] = {}  # by tenant id
        self.setWindowTitle(self.tr("Service requests — all customers"))
        self.model = ServiceRequestModel(self)
        self.own_model = ServiceRequestModel(self)
        self.status = QComboBox()
        self.status.addItem(self.tr("Open or needing attention"), "active")
        for value in _STATUSES:
            self.status.addItem(status_text(value), value)
        self.status.addItem(self.tr("Any status"), "")
        self.severity = QComboBox()
        self.severity.addItem(self.tr("Any severity"), "")
        for value in _SEVERITIES:
            self.severity.addItem(severity_label(value), value)
        self.count = QLabel()
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.clicked.connect(
            lambda: self.holder.worker.spawn(self.load(cached=False))
        )
        # A request number (what a customer quotes on the phone), or words of a title or a
        # customer's name.
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Request number, title or customer"))
        # Room for a request number and most of its hint, while the window still fits a
        # 1024-pixel screen in German (tests/ui/test_accessibility.py).
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 26)
        self.search.setAccessibleName(self.tr("Find a request"))
        self.search.textChanged.connect(self._filter)
        bar = QHBoxLayout()
        find = QLabel(self.tr("&Find:"))
        find.setBuddy(self.search)
        bar.addWidget(find)
        bar.addWidget(self.search, 1)
        for label, combo in (
            (self.tr("&Status:"), self.status),
            (self.tr("S&everity:"), self.severity),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addWidget(caption)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._filter)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.reload_button)
        sweep_bar = QHBoxLayout()
        self.progress = ProgressBar()
        self.progress.setAccessibleName(self.tr("Customers read"))
        self.progress.setFormat(self.tr("%v of %m customers"))
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("S&top"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        sweep_bar.addWidget(self.progress, 1)
        sweep_bar.addWidget(self.progress_label)
        sweep_bar.addWidget(self.cancel_button)
        self.page = RequestPage(
            self.model,
            self.tr("Service requests of all customers"),
            self.tr(
                "The customer first. The selected request's details follow; Enter opens its "
                "customer in the main window."
            ),
            self.tr("The selected request"),
            with_customer=True,
        )
        self.view, self.detail = self.page.view, self.page.detail
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.own_page = RequestPage(
            self.own_model,
            self.tr("Your partner tickets with Microsoft"),
            self.tr(
                "Tickets your organisation filed with Microsoft about its own business. The "
                "selected ticket's details follow; Enter moves to them."
            ),
            self.tr("The selected partner ticket"),
            with_customer=False,
        )
        self.own_view, self.own_detail = self.own_page.view, self.own_page.detail
        # No customer to open: Enter (or a double-click) opens the ticket where it is read.
        self.own_view.activated.connect(lambda _index: self.own_detail.setFocus())
        self.own_view.doubleClicked.connect(lambda _index: self.own_detail.setFocus())
        self.own_note = QLabel(
            self.tr(
                "Your own tickets with Microsoft (Partner Center's partner list), not a "
                "customer's. Customers' requests are in the first tab."
            )
        )
        self.own_note.setWordWrap(True)
        own_page = QWidget()
        own_layout = QVBoxLayout(own_page)
        own_layout.addWidget(self.own_note)
        own_layout.addWidget(self.own_page)
        self.unread = UnreadPage()
        self.unread.open_customer.connect(self.show_customer)
        self.failures, self.failure_detail = self.unread.failures, self.unread.detail
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(
            self.tr("Customers' requests, your own, and whose could not be read")
        )
        # Alt+letter on a tab: distinct from the window's other letters in every language
        # (tests/ui/test_open_requests.py checks them).
        self.tabs.addTab(self.page, self.tr("&Customers' requests"))
        self.tabs.addTab(own_page, self.tr("Your &partner tickets with Microsoft"))
        self.tabs.addTab(self.unread, "")
        for keys, step in (
            (QKeySequence.StandardKey.NextChild, 1),  # Ctrl+Tab
            (QKeySequence.StandardKey.PreviousChild, -1),
            (QKeySequence("Ctrl+PgDown"), 1),
            (QKeySequence("Ctrl+PgUp"), -1),
        ):
            QShortcut(keys, self, lambda step=step: self._step_tab(step))
        # Esc closes it, as it closes a dialog, and so does Ctrl+W; a sweep under way goes on
        # (Stop stops it). In the search box with text typed, Esc clears the search first, as
        # search boxes do.
        close_keys(self, self._escape)
        self._update_failures()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(sweep_bar)
        layout.addWidget(self.tabs)
        self.resize(1000, 600)
        self._filter()

    @property
    def running(self) -> bool:
        return self._sweep is not None

    # -- loading ---------------------------------------------------------------------------

    async def load(self, cached: bool = True) -> None:
        """What the cache had (first time), then a fresh sweep and the partner's own list."""
        if cached and not self._by_tenant:
            await self._show_cached()
        if self._sweep is None:
            self.start_sweep()
        await self._load_own()

    async def _show_cached(self) -> None:
        cache, source = self.holder.session.cache, self.holder.session.source
        if cache is None or not source:
            return
        try:
            entries: dict[str, CacheEntry[ServiceRequest]] = await self.holder.worker.run(
                cache.entries, source, REQUESTS
            )
        except Exception as error:  # a cache problem never stops the live path
            log.warning("cached requests unreadable: %s", error)
            return
        own = entries.pop(_PARTNER, None)
        if own is not None and own.items is not None and not self.own_model.all_records():
            self.own_model.set_rows(own.items)
        names = {c.tenant_id: c.company_name for c in self._customers()}
        for tenant, entry in entries.items():
            if tenant not in names or tenant in self._by_tenant:
                continue
            if entry.failing:
                # Only the error's text is cached: said as it was, marked as the last run's.
                self._failed[tenant] = Unread(
                    elide(names[tenant]),
                    self.tr("Not read last time"),
                    elide(entry.failure or "", TEXT_CHARS),
                )
            elif entry.items is not None:
                self._take(tenant, entry.items)
        self._refresh()

    async def _load_own(self) -> None:
        session = self.holder.session
        try:
            parsed: Parsed[ServiceRequest] = await self._own_lane.run(
                lambda _cancel: session.backend.requests(None)
            )
        except Superseded:
            return  # the session changed meanwhile
        except Exception as error:
            explained = explain(error, self.tr("your partner tickets"))
            self.own_note.setText(self.tr("{0}: {1}").format(explained.title, explained.detail))
            return
        self.own_model.set_rows(parsed.items)
        cache = session.cache
        if cache is not None and session.writes_cache:
            errors = [str(e) for e in parsed.errors]

            def keep() -> None:
                with cache.writer(session.source) as writer:
                    writer.record(REQUESTS, None, items=parsed.items, item_errors=errors)

            try:
                await self.holder.worker.run(keep)
            except Exception as error:
                log.warning("partner tickets not cached: %s", error)

    def start_sweep(self) -> None:
        """One call per customer, bounded concurrency; answers are cached as they come."""
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
        customers = self._customers()
        backend: Backend = self.holder.session.backend
        cache, source = self.holder.session.cache, self.holder.session.source
        writer = (
            cache.writer(source)
            if cache is not None and source and not self.holder.session.offline
            else None
        )
        total = len(customers)
        tally = {"done": 0, "failed": 0}
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.cancel_button.show()
        self.reload_button.setEnabled(False)
        self._show_progress(0, 0, total)

        def read(customer: Customer, cid: str, cancel: threading.Event) -> list[ServiceRequest]:
            try:
                parsed = backend.requests(customer.tenant_id, cid)
            except Exception as error:
                if writer is not None and not cancel.is_set():
                    writer.record(REQUESTS, customer.tenant_id, failure=str(error))
                raise
            if cancel.is_set():
                raise ApiError("Cancelled.", kind=CANCELLED)
            if writer is not None:
                errors = [str(e) for e in parsed.errors]
                writer.record(REQUESTS, customer.tenant_id, items=parsed.items, item_errors=errors)
            return parsed.items

        def on_batch(batch: list[Outcome[list[ServiceRequest]]]) -> None:
            for outcome in batch:
                tally["done"] += 1
                tenant = outcome.customer.tenant_id
                if outcome.error is None:
                    self._failed.pop(tenant, None)
                    self._take(tenant, outcome.value or [])
                    continue
                tally["failed"] += 1
                explained = explain(outcome.error, self.tr("service requests"))
                self._failed[tenant] = Unread(
                    elide(outcome.customer.company_name),
                    explained.title,
                    elide(explained.detail, TEXT_CHARS),
                )
                self._by_tenant.pop(tenant, None)
            self._refresh()
            self._show_progress(tally["done"], tally["failed"], total)

        def on_end(ended: Ended) -> None:
            self._sweep = None
            self.cancel_button.hide()
            self.reload_button.setEnabled(True)
            self._show_progress(
                tally["done"], tally["failed"], total, stopped=ended.stopped, broke=ended.failed
            )
            self.swept.emit(ended.stopped)

        self._sweep = self.holder.worker.stream(
            lambda cancel, pool: committing(
                backend.sweep(customers, read, cancel=cancel, pool=pool), writer
            ),
            on_batch,
            on_end,
            owner=self,
        )

    def cancel(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()

    def stop(self) -> None:
        """For good (the session changes or the app quits): nothing more is delivered."""
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
        self._by_tenant.clear()
        self._owner.clear()
        self._failed.clear()
        self.model.set_rows([])
        self.own_model.set_rows([])
        self._update_failures()
        self.cancel_button.hide()
        self.reload_button.setEnabled(True)
        self.hide()

    # -- showing -----------------------------------------------------------------------------

    def _take(self, tenant: str, items: list[ServiceRequest]) -> None:
        self._by_tenant[tenant] = items
        for request in items:
            self._owner[request.id] = tenant

    def _refresh(self) -> None:
        self.model.set_rows([r for items in self._by_tenant.values() for r in items])
        self._update_failures()
        self._filter()

    def _update_failures(self) -> None:
        self.unread.show_failed(self._failed)
        self.tabs.setTabText(
            2,
            self.tr("Could &not be read (%n)", "", len(self._failed))
            if self._failed
            else self.tr("Could &not be read"),
        )

    def _escape(self) -> None:
        if self.search.hasFocus() and self.search.text():
            self.search.clear()
            return
        self.close()

    def _step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _show_progress(
        self, done: int, failed: int, total: int, stopped: bool = False, broke: bool = False
    ) -> None:
        """`broke`: it stopped on a failure, not a cancel."""
        self.progress.setValue(done)
        locale = QLocale()
        if broke:
            text = self.tr("Failed after %1 of %2 customers")
        elif stopped:
            text = self.tr("Stopped after %1 of %2 customers")
        elif done >= total:
            text = self.tr("%1 of %2 customers read")
        else:
            text = self.tr("Reading %1 of %2 customers…")
        text = text.replace("%1", locale.toString(done)).replace("%2", locale.toString(total))
        if failed:
            text += " " + self.tr("(%n could not be read)", "", failed)
        self.progress_label.setText(text)

    def _filter(self) -> None:
        status = self.status.currentData()
        severity = self.severity.currentData()
        accept = matching(self.search.text(), status, severity)
        self.model.set_predicate(accept)
        self.own_model.set_predicate(accept)
        self.count.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", QLocale().toString(self.model.rowCount()))
            .replace("%2", QLocale().toString(len(self.model.all_records())))
        )

    def _open(self) -> None:
        request = self.page.current()
        if request is None:
            return
        tenant = self._owner.get(request.id) or request.organization_id
        if tenant:
            self.show_customer.emit(tenant)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.ignore()  # kept for the next time; the main window owns it
