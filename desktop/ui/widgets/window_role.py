"""A window that is a plain QWidget is a window to a screen reader too, not a pane."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_MARK = "partnerDeskWindow"
_installed = False


def _interface(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QWidget) and target.property(_MARK):
        return QAccessibleWidget(target, QAccessible.Role.Window)
    return None  # Qt's own interface


def announce_as_window(widget: QWidget) -> None:
    """Give `widget` (a top-level QWidget: not a QMainWindow, not a QDialog) the role of a
    window. Qt gives it a pane's ("filler" over AT-SPI): a screen reader announced nothing
    when it opened and did not list it among the app's windows. Call before it is shown."""
    global _installed
    widget.setProperty(_MARK, True)
    if not _installed:  # one factory for all: Qt asks each installed one for every object
        QAccessible.installFactory(_interface)
        _installed = True
