"""The window's health check in the sweep engine's process (issue 19): the engine killed
mid-sweep loses no committed row, the window says so once, and the check completes."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.engine import Engine
from desktop.store.cache import Cache
from desktop.ui.main_window import MainWindow
from tests.cache_reading import cached_tenants
from tests.ui.driving import holder_for

CUSTOMERS = 40
SOURCE = "sandbox:engine-window"
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)
RESTARTED = "Health check: its background process stopped and was restarted"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """Slow answers: the check is still under way when its first batch arrives."""
    with Sandbox(customers=CUSTOMERS, seed=5, consented="all", latency_ms=150) as sb:
        yield sb


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite3"


@pytest.fixture
def holder(qloop, sandbox: Sandbox, cache_path: Path) -> Iterator[SessionHolder]:
    worker = Worker()
    worker.engine = Engine()  # as the app's worker has it (desktop.gui.app_worker)
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=4)
    cache = Cache(cache_path)
    yield holder_for(worker, backend, mode="sandbox", cache=cache, source=SOURCE)
    worker.shutdown(wait=True)
    backend.close()
    cache.close()


@pytest.fixture
def window(qtbot, holder: SessionHolder) -> Iterator[MainWindow]:
    win = MainWindow(holder)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.cancel_sweep()
    win.close()


def test_a_killed_engine_loses_no_row_says_so_once_and_the_check_completes(
    qtbot, window: MainWindow, holder: SessionHolder, cache_path: Path
):
    board = window.sweep.board
    engine = holder.worker.engine
    assert engine is not None
    said: list[str] = []
    window.status.messageChanged.connect(said.append)
    seen: set[str] = set()
    at_kill: set[str] = set()

    def heard(batch: dict[str, object]) -> None:
        seen.update(batch)
        if not at_kill and engine.pid is not None:
            at_kill.update(seen)
            os.kill(engine.pid, KILL)

    board.changed.connect(heard)
    with (
        qtbot.waitSignal(board.finished, timeout=90000) as finished,
        qtbot.waitSignal(window.directory.loaded, timeout=20000),
    ):
        holder.worker.spawn(window.load_customers())
    assert at_kill, "the engine was killed mid-check"
    assert len(at_kill) < CUSTOMERS
    assert finished.args == [False], "the check ran to its end"
    assert board.tally["done"] == CUSTOMERS
    assert len(seen) == CUSTOMERS
    assert engine.restarts == 1
    assert len([m for m in said if m.startswith(RESTARTED)]) == 1, said
    # Committed by the engine before the window saw it: the first engine's rows are on disk.
    assert at_kill <= cached_tenants(cache_path, SOURCE)
    # And the list shows every customer's health.
    model = window.customers.model
    assert all(board.summary(t) is not None for t in seen)
    assert model.total() == CUSTOMERS
