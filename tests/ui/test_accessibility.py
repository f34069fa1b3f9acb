"""Screen readers and keyboards, in every shipped language.

- Every control that takes the keyboard focus has an accessible name: its own, its button text,
  or a label that is its buddy. Every list and table also says how to act on it (a description).
- No two mnemonics (Alt+letter) clash in one window state: a clash makes Alt+letter only move
  the focus between the two, or open a menu instead of pressing the button. Checked in English,
  German and Chinese, since each translation picks its own letters.
- Status is never colour alone: every health cell has text beside its badge.
- A row chosen by an assistive technology (AT-SPI selects a row or toggles a cell; it does not
  move the keyboard's current row) is the row whose details show, as a click's would be.

tools/atspi_check.py reads the same from outside, over AT-SPI (docs/ACCESSIBILITY.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QMenuBar,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from desktop.config.settings import Settings
from desktop.qt import translators
from desktop.qt.models.customers import HEALTH
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.sandbox import Sandbox
from desktop.store import Draft
from desktop.ui.dialogs.account import DeviceCodeDialog, SignInDialog
from desktop.ui.dialogs.crash import CrashDialog
from desktop.ui.dialogs.new_request import NewRequestDialog
from desktop.ui.dialogs.notice_settings import NoticeSettingsDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.scope import TagsDialog
from desktop.ui.widgets.dialogs import TextPrompt
from tests.ui.driving import select_row

LANGUAGES = ("en", "de", "zh_TW")
FITS = 1024  # the narrowest screen, in logical pixels, every window must fit
_MNEMONIC = re.compile(r"&(?!&)(\w)")


@pytest.fixture(params=LANGUAGES)
def language(request, qapp) -> Iterator[str]:
    """The catalogues of one language, installed before any widget of the test is built."""
    translators.uninstall(qapp)
    translators.install(qapp, request.param)
    yield request.param
    translators.uninstall(qapp)


@pytest.fixture
def translated_window(language: str, qtbot, holder: SessionHolder) -> Iterator[MainWindow]:
    window = MainWindow(holder)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.directory.loaded, timeout=20000):
        holder.worker.spawn(window.load_customers())
    yield window
    window.cancel_sweep()
    if window.sweep.dashboard is not None:
        window.sweep.dashboard.stop_sweep()
    window.close()


def shown(root: QWidget) -> list[QWidget]:
    return [w for w in [root, *root.findChildren(QWidget)] if w is root or w.isVisibleTo(root)]


def unnamed(root: QWidget) -> list[str]:
    """The focusable controls of `root` as shown now that a screen reader could not name."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in shown(root):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox):
            continue  # the editor inside a spin box: the box has the name
        # An editable combo box's editor is an object of its own over AT-SPI (a "text" in
        # the box), read on its own when it has the focus: it needs the name too.
        named = (
            widget.accessibleName().strip()
            or id(widget) in buddies
            or (isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip())
            or (isinstance(widget, QTabBar) and widget.count())
        )
        if not named:
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {root.windowTitle()!r}"
            )
    return missing


