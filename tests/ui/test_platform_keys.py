"""macOS in the app's own code (issue 20): texts name shortcuts as the platform writes them, the
application menu's roles, a keyboard path without Alt+letter, the menu bar's template icon.

Run on Linux: the Mac's choices are functions of `platform`, passed in here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from desktop import __version__
from desktop.qt.icons import tray_icon
from desktop.sandbox import Sandbox
from desktop.ui import key_hints, keys
from desktop.ui.main_window import MainWindow
from desktop.ui.notices import NoticeCentre
from tests.ui.driving import select_row

ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Role = QAction.MenuRole


def native(text: str) -> str:
    return keys.shortcut_text(QKeySequence(text))


# -- 1. texts name the shortcut, not "Ctrl+" ------------------------------------------------


def spelled_shortcuts() -> list[str]:
    """Translatable literals under desktop/ui that spell a key instead of naming the action's."""
    found = []
    for path in sorted((ROOT / "desktop" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("tr", "translate"):
                continue
            for arg in node.args:
                text = arg.value if isinstance(arg, ast.Constant) else None
                if isinstance(text, str) and ("Ctrl+" in text or "Menu key" in text):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    return found


def test_no_translatable_text_spells_ctrl_or_the_menu_key() -> None:
    assert spelled_shortcuts() == []


def test_the_texts_follow_the_actions_shortcuts(qtbot, window: MainWindow) -> None:
    actions = window.actions_by_name
    assert f"({native('Ctrl+F')})" in window.customers.search.placeholderText()
    actions["find"].setShortcut(QKeySequence("Ctrl+K"))
    actions["favourite"].setShortcut(QKeySequence("Ctrl+J"))
    actions["new_request"].setShortcut(QKeySequence("Ctrl+Shift+N"))
    assert f"({native('Ctrl+K')})" in window.customers.search.placeholderText()
    description = window.customers.view.accessibleDescription()
    assert native("Ctrl+J") in description
    assert native("Ctrl+B") not in description
    window.header.show_customer(None)
    assert native("Ctrl+K") in window.header.subtitle.text()
    assert native("Ctrl+Shift+N") in window.requests.new_button.toolTip()
    assert native("Ctrl+Shift+N") in window.requests.view.accessibleDescription()
    actions["tab_1"].setShortcut(QKeySequence("Alt+1"))
    assert window.tabs.tabToolTip(0) == native("Alt+1")
    assert window.tabs.accessibleDescription().startswith(native("Alt+1"))


def test_the_context_menu_is_named_as_each_platform_opens_it(qapp) -> None:
    mac = key_hints.list_description("darwin")
    assert "Control-click" in mac
    assert "key" not in mac.split(";")[-1]  # a Mac keyboard has no context-menu key
    assert "context-menu key" in key_hints.list_description("linux")
    assert "context-menu key" in key_hints.list_description("win32")


# -- 2. menu roles ----------------------------------------------------------------------------


def menu_items(menu: QMenu) -> list[QAction]:
    items = []
    for item in menu.actions():
        items.append(item)
        submenu = item.menu()
        if isinstance(submenu, QMenu):
            items.extend(menu_items(submenu))
    return items


def test_about_preferences_and_quit_have_their_roles_and_nothing_else_moves(
    qtbot, window: MainWindow
) -> None:
    actions = window.actions_by_name
    assert actions["about"].menuRole() == Role.AboutRole
    assert actions["about_qt"].menuRole() == Role.AboutQtRole
    assert actions["notify"].menuRole() == Role.PreferencesRole
    assert actions["quit"].menuRole() == Role.QuitRole
    assert not actions["quit"].shortcut().isEmpty()
    special = {actions[name] for name in ("about", "about_qt", "notify", "quit")}
    window.account.menu.aboutToShow.emit()  # the Account menu builds its items again
    everything = [i for m in window.menuBar().actions() for i in menu_items(m.menu())]
    assert special <= set(everything)
    others = [i for i in everything if i not in special and not i.isSeparator()]
    assert "Sign in…" in [i.text() for i in others]  # the Account menu's, built again
    assert [i.text() for i in others if i.menuRole() != Role.NoRole] == []


def test_about_says_the_version(qtbot, window: MainWindow) -> None:
    window.actions_by_name["about"].trigger()
    box = window.findChild(QMessageBox)
    assert box is not None
    assert box.isVisible()
    assert f"Partner Desk {__version__}" in box.text()
    assert "Lesser General Public License" in box.text()
    box.accept()


def test_quit_closes_the_window(qtbot, window: MainWindow) -> None:
    assert window.isVisible()
    window.actions_by_name["quit"].trigger()
    assert not window.isVisible()


# -- 3. the keyboard path without Alt+letter ---------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def test_ctrl_digits_choose_a_tab_and_ctrl_0_goes_back_to_the_list(
    qtbot, window: MainWindow, sandbox: Sandbox
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    with_gdap = {c.tenant_id for c in sandbox.data.customers if c.has_gdap}
    model = window.customers.model
    select_row(  # a customer whose every tab has something to put the cursor in
        window, next(r for r in range(model.rowCount()) if model.record(r).tenant_id in with_gdap)
    )
    qtbot.waitUntil(
        lambda: all(p.state in ("ready", "error") for p in window.panes()), timeout=20000
    )
    window.customers.view.setFocus()
    panes = list(window.panes())
    digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6]
    for index, digit in enumerate(digits):
        press(digit, CTRL)
        assert window.tabs.currentIndex() == index
        # The cursor is in the tab: its view (or the message's button, where it has one).
        assert panes[index].isAncestorOf(focused())
        press(Qt.Key.Key_0, CTRL)
        assert focused() is window.customers.view
    assert window.tabs.tabToolTip(0) == native("Ctrl+1")


def test_ctrl_tab_steps_through_the_tabs_from_the_list_too(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.tabs.setCurrentIndex(0)
    window.customers.view.setFocus()
    press(Qt.Key.Key_Tab, CTRL)
    assert window.tabs.currentIndex() == 1
    press(Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert window.tabs.currentIndex() == 0
    press(Qt.Key.Key_Backtab, CTRL | SHIFT)  # round to the last
    assert window.tabs.currentIndex() == window.tabs.count() - 1
    press(Qt.Key.Key_PageDown, CTRL)
    assert window.tabs.currentIndex() == 0


def test_on_a_mac_the_control_key_with_tab_steps_too(qapp) -> None:
    forward, back = keys.tab_steps("darwin")
    assert QKeySequence("Meta+Tab") in forward
    assert QKeySequence("Meta+Shift+Backtab") in back
    linux_forward, _ = keys.tab_steps("linux")
    assert QKeySequence("Meta+Tab") not in linux_forward  # the window manager's, there


# -- 4. the menu bar's icon on macOS -----------------------------------------------------------


def test_the_mac_tray_icon_is_a_template_with_a_menu(qtbot) -> None:
    icon = tray_icon("darwin")
    assert icon is not None
    assert icon.isMask()
    assert not icon.pixmap(22, 22).isNull()
    parent = QWidget()
    qtbot.addWidget(parent)
    centre = NoticeCentre(parent, platform="darwin")
    menu = centre.tray_menu
    assert menu is not None
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Show Partner Desk"
    assert "No notices yet" in texts
    assert texts[-1] == "Quit Partner Desk"
    # None would be moved out of this menu by its text ("Quit").
    assert all(a.menuRole() == Role.NoRole for a in menu.actions())
    menu.actions()[0].trigger()
    assert parent.isVisible()
    menu.actions()[-1].trigger()
    assert not parent.isVisible()


def test_linux_and_windows_keep_the_window_icon_and_no_tray_menu(qtbot) -> None:
    for platform in ("linux", "win32"):
        assert tray_icon(platform) is None
        parent = QWidget()
        qtbot.addWidget(parent)
        assert NoticeCentre(parent, platform=platform).tray_menu is None


def test_quit_and_the_previous_tab_from_wherever_the_walk_pressed_them(
    window: MainWindow,
) -> None:
    # Ctrl+Q did nothing with the dashboard in front; Ctrl+Shift+Tab from the list did nothing
    # on X11, which may deliver it as Tab with Shift rather than Backtab.
    quit_action = window.actions_by_name["quit"]
    assert quit_action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    _forward, back = keys.tab_steps("linux")
    assert QKeySequence("Ctrl+Shift+Tab") in back
