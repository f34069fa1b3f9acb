"""A customer's admin portals: which ones, what for, and where they go or why they cannot.

The links carry English texts (desktop.config.portal_templates marks them); everything shown here is
translated: the portal's name where Microsoft translates it, its purpose, its notes and, for
SharePoint's address derived from the tenant name, a "derived" mark in its row.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject

from desktop.config.portal_templates import MICROSOFT_PURPOSE, NOTES, SHAREPOINT_DERIVED
from desktop.domain.customers import PortalLink
from desktop.qt.models.table import QT_TRANSLATE_NOOP, RecordTableModel, text_column

PORTAL, PURPOSE, LINK = range(3)

_CONTEXT: Final = "PortalModel"


def _qt_can_take(text: str) -> bool:
    """False for text PySide cannot hand Qt (a lone surrogate, from API text): translating it
    raised UnicodeEncodeError in `data()`. Such text is shown as it came."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def portal_name(link: PortalLink) -> str:
    """The portal's name as Microsoft's admin centers say it in the user's language."""
    if not _qt_can_take(link.name):
        return link.name
    return QCoreApplication.translate("portals", link.name)


def portal_purpose(link: PortalLink) -> str:
    if link.from_microsoft and link.source and _qt_can_take(link.source):
        # Rebuilt from its parts: the English purpose names the source in English.
        source = QCoreApplication.translate("portals", link.source)
        return QCoreApplication.translate("portals", MICROSOFT_PURPOSE).format(link.name, source)
    if not _qt_can_take(link.purpose):
        return link.purpose
    return QCoreApplication.translate("portals", link.purpose)


def portal_error(link: PortalLink) -> str:
    """Why the portal cannot open (the reasons marked for translation are translated)."""
    if not _qt_can_take(link.error):
        return link.error
    return QCoreApplication.translate("portals", link.error)


def portal_notes(link: PortalLink) -> str:
    """The link's notes (`PortalLink.note` joins the English ones), translated."""
    rest = link.note
    parts: list[str] = []
    for note in NOTES:
        if note in rest:
            parts.append(QCoreApplication.translate("portals", note))
            rest = rest.replace(note, "")
    if rest.strip():
        parts.append(rest.strip())
    return " ".join(parts)


def is_derived(link: PortalLink) -> bool:
    """SharePoint's address guessed from the tenant name, not given by Microsoft."""
    return link.url is not None and SHAREPOINT_DERIVED in link.note


def link_text(link: PortalLink) -> str:
    """The host a portal opens, or why it is unavailable: the full URL belongs in a tooltip."""
    if link.url is None:
        return QCoreApplication.translate("PortalModel", "Unavailable: %1").replace(
            "%1", portal_error(link)
        )
    host = urlsplit(link.url).hostname or link.url
    if is_derived(link):
        return QCoreApplication.translate("PortalModel", "%1 (derived)").replace("%1", host)
    return host


def link_tooltip(link: PortalLink) -> str:
    if link.url is None:
        return portal_error(link)
    if is_derived(link):
        return link.url + "\n" + QCoreApplication.translate("portals", SHAREPOINT_DERIVED)
    return link.url


class PortalModel(RecordTableModel[PortalLink]):
    """Admin portals in the order given. `RecordRole` gives the PortalLink."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Portal"), portal_name),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Purpose"),
                    portal_purpose,
                    tooltip=portal_purpose,
                ),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Link"), link_text, tooltip=link_tooltip
                ),
            ),
            parent,
            key=lambda p: p.portal_id,
        )
