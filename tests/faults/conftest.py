"""The fault suite's tools: a sandbox per test, a backend with short timeouts, a guarded sweep.

Every test talks to a real server on loopback (the sandbox, or `RawServer` for bytes the sandbox
cannot send) through the production clients; nothing here mocks `requests`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from desktop.api.errors import ApiError
from desktop.api.http import HttpSession, RetryPolicy, Timeouts
from desktop.auth import AuthError
from desktop.config.clouds import SANDBOX_PARTNER_TENANT_ID, sandbox_profile
from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import Parsed
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend, Outcome
from desktop.ui.errors import Explained, explain

HEALTH = "/graph/v1.0/admin/serviceAnnouncement/healthOverviews"
CUSTOMERS = "/v1/customers"

# Short enough that a test never waits long, long enough for loopback on a busy 2-core machine.
FAST_TIMEOUTS = Timeouts(connect_s=2.0, read_s=0.6, attempt_s=0.8)
FAST_RETRY = RetryPolicy(attempts=3, backoff_base_s=0.02, backoff_cap_s=0.1)

Health = tuple[Parsed[ServiceHealth], Parsed[HealthIssue]]


def make_backend(
    target: Sandbox | str,
    *,
    concurrency: int = 4,
    timeouts: Timeouts = FAST_TIMEOUTS,
    retry: RetryPolicy = FAST_RETRY,
    sleep: Callable[[float], None] | None = None,
) -> Backend:
    """The production backend for a sandbox (signed in through its Entra) or for the URL of a
    `RawServer` (which checks no token: a fixed one is sent), with the test's timeouts and
    retry policy (and, to see every wait between tries, `sleep`: see `Waits`)."""
    if isinstance(target, Sandbox):
        session = HttpSession(
            pool_size=concurrency,
            timeouts=timeouts,
            retry=retry,
            sleep=sleep,
            pinned={target.url + "/": target.ca_pem},
        )
        return Backend.for_sandbox(
            target.url, ca_pem=target.ca_pem, concurrency=concurrency, session=session
        )
    session = HttpSession(pool_size=concurrency, timeouts=timeouts, retry=retry, sleep=sleep)
    return Backend(sandbox_profile(target), FixedToken(), concurrency=concurrency, session=session)


class FixedToken:
    """For a RawServer, which answers from its script and reads no token."""

    home_tenant = SANDBOX_PARTNER_TENANT_ID

    def token(self, scope: str, tenant: str | None = None) -> str:
        return "raw-server-token"

    def invalidate(self, scope: str, tenant: str | None, token: str) -> None:
        return None

    def forget_tenant(self, tenant: str) -> None:
        return None


class Waits:
    """The backend's `sleep`: each wait between tries is recorded, then waited for real.

    What a test asserts on instead of the clock: how many waits, and how long each asked for.
    """

    def __init__(self) -> None:
        self.delays: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, delay: float) -> None:
        with self._lock:
            self.delays.append(delay)
        time.sleep(delay)


def wait_until_served(sandbox: Sandbox, guard_s: float = 10.0) -> None:
    """Until the sandbox serves no call (a liveness guard: fails if it never gets there)."""
    deadline = time.monotonic() + guard_s
    while sandbox.stats()["inFlight"]:
        assert time.monotonic() < deadline, f"the sandbox still served calls after {guard_s} s"
        time.sleep(0.02)


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    """A sandbox of its own per test: faults injected here touch no other test."""
    with Sandbox(customers=8, seed=3, consented="all") as sandbox:
        yield sandbox


@pytest.fixture
def backend(sb: Sandbox) -> Iterator[Backend]:
    b = make_backend(sb)
    yield b
    b.close()


@pytest.fixture
def customers(sb: Sandbox, backend: Backend) -> list[Customer]:
    """The customers whose health the partner may read (GDAP), as the app lists them."""
    listed = backend.customers().items
    allowed = [c for c in listed if sb.data.graph_allowed(c.tenant_id)]
    assert len(allowed) >= 4
    # Their tokens first: the faults injected by a test meet the API calls in the order the
    # test plans, not a sweep whose first customer is faster to sign in than the others.
    for customer in allowed:
        backend.tokens.token(backend.cloud.graph_scope, customer.tenant_id)
    return allowed


def health_task(backend: Backend) -> Callable[[Customer, str, threading.Event], Health]:
    """What the health column does per customer (one call: healthOverviews?$expand=issues)."""

    def check(customer: Customer, cid: str, cancel: threading.Event) -> Health:
        return backend.health_and_issues(customer.tenant_id, cid, cancel)

    return check


@dataclass
class SweepRun:
    outcomes: dict[str, Outcome[Health]] = field(default_factory=dict)
    elapsed: float = 0.0
    crashed: BaseException | None = None

    def ok(self) -> list[str]:
        return [t for t, o in self.outcomes.items() if o.ok]

    def failed(self) -> dict[str, Exception]:
        return {t: o.error for t, o in self.outcomes.items() if o.error is not None}


def run_sweep(
    backend: Backend,
    customers: list[Customer],
    *,
    cancel: threading.Event | None = None,
    guard_s: float = 8.0,
    on_outcome: Callable[[Outcome[Health]], None] | None = None,
) -> SweepRun:
    """The health sweep on a thread of its own, as the GUI runs it; fails the test (instead of
    hanging it) if the sweep is still going after `guard_s`."""
    run = SweepRun()
    started = time.perf_counter()

    def drive() -> None:
        try:
            for outcome in backend.sweep(customers, health_task(backend), cancel=cancel):
                run.outcomes[outcome.customer.tenant_id] = outcome
                if on_outcome is not None:
                    on_outcome(outcome)
        except BaseException as error:  # recorded: a sweep must never raise
            run.crashed = error
        finally:
            run.elapsed = time.perf_counter() - started

    thread = threading.Thread(target=drive, name="test-sweep", daemon=True)
    thread.start()
    thread.join(guard_s)
    assert not thread.is_alive(), f"the sweep was still running after {guard_s} s"
    assert run.crashed is None, f"the sweep raised {run.crashed!r}"
    return run


# What a person must never be shown: a programmer's view of the failure.
# (Graph's own error codes, such as "generalException", are fine: they are Microsoft's words.)
_NOT_HUMAN = (
    "Traceback",
    "Exception(",
    "Error(",
    "<class",
    "urllib3",
    "HTTPConnectionPool",
    "Max retries",
    " at 0x",
)


def assert_clear(error: Exception | None, *words: str) -> Explained:
    """`error` is an ApiError (or, for the customer's token, an AuthError) that `explain()`
    turns into specific, readable words (one of `words` among them) rather than the catch-all
    "Something went wrong"."""
    assert isinstance(error, (ApiError, AuthError)), f"not an ApiError: {error!r}"
    explained = explain(error, "service health")
    assert explained.title != "Something went wrong", explained
    summary = error.summary if isinstance(error, ApiError) else error.message
    text = f"{explained.title}\n{explained.detail}\n{summary}"
    for bad in _NOT_HUMAN:
        assert bad not in text, text
    if words:
        assert any(w.lower() in text.lower() for w in words), text
    return explained


def assert_complete(run: SweepRun, customers: list[Customer]) -> None:
    """Every customer has data, and the data is the sandbox's (services listed)."""
    assert set(run.outcomes) == {c.tenant_id for c in customers}
    assert run.failed() == {}
    for outcome in run.outcomes.values():
        assert outcome.value is not None
        health, _issues = outcome.value
        assert health.items, outcome.customer
        assert health.errors == []
