"""A sandbox per test module (real HTTPS on loopback) and a session per test that trusts it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
import requests

from desktop.sandbox import Sandbox

from .helpers import client

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=60, seed=7, now=NOW) as sandbox:
        yield sandbox


@pytest.fixture
def http(sb: Sandbox) -> Iterator[requests.Session]:
    with client(sb) as session:
        yield session
