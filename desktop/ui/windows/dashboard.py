"""The dashboard: which customers are hurt right now, by service, and by which incident.

One sweep reads every customer's health with its issues (bounded concurrency, Retry-After
honoured, cancellable) and streams into a customers x services grid and the list of incidents
active right now with the customers each touches. Partner Center's partner-level service
incidents and message center notices sit beside them, labelled as partner-level context. A
second tab lists the planned changes (message center) of every customer, from the main window's
`PlannedChanges`. Any customer opens in the main window.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.config.limits import cpu_work
from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.qt.dates import date_text
from desktop.qt.failures import health_failure
from desktop.qt.health_sweep import committing
from desktop.qt.message_sweep import PlannedChanges
from desktop.qt.models.dashboard import (
    AFFECTED,
    NAME,
    GridRow,
    HealthGridModel,
    IncidentsNowModel,
    grid_row,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.qt.words import severity_words, status_word
from desktop.qt.worker import Ended, Stream
from desktop.services import export
from desktop.services.atomic_file import write_text
from desktop.services.backend import CANCELLED, ApiError, Outcome
from desktop.store.cache import HEALTH, ISSUES
from desktop.ui.errors import explain
from desktop.ui.scope import ALL, ScopeBox, TagIndex
from desktop.ui.widgets.dialogs import run_dialog
from desktop.ui.widgets.html_view import SafeTextBrowser
from desktop.ui.widgets.progress import ProgressBar
from desktop.ui.widgets.status import badge_column_width, badge_icons
from desktop.ui.widgets.tables import AppendingTable, setup_table, size_columns
from desktop.ui.windows.partner_context import PartnerContextPanel

log = logging.getLogger(__name__)

# A customer's health, its active issues, and its grid row (made on the sweep's thread).
SweepResult = tuple[list[ServiceHealth], list[HealthIssue], GridRow]
# When a sweep ends, the top incident is selected this long after the grid was sorted.
SELECT_AFTER_MS = 50


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
        customers: Callable[[], list[Customer]],
        parent: QWidget | None = None,
        tags: TagIndex | None = None,
        scope: str = ALL,
        issue_html: Callable[[HealthIssue], str] | None = None,
        planned: PlannedChanges | None = None,
    ) -> None:
        """`planned`: the main window's planned changes (one sweep for the window's notices
        and this tab); without it, the dashboard keeps its own."""
        super().__init__(parent, Qt.WindowType.Window)
        self.planned = planned or PlannedChanges(holder, customers, self)
        self.holder = holder
        self._customers = customers
        self._sweep: Stream[Outcome[SweepResult]] | None = None
        self._names: dict[str, str] = {}
        # What the last sweep learned, per tenant, for the export: (customer, health or None,
        # active issues, error).
        self.results: dict[str, tuple[Customer, list[ServiceHealth] | None, list[HealthIssue], str]]
        self.results = {}
        self.tags = tags
        # The incidents tab's rendering (every post, newest first), when the main window gives it.
        self._issue_html = issue_html
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(500)
        self._refresh.timeout.connect(self._publish)
        self._pending_progress: tuple[int, int, int, float] | None = None
        self._pending_rows: list[tuple[GridRow, list[ServiceHealth] | None]] = []
        self._affected_tenants: list[str] = []  # the tenant of each row of `affected`
        self.scope_box: ScopeBox | None = None
        if tags is not None:
            self.scope_box = ScopeBox(tags)
            self.scope_box.set_scope(scope)
        self.setWindowTitle(self.tr("Dashboard — who is hurt right now"))
        self.grid = HealthGridModel(self)
        self.incidents = IncidentsNowModel(self)
        self._build()
        self.resize(1400, 820)

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.run_button = QPushButton(self.tr("&Check all customers"))
        self.run_button.clicked.connect(self.start_sweep)
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.clicked.connect(self.stop_sweep)
        self.stop_button.setEnabled(False)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.stop_sweep)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Save what this sweep found as CSV or JSON"))
        self.export_button.clicked.connect(lambda: self.holder.worker.spawn(self.export()))
        self.export_button.setEnabled(False)
        self.progress = ProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setAccessibleName(self.tr("Sweep progress"))
        self.counts = QLabel(self.tr("Not checked yet."))
        self.counts.setAccessibleName(self.tr("Sweep counts"))
        self.summary = QLabel()
        # Wrapped, not one long line: in German the two lines alone made the window 1,375 px
        # wide at the least, too wide for a laptop screen at 150 %.
        for label in (self.counts, self.summary):
            label.setWordWrap(True)
            label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        if self.scope_box is not None:
            scope_label = QLabel(self.tr("Sc&ope:"))
            scope_label.setBuddy(self.scope_box)
            bar.addWidget(scope_label)
            bar.addWidget(self.scope_box)
            # Choosing a scope checks it: sweeping one tag is quick, and it is why one chooses.
            self.scope_box.scope_changed.connect(self._scope_chosen)
        for widget in (
            self.run_button,
            self.stop_button,
            self.export_button,
            self.progress,
        ):
            bar.addWidget(widget)
        # The two texts share the rest of the line; each wraps only when it has to.
        bar.addWidget(self.counts, 1)
        bar.addWidget(self.summary, 1)

        self.grid_view = AppendingTable()
        self.grid_view.setModel(self.grid)
        self.grid_view.setAccessibleName(self.tr("Customers by service"))
        self.grid_view.setAccessibleDescription(
            self.tr(
                "One row per customer, most affected first, one column per service; every cell "
                "has a shape and a word. Enter opens the customer in the main window."
            )
        )
        setup_table(self.grid_view, sortable=True)
        self.grid_view.horizontalHeader().setSortIndicator(AFFECTED, Qt.SortOrder.DescendingOrder)
        # Colour, shape and text in every cell: readable for colour-blind users and in any theme.
        # Icons, not a Python delegate: 10,000 rows x 20 services repaint several times a second.
        self.grid_view.setIconSize(QSize(12, 12))
        self.grid.set_badges(badge_icons(12, self.devicePixelRatioF()))
        header = self.grid_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Wide enough for every status word of the language ("Beeinträchtigt") after its badge.
        words = list(severity_words().values())
        header.setDefaultSectionSize(
            max(96, badge_column_width(self.grid_view.fontMetrics(), words))
        )
        header.resizeSection(NAME, 230)
        header.resizeSection(AFFECTED, 110)
        self.grid_view.activated.connect(self._open_grid_customer)
        self.grid_view.doubleClicked.connect(self._open_grid_customer)

        self.incident_view = QTableView()
        self.incident_view.setModel(self.incidents)
        self.incident_view.setAccessibleName(self.tr("Incidents now"))
        self.incident_view.setAccessibleDescription(
            self.tr(
                "Active Microsoft issues, the most widespread first. The selected one's details "
                "and the customers it touches follow."
            )
        )
        setup_table(self.incident_view, sortable=True)
        size_columns(
            self.incident_view,
            stretch=IncidentsNowModel.TITLE,
            hidden=[IncidentsNowModel.CLASSIFICATION],
        )
        # Widths from the longest text each can hold, not fitted to contents: fitting measures
        # every row again on each update, twice a second, each measure a call into Python that
        # waits for the sweep's GIL (11-32 ms per update at 10,000 customers).
        metrics = self.incident_view.fontMetrics()
        header = self.incident_view.horizontalHeader()
        pad = metrics.averageCharWidth() * 3
        for column, longest in (
            (IncidentsNowModel.ID, "WW0000000"),
            (IncidentsNowModel.CUSTOMERS, QLocale().toString(100_000)),
        ):
            width = max(metrics.horizontalAdvance(longest) + pad, header.sectionSizeHint(column))
            header.resizeSection(column, width)
        self.incident_view.selectionModel().currentRowChanged.connect(self._show_incident)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Incident details"))
        self.affected = QListWidget()
        # One line per name, all alike: the list lays out thousands of customers without
        # measuring each one (5,000 names: 28-32 ms of layout, 2 ms this way).
        self.affected.setUniformItemSizes(True)
        self.affected.setAccessibleName(self.tr("Customers this incident touches"))
        self.affected.setAccessibleDescription(
            self.tr("Enter opens the customer in the main window.")
        )
        self.affected.itemActivated.connect(self._open_listed_customer)
        self.affected.itemDoubleClicked.connect(self._open_listed_customer)
        self.partner = PartnerContextPanel(self.holder)
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

        self.planned_view = PlannedChangesView(self.holder, self.planned, self._customers)
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

    # -- the sweep -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._sweep is not None

    @property
    def scope(self) -> str:
        return self.scope_box.scope if self.scope_box is not None else ALL

    def _scope_chosen(self, _scope: str) -> None:
        if self._sweep is None and self.isVisible():
            self.start_sweep()

    def start_sweep(self) -> None:
        if self._sweep is not None:
            return
        everyone = self._customers()
        if not everyone:
            self.counts.setText(self.tr("Load the customer list first."))
            return
        customers = self.tags.within(self.scope, everyone) if self.tags is not None else everyone
        self._names = {c.tenant_id: c.company_name for c in customers}
        self.grid.clear()
        self.incidents.clear()
        self.detail.clear()
        self.affected.clear()
        self.results = {}
        self._pending_rows = []
        self.export_button.setEnabled(False)
        if not customers:
            self.progress.setValue(0)
            self.counts.setText(self.tr("No customer in this scope."))
            self.summary.clear()
            return
        backend = self.holder.session.backend
        total = len(customers)
        tally = {"done": 0, "failed": 0}
        started = time.monotonic()
        cache, source = self.holder.session.cache, self.holder.session.source
        writer = (
            cache.writer(source)
            if cache is not None and source and not self.holder.session.offline
            else None
        )

        def check(customer: Customer, cid: str, cancel: threading.Event) -> SweepResult:
            try:
                health, issues = backend.health_and_issues(customer.tenant_id, cid, cancel)
            except Exception as error:
                # A stopped sweep's calls end as cancelled: nothing the cache should keep.
                if writer is not None and not cancel.is_set():
                    writer.record(HEALTH, customer.tenant_id, failure=str(error))
                raise
            if cancel.is_set():  # answered after the sweep was stopped: its owner moved on
                raise ApiError("Cancelled.", kind=CANCELLED)
            if writer is not None:  # the dashboard's sweep keeps the cache fresh too
                with cpu_work():
                    writer.record(HEALTH, customer.tenant_id, items=health.items)
                    writer.record(ISSUES, customer.tenant_id, items=issues.items)
            active = [i for i in issues.items if i.active]
            return health.items, active, grid_row(customer, health.items, len(active), "")

        def on_batch(batch: list[Outcome[SweepResult]]) -> None:
            rows: list[tuple[GridRow, list[ServiceHealth] | None]] = []
            for outcome in batch:
                tally["done"] += 1
                if outcome.value is None:
                    tally["failed"] += 1
                    error = outcome.error or Exception()
                    reason = explain(error, "").title
                    row = grid_row(outcome.customer, None, 0, reason, health_failure(error))
                    rows.append((row, None))
                    self.results[outcome.customer.tenant_id] = (outcome.customer, None, [], reason)
                    continue
                health, active, row = outcome.value
                rows.append((row, health))
                self.results[outcome.customer.tenant_id] = (outcome.customer, health, active, "")
                self.incidents.add(outcome.customer.tenant_id, active)
            self._pending_rows.extend(rows)
            # The grid, the incidents list and the counts change twice a second, not per
            # batch. Each grid update repaints the visible cells, and each cell is a call into
            # Python that waits for the GIL the sweep threads hold (the list's own sweep, one
            # column, stalled 31 ms at most at 10,000 customers; the grid, twenty, 53-117 ms).
            self._pending_progress = (tally["done"], tally["failed"], total, started)
            if not self._refresh.isActive():
                self._refresh.start()

        def on_end(ended: Ended) -> None:
            self._sweep = None
            self._refresh.stop()
            self._flush_rows()
            self.incidents.publish()
            self.incidents.resort()  # issues found during the sweep were added below the rest
            # The most widespread incident's posts and customers, rather than empty panes; after
            # the sorted grid has painted, not in the same turn: its customers (thousands) and
            # posts took 8-13 ms, the sort and the grid's repaint 20-30 ms, and one turn
            # doing both was the longest pause of a 10,000-customer sweep.
            QTimer.singleShot(SELECT_AFTER_MS, self, self._select_top_incident)
            self.export_button.setEnabled(bool(self.results))
            self.run_button.setEnabled(True)
            self.stop_button.setEnabled(False)
            self.grid.resort()
            self._show_progress(
                tally["done"], tally["failed"], total, started, ended.stopped, ended.failed
            )
            self.sweep_done.emit(ended.stopped)

        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self._sweep = self.holder.worker.stream(
            lambda cancel, pool: committing(
                backend.sweep(customers, check, cancel=cancel, pool=pool), writer
            ),
            on_batch,
            on_end,
            owner=self,
        )
        self.holder.worker.spawn(self.partner.load())

    def _select_top_incident(self) -> None:
        idle = self._sweep is None and self.incidents.rowCount()
        if idle and not self.incident_view.currentIndex().isValid():  # nobody chose one yet
            self.incident_view.selectRow(0)

    def _flush_rows(self) -> None:
        if self._pending_rows:
            rows, self._pending_rows = self._pending_rows, []
            self.grid.add_rows(rows)

    def _publish(self) -> None:
        self._flush_rows()
        if self._pending_progress is not None:
            self.progress.setValue(self._pending_progress[0])
        self.incidents.publish()
        if self._pending_progress is not None:
            self._show_progress(*self._pending_progress)

    def stop_sweep(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()

    def _show_progress(
        self,
        done: int,
        failed: int,
        total: int,
        started: float,
        stopped: bool | None = None,
        broke: bool = False,
    ) -> None:
        """`stopped`: None while it runs; `broke`: it stopped on a failure, not a cancel."""
        self.progress.setValue(done)
        remaining = total - done
        elapsed = time.monotonic() - started
        if stopped is None and done and remaining:
            eta = elapsed / done * remaining
            when = self.tr("about %n s left", "", max(1, round(eta)))
        elif broke:
            when = self.tr("failed")
        elif stopped:
            when = self.tr("stopped")
        elif stopped is False:
            when = self.tr("done in %n s", "", max(1, round(elapsed)))
        else:
            when = ""
        number = QLocale().toString
        self.counts.setText(
            self.tr("%1 done · %2 failed · %3 remaining · %4")
            .replace("%1", number(done))
            .replace("%2", number(failed))
            .replace("%3", number(remaining))
            .replace("%4", when)
        )
        hurt, answered = self.grid.counts()
        self.summary.setText(
            self.tr("<b>%1</b> of %2 customers have a degraded service · %3 incidents now")
            .replace("%1", number(hurt))
            .replace("%2", number(answered))
            .replace("%3", number(self.incidents.rowCount()))
        )

    # -- export --------------------------------------------------------------------------------

    async def export(self, path: Path | None = None, what: str = "") -> Path | None:
        """Save the last sweep's health or incidents as CSV or JSON (chosen by the extension).

        The rows and columns are those of `partner-desk export health|incidents`, written on
        the worker, atomically (a crash leaves no half file).
        """
        if path is None:
            chosen = await self._ask_export_path()
            if chosen is None:
                return None
            path, what = chosen
        what = what or "health"
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        results = list(self.results.values())

        def write() -> None:
            rows: list[dict[str, object]] = []
            for customer, health, active, error in results:
                if what == "incidents":
                    rows += export.incident_rows(customer, active, error)
                else:
                    rows += export.health_rows(customer, health or [], error)
            # A temporary file of its own beside the target, then renamed (atomic_file.py).
            write_text(path, export.render(rows, what, fmt))

        try:
            await self.holder.worker.run(write)
        except OSError as error:
            self.counts.setText(self.tr("Export failed: {0}").format(error.strerror or error))
            return None
        self.counts.setText(self.tr("Saved {0}").format(str(path)))
        return path

    async def _ask_export_path(self) -> tuple[Path, str] | None:
        dialog = QFileDialog(self, self.tr("Export the dashboard"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        filters = {
            self.tr("Health per service, CSV (*.csv)"): ("health", "csv"),
            self.tr("Health per service, JSON (*.json)"): ("health", "json"),
            self.tr("Active incidents per customer, CSV (*.csv)"): ("incidents", "csv"),
            self.tr("Active incidents per customer, JSON (*.json)"): ("incidents", "json"),
        }
        dialog.setNameFilters(list(filters))
        dialog.selectFile(f"partner-desk-health-{time.strftime('%Y-%m-%d')}.csv")
        dialog.filterSelected.connect(
            lambda name: dialog.setDefaultSuffix(filters.get(name, ("", "csv"))[1])
        )
        dialog.setDefaultSuffix("csv")
        if await run_dialog(dialog) != QFileDialog.DialogCode.Accepted:
            return None
        what, fmt = filters.get(dialog.selectedNameFilter(), ("health", "csv"))
        path = Path(dialog.selectedFiles()[0])
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_name(f"{path.name}.{fmt}")
        return path, what

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
        names = self._names
        tenants = sorted(active.tenants, key=lambda t: (names.get(t) or t).casefold())
        # One call for the lot: an incident may touch thousands of customers, and one call into
        # Qt per item waited for the GIL each time while a sweep ran.
        self._affected_tenants = tenants
        self.affected.addItems([names.get(t) or t for t in tenants])

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_sweep()
        if self.planned.parent() is self:
            self.planned.stop()
        super().closeEvent(event)
