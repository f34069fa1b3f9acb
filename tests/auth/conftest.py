from __future__ import annotations

import webbrowser
from collections.abc import Callable, Iterator

import pytest

from desktop.auth.msal_provider import MsalProvider
from desktop.clouds import CLOUDS, GLOBAL, CloudProfile
from tests.auth.fake_entra import CLIENT_ID, FakeBrowser, FakeEntra, LoopbackHttp

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