def undescribed_views(root: QWidget) -> list[str]:
    return [
        f"{type(view).__name__} {view.accessibleName()!r}"
        for view in shown(root)
        if isinstance(view, QAbstractItemView)
        and view.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not view.accessibleDescription().strip()
    ]


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter → the texts using it, for the letters used more than once in `root` as shown."""
    used: dict[str, list[str]] = {}

    def add(text: str) -> None:
        for letter in _MNEMONIC.findall(text):
            used.setdefault(letter.casefold(), []).append(text)

    for widget in shown(root):
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            add(widget.text())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget.tabText(i))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                add(action.text())
    return {letter: texts for letter, texts in used.items() if len(texts) > 1}


def check(root: QWidget) -> None:
    assert unnamed(root) == []
    assert mnemonic_clashes(root) == {}


def gdap_row(window: MainWindow, sandbox: Sandbox, with_access: bool = True) -> int:
    wanted = {c.tenant_id for c in sandbox.data.customers if c.has_gdap == with_access}
    model = window.customers.model
    return next(r for r in range(model.rowCount()) if model.record(r).tenant_id in wanted)


def load(qtbot, window: MainWindow, row: int) -> None:
    select_row(window, row)
    qtbot.waitUntil(
        lambda: all(p.state in ("ready", "error") for p in window.panes()), timeout=20000
    )


def test_the_main_window_names_every_control_and_its_mnemonics_are_unique(
    qtbot, translated_window: MainWindow, sandbox: Sandbox
) -> None:
    window = translated_window
    check(window)  # nobody selected yet
    load(qtbot, window, gdap_row(window, sandbox))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        check(window)
        assert undescribed_views(window) == []
    # A customer without GDAP: the health tab is a message, not a table.
    load(qtbot, window, gdap_row(window, sandbox, with_access=False))
    window.tabs.setCurrentWidget(window.health)
    check(window)


def test_the_dashboard_and_the_all_requests_window(qtbot, translated_window: MainWindow) -> None:
    window = translated_window
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    dashboard.incident_view.selectRow(0)
    check(dashboard)
    assert undescribed_views(dashboard) == []
    window.show_open_requests()
    requests = window._open_requests
    assert requests is not None
    qtbot.waitUntil(lambda: requests.model.rowCount() > 0, timeout=10000)
    check(requests)
    assert undescribed_views(requests) == []
    # Translations are longer than English: every window still fits 1,024 px (a 1,280 px
    # screen at 125 %, or 2,048 px at 200 %), its texts wrapped or the tables narrower.
    for shown_window in (window, dashboard, requests):
        assert shown_window.minimumSizeHint().width() <= FITS, type(shown_window).__name__


def test_the_dialogs(qtbot, language: str, holder: SessionHolder) -> None:
    from desktop.store import DraftStore

    store = DraftStore()
    dialogs: list[QWidget] = [
        NewRequestDialog(holder, store, Draft.new("t", "Contoso")),
        SignInDialog(Settings()),
        DeviceCodeDialog("ABCD-1234", "https://microsoft.com/devicelogin", "", holder),
        NoticeSettingsDialog(Settings(), ["Exchange Online"], [("All", "")]),
        TagsDialog("Contoso", ["VIP"], ["VIP", "Berlin"]),
        TextPrompt("Add a note", "Note for request 1:"),
        CrashDialog("ValueError: x", "details"),
    ]
    try:
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            check(dialog)
            assert dialog.minimumSizeHint().width() <= FITS, type(dialog).__name__
    finally:
        for dialog in dialogs:
            dialog.close()
        store.close()


def test_health_is_never_colour_alone(qtbot, window: MainWindow) -> None:
    """The list's Health cells carry a word (and an accessible text) beside the badge."""
    qtbot.waitUntil(lambda: not window.sweep.board.running, timeout=30000)
    model = window.customers.model
    for row in range(model.rowCount()):
        index = model.index(row, HEALTH)
        assert index.data(Qt.ItemDataRole.DisplayRole).strip() not in ("", "—")
        assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Health: ")
        assert model.index(row, 0).data(RecordRole) is not None


def test_every_window_is_a_window_to_a_screen_reader(qtbot, window: MainWindow) -> None:
    """A top-level plain QWidget is a pane ("filler") over AT-SPI, not a window ("frame"): a
    screen reader announced no window when it opened and could not list it among windows."""
    dashboard = window.show_dashboard()
    window.show_open_requests()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_G, modifiers)  # GDAP relationships
    for shown_window in (window, dashboard, window._open_requests, window.gdap.window):
        assert shown_window is not None
        role = QAccessible.queryAccessibleInterface(shown_window).role()
        assert role == QAccessible.Role.Window, type(shown_window).__name__
    dashboard.stop_sweep()


def test_a_clear_button_has_a_name(qtbot, language: str, translated_window: MainWindow) -> None:
    """Qt's clear button in a line edit shows once there is text: a button a screen reader
    reaches (AT-SPI "Press"), which Qt leaves nameless. In every language."""
    search = translated_window.customers.search
    search.setText("a")
    tags = TagsDialog("Contoso", ["VIP"], ["VIP", "Berlin"])
    qtbot.addWidget(tags)
    tags.show()
    for edit in (search, tags.edit):
        buttons = [b for b in edit.findChildren(QToolButton) if b.isVisibleTo(edit)]
        assert buttons, edit.accessibleName()
        for button in buttons:
            name = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
            assert name.strip(), edit.accessibleName()


def toggle_cell(view: QTableView, row: int) -> None:
    """What a screen reader's "select" does through AT-SPI: the Toggle action of a cell of
    `row`, through the view's accessible interface (no key, no click, no current index)."""
    table = QAccessible.queryAccessibleInterface(view)
    for i in range(table.childCount()):
        cell = table.child(i)
        place = cell.tableCellInterface() if cell is not None else None
        if place is not None and place.rowIndex() == row:
            cell.actionInterface().doAction(QAccessibleActionInterface.toggleAction())
            return
    raise AssertionError(f"no accessible cell in row {row}")


