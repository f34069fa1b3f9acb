"""Start-up: the window's frame with the cached list first, the rest of the window after."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QLocale

from desktop.domain.customers import Customer
from desktop.qt.collation import NameRanks
from desktop.qt.models.customers import rank_names
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.store.cache import CUSTOMERS, Cache, sandbox_source
from desktop.ui.main_window import MainWindow
from tests.ui.driving import holder_for

ROOT = Path(__file__).resolve().parents[2]


def done(value: object) -> Future[object]:
    future: Future[object] = Future()
    future.set_result(value)
    return future


def test_the_frame_shows_the_cached_list_and_completes_into_the_window(
    qtbot, qloop, sandbox, tmp_path
):
    customers = [Customer(f"t{n}", f"Contoso {n}", f"c{n}.example", "reseller") for n in range(3)]
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_cached_list("sandbox:test", done((customers, time.time())))  # type: ignore[arg-type]
    assert not window.completed
    assert window.customers.model.total() == 3  # in before the first paint
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Customers", "&Requests"]  # the bar has its height from the start
    painted: list[bool] = []
    window.customers.view.painted.connect(lambda: painted.append(True))
    # A laptop's window: the offscreen screen is 800 px wide, and the window fits itself to
    # it (issue 18, defect 9), narrower than the list's 590 px beside the tabs' minimum.
    window.resize(1280, 760)
    window.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    # What the first paint showed stays where it was when the rest arrives.
    before = (window.customers.view.geometry(), window.customers.search.geometry())
    from desktop.qt.worker import Worker

    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url)
    cache = Cache(tmp_path / "cache.sqlite3")
    try:
        window.complete(
            holder_for(worker=worker, backend=backend, cache=cache, source="sandbox:test")
        )
        assert window.completed
        qtbot.wait(10)  # one layout pass
        assert (window.customers.view.geometry(), window.customers.search.geometry()) == before
        assert [action.text() for action in window.menuBar().actions()][:2] == titles
        assert window.tabs.count() == 6
        assert window.customers.model.total() == 3  # the list was kept, not read again
        shown: list[int] = []
        window.directory.cached_shown.connect(lambda n, _fetched: shown.append(n))
        with qtbot.waitSignal(window.directory.loaded, timeout=20000):
            worker.spawn(window.load_customers())
        assert shown == [3]
        assert window.customers.model.total() == len(backend.customers().items)
        window.close()
    finally:
        window.cancel_sweep()
        worker.shutdown(wait=True)
        backend.close()
        cache.close()


def test_the_frame_sorts_the_cached_list_by_the_ranks_made_on_the_worker(qtbot):
    """desktop.gui ranks the cached list's names on the worker once the language is known; the
    frame sorts by those ranks (here backwards, to see that they are the ones used), and ranks
    itself when they did not come (a failed or unfinished job)."""
    customers = [
        Customer(f"t{n}", name, f"c{n}.example", "reseller") for n, name in enumerate(NAMES)
    ]
    ranks = rank_names(customers, QLocale())
    backwards = NameRanks(ranks.locale, [], {name: -r for name, r in ranks.ranks.items()})
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_cached_list("sandbox:test", done((customers, time.time())), done(backwards))  # type: ignore[arg-type]
    assert listed(window) == ["Zeta", "Müller", "Bäckerei", "Álvarez"]
    failed: Future[NameRanks | None] = Future()
    failed.set_exception(RuntimeError("not ranked"))
    for ranking in (failed, Future(), None):
        window = MainWindow()
        qtbot.addWidget(window)
        window.set_cached_list("sandbox:test", done((list(customers), time.time())), ranking)  # type: ignore[arg-type]
        assert listed(window) == ["Álvarez", "Bäckerei", "Müller", "Zeta"]


NAMES = ["Zeta", "Bäckerei", "Álvarez", "Müller"]


def listed(window: MainWindow) -> list[str]:
    return [c.company_name for c in window.customers.model.records()]


def _cached_window(qtbot) -> tuple[MainWindow, list[str]]:
    """A window given three cached customers, and the order of its first paint and of the
    search text's building, as they come."""
    customers = [Customer(f"t{n}", f"Contoso {n}", f"c{n}.example", "reseller") for n in range(3)]
    window = MainWindow()
    qtbot.addWidget(window)
    events: list[str] = []
    model = window.customers.model
    prepare = model.prepare_search

    def prepare_and_say() -> None:
        events.append("search text")
        prepare()

    model.prepare_search = prepare_and_say  # type: ignore[method-assign]
    window.set_cached_list("sandbox:test", done((customers, time.time())))  # type: ignore[arg-type]
    window.customers.view.painted.connect(lambda: events.append("paint"))
    return window, events


