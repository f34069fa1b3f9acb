"""A qasync loop on pytest-qt's QApplication, and a main window on the shared sandbox."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync

from desktop.qt.context import AppContext
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.ui.main_window import MainWindow


@pytest.fixture
def qloop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    """asyncio on the Qt loop that qtbot drives (waitSignal/waitUntil process its events)."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)


class Launcher:
    """Stands in for the system browser: records what would have been opened."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def launcher() -> Launcher:
    return Launcher()


@pytest.fixture
def ctx(qloop, sandbox: Sandbox, launcher: Launcher) -> Iterator[AppContext]:
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=8)
    yield AppContext(worker=worker, backend=backend, mode="sandbox", launcher=launcher)
    worker.shutdown(wait=True)
    backend.close()


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.customers_loaded, timeout=20000):
        ctx.worker.spawn(win.load_customers())
    yield win
    win.cancel_sweep()
    win.close()


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp) -> Iterator[object]:
    """A language installed for one test before its window is built (texts are read then):
    first among the test's fixtures, parametrized indirectly:
    `@pytest.mark.parametrize("language", ["de"], indirect=True)`."""
    from desktop.qt import translators

    translators.uninstall(qapp)
    active = translators.install(qapp, request.param)
    yield active
    translators.uninstall(qapp)
