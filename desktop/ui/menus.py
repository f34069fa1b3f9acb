"""The main window's actions (shortcuts, the list's right-click menu) and its menus' items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """The window's actions by name, their shortcuts live in the whole window."""

    def action(text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        made = QAction(text, window)
        if shortcut is not None:
            made.setShortcut(shortcut)
        made.triggered.connect(slot)
        return made

    spawn = window.holder.worker.spawn
    refresh_keys = QKeySequence(QKeySequence.StandardKey.Refresh)
    actions = {
        "find": action(
            QCoreApplication.translate("MainWindow", "Find customer"),
            window.focus_search,
            QKeySequence(QKeySequence.StandardKey.Find),
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
            QKeySequence(QKeySequence.StandardKey.New),
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
            QKeySequence("Ctrl+Shift+R"),
        ),
        "dashboard": action(
            QCoreApplication.translate("MainWindow", "&Dashboard: who is hurt now…"),
            window.show_dashboard,
            QKeySequence("Ctrl+D"),
        ),
        "favourite": action(
            QCoreApplication.translate("MainWindow", "&Favourite"),
            window.marks.toggle_favourite,
            QKeySequence("Ctrl+B"),
        ),
        "tags": action(
            QCoreApplication.translate("MainWindow", "&Tags…"),
            lambda: spawn(window.marks.edit_tags()),
            QKeySequence("Ctrl+T"),
        ),
        "notify": action(
            QCoreApplication.translate("MainWindow", "&Notifications and refresh…"),
            lambda: spawn(window.edit_notice_settings()),
        ),
    }
    actions["favourite"].setCheckable(True)
    for name, made in actions.items():
        if name not in ("notify", "drafts"):
            window.addAction(made)
    # The same on a right-click (or the Menu key) over the list.
    view = window.customers.view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addActions([actions["favourite"], actions["tags"]])
    return actions


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
    window.requests_menu.addAction(actions["new_request"])
    window.requests_menu.addAction(actions["drafts"])
    window.requests_menu.addAction(actions["all_requests"])
    window.menuBar().addMenu(window.account.menu)
