"""A stopped health check says so with a Resume, in the status bar and on the dashboard, and
resuming checks only the customers not reached yet (issue 18, defect 14)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from desktop.qt.health_board import HealthBoard
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow

CUSTOMERS = 40


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """Slow answers: a check stopped at its first answers has customers left."""
    with Sandbox(customers=CUSTOMERS, seed=7, consented="all", latency_ms=150) as sb:
        yield sb


def stopped_check(qtbot, window: MainWindow) -> set[str]:
    """Let the start-up check end, run another, stop it (Esc) at its first answers."""
    board = window.sweep.board
    qtbot.waitUntil(lambda: not board.running, timeout=60000)
    told: set[str] = set()

    def heard(batch: dict[str, object]) -> None:
        told.update(batch)
        window.cancel_sweep()

    board.changed.connect(heard)
    with qtbot.waitSignal(board.finished, timeout=60000) as finished:
        board.start()
    board.changed.disconnect(heard)
    assert finished.args == [True]
    assert 0 < len(told) < CUSTOMERS
    return told


def resumed(qtbot, board: HealthBoard, click: object) -> tuple[set[str], list[int]]:
    """Click Resume: the tenants the resumed check answered, and its progress at the start."""
    told: set[str] = set()
    board.changed.connect(lambda batch: told.update(batch))
    at_start: list[int] = []
    board.started.connect(lambda _whole: at_start.append(board.tally["done"]))
    with qtbot.waitSignal(board.finished, timeout=60000) as finished:
        qtbot.mouseClick(click, Qt.MouseButton.LeftButton)
    assert finished.args == [False]
    return told, at_start


def test_the_status_bar_says_stopped_and_resumes(qtbot, window: MainWindow):
    status = window.status
    first = stopped_check(qtbot, window)
    assert status.resume_button.isVisible()
    assert status.sweep_label.text() == (
        f"Health check stopped after {len(first)} of {CUSTOMERS} customers"
    )
    board = window.sweep.board
    later, at_start = resumed(qtbot, board, status.resume_button)
    assert at_start == [len(first)]  # not from 0
    assert status.sweep_progress.maximum() == CUSTOMERS
    assert later.isdisjoint(first)
    assert len(later | first) == CUSTOMERS
    assert not status.resume_button.isVisible()
    assert status.sweep_label.text().startswith("Health checked at")


def test_the_dashboards_recheck_resumes_a_stopped_check_and_repeats_a_complete_one(
    qtbot, window: MainWindow
):
    first = stopped_check(qtbot, window)
    dashboard = window.show_dashboard()
    run = dashboard.bar.run_button
    assert run.text() == "Resume &check"  # Alt+C still
    board = window.sweep.board
    later, at_start = resumed(qtbot, board, run)
    assert at_start == [len(first)]
    assert later.isdisjoint(first)
    assert dashboard.bar.progress.value() == CUSTOMERS
    # Complete now: the same button checks everyone again, from 0.
    assert run.text() == "&Check all customers"
    again, at_start = resumed(qtbot, board, run)
    assert at_start == [0]
    assert len(again) == CUSTOMERS
