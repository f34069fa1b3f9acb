"""Roles Qt gives wrongly for a screen reader: a window that is a plain QWidget is a window,
not a pane; a stack of pages is no layer of its own."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QStackedWidget, QWidget

_MARK = "partnerDeskWindow"
_installed = False


def _interface(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QWidget) and target.property(_MARK):
        return QAccessibleWidget(target, QAccessible.Role.Window)
    if isinstance(target, QStackedWidget):
        # Qt's is a "layered pane" (AT-SPI), which Orca names each time the focus enters it:
        # "layered pane, layered pane" on every tab switch (a tab widget's stack, then the
        # pane's own). A plain container (a "filler") is layout to Orca and NVDA, not said.
        # Its pages stay its children, the hidden ones not showing (Qt marks them invisible).
        return QAccessibleWidget(target, QAccessible.Role.Client)
    return None  # Qt's own interface


def install_roles() -> None:
    """Our roles, for widgets asked about from now on: call before the first window is made
    (Qt keeps the interface it made first for each widget)."""
    global _installed
    if not _installed:  # one factory for all: Qt asks each installed one for every object
        QAccessible.installFactory(_interface)
        _installed = True


def announce_as_window(widget: QWidget) -> None:
    """Give `widget` (a top-level QWidget: not a QMainWindow, not a QDialog) the role of a
    window. Qt gives it a pane's ("filler" over AT-SPI): a screen reader announced nothing
    when it opened and did not list it among the app's windows. Call before it is shown."""
    widget.setProperty(_MARK, True)
    install_roles()
