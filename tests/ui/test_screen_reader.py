"""What a screen reader gets, read through Qt's accessibility interfaces (what its AT-SPI, UIA
and macOS bridges export): names, descriptions, roles, states, and the announcements made
(issue 21). Qt binds no way to watch its accessibility events from Python: every announcement
goes through desktop.ui.widgets.announce, which also reports it (`announcements().made`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableView, QWidget

from desktop.qt.models.customers import TENANT
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.announce import announcements
from tests.ui.test_accessibility import load
from tests.ui.test_background_failures import broken_sweep
from tests.ui.test_new_request import make_ctx, open_dialog, ran

_ = make_ctx  # the fixture, used by name

Said = tuple[QObject, str, bool]


@pytest.fixture
def said() -> Iterator[list[Said]]:
    """Every announcement made during the test: (widget, text, assertive)."""
    made: list[Said] = []

    def record(widget: QObject, text: str, assertive: bool) -> None:
        made.append((widget, text, assertive))

    announcements().made.connect(record)
    yield made
    announcements().made.disconnect(record)


def accessible(widget: QWidget, text: QAccessible.Text = QAccessible.Text.Name) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(text)


def description(widget: QWidget) -> str:
    return accessible(widget, QAccessible.Text.Description)


# -- 1. an incomplete request is not filed in silence --------------------------------------------


def test_a_refused_request_focuses_describes_and_announces_its_first_error(
    qtbot,
    make_ctx,
    said: list[Said],
) -> None:
    holder, sandbox = make_ctx()
    dialog = open_dialog(qtbot, holder, sandbox)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.cc.setFocus()  # the keyboard anywhere but on the first field in error
    ran(qtbot, dialog, dialog.open_form())  # a blank form: Microsoft's form does not open
    title_error = dialog.errors["title"].text()
    assert title_error
    # The keyboard is on the first field in error, and its description says what is wrong.
    qtbot.waitUntil(dialog.title_edit.hasFocus, timeout=5000)
    assert description(dialog.title_edit) == title_error
    assert description(dialog.description) == dialog.errors["description"].text() != ""
    # A screen reader is told, interrupting: the field, its error, what to do.
    errors = [(w, text) for w, text, assertive in said if assertive]
    assert len(errors) == 1
    widget, text = errors[0]
    assert widget is dialog.title_edit
    assert text.startswith(f"Title: {title_error}")
    assert "Fix the fields" in text
    # Fixed: the description goes with the red text (no stale error read on focus).
    qtbot.keyClicks(dialog.title_edit, "Mail flow stopped for every user")
    assert dialog.errors["title"].text() == ""
    assert dialog.title_edit.accessibleDescription() == ""
    assert description(dialog.title_edit) != title_error  # Qt says the placeholder then
    assert description(dialog.description) != ""


# -- 2. value labels read their value; counts and sweeps are announced ----------------------------


def test_labels_read_their_value_and_a_search_says_its_count_once(
    qtbot, window: MainWindow, said: list[Said]
) -> None:
    count = window.customers.count
    assert accessible(count) == count.text() != ""  # "20 customers", not "Customer count"
    assert description(count) == "Customer count"
    mode = window.status.mode_label
    assert accessible(mode) == "Sandbox data"
    assert description(mode) == "Data source"
    before = count.text()
    typed = window.customers.model.record(0).company_name[:3]
    qtbot.keyClicks(window.customers.search, typed)  # keys, and one count said once settled
    qtbot.waitUntil(lambda: any(widget is count for widget, _, _ in said), timeout=5000)
    counted = [text for widget, text, _ in said if widget is count]
    assert counted == [count.text()]
    assert count.text() != before


def test_a_health_check_is_announced_at_its_start_and_end_only(
    qtbot, window: MainWindow, said: list[Said]
) -> None:
    status = window.status
    assert accessible(status.sweep_progress) == "Health check progress"
    qtbot.waitUntil(lambda: not window.sweep.board.running, timeout=30000)
    said.clear()
    window.sweep.check(None)
    qtbot.waitUntil(lambda: not window.sweep.board.running, timeout=30000)
    sweep = [
        text for widget, text, _ in said if widget in (status.sweep_progress, status.sweep_label)
    ]
    assert len(sweep) == 2, sweep  # not one per customer
    assert sweep[0].startswith("Health check started")
    assert sweep[1] == status.sweep_label.text()
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    assert accessible(dashboard.counts) == dashboard.counts.text()
    assert "done" in dashboard.counts.text()
    assert description(dashboard.counts) == "Sweep counts"
    dashboard.stop_sweep()


def test_checks_nobody_asked_for_are_said_only_when_they_fail(
    said: list[Said], qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, board = window.status, window.sweep.board

    def sweep_said() -> list[str]:
        shown = (status.sweep_progress, status.sweep_label)
        return [text for widget, text, _ in said if widget in shown]

    qtbot.waitUntil(lambda: not board.running, timeout=30000)
    assert board.ended is not None
    assert sweep_said() == []  # start-up's check: shown, not said
    board._scheduled()  # what the refresh timer runs, every 10 minutes
    assert board.running
    qtbot.waitUntil(lambda: not board.running, timeout=30000)
    assert not board.ended.failed
    assert status.sweep_label.text().startswith("Health checked at")
    assert sweep_said() == []
    # One that fails is said, whoever started it: the user may have to act.
    monkeypatch.setattr(window.holder.session.backend, "sweep", broken_sweep(2))
    with qtbot.waitSignal(board.finished, timeout=10000):
        board._scheduled()
    assert board.ended.failed
    assert sweep_said() == [status.sweep_label.text()]
    assert status.sweep_label.text().startswith("Health check failed")


# -- 3, 4. the detail panes: a read-only text with a caret, Tab leaves, Return opens a link -------


def test_detail_panes_are_read_only_text_with_a_caret(qtbot, window: MainWindow) -> None:
    load(qtbot, window, 2)
    views = (window.overview.view, window.incidents.detail, window.requests.detail)
    for view in views:
        face = QAccessible.queryAccessibleInterface(view)
        assert face.role() == QAccessible.Role.EditableText, view.accessibleName()  # not a label
        assert face.state().readOnly
        assert not face.state().editable
        assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
        assert view.tabChangesFocus()  # no silent stop on a link inside
    detail = window.incidents.detail
    detail.setHtml('<h3>Update</h3><p>See <a href="https://status.example/x">the post</a>.</p>')
    detail.setFocus()
    cursor = detail.textCursor()
    cursor.setPosition(detail.toPlainText().index("the post") + 2)
    detail.setTextCursor(cursor)
    with qtbot.waitSignal(detail.link_activated, timeout=2000) as opened:
        qtbot.keyClick(detail, Qt.Key.Key_Return)
    assert opened.args == ["https://status.example/x"]


# -- 6. no "layered pane" on the way into a tab ---------------------------------------------------


def test_stacked_pages_are_no_layer_for_a_screen_reader(qtbot, window: MainWindow) -> None:
    stacks = [s for s in window.findChildren(QStackedWidget) if s.isVisibleTo(window)]
    assert stacks  # the tabs' own stack, each pane's
    for stack in stacks:
        role = QAccessible.queryAccessibleInterface(stack).role()
        assert role != QAccessible.Role.LayeredPane, stack.objectName()


# -- 7. a customer selected through the accessibility API opens ----------------------------------


def test_a_customer_selected_through_the_selection_interface_opens(
    qtbot, window: MainWindow
) -> None:
    table = QAccessible.queryAccessibleInterface(window.customers.view)
    cell = next(
        table.child(i)
        for i in range(table.childCount())
        if table.child(i).tableCellInterface() is not None
        and table.child(i).tableCellInterface().rowIndex() == 3
    )
    assert table.selectionInterface().select(cell)  # what AT-SPI Selection.SelectChild does
    chosen = window.customers.model.record(3)
    assert window.customers.current_customer() is chosen
    qtbot.waitUntil(lambda: all(p.customer is chosen for p in window.panes()), timeout=10000)


# -- 8, 9, 10. tables, the scope box, the status bar ----------------------------------------------


def test_tables_scope_and_status_bar(qtbot, window: MainWindow) -> None:
    view = window.customers.view
    table = QAccessible.queryAccessibleInterface(view)
    row_headers = [
        table.child(i).text(QAccessible.Text.Name)
        for i in range(table.childCount())
        if table.child(i).role() == QAccessible.Role.RowHeader
    ]
    assert row_headers
    assert set(row_headers) == {""}  # not "1", "2", … (no row numbers shown)
    hint = view.accessibleDescription()
    window.customers.search.setText("zzzz no such customer")
    assert view.model().rowCount() == 0
    assert description(view) == view.placeholder() != ""  # an empty table says why
    window.customers.search.clear()
    assert description(view) == hint
    # The scope box has a visible label (Qt names a combo box by its item over AT-SPI).
    buddies = [label for label in window.findChildren(QLabel) if label.buddy() is window.scope_box]
    assert buddies
    assert buddies[0].isVisibleTo(window)
    # The dashboard's empty cell says "no data", not a dash.
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    grid = dashboard.grid
    texts = [
        grid.index(row, column).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(grid.rowCount())
        for column in range(grid.columnCount())
    ]
    assert not [t for t in texts if t and t.endswith("—")]
    assert any(t and t.endswith(": no data") for t in texts)
    dashboard.stop_sweep()


def exposed_columns(view: QTableView) -> list[str]:
    """The column headers a screen reader gets. (PySide6 binds no table interface: a table's
    children are its corner, its column headers, then each row's header and cells.)"""
    table = QAccessible.queryAccessibleInterface(view)
    rows = view.model().rowCount()
    assert rows, view.accessibleName()
    columns, rest = divmod(table.childCount(), rows + 1)
    assert rest == 0
    return [table.child(i).text(QAccessible.Text.Name) for i in range(1, columns)]


def shown_columns(view: QTableView) -> list[str]:
    header, model = view.horizontalHeader(), view.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(header.count())
        if not header.isSectionHidden(c)
    ]


def test_tables_expose_only_the_columns_shown(qtbot, window: MainWindow) -> None:
    customers = window.customers
    # "250 rows 7 columns" where 3 showed: the hidden ones are no columns to a screen reader.
    assert exposed_columns(customers.view) == shown_columns(customers.view)
    assert len(exposed_columns(customers.view)) < customers.model.columnCount()
    # A column shown from the header's menu is one more; hidden again, one less.
    customers.columns.set_shown(TENANT)
    assert "Tenant ID" in exposed_columns(customers.view)
    assert exposed_columns(customers.view) == shown_columns(customers.view)
    customers.columns.set_shown(TENANT, False)
    assert "Tenant ID" not in exposed_columns(customers.view)
    # The panes' tables hide columns too (the incident's classification).
    load(qtbot, window, 2)
    qtbot.waitUntil(lambda: window.incidents.model.rowCount() > 0, timeout=10000)
    view = window.incidents.view
    assert exposed_columns(view) == shown_columns(view)
    assert len(exposed_columns(view)) < window.incidents.model.columnCount()
