"""The main window: customers on the left, the selected customer's tabs on the right."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop.config.settings import Settings
from desktop.domain.customers import Customer
from desktop.qt.collation import NameRanks, ranks_made
from desktop.store.db import StoreError
from desktop.ui.customer_list import CustomerList
from desktop.ui.notices import load_recent, notices_button
from desktop.ui.scope import scope_placeholder
from desktop.ui.widgets.placement import WindowMemory
from desktop.ui.widgets.status_bar import STATUS_TIMEOUT_MS, StatusBar
from desktop.ui.widgets.unsaved_banner import UnsavedBanner
from desktop.ui.widgets.window_role import install_roles

if TYPE_CHECKING:  # imported by `complete` (start-up time: after the first paint)
    from desktop.qt.directory import CustomerDirectory
    from desktop.qt.session import SessionHolder
    from desktop.services.session import Session
    from desktop.ui.panes.base import Pane
    from desktop.ui.windows.dashboard import DashboardWindow
    from desktop.ui.windows.open_requests import OpenRequestsWindow

# Arrowing through the list should not start five fetches per key press.
SELECTION_DEBOUNCE_MS = 150
# What the window asks for when nothing was saved; a smaller screen gets less
# (desktop.ui.widgets.placement).
DEFAULT_SIZE = QSize(1280, 800)
# Names in the layout file (desktop.config.layout).
LAYOUT = "main"
# How long the frame waits for the cached list's names to be ranked (`set_cached_list`).
RANKS_WAIT_S = 0.2
# The cached list being read at start-up, and its names being ranked (desktop.gui).
CachedRead = Future[tuple[list[Customer], float | None]]
CachedRanks = Future[NameRanks | None]


class MainWindow(QMainWindow):
    def __init__(
        self,
        holder: SessionHolder | None = None,
        settings: Settings | None = None,
        memory: WindowMemory | None = None,
    ) -> None:
        """`MainWindow(holder)` is the whole window.

        `MainWindow()` is its frame and the customer list only, which `partner-desk` shows with
        the cached list before it builds the rest (`complete`): its first paint waits for no
        tab, menu item, account or network client (docs/PERFORMANCE.md, start-up).
        `memory` is how the user left the windows last time, and where they are kept at close.
        """
        super().__init__()
        install_roles()  # before any widget of the app is asked about
        self.setWindowTitle(self.tr("Partner Desk"))
        self.layout_memory = memory if memory is not None else WindowMemory()
        self.layout_memory.place(self, LAYOUT, DEFAULT_SIZE)
        self.customers = CustomerList()
        self._right = QWidget()
        self._right_layout = QVBoxLayout(self._right)
        self._right_layout.setContentsMargins(8, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.customers)
        splitter.addWidget(self._right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        # Proportions: names readable on the left (tags and GDAP beside them), the detail
        # tables' width on the right.
        splitter.setSizes([590, 690])
        self.splitter = splitter
        restore_layout(self)
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(8, 8, 8, 0)
        self.unsaved_banner = UnsavedBanner()
        layout.addWidget(self.unsaved_banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(container)
        # The menu titles now, their items in `complete`: the bar has its height from the first
        # paint, and nothing below it moves when the rest arrives.
        self.customers_menu = self.menuBar().addMenu(self.tr("&Customers"))
        self.requests_menu = self.menuBar().addMenu(self.tr("&Requests"))
        self.status = StatusBar(notices_button(self))
        self.setStatusBar(self.status)
        self.customers.attach_scope(scope_placeholder())  # the scope box's place, likewise
        self._cached_read: tuple[str, CachedRead, CachedRanks | None] | None = None
        self.completed = False
        self._wanted = ""  # a customer to open once the list has it (`open_customer`)
        self._list_in = False
        self._closed = False  # closed: a list read still under way starts no sweep
        if holder is not None:
            self.complete(holder, settings)

    def set_cached_list(
        self, source: str, read: CachedRead, ranks: CachedRanks | None = None
    ) -> None:
        """The cached list of `source`, being read since start-up began (during the imports),
        and its names being ranked on the worker once it is read (`ranks`, desktop.gui):
        already read, it goes into the list at once, so that the first paint has its rows."""
        if self.completed:
            self.directory.preset(source, read, ranks)
            return
        self._cached_read = (source, read, ranks)
        if read.done() and not read.cancelled() and read.exception() is None:
            customers, _fetched = read.result()
            if customers:
                # Ranked on the worker since the language was known: a list read but not yet
                # ranked is worth the wait (ranking it here would take longer).
                self.customers.set_customers(customers, ranks_made(ranks, RANKS_WAIT_S))

    def complete(self, holder: SessionHolder, settings: Settings | None = None) -> None:
        """Everything but the frame and the list: the customer's tabs, the account, the menus'
        items, notices and the health column."""
        # Start-up time: these modules (and the network clients behind them) load after the
        # frame's first paint.
        from desktop.qt.directory import CustomerDirectory
        from desktop.qt.message_sweep import PlannedChanges
        from desktop.qt.tags import TagIndex
        from desktop.ui.customer_detail import CustomerHeader, customer_tabs
        from desktop.ui.dialogs.account import AccountController
        from desktop.ui.health_wiring import HealthWiring
        from desktop.ui.list_status import ListStatus
        from desktop.ui.menus import build_actions, fill_menus
        from desktop.ui.notices import NoticeCentre
        from desktop.ui.request_desk import RequestDesk
        from desktop.ui.scope import ScopeBox
        from desktop.ui.tag_marks import TagMarks
        from desktop.ui.widgets.focus import install_focus_ring
        from desktop.ui.windows.gdap_window import GdapWindowOpener

        self.holder = holder
        self.directory: CustomerDirectory = CustomerDirectory(holder, self)
        if self._cached_read is not None:
            self.directory.preset(*self._cached_read)
            self._cached_read = None
        self.customers.show_directory(self.directory)
        self.header = CustomerHeader()
        self.tabs, self._panes = customer_tabs(holder)
        (
            self.overview,
            self.health,
            self.incidents,
            self.messages,
            self.portals,
            self.requests,
        ) = self._panes
        self._right_layout.addWidget(self.header)
        self._right_layout.addWidget(self.tabs, 1)
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_DEBOUNCE_MS)
        self._selection_timer.timeout.connect(self._load_selected)
        self._pending: Customer | None = None
        self.tag_index = TagIndex(holder, self)
        self.scope_box = ScopeBox(self.tag_index)
        self.customers.attach_scope(self.scope_box)
        self.notices = NoticeCentre(self, self._customer_name, button=self.status.notices_button)
        self.notices.open_customer.connect(self.select_tenant)
        self.account = AccountController(holder, settings or Settings(), self)
        # Signing in needs the network: offline, the cached data is all there is.
        self.account.menu.setEnabled(not holder.session.offline)
        self.account.message.connect(lambda text: self.show_status(text, 10000))
        self.account.consent_all_requested.connect(self.consent_all)
        self.planned = PlannedChanges(holder, lambda: self.directory.customers, self)
        self.planned.notices.connect(self.notices.add)
        self.marks = TagMarks(self)
        self.sweep = HealthWiring(self)
        self.requests_desk = RequestDesk(
            holder, self, self.current_customer, self.show_status, self._requests_changed
        )
        self.gdap = GdapWindowOpener(holder, self.select_tenant, self)
        self._open_requests: OpenRequestsWindow | None = None
        self._tags_loaded = False
        for pane in self.panes():
            pane.status_message.connect(self.show_status)  # a line about this customer
            pane.consented.connect(self._customer_consented)
            pane.consent_refused.connect(self._customer_consent_refused)
        # A customer's own domains, read with its profile, are searched from then on.
        self.overview.domains_known.connect(self.customers.model.add_domains)
        self.incidents.escalate.connect(self.requests_desk.escalate)
        self.requests.new_request.connect(self.requests_desk.new_request)
        self.requests.open_draft.connect(self.requests_desk.edit_draft)
        self.actions_by_name = build_actions(self)
        fill_menus(self)
        self.list_status = ListStatus(holder, self.directory, self.customers, self.status)
        self.directory.loaded.connect(self._list_loaded)
        self.directory.cached_shown.connect(lambda *_: self._open_wanted())
        holder.changed.connect(self._session_changed)
        self.status.show_session(holder.session)
        self.header.show_customer(None)
        self.customers.current_changed.connect(self._customer_changed)
        # Tab goes search → scope → list → tabs → the tab's content; Alt+letter on a tab, and
        # Ctrl+1 … Ctrl+6 (desktop.ui.menus.tab_actions), also put the cursor in its list; a
        # ring shows where the keyboard is, in every window.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_focus_ring(app)
        QWidget.setTabOrder(self.customers.search, self.scope_box)
        QWidget.setTabOrder(self.scope_box, self.customers.view)
        QWidget.setTabOrder(self.customers.view, self.tabs)
        self.tabs.tabBar().installEventFilter(self)
        self.completed = True
        self._open_wanted()  # --open-customer, asked before the list could have it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            # After the tab bar has switched tabs: then the pane's view is the visible one.
            QTimer.singleShot(0, self.focus_current_pane)
        return super().eventFilter(watched, event)

    def focus_current_pane(self) -> None:
        pane = next((p for p in self.panes() if p is self.tabs.currentWidget()), None)
        if not (pane is not None and pane.focus_content()):
            self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def panes(self) -> Iterator[Pane]:
        yield from self._panes

    def focus_list(self) -> None:
        """Ctrl+0 (⌘0): back to the customer list, on the customer shown."""
        self.customers.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.customers.search.setFocus()
        self.customers.search.selectAll()

    def show_status(
        self, text: str, timeout_ms: int = STATUS_TIMEOUT_MS, lasting: bool = False
    ) -> None:
        """A line in the status bar (desktop.ui.widgets.status_bar.StatusBar.show_status)."""
        self.status.show_status(text, timeout_ms, lasting)

    # -- the customer list --------------------------------------------------------------------

    async def start(self, restore_account: bool = True) -> None:
        """At start-up: the saved account if it signs in silently, else the sandbox."""
        if restore_account and await self.account.restore():
            return  # the new session loads its own customers
        await self.load_customers()

    async def load_customers(self) -> int:
        """The customer list: the cached one first (with its last-known health), then the
        live one, and the health column fills (desktop.qt.directory)."""
        self.list_status.loading()
        return await self.directory.load(after_cached=self._after_cached_list)

    async def _after_cached_list(self, shown: bool) -> None:
        if shown:
            # Its last-known health follows once the list is on screen: decoding it on the
            # worker takes the GIL the first paint needs.
            await self.customers.painted()
            await self.sweep.show_cached()
        if not self._tags_loaded:  # after the cached list: nothing competes with its paint
            self._tags_loaded = True
            self.holder.worker.spawn(self.tag_index.load())
            self.holder.worker.spawn(load_recent(self.notices, self.holder))

    def _list_loaded(self, count: int) -> None:
        self._list_in = True
        self._open_wanted()
        if count >= 0 and not self.holder.session.offline and not self._closed:
            self.sweep.start(self.directory.customers, asked=False)  # not announced
            self.holder.worker.spawn(self.requests_desk.send_queued())  # kept while offline

    def _customer_name(self, tenant_id: str) -> str:
        record = self.customers.model.record_of_key(tenant_id)
        return record.company_name if record is not None else tenant_id

    def show_unsaved(self, unsaved: Sequence[StoreError]) -> None:
        """Files this run cannot write (their stores live in memory): said in the strip above
        the content until the window closes."""
        self.unsaved_banner.show_for(unsaved)

    def open_customer(self, wanted: str) -> None:
        """Select the customer `wanted` names (tenant id or default domain, in any case): now if
        the list has it, else once the list is in (`--open-customer`, or a later start's)."""
        self._wanted = wanted.strip().lower()
        self._open_wanted()

    def _open_wanted(self) -> None:
        wanted = self._wanted
        if not wanted or not self.completed:
            return  # `complete` calls again
        found = next(
            (
                c
                for c in self.directory.customers
                if wanted in (c.tenant_id.lower(), c.domain.lower())
            ),
            None,
        )
        if found is not None:
            self._wanted = ""
            self.select_tenant(found.tenant_id)
        elif self._list_in:
            self._wanted = ""
            self.show_status(self.tr("No customer {0} in the list.").format(wanted))

    def select_tenant(self, tenant_id: str) -> None:
        row = self.customers.model.row_of(tenant_id)
        searched = False
        if row is None:
            searched = bool(self.customers.search.text())
            self.customers.search.clear()
            row = self.customers.model.row_of(tenant_id)
        if row is not None:
            self.customers.select_row(row)
            self.activateWindow()
            if searched:  # said, not done silently (issue 18's walk); after the new customer
                self.show_status(self.tr("Search cleared to show the customer you opened."))

    def _session_changed(self, session: Session) -> None:
        """Another backend: everything shown so far belonged to the old one (the directory
        has emptied itself)."""
        self.cancel_sweep()
        self._pending = None
        self.sweep.reset()
        for pane in self.panes():
            pane.set_customer(None)
        self.planned.reset()
        self.header.show_customer(None)
        self.status.show_session(session)
        if self._open_requests is not None:
            self._open_requests.stop()
        self.holder.worker.spawn(self.load_customers())

    # -- the selected customer ------------------------------------------------------------

    def current_customer(self) -> Customer | None:
        return self._pending

    def _customer_changed(self, customer: Customer | None) -> None:
        if customer is not self._pending:
            self.status.clear_transient()  # it was about the customer before
        self._pending = customer
        self.header.show_customer(customer)
        self.marks.sync_favourite()
        self._selection_timer.start()

    def _load_selected(self) -> None:
        for pane in self.panes():
            pane.set_customer(self._pending)

    def refresh(self) -> None:
        """F5: the customer's tabs again, and the customer list if it could not be read."""
        if self.directory.list_failed:
            self.holder.worker.spawn(self.load_customers())
        for pane in self.panes():
            pane.reload()

    def _requests_changed(self, tenant_id: str) -> None:
        customer = self.current_customer()
        if customer is not None and customer.tenant_id == tenant_id:
            self.requests.reload()

    def _customer_consented(self, customer: Customer) -> None:
        """Partner Desk was allowed in `customer` from one pane: the others load again too, and
        its health is checked unless a sweep is under way (which reaches it anyway)."""
        for pane in self.panes():
            if pane.customer is customer and pane.state != "loading":
                pane.reload()
        self.sweep.check([customer])

    def _customer_consent_refused(self, customer: Customer) -> None:
        """Refused in one pane: the customer's other panes say so instead of offering it."""
        for pane in self.panes():
            if pane.customer is customer and pane.offers_consent:
                pane.show_consent_refused()

    def consent_all(self) -> None:
        """Account → Allow Partner Desk in all customers…"""
        from desktop.ui.dialogs.consent_dialog import (
            ConsentDialog,  # start-up time: loaded when first opened
        )

        dialog = ConsentDialog(self.holder, self.directory.customers, self)
        dialog.finished_run.connect(self._consent_run_finished)
        dialog.show()

    def _consent_run_finished(self, allowed: int) -> None:
        if allowed:
            self.refresh()
            self.sweep.check(None)

    # -- other windows ------------------------------------------------------------------------

    def show_open_requests(self) -> None:
        if self._open_requests is None:
            from desktop.ui.windows.open_requests import (
                OpenRequestsWindow,  # start-up time: loaded when first opened
            )

            self._open_requests = OpenRequestsWindow(
                self.holder, lambda: self.directory.customers, self
            )
            self._open_requests.show_customer.connect(self.select_tenant)
        self._open_requests.show()
        self._open_requests.raise_()
        self._open_requests.activateWindow()
        self.holder.worker.spawn(self._open_requests.load())

    async def edit_notice_settings(self) -> None:
        from desktop.ui.dialogs.notice_settings import (
            NoticeSettingsDialog,  # start-up time: loaded when first opened
        )
        from desktop.ui.widgets.dialogs import run_dialog  # asyncio: after the first paint

        dialog = NoticeSettingsDialog(
            self.account.settings, self.sweep.services_seen(), self.marks.scopes(), self
        )
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        self.account.save_settings(chosen)
        self.sweep.set_refresh(chosen.refresh_minutes)

    # == the health sweep (desktop.ui.health_wiring) ==========================================

    def show_dashboard(self) -> DashboardWindow:
        return self.sweep.show_dashboard()

    def cancel_sweep(self) -> None:
        self.sweep.cancel()

    def remember_layout(self) -> None:
        """Keep the window's size, the splitter, the list's columns and sort, and save them."""
        remember_layout(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.remember_layout()
        if self.completed:
            self.sweep.close()
            self.planned.stop()
            for pane in self.panes():
                pane.lane.cancel()
        super().closeEvent(event)


# The main window's layout kept across starts (issue 18): beside the class, which stays a
# readable size.
def restore_layout(window: MainWindow) -> None:
    memory = window.layout_memory
    splitter = memory.state(f"{LAYOUT}/splitter")
    if splitter is not None:
        window.splitter.restoreState(splitter)
    header = memory.state(f"{LAYOUT}/customers")
    if header is not None:
        window.customers.restore_header(header)


def remember_layout(window: MainWindow) -> None:
    memory = window.layout_memory
    memory.remember(window, LAYOUT)
    memory.keep(f"{LAYOUT}/splitter", window.splitter.saveState())
    memory.keep(f"{LAYOUT}/customers", window.customers.header_state())
    dashboard = window.sweep.dashboard if window.completed else None
    if dashboard is not None:
        dashboard.remember_layout(save=False)
    memory.save()
