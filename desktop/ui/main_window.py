"""The main window: customers on the left, the selected customer's tabs on the right."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.config.settings import Settings
from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue
from desktop.qt.models.age import age_text
from desktop.qt.text_limits import TEXT_CHARS, elide
from desktop.qt.worker import Superseded
from desktop.services.notices import NoticeBook, NoticeRules
from desktop.store import Draft, DraftStore
from desktop.ui.customer_list import CustomerList
from desktop.ui.notices import notices_button
from desktop.ui.scope import scope_placeholder
from desktop.ui.widgets.dialogs import run_dialog

# The tabs, the account, notices, scope and the health column are imported by `complete` (or
# where used), once the frame and the cached list are on screen: with the network clients they
# pull in, ~40 ms of imports (bench/startup.py). The other windows open on demand (~25 ms).
if TYPE_CHECKING:
    from desktop.qt.context import AppContext
    from desktop.services.accounts import Session
    from desktop.ui.dialogs.new_request import NewRequestDialog
    from desktop.ui.panes.base import Pane
    from desktop.ui.windows.dashboard import DashboardWindow
    from desktop.ui.windows.open_requests import OpenRequestsWindow

log = logging.getLogger(__name__)

# Measured, never shown: the height of an accented Latin line with a CJK fallback glyph.
_TALLEST_TEXT = "Ág 京"
# Arrowing through the list should not start five fetches per key press.
SELECTION_DEBOUNCE_MS = 150
# How long a status-bar message about something just done (a portal opened, a draft kept)
# stays; it also goes when another customer is chosen.
STATUS_TIMEOUT_MS = 10000
FIRST_PAINT_WAIT_S = 0.5


class MainWindow(QMainWindow):
    """Signals:
    customers_loaded(int): the customer list arrived (its size) or failed (-1).
    health_sweep_done(bool): the health column finished filling (True when cancelled).
    """

    customers_loaded = Signal(int)
    customers_shown = Signal(int)  # the cached list is on screen (before the live one)
    health_sweep_done = Signal(bool)

    def __init__(self, ctx: AppContext | None = None, settings: Settings | None = None) -> None:
        """`MainWindow(ctx)` is the whole window.

        `MainWindow()` is its frame and the customer list only, which `partner-desk` shows with
        the cached list before it builds the rest (`complete`): its first paint waits for no
        tab, menu, account or network client (bench/startup.py).
        """
        super().__init__()
        self.setWindowTitle(self.tr("Partner Desk"))
        self.resize(1280, 800)
        self.customers = CustomerList()
        self._right = QWidget()
        self._right_layout = QVBoxLayout(self._right)
        self._right_layout.setContentsMargins(8, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.customers)
        splitter.addWidget(self._right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 780])  # proportions: the detail tables need the width
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(splitter)
        self.setCentralWidget(container)
        # The menu titles now, their items in `complete`: the bar has its height from the first
        # paint, and nothing below it moves when the rest arrives.
        bar = self.menuBar()
        self._customers_menu = bar.addMenu(self.tr("&Customers"))
        self._requests_menu = bar.addMenu(self.tr("&Requests"))
        # The notices badge too: the tallest thing in the status bar, which would otherwise
        # grow (and the list above it shrink) when the rest arrives.
        self._notices_button = notices_button(self)
        self.statusBar().insertPermanentWidget(0, self._notices_button)
        self.customers.attach_scope(scope_placeholder())  # the scope box's place, likewise
        self._cached_read: tuple[str, Future[tuple[list[Customer], float | None]]] | None
        self._cached_read = None
        self._preset: list[Customer] | None = None  # the cached list set before the first paint
        self.completed = False
        self._transient_status = ""  # the status line `show_status` showed last, if transient
        if ctx is not None:
            self.complete(ctx, settings)

    def complete(self, ctx: AppContext, settings: Settings | None = None) -> None:
        """Everything but the frame and the list: the customer's tabs, the account, the menus'
        items, notices and the health column."""
        from desktop.qt.health_board import HealthBoard
        from desktop.services.accounts import Session
        from desktop.ui.dialogs.account import AccountController
        from desktop.ui.errors import describe
        from desktop.ui.notices import NoticeCentre
        from desktop.ui.panes.health import HealthPane
        from desktop.ui.panes.incidents import IncidentsPane
        from desktop.ui.panes.messages import MessagesPane
        from desktop.ui.panes.overview import OverviewPane
        from desktop.ui.panes.portals import PortalsPane
        from desktop.ui.panes.requests import RequestsPane
        from desktop.ui.scope import ScopeBox, TagIndex

        self.ctx = ctx
        self.customers.current_changed.connect(self._customer_changed)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # API text: never HTML
        self.title.setObjectName("customerTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # CJK names come from a taller fallback font: reserve their height so the tabs do not
        # jump a few pixels when the selection moves between scripts.
        self.title.setText(_TALLEST_TEXT)
        self.title.setMinimumHeight(self.title.sizeHint().height())
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)  # API text: never HTML
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overview = OverviewPane(ctx)
        self.health = HealthPane(ctx)
        self.incidents = IncidentsPane(ctx)
        self.messages = MessagesPane(ctx)
        self.portals = PortalsPane(ctx)
        self.requests = RequestsPane(ctx)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Customer details"))
        for pane, label in (
            (self.overview, self.tr("&Overview")),
            (self.health, self.tr("Service &health")),
            (self.incidents, self.tr("&Incidents")),
            (self.messages, self.tr("Planned chan&ges")),
            (self.portals, self.tr("Admin &portals")),
            # Not "re&quests": an underlined q reads as a g.
            (self.requests, self.tr("Service reque&sts")),
        ):
            self.tabs.addTab(pane, label)
            pane.status_message.connect(self.show_status)  # a line about this customer
        self._right_layout.addWidget(self.title)
        self._right_layout.addWidget(self.subtitle)
        self._right_layout.addWidget(self.tabs, 1)
        self._build_status_bar()
        self._build_actions()
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(SELECTION_DEBOUNCE_MS)
        self._selection_timer.timeout.connect(self._load_selected)
        self._pending: Customer | None = None
        # Every customer's health, one sweep for the list and the dashboard alike.
        self.health_board = HealthBoard(ctx, self.customers.model.all_records, parent=self)
        self.health_board.describe = describe
        self.health_board.changed.connect(self.customers.model.set_health_many)
        self.health_board.started.connect(self._sweep_started)
        self.health_board.progress.connect(self._sweep_progress)
        self.health_board.finished.connect(self._sweep_finished)
        self.tag_index = TagIndex(ctx, self)
        self.scope_box = ScopeBox(self.tag_index)
        self.customers.attach_scope(self.scope_box)
        self.tag_index.changed.connect(self._tags_changed)
        self.scope_box.scope_changed.connect(
            lambda scope: self.customers.set_scope(self.tag_index.tenants(scope))
        )
        self._tags_loaded = False
        self.notices = NoticeCentre(self, self._customer_name, button=self._notices_button)
        self.health_board.notices.connect(self.notices.add)
        from desktop.qt.message_sweep import PlannedChanges

        self.planned = PlannedChanges(ctx, self.customers.model.all_records, self)
        self.planned.rules_for = self.notice_rules
        self.planned.days_for = lambda: self.account.settings.notify_major_days
        self.planned.notices.connect(self.notices.add)
        self.health_board.finished.connect(self.planned.after_health)
        self.notices.open_customer.connect(self.select_tenant)
        self._customers_lane = ctx.worker.lane()
        self._list_failed = False  # the last read of the customer list failed (F5 retries it)
        self._show_customer_header(None)
        self.account = AccountController(
            ctx,
            settings or Settings(),
            Session(
                backend=ctx.backend,
                mode=ctx.mode,
                account=ctx.account,
                cloud_name=ctx.backend.cloud.name,
                source=ctx.source,
            ),
            self,
        )
        self.account.session_changed.connect(self.use_session)
        self.account.consent_all_requested.connect(self.consent_all)
        for tab in self.panes():
            tab.consented.connect(self._customer_consented)
            tab.consent_refused.connect(self._customer_consent_refused)
        self.health_board.set_refresh(self.account.settings.refresh_minutes)
        self.health_board.rules_for = self.notice_rules
        # Signing in needs the network: offline, the cached data is all there is.
        self.account.menu.setEnabled(not ctx.offline)
        self.account.message.connect(lambda text: self.show_status(text, 10000))
        self.incidents.escalate.connect(self._escalate)
        self.requests.new_request.connect(self.new_request)
        self.requests.open_draft.connect(
            lambda draft: self.ctx.worker.spawn(self.edit_draft(draft))
        )
        self._open_requests: OpenRequestsWindow | None = None
        self._request_dialogs: dict[str, NewRequestDialog] = {}  # by draft id, while open
        self.dashboard: DashboardWindow | None = None
        self._build_menus()
        self._keyboard_paths()
        self.completed = True

    # -- building ---------------------------------------------------------------------------

    def _keyboard_paths(self) -> None:
        """Tab goes search → scope → list → tabs → the tab's content; Alt+letter on a tab also
        puts the cursor in its list (Alt+P, then Enter opens a portal); a ring shows where the
        keyboard is, in every window."""
        from desktop.ui.widgets.focus import install_focus_ring

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_focus_ring(app)
        QWidget.setTabOrder(self.customers.search, self.scope_box)
        QWidget.setTabOrder(self.scope_box, self.customers.view)
        QWidget.setTabOrder(self.customers.view, self.tabs)
        self.tabs.tabBar().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            # After the tab bar has switched tabs: then the pane's view is the visible one.
            QTimer.singleShot(0, self._focus_current_pane)
        return super().eventFilter(watched, event)

    def _focus_current_pane(self) -> None:
        from desktop.ui.panes.base import Pane

        pane = self.tabs.currentWidget()
        if not (isinstance(pane, Pane) and pane.focus_content()):
            self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_status_bar(self) -> None:
        from desktop.ui.widgets.progress import ProgressBar

        bar = self.statusBar()
        self.mode_label = QLabel()
        self.mode_label.setAccessibleName(self.tr("Data source"))
        self.sweep_label = QLabel()
        self.sweep_progress = ProgressBar()
        self.sweep_progress.setMaximumWidth(160)
        self.sweep_progress.setTextVisible(False)
        self.sweep_progress.hide()
        bar.addPermanentWidget(self.sweep_label)
        bar.addPermanentWidget(self.sweep_progress)
        bar.addPermanentWidget(self.mode_label)
        self.update_mode()

    def update_mode(self) -> None:
        mode = self.ctx.mode
        if self.ctx.offline:
            text = self.tr("Offline")
            tip = self.tr(
                "Started with --offline: the data of the last live run, from the local cache "
                "({0}). Nothing is sent to Microsoft."
            ).format(self.ctx.source)
        elif mode in ("sandbox", "external sandbox"):
            text = (
                self.tr("Sandbox data") if mode == "sandbox" else self.tr("Sandbox data (external)")
            )
            tip = self.tr(
                "Sample data from the built-in sandbox at {0}. Sign in to work on "
                "your own customers."
            ).format(self.ctx.backend.cloud.partner_center)
        else:
            text = f"{self.ctx.backend.cloud.name} · {self.ctx.account}"
            tip = text
        self.mode_label.setText("● " + text)
        self.mode_label.setToolTip(tip)

    def _build_actions(self) -> None:
        find = QAction(self.tr("Find customer"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        if QKeySequence(QKeySequence.StandardKey.Refresh).isEmpty():
            refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        cancel = QAction(self.tr("Stop loading"), self)
        cancel.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        cancel.triggered.connect(self.cancel_sweep)
        new_request = QAction(self.tr("&New service request…"), self)
        new_request.setShortcut(QKeySequence.StandardKey.New)
        new_request.triggered.connect(self.new_request)
        all_requests = QAction(self.tr("&Requests of all customers…"), self)
        all_requests.setShortcut(QKeySequence("Ctrl+Shift+R"))
        all_requests.triggered.connect(self.show_open_requests)
        dashboard = QAction(self.tr("&Dashboard: who is hurt now…"), self)
        dashboard.setShortcut(QKeySequence("Ctrl+D"))
        dashboard.triggered.connect(self.show_dashboard)
        favourite = QAction(self.tr("&Favourite"), self)
        favourite.setCheckable(True)
        favourite.setShortcut(QKeySequence("Ctrl+B"))
        favourite.triggered.connect(self.toggle_favourite)
        notify = QAction(self.tr("&Notifications and refresh…"), self)
        notify.triggered.connect(lambda: self.ctx.worker.spawn(self.edit_notice_settings()))
        tags = QAction(self.tr("&Tags…"), self)
        tags.setShortcut(QKeySequence("Ctrl+T"))
        tags.triggered.connect(lambda: self.ctx.worker.spawn(self.edit_tags()))
        for action in (
            find,
            refresh,
            cancel,
            new_request,
            all_requests,
            dashboard,
            favourite,
            tags,
        ):
            self.addAction(action)
        # The same on a right-click (or the Menu key) over the list.
        self.customers.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.customers.view.addActions([favourite, tags])
        self.actions_by_name = {
            "find": find,
            "refresh": refresh,
            "cancel": cancel,
            "new_request": new_request,
            "all_requests": all_requests,
            "dashboard": dashboard,
            "favourite": favourite,
            "tags": tags,
            "notify": notify,
        }

    def _build_menus(self) -> None:
        bar = self.menuBar()
        customers = self._customers_menu
        for name in ("find", "refresh", "cancel", "dashboard"):
            customers.addAction(self.actions_by_name[name])
        from desktop.ui.windows.gdap_window import GdapWindowOpener

        self.gdap = GdapWindowOpener(
            self.ctx, customers, self.select_tenant, self.account.session_changed, self
        )
        customers.addSeparator()
        customers.addAction(self.actions_by_name["favourite"])
        customers.addAction(self.actions_by_name["tags"])
        customers.addSeparator()
        customers.addAction(self.actions_by_name["notify"])
        requests = self._requests_menu
        requests.addAction(self.actions_by_name["new_request"])
        requests.addAction(self.actions_by_name["all_requests"])
        bar.addMenu(self.account.menu)

    # -- customers ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.customers.search.setFocus()
        self.customers.search.selectAll()

    def panes(self) -> Iterator[Pane]:
        yield from (
            self.overview,
            self.health,
            self.incidents,
            self.messages,
            self.portals,
            self.requests,
        )

    async def start(self, restore_account: bool = True) -> None:
        """At start-up: the saved account if it signs in silently, else the sandbox."""
        if restore_account and await self.account.restore():
            return  # the new session loads its own customers
        await self.load_customers()

    async def load_customers(self) -> int:
        """Read the customer list (page by page), then start filling the health column.

        The last-known list and health are shown first when the cache has them, with their
        age, so the window is useful at once and while Microsoft is slow or unreachable.
        """
        self.show_status(self.tr("Loading customers…"), lasting=True)
        backend = self.ctx.backend
        cached_at: float | None = None
        if self._preset is not None or not self.customers.model.total():
            self.customers.view.set_placeholder(self.tr("Loading customers…"))
            cached_at = await self._show_cached()
        if not self._tags_loaded:  # after the cached list: nothing competes with its first paint
            self._tags_loaded = True
            self.ctx.worker.spawn(self.tag_index.load())
            self.ctx.worker.spawn(self._load_recent_notices())

        def read(cancel: threading.Event) -> list[Customer]:
            customers: list[Customer] = []
            for page, _total in backend.customer_pages(cancel=cancel):
                customers.extend(page.items)
            return customers

        try:
            customers = await self._customers_lane.run(read)
        except Superseded:
            return -1
        except Exception as error:
            from desktop.ui.errors import explain

            explained = explain(error, self.tr("customer list"))
            if cached_at is not None:
                self.show_status(
                    self.tr("{0}: showing the list as of {1}.").format(
                        explained.title, age_text(cached_at)
                    ),
                    lasting=True,
                )
            else:
                self.show_status(f"{explained.title}: {explained.detail}", lasting=True)
            if not self.customers.model.total():
                # Never "Loading customers…" for good: why, and how to try again.
                again = self.tr("Refresh (F5) tries again.")
                self.customers.view.set_placeholder(f"{explained.title}\n{again}")
            self._list_failed = True
            self.customers_loaded.emit(-1)
            return -1
        self._list_failed = False
        self.customers.set_customers(customers)
        if self.ctx.offline:
            return self._offline_loaded(customers, cached_at)
        if self.ctx.cache is not None and self.ctx.source:
            self.ctx.worker.spawn(
                self.ctx.worker.run(
                    self.ctx.cache.put_customers, self.ctx.source, customers, time.time()
                )
            )
        self.show_status(self.tr("%n customer(s) loaded", "", len(customers)), 4000)
        self.customers_loaded.emit(len(customers))
        self.start_health_sweep(customers)
        if backend.cloud.gdap:
            self.ctx.worker.spawn(self._load_gdap())
        return len(customers)

    def _offline_loaded(self, customers: list[Customer], fetched: float | None) -> int:
        """--offline: the cached list and health are all there is; nothing is swept."""
        when = age_text(fetched) if fetched is not None else self.tr("an unknown time")
        self.show_status(
            self.tr("Offline: the customer list as of {0}.").format(when), lasting=True
        )
        self.sweep_label.setText(self.tr("Offline: health as of the last check"))
        self.customers_loaded.emit(len(customers))
        return len(customers)

    def set_cached_list(
        self, source: str, read: Future[tuple[list[Customer], float | None]]
    ) -> None:
        """The cached list of `source`, being read since start-up began (during the imports).

        Already read, it goes into the list at once, so that the window's first paint has its
        rows (one paint instead of two, and no loop round trip). Otherwise the first
        `load_customers` of that source waits for this read instead of starting another.
        """
        self._cached_read = (source, read)
        if self.completed and source != self.ctx.source:
            return
        if not read.done() or read.cancelled() or read.exception():
            return
        customers, _fetched = read.result()
        if customers and not self.customers.model.total():
            self.customers.set_customers(customers)
            self._preset = customers

    async def _show_cached(self) -> float | None:
        """The cached list and health of this source, if any; returns when it was fetched."""
        cache, source = self.ctx.cache, self.ctx.source
        if cache is None or not source:
            return None
        started, self._cached_read = self._cached_read, None
        try:
            if started is not None and started[0] == source:
                customers, fetched = await asyncio.wrap_future(started[1])
            else:
                customers, fetched = await self.ctx.worker.run(cache.customers, source)
        except Exception as error:
            log.warning("cached customers unreadable: %s", error)
            return None
        preset, self._preset = self._preset, None
        if customers is not preset:
            if not customers or self.customers.model.total():
                return None
            self.customers.set_customers(customers)
        if fetched is not None:
            self.show_status(
                self.tr("Showing the list as of {0}; refreshing…").format(age_text(fetched)),
                lasting=True,
            )
        self.customers_shown.emit(len(customers))
        # Its last-known health follows (a bigger read), once the list is on screen: decoding
        # it on the worker takes the GIL the first paint needs.
        await self.list_painted()
        await self.health_board.show_cached()
        return fetched

    async def list_painted(self, within: float = FIRST_PAINT_WAIT_S) -> None:
        """Until the customer list has painted (a hidden window never does: not that long)."""
        if not self.customers.view.isVisible():
            return
        painted = asyncio.get_running_loop().create_future()

        def done() -> None:
            if not painted.done():
                painted.set_result(None)

        self.customers.view.painted.connect(done)
        try:
            await asyncio.wait_for(painted, within)
        except asyncio.TimeoutError:
            pass
        finally:
            self.customers.view.painted.disconnect(done)

    async def _load_gdap(self) -> None:
        """Join the partner's GDAP relationships into the list (one paged call, global only)."""
        backend = self.ctx.backend
        try:
            relationships = await self.ctx.worker.run(backend.gdap_relationships)
        except Exception as error:
            from desktop.ui.errors import explain

            explained = explain(error, self.tr("GDAP relationships"))
            self.show_status(f"{explained.title}: {explained.detail}", 10000)
            return
        if backend is self.ctx.backend:  # not from a session the user has left meanwhile
            self.customers.model.set_gdap(relationships)

    # -- sessions (sandbox or a signed-in account) ----------------------------------------------

    def use_session(self, session: Session) -> None:
        """Work on another backend: everything shown so far belonged to the old one."""
        self.cancel_sweep()
        old = self.ctx.backend
        self.ctx.backend = session.backend
        self.ctx.mode = session.mode
        self.ctx.account = session.account
        self.ctx.source = session.source
        if old is not session.backend and old is not self.account.sandbox.backend:
            old.close()
        self._pending = None
        self.customers.set_customers([])
        self.health_board.clear()
        self.customers.model.clear_health()
        self.customers.model.set_gdap(None)
        for pane in self.panes():
            pane.set_customer(None)
        self.planned.reset()
        self._show_customer_header(None)
        self.update_mode()
        if self._open_requests is not None:
            self._open_requests.stop()
        if self.dashboard is not None:
            self.dashboard.close()
            self.dashboard.deleteLater()
            self.dashboard = None
        self.ctx.worker.spawn(self.load_customers())

    # -- service requests ---------------------------------------------------------------------

    def current_customer(self) -> Customer | None:
        return self._pending

    async def drafts(self) -> DraftStore:
        """The draft store, opened on the worker the first time it is needed."""
        if self.ctx.drafts is None:
            self.ctx.drafts = await self.ctx.worker.run(DraftStore)
            if self.ctx.drafts.notice is not None:
                self.show_status(self.ctx.drafts.notice.message, 15000)
        return self.ctx.drafts

    def new_request(self) -> None:
        customer = self.current_customer()
        if customer is None:
            self.show_status(self.tr("Select a customer first (Ctrl+F finds one)."), 5000)
            return
        self.ctx.worker.spawn(self._new_request(customer))

    async def _new_request(self, customer: Customer) -> NewRequestDialog | None:
        """A kept draft of this customer's first (the latest, or one picked), else a new one:
        closing the dialog keeps the draft, and Ctrl+N brings it back."""
        store = await self.drafts()
        try:
            kept = await self.ctx.worker.run(store.for_customer, customer.tenant_id)
        except Exception as error:  # the store is unreadable: a new draft still works
            log.warning("kept drafts unreadable: %s", error)
            kept = []
        draft: Draft | None = None
        if kept:
            from desktop.ui.drafting import DraftChooser

            chooser = DraftChooser(customer.company_name, kept, self)
            if await run_dialog(chooser) != QDialog.DialogCode.Accepted:
                return None
            draft = chooser.chosen()
        if draft is None:
            draft = Draft.new(
                customer.tenant_id, customer.company_name, customer_domain=customer.domain
            )
        return await self.edit_draft(draft)

    def _escalate(self, issue: HealthIssue) -> None:
        customer = self.current_customer()
        if customer is not None:
            from desktop.ui.dialogs.new_request import escalation_draft

            self.ctx.worker.spawn(self.edit_draft(escalation_draft(customer, issue)))

    async def edit_draft(self, draft: Draft) -> NewRequestDialog:
        open_already = self._request_dialogs.get(draft.id)
        if open_already is not None and open_already.isVisible():
            open_already.raise_()  # one dialog per draft: two would overwrite each other
            open_already.activateWindow()
            return open_already
        store = await self.drafts()
        from desktop.ui.dialogs.new_request import NewRequestDialog

        dialog = NewRequestDialog(self.ctx, store, draft, self)
        self._request_dialogs[draft.id] = dialog
        dialog.finished.connect(lambda _result: self._request_dialogs.pop(draft.id, None))
        # Not deleted on close: a submission may still be running and will report to it.
        dialog.message.connect(lambda text: self.show_status(text, 10000))
        dialog.finished.connect(lambda _result: self._requests_changed(draft.tenant_id))
        dialog.show()
        return dialog

    def _requests_changed(self, tenant_id: str) -> None:
        customer = self.current_customer()
        if customer is not None and customer.tenant_id == tenant_id:
            self.requests.reload()

    def show_dashboard(self) -> DashboardWindow:
        """The all-customers view of the health board."""
        first = self.dashboard is None
        if self.dashboard is None:
            from desktop.ui.windows.dashboard import DashboardWindow

            self.dashboard = DashboardWindow(
                self.ctx,
                self.health_board,
                self,
                tags=self.tag_index,
                scope=self.scope_box.scope,
                issue_html=self.incidents.issue_html,
                planned=self.planned,
            )
            self.dashboard.show_customer.connect(self.select_tenant)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()  # the keyboard follows (Esc stops the sweep)
        # It shows what the list's sweep learned; it sweeps only when nothing was learned yet.
        if first and not self.health_board.swept and not self.health_board.running:
            self.health_board.start()
        return self.dashboard

    def show_open_requests(self) -> None:
        if self._open_requests is None:
            from desktop.ui.windows.open_requests import OpenRequestsWindow

            self._open_requests = OpenRequestsWindow(
                self.ctx, self.customers.model.all_records, self
            )
            self._open_requests.show_customer.connect(self.select_tenant)
        self._open_requests.show()
        self._open_requests.raise_()
        self._open_requests.activateWindow()
        self.ctx.worker.spawn(self._open_requests.load())

    def toggle_favourite(self) -> None:
        customer = self.customers.current_customer()
        if customer is None:
            self.show_status(self.tr("Choose a customer first."), 4000)
            return
        favourite = customer.tenant_id not in self.tag_index.favourites
        self.ctx.worker.spawn(self.tag_index.set_favourite(customer.tenant_id, favourite))

    async def edit_tags(self) -> None:
        customer = self.customers.current_customer()
        if customer is None:
            self.show_status(self.tr("Choose a customer first."), 4000)
            return
        if not self.tag_index.available:
            self.show_status(self.tr("Tags are not available: the local store could not open."))
            return
        from desktop.ui.scope import TagsDialog

        dialog = TagsDialog(
            customer.company_name,
            self.tag_index.tags_of(customer.tenant_id),
            sorted(self.tag_index.by_tag, key=str.casefold),
            self,
        )
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            await self.tag_index.set_tags(customer.tenant_id, dialog.tags())
            if self.tag_index.error:
                self.show_status(self.tr("Tags not saved: {0}").format(self.tag_index.error))

    async def _load_recent_notices(self) -> None:
        """The notices of earlier runs into the badge's menu (as read)."""
        cache, source = self.ctx.cache, self.ctx.source
        if cache is None or not source:
            return
        try:
            recent = await self.ctx.worker.run(NoticeBook(cache, source).recent, 20)
        except Exception as error:
            log.warning("earlier notices unreadable: %s", error)
            return
        self.notices.load(recent)

    def notice_rules(self) -> NoticeRules:
        """Which notices reach the tray, from the settings (read at each sweep's start)."""
        settings = self.account.settings
        scope = settings.notify_scope
        tenants = set() if scope == "none" else self.tag_index.tenants(scope)
        return NoticeRules(services=set(settings.notify_services) or None, tenants=tenants)

    async def edit_notice_settings(self) -> None:
        from desktop.ui.scope import FAVOURITES, TAG_PREFIX

        scopes = [
            (self.tr("Every customer"), ""),
            (self.tr("Favourites"), FAVOURITES),
            *(
                (self.tr("Tag: {0}").format(name), TAG_PREFIX + name)
                for name in sorted(self.tag_index.by_tag, key=str.casefold)
            ),
            (self.tr("Nobody (no notices)"), "none"),
        ]
        from desktop.ui.dialogs.notice_settings import NoticeSettingsDialog

        dialog = NoticeSettingsDialog(
            self.account.settings, sorted(self.health_board.services_seen), scopes, self
        )
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        self.account.save_settings(chosen)
        self.health_board.set_refresh(chosen.refresh_minutes)

    def _customer_name(self, tenant_id: str) -> str:
        record = self.customers.model.record_of_key(tenant_id)
        return record.company_name if record is not None else tenant_id

    def select_tenant(self, tenant_id: str) -> None:
        row = self.customers.model.row_of(tenant_id)
        if row is None:
            self.customers.search.clear()
            row = self.customers.model.row_of(tenant_id)
        if row is not None:
            self.customers.select_row(row)
            self.activateWindow()

    def start_health_sweep(self, customers: list[Customer]) -> None:
        self.health_board.start(customers)

    def _sweep_started(self, _everyone: bool) -> None:
        # Whoever started it (the list, the schedule, the dashboard): the status bar follows.
        self.sweep_progress.setRange(0, max(self.health_board.tally["total"], 1))
        self.sweep_progress.setValue(0)
        self.sweep_progress.show()

    def _sweep_progress(self, done: int, failed: int, total: int) -> None:
        self.sweep_progress.setValue(done)
        self.sweep_label.setText(
            self.tr("Health: %1 / %2, %n failed", "", failed)
            .replace("%1", QLocale().toString(done))
            .replace("%2", QLocale().toString(total))
        )

    def _sweep_finished(self, stopped: bool) -> None:
        self.sweep_progress.hide()
        ended = self.health_board.ended
        if ended is not None and ended.failed:
            self.sweep_label.setText(self.tr("Health check failed"))
        elif stopped:
            self.sweep_label.setText(self.tr("Health check stopped"))
        else:
            when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
            minutes = self.health_board.next_interval_min
            if minutes > 0:
                text = self.tr("Health checked at {0}; next in %n min", "", minutes)
            else:
                text = self.tr("Health checked at {0}")
            self.sweep_label.setText(text.format(when))
        self.health_sweep_done.emit(stopped)

    @property
    def _health_sweep(self) -> object | None:
        """The running health sweep, if any (tests and benches wait for it to end)."""
        return self.health_board._sweep

    def cancel_sweep(self) -> None:
        self.health_board.cancel()

    # -- the selected customer ------------------------------------------------------------

    def _customer_changed(self, customer: Customer | None) -> None:
        if customer is not self._pending:
            self._clear_transient_status()  # it was about the customer before
        self._pending = customer
        self._show_customer_header(customer)
        self._sync_favourite()
        self._selection_timer.start()

    def _tags_changed(self) -> None:
        self.customers.set_marks(self.tag_index.marks())
        # Members of the chosen scope may have changed (a customer starred or untagged).
        if self.scope_box.scope:
            self.customers.set_scope(self.tag_index.tenants(self.scope_box.scope))
        self._sync_favourite()

    def _sync_favourite(self) -> None:
        # By tenant id: a refilter may have reset the view's current index for a moment.
        tenant = self.customers.current_tenant
        action = self.actions_by_name["favourite"]
        action.setChecked(tenant is not None and tenant in self.tag_index.favourites)

    def _show_customer_header(self, customer: Customer | None) -> None:
        if customer is None:
            self.title.setText(self.tr("No customer selected"))
            self.subtitle.setText(self.tr("Find a customer with Ctrl+F."))
            return
        # Cut first: a label lays its whole text out, and a 5 MB name froze the window ~10 s.
        self.title.setText(elide(customer.company_name or customer.domain))
        self.subtitle.setText(f"{elide(customer.domain)} · {elide(customer.tenant_id)}")

    def _load_selected(self) -> None:
        for pane in self.panes():
            pane.set_customer(self._pending)

    def refresh(self) -> None:
        """F5: the customer's tabs again, and the customer list if it could not be read."""
        if self._list_failed:
            self.ctx.worker.spawn(self.load_customers())
        for pane in self.panes():
            pane.reload()

    def _customer_consented(self, customer: Customer) -> None:
        """Partner Desk was allowed in `customer` from one pane: the others load again too, and
        its health is checked unless a sweep is under way (which reaches it anyway)."""
        for pane in self.panes():
            if pane.customer is customer and pane.state != "loading":
                pane.reload()
        if not self.health_board.running:
            self.health_board.start([customer])

    def _customer_consent_refused(self, customer: Customer) -> None:
        """Refused in one pane: the customer's other panes say so instead of offering it."""
        for pane in self.panes():
            if pane.customer is customer and pane.offers_consent:
                pane.show_consent_refused()

    def consent_all(self) -> None:
        """Account → Allow Partner Desk in all customers…"""
        from desktop.ui.dialogs.consent_dialog import ConsentDialog

        dialog = ConsentDialog(self.ctx, self.customers.model.all_records(), self)
        dialog.finished_run.connect(self._consent_run_finished)
        dialog.show()

    def _consent_run_finished(self, allowed: int) -> None:
        if allowed:
            self.refresh()
            if not self.health_board.running:
                self.health_board.start()

    def select_customer_row(self, row: int) -> None:
        """Select a row and load it now (no debounce): for tests and the self-test."""
        self.customers.select_row(row)
        self._selection_timer.stop()
        self._load_selected()

    async def wait_panes_settled(self, timeout: float = 60.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while any(p.state == "loading" for p in self.panes()):
            if loop.time() > deadline:
                raise TimeoutError("panes did not finish loading")
            await asyncio.sleep(0.02)

    def show_status(
        self, text: str, timeout_ms: int = STATUS_TIMEOUT_MS, lasting: bool = False
    ) -> None:
        """A line in the status bar. Most are about what was just done, often for the customer
        shown: they go after `timeout_ms` or when another customer is chosen. `lasting` ones
        (the customer list's state) stay until replaced; `timeout_ms` 0 is "until replaced".
        It may hold server text (an error's message, a name): cut before the bar takes it."""
        text = elide(text, TEXT_CHARS)
        self.statusBar().showMessage(text, 0 if lasting else timeout_ms)
        self._transient_status = "" if lasting else text

    def _clear_transient_status(self) -> None:
        bar = self.statusBar()
        if self._transient_status and bar.currentMessage() == self._transient_status:
            bar.clearMessage()
        self._transient_status = ""

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.completed:
            super().closeEvent(event)
            return
        if self.dashboard is not None:
            self.dashboard.close()
        self.health_board.stop()
        self.planned.stop()
        for pane in self.panes():
            pane.lane.cancel()
        super().closeEvent(event)
