"""The dashboard: which customers are hurt right now, by service, and by which incident.

It shows the health board (`desktop.qt.health_board`), the one sweep the main list shows too:
a customers x services grid and the list of incidents active right now with the customers each
touches, for the chosen scope (tags). It does not sweep by itself: opening it after the list's
sweep makes no call; "Check all customers" sweeps again for the list and the dashboard alike.
Partner Center's partner-level service incidents and message center notices sit beside them,
labelled as partner-level context. A second tab lists the planned changes (message center) of
every customer, from the main window's `PlannedChanges`. Any customer opens in the main window.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue
from desktop.qt.dashboard_feed import DashboardFeed
from desktop.qt.dates import date_text
from desktop.qt.health_board import HealthBoard, TenantHealth
from desktop.qt.message_sweep import PlannedChanges
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.qt.words import status_word
from desktop.ui.scope import ALL, ScopeBox, TagIndex
from desktop.ui.widgets.health_grid import HealthGridView, IncidentsNowView
from desktop.ui.widgets.html_view import SafeTextBrowser
from desktop.ui.widgets.link_actions import wire_text_links
from desktop.ui.widgets.placement import WindowMemory
from desktop.ui.widgets.sweep_bar import SweepBar
from desktop.ui.widgets.window_keys import close_keys
from desktop.ui.widgets.window_role import announce_as_window
from desktop.ui.windows.dashboard_export import ask_export_path, write_rows
from desktop.ui.windows.partner_context import PartnerContextPanel

log = logging.getLogger(__name__)

# When a sweep ends, the top incident is selected this long after the grid was sorted.
SELECT_AFTER_MS = 50

# Its name in the layout file (desktop.config.layout).
LAYOUT = "dashboard"


class DashboardWindow(QWidget):
    """Signals:
    show_customer(str): open this tenant in the main window.
    sweep_done(bool): the sweep ended (True when stopped).
    """

    show_customer = Signal(str)
    sweep_done = Signal(bool)

    def __init__(
        self,
        holder: SessionHolder,
        board: HealthBoard,
        parent: QWidget | None = None,
        tags: TagIndex | None = None,
        scope: str = ALL,
        issue_html: Callable[[HealthIssue], str] | None = None,
        planned: PlannedChanges | None = None,
        memory: WindowMemory | None = None,
    ) -> None:
        """`board`: the health board the main list shows too; `planned`: the main window's
        planned changes (one sweep for the window's notices and this tab); without it, the
        dashboard keeps its own. `memory`: where its size is kept between starts."""
        super().__init__(parent, Qt.WindowType.Window)
        announce_as_window(self)
        self.holder = holder
        self.board = board
        self.planned = planned or PlannedChanges(holder, board.customers, self)
        self.tags = tags
        # The incidents tab's rendering (every post, newest first), when the main window gives it.
        self._issue_html = issue_html
        self._affected_tenants: list[str] = []  # the tenant of each row of `affected`
        self.scope_box: ScopeBox | None = None
        if tags is not None:
            self.scope_box = ScopeBox(tags)
            self.scope_box.set_scope(scope)
        self.setWindowTitle(self.tr("Dashboard — who is hurt right now"))
        self.feed = DashboardFeed(board, self)
        self.grid = self.feed.grid
        self.incidents = self.feed.incidents
        self._build()
        self.layout_memory = memory if memory is not None else WindowMemory()
        # As large as the grid wants, as the screen allows (a 1366x768 laptop does not).
        self.layout_memory.place(self, LAYOUT, QSize(1400, 820))
        self.feed.published.connect(self._show_progress)
        self.feed.ended.connect(self._ended)
        board.started.connect(self._started)
        self.feed.set_scope(self._scope_tenants())
        self.bar.set_running(board.running)
        self._name_run_button()
        if board.running or board.swept:
            self.holder.worker.spawn(self.partner.load())
        if not board.running:
            QTimer.singleShot(SELECT_AFTER_MS, self, self._select_top_incident)

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Save what this sweep found as CSV or JSON"))
        self.export_button.clicked.connect(lambda: self.holder.worker.spawn(self.export()))
        self.bar = SweepBar(
            self.tr("&Check all customers"),
            self.tr("&Stop"),
            self.tr("Sweep progress"),
            (self.export_button,),
        )
        self.bar.run_button.clicked.connect(self.start_sweep)
        self.bar.stop_button.clicked.connect(self.stop_sweep)
        # Esc stops the check of the tab in view, or with none running closes the window, as
        # Ctrl+W does (the board's sweep goes on: it is the main list's too).
        close_keys(self, self._escape)
        self.counts = self.bar.status
        self.counts.setText(self.tr("Not checked yet."))
        # No accessible name: it hid the counts ("Sweep counts" was all a screen reader read).
        self.counts.setAccessibleDescription(self.tr("Sweep counts"))
        self.summary = QLabel()
        self.bar.add_text(self.summary)
        bar = QHBoxLayout()
        if self.scope_box is not None:
            scope_label = QLabel(self.tr("Sc&ope:"))
            scope_label.setBuddy(self.scope_box)
            bar.addWidget(scope_label)
            bar.addWidget(self.scope_box)
            self.scope_box.scope_changed.connect(self._scope_chosen)
        bar.addWidget(self.bar, 1)

        self.grid_view = HealthGridView(self.grid)
        self.grid_view.activated.connect(self._open_grid_customer)
        self.grid_view.doubleClicked.connect(self._open_grid_customer)
        self.incident_view = IncidentsNowView(self.incidents)
        self.incident_view.selectionModel().currentRowChanged.connect(self._show_incident)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Incident details"))
        self.affected = QListWidget()
        # One line per name, all alike: the list lays out thousands of customers without
        # measuring each one.
        self.affected.setUniformItemSizes(True)
        self.affected.setAccessibleName(self.tr("Customers this incident touches"))
        self.affected.setAccessibleDescription(
            self.tr("Enter opens the customer in the main window.")
        )
        self.affected.itemActivated.connect(self._open_listed_customer)
        self.affected.itemDoubleClicked.connect(self._open_listed_customer)
        self.partner = PartnerContextPanel(self.holder)
        # Links in posts open from here too; the line beside the counts says what did not.
        for view in (self.detail, self.partner.detail):
            wire_text_links(view, self.holder, self.summary.setText, say_opened=False)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._titled(self.tr("Incidents now"), self.incident_view))
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        lower.addWidget(self._titled(self.tr("Customers it touches"), self.affected))
        lower.setSizes([420, 220])
        right.addWidget(lower)
        right.addWidget(self.partner)
        right.setSizes([250, 280, 270])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self._titled(self.tr("Customers by service"), self.grid_view))
        main.addWidget(right)
        main.setSizes([760, 640])
        from desktop.ui.windows.planned_view import PlannedChangesView

        self.planned_view = PlannedChangesView(self.holder, self.planned, self.board.customers)
        self.planned_view.show_customer.connect(self.show_customer)
        health = QWidget()
        health_layout = QVBoxLayout(health)
        health_layout.setContentsMargins(0, 0, 0, 0)
        health_layout.addLayout(bar)
        health_layout.addWidget(main, 1)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Dashboard views"))
        self.tabs.addTab(health, self.tr("&Health and incidents"))
        self.tabs.addTab(self.planned_view, self.tr("Planned chan&ges"))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.planned_view:
            # Last-known posts at once; a first read when none were ever read.
            self.holder.worker.spawn(self._show_planned())

    async def _show_planned(self) -> None:
        await self.planned.show_cached()
        if (
            self.planned.read_at is None
            and not self.planned.running
            and not self.holder.session.offline
        ):
            self.planned.start()

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(f"<b>{html.escape(title)}</b>")
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    # -- the board -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.board.running

    @property
    def scope(self) -> str:
        return self.scope_box.scope if self.scope_box is not None else ALL

    @property
    def results(self) -> dict[str, TenantHealth]:
        """What the board learned of the customers in scope, by tenant (the export's rows)."""
        return {e.customer.tenant_id: e for e in self.feed.entries()}

    def _scope_tenants(self) -> set[str] | None:
        return self.tags.tenants(self.scope) if self.tags is not None else None

    def _scope_chosen(self, _scope: str) -> None:
        self.feed.set_scope(self._scope_tenants())
        self.detail.clear()
        self.affected.clear()

    def start_sweep(self) -> None:
        """Check every customer again: the list's Health column follows the same sweep. After
        a stopped check, only the customers it had not reached (a Resume); after a complete
        one, everyone again."""
        if self.board.running:
            return
        if self.board.resume():
            return
        if not self.board.customers():
            self.counts.setText(self.tr("Load the customer list first."))
            return
        self.board.start()

    def _name_run_button(self) -> None:
        resumable = self.board.resumable
        self.bar.run_button.setText(
            self.tr("Resume &check") if resumable else self.tr("&Check all customers")
        )
        self.bar.run_button.setToolTip(
            self.tr("Check the customers the stopped check had not reached") if resumable else ""
        )

    def stop_sweep(self) -> None:
        self.board.cancel()

    def _escape(self) -> None:
        shown = self.planned if self.tabs.currentWidget() is self.planned_view else self.board
        if shown.running:
            self._stop_shown()
        else:
            self.close()

    def _stop_shown(self) -> None:
        """Esc stops the check of the tab in view: on Planned changes, its read, not the
        health check behind the other tab."""
        if self.tabs.currentWidget() is self.planned_view:
            self.planned.cancel()
        else:
            self.stop_sweep()

    def _started(self, _whole: bool) -> None:
        self.bar.set_running(True)
        self.export_button.setEnabled(False)
        self._show_progress()
        self.holder.worker.spawn(self.partner.load())

    def _ended(self, stopped: bool) -> None:
        self.bar.set_running(False)
        self._name_run_button()
        # The most widespread incident's posts and customers, rather than empty panes; after
        # the sorted grid has painted, not in the same turn (both at once was the longest
        # pause of a big sweep).
        QTimer.singleShot(SELECT_AFTER_MS, self, self._select_top_incident)
        self.sweep_done.emit(stopped)

    def _select_top_incident(self) -> None:
        idle = not self.board.running and self.incidents.rowCount()
        if idle and not self.incident_view.currentIndex().isValid():  # nobody chose one yet
            self.incident_view.selectRow(0)

    def _show_progress(self) -> None:
        board = self.board
        tally = board.tally
        done, failed, total = tally["done"], tally["failed"], tally["total"]
        self.export_button.setEnabled(not board.running and self.grid.rowCount() > 0)
        number = QLocale().toString
        hurt, answered = self.grid.counts()
        if self.scope_box is not None and not answered and board.swept:
            self.counts.setText(self.tr("No customer in this scope."))
        elif board.started_at is None:
            self.counts.setText(self.tr("Not checked yet."))
        else:
            self.bar.show_progress(done, total)
            text = (
                self.tr("%1 done · %2 failed · %3 remaining · %4")
                .replace("%1", number(done))
                .replace("%2", number(failed))
                .replace("%3", number(total - done))
                .replace("%4", self._when(done, total))
            )
            if board.without_access:
                # Where the partner stands, not a failure: said apart (issue 18).
                text += " · " + self.tr(
                    "%n without GDAP access or consent", "", board.without_access
                )
            self.counts.setText(text)
        self.summary.setText(
            self.tr("<b>%1</b> of %2 customers have a degraded service · %3 incidents now")
            .replace("%1", number(hurt))
            .replace("%2", number(answered))
            .replace("%3", number(self.incidents.rowCount()))
        )

    def _when(self, done: int, total: int) -> str:
        board, ended = self.board, self.board.ended
        started = board.started_at or time.monotonic()
        elapsed = (board.ended_at or time.monotonic()) - started
        if board.running:
            if done and total > done:
                eta = elapsed / done * (total - done)
                return self.tr("about %n s left", "", max(1, round(eta)))
            return ""
        if ended is not None and ended.failed:
            return self.tr("failed")
        if ended is not None and ended.stopped:
            return self.tr("stopped")
        return self.tr("done in %n s", "", max(1, round(elapsed)))

    # -- export --------------------------------------------------------------------------------

    async def export(self, path: Path | None = None, what: str = "") -> Path | None:
        """Save the last sweep's health or incidents as CSV or JSON (chosen by the extension).

        The rows and columns are those of `partner-desk export health|incidents`, written on
        the worker, atomically (a crash leaves no half file).
        """
        if path is None:
            chosen = await ask_export_path(self)
            if chosen is None:
                return None
            path, what = chosen
        try:
            await self.holder.worker.run(write_rows, path, what or "health", self.feed.entries())
        except OSError as error:
            self.counts.setText(self.tr("Export failed: {0}").format(error.strerror or error))
            return None
        self.counts.setText(self.tr("Saved {0}").format(str(path)))
        return path

    # -- selection -----------------------------------------------------------------------------

    def _show_incident(self, current: QModelIndex, _previous: QModelIndex) -> None:
        active = current.data(RecordRole)
        self.affected.clear()
        if active is None:
            self.detail.clear()
            return
        issue: HealthIssue = active.issue
        if self._issue_html is not None:
            self.detail.setHtml(self._issue_html(issue))
        else:
            self._show_summary(issue)
        board = self.board

        def name(tenant: str) -> str:
            entry = board.entry(tenant)
            return (entry.customer.company_name if entry is not None else "") or tenant

        names = {t: name(t) for t in active.tenants}
        tenants = sorted(active.tenants, key=lambda t: names[t].casefold())
        # One call for the lot: an incident may touch thousands of customers, and one call into
        # Qt per item waited for the GIL each time while a sweep ran.
        self._affected_tenants = tenants
        self.affected.addItems([names[t] for t in tenants])

    def _show_summary(self, issue: HealthIssue) -> None:
        e = html.escape
        latest = issue.posts_newest_first()[:1]
        post = self.holder.session.backend.sanitize(latest[0].content) if latest else ""
        updated = self.tr("last update {0}").format(date_text(issue.last_modified, missing="—"))
        self.detail.setHtml(
            f"<h3>{e(issue.id)} — {e(issue.title)}</h3>"
            f"<p><b>{e(issue.service)}</b> · {e(status_word(issue.status))} · {e(updated)}</p>"
            f"<p>{e(issue.impact)}</p>{post}"
        )

    def _open_grid_customer(self, index: QModelIndex) -> None:
        customer = index.data(RecordRole)
        if isinstance(customer, Customer):
            self.show_customer.emit(customer.tenant_id)

    def _open_listed_customer(self, item: QListWidgetItem) -> None:
        row = self.affected.row(item)
        if 0 <= row < len(self._affected_tenants):
            self.show_customer.emit(self._affected_tenants[row])

    def remember_layout(self, save: bool = True) -> None:
        self.layout_memory.remember(self, LAYOUT)
        if save:
            self.layout_memory.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_layout()
        # The board's sweep goes on: it is the main list's too.
        if self.planned.parent() is self:
            self.planned.stop()
        super().closeEvent(event)
