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

from desktop.domain.health import IncidentMessage, ServiceIncident
from desktop.domain.partner_incidents import MessageCenterNotice, PartnerIncidents, workload_name
from desktop.qt.dates import date_text
from desktop.qt.models.messages import category_label
from desktop.qt.models.table import QT_TRANSLATE_NOOP, labelled, plain_tooltip
from desktop.qt.numbers import qt_int
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import TEXT_CHARS, elide
from desktop.ui.errors import explain
from desktop.ui.widgets.html_view import SafeTextBrowser, escaped, field_table, history_entry

Entry = ServiceIncident | MessageCenterNotice
_LATEST = datetime.max.replace(tzinfo=timezone.utc)

# Partner Center's words, in the words the customer tabs use. Its status of an incident and
# severity of a notice (ServiceIncidentStatus):
status_label = labelled(
    {
        "normal": QT_TRANSLATE_NOOP("PartnerContextPanel", "Normal"),
        "information": QT_TRANSLATE_NOOP("PartnerContextPanel", "Information"),
        "warning": QT_TRANSLATE_NOOP("PartnerContextPanel", "Warning"),
        "critical": QT_TRANSLATE_NOOP("PartnerContextPanel", "Critical"),
    },
    "PartnerContextPanel",
)
# A notice's action type (undocumented; the Service Communications API's words).
_ACTIONS = {
    "action": QT_TRANSLATE_NOOP("PartnerContextPanel", "Action required"),
    "awareness": QT_TRANSLATE_NOOP("PartnerContextPanel", "For your awareness"),
}
action_label = labelled(_ACTIONS, "PartnerContextPanel")
# A notice's category, spelt "Prevent Or Fix Issues": the message center's categories
# ("preventOrFixIssue", as Graph sends them), compared without case, spaces or plural.
_CATEGORIES = {
    "preventorfixissue": "preventOrFixIssue",
    "planforchange": "planForChange",
    "stayinformed": "stayInformed",
}


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def notice_category(category: str) -> str:
    key = _key(category)
    graph = _CATEGORIES.get(key) or _CATEGORIES.get(key.removesuffix("s"))
    return category_label(graph) if graph else category


def notice_action(action_type: str) -> str:
    key = _key(action_type)
    return action_label(key) if key in _ACTIONS else action_type


class PartnerContextPanel(QWidget):
    """The list of Partner Center's open incidents and notices, and the selected one's text."""

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
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
        self.detail.setPlaceholderText(self.tr("Select an incident or notice to read it."))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        # The list's lines are long (kind, service, title, date): it gets the larger share,
        # and each line's tooltip has it whole.
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(split, 1)

    async def load(self) -> None:
        """Fetch (on the worker) and show; a failure is a line in the list, not a dialog."""
        backend = self.holder.session.backend
        self.entries = []
        self.list.clear()
        self.detail.clear()
        if not backend.cloud.service_incidents:
            self.list.addItem(self.tr("Not offered in the {0}.").format(backend.cloud.name))
            return
        try:
            found = await self.holder.worker.run(backend.partner_incidents)
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
            line = self._line(entry)
            item = QListWidgetItem(line)
            # API text: as text (a title holding <img> is no image), and cut (plain_tooltip).
            item.setToolTip(plain_tooltip(f"{line}\n{entry.id}"))
            self.list.addItem(item)
        if not self.entries:
            self.list.addItem(self.tr("No open partner-level incidents or notices."))
        if found.errors:
            self.list.addItem(self.tr("%n item(s) could not be read.", "", len(found.errors)))
        if self.entries:
            self.list.setCurrentRow(0)  # the first one's text shows at once

    def _line(self, entry: Entry) -> str:
        if isinstance(entry, MessageCenterNotice):
            when = (
                self.tr("act by {0}").format(date_text(entry.required_by, missing="—"))
                if entry.required_by
                else notice_category(entry.category)
            )
            return self.tr("Message center · {0} · {1} ({2})").format(
                elide(workload_name(entry.workload)),
                elide(entry.title or entry.id, TEXT_CHARS),
                elide(when),
            )
        return self.tr("Incident · {0} · {1} ({2}, {3})").format(
            elide(workload_name(entry.workload)),
            elide(entry.title or entry.id, TEXT_CHARS),
            elide(status_label(entry.status)),
            date_text(entry.start, missing="—"),
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
                (self.tr("Service"), workload_name(entry.workload)),
                (self.tr("Category"), notice_category(entry.category)),
                (self.tr("Action"), notice_action(entry.action_type)),
                (self.tr("Severity"), status_label(entry.severity)),
                (
                    self.tr("Act by"),
                    date_text(entry.required_by, missing="—") if entry.required_by else "",
                ),
                (self.tr("Published"), date_text(entry.start, missing="—")),
            ]
        else:
            kind = self.tr("Service incident (partner-level)")
            rows = [
                (self.tr("Service"), workload_name(entry.workload)),
                (self.tr("Status"), status_label(entry.status)),
                (self.tr("Started"), date_text(entry.start, missing="—")),
                (
                    # Partner Center's own count, over all the partner's customers: the
                    # dashboard's sweep counts those it could read, so the two differ.
                    self.tr("Customers affected (Partner Center)"),
                    QLocale().toString(qt_int(entry.impacted_customers, 0))
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
        heading = f"<b>{html.escape(date_text(message.published, missing='—'))}</b>"
        # Partner Center's messages are plain text laid out with newlines.
        return history_entry(
            palette, heading, self.holder.session.backend.sanitize(message.text, "text")
        )


def _newest_first(messages: tuple[IncidentMessage, ...]) -> list[IncidentMessage]:
    floor = datetime.min.replace(tzinfo=timezone.utc)
    return sorted(messages, key=lambda m: m.published or floor, reverse=True)
