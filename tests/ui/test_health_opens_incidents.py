"""Enter or a double-click on a degraded service in the Service health tab opens the
Incidents tab showing that service's issues (issue 18, defect 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.qt.models.table import RecordRole
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from tests.ui.test_main_window import gdap_row, load


def degraded_row(window: MainWindow) -> tuple[int, ServiceHealth]:
    model = window.health.model
    for row in range(model.rowCount()):
        health = model.index(row, 0).data(RecordRole)
        if isinstance(health, ServiceHealth) and health.severity.hurts:
            return row, health
    raise AssertionError("no degraded service")


def shown_issues(window: MainWindow) -> list[HealthIssue]:
    model = window.incidents.model
    return [model.index(r, 0).data(RecordRole) for r in range(model.rowCount())]


def test_enter_on_a_degraded_service_opens_its_incidents(
    qtbot, window: MainWindow, sandbox: Sandbox
):
    load(qtbot, window, gdap_row(window, sandbox, busiest=True))
    window.tabs.setCurrentWidget(window.health)
    row, health = degraded_row(window)
    everything = len(window.incidents.model.all_records())
    view = window.health.view
    view.setFocus()
    view.selectRow(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.incidents
    issues = shown_issues(window)
    assert issues
    assert {i.service for i in issues} == {health.service}
    assert all(i.active for i in issues)  # what makes it degraded now
    assert len(issues) < everything
    # Said, and undone in one step: every service's issues again.
    pane = window.incidents
    assert pane.service_filter.isVisibleTo(pane)
    assert health.service in pane.service_filter.text()
    pane.service_filter.click()
    assert not pane.service_filter.isVisibleTo(pane)
    assert len({i.service for i in shown_issues(window)}) > 1


def test_a_double_click_does_the_same(qtbot, window: MainWindow, sandbox: Sandbox):
    load(qtbot, window, gdap_row(window, sandbox, busiest=True))
    window.tabs.setCurrentWidget(window.health)
    row, health = degraded_row(window)
    view = window.health.view
    rect = view.visualRect(view.model().index(row, 0))
    # A press first, as a real double-click has: the view opens the item it was pressed on.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.incidents
    assert {i.service for i in shown_issues(window)} == {health.service}
