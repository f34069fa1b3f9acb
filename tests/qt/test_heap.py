"""The cyclic collector runs on the GUI thread only (desktop.qt.heap)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from desktop.qt import heap


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collecting(qapp) -> Iterator[list[str]]:
    """The policy on, with the name of the thread of every collection that runs meanwhile."""
    threads: list[str] = []

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    was_enabled = gc.isenabled()
    gc.callbacks.append(seen)
    heap.collect_on_gui_thread()
    try:
        yield threads
    finally:
        gc.callbacks.remove(seen)
        heap.collect_automatically()
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


def test_garbage_made_on_another_thread_is_collected_on_the_gui_thread(
    qtbot, collecting: list[str]
) -> None:
    assert heap.collecting_on_gui_thread()
    assert not gc.isenabled()

    def allocate() -> None:  # as a sweep's thread does: thousands of short-lived cycles
        for _ in range(50_000):
            Cycle()

    worker = threading.Thread(target=allocate, name="sweep_test")
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    # Python would have collected many times in `sweep_test` by now; the GUI thread does it.
    qtbot.waitUntil(lambda: bool(collecting), timeout=10000)
    assert set(collecting) == {threading.main_thread().name}


def test_start_up_objects_are_frozen_once(collecting: list[str]) -> None:
    frozen = gc.get_freeze_count()
    assert frozen > 0
    heap.collect_on_gui_thread()  # again: nothing more happens
    # Not more (a second freeze would add what was made since); fewer happens when a frozen
    # object is freed meanwhile (another test's thread ending: seen once under load).
    assert gc.get_freeze_count() <= frozen


def test_after_the_loop_python_collects_by_itself_again(qapp) -> None:
    was_enabled = gc.isenabled()
    heap.collect_on_gui_thread()
    heap.collect_automatically()
    try:
        assert gc.isenabled()
        assert not heap.collecting_on_gui_thread()
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()
