"""Shared fixtures: the real sandbox on loopback, a backend talking to it, isolated dirs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.backend import Backend
from desktop.sandbox import Sandbox


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
    """A shared, fault-free sandbox. Tests that inject faults use `fresh_sandbox`."""
    with Sandbox(customers=60, seed=7) as sb:
        yield sb


@pytest.fixture
def fresh_sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=12, seed=11) as sb:
        yield sb


@pytest.fixture
def backend(sandbox: Sandbox) -> Iterator[Backend]:
    b = Backend.for_sandbox(sandbox.url, concurrency=8)
    yield b
    b.close()
