"""Shared fixtures: the real sandbox on loopback, a backend talking to it, isolated dirs."""

from __future__ import annotations

import asyncio
import gc
import os
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.auth.msal_provider import MsalProvider
from desktop.config.clouds import CLOUDS, GLOBAL, CloudProfile
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from tests import leaks
from tests.auth.fake_entra import CLIENT_ID, FakeBrowser, FakeEntra, LoopbackHttp


@pytest.fixture(autouse=True)
def _no_leftovers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test that leaves our threads, a non-daemon thread or a running QTimer behind
    (tests/leaks.py). First of the autouse fixtures, so it checks after every other one (the
    worker's shutdown, the window's close) has torn down."""
    watch = leaks.Watch()
    with leaks.watching_timers(watch):
        yield
    if "qapp" in request.fixturenames:
        # A Qt test's garbage dies now, on the GUI thread: collected later by whichever
        # thread allocates (a sweep's), a window with timers warned "Timers cannot be stopped
        # from another thread" into another test.
        gc.collect()
    threads, timers = watch.leftovers()
    if threads or timers:
        pytest.fail(leaks.describe(threads, timers), pytrace=False)


@pytest.fixture
def qloop(qapp: object) -> Iterator[asyncio.AbstractEventLoop]:
    """asyncio on the Qt loop that qtbot drives (waitSignal/waitUntil process its events)."""
    import qasync  # Qt: only for the tests that ask for it

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test touches the real home: config, data, cache and logs live in a temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PARTNER_DESK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """A shared, fault-free sandbox with Partner Desk consented in every customer that has
    GDAP. Tests that inject faults use `fresh_sandbox`; consent is tested on sandboxes of
    their own (`consented="some"`)."""
    with Sandbox(customers=60, seed=7, consented="all") as sb:
        yield sb


@pytest.fixture
def fresh_sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=12, seed=11, consented="all") as sb:
        yield sb


@pytest.fixture
def backend(sandbox: Sandbox) -> Iterator[Backend]:
    """Signed in to the sandbox's Entra with MSAL (the device code it approves at once)."""
    b = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=8)
    yield b
    b.close()


# -- a loopback Entra for MSAL's flows (tests/auth, tests/ui) ---------------------------------

AUTHORITY_HOSTS = tuple(
    sorted({(c.authority_host or "").removeprefix("https://") for c in CLOUDS.values()})
)


@pytest.fixture
def entra() -> Iterator[FakeEntra]:
    server = FakeEntra().start()
    yield server
    server.stop()


@pytest.fixture
def http(entra: FakeEntra) -> Iterator[LoopbackHttp]:
    client = LoopbackHttp(entra, AUTHORITY_HOSTS)
    yield client
    client.close()


@pytest.fixture
def browser(entra: FakeEntra, monkeypatch: pytest.MonkeyPatch) -> FakeBrowser:
    """The system browser MSAL opens, played by a fake user who signs in."""
    fake = FakeBrowser(entra)
    monkeypatch.setattr(webbrowser, "open", fake.open)
    return fake


@pytest.fixture
def make_provider(http: LoopbackHttp) -> Callable[..., MsalProvider]:
    def make(cloud: CloudProfile = GLOBAL, **kwargs: object) -> MsalProvider:
        return MsalProvider(cloud, CLIENT_ID, http_client=http, use_broker=False, **kwargs)  # type: ignore[arg-type]

    return make
