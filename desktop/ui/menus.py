"""The main window's actions (shortcuts, the list's right-click menu) and its menus' items.

On macOS, About, Preferences and Quit go to the application menu by their menu role; every
other item stays where it is put (`NoRole`): Qt would otherwise move an item by its text
("Settings…", "Options", "About …", in any language its own catalogue knows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from desktop.ui import keys
from desktop.ui.key_hints import show_key_hints

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

Role = QAction.MenuRole


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """The window's actions by name, their shortcuts live in the whole window."""

    def action(text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
        """`shortcut`: a key sequence, or the name of one in desktop.ui.keys (whose texts
        then follow the action)."""
        made = QAction(text, window)
        made.setMenuRole(Role.NoRole)
        if isinstance(shortcut, str):
            keys.bind(made, shortcut)
        elif shortcut is not None:
            made.setShortcut(shortcut)
        made.triggered.connect(slot)
        return made

    spawn = window.holder.worker.spawn
    refresh_keys = QKeySequence(QKeySequence.StandardKey.Refresh)
    actions = {
        "find": action(
            QCoreApplication.translate("MainWindow", "Find customer"),
            window.focus_search,
            "find",
        ),
        "refresh": action(
            QCoreApplication.translate("MainWindow", "Refresh"),
            window.refresh,
            QKeySequence(Qt.Key.Key_F5) if refresh_keys.isEmpty() else refresh_keys,
        ),
        "cancel": action(
            QCoreApplication.translate("MainWindow", "Stop loading"),
            window.cancel_sweep,
            QKeySequence(Qt.Key.Key_Escape),
        ),
        "new_request": action(
            QCoreApplication.translate("MainWindow", "&New service request…"),
            window.requests_desk.new_request,
            "new_request",
        ),
        "drafts": action(
            QCoreApplication.translate("MainWindow", "&Drafts…"),
            lambda: window.requests_desk.show_drafts(
                lambda tenant: c.company_name if (c := window.directory.record_of(tenant)) else ""
            ),
        ),
        "all_requests": action(
            QCoreApplication.translate("MainWindow", "&Requests of all customers…"),
            window.show_open_requests,
            "all_requests",
        ),
        "dashboard": action(
            QCoreApplication.translate("MainWindow", "&Dashboard: who is hurt now…"),
            window.show_dashboard,
            "dashboard",
        ),
        "favourite": action(
            QCoreApplication.translate("MainWindow", "&Favourite"),
            window.marks.toggle_favourite,
            "favourite",
        ),
        "tags": action(
            QCoreApplication.translate("MainWindow", "&Tags…"),
            lambda: spawn(window.marks.edit_tags()),
            "tags",
        ),
        "notify": action(
            QCoreApplication.translate("MainWindow", "&Notifications and refresh…"),
            lambda: spawn(window.edit_notice_settings()),
            "preferences",
        ),
        "quit": action(
            QCoreApplication.translate("MainWindow", "&Quit"),
            lambda: QApplication.closeAllWindows(),  # as closing each window does; the app ends
            "quit",
        ),
        "about": action(
            QCoreApplication.translate("MainWindow", "&About Partner Desk"),
            lambda: show_about(window),
        ),
        "about_qt": action(
            QCoreApplication.translate("MainWindow", "About &Qt"), lambda: QApplication.aboutQt()
        ),
        **tab_actions(window),
    }
    actions["favourite"].setCheckable(True)
    # The application menu's items on macOS; elsewhere these stay in their menus.
    actions["notify"].setMenuRole(Role.PreferencesRole)
    actions["quit"].setMenuRole(Role.QuitRole)
    # From every window of the app (the dashboard too, where the walk found it did nothing).
    actions["quit"].setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    actions["about"].setMenuRole(Role.AboutRole)
    actions["about_qt"].setMenuRole(Role.AboutQtRole)
    # The texts that name a shortcut follow it (`changed` also says checked, enabled…: the
    # favourite's, at every customer chosen).
    keys_now = {name: made.shortcuts() for name, made in actions.items()}

    def follow(name: str) -> None:
        if actions[name].shortcuts() != keys_now[name]:
            keys_now[name] = actions[name].shortcuts()
            show_key_hints(window)

    for name, made in actions.items():
        if name not in ("notify", "drafts", "about", "about_qt"):
            window.addAction(made)
        made.changed.connect(lambda name=name: follow(name))
    show_key_hints(window)
    # The same on a right-click (or the context-menu key, or a Control-click) over the list.
    view = window.customers.view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addActions([actions["favourite"], actions["tags"]])
    return actions


def tab_actions(window: MainWindow) -> dict[str, QAction]:
    """The keyboard's way between the list and the customer's tabs without Alt+letter (which
    macOS does not have): Ctrl+1 … Ctrl+6 (⌘1 … on a Mac) a tab, with the cursor in it; Ctrl+0
    the list; Ctrl+Tab and Ctrl+Shift+Tab (also where the cursor is in the list) the next and
    the previous tab. Not in a menu: the tabs' tooltips name Ctrl+1 …, their description Ctrl+0;
    Ctrl+Tab is every platform's own key for the next tab, and the README lists them all."""
    tabs = window.tabs
    made: dict[str, QAction] = {}

    def show_tab(index: int) -> None:
        tabs.setCurrentIndex(index % tabs.count())
        window.focus_current_pane()

    for index in range(tabs.count()):
        name = f"tab_{index + 1}"
        made[name] = QAction(tabs.tabText(index).replace("&", ""), window)
        keys.bind(made[name], name)
        made[name].triggered.connect(lambda _=False, i=index: show_tab(i))
    made["customer_list"] = QAction(window.customers.view.accessibleName(), window)
    keys.bind(made["customer_list"], "customer_list")
    made["customer_list"].triggered.connect(window.focus_list)
    forward, back = keys.tab_steps()
    for name, sequences, step in (("next_tab", forward, 1), ("previous_tab", back, -1)):
        made[name] = QAction(window)
        made[name].setShortcuts(sequences)
        made[name].triggered.connect(lambda _=False, s=step: show_tab(tabs.currentIndex() + s))
    for item in made.values():
        item.setMenuRole(Role.NoRole)
    return made


def show_about(window: MainWindow) -> QMessageBox:
    """Help → About Partner Desk (on macOS, the application menu's first item)."""
    import PySide6
    from PySide6.QtCore import qVersion

    from desktop import __version__

    text = QCoreApplication.translate(
        "MainWindow",
        "<h3>Partner Desk {0}</h3>"
        "<p>For the staff of Microsoft Cloud Solution Provider partners: find a customer, see "
        "its service health and incidents, open its admin portals in the customer's context, "
        "and file service requests with Microsoft on its behalf.</p>"
        "<p>Proprietary software. Built with Qt {1} and PySide6 {2}, used under the GNU "
        "Lesser General Public License version 3: About Qt says more.</p>",
    ).format(__version__, qVersion(), PySide6.__version__)
    # As QMessageBox.about shows it, without its nested event loop (desktop.ui.widgets.dialogs).
    box = QMessageBox(window)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "About Partner Desk"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def keep_in_place(menu: QMenu) -> None:
    """Every item of `menu` (and its submenus) whose role is left to Qt's guess stays put."""
    for item in menu.actions():
        if item.menuRole() == Role.TextHeuristicRole:
            item.setMenuRole(Role.NoRole)
        submenu = item.menu()
        if isinstance(submenu, QMenu):
            keep_in_place(submenu)


def fill_menus(window: MainWindow) -> None:
    """The items of the menus whose titles the window's frame made, and the Account menu."""
    actions = window.actions_by_name
    customers = window.customers_menu
    for name in ("find", "refresh", "cancel", "dashboard"):
        customers.addAction(actions[name])
    customers.addAction(window.gdap.action)
    customers.addSeparator()
    customers.addAction(actions["favourite"])
    customers.addAction(actions["tags"])
    customers.addSeparator()
    customers.addAction(actions["notify"])
    customers.addSeparator()
    customers.addAction(actions["quit"])
    window.requests_menu.addAction(actions["new_request"])
    window.requests_menu.addAction(actions["drafts"])
    window.requests_menu.addAction(actions["all_requests"])
    account = window.account.menu
    window.menuBar().addMenu(account)
    keep_in_place(account)
    account.aboutToShow.connect(lambda: keep_in_place(account))  # after it is built again
    # No Alt+letter: every letter of "Help" is taken in this window (a tab, a pane's button).
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "Help"))
    help_menu.addAction(actions["about"])
    help_menu.addAction(actions["about_qt"])
    keep_in_place(window.customers_menu)
    keep_in_place(window.requests_menu)
