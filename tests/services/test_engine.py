"""The sweep engine (services/engine.py): health sweeps in a child process against the sandbox,
its cache writes committed before a batch leaves it, and a child killed mid-sweep restarted
with the customers it had not delivered (issue 19)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.customers import Customer
from desktop.domain.service_messages import TenantMessages
from desktop.qt.models.grid_rows import SweptHealth, SweptRows
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend, Outcome
from desktop.services.engine import (
    MESSAGES_JOB,
    Engine,
    NoBackendError,
    Recipe,
    SweepJob,
    portable,
)
from desktop.store.cache import MESSAGES, Cache
from tests.cache_reading import cached_tenants

SOURCE = "sandbox:engine-test"
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)  # Windows: TerminateProcess either way


@pytest.fixture(scope="module")
def slow_sandbox() -> Iterator[Sandbox]:
    """Answers that take a while: a sweep of 40 at 4 in flight lasts long enough to kill."""
    with Sandbox(customers=40, seed=11, consented="all", latency_ms=120) as sb:
        yield sb


@pytest.fixture
def backend(slow_sandbox: Sandbox, tmp_path: Path) -> Iterator[Backend]:
    made = Backend.for_sandbox(
        slow_sandbox.url, ca_pem=slow_sandbox.ca_pem, token_dir=tmp_path / "tokens", concurrency=4
    )
    yield made
    made.close()


@pytest.fixture
def engine() -> Iterator[Engine]:
    made = Engine()
    yield made
    made.close()


def job_for(backend: Backend, customers: list[Customer], cache: Path | None) -> SweepJob:
    assert backend.recipe is not None, "a sandbox backend says how the engine makes it"
    return SweepJob(backend.recipe, customers, SweptRows(), cache=cache, source=SOURCE)


def test_a_sweep_in_the_engine_answers_everyone_and_writes_the_cache(
    backend: Backend, engine: Engine, tmp_path: Path
):
    customers = backend.customers().items[:12]
    path = tmp_path / "cache.sqlite3"
    Cache(path).close()  # made here: the engine opens what the app opened
    outcomes = list(engine.sweep(job_for(backend, customers, path), threading.Event()))
    assert {o.customer.tenant_id for o in outcomes} == {c.tenant_id for c in customers}
    answered = [o for o in outcomes if o.ok]
    assert answered, "the consented sandbox answers"
    swept = answered[0].value
    assert isinstance(swept, SweptHealth)
    assert swept.row.customer.tenant_id == answered[0].customer.tenant_id
    # The window's own customers come back, not the child's copies.
    assert all(any(o.customer is c for c in customers) for o in outcomes)
    # Each active issue crossed once, however many customers hold it.
    held = [i for o in answered for i in o.value.issue_ids]
    sent = [i.id for o in answered for i in o.value.issues]
    assert len(held) > len(set(held)), "the sandbox's incidents touch several customers"
    assert sorted(sent) == sorted(set(held))
    assert engine.pid is not None
    assert engine.pid != os.getpid()
    # Written by the engine's process, committed before each batch was sent.
    assert {o.customer.tenant_id for o in answered} <= cached_tenants(path, SOURCE)


def test_message_centers_are_read_in_the_engine_and_cached(
    backend: Backend, engine: Engine, tmp_path: Path
):
    customers = backend.customers().items[:6]
    path = tmp_path / "cache.sqlite3"
    Cache(path).close()
    assert backend.recipe is not None
    job = SweepJob(backend.recipe, customers, cache=path, source=SOURCE, kind=MESSAGES_JOB)
    outcomes = list(engine.sweep(job, threading.Event()))
    assert {o.customer.tenant_id for o in outcomes} == {c.tenant_id for c in customers}
    read = [o for o in outcomes if o.ok]
    assert read, "the consented sandbox answers"
    assert all(isinstance(o.value, TenantMessages) for o in read)
    assert any(o.value.ids for o in read), "the sandbox's customers have messages"
    # A post held by several customers crossed the pipe once.
    held = sum(len(o.value.ids) for o in read)
    assert sum(len(o.value.messages) for o in read) < held
    cached = cached_tenants(path, SOURCE, MESSAGES)
    assert {o.customer.tenant_id for o in read} <= cached


def test_killing_the_engine_mid_sweep_loses_no_committed_row_and_the_sweep_goes_on(
    backend: Backend, engine: Engine, tmp_path: Path
):
    customers = backend.customers().items
    path = tmp_path / "cache.sqlite3"
    Cache(path).close()
    restarts: list[int] = []
    delivered: list[Outcome] = []
    before_kill: set[str] = set()
    killed = False
    for outcome in engine.sweep(
        job_for(backend, customers, path), threading.Event(), restarts.append
    ):
        delivered.append(outcome)
        if not killed:
            # Killed at its first batch: what was delivered so far must be on disk.
            killed = True
            before_kill = {o.customer.tenant_id for o in delivered}
            pid = engine.pid
            assert pid is not None
            os.kill(pid, KILL)
    tenants = [o.customer.tenant_id for o in delivered]
    assert killed
    assert len(restarts) == 1, "told once"
    assert 0 < restarts[0] < len(customers)
    assert set(tenants) == {c.tenant_id for c in customers}, "the sweep completed"
    assert engine.restarts == 1
    assert before_kill <= cached_tenants(path, SOURCE), "no row the GUI had seen was lost"
    assert {o.customer.tenant_id for o in delivered if o.ok} <= cached_tenants(path, SOURCE)


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_engine_runs_at_background_priority(backend: Backend, engine: Engine):
    list(engine.sweep(job_for(backend, backend.customers().items[:1], None), threading.Event()))
    assert engine.pid is not None
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, engine.pid) > ours, "the window goes first"


def test_a_cancel_ends_the_sweep_early_and_the_engine_serves_the_next(
    backend: Backend, engine: Engine
):
    customers = backend.customers().items
    cancel = threading.Event()
    got = []
    for outcome in engine.sweep(job_for(backend, customers, None), cancel):
        got.append(outcome)
        cancel.set()
    assert 0 < len(got) < len(customers)
    pid = engine.pid
    again = list(engine.sweep(job_for(backend, customers[:3], None), threading.Event()))
    assert len(again) == 3
    assert engine.pid == pid, "the same process served both"


def test_an_engine_that_cannot_sign_in_says_so(backend: Backend, engine: Engine, tmp_path: Path):
    # Silent only, from a token folder nobody signed in to: the engine cannot make the backend.
    assert backend.recipe is not None
    kwargs = dict(backend.recipe.kwargs)
    kwargs.update(token_dir=tmp_path / "empty", silent=True, identity=None)
    recipe = Recipe(Backend.for_sandbox, tuple(kwargs.items()))
    job = SweepJob(recipe, backend.customers().items[:2], SweptRows())
    with pytest.raises(NoBackendError):
        list(engine.sweep(job, threading.Event()))


def test_closing_ends_the_process(backend: Backend, engine: Engine):
    list(engine.sweep(job_for(backend, backend.customers().items[:1], None), threading.Event()))
    pid = engine.pid
    assert pid is not None
    engine.close()
    assert engine.pid is None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end it there
        return (
            subprocess.run(
                ["tasklist", "/FI", f"PID eq {pid}", "/NH"], capture_output=True, text=True
            ).stdout.count(str(pid))
            > 0
        )
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    # A zombie still answers: ask /proc where there is one.
    status = Path(f"/proc/{pid}/status")
    return not status.exists() or "zombie" not in status.read_text()


class _UnpicklableError(Exception):
    def __init__(self, a: int, b: int) -> None:
        super().__init__(f"{a}/{b}")


def test_an_error_that_cannot_cross_the_pipe_keeps_its_words():
    error = portable(_UnpicklableError(1, 2))
    assert isinstance(error, RuntimeError)
    assert "_UnpicklableError: 1/2" in str(error)
    kept = ValueError("plain")
    assert portable(kept) is kept


_PARENT = """
import sys, threading
from desktop.services.backend import Backend
from desktop.services.engine import Engine, SweepJob
from desktop.qt.models.grid_rows import SweptHealth, SweptRows

url, ca, tokens = sys.argv[1], open(sys.argv[2], "rb").read(), sys.argv[3]
backend = Backend.for_sandbox(url, ca_pem=ca, token_dir=__import__("pathlib").Path(tokens))
engine = Engine()
job = SweepJob(backend.recipe, backend.customers().items, SweptRows())
for outcome in engine.sweep(job, threading.Event()):
    print(engine.pid, flush=True)  # then wait to be killed, the sweep still under way
    threading.Event().wait()
"""


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX process checks")
def test_the_engine_dies_with_the_app(slow_sandbox: Sandbox, tmp_path: Path):
    ca = tmp_path / "ca.pem"
    ca.write_bytes(slow_sandbox.ca_pem)
    app = subprocess.Popen(
        [sys.executable, "-c", _PARENT, slow_sandbox.url, str(ca), str(tmp_path / "tokens")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None
        pid = int(app.stdout.readline())
        assert _alive(pid)
        app.kill()  # no goodbye: the pipe's end is all the engine learns
        app.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.05)
        assert not _alive(pid), "the engine outlived the app"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
        if app.stdout is not None:
            app.stdout.close()
