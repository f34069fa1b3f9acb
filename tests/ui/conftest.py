"""A qasync loop on pytest-qt's QApplication, and a main window on the shared sandbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.store import DraftStore
from desktop.ui.main_window import MainWindow
from tests.ui.driving import holder_for


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
def holder(qloop, sandbox: Sandbox, launcher: Launcher) -> Iterator[SessionHolder]:
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=8)
    drafts = DraftStore()  # in the test's own data folder (tests/conftest.py)
    yield holder_for(worker, backend, launcher, mode="sandbox", drafts=drafts)
    worker.shutdown(wait=True)
    backend.close()
    drafts.close()


@pytest.fixture
def window(qtbot, holder: SessionHolder) -> Iterator[MainWindow]:
    win = MainWindow(holder)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.directory.loaded, timeout=20000):
        holder.worker.spawn(win.load_customers())
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
