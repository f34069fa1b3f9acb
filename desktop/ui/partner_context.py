"""Partner Center's own service incidents and message center notices: partner-level context.

Partner Center's `serviceincidents/office` speaks for the partner, across all its customers, and
Microsoft's reference calls the operation unreliable (API.md section 2): what it says is shown
here, labelled as partner-level, and never counted in any customer's health (that comes from
each customer's Graph service health). Its message center notices (planned changes, actions to
take by a date) are listed with the incidents, each marked as what it is.
"""

from __future__ import annotations

import html
from datetime import datetime, timezone

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from desktop.models.partner_incidents import MessageCenterNotice, PartnerIncidents
from desktop.models.records import IncidentMessage, ServiceIncident
from desktop.ui.context import AppContext
from desktop.ui.errors import explain
from desktop.ui.panes.incidents import local_time
from desktop.ui.widgets.html_view import SafeTextBrowser, escaped, field_table, history_entry

Entry = ServiceIncident | MessageCenterNotice
_LATEST = datetime.max.replace(tzinfo=timezone.utc)


class PartnerContextPanel(QWidget):
    """The list of Partner Center's open incidents and notices, and the selected one's text."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[Entry] = []
        heading = self.tr("Partner Center: partner-level context")
        title = QLabel(f"<b>{html.escape(heading)}</b>")
        note = QLabel(
            self.tr(
                "What Partner Center reports for your partner account as a whole: not any "
                "customer's health."
            )
        )
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Partner Center incidents and notices"))
        self.list.setAccessibleDescription(
            self.tr("Partner-level context for every customer; the selected one's text follows.")
        )
        title.setBuddy(self.list)
        self.list.currentRowChanged.connect(self._show)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Partner Center incident or notice"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setSizes([320, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(split, 1)

    async def load(self) -> None:
        """Fetch (on the worker) and show; a failure is a line in the list, not a dialog."""
        backend = self.ctx.backend
        self.entries = []
        self.list.clear()
        self.detail.clear()
        if not backend.cloud.service_incidents:
            self.list.addItem(self.tr("Not offered in the {0}.").format(backend.cloud.name))
            return
        try:
            found = await self.ctx.worker.run(backend.partner_incidents)
        except Exception as error:
            explained = explain(error, self.tr("partner incidents"))
            self.list.addItem(f"{explained.title}: {explained.detail}")
            return
        self.show_entries(found)

    def show_entries(self, found: PartnerIncidents) -> None:
        incidents = sorted(
            (i for i in found.incidents if not i.resolved),
            key=lambda i: i.start or _LATEST,
            reverse=True,
        )
        # The nearest "act by" date first; notices without one after them.
        notices = sorted(found.notices, key=lambda n: (n.required_by or _LATEST, n.id))
        self.entries = [*incidents, *notices]
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(self._line(entry))
            item.setToolTip(entry.id)
            self.list.addItem(item)
        if not self.entries:
            self.list.addItem(self.tr("No open partner-level incidents or notices."))
        if found.errors:
            self.list.addItem(self.tr("%n item(s) could not be read.", "", len(found.errors)))

    def _line(self, entry: Entry) -> str:
        if isinstance(entry, MessageCenterNotice):
            when = (
                self.tr("act by {0}").format(local_time(entry.required_by))
                if entry.required_by
                else entry.category
            )
            return self.tr("Message center · {0} · {1} ({2})").format(
                entry.workload, entry.title or entry.id, when
            )
        return self.tr("Incident · {0} · {1} ({2}, {3})").format(
            entry.workload, entry.title or entry.id, entry.status, local_time(entry.start)
        )

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            self.detail.clear()
            return
        self.detail.setHtml(self.entry_html(self.entries[row]))

    def entry_html(self, entry: Entry) -> str:
        palette = self.detail.palette()
        if isinstance(entry, MessageCenterNotice):
            kind = self.tr("Message center notice (partner-level)")
            rows = [
                (self.tr("Service"), entry.workload),
                (self.tr("Category"), entry.category),
                (self.tr("Action"), entry.action_type),
                (self.tr("Severity"), entry.severity),
                (
                    self.tr("Act by"),
                    local_time(entry.required_by) if entry.required_by else "",
                ),
                (self.tr("Published"), local_time(entry.start)),
            ]
        else:
            kind = self.tr("Service incident (partner-level)")
            rows = [
                (self.tr("Service"), entry.workload),
                (self.tr("Status"), entry.status),
                (self.tr("Started"), local_time(entry.start)),
                (
                    self.tr("Customers affected"),
                    QLocale().toString(entry.impacted_customers)
                    if entry.impacted_customers is not None
                    else "",
                ),
            ]
        messages = "".join(self._message(palette, m) for m in _newest_first(entry.messages))
        return (
            f"<h3>{escaped(entry.id)} — {escaped(entry.title)}</h3>"
            f"<p><i>{html.escape(kind)}</i></p>{field_table(palette, ('', rows))}{messages}"
        )

    def _message(self, palette: QPalette, message: IncidentMessage) -> str:
        heading = f"<b>{html.escape(local_time(message.published))}</b>"
        # Partner Center's messages are plain text laid out with newlines.
        return history_entry(palette, heading, self.ctx.backend.sanitize(message.text, "text"))


def _newest_first(messages: tuple[IncidentMessage, ...]) -> list[IncidentMessage]:
    floor = datetime.min.replace(tzinfo=timezone.utc)
    return sorted(messages, key=lambda m: m.published or floor, reverse=True)
