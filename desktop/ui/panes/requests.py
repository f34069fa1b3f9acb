"""The customer's service requests (support tickets) and the notes of the selected one.

Read and noted under the customer (API.md section 2: a customer's ticket on the partner path is
"not found"). What was filed from Partner Desk is listed too, with Microsoft's number ("filed
via the web form, #…"), from the draft store's filing records.
"""

from __future__ import annotations

import functools
import threading

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QWidget,
)

from desktop.domain.customers import Customer
from desktop.domain.parsing import Parsed
from desktop.domain.service_requests import ServiceRequest
from desktop.qt.dates import date_text
from desktop.qt.models.requests import (
    CREATED,
    CUSTOMER,
    ID,
    MODIFIED,
    SEVERITY,
    STATUS,
    TITLE,
    ServiceRequestModel,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.store import Draft, Filed
from desktop.ui import key_hints
from desktop.ui.drafting import draft_label
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.dialogs import TextPrompt, run_dialog
from desktop.ui.widgets.html_view import SafeTextBrowser
from desktop.ui.widgets.request_detail import request_html
from desktop.ui.widgets.tables import setup_table, size_columns


class RequestsPane(Pane):
    """Signals:
    new_request(): the user wants to file a request for this customer.
    open_draft(Draft): the user picked one of this customer's drafts.
    """

    what = "service requests"
    new_request = Signal()
    open_draft = Signal(object)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self.what = self.tr("service requests")
        self.model = ServiceRequestModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Service requests"))
        self.view.setAccessibleDescription(key_hints.requests_description())
        setup_table(self.view)  # most recently modified first, as the model sorts
        # The title gets the room; the creation date is in the details.
        size_columns(
            self.view,
            stretch=TITLE,
            contents=[ID, SEVERITY, STATUS, MODIFIED],
            hidden=[CREATED, CUSTOMER],
        )
        self.view.selectionModel().currentRowChanged.connect(self._show_request)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Service request details"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        # A handful of requests, but descriptions and notes run long: they get the height.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New request…"))
        self.new_button.setToolTip(key_hints.new_request_tip())
        self.new_button.clicked.connect(self.new_request)
        self.note_button = QPushButton(self.tr("A&dd note…"))
        self.note_button.setEnabled(False)
        self.note_button.clicked.connect(lambda: self.holder.worker.spawn(self.add_note()))
        self.drafts_button = QToolButton()
        self.drafts_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.drafts_button.setMenu(QMenu(self.drafts_button))
        # Opened from the keyboard (Alt+F, Space), the menu starts on its first draft.
        self.drafts_button.menu().aboutToShow.connect(self._highlight_first_draft)
        self.drafts_button.hide()
        self.empty = QLabel()
        # Requests filed from here: "Filed via Microsoft's web form: #… title (date)".
        self.filed_label = QLabel()
        self.filed_label.setObjectName("filed")
        self.filed_label.setWordWrap(True)
        self.filed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.filed_label.hide()
        bar.addWidget(self.new_button)
        bar.addWidget(self.note_button)
        bar.addWidget(self.drafts_button)
        bar.addWidget(self.empty, 1)
        self.content_layout().addLayout(bar)
        self.content_layout().addWidget(self.filed_label)
        self.content_layout().addWidget(splitter)

    def fetch(
        self, customer: Customer, cancel: threading.Event
    ) -> tuple[Parsed[ServiceRequest], list[Draft], list[Filed]]:
        store = self.holder.session.drafts
        drafts = store.for_customer(customer.tenant_id) if store else []
        filed = store.filed_for(customer.tenant_id) if store else []
        return self.holder.session.backend.requests(customer.tenant_id), drafts, filed

    def present(self, data: tuple[Parsed[ServiceRequest], list[Draft], list[Filed]]) -> None:
        requests, drafts, filed = data
        self.show_drafts(drafts)
        self.show_filed(filed, {r.id for r in requests.items})
        self._present(requests, filed_here=bool(filed))

    def show_filed(self, filed: list[Filed], listed: set[str]) -> None:
        """What was filed for this customer from Partner Desk, with Microsoft's numbers."""
        lines = []
        for record in filed[:5]:
            when = date_text(record.filed, missing="—")
            if record.channel == "api":
                line = self.tr("Filed as a partner ticket through the API, #{0}: {1} ({2})")
            else:
                line = self.tr("Filed via Microsoft's web form, #{0}: {1} ({2})")
            line = line.format(record.number, record.title, when)
            if record.number in listed:
                line += " " + self.tr("— in Microsoft's list below")
            lines.append(line)
        self.filed_label.setText("\n".join(lines))
        self.filed_label.setVisible(bool(lines))

    def show_drafts(self, drafts: list[Draft]) -> None:
        """This customer's unsent drafts, one click away (they survive crashes and restarts)."""
        menu = self.drafts_button.menu()
        menu.clear()
        for draft in drafts:
            # "&" in a title would underline its next letter and hide itself.
            action = menu.addAction(draft_label(draft).replace("&", "&&"))
            action.triggered.connect(lambda _=False, d=draft: self.open_draft.emit(d))
        self.drafts_button.setText(self.tr("Dra&fts (%n)", "", len(drafts)))
        self.drafts_button.setVisible(bool(drafts))

    def _highlight_first_draft(self) -> None:
        menu = self.drafts_button.menu()
        actions = menu.actions()
        if actions:
            menu.setActiveAction(actions[0])

    def _present(self, data: Parsed[ServiceRequest], filed_here: bool = False) -> None:
        if not self.holder.session.backend.cloud.service_requests:
            self.show_message(
                self.tr("Not available in this cloud"),
                self.tr("Service requests are not offered in the {0}.").format(
                    self.holder.session.backend.cloud.name
                ),
            )
            return
        self.model.set_rows(data.items)
        if data.items:
            self.empty.setText("")
        elif filed_here:
            # What was filed from here is listed above: only Partner Center's list is empty
            # (a request filed in Microsoft's web form is the customer's, not in that list).
            self.empty.setText(self.tr("No requests in Partner Center's list for this customer."))
        else:
            self.empty.setText(self.tr("Nothing has been filed with Microsoft for this customer."))
        self.show_content()
        if data.items:
            self.view.selectRow(0)
        else:
            self.detail.clear()
            self.note_button.setEnabled(False)

    async def add_note(self) -> None:
        """Ask for a note, PATCH it, and show the request as Microsoft has it now."""
        request = self.view.currentIndex().data(RecordRole)
        customer = self.customer
        if not isinstance(request, ServiceRequest) or customer is None:
            return
        prompt = TextPrompt(
            self.tr("Add a note"),
            self.tr("Note for request {0} ({1}):").format(request.id, request.title),
            self,
        )
        if not await run_dialog(prompt) or not prompt.text():
            return
        self.note_button.setEnabled(False)
        try:
            # Under its customer: the partner path does not know a customer's ticket.
            updated = await self.holder.worker.run(
                functools.partial(
                    self.holder.session.backend.add_note,
                    request.id,
                    prompt.text(),
                    tenant_id=customer.tenant_id,
                )
            )
        except Exception as error:
            self.status_message.emit(self.tr("The note was not added: {0}").format(error))
            return
        finally:
            self.note_button.setEnabled(True)
        if customer is not self.customer:  # the user moved on to another customer meanwhile
            return
        self.model.update_rows(lambda r: updated if r.id == updated.id else None)
        row = self.model.row_of_key(updated.id)
        if row is not None:
            self.view.selectRow(row)
            self._show_request(self.model.index(row, 0), QModelIndex())
        self.status_message.emit(self.tr("Note added to request {0}.").format(updated.id))

    def _show_request(self, current: QModelIndex, _previous: QModelIndex) -> None:
        request = current.data(RecordRole)
        self.note_button.setEnabled(isinstance(request, ServiceRequest) and request.is_open)
        if not isinstance(request, ServiceRequest):
            self.detail.clear()
            return
        # The same as the all-customers requests window shows it.
        self.detail.setHtml(request_html(request, self.detail.palette()))
