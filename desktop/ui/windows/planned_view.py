"""The dashboard's "Planned changes": each message center post once, with the customers it
concerns, action dates first. Filled by `PlannedChanges` (one sweep, cached), never by a sweep
of its own."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customers import Customer
from desktop.domain.service_messages import PlannedChange
from desktop.qt.message_sweep import PlannedChanges
from desktop.qt.models.age import age_text
from desktop.qt.models.messages import (
    P_ACTION_BY,
    P_CATEGORY,
    P_CUSTOMERS,
    P_ID,
    P_LAST_UPDATE,
    P_MAJOR,
    P_SERVICES,
    P_TITLE,
    PlannedChangesModel,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.ui.panes.messages import message_html
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.html_view import SafeTextBrowser
from desktop.ui.widgets.link_actions import wire_text_links
from desktop.ui.widgets.sweep_bar import SweepBar
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns

# Answers come in batches many times a second; the table follows twice a second.
PUBLISH_MS = 500


class PlannedChangesView(QWidget):
    """Signals: show_customer(str): open this tenant in the main window."""

    show_customer = Signal(str)

    def __init__(
        self,
        holder: SessionHolder,
        board: PlannedChanges,
        customers: Callable[[], list[Customer]],
        parent: QWidget | None = None,
    ) -> None:
        """`customers`: the customer list, for the names of those a post concerns."""
        super().__init__(parent)
        self.holder = holder
        self.board = board
        self._customers = customers
        self._tenants: list[str] = []  # the tenant of each row of `customers`
        self._shown: PlannedChange | None = None  # what the detail and the list now show
        self._names: dict[str, str] = {}  # tenant -> company name, for `_names_of`
        self._names_from: tuple[list[Customer], int] | None = None  # the list and its length
        self.model = PlannedChangesModel(self)
        self.major_only = QCheckBox(self.tr("&Major changes only"))
        self.major_only.toggled.connect(self._filter)
        self.bar = SweepBar(
            self.tr("Check &planned changes"),
            self.tr("S&top"),
            self.tr("Planned changes progress"),
            (self.major_only,),
            progress_width=200,
        )
        self.run_button, self.stop_button = self.bar.run_button, self.bar.stop_button
        self.progress, self.status = self.bar.progress, self.bar.status
        self.run_button.clicked.connect(lambda: self.board.start())
        self.stop_button.clicked.connect(self.board.cancel)
        self.view = RecordTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Planned changes of every customer"))
        self.view.setAccessibleDescription(
            self.tr(
                "Each message center post once, those with an action date first, soonest "
                "first, with how many customers it concerns. The selected one follows."
            )
        )
        setup_table(self.view, sortable=True)
        size_columns(
            self.view,
            stretch=P_TITLE,
            contents=[P_CATEGORY, P_ACTION_BY, P_MAJOR, P_CUSTOMERS, P_LAST_UPDATE],
            hidden=[P_ID],
        )
        columns = columns_of(self.view)
        assert columns is not None
        columns.set_width(P_SERVICES, self.view.fontMetrics().averageCharWidth() * 18)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.set_placeholder(
            self.tr("No planned changes read yet: check them, or wait for the health check.")
        )
        self.view.selectionModel().currentRowChanged.connect(self._show_change)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Planned change details"))
        # The line under the list counts posts: it says only what did not open.
        wire_text_links(self.detail, self.holder, self.status.setText, say_opened=False)
        self.customers = QListWidget()
        self.customers.setUniformItemSizes(True)
        self.customers.setAccessibleName(self.tr("Customers it concerns"))
        self.customers.setAccessibleDescription(
            self.tr("Enter opens the customer in the main window.")
        )
        self.customers.itemActivated.connect(self._open_customer)
        self.customers.itemDoubleClicked.connect(self._open_customer)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        lower.addWidget(_titled(self.tr("Customers it concerns"), self.customers))
        lower.setSizes([560, 240])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setSizes([340, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(split, 1)
        self._publish = QTimer(self)
        self._publish.setSingleShot(True)
        self._publish.setInterval(PUBLISH_MS)
        self._publish.timeout.connect(self.refresh)
        board.changed.connect(self._changed)
        board.progress.connect(self._progress)
        board.finished.connect(self._finished)
        self._stopped = False  # the last read was stopped (or failed) before its end
        self.refresh()

    # -- the board's news ----------------------------------------------------------------------

    def _changed(self) -> None:
        if not self._publish.isActive():
            self._publish.start()
        self.bar.set_running(self.board.running)

    def _progress(self, done: int, failed: int, total: int) -> None:
        self.bar.show_progress(done, total)
        number = QLocale().toString
        self.status.setText(
            self.tr("Reading message centers: %1 of %2 · %3 failed")
            .replace("%1", number(done))
            .replace("%2", number(total))
            .replace("%3", number(failed))
        )

    def _finished(self, stopped: bool) -> None:
        self._stopped = stopped
        self._publish.stop()
        self.refresh()
        self.bar.set_running(False)

    def refresh(self) -> None:
        """The table from the board's state, keeping the selected message selected."""
        current = self.view.currentIndex().data(RecordRole)
        keep = current.message.id if isinstance(current, PlannedChange) else None
        changes = self.board.changes()
        self.model.set_rows(changes)
        self._filter(select=keep)
        self.bar.set_running(self.board.running)
        if not self.board.running:
            self._summary(changes)

    def _summary(self, changes: list[PlannedChange]) -> None:
        due = sum(1 for c in changes if c.message.action_required_by is not None)
        # A stopped read says so first: the rest is then what was read before and so far.
        parts = [self.tr("stopped")] if self._stopped else []
        parts += [
            self.tr("%n post(s)", "", len(changes)),
            self.tr("%n with an action date", "", due),
            self.tr("%n customer(s) read", "", len(self.board.index)),
        ]
        failed = len(self.board.failures)
        if failed:
            parts.append(self.tr("%n could not be read", "", failed))
        if self.board.read_at is not None:
            parts.append(self.tr("read {0}").format(age_text(self.board.read_at)))
        self.status.setText(" · ".join(parts))
        self.bar.show_progress(self.board.tally["done"], self.board.tally["total"])

    def _filter(self, _checked: bool = False, select: str | None = None) -> None:
        major = self.major_only.isChecked()
        self.model.set_predicate((lambda c: c.message.is_major_change) if major else None)
        row = self.model.row_of_key(select) if select else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.view.selectRow(row)
        else:
            self._shown = None
            self.detail.clear()
            self.customers.clear()

    # -- selection -----------------------------------------------------------------------------

    def _show_change(self, current: QModelIndex, _previous: QModelIndex) -> None:
        change = current.data(RecordRole)
        if isinstance(change, PlannedChange) and change == self._shown:
            # The table is re-published twice a second while a read runs and the selection is
            # put back each time: the same post with the same customers needs no new HTML,
            # sorted names or list items (with 10,000 customers that was seconds of GUI time).
            return
        self._shown = change if isinstance(change, PlannedChange) else None
        self.customers.clear()
        if not isinstance(change, PlannedChange):
            self.detail.clear()
            return
        names = self._company_names()
        tenants = sorted(change.tenants, key=lambda t: (names.get(t) or t).casefold())
        self._tenants = tenants
        self.customers.addItems([names.get(t) or t for t in tenants])
        self.detail.setHtml(
            message_html(
                self.holder.session.backend, self.detail.palette(), change.message, tenants
            )
        )

    def _company_names(self) -> dict[str, str]:
        """Tenant -> company name, made again only when the customer list changes."""
        customers = self._customers()
        made = self._names_from
        if made is None or made[0] is not customers or made[1] != len(customers):
            self._names = {c.tenant_id: c.company_name for c in customers}
            self._names_from = (customers, len(customers))
        return self._names

    def _open_customer(self, item: QListWidgetItem) -> None:
        row = self.customers.row(item)
        if 0 <= row < len(self._tenants):
            self.show_customer.emit(self._tenants[row])


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    label = QLabel(f"<b>{html.escape(title)}</b>")
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
