"""The keys that close a tool window: Esc, as a dialog closes, and the platform's Close
(Ctrl+W, Ctrl+F4; ⌘W on a Mac). The dashboard, the all-requests window and the GDAP window
are plain top-level widgets: Qt gives them neither, and a new user's walk found them shut only
by the title bar's button.

Both are window shortcuts, so what has Escape first keeps it: a menu, a combo box's list or a
completer is a popup window of its own, and an item view's editor takes Escape before any
shortcut (its delegate accepts the ShortcutOverride).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget


def close_keys(window: QWidget, escape: Callable[[], None] | None = None) -> None:
    """Esc and the platform's Close close `window`. `escape`, if given, is what Esc does
    instead: first undoing what is under way (a search typed, a check running), then closing
    `window` itself."""
    QShortcut(QKeySequence.StandardKey.Close, window, window.close)
    on_escape = escape or window.close

    def pressed() -> None:
        if QApplication.activePopupWidget() is None:  # a popup's Escape is its own
            on_escape()

    QShortcut(QKeySequence(Qt.Key.Key_Escape), window, pressed)
