"""Incidents and advisories of a customer, and the full post history of the selected one."""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QWidget

from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue
from desktop.domain.parsing import Parsed
from desktop.qt.dates import date_text
from desktop.qt.models.incidents import (
    CLASSIFICATION,
    ID,
    LAST_UPDATE,
    SERVICE,
    STATUS,
    TITLE,
    IssueTableModel,
    classification_label,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import elide
from desktop.qt.words import status_word
from desktop.ui.dialogs.review_download import ReviewDownload, has_review
from desktop.ui.errors import HEALTH_ROLES
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.html_view import SafeTextBrowser, escaped, field_table, history_entry
from desktop.ui.widgets.link_actions import wire_text_links
from desktop.ui.widgets.status import StatusDelegate
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns


class IncidentsPane(Pane):
    """Signals:
    escalate(HealthIssue): file a service request about the selected issue.
    """

    what = "incidents"
    roles = HEALTH_ROLES
    escalate = Signal(object)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self.what = self.tr("incidents")
        self.model = IssueTableModel(self)
        self.filters: dict[str, QCheckBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        for key, text, checked in (
            # Mnemonics clear of the menus (C, R, A) and the tabs (O, H, I, P, S).
            ("active", self.tr("Ac&tive"), True),
            ("resolved", self.tr("Reso&lved"), False),
            ("incidents", self.tr("Incide&nts"), True),
            ("advisories", self.tr("Ad&visories"), True),
        ):
            box = QCheckBox(text)
            box.setChecked(checked)
            box.toggled.connect(self._apply_filter)
            self.filters[key] = box
            bar.addWidget(box)
        # One service's issues only, when the Service health tab opened one; a click (or
        # Space) shows every service's again.
        self._service = ""
        self.service_filter = QPushButton()
        self.service_filter.setToolTip(self.tr("Show the issues of every service"))
        self.service_filter.clicked.connect(lambda: self.show_service(""))
        self.service_filter.hide()
        bar.addWidget(self.service_filter)
        bar.addStretch(1)
        # The count and the actions on a row of their own: on one row with the filters, the
        # tab's minimum width (612 px in English, more in German) squeezed the customer list
        # whenever this tab was shown on a laptop's screen (issue 18's walk).
        actions = QHBoxLayout()
        self.count = QLabel()
        actions.addWidget(self.count)
        actions.addStretch(1)
        self.escalate_button = QPushButton(self.tr("&Escalate…"))
        self.escalate_button.setToolTip(
            self.tr("File a service request with Microsoft about the selected issue")
        )
        self.escalate_button.setEnabled(False)
        self.escalate_button.clicked.connect(self._escalate)
        self.review = ReviewDownload(holder, self)
        self.review.message.connect(self.status_message)
        self.review.running_changed.connect(self._review_running)
        self.review_button = QPushButton(self.tr("Do&wnload review…"))
        self.review_button.setToolTip(
            self.tr("Save Microsoft's post-incident review of the selected issue and open it")
        )
        self.review_button.setEnabled(False)
        self.review_button.clicked.connect(self._download_review)
        actions.addWidget(self.review_button)
        actions.addWidget(self.escalate_button)
        self.view = RecordTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Incidents"))
        self.view.setAccessibleDescription(
            self.tr(
                "Active issues first, newest first. The selected issue's updates follow; "
                "Alt+E escalates it to Microsoft."
            )
        )
        setup_table(self.view, sortable=False)  # the model keeps active first, newest first
        # The title gets the room; the classification is in the details and the filter, and
        # long service names ("Microsoft Defender for Office 365") may be elided.
        size_columns(
            self.view, stretch=TITLE, contents=[ID, STATUS, LAST_UPDATE], hidden=[CLASSIFICATION]
        )
        columns = columns_of(self.view)
        assert columns is not None
        columns.set_width(SERVICE, self.view.fontMetrics().averageCharWidth() * 20)
        columns.set_delegate(STATUS, StatusDelegate(self.view))
        self.view.selectionModel().currentRowChanged.connect(self._show_issue)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Incident details"))
        wire_text_links(self.detail, holder, self.status_message.emit, lambda: self.customer)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        # A few issues at a time, but posts run long: the history gets the extra height.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = self.content_layout()
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(splitter)

    def set_customer(self, customer: Customer | None) -> None:
        if customer is not self.customer:
            self._set_service("")  # another customer: its every service
        super().set_customer(customer)

    def show_service(self, service: str) -> None:
        """Only `service`'s issues (empty: every service's), active ones included: they are
        what a degraded service is about."""
        if service and not self.filters["active"].isChecked():
            self.filters["active"].setChecked(True)  # applies the filter
        self._set_service(service)
        self._apply_filter()

    def _set_service(self, service: str) -> None:
        self._service = service
        self.service_filter.setText(self.tr("Only {0} ✕").format(elide(service)))
        self.service_filter.setVisible(bool(service))

    def fetch(self, customer: Customer, cancel: threading.Event) -> Parsed[HealthIssue]:
        return self.holder.session.backend.issues(customer.tenant_id, cancel=cancel)

    def present(self, data: Parsed[HealthIssue]) -> None:
        self.model.set_rows(data.items)
        self._apply_filter()
        self.show_content()

    def _apply_filter(self) -> None:
        f = {k: box.isChecked() for k, box in self.filters.items()}
        self.model.set_filter(
            f["active"], f["resolved"], f["incidents"], f["advisories"], self._service
        )
        total = len(self.model.all_records())
        shown = self.model.rowCount()
        self.count.setText(
            self.tr("{0} of {1} shown").format(QLocale().toString(shown), QLocale().toString(total))
            if shown != total
            else self.tr("%n issue(s)", "", total)
        )
        self.view.set_placeholder(
            self.tr("No incidents match the filter.")
            if total
            else self.tr("Microsoft reports no incidents or advisories for this customer.")
        )
        if shown:
            self.view.selectRow(0)
        else:
            self.detail.clear()

    def _show_issue(self, current: QModelIndex, _previous: QModelIndex) -> None:
        issue = current.data(RecordRole)
        self.escalate_button.setEnabled(isinstance(issue, HealthIssue))
        if not self.review.running:
            self.review_button.setEnabled(isinstance(issue, HealthIssue) and has_review(issue))
        if not isinstance(issue, HealthIssue):
            self.detail.clear()
            return
        self.detail.setHtml(self.issue_html(issue))

    def _escalate(self) -> None:
        issue = self.view.currentIndex().data(RecordRole)
        if isinstance(issue, HealthIssue):
            self.escalate.emit(issue)

    def _download_review(self) -> None:
        if self.review.running:
            self.review.cancel()
            return
        issue = self.view.currentIndex().data(RecordRole)
        if isinstance(issue, HealthIssue) and self.customer is not None:
            self.holder.worker.spawn(self.review.run(self.customer.tenant_id, issue))

    def _review_running(self, running: bool) -> None:
        self.review_button.setText(
            self.tr("Cancel download") if running else self.tr("Do&wnload review…")
        )
        if not running:
            issue = self.view.currentIndex().data(RecordRole)
            self.review_button.setEnabled(isinstance(issue, HealthIssue) and has_review(issue))

    def issue_html(self, issue: HealthIssue) -> str:
        e = html.escape
        rows = [
            (self.tr("Status"), status_word(issue.status)),
            (self.tr("Service"), issue.service),
            (self.tr("Feature"), " / ".join(p for p in (issue.feature_group, issue.feature) if p)),
            (self.tr("Classification"), classification_label(issue.classification)),
            (self.tr("Started"), date_text(issue.start, missing="—")),
            (
                self.tr("Ended"),
                date_text(issue.end, missing="—") if issue.end else self.tr("Ongoing"),
            ),
            (self.tr("Last update"), date_text(issue.last_modified, missing="—")),
            (self.tr("User impact"), issue.impact),
        ]
        if has_review(issue):
            rows.append(
                (
                    self.tr("Post-incident review"),
                    self.tr("Published by Microsoft"),
                )
            )
        palette = self.detail.palette()
        posts = []
        for post in issue.posts_newest_first():
            body = self.holder.session.backend.sanitize(
                post.content, post.content_type, self.customer
            )
            heading = f"<b>{e(date_text(post.created, missing='—'))}</b>"
            if post.post_type and post.post_type != "regular":  # most are; only flag the rest
                heading += f" · {escaped(self._post_type(post.post_type))}"
            posts.append(history_entry(palette, heading, body))
        # Translated outside the f-strings: lupdate does not read inside them.
        none_yet = self.tr("No updates posted yet.")
        updates = self.tr("Updates (newest first)")
        history = "".join(posts) or f"<p><i>{e(none_yet)}</i></p>"
        return (
            f"<h3>{escaped(issue.id)} — {escaped(issue.title)}</h3>"
            f"{field_table(palette, ('', rows))}"
            f"<h4>{e(updates)}</h4>{history}"
        )

    def _post_type(self, kind: str) -> str:
        labels = {"quick": self.tr("Quick update"), "strategic": self.tr("Strategic update")}
        return labels.get(kind, kind)

    def select_issue(self, issue_id: str) -> bool:
        for row in range(self.model.rowCount()):
            record = self.model.index(row, 0).data(RecordRole)
            if isinstance(record, HealthIssue) and record.id == issue_id:
                self.view.selectRow(row)
                return True
        return False
