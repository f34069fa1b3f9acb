"""Requests → Drafts…: every service-request draft kept on this machine, whoever made it (this
window, an earlier run, `partner-desk request new`), to carry on with one or discard it.

The drafts are read and dropped on the worker (desktop.store.drafts); each row names its
customer by the name stored with the draft, else by the customer list's, never by a bare
tenant id while a name is known (issue 18, defect 16).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.qt.dates import date_text
from desktop.qt.session import SessionHolder
from desktop.store import Draft, DraftStore
from desktop.ui.widgets.dialogs import run_dialog

log = logging.getLogger(__name__)

CUSTOMER, TITLE, STATE, UPDATED = range(4)


class DraftsDialog(QDialog):
    """The kept drafts, newest first. `names(tenant id)` is the customer list's name for a
    tenant ("" when unknown).

    Signals:
        open_draft(object): the user chose a `Draft` to carry on with.
        message(str): a line for the status bar.
    """

    open_draft = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        holder: SessionHolder,
        store: DraftStore,
        names: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.holder = holder
        self.store = store
        self._names = names
        self._drafts: list[Draft] = []
        self.loaded = False  # the first listing came (tests wait on it)
        self.setWindowTitle(self.tr("Drafts"))
        caption = QLabel(
            self.tr(
                "Drafts are kept on this computer until Microsoft has the request. Open one to "
                "carry on, or discard it."
            )
        )
        caption.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [self.tr("Customer"), self.tr("Title"), self.tr("State"), self.tr("Saved")]
        )
        self.table.setAccessibleName(self.tr("Kept drafts"))
        header = self.table.header()
        header.setStretchLastSection(False)  # the title takes the room, not the date
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item, _column: self._open())
        caption.setBuddy(self.table)
        self.empty = QLabel(self.tr("No drafts kept."))
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.discard_button = buttons.addButton(
            self.tr("&Discard…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.open_button.setAccessibleName(self.tr("Open the selected draft"))
        self.discard_button.setAccessibleName(self.tr("Discard the selected draft"))
        self.discard_button.setToolTip(self.tr("Discard the selected draft (Delete)"))
        self.open_button.clicked.connect(self._open)
        self.discard_button.clicked.connect(lambda: self.holder.worker.spawn(self.discard()))
        buttons.rejected.connect(self.reject)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.table,
            lambda: self.holder.worker.spawn(self.discard()),
        )
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self._enable()
        self.resize(720, 360)
        self.holder.worker.spawn(self.reload())

    def customer_text(self, draft: Draft) -> str:
        """The customer's name: stored with the draft, else the customer list's, else its id."""
        return draft.customer_name.strip() or self._names(draft.tenant_id) or draft.tenant_id

    def state_text(self, draft: Draft) -> str:
        if draft.landed is not None:
            return self.tr("Filed, number unknown")
        if draft.first_attempt is not None:
            return self.tr("Sent, not confirmed")
        if draft.to_send is not None:
            return self.tr("To send when online")
        return self.tr("Not sent")

    async def reload(self) -> None:
        try:
            drafts = await self.holder.worker.run(self.store.all)
        except Exception as error:  # the store is unreadable: say so, keep the window
            log.warning("drafts unreadable: %s", error)
            self.empty.setText(self.tr("The drafts could not be read: {0}").format(error))
            self.empty.show()
            return
        self._show(drafts)
        self.loaded = True

    def event(self, event: QEvent) -> bool:
        # Back to this window: another Partner Desk window, or `partner-desk drafts discard`,
        # may have changed the drafts meanwhile (the walk saw a discarded one still listed).
        if event.type() == QEvent.Type.WindowActivate and self.loaded:
            self.holder.worker.spawn(self.reload())
        return super().event(event)

    def _show(self, drafts: list[Draft]) -> None:
        chosen = self.selected()
        self._drafts = drafts
        self.table.clear()
        for draft in drafts:
            item = QTreeWidgetItem(
                [
                    self.customer_text(draft),
                    draft.title.strip() or self.tr("(untitled)"),
                    self.state_text(draft),
                    date_text(draft.updated, missing="—"),
                ]
            )
            item.setData(CUSTOMER, Qt.ItemDataRole.UserRole, draft.id)
            item.setToolTip(CUSTOMER, draft.tenant_id)
            self.table.addTopLevelItem(item)
        for column in (CUSTOMER, STATE, UPDATED):
            self.table.resizeColumnToContents(column)
        items = [self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount())]
        again = [
            item
            for item in items
            if item is not None
            and chosen is not None
            and item.data(CUSTOMER, Qt.ItemDataRole.UserRole) == chosen.id
        ]
        first = again[0] if again else self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
            self.table.setFocus()
        self.table.setVisible(bool(drafts))
        self.empty.setVisible(not drafts)
        self._enable()

    def selected(self) -> Draft | None:
        item = self.table.currentItem()
        draft_id = item.data(CUSTOMER, Qt.ItemDataRole.UserRole) if item is not None else None
        return next((d for d in self._drafts if d.id == draft_id), None)

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def _open(self) -> None:
        draft = self.selected()
        if draft is not None:
            self.open_draft.emit(draft)
            self.accept()

    async def discard(self) -> None:
        """Drop the selected draft once the user confirms; one that may already be with
        Microsoft says so first (discarding it could let the same request be filed twice)."""
        draft = self.selected()
        if draft is None:
            return
        title = draft.title.strip() or self.tr("(untitled)")
        text = self.tr("Discard the draft “{0}” for {1}? Its text cannot be brought back.").format(
            title, self.customer_text(draft)
        )
        if draft.submitted:
            text += "\n\n" + self.tr(
                "It may already be with Microsoft ({0}): discarding it could let the same "
                "request be filed again."
            ).format(self.state_text(draft))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Discard draft"),
            text,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if await run_dialog(box) != QMessageBox.StandardButton.Discard.value:
            return
        try:
            await self.holder.worker.run(self.store.delete, draft.id)
        except Exception as error:
            log.error("draft not discarded: %s", error)
            self.message.emit(self.tr("The draft could not be discarded: {0}").format(error))
            return
        self.message.emit(
            self.tr("Draft “{0}” for {1} discarded.").format(title, self.customer_text(draft))
        )
        await self.reload()
