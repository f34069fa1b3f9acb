"""The health board on its own (no widgets): cached health at start, a sweep's batches, who
is told what, the refresh's back-off, and that stopping leaves nothing running (the leak
fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.customer_health import HealthSummary
from desktop.domain.customers import Customer
from desktop.domain.enums import Severity
from desktop.qt.health_board import HealthBoard
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.store.cache import HEALTH, ISSUES, Cache
from tests.ui.driving import holder_for

SOURCE = "sandbox:board"
HEALTH_PATH = "/graph/v1.0/admin/serviceAnnouncement/healthOverviews"


@pytest.fixture
def ctx(qloop, sandbox: Sandbox, tmp_path: Path) -> Iterator[SessionHolder]:
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=8)
    cache = Cache(tmp_path / "cache.sqlite3")
    yield holder_for(worker, backend, mode="sandbox", cache=cache, source=SOURCE)
    worker.shutdown(wait=True)
    backend.close()
    cache.close()


@pytest.fixture
def customers(ctx: SessionHolder) -> list[Customer]:
    return ctx.session.backend.customers().items[:20]


@pytest.fixture
def board(ctx: SessionHolder, customers: list[Customer]) -> Iterator[HealthBoard]:
    made = HealthBoard(ctx, lambda: customers, refresh_min=0)
    yield made
    made.stop()
    made.deleteLater()


def test_a_sweep_tells_every_observer_in_batches(
    qtbot, board: HealthBoard, customers: list[Customer], ctx: SessionHolder
):
    batches: list[dict[str, HealthSummary]] = []
    board.changed.connect(batches.append)
    with (
        qtbot.waitSignal(board.started) as started,
        qtbot.waitSignal(board.finished, timeout=30000) as finished,
    ):
        board.start()
    assert started.args == [True]  # everyone
    assert finished.args == [False]
    assert not board.running
    assert board.swept
    told = {t: s for batch in batches for t, s in batch.items()}
    assert set(told) == {c.tenant_id for c in customers}
    for tenant, summary in told.items():
        entry = board.entry(tenant)
        assert entry is not None
        assert entry.summary is summary is board.summary(tenant)
        if entry.health is None:
            assert summary.failure is not None
            assert entry.row.failure is summary.failure
        else:
            assert entry.row.worst == summary.worst
    assert board.tally["done"] == board.tally["total"] == len(customers)
    # Written through: the cache holds what the board learned.
    assert ctx.session.cache is not None
    assert set(ctx.session.cache.entries(SOURCE, HEALTH)) == set(told)
    # A few customers again: not a sweep of everyone.
    with (
        qtbot.waitSignal(board.started) as started,
        qtbot.waitSignal(board.finished, timeout=30000),
    ):
        board.start(customers[:2])
    assert started.args == [False]


def test_cached_health_shows_until_a_live_answer_replaces_it(
    qtbot, qloop, board: HealthBoard, customers: list[Customer], ctx: SessionHolder
):
    assert ctx.session.cache is not None
    first, second = customers[0].tenant_id, customers[1].tenant_id
    with ctx.session.cache.writer(SOURCE) as writer:
        for tenant in (first, second):
            writer.record(HEALTH, tenant, items=[], when=100.0)
            writer.record(ISSUES, tenant, items=[], when=100.0)
    told: list[dict[str, HealthSummary]] = []
    board.changed.connect(told.append)
    shown: list[int] = []
    ctx.worker.spawn(_show_cached(board, shown))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == [2]
    assert set(told[0]) == {first, second}
    cached = board.summary(first)
    assert cached is not None
    assert cached.fetched == 100.0
    assert cached.worst is Severity.OK
    assert not board.swept  # cached figures are not a sweep: the dashboard would sweep
    assert board.entry(first) is None
    with qtbot.waitSignal(board.finished, timeout=30000):
        board.start()
    live = board.summary(first)
    assert live is not None
    assert live.fetched != 100.0
    # Read again, the cache does not put the old figures back over the live ones.
    shown.clear()
    ctx.worker.spawn(_show_cached(board, shown))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == [0]
    assert board.summary(first) is live


async def _show_cached(board: HealthBoard, shown: list[int]) -> None:
    shown.append(await board.show_cached())


def test_clear_stops_the_sweep_and_forgets(qtbot, board: HealthBoard):
    board.start()
    assert board.running
    board.clear()
    assert not board.running
    assert not board.swept
    assert board.summaries() == {}
    assert board.ended is None


@pytest.fixture
def throttled_ctx(qloop, fresh_sandbox: Sandbox) -> Iterator[SessionHolder]:
    worker = Worker()
    backend = Backend.for_sandbox(fresh_sandbox.url, ca_pem=fresh_sandbox.ca_pem, concurrency=4)
    yield holder_for(worker, backend, mode="sandbox")
    worker.shutdown(wait=True)
    backend.close()


def test_a_throttled_sweep_doubles_the_interval_and_a_clean_one_restores_it(
    qtbot, throttled_ctx: SessionHolder, fresh_sandbox: Sandbox
):
    customers = throttled_ctx.session.backend.customers().items
    board = HealthBoard(throttled_ctx, lambda: customers, refresh_min=10)
    try:
        # Microsoft asks to wait an hour: past the call's budget, each check fails at once.
        fresh_sandbox.inject(HEALTH_PATH, "error", status=429, shape="graph", count=1,
                             retry_after=3600)  # fmt: skip
        with qtbot.waitSignal(board.finished, timeout=30000):
            board.start()
        assert board.throttled == 1
        assert board.next_interval_min == 20
        with qtbot.waitSignal(board.finished, timeout=30000):
            board.start()
        assert board.throttled == 0
        assert board.next_interval_min == 10
    finally:
        board.stop()
        board.deleteLater()
