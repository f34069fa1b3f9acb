"""What the customer list's Health and GDAP cells say: the states' words (`desktop.qt.words`)
put together with what the list adds (counts, the end date, how old a figure is)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Final

from PySide6.QtCore import QCoreApplication

from desktop.domain.customer_health import HealthSummary
from desktop.domain.gdap import (
    GdapRelationship,
    GdapState,
    expires_in,
    extension_days,
    gdap_state,
)
from desktop.qt.dates import date_text
from desktop.qt.models.age import age_text
from desktop.qt.text_limits import elide
from desktop.qt.words import (
    NOTHING,
    active_issues,
    expiry_word,
    extension_word,
    gdap_status_word,
    no_gdap_explained,
    no_gdap_word,
    not_operational,
    roles_text,
)

# lupdate reads the literal context of each call; a helper around it would hide the texts.
translate = QCoreApplication.translate


def health_tooltip(summary: HealthSummary | None) -> str:
    if summary is None:
        return translate("CustomerTableModel", "Service health not loaded yet")
    age = ""
    if summary.fetched is not None:
        age = "\n" + translate("CustomerTableModel", "Checked {0}").format(
            age_text(summary.fetched)
        )
    if summary.failure is not None:
        return summary.error + age
    return f"{not_operational(summary.degraded)}\n{active_issues(summary.incidents)}{age}"


# What the GDAP cell holds: not loaded yet, no relationship at all, or the best one.
GDAP_NOT_LOADED: Final = "not-loaded"
GDAP_NONE: Final = "none"
GdapCell = GdapRelationship | str


def gdap_cell_state(cell: GdapCell) -> GdapState | None:
    """Where the customer's access stands; None while the relationships are not loaded."""
    if cell == GDAP_NOT_LOADED:
        return None
    return gdap_state(cell if isinstance(cell, GdapRelationship) else None)


def _until(rel: GdapRelationship, end: datetime) -> str:
    return (
        translate("CustomerTableModel", "%1 until %2")
        .replace("%1", gdap_status_word(rel.status))
        .replace("%2", date_text(end, day=True))
    )


def gdap_text(cell: GdapCell) -> str:
    if cell == GDAP_NOT_LOADED:
        return NOTHING
    if not isinstance(cell, GdapRelationship):
        return no_gdap_word()
    left = expires_in(cell)
    if left is not None:
        return expiry_word(left)
    if cell.active and cell.end is not None:
        return _until(cell, cell.end)
    return gdap_status_word(cell.status)


def gdap_text_sample() -> str:
    """The widest "Active until <date>" this locale writes, to size the column by."""
    widest = datetime(2088, 12, 28, 12, tzinfo=timezone.utc)
    return _until(GdapRelationship("", "", "", "", "active", "", "", None, widest), widest)


def gdap_tooltip(cell: GdapCell) -> str:
    if cell == GDAP_NOT_LOADED:
        return translate("CustomerTableModel", "GDAP relationships not loaded")
    if not isinstance(cell, GdapRelationship):
        return no_gdap_explained()
    text = f"{elide(cell.display_name)}\n{elide(gdap_status_word(cell.status))}"
    text += "\n" + translate("CustomerTableModel", "Roles: %1").replace(
        "%1", roles_text(cell.role_ids)
    )
    if cell.end is not None:
        text += "\n" + translate("CustomerTableModel", "Ends %1").replace(
            "%1", date_text(cell.end, day=True)
        )
    extends = extension_days(cell)
    if cell.active and extends:
        text += "\n" + extension_word(extends)
    if expires_in(cell) is not None:
        text += "\n" + translate(
            "CustomerTableModel", "Ask the customer to approve a new relationship before it ends."
        )
    return text
