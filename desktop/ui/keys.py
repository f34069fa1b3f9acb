"""The main window's keyboard shortcuts, and how a text names one.

A text never spells a shortcut ("Ctrl+F"): on a Mac the same key is ⌘F, and the menus say so.
Texts put the sequence's `NativeText` in a placeholder instead (`key_text("find")`), so they say
what the menus say on every platform. Once an action is `bind`-ed to a name, the texts follow the
action: change its shortcut and the next text built names the new one (the window's fixed texts
are built again then, desktop.ui.key_hints).

Qt's Ctrl is the Command key on macOS (⌘F, ⌘1…); the Control key there is Qt's Meta.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

StandardKey = QKeySequence.StandardKey

# Each shortcut by name: the platform's standard key if it has one, else the fallback.
DEFAULTS: dict[str, tuple[StandardKey | None, str]] = {
    "find": (StandardKey.Find, "Ctrl+F"),
    "new_request": (StandardKey.New, "Ctrl+N"),
    "favourite": (None, "Ctrl+B"),
    "tags": (None, "Ctrl+T"),
    "dashboard": (None, "Ctrl+D"),
    "all_requests": (None, "Ctrl+Shift+R"),
    "open_form": (None, "Ctrl+Return"),
    # Linux desktops and macOS have a standard Quit key; Windows has none: Ctrl+Q there too.
    "quit": (StandardKey.Quit, "Ctrl+Q"),
    # ⌘, on a Mac; the other platforms have none, and need none.
    "preferences": (StandardKey.Preferences, ""),
    # The keyboard's way between the list and a customer's tabs, where there are no Alt+letter
    # mnemonics (macOS): Ctrl+0 is the list, Ctrl+1 … Ctrl+6 the tabs, as in a browser.
    "customer_list": (None, "Ctrl+0"),
    **{f"tab_{n}": (None, f"Ctrl+{n}") for n in range(1, 10)},
}

# The sequences of the actions bound to a name, as they are now.
_bound: dict[str, QKeySequence] = {}


def default(name: str) -> QKeySequence:
    standard, fallback = DEFAULTS[name]
    if standard is not None:
        made = QKeySequence(standard)
        if not made.isEmpty():
            return made
    return QKeySequence(fallback)


def sequence(name: str) -> QKeySequence:
    """The shortcut called `name` now: its action's, once one is bound, else the default."""
    bound = _bound.get(name)
    return bound if bound is not None else default(name)


def bind(action: QAction, name: str) -> QAction:
    """`action` takes the shortcut `name` (its default); texts naming it follow the action."""
    action.setShortcut(default(name))
    _bound[name] = action.shortcut()

    def follow() -> None:
        _bound[name] = action.shortcut()

    action.changed.connect(follow)
    return action


def shortcut_text(keys: QKeySequence) -> str:
    """How the platform writes `keys` in its menus: "Ctrl+F", "⌘F", "Strg+F" (translated by
    Qt's own catalogue where one is installed)."""
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def key_text(name: str) -> str:
    return shortcut_text(sequence(name))


def tab_steps(platform: str = sys.platform) -> tuple[list[QKeySequence], list[QKeySequence]]:
    """The keys for the next and the previous tab: the platform's NextChild/PreviousChild
    (Ctrl+Tab here), Ctrl+PgDown/PgUp, and on a Mac the Control key with Tab, as in Safari and
    the Finder (Qt's Ctrl is the Command key there, and ⌘Tab is the system's)."""
    forward = [*QKeySequence.keyBindings(StandardKey.NextChild), QKeySequence("Ctrl+PgDown")]
    back = [
        *QKeySequence.keyBindings(StandardKey.PreviousChild),
        # As X11 may also deliver it (the walk: Ctrl+Shift+Tab from the list did nothing there).
        QKeySequence("Ctrl+Shift+Tab"),
        QKeySequence("Ctrl+PgUp"),
    ]
    if platform == "darwin":
        forward.append(QKeySequence("Meta+Tab"))
        back.append(QKeySequence("Meta+Shift+Backtab"))
    # Once each: one action holding a sequence twice would make the key ambiguous.
    return list(dict.fromkeys(forward)), list(dict.fromkeys(back))


def context_menu_text(platform: str = sys.platform) -> str:
    """What opens a context menu, as the end of a sentence's subject ("… shows both")."""
    if platform == "darwin":  # a Mac keyboard has no menu key
        return QCoreApplication.translate("MainWindow", "a Control-click or a right-click")
    return QCoreApplication.translate("MainWindow", "a right-click or the context-menu key")
