"""One call's time, whatever the server asks (issue 16, items 15 and 7).

- A budget per call across its attempts and waits (`RetryPolicy.call_budget_s`, 3 minutes):
  a tenant throttled again and again once held its call for ~14 minutes (7 waits of up to
  120 s). A wait that would end past the budget is not begun: the call fails at once and
  says when to try again, as a clock time.
- Retry-After as a finite, sane number of seconds, whatever the header says (`1e20`, `inf`,
  `nan`, negative, a date in the year 9999): such values once reached `round()` and Qt as
  floats no integer holds, an OverflowError in a slot (the crash dialog) and a customer list
  stuck on "Loading…".

The waits are recorded and not slept (`Recorded`): the budget counts a wait it asked for as
spent, so these tests take no minutes to show minutes of waiting.
"""

from __future__ import annotations

import asyncio
import math
import re
import threading
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from desktop.api.errors import ApiError
from desktop.api.http import RetryPolicy, Timeouts
from desktop.api.timing import CALL_BUDGET_S, MAX_RETRY_AFTER_S
from desktop.domain.customers import Customer
from desktop.qt.worker import Worker
from desktop.sandbox import Canned, Sandbox
from desktop.services.backend import Backend
from desktop.ui.errors import explain
from desktop.ui.main_window import MainWindow
from tests.ui.driving import holder_for

from .conftest import CUSTOMERS, FAST_RETRY, HEALTH, assert_clear, make_backend

THROTTLED = b'{"error": {"code": "TooManyRequests", "message": "Too many requests."}}'


