"""Planned changes (the message center) of a customer, and the selected post's body.

Graph's `admin/serviceAnnouncement/messages`, which needs ServiceMessage.Read.All in the
customer: a customer where Partner Desk was allowed before it read the message center answers
403 here while its health still loads, and the pane offers to allow it again
(`Backend.messages`, `desktop.services.consent`).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QTableView, QWidget

from desktop.domain.customers import Customer
from desktop.domain.parsing import Parsed
from desktop.domain.service_messages import ServiceMessage
from desktop.qt.dates import date_text
from desktop.qt.models.messages import (
    ACTION_BY,
    CATEGORY,
    ID,
    LAST_UPDATE,
    MAJOR,
    SERVICES,
    TITLE,
    MessageTableModel,
    action_day_text,
    category_label,
    severity_label,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.services.backend import Backend
from desktop.ui.errors import MESSAGE_CENTER_ROLES
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.html_view import SafeTextBrowser, escaped, field_table
from desktop.ui.widgets.link_actions import wire_text_links
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns

translate = QCoreApplication.translate


def message_html(
    backend: Backend,
    palette: QPalette,
    message: ServiceMessage,
    customers: Sequence[str] = (),
    customer: Customer | None = None,
) -> str:
    """A post as HTML: its facts, its body sanitized, its links through the link policy; with
    `customers`, the names of those it concerns (the dashboard's view). `customer`: the one
    whose pane shows it (its own SharePoint links stay links; no SharePoint link without)."""
    never = translate("MessagesPane", "No action required")
    rows = [
        (translate("MessagesPane", "Category"), category_label(message.category)),
        (translate("MessagesPane", "Severity"), severity_label(message.severity)),
        (translate("MessagesPane", "Services"), ", ".join(message.services)),
        (
            translate("MessagesPane", "Action required by"),
            action_day_text(message.action_required_by, form=QLocale.FormatType.LongFormat)
            or never,
        ),
        (
            translate("MessagesPane", "Major change"),
            translate("MessagesPane", "Yes") if message.is_major_change else "",
        ),
        (translate("MessagesPane", "Tags"), ", ".join(message.tags)),
        (translate("MessagesPane", "Published"), date_text(message.start, day=True)),
        (translate("MessagesPane", "Last update"), date_text(message.last_modified)),
    ]
    if customers:
        rows.append((translate("MessagesPane", "Customers"), QLocale().toString(len(customers))))
    body = backend.sanitize(message.body, message.body_type, customer)
    # Each link once: a post's body often links the page its details name again.
    external = dict.fromkeys(
        value
        for name, value in message.details
        if name.lower() == "externallink"
        and value
        and value not in message.body
        and html.escape(value) not in message.body
    )
    links = "".join(
        f'<p><a href="{html.escape(value, quote=True)}">{html.escape(value)}</a></p>'
        for value in external
    )
    more = translate("MessagesPane", "More information")
    extra = (
        f"<h4>{html.escape(more)}</h4>{backend.sanitize(links, customer=customer)}" if links else ""
    )
    return (
        f"<h3>{escaped(message.id)} — {escaped(message.title)}</h3>"
        f"{field_table(palette, ('', rows))}{body}{extra}"
    )


# Fitted to their text, unless that would leave the title too little room.
FITTED: Final = {CATEGORY: 24, SERVICES: 18, ACTION_BY: 24, MAJOR: 12, LAST_UPDATE: 14}
# The title keeps at least this share of the table's width, and this many characters.
TITLE_SHARE: Final = 0.4
TITLE_CHARS: Final = 24


class ColumnFitter(QObject):
    """Sizes a table's columns whenever it is resized or refilled: the `fitted` ones to their
    text (each at most its number of average characters), shrunk together when the title
    column would keep less than TITLE_SHARE of the width; the title stretches over the rest.

    Fitting to contents alone (Qt's ResizeToContents) let long German categories and headers
    squeeze the title to a few letters at 1366x768.
    """

    def __init__(self, view: QTableView, title: int, fitted: dict[int, int]) -> None:
        super().__init__(view)
        self.view = view
        self.title = title
        self.fitted = fitted
        # Kept: the filter is asked about the viewport's events while the view is destroyed.
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit()
        return False

    def fit(self) -> None:
        columns = columns_of(self.view)
        if columns is None:
            return
        width = self.view.viewport().width()
        char = max(1, self.view.fontMetrics().averageCharWidth())
        pad = char * 2
        content: dict[int, int] = {}
        heading: dict[int, int] = {}
        for column, chars in self.fitted.items():
            if not columns.is_shown(column):
                continue
            text = max(columns.size_hint(column), 0) + pad
            content[column] = min(max(text, char * 5), char * chars)
            heading[column] = max(columns.header_hint(column), content[column])
        budget = width - max(int(width * TITLE_SHARE), char * TITLE_CHARS)
        if sum(heading.values()) <= budget:
            widths = heading
        elif sum(content.values()) <= budget:
            # Every text fits: the headers' extra width is shared out, the longest cut first.
            extra = {c: heading[c] - content[c] for c in content}
            cap = water_level(list(extra.values()), budget - sum(content.values()))
            widths = {c: content[c] + min(extra[c], cap) for c in content}
        else:
            # The longest texts are cut (their tooltips say them whole), the short ones kept.
            cap = water_level(list(content.values()), max(budget, char * 5 * len(content)))
            widths = {c: max(min(w, cap), char * 5) for c, w in content.items()}
        for column, wanted in widths.items():
            columns.set_width(column, wanted)


def water_level(values: list[int], budget: int) -> int:
    """The cap c with sum(min(v, c)) <= budget, as large as that allows (values at most c
    stay as they are)."""
    left = budget
    remaining = sorted(values)
    while remaining:
        share = left // len(remaining)
        if remaining[0] > share:
            return share
        left -= remaining.pop(0)
    return max(values, default=0)


class MessagesPane(Pane):
    what = "planned changes"
    roles = MESSAGE_CENTER_ROLES

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self.what = self.tr("planned changes")
        self.model = MessageTableModel(self)
        self._unread = 0  # posts of the last answer that could not be read
        bar = QHBoxLayout()
        # Mnemonic clear of the menus and the other tabs' (O, H, I, P, S, C, R, A, T, L, N, V).
        self.major_only = QCheckBox(self.tr("&Major changes only"))
        self.major_only.toggled.connect(self._apply_filter)
        bar.addWidget(self.major_only)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        self.view = RecordTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Planned changes"))
        self.view.setAccessibleDescription(
            self.tr(
                "Microsoft's message center posts for this customer: those with an action date "
                "first, soonest first. The selected post follows."
            )
        )
        setup_table(self.view, sortable=False)  # the model keeps action dates first
        size_columns(self.view, stretch=TITLE, hidden=[ID])
        self._fitter = ColumnFitter(self.view, TITLE, FITTED)
        self.view.selectionModel().currentRowChanged.connect(self._show_message)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Planned change details"))
        wire_text_links(self.detail, holder, self.status_message.emit, lambda: self.customer)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = self.content_layout()
        layout.addLayout(bar)
        layout.addWidget(splitter)

    def fetch(self, customer: Customer, cancel: threading.Event) -> Parsed[ServiceMessage]:
        return self.holder.session.backend.messages(customer.tenant_id, cancel=cancel)

    def present(self, data: Parsed[ServiceMessage]) -> None:
        self.model.set_rows(data.items)
        self._unread = len(data.errors)
        self._apply_filter()
        self.show_content()
        self._fitter.fit()  # measured again now that the table shows

    def _apply_filter(self) -> None:
        major = self.major_only.isChecked()
        self.model.set_predicate((lambda m: m.is_major_change) if major else None)
        total = len(self.model.all_records())
        shown = self.model.rowCount()
        # Of the posts shown: "9 of 17 shown · 11 with an action date" would not add up.
        due = sum(1 for m in self.model.records() if m.action_required_by is not None)
        text = (
            self.tr("{0} of {1} shown").format(QLocale().toString(shown), QLocale().toString(total))
            if shown != total
            else self.tr("%n post(s)", "", total)
        )
        if due:
            text += " · " + self.tr("%n with an action date", "", due)
        if self._unread:
            text += " · " + self.tr("%n post(s) could not be read", "", self._unread)
        self.count.setText(text)
        self.view.set_placeholder(
            self.tr("No major changes; clear the filter to see every post.")
            if total
            else self.tr("Microsoft has posted no planned changes for this customer.")
        )
        if shown:
            self.view.selectRow(0)
        else:
            self.detail.clear()
        self._fitter.fit()

    def _show_message(self, current: QModelIndex, _previous: QModelIndex) -> None:
        message = current.data(RecordRole)
        if not isinstance(message, ServiceMessage):
            self.detail.clear()
            return
        self.detail.setHtml(
            message_html(
                self.holder.session.backend, self.detail.palette(), message, customer=self.customer
            )
        )

    def select_message(self, message_id: str) -> bool:
        row = self.model.row_of_key(message_id)
        if row is None:
            return False
        self.view.selectRow(row)
        return True
