"""Admin portals for the customer: open one in the system browser, already scoped to it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QTableView, QWidget

from desktop.domain.customers import Customer, PortalLink
from desktop.qt.models.portals import (
    LINK,
    PORTAL,
    PURPOSE,
    PortalModel,
    portal_error,
    portal_name,
    portal_notes,
    portal_purpose,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.link_actions import add_link_actions, copy_link, open_link, report
from desktop.ui.widgets.tables import setup_table, size_columns


class PortalTable(QTableView):
    """Enter opens the current portal, like a double-click; Ctrl+C copies its link (Qt's
    own Copy would copy the cell's text, the portal's name).

    Signals:
        copy_requested(QModelIndex): Copy was pressed on this row.
    """

    copy_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class PortalsPane(Pane):
    what = "admin portals"

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self.what = self.tr("admin portals")
        self.model = PortalModel(self)
        self.view = PortalTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Admin portals"))
        self.view.setAccessibleDescription(
            self.tr("Press Enter or double-click to open the portal in your browser.")
        )
        setup_table(self.view, sortable=False)  # the portals come in the order admins use them
        size_columns(self.view, stretch=PURPOSE, contents=[PORTAL, LINK])
        self.view.activated.connect(self.open_index)
        self.view.doubleClicked.connect(self.open_index)
        self.view.copy_requested.connect(self.copy_index)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.open_button = QPushButton(self.tr("Open in &browser"))
        self.open_button.clicked.connect(lambda: self.open_index(self.view.currentIndex()))
        self.note = QLabel()
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        bar.addWidget(self.open_button)
        layout = self.content_layout()
        layout.addWidget(self.view)
        layout.addLayout(bar)
        self.view.selectionModel().currentRowChanged.connect(self._describe)

    def fetch(self, customer: Customer, cancel: threading.Event) -> list[PortalLink]:
        # The initial domain is in the customer's list entry: no by-id call is needed.
        return self.holder.session.backend.portals(customer, include_microsoft=True)

    def present(self, data: list[PortalLink]) -> None:
        self.model.set_rows(data)
        self.show_content()
        if data:
            self.view.selectRow(0)

    def _describe(self, current: QModelIndex, _previous: QModelIndex) -> None:
        link = current.data(RecordRole)
        if not isinstance(link, PortalLink):
            self.note.clear()
            return
        if link.url is None:
            self.note.setText(self.tr("Unavailable: {0}").format(portal_error(link)))
        else:
            parts = (portal_purpose(link), portal_notes(link))
            self.note.setText(" ".join(p for p in parts if p))
        self.open_button.setEnabled(link.url is not None)

    def link_menu(self, index: QModelIndex) -> QMenu:
        """The menu of the portal at `index`: open it, copy its link, open it privately."""
        link = index.data(RecordRole)
        url = link.url if isinstance(link, PortalLink) else None
        menu = QMenu(self.view)
        menu.addAction(self.tr("Open in &browser"), lambda: self.open_index(index)).setEnabled(
            bool(url)
        )
        add_link_actions(menu, self.holder, url, lambda: self.open_index(index, private=True))
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = self.link_menu(index)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # popup, not exec: a nested event loop would re-enter the qasync loop.
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def copy_index(self, index: QModelIndex) -> None:
        link = index.data(RecordRole)
        if isinstance(link, PortalLink) and link.url:
            copy_link(link.url)
            self.status_message.emit(self.tr("Copied the link of {0}.").format(portal_name(link)))

    def open_index(self, index: QModelIndex, private: bool = False) -> None:
        link = index.data(RecordRole)
        if isinstance(link, PortalLink):
            self.holder.worker.spawn(self.open_link(link, private))

    async def open_link(self, link: PortalLink, private: bool = False) -> None:
        name = portal_name(link)
        if link.url is None:
            self.status_message.emit(
                self.tr("{0} cannot be opened: {1}").format(name, portal_error(link))
            )
            return
        outcome = await open_link(self.holder, link, self, self.customer, private, name)
        self.status_message.emit(report(outcome, name))