def test_the_frame_builds_the_search_text_after_its_first_paint(qtbot, qloop):
    """Building the search text (20-30 ms for 10,000 customers) ran before the first paint:
    it now waits for that paint and for start-up's step after it, and still comes before
    anyone types."""
    window, events = _cached_window(qtbot)
    model = window.customers.model

    async def start_up() -> None:  # as desktop.gui: show, await the paint, go on
        window.show()
        await window.customers.painted()
        events.append("after the paint")

    task = asyncio.ensure_future(start_up())
    qtbot.waitUntil(lambda: "search text" in events, timeout=5000)
    assert task.done()
    assert events.index("paint") < events.index("after the paint") < events.index("search text")
    assert model.visible() == 3


def test_the_frame_waits_for_its_first_paint_before_the_loop_exists(qtbot):
    """desktop.gui_frame: the same order without asyncio (`wait_painted`, Qt's events)."""
    window, events = _cached_window(qtbot)
    window.show()
    window.customers.wait_painted()
    events.append("after the paint")
    qtbot.waitUntil(lambda: "search text" in events, timeout=5000)
    assert events.index("paint") < events.index("after the paint") < events.index("search text")


def test_a_frame_closed_before_it_completed_closes_cleanly(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.close()


def test_partner_desk_prints_the_cached_list_then_the_complete_window(tmp_path, sandbox: Sandbox):
    """What bench/startup.py times: both lines, in order, from a warm cache."""
    env = dict(os.environ, PARTNER_DESK_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env_cache = _cache_in(tmp_path)
    listed = Backend.for_sandbox(sandbox.url).customers().items[:7]
    with env_cache.writer(sandbox_source(sandbox.url)) as writer:
        writer.record(CUSTOMERS, None, items=listed)
    env_cache.close()
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--sandbox-url", sandbox.url, "--startup-probe-cached"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "startup-probe: cached list shown 7",
        "startup-probe: window complete",
    ]


def test_the_cached_list_paints_before_asyncio_is_imported(tmp_path, sandbox: Sandbox):
    """asyncio and qasync (25-39 ms) are imported after the cached list's first paint, not
    before (docs/PERFORMANCE.md, "Start-up (issue 19)"): the import log and the probe's line
    in the order they happened."""
    env = dict(os.environ, PARTNER_DESK_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env_cache = _cache_in(tmp_path)
    listed = Backend.for_sandbox(sandbox.url).customers().items[:3]
    with env_cache.writer(sandbox_source(sandbox.url)) as writer:
        writer.record(CUSTOMERS, None, items=listed)
    env_cache.close()
    probe = ["--sandbox-url", sandbox.url, "--startup-probe-cached"]
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", *probe],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stdout[-3000:]
    lines = out.stdout.splitlines()
    shown = lines.index("startup-probe: cached list shown 3")
    imported = [line.rsplit("|", 1)[-1].strip() for line in lines if line.startswith("import ")]
    before = [line.rsplit("|", 1)[-1].strip() for line in lines[:shown]]
    assert "asyncio" in imported  # the log has it: after the paint
    assert "asyncio" not in before
    assert "qasync" not in before


def _cache_in(home: Path) -> Cache:
    """The cache file the app opens when PARTNER_DESK_HOME is `home`."""
    previous = os.environ.get("PARTNER_DESK_HOME")
    os.environ["PARTNER_DESK_HOME"] = str(home)
    try:
        return Cache()
    finally:
        if previous is None:
            del os.environ["PARTNER_DESK_HOME"]
        else:
            os.environ["PARTNER_DESK_HOME"] = previous
