"""A stopped health check keeps what it learned and resumes with the customers it had not
reached (issue 18, defect 14): Resume never starts again at 0."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.domain.customers import Customer
from desktop.qt.health_board import HealthBoard
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from tests.ui.driving import holder_for

CUSTOMERS = 40


@pytest.fixture(scope="module")
def slow_sandbox() -> Iterator[Sandbox]:
    """Every answer takes a while, so that a check stopped at its first answers has customers
    left (the shared sandbox answers all of them within one batch)."""
    with Sandbox(customers=CUSTOMERS, seed=7, consented="all", latency_ms=150) as sb:
        yield sb


@pytest.fixture
def ctx(qloop, slow_sandbox: Sandbox) -> Iterator[SessionHolder]:
    worker = Worker()
    backend = Backend.for_sandbox(slow_sandbox.url, ca_pem=slow_sandbox.ca_pem, concurrency=4)
    yield holder_for(worker, backend, mode="sandbox")
    worker.shutdown(wait=True)
    backend.close()


@pytest.fixture
def everyone(ctx: SessionHolder) -> list[Customer]:
    return ctx.session.backend.customers().items


@pytest.fixture
def board(ctx: SessionHolder, everyone: list[Customer]) -> Iterator[HealthBoard]:
    made = HealthBoard(ctx, lambda: everyone, refresh_min=0)
    yield made
    made.stop()
    made.deleteLater()


def stop_at_first_answers(qtbot, board: HealthBoard) -> set[str]:
    """Start a check of everyone, stop it as its first answers arrive: the tenants answered."""
    told: set[str] = set()

    def heard(batch: dict[str, object]) -> None:
        told.update(batch)
        board.cancel()

    board.changed.connect(heard)
    with qtbot.waitSignal(board.finished, timeout=60000) as finished:
        board.start()
    board.changed.disconnect(heard)
    assert finished.args == [True]
    return told


def test_resume_checks_only_the_customers_not_yet_checked(
    qtbot, board: HealthBoard, everyone: list[Customer]
):
    first = stop_at_first_answers(qtbot, board)
    assert 0 < len(first) < CUSTOMERS
    done = board.tally["done"]
    assert done == len(first)
    assert board.resumable
    assert {c.tenant_id for c in board.unchecked()} == {c.tenant_id for c in everyone} - first
    later: set[str] = set()
    board.changed.connect(lambda batch: later.update(batch))
    progress: list[tuple[int, int, int]] = []
    board.progress.connect(lambda *args: progress.append(args))
    with qtbot.waitSignal(board.finished, timeout=60000) as finished:
        assert board.resume()
    assert finished.args == [False]
    assert later.isdisjoint(first)  # nobody checked twice
    assert later | first == {c.tenant_id for c in everyone}
    # The count goes on from where it stopped, out of the same total.
    assert progress[0][0] > done
    assert progress[0][2] == CUSTOMERS
    assert board.tally["done"] == board.tally["total"] == CUSTOMERS
    assert not board.resumable  # complete: the next check is a full one
    assert board.unchecked() == []
    assert not board.resume()


def test_a_few_customers_checked_meanwhile_do_not_lose_the_resume(
    qtbot, board: HealthBoard, everyone: list[Customer]
):
    first = stop_at_first_answers(qtbot, board)
    left = [c for c in everyone if c.tenant_id not in first]
    # One customer checked on its own (after a consent, say): it is checked now.
    with qtbot.waitSignal(board.finished, timeout=60000):
        board.start(left[:1])
    assert board.resumable
    assert [c.tenant_id for c in board.unchecked()] == [c.tenant_id for c in left[1:]]
    with qtbot.waitSignal(board.finished, timeout=60000) as finished:
        assert board.resume()
    assert finished.args == [False]
    # The customer checked on its own counts in the resumed check's progress.
    assert board.tally["done"] == board.tally["total"] == CUSTOMERS
