"""Incidents and advisories of a customer, and the full post history of the selected one."""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QDateTime, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QWidget,
)

from desktop.models.health import status_label
from desktop.models.incidents import IssueTableModel
from desktop.models.records import Customer, HealthIssue, Parsed
from desktop.models.table import RecordRole
from desktop.ui.context import AppContext
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.html_view import SafeTextBrowser


def local_time(value: object) -> str:
    from datetime import datetime

    if not isinstance(value, datetime):
        return "—"
    stamp = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))  # shown in local time
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


class IncidentsPane(Pane):
    what = "incidents"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.what = self.tr("incidents")
        self.model = IssueTableModel(self)
        self.filters: dict[str, QCheckBox] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        for key, text, checked in (
            ("active", self.tr("&Active"), True),
            ("resolved", self.tr("&Resolved"), False),
            ("incidents", self.tr("In&cidents"), True),
            ("advisories", self.tr("Ad&visories"), True),
        ):
            box = QCheckBox(text)
            box.setChecked(checked)
            box.toggled.connect(self._apply_filter)
            self.filters[key] = box
            bar.addWidget(box)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Incidents"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(False)  # the model keeps active first, newest first
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setColumnWidth(1, 320)
        self.view.selectionModel().currentRowChanged.connect(self._show_issue)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Incident details"))
        self.detail.link_activated.connect(self._open_link)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setSizes([220, 320])
        layout = self.content_layout()
        layout.addLayout(bar)
        layout.addWidget(splitter)

    def fetch(self, customer: Customer, cancel: threading.Event) -> Parsed[HealthIssue]:
        return self.ctx.backend.issues(customer.tenant_id, cancel=cancel)

    def present(self, data: Parsed[HealthIssue]) -> None:
        self.model.set_rows(data.items)
        self._apply_filter()
        self.show_content()

    def _apply_filter(self) -> None:
        f = {k: box.isChecked() for k, box in self.filters.items()}
        self.model.set_filter(f["active"], f["resolved"], f["incidents"], f["advisories"])
        total = len(self.model.all_records()) if hasattr(self.model, "all_records") else None
        shown = self.model.rowCount()
        self.count.setText(
            self.tr("%n shown", "", shown) + (f" / {total}" if total is not None else "")
        )
        if shown:
            self.view.selectRow(0)
        else:
            self.detail.setHtml(
                "<p>" + html.escape(self.tr("No incidents match the filter.")) + "</p>"
            )

    def _show_issue(self, current: QModelIndex, _previous: QModelIndex) -> None:
        issue = current.data(RecordRole)
        if not isinstance(issue, HealthIssue):
            self.detail.clear()
            return
        self.detail.setHtml(self.issue_html(issue))

    def issue_html(self, issue: HealthIssue) -> str:
        e = html.escape
        rows = [
            (self.tr("Status"), status_label(issue.status)),
            (self.tr("Service"), issue.service),
            (self.tr("Feature"), " / ".join(p for p in (issue.feature_group, issue.feature) if p)),
            (
                self.tr("Classification"),
                self.tr("Incident")
                if issue.classification == "incident"
                else self.tr("Advisory")
                if issue.classification == "advisory"
                else issue.classification,
            ),
            (self.tr("Started"), local_time(issue.start)),
            (self.tr("Ended"), local_time(issue.end) if issue.end else self.tr("Ongoing")),
            (self.tr("Last update"), local_time(issue.last_modified)),
        ]
        table = "".join(
            f"<tr><td><b>{e(k)}</b>&nbsp;&nbsp;</td><td>{e(v or '—')}</td></tr>" for k, v in rows
        )
        posts = []
        for post in issue.posts_newest_first():
            body = self.ctx.backend.sanitize(post.content, post.content_type)
            posts.append(
                f"<hr><p><b>{e(local_time(post.created))}</b>"
                f" <i>({e(post.post_type)})</i></p><div>{body}</div>"
            )
        history = "".join(posts) or f"<p><i>{e(self.tr('No updates posted yet.'))}</i></p>"
        return (
            f"<h3>{e(issue.id)} — {e(issue.title)}</h3>"
            f"<table>{table}</table>"
            f"<p><b>{e(self.tr('User impact'))}</b><br>{e(issue.impact or '—')}</p>"
            f"<h4>{e(self.tr('Updates (newest first)'))}</h4>{history}"
        )

    def _open_link(self, url: str) -> None:
        self.ctx.worker.spawn(self._open(url))

    async def _open(self, url: str) -> None:
        reason = await self.ctx.open_link(url)
        self.status_message.emit(reason or self.tr("Opened in your browser."))

    def select_issue(self, issue_id: str) -> bool:
        for row in range(self.model.rowCount()):
            record = self.model.index(row, 0).data(RecordRole)
            if isinstance(record, HealthIssue) and record.id == issue_id:
                self.view.selectRow(row)
                return True
        return False
