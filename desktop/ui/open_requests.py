"""Every customer's service requests in one list, and the partner's own tickets apart.

Partner Center has no list of all customers' tickets: the partner-wide list is the partner's
OWN tickets with Microsoft (API.md section 2). So the customers' list is a sweep, one call per
customer (`GET /v1/customers/{tid}/servicerequests`), with bounded concurrency, progress and
cancel like the health sweep; each customer's answer (or why it failed) is written to the cache,
and the window opens on what the cache had. A customer whose tickets cannot be read (no GDAP,
403) is listed under "Not read" with the reason, never dropped. The partner's own tickets are a
separate, labelled tab.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.backend import CANCELLED, ApiError, Backend, Outcome
from desktop.models.records import Customer, Parsed, ServiceRequest
from desktop.models.requests import (
    CREATED,
    CUSTOMER,
    ID,
    MODIFIED,
    SEVERITY,
    STATUS,
    TITLE,
    ServiceRequestModel,
    severity_label,
    status_text,
)
from desktop.models.table import RecordRole
from desktop.store.cache import REQUESTS, CacheEntry
from desktop.ui.context import AppContext
from desktop.ui.errors import explain
from desktop.ui.health_sweep import committing
from desktop.ui.widgets.progress import ProgressBar
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns
from desktop.worker import Sweep

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
        ctx: AppContext,
        customers: Callable[[], list[Customer]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self._customers = customers
        self._sweep: Sweep[Outcome[list[ServiceRequest]]] | None = None
        self._by_tenant: dict[str, list[ServiceRequest]] = {}
        self._owner: dict[str, str] = {}  # request id -> the customer it was read under
        self._failed: dict[str, str] = {}  # tenant id -> "Company: why"
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
        self.reload_button.clicked.connect(lambda: self.ctx.worker.spawn(self.load(cached=False)))
        bar = QHBoxLayout()
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
        self.view = self._table(
            self.model,
            self.tr("Service requests of all customers"),
            self.tr("Enter opens the request's customer in the main window."),
        )
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.own_view = self._table(
            self.own_model,
            self.tr("Your partner tickets with Microsoft"),
            self.tr("Tickets your organisation filed with Microsoft about its own business."),
        )
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
        own_layout.addWidget(self.own_view)
        self.failures = QListWidget()
        self.failures.setAccessibleName(self.tr("Customers whose requests could not be read"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Customers' requests, your own, and who was not read"))
        self.tabs.addTab(self.view, self.tr("Customers' requests"))
        self.tabs.addTab(own_page, self.tr("Your partner tickets with Microsoft"))
        self.tabs.addTab(self.failures, "")
        self._update_failures()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(sweep_bar)
        layout.addWidget(self.tabs)
        self.resize(1000, 600)
        self._filter()

    def _table(self, model: ServiceRequestModel, name: str, description: str) -> RecordTable:
        view = RecordTable()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setAccessibleDescription(description)
        setup_table(view)
        size_columns(
            view,
            stretch=TITLE,
            contents=[ID, SEVERITY, STATUS, MODIFIED, CUSTOMER],
            hidden=[CREATED],
        )
        return view

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
        cache, source = self.ctx.cache, self.ctx.source
        if cache is None or not source:
            return
        try:
            entries: dict[str, CacheEntry[ServiceRequest]] = await self.ctx.worker.run(
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
                self._failed[tenant] = f"{names[tenant]}: {entry.failure}"
            elif entry.items is not None:
                self._take(tenant, entry.items)
        self._refresh()

    async def _load_own(self) -> None:
        backend = self.ctx.backend
        try:
            parsed: Parsed[ServiceRequest] = await self.ctx.worker.run(backend.requests, None)
        except Exception as error:
            explained = explain(error, self.tr("your partner tickets"))
            self.own_note.setText(f"{explained.title}: {explained.detail}")
            return
        if backend is not self.ctx.backend:
            return  # the session changed meanwhile
        self.own_model.set_rows(parsed.items)
        cache, source = self.ctx.cache, self.ctx.source
        if cache is not None and source and not self.ctx.offline:
            errors = [str(e) for e in parsed.errors]
            try:
                await self.ctx.worker.run(
                    cache.put_requests, source, None, parsed.items, time.time(), errors
                )
            except Exception as error:
                log.warning("partner tickets not cached: %s", error)

    def start_sweep(self) -> None:
        """One call per customer, bounded concurrency; answers are cached as they come."""
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
        customers = self._customers()
        backend: Backend = self.ctx.backend
        cache, source = self.ctx.cache, self.ctx.source
        writer = (
            cache.writer(source) if cache is not None and source and not self.ctx.offline else None
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
                    writer.error(customer.tenant_id, REQUESTS, str(error))
                raise
            if cancel.is_set():
                raise ApiError("Cancelled.", kind=CANCELLED)
            if writer is not None:
                writer.requests(customer.tenant_id, parsed.items, [str(e) for e in parsed.errors])
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
                self._failed[tenant] = f"{outcome.customer.company_name}: {explained.title}"
                self._by_tenant.pop(tenant, None)
            self._refresh()
            self._show_progress(tally["done"], tally["failed"], total)

        def on_done(stopped: bool) -> None:
            self._sweep = None
            self.cancel_button.hide()
            self.reload_button.setEnabled(True)
            self._show_progress(tally["done"], tally["failed"], total, stopped=stopped)
            self.swept.emit(stopped)

        self._sweep = self.ctx.worker.sweep(
            lambda cancel: committing(backend.sweep(customers, read, cancel=cancel), writer),
            on_batch,
            on_done,
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
        self.failures.clear()
        self.failures.addItems(sorted(self._failed.values(), key=str.casefold))
        self.tabs.setTabText(
            2,
            self.tr("Not read (%n)", "", len(self._failed))
            if self._failed
            else self.tr("Not read"),
        )

    def _show_progress(self, done: int, failed: int, total: int, stopped: bool = False) -> None:
        self.progress.setValue(done)
        locale = QLocale()
        if stopped:
            text = self.tr("Stopped after %1 of %2 customers")
        elif done >= total:
            text = self.tr("%1 of %2 customers read")
        else:
            text = self.tr("Reading %1 of %2 customers…")
        text = text.replace("%1", locale.toString(done)).replace("%2", locale.toString(total))
        if failed:
            text += " " + self.tr("(%n not read)", "", failed)
        self.progress_label.setText(text)

    def _filter(self) -> None:
        status = self.status.currentData()
        severity = self.severity.currentData()

        def accept(request: ServiceRequest) -> bool:
            if status == "active" and not request.is_open:
                return False
            if status not in ("", "active") and request.status != status:
                return False
            return not severity or request.severity == severity

        self.model.set_predicate(accept)
        self.own_model.set_predicate(accept)
        self.count.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", QLocale().toString(self.model.rowCount()))
            .replace("%2", QLocale().toString(len(self.model.all_records())))
        )

    def _open(self) -> None:
        request = self.view.currentIndex().data(RecordRole)
        if not isinstance(request, ServiceRequest):
            return
        tenant = self._owner.get(request.id) or request.organization_id
        if tenant:
            self.show_customer.emit(tenant)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.ignore()  # kept for the next time; the main window owns it
