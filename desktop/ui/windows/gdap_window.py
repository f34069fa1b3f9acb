"""Customers → GDAP relationships: every relationship of the partner in every status, its
roles by name, filtered and sorted; the selected one's invitation link and security groups
below (gdap_detail.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.gdap import GdapRelationship
from desktop.qt.models.gdap_table import (
    CUSTOMER,
    ENDS,
    NAME,
    ROLES,
    STATUS,
    GdapRelationshipModel,
    no_customer_yet,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.qt.words import gdap_status_words
from desktop.qt.worker import Superseded
from desktop.services.accounts import AuthError
from desktop.services.backend import ApiError
from desktop.ui.errors import explain
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns
from desktop.ui.widgets.window_keys import close_keys
from desktop.ui.widgets.window_role import announce_as_window
from desktop.ui.windows.gdap_detail import RelationshipDetail

log = logging.getLogger(__name__)


class GdapWindow(QWidget):
    """The partner's GDAP relationships in every status, with a detail area for the selected one.

    Signals:
        show_customer(str): the tenant id of the relationship the user opened (Enter).
        link_result(str): after Copy link or Open: what happened, in words.
    """

    show_customer = Signal(str)
    link_result = Signal(str)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        announce_as_window(self)
        close_keys(self)  # Esc, Ctrl+W
        self.holder = holder
        # One read at a time; a switch of session supersedes the old account's.
        self._lane = holder.worker.lane()
        holder.changed.connect(lambda _session: self._lane.cancel())
        self.loaded = False
        self._skipped = 0  # relationships that would not parse
        self.setWindowTitle(self.tr("GDAP relationships"))
        self.model = GdapRelationshipModel(self)
        self.filter = QComboBox()
        for text, key in (
            (self.tr("Every status"), ""),
            (self.tr("Active"), "active"),
            (self.tr("Ending soon, not extended automatically"), "soon"),
            # Awaiting the customer's approval, and drafts not yet sent for it.
            (self.tr("Not yet approved"), "pending"),
            (self.tr("Ended (expiring, expired, terminated)"), "ended"),
            (self.tr("Other statuses"), "other"),
        ):
            self.filter.addItem(text, key)
        self.filter.currentIndexChanged.connect(self._filter)
        caption = QLabel(self.tr("&Show:"))
        caption.setBuddy(self.filter)
        self.count = QLabel()
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.clicked.connect(
            lambda: self.holder.worker.spawn(self.load(refresh=True))
        )
        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.reload_button)

        self.view = RecordTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("GDAP relationships"))
        self.view.setAccessibleDescription(
            self.tr("Enter opens the relationship's customer in the main window.")
        )
        setup_table(self.view)
        size_columns(self.view, stretch=ROLES)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(self._open_customer)

        self.details = RelationshipDetail(holder, self)
        self.details.link_result.connect(self.link_result)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.view)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        # What Copy link and Open did, said here: the main window (and its status bar) may be
        # behind this one, or minimised.
        self.feedback = QStatusBar()
        self.feedback.setSizeGripEnabled(False)
        self.feedback.setAccessibleName(self.tr("What the last action did"))
        self.link_result.connect(lambda text: self.feedback.showMessage(text, 10000))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.feedback)
        QWidget.setTabOrder(self.filter, self.view)
        QWidget.setTabOrder(self.view, self.details.copy_button)
        QWidget.setTabOrder(self.details.copy_button, self.details.open_button)
        QWidget.setTabOrder(self.details.open_button, self.details.groups)
        self.resize(1200, 720)
        self._show_selected(None)

    # -- loading ----------------------------------------------------------------------------

    async def load(self, refresh: bool = False) -> None:
        """Every relationship (kept by the backend; `refresh` reads them again)."""
        backend = self.holder.session.backend
        if not backend.cloud.gdap:
            self.model.set_rows([])
            self.view.set_placeholder(
                self.tr("GDAP relationships cannot be read in the {0}.").format(backend.cloud.name)
            )
            self.count.setText("")
            return
        self.count.setText(self.tr("Loading…"))
        self.view.set_placeholder(self.tr("Loading…"))
        try:
            parsed = await self._lane.run(lambda _cancel: backend.gdap_all(None, refresh))
        except Superseded:
            return  # the account changed meanwhile: the next load is for the new one
        except (ApiError, AuthError) as error:
            explained = explain(error, self.tr("GDAP relationships"))
            self.model.set_rows([])
            self.view.set_placeholder(f"{explained.title}\n{explained.detail}")
            self.count.setText(explained.title)
            return
        current = self.current()
        self.model.set_rows(parsed.items)
        self.loaded = True
        self._skipped = len(parsed.errors)
        for problem in parsed.errors:
            log.warning("GDAP relationship not shown: %s", problem)
        self._filter()
        self._fit_columns()
        row = self.model.row_of_key(current.id) if current else None
        self.view.selectRow(row if row is not None else 0)

    def _fit_columns(self) -> None:
        """Customer, name, status and end fitted to their widest text among the first rows
        (a partner may have thousands: fitting to every row would measure them all)."""
        metrics = self.view.fontMetrics()
        columns = columns_of(self.view)
        assert columns is not None
        pad = metrics.averageCharWidth() * 3
        limits = {CUSTOMER: 34, NAME: 34, STATUS: 40, ENDS: 56}  # in average characters
        rows = min(self.model.rowCount(), 300)
        for column, chars in limits.items():
            texts = [str(self.model.index(r, column).data() or "") for r in range(rows)]
            texts.append(str(self.model.headerData(column, Qt.Orientation.Horizontal) or ""))
            if column == CUSTOMER:
                texts.append(no_customer_yet())
            elif column == STATUS:  # any status fits, whichever rows come first
                texts.extend(gdap_status_words())
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            columns.set_width(column, min(widest + pad, metrics.averageCharWidth() * chars))

    def _filter(self) -> None:
        self.model.set_filter(str(self.filter.currentData()))
        shown, total = self.model.rowCount(), len(self.model.all_records())
        text = (
            self.tr("%1 of %2 shown")
            .replace("%1", QLocale().toString(shown))
            .replace("%2", QLocale().toString(total))
        )
        if self._skipped:
            text += " · " + self.tr("%n could not be read (see the log)", "", self._skipped)
        self.count.setText(text)
        self.view.set_placeholder(
            self.tr("No GDAP relationship has this status.")
            if total
            else self.tr("This partner has no GDAP relationships.")
        )
        if shown and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        elif not shown:
            self._show_selected(None)

    # -- the selected relationship ------------------------------------------------------------

    def current(self) -> GdapRelationship | None:
        rel = self.view.currentIndex().data(RecordRole)
        return rel if isinstance(rel, GdapRelationship) else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rel = current.data(RecordRole) if current.isValid() else None
        self._show_selected(rel if isinstance(rel, GdapRelationship) else None)

    def _show_selected(self, rel: GdapRelationship | None) -> None:
        self.details.show_relationship(rel)

    # -- actions ------------------------------------------------------------------------------

    def _open_customer(self, index: QModelIndex) -> None:
        rel = index.data(RecordRole)
        if isinstance(rel, GdapRelationship) and rel.has_customer:
            self.show_customer.emit(rel.customer_tenant_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.details.lane.cancel()
        self.hide()
        event.ignore()  # kept for the next time; its opener owns it


class GdapWindowOpener(QObject):
    """The Customers menu's "GDAP relationships…" and the window it opens (made at first use).

    `select_tenant` shows a customer in the main window; on a switch of session the
    window reads the new account's relationships when next shown. The window
    says what its actions did in its own status line.
    """

    def __init__(
        self,
        holder: SessionHolder,
        select_tenant: Callable[[str], object],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.holder = holder
        self.window: GdapWindow | None = None
        self._parent = parent
        self._select = select_tenant
        self.action = QAction(self.tr("&GDAP relationships…"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.action.triggered.connect(self.show)
        parent.addAction(self.action)
        holder.changed.connect(self._session_changed)

    def show(self) -> GdapWindow:
        if self.window is None:
            self.window = GdapWindow(self.holder, self._parent)
            self.window.show_customer.connect(self._select)
        first = not self.window.loaded
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.holder.worker.spawn(self.window.load(refresh=not first))
        return self.window

    def _session_changed(self, _session: object) -> None:
        if self.window is not None:
            self.window.hide()
            self.window.loaded = False
            self.window.model.set_rows([])