class Recorded:
    """The backend's `sleep`: each wait is recorded and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, delay: float) -> None:
        with self._lock:
            self.delays.append(delay)


def said_time(message: str) -> datetime:
    """The "try again at HH:MM" (or "YYYY-MM-DD HH:MM") of `message`, as a local datetime."""
    found = re.search(r"try again at (?:(\d{4}-\d{2}-\d{2}) )?(\d{2}):(\d{2})", message)
    assert found, message
    day = datetime.strptime(found.group(1), "%Y-%m-%d") if found.group(1) else datetime.now()
    return day.replace(hour=int(found.group(2)), minute=int(found.group(3)), second=0,
                       microsecond=0)  # fmt: skip


def assert_says_when(error: ApiError, wait_s: float) -> None:
    """`error` says to try again at now + `wait_s`, to the minute."""
    expected = datetime.now() + timedelta(seconds=wait_s)
    said = said_time(error.message)
    assert abs((said - expected).total_seconds()) <= 120, (said, expected)


@pytest.fixture
def tenant(sb: Sandbox, customers: list[Customer]) -> str:
    return customers[0].tenant_id


def test_a_call_throttled_again_and_again_gives_up_within_its_budget(
    sb: Sandbox, tenant: str
) -> None:
    """Retry-After 100 s (under the 120 s cap per wait) on every try, the app's own policy:
    one wait, then the second would end past three minutes, so the call stops and says when."""
    waits = Recorded()
    backend = make_backend(sb, retry=RetryPolicy(), sleep=waits)
    try:
        sb.inject(HEALTH, "error", status=429, shape="graph", count=20, retry_after=100)
        with pytest.raises(ApiError) as caught:
            backend.health_and_issues(tenant)
    finally:
        backend.close()
    error = caught.value
    assert error.throttled
    assert sum(waits.delays) <= CALL_BUDGET_S, waits.delays
    assert len(waits.delays) == 1
    assert "Throttled by Microsoft: try again at" in error.message
    assert_says_when(error, 100)
    assert error.retry_at is not None
    assert_clear(error, "throttling")


def test_a_retry_after_past_the_budget_fails_at_once_saying_when(sb: Sandbox, tenant: str) -> None:
    waits = Recorded()
    backend = make_backend(sb, retry=RetryPolicy(), sleep=waits)
    try:
        sb.inject(HEALTH, "error", status=429, shape="graph", count=1, retry_after=3600)
        with pytest.raises(ApiError) as caught:
            backend.health_and_issues(tenant)
    finally:
        backend.close()
    assert waits.delays == []
    assert sb.stats()["faults"] == 1
    assert_says_when(caught.value, 3600)
    assert "Throttled by Microsoft" in str(caught.value)  # the CLI's and the export's words


def test_the_budget_bounds_attempts_that_time_out(sb: Sandbox, tenant: str) -> None:
    """A server that never answers in time: every attempt costs the read timeout, and the
    budget (3 s here) stops the call after a few, not after all 100 tries."""
    backend = make_backend(
        sb,
        timeouts=Timeouts(connect_s=2, read_s=1, attempt_s=5),
        retry=RetryPolicy(attempts=100, backoff_base_s=0.01, backoff_cap_s=0.02, call_budget_s=3),
    )
    try:
        sb.inject(HEALTH, "delay", delay_s=4.0, count=100)
        done = threading.Event()
        caught: list[BaseException] = []

        def call() -> None:
            try:
                backend.health_and_issues(tenant)
            except BaseException as error:  # recorded for the test
                caught.append(error)
            finally:
                done.set()

        threading.Thread(target=call, daemon=True).start()
        assert done.wait(10), "the call was still trying after 10 s"
    finally:
        backend.close()
    (error,) = caught
    assert isinstance(error, ApiError)
    assert error.kind == "timeout"
    assert sb.stats()["faults"] <= 4  # each try waits 1 s: at most ceil(3 / 1) + 1 began


HOSTILE_RETRY_AFTER = [
    "1e20",
    "inf",
    "Infinity",
    "-inf",
    "nan",
    "-5",
    "1e400",
    "9" * 400,
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "Mon, 01 Jan 0001 00:00:00 GMT",
    "Mon, 01 Jan 99999 00:00:00 GMT",
]


@pytest.mark.parametrize("value", HOSTILE_RETRY_AFTER, ids=lambda v: v[:30])
def test_any_retry_after_becomes_a_finite_sane_wait(sb: Sandbox, tenant: str, value: str) -> None:
    """Either the call waits a sane time and gets its data, or it fails at once as throttled
    with a finite Retry-After that every message can show."""
    waits = Recorded()
    backend = make_backend(sb, retry=FAST_RETRY, sleep=waits)
    sb.serve_canned(Canned(HEALTH, THROTTLED, status=429, headers=[("Retry-After", value)]))
    failed: ApiError | None = None
    try:
        health, _issues = backend.health_and_issues(tenant)
        assert health.items
    except ApiError as error:
        failed = error
    finally:
        backend.close()
    if failed is not None:
        assert failed.throttled
        assert failed.retry_after is not None
        assert math.isfinite(failed.retry_after)
        assert 0 <= failed.retry_after <= MAX_RETRY_AFTER_S
        assert_clear(failed, "throttling")
        assert "try again at" in failed.message
    assert all(math.isfinite(d) and 0 <= d <= 121 for d in waits.delays), waits.delays


def test_the_window_shows_a_customer_list_throttled_with_retry_after_1e20(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    """The real window on the app's own backend: the list's pane says Microsoft is throttling
    (it stayed on "Loading…" after an OverflowError in the slot)."""
    with Sandbox(customers=4, seed=3, consented="all") as sb:
        sb.serve_canned(Canned(CUSTOMERS, THROTTLED, status=429, headers=[("Retry-After", "1e20")]))
        worker = Worker()
        backend = Backend.for_sandbox(sb.url, ca_pem=sb.ca_pem, concurrency=4)
        holder = holder_for(worker=worker, backend=backend, mode="sandbox",
                         launcher=lambda _url: True)  # fmt: skip
        window = MainWindow(holder)
        qtbot.addWidget(window)
        window.show()
        try:
            with qtbot.waitSignal(window.directory.loaded, timeout=20000) as loaded:
                worker.spawn(window.load_customers())
            assert loaded.args == [-1]
            title = explain(ApiError("x", status=429, retry_after=1e20)).title
            qtbot.waitUntil(lambda: title in window.statusBar().currentMessage(), timeout=5000)
        finally:
            window.close()
            worker.shutdown(wait=True)
            backend.close()
