"""A service request in full (its fields, description and notes, newest first), as the
customer's Service requests tab and the all-customers requests window show it."""

from __future__ import annotations

import html
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette

from desktop.domain.service_requests import ServiceRequest
from desktop.qt.dates import date_text
from desktop.qt.models.requests import severity_label, status_text
from desktop.ui.widgets.html_view import field_table, history_entry

# Spelt out at each call, in the context where the words were first translated (the
# RequestsPane's): lupdate reads only literal contexts and texts.
translate = QCoreApplication.translate
_NEVER = datetime.min.replace(tzinfo=timezone.utc)


def request_html(request: ServiceRequest, palette: QPalette, customer: str = "") -> str:
    """`customer`: its customer's name, where the view lists many customers' requests."""
    e = html.escape
    contact = request.contact_name
    if request.contact_email:
        contact = f"{contact} <{request.contact_email}>" if contact else request.contact_email
    rows = [
        (translate("RequestsPane", "Severity"), severity_label(request.severity)),
        (translate("RequestsPane", "Status"), status_text(request.status)),
        (translate("RequestsPane", "Topic"), request.support_topic_name or request.product_name),
        (translate("RequestsPane", "Contact"), contact),
        (translate("RequestsPane", "Created"), date_text(request.created, missing="—")),
        (translate("RequestsPane", "Last modified"), date_text(request.last_modified, missing="—")),
        (
            translate("RequestsPane", "Closed"),
            date_text(request.last_closed, missing="—") if request.last_closed else "—",
        ),
    ]
    if customer:
        rows.insert(0, (QCoreApplication.translate("RecordTableModel", "Customer"), customer))
    # Translated outside the f-strings: lupdate does not read inside them.
    no_notes, notes_title = (
        translate("RequestsPane", "No notes yet."),
        translate("RequestsPane", "Notes (newest first)"),
    )
    notes = (
        "".join(
            history_entry(
                palette,
                f"<b>{e(n.created_by or '?')}</b> · {e(date_text(n.created, missing='—'))}",
                f"<p>{e(n.text).replace(chr(10), '<br>')}</p>",
            )
            for n in sorted(
                request.notes,
                key=lambda n: n.created or request.created or _NEVER,
                reverse=True,
            )
        )
        or f"<p><i>{e(no_notes)}</i></p>"
    )
    description = e(request.description).replace("\n", "<br>")
    return (
        f"<h3>{e(request.id)} — {e(request.title)}</h3>{field_table(palette, ('', rows))}"
        f"<p>{description}</p><h4>{e(notes_title)}</h4>{notes}"
    )
