"""The real window: an exception in any background operation reaches the crash reporter.

A click handler (spawned), a pane's load (its lane, a run on the worker) and the sweeps
(streams) each meet a bug; the crash reporter gets each once, the window says what it can,
and a sweep that failed says so, not "stopped".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.qt.models.table import RecordRole
from desktop.sandbox import Sandbox
from desktop.ui.dialogs.crash import CrashReporter
from desktop.ui.main_window import MainWindow
from tests.ui.driving import select_row


@pytest.fixture
def reporter(qloop) -> Iterator[CrashReporter]:
    """The app's crash reporter, behind the loop's exception handler as desktop.gui sets it."""
    found = CrashReporter(lambda: None, show_dialogs=False)
    qloop.set_exception_handler(found.loop_handler)
    yield found
    qloop.set_exception_handler(None)


def select_with_gdap(qtbot, window: MainWindow, sandbox: Sandbox) -> None:
    with_gdap = {c.tenant_id for c in sandbox.data.customers if c.has_gdap}
    model = window.customers.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(RecordRole).tenant_id in with_gdap
    )
    select_row(window, row)
    qtbot.waitUntil(
        lambda: all(p.state in ("ready", "error") for p in window.panes()), timeout=20000
    )


def test_a_bug_behind_a_click_reaches_the_crash_reporter(
    qtbot, window: MainWindow, sandbox: Sandbox, launcher, reporter, monkeypatch
):
    """Open a portal (a click handler the worker spawns) with a browser launch that fails."""
    select_with_gdap(qtbot, window, sandbox)

    def broken_launcher(url: str) -> bool:
        raise RuntimeError("the browser launch broke")

    monkeypatch.setattr(window.holder, "launcher", broken_launcher)
    pane = window.portals
    window.tabs.setCurrentWidget(pane)
    pane.view.setFocus()
    pane.view.selectRow(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(reporter.reports) == 1, timeout=5000)
    assert "the browser launch broke" in reporter.reports[0]


def test_a_bug_in_a_panes_load_is_shown_and_reaches_the_crash_reporter(
    qtbot, window: MainWindow, sandbox: Sandbox, reporter, monkeypatch
):
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise TypeError("a bug reading service health")

    monkeypatch.setattr(window.holder.session.backend, "health", broken)
    select_with_gdap(qtbot, window, sandbox)
    assert window.health.state == "error"
    assert window.health._message.title.text() == "Something went wrong"
    qtbot.waitUntil(lambda: len(reporter.reports) >= 1, timeout=5000)
    assert any("a bug reading service health" in r for r in reporter.reports)


def broken_sweep(delivered: int) -> Any:
    """Backend.sweep that yields `delivered` outcomes, then breaks."""

    def sweep(customers: Any, task: Any, **kwargs: Any) -> Iterator[Any]:
        from desktop.services.backend import Outcome

        for index, customer in enumerate(list(customers)[:delivered]):
            yield Outcome(index, customer, error=RuntimeError("not this one"))
        raise RuntimeError("the sweep broke")

    return sweep


def test_a_failed_health_sweep_says_failed_and_reaches_the_crash_reporter(
    qtbot, window: MainWindow, reporter, monkeypatch
):
    if window.sweep.board.running:
        with qtbot.waitSignal(window.sweep.board.finished, timeout=30000):
            pass
    monkeypatch.setattr(window.holder.session.backend, "sweep", broken_sweep(2))
    with qtbot.waitSignal(window.sweep.board.finished, timeout=10000) as done:
        window.sweep.start(window.customers.model.all_records())
    assert done.args == [True]  # it did not run to its end
    assert window.status.sweep_label.text() == "Health check failed after 2 of 60 customers"
    assert window.sweep.board.ended is not None
    assert window.sweep.board.ended.failed
    assert any("the sweep broke" in r for r in reporter.reports)
    # The customers it did deliver: each failure is said in its cell, and (of no known kind)
    # reported too, once for both.
    assert sum("not this one" in r for r in reporter.reports) == 1


def test_a_cancelled_health_sweep_says_stopped_and_reports_nothing(
    qtbot, window: MainWindow, reporter
):
    if window.sweep.board.running:
        with qtbot.waitSignal(window.sweep.board.finished, timeout=30000):
            pass
    with qtbot.waitSignal(window.sweep.board.finished, timeout=10000) as done:
        window.sweep.start(window.customers.model.all_records())
        window.cancel_sweep()
    assert done.args == [True]
    # Calls already in flight when the cancel came may still answer: the count says how many.
    reached = window.sweep.board.tally["done"]
    assert reached < 60
    assert (
        window.status.sweep_label.text() == f"Health check stopped after {reached} of 60 customers"
    )
    assert reporter.reports == []


def test_a_failed_dashboard_sweep_says_failed(qtbot, window: MainWindow, reporter, monkeypatch):
    if window.sweep.board.running:
        with qtbot.waitSignal(window.sweep.board.finished, timeout=30000):
            pass
    monkeypatch.setattr(window.holder.session.backend, "sweep", broken_sweep(0))
    dashboard = window.show_dashboard()
    dashboard.start_sweep()  # "Check all customers": the board's sweep, the list's too
    qtbot.waitUntil(lambda: not dashboard.running, timeout=10000)
    assert "failed" in dashboard.counts.text()
    assert "stopped" not in dashboard.counts.text()
    assert any("the sweep broke" in r for r in reporter.reports)
    # One sweep for both: the list's status line says so too.
    assert window.status.sweep_label.text().startswith("Health check failed after ")


def test_a_service_failure_behind_a_click_is_said_on_the_status_line(
    qtbot, window: MainWindow, reporter
):
    """What desktop.gui wires: a typed failure no handler took goes to the status line, in the
    presenter's words, and is not a crash."""
    from desktop.gui import _say_failure
    from desktop.services.backend import ApiError

    window.holder.worker.failed.connect(lambda error: _say_failure(window, error))

    async def on_click() -> None:
        raise ApiError("Partner Center is down", status=503)

    task = window.holder.worker.spawn(on_click())
    qtbot.waitUntil(
        lambda: "The service reported an error" in window.statusBar().currentMessage(),
        timeout=5000,
    )
    assert task.done()
    assert reporter.reports == []