def test_a_customer_chosen_by_an_assistive_technology_shows_its_details(
    qtbot, window: MainWindow
) -> None:
    chosen = window.customers.model.record(2)
    toggle_cell(window.customers.view, 2)
    assert window.customers.view.selectionModel().isRowSelected(2)
    assert window.customers.current_customer() is chosen
    qtbot.waitUntil(lambda: all(p.customer is chosen for p in window.panes()), timeout=10000)
    # And in a pane: the incident chosen that way is the one described (and escalated).
    load(qtbot, window, 2)
    window.tabs.setCurrentWidget(window.incidents)
    view = window.incidents.view
    assert view.model().rowCount() > 1
    toggle_cell(view, 1)
    assert view.currentIndex().row() == 1
    assert window.incidents.detail.toPlainText().strip()


# -- the checks themselves can fail -------------------------------------------------------------


def test_the_checks_catch_a_clash_and_a_nameless_control(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QPushButton("&Stop"))
    layout.addWidget(QPushButton("&Save"))
    layout.addWidget(QLineEdit())
    root.show()
    assert list(mnemonic_clashes(root)) == ["s"]
    assert unnamed(root) == ["QLineEdit '' in ''"]


def test_a_ring_shows_where_the_keyboard_is(qtbot, window: MainWindow) -> None:
    """Fusion marks a focused table or text view no differently: the ring follows the focus
    into every widget, and into other windows."""
    from desktop.ui.widgets.focus import focus_ring

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    for widget in (window.customers.view, window.customers.search, window.tabs.tabBar()):
        widget.setFocus()
        qtbot.waitUntil(lambda widget=widget: focus_ring().widget() is widget, timeout=2000)
        assert focus_ring().isVisible()
    window.scope_box.setFocus()
    qtbot.waitUntil(lambda: focus_ring().widget() is window.scope_box, timeout=2000)
    dashboard = window.show_dashboard()

    def in_dashboard() -> bool:
        ringed = focus_ring().widget()
        return ringed is not None and ringed.window() is dashboard and focus_ring().isVisible()

    qtbot.waitUntil(in_dashboard, timeout=2000)
    dashboard.stop_sweep()


def ring_edges(widget: QWidget) -> dict[str, bool]:
    """Whether the middle of each edge of `widget` (of its part its window shows, if the window
    is too small for all of it) is drawn now in the highlight colour (the ring's)."""
    window = widget.window()
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight).rgb()
    origin = widget.mapTo(window, QPoint(0, 0))
    shown = widget.rect().intersected(window.rect().translated(-origin))
    mid_x, mid_y = shown.center().x(), shown.center().y()
    points = {"top": (mid_x, shown.top()), "bottom": (mid_x, shown.bottom())}
    points |= {"left": (shown.left(), mid_y), "right": (shown.right(), mid_y)}
    edges = {}
    for edge, (x, y) in points.items():
        at = widget.mapTo(window, QPoint(x, y))
        edges[edge] = image.pixelColor(int(at.x() * ratio), int(at.y() * ratio)).rgb() == highlight
    return edges


def test_the_ring_is_a_whole_frame_around_tables_and_text_panes(qtbot, window: MainWindow) -> None:
    """A table above its detail pane (a splitter) and the dashboard's panes: the ring was
    drawn under the widget, its margin cut off by the splitter on three sides, one thin line on
    the shared edge (or, in the dashboard, none). Each edge of the focused view is the ring's."""
    from desktop.ui.widgets.focus import focus_ring

    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    select_row(window, 0)
    window.tabs.setCurrentWidget(window.incidents)
    dashboard = window.show_dashboard()
    dashboard.stop_sweep()
    views = (
        window.customers.view,
        window.incidents.view,
        window.incidents.detail,
        window.overview.view,
        dashboard.incident_view,
        dashboard.detail,
        dashboard.affected,
    )
    for view in views:
        if view is window.overview.view:
            window.tabs.setCurrentWidget(window.overview)
        shown_in = view.window()
        shown_in.activateWindow()
        qtbot.waitUntil(lambda w=shown_in: QApplication.activeWindow() is w, timeout=5000)
        view.setFocus()
        qtbot.waitUntil(lambda view=view: focus_ring().widget() is view, timeout=2000)
        assert ring_edges(view) == dict.fromkeys(("top", "bottom", "left", "right"), True), (
            view.accessibleName()
        )
