"""The main window while its health sweep meets a 429 storm, a server that holds every answer,
and a server that goes away: the GUI thread keeps running, another pane loads, cancel_sweep()
ends the sweep, and every row ends with data or a readable error."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop.domain.customers import Customer
from desktop.qt.models.table import RecordRole
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services import sweeping
from desktop.services.backend import Backend
from desktop.store.cache import HEALTH as HEALTH_KIND
from desktop.store.cache import Cache
from desktop.ui.main_window import MainWindow
from tests.ui.driving import holder_for, select_row

from .conftest import HEALTH

# How long cancelling may take before the test fails: far below the 60 s the server holds its
# answers (or the 60 s Retry-After), far above what cancelling takes (one poll, 50 ms).
CANCEL_GUARD_MS = 10_000


class Rig:
    """A sandbox and a main window on it, with the app's own timeouts and retry policy."""

    def __init__(self, qtbot: QtBot, cache: Cache | None = None) -> None:
        self.qtbot = qtbot
        self.sandbox = Sandbox(customers=10, seed=3, consented="all").start()
        self.worker = Worker()
        self.backend = Backend.for_sandbox(self.sandbox.url, concurrency=4)
        self.holder = holder_for(worker=self.worker, backend=self.backend, mode="sandbox",
                              launcher=lambda _url: True, cache=cache,
                              source="sandbox:faults" if cache else "")  # fmt: skip
        self.window: MainWindow | None = None

    def open(self) -> MainWindow:
        window = self.window = MainWindow(self.holder)
        self.qtbot.addWidget(window)
        window.show()
        with self.qtbot.waitSignal(window.directory.loaded, timeout=20000):
            self.worker.spawn(window.load_customers())
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.cancel_sweep()
            self.window.close()
        # The server first: its stop ends the answers it was holding, so no call waits on.
        self.sandbox.stop()
        self.worker.shutdown(wait=True)
        self.backend.close()

    def customers(self) -> list[Customer]:
        assert self.window is not None
        model = self.window.customers.model
        return [model.index(r, 0).data(RecordRole) for r in range(model.rowCount())]

    def gdap_row(self) -> int:
        for row, customer in enumerate(self.customers()):
            if self.sandbox.data.graph_allowed(customer.tenant_id):
                return row
        raise AssertionError("no customer with GDAP")

    def wait_until_calls_held(self, count: int) -> None:
        try:
            self.qtbot.waitUntil(lambda: self.sandbox.stats()["faults"] >= count, timeout=5000)
        except Exception:
            raise AssertionError(f"calls not held: {self.sandbox.stats()}") from None


@pytest.fixture
def rig(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[Rig]:
    r = Rig(qtbot)
    yield r
    r.close()


def ticks_during(qtbot: QtBot, ms: int) -> int:
    """How often a 20 ms timer fired on the GUI thread during `ms` (ideal: ms / 20)."""
    fired = [0]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: fired.__setitem__(0, fired[0] + 1))
    timer.start()
    qtbot.wait(ms)
    timer.stop()
    return fired[0]


def assert_responsive_and_cancellable(rig: Rig, window: MainWindow) -> None:
    qtbot = rig.qtbot
    assert window.sweep.board.running  # the sweep is stuck, not finished
    # The GUI thread runs: a timer keeps firing (25 ticks ideal; generous floor).
    assert ticks_during(qtbot, 500) >= 8
    # Other panes load while every health call is held: the customer's portals and service
    # requests (the overview and health tabs read health too, and wait like the sweep).
    select_row(window, rig.gdap_row())
    qtbot.waitUntil(
        lambda: window.portals.state == "ready" and window.requests.state == "ready",
        timeout=5000,
    )
    assert window.portals.model.rowCount() > 0
    # Cancel ends the sweep at once, not when the server lets go: the calls stay held for a
    # minute and more, the guard is a few seconds.
    with qtbot.waitSignal(window.sweep.board.finished, timeout=CANCEL_GUARD_MS) as done:
        window.cancel_sweep()
    assert done.args == [True]
    assert not window.sweep.board.running


def test_the_window_stays_responsive_in_a_429_storm(rig: Rig) -> None:
    # Every health call is throttled for a minute (under the 120 s cap: the app waits).
    rig.sandbox.inject(HEALTH, "error", status=429, shape="graph", count=10_000, retry_after=60)
    window = rig.open()
    rig.wait_until_calls_held(4)
    assert_responsive_and_cancellable(rig, window)


def test_the_window_stays_responsive_when_the_server_holds_every_answer(rig: Rig) -> None:
    # A server that accepts and never answers: worse than one that is down (the app's read
    # timeout is 30 s, the server holds for 60 s).
    rig.sandbox.inject(HEALTH, "delay", delay_s=60, count=10_000)
    window = rig.open()
    rig.wait_until_calls_held(4)
    assert_responsive_and_cancellable(rig, window)


def test_a_server_gone_mid_sweep_leaves_every_row_with_data_or_an_error(rig: Rig) -> None:
    rig.sandbox.inject(HEALTH, "delay", delay_s=0.3, count=4)  # the first calls are slow...
    window = rig.open()
    rig.wait_until_calls_held(1)
    rig.sandbox.stop()  # ... and the server goes away under them
    with rig.qtbot.waitSignal(window.sweep.board.finished, timeout=10000) as done:
        pass
    assert done.args == [False]  # finished by itself, every customer answered for
    model = window.customers.model
    customers = rig.customers()
    summaries = {c.tenant_id: model.health(c.tenant_id) for c in customers}
    assert all(s is not None for s in summaries.values())
    errors = {t: s.error for t, s in summaries.items() if s is not None and s.error}
    assert errors, "the server was down: some rows must say so"
    assert set(errors.values()) <= {
        "Could not reach the service",
        "No GDAP access to this customer's service health",
    }
    # The server comes back; the next sweep fills every row the partner may read.
    rig.sandbox.start()
    with rig.qtbot.waitSignal(window.sweep.board.finished, timeout=15000) as again:
        rig.worker.spawn(window.load_customers())
    assert again.args == [False]
    for customer in customers:
        summary = model.health(customer.tenant_id)
        assert summary is not None
        if rig.sandbox.data.graph_allowed(customer.tenant_id):
            assert summary.error == "", (customer, summary)
        else:
            assert "GDAP" in summary.error


def test_a_cancelled_sweep_records_no_failure_in_the_cache(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sweep then notices the cancel only when a cancelled call has returned, i.e. after
    # that call's except clause ran: at least one write is certain to come before the close.
    monkeypatch.setattr(sweeping, "CANCEL_POLL_S", 5.0)
    cache = Cache(tmp_path / "cache.sqlite3")
    rig = Rig(qtbot, cache)
    try:
        rig.sandbox.inject(HEALTH, "error", status=429, shape="graph", count=10_000,
                           retry_after=60)  # fmt: skip
        window = rig.open()
        rig.wait_until_calls_held(4)
        with qtbot.waitSignal(window.sweep.board.finished, timeout=3000):
            window.cancel_sweep()
        qtbot.wait(500)  # the sweep's cache writer closes on the worker
        entries = cache.entries(rig.holder.session.source, HEALTH_KIND)
        cancelled = {t: e.failure for t, e in entries.items() if "ancel" in (e.failure or "")}
        assert cancelled == {}
    finally:
        rig.close()
        cache.close()
