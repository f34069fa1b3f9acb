"""The customer list: search-as-you-type, sortable columns, a health column that fills in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QEventLoop,
    QLocale,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customers import Customer
from desktop.qt.collation import NameRanks
from desktop.qt.models.customer_cells import GDAP_NONE, gdap_text, gdap_text_sample
from desktop.qt.models.customers import (
    DOMAIN,
    GDAP,
    HEALTH,
    NAME,
    RELATIONSHIP,
    TAGS,
    TENANT,
    CustomerTableModel,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.words import gdap_status_word, health_words
from desktop.ui import key_hints
from desktop.ui.widgets.announce import announce
from desktop.ui.widgets.clear_button import enable_clear_button
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.status import badge_column_width, badge_icons
from desktop.ui.widgets.tables import RecordTable, setup_table

if TYPE_CHECKING:  # the frame's first paint does not wait for the directory's imports
    from desktop.qt.directory import CustomerDirectory

# How long start-up waits for the list's first paint before it goes on anyway.
FIRST_PAINT_WAIT_S = 0.5
# The Name column's width in average characters: "Bäckerei Müller & Söhne GmbH" whole.
NAME_COLUMN_CHARS = 34
# A screen reader says the count this long after the last key typed in the search field.
COUNT_SPOKEN_AFTER_MS = 700


class SearchField(QLineEdit):
    """Down arrow moves into the list, so typing then choosing never needs the mouse. Esc
    clears the search, as in every search box, and is the field's own: the window's Esc
    ("Stop loading") stopped the health check of every customer instead.

    Signals:
        move_down(): the user pressed Down in the search field.
    """

    move_down = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()  # ours: not the window's shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)


class CustomerList(QWidget):
    """Search field, table and count.

    Signals:
        current_changed(object): the current customer (Customer) or None.
    """

    current_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CustomerTableModel(self)
        self._shown: list[Customer] | None = None
        self.search = SearchField()
        self.search.setPlaceholderText(key_hints.search_placeholder())
        self.search.setAccessibleName(self.tr("Search customers"))
        self.search.setAccessibleDescription(
            self.tr("Filters the list as you type; Down moves into the list.")
        )
        enable_clear_button(self.search)
        self.search.textChanged.connect(self._filter)
        self.search.move_down.connect(self._focus_list)
        self.view = RecordTable()
        self.view.setModel(self.model)
        self._painted = False  # the list has painted once (`_first_paint`)
        self._search_after_paint = False
        self._paint_awaited = False  # start-up awaits the first paint (`painted`)
        self.view.painted.connect(self._first_paint)
        self.view.setAccessibleName(self.tr("Customers"))
        self.view.setAccessibleDescription(key_hints.list_description())
        setup_table(self.view)
        columns = columns_of(self.view)
        assert columns is not None
        # By the model's column numbers: the view's change as columns show and hide.
        self.columns = columns
        # Sized by rule, never to contents: that would measure up to 1,000 rows each time
        # the health sweep fills a batch. The name keeps a readable width whatever joins it
        # (tags, GDAP, a longer header in German): the last column takes what is left, and
        # the list scrolls sideways when the pane is narrower than its columns. The domain
        # stays, to tell apart customers of the same name; the relationship and the tenant ID
        # (shown above the tabs, and searchable) are a right-click on the header away.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.view.fontMetrics()
        columns.set_width(NAME, metrics.averageCharWidth() * NAME_COLUMN_CHARS)
        columns.set_width(DOMAIN, metrics.averageCharWidth() * 18)
        columns.set_width(
            HEALTH,
            badge_column_width(
                metrics,
                # Every word the column can show, sized before any arrive.
                [*health_words(), self.model.headerData(HEALTH, Qt.Orientation.Horizontal)],
            ),
        )
        # Hidden: the relationship, the tenant; GDAP, a column of dashes until the
        # relationships are read (and for good in clouds without GDAP): it appears, fitted to
        # its text, once there is something in it; favourites and tags, shown once a customer
        # has one, beside the health (the GDAP state's long dates go last, where a narrow
        # pane scrolls to them).
        columns.set_hidden([RELATIONSHIP, TENANT, GDAP, TAGS])
        columns.move(TAGS, before=GDAP)
        columns.set_width(TAGS, metrics.averageCharWidth() * 16)
        self._widths_restored = False
        self._gdap_shown = False
        self.model.dataChanged.connect(self._gdap_arrived)
        # Badges as icons from the model: the summary tells "not loaded" (none) from
        # "no access" (ring); the default delegate draws them without calling into Python.
        self.view.setIconSize(QSize(12, 12))
        self.model.set_badges(badge_icons(12, self.devicePixelRatioF()))
        self.view.selectionModel().currentRowChanged.connect(self._current)
        self.model.modelReset.connect(self._restore_current)
        self.model.layoutChanged.connect(self._restore_current)
        self.count = QLabel()
        # No accessible name: a label's name hides its text from a screen reader, which read
        # "Customer count" and never the count. Its name is its text, which Qt says changed.
        self.count.setAccessibleDescription(self.tr("Customer count"))
        # The count once typing pauses, said politely: not one announcement per key.
        self._say_count = QTimer(self, singleShot=True, interval=COUNT_SPOKEN_AFTER_MS)
        self._say_count.timeout.connect(lambda: announce(self.count, self.count.text()))
        self._current_tenant: str | None = None
        self._scoped = False
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        self._top = top
        self._scope_box: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self._update_count()

    def restore_header(self, state: QByteArray) -> None:
        """Column widths, order, visibility and sort as the user left them (`header_state`,
        or an earlier version's `saveState` of the header); the GDAP and Tags columns still
        wait for something to show."""
        sort = self.columns.restore_state(state)
        if sort is None:
            return
        self._widths_restored = True
        self.columns.set_shown(GDAP, self.model.gdap_loaded())
        self.columns.set_shown(TAGS, self.model.has_marks())
        column, order = sort
        if 0 <= column < self.model.columnCount():
            self.model.sort(column, order)
        self.columns.set_sort_indicator(column, order)

    def header_state(self) -> QByteArray:
        """What `restore_header` takes: every column's width, place and visibility, the sort."""
        return self.columns.save_state()

    def attach_scope(self, box: QWidget) -> None:
        """The scope chooser (all / favourites / a tag) beside the search field; it takes the
        place of the one attached before (a placeholder, at start-up)."""
        if self._scope_box is not None:
            self._top.replaceWidget(self._scope_box, box)
            self._scope_box.deleteLater()
        else:
            # A visible label, its buddy the box: over AT-SPI Qt names a combo box by its
            # current item, and Orca read "All customers combo box", not what it chooses.
            # No Alt+letter: every letter of "Scope" is taken in this window already (and
            # others in each translation); Tab reaches it right after the search field.
            self._scope_label = QLabel(self.tr("Scope:"))
            self._top.addWidget(self._scope_label)
            self._top.addWidget(box)
        self._scope_label.setBuddy(box)
        self._scope_box = box

    def set_scope(self, tenants: set[str] | None) -> None:
        """Only these tenants (None: everyone), on top of the search text."""
        self.model.set_extra_filter(None if tenants is None else lambda c: c.tenant_id in tenants)
        self._scoped = tenants is not None
        self._update_count()

    def set_marks(self, marks: dict[str, str]) -> None:
        self.model.set_marks(marks)
        self.columns.set_shown(TAGS, bool(marks))

    def show_directory(self, directory: CustomerDirectory) -> None:
        """Be the view of `directory`: its customers and their GDAP relationships."""
        directory.customers_changed.connect(self.set_customers)
        directory.gdap_changed.connect(lambda: self.model.set_gdap(directory.gdap))
        self.set_customers(directory.customers, directory.ranks)

    def set_customers(self, customers: list[Customer], ranks: NameRanks | None = None) -> None:
        """Show `customers`; `ranks`: their names ranked on the worker (`rank_names`), else
        the model ranks them."""
        if customers is self._shown:
            return  # the cached list the frame was shown with, now the directory's
        self._shown = customers
        self.model.set_rows(customers, ranks)
        self._update_count()
        # The search text is built just after the list is on screen, before anyone types (at
        # start-up, after its first paint: 20-30 ms for 10,000 customers, docs/PERFORMANCE.md).
        if self._painted:
            QTimer.singleShot(0, self.model.prepare_search)
        else:
            self._search_after_paint = True

    def _first_paint(self) -> None:
        self.view.painted.disconnect(self._first_paint)
        self._painted = True
        if not self._paint_awaited:  # else once the awaiter has run on (`painted`)
            self._prepare_search_soon()

    def _prepare_search_soon(self) -> None:
        if self._search_after_paint:
            self._search_after_paint = False
            QTimer.singleShot(0, self.model.prepare_search)

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        self._say_count.start()

    def _update_count(self) -> None:
        total, shown = self.model.total(), self.model.visible()
        if total:
            needle = self.search.text().strip()
            self.view.set_placeholder(
                self.tr("No customer matches “{0}”.").format(needle)
                if needle
                else key_hints.scoped_list_empty()
                if self._scoped
                else self.tr("No customer to show.")
            )
        if total == shown:
            self.count.setText(self.tr("%Ln customer(s)", "", total))
        else:
            self.count.setText(
                self.tr("%1 of %Ln customer(s)", "", total).replace("%1", QLocale().toString(shown))
            )

    def _focus_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        customer = current.data(RecordRole) if current.isValid() else None
        tenant = customer.tenant_id if isinstance(customer, Customer) else None
        if tenant != self._current_tenant:
            self._current_tenant = tenant
            self.current_changed.emit(customer)

    def _gdap_arrived(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if self._gdap_shown or not top_left.column() <= GDAP <= bottom_right.column():
            return
        if not self.model.gdap_loaded():
            return
        self._gdap_shown = True
        self.columns.set_shown(GDAP)
        # Sized from the texts the column can show, not by measuring rows: measuring rows
        # stalled the GUI.
        samples = [
            gdap_text(GDAP_NONE),
            *(gdap_status_word(s) for s in ("terminationRequested", "approvalPending")),
            gdap_text_sample(),
        ]
        if not self._widths_restored:  # else the user's width of the column stands
            width = self.view.fontMetrics().horizontalAdvance
            self.columns.set_width(GDAP, max(map(width, samples)) + 24)

    def _restore_current(self) -> None:
        # Filtering or sorting keeps the chosen customer chosen while it is still listed.
        if self._current_tenant is not None:
            QTimer.singleShot(0, self._reselect)

    def _reselect(self) -> None:
        # The customer chosen when this runs, found now: a row taken at the reset put the
        # previous customer back on screen when another was chosen meanwhile (opening one
        # from the dashboard clears the search, which resets the model, then selects it).
        if self._current_tenant is None:
            return
        row = self.model.row_of(self._current_tenant)
        if row is not None and self.view.currentIndex().row() != row:
            self.view.selectRow(row)
            self._show_row(row)

    async def painted(self, within: float = FIRST_PAINT_WAIT_S) -> None:
        """Until the list has painted (a hidden list never does: not that long)."""
        import asyncio  # not with the module: the first paint comes before the loop

        if not self.view.isVisible():
            return
        done = asyncio.get_running_loop().create_future()
        self._when_painted(within, lambda: None if done.done() else done.set_result(None))
        try:
            await done
        finally:
            self._paint_waited()

    def wait_painted(self, within: float = FIRST_PAINT_WAIT_S) -> None:
        """`painted` before the asyncio loop exists (start-up: desktop.gui_frame): Qt's events
        run until then."""
        if not self.view.isVisible():
            return
        events = QEventLoop()
        self._when_painted(within, events.quit)
        try:
            events.exec()
        finally:
            self._paint_waited()

    def _when_painted(self, within: float, then: Callable[[], None]) -> None:
        """`then()` once the list has painted, or after `within` seconds."""
        timer = QTimer(self)
        timer.setSingleShot(True)

        def end() -> None:
            timer.stop()
            timer.timeout.disconnect(end)
            self.view.painted.disconnect(end)
            timer.deleteLater()
            then()

        self.view.painted.connect(end)
        timer.timeout.connect(end)
        timer.start(round(within * 1000))
        self._paint_awaited = True

    def _paint_waited(self) -> None:
        self._paint_awaited = False
        # The search text once the awaiter (start-up's next step) has run on, not before.
        self._prepare_search_soon()

    def select_row(self, row: int) -> None:
        self.view.setFocus()
        self.view.selectRow(row)
        self._show_row(row)

    def _show_row(self, row: int) -> None:
        # Chosen from elsewhere (the dashboard, --open-customer): the row may be thousands
        # of rows away from what the list shows. selectRow alone did not scroll to it.
        self.view.scrollTo(
            self.view.model().index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible
        )

    @property
    def current_tenant(self) -> str | None:
        """The chosen customer's tenant id; kept while a refilter resets the view."""
        return self._current_tenant

    def current_customer(self) -> Customer | None:
        value = self.view.currentIndex().data(RecordRole)
        return value if isinstance(value, Customer) else None
