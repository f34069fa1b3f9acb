"""A customer's admin portals: which ones, what for, and where they go or why they cannot."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject

from desktop.models.records import PortalLink
from desktop.models.table import QT_TRANSLATE_NOOP, RecordTableModel, text_column

PORTAL, PURPOSE, LINK = range(3)

_CONTEXT: Final = "PortalModel"


def link_text(link: PortalLink) -> str:
    """The host a portal opens, or why it is unavailable: the full URL belongs in a tooltip."""
    if link.url is None:
        return QCoreApplication.translate("PortalModel", "Unavailable: %1").replace(
            "%1", link.error
        )
    return urlsplit(link.url).hostname or link.url


class PortalModel(RecordTableModel[PortalLink]):
    """Admin portals in the order given. `RecordRole` gives the PortalLink."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Portal"), lambda p: p.name),
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Purpose"), lambda p: p.purpose),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Link"),
                    link_text,
                    tooltip=lambda p: p.url or p.error,
                ),
            ),
            parent,
            key=lambda p: p.portal_id,
        )
