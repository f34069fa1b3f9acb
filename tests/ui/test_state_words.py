"""The same state in the same words everywhere: the customer list, the dashboard's grid and the
overview read a customer's health through one derivation (desktop.domain.customer_health) and
word it through one table (desktop.qt.words), against the sandbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor, QTextTable, QTextTableCell

from desktop.domain.customer_health import Failure
from desktop.domain.enums import Severity
from desktop.qt.models.customers import GDAP, HEALTH
from desktop.qt.models.dashboard import AFFECTED, FIRST_SERVICE
from desktop.qt.models.table import RecordRole, StatusRole
from desktop.qt.words import failure_word, gdap_status_word, severity_word
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from desktop.ui.windows.dashboard import DashboardWindow
from tests.ui.driving import select_row


def list_row(window: MainWindow, tenant: str) -> int:
    row = window.customers.model.row_of(tenant)
    assert row is not None
    return row


def list_cell(window: MainWindow, tenant: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    view, shown = window.customers.view, window.customers.columns.view_column(column)
    assert shown >= 0  # what the list shows: the view's model has only the columns shown
    return view.model().index(list_row(window, tenant), shown).data(role)


def grid_words(dashboard: DashboardWindow, tenant: str) -> dict[Severity, str]:
    """What the grid's service cells of one customer say, by the severity each shows."""
    view = dashboard.grid_view
    model = view.model()
    row = dashboard.grid.row_of(tenant)
    assert row is not None
    cells = [model.index(row, c) for c in range(FIRST_SERVICE, model.columnCount())]
    return {c.data(StatusRole): c.data() for c in cells if c.data(StatusRole) is not None}


def overview_value(qtbot, window: MainWindow, tenant: str, label: str) -> str:
    """The overview's value for `label` (its first such row) once the customer is chosen."""
    select_row(window, list_row(window, tenant))
    pane = window.overview
    qtbot.waitUntil(
        lambda: (
            pane.state == "ready"
            and pane.data is not None
            and pane.data.detail.customer.tenant_id == tenant
        ),
        timeout=20000,
    )
    document = pane.view.document()
    table = next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
    for row in range(table.rows()):
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        texts = [_text(cell) for cell in cells]
        if texts[0] == label:
            return texts[1]
    raise AssertionError(f"no {label!r} in the overview")


def _text(cell: QTextTableCell) -> str:
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@pytest.fixture
def swept(qtbot, window: MainWindow) -> Iterator[DashboardWindow]:
    """The window with its list's health in, and the dashboard swept over the same customers."""
    model = window.customers.model
    qtbot.waitUntil(
        lambda: all(model.health(c.tenant_id) is not None for c in model.all_records()),
        timeout=30000,
    )
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    yield dashboard
    dashboard.close()


LANGUAGES = pytest.mark.parametrize("language", ["en", "de"], indirect=True)


def label(text: str) -> str:
    """An overview label in the language of the test."""
    return QCoreApplication.translate("OverviewPane", text)


@LANGUAGES
def test_a_customer_without_access_reads_the_same_in_the_list_grid_and_overview(
    language, qtbot, window: MainWindow, sandbox: Sandbox, swept: DashboardWindow
):
    tenant = next(c.tenant_id for c in sandbox.data.customers if not c.has_gdap)
    word = failure_word(Failure.NO_ACCESS)
    assert list_cell(window, tenant, HEALTH) == word
    grid = swept.grid_view.model()
    assert grid.index(swept.grid.row_of(tenant), AFFECTED).data() == word
    # The overview says it first, then why (the explanation the list's tooltip gives).
    said = overview_value(qtbot, window, tenant, label("Service health"))
    assert said.startswith(f"{word} — ")
    assert "GDAP" in said


@LANGUAGES
def test_a_customer_with_health_reads_the_same_in_the_list_grid_and_overview(
    language, qtbot, window: MainWindow, sandbox: Sandbox, swept: DashboardWindow
):
    model = window.customers.model
    known = [
        (model.health(c.tenant_id), c)
        for c in sandbox.data.customers
        if c.has_gdap and model.health(c.tenant_id) is not None
    ]
    summary, customer = max(
        ((s, c) for s, c in known if s.failure is None), key=lambda sc: sc[0].worst
    )
    assert summary.worst >= Severity.DEGRADED  # the sandbox always has someone hurt
    word = severity_word(summary.worst)
    # The list adds how many services are hurt when more than one is: the same word first.
    cell = list_cell(window, customer.tenant_id, HEALTH)
    assert cell == (word if summary.degraded <= 1 else f"{word} ({summary.degraded})")
    # The grid's cell of that customer's worst service says the list's word.
    assert grid_words(swept, customer.tenant_id)[summary.worst] == word
    assert overview_value(qtbot, window, customer.tenant_id, label("Service health")) == word
    # And its GDAP relationship's status in the list's tooltip and the overview alike.
    relationship = model.gdap(customer.tenant_id)
    assert relationship is not None
    status = gdap_status_word(relationship.status)
    assert status in list_cell(window, customer.tenant_id, GDAP, Qt.ItemDataRole.ToolTipRole)
    assert overview_value(qtbot, window, customer.tenant_id, label("Status")) == status


def test_every_severity_the_grid_shows_is_worded_as_the_list_words_it(
    window: MainWindow, swept: DashboardWindow
):
    seen: dict[Severity, set[str]] = {}
    grid = swept.grid
    for row in range(grid.rowCount()):
        tenant = grid.index(row, 0).data(RecordRole).tenant_id
        for severity, word in grid_words(swept, tenant).items():
            seen.setdefault(severity, set()).add(word)
    assert len(seen) >= 3
    assert all(words == {severity_word(s)} for s, words in seen.items())
