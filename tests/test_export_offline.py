"""`export --offline`: the rows of the last online run, from the cache alone, sandbox stopped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain.health import ServiceHealth
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.export import WHATS, cached_rows, collect
from desktop.store import Cache, sandbox_source
from desktop.store.cache import CUSTOMERS, HEALTH

HEALTH_PATH = "/graph/v1.0/admin/serviceAnnouncement/healthOverviews"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=180,
        encoding="utf-8",
    )


def test_every_export_offline_gives_the_rows_of_the_live_run(tmp_path: Path):
    live: dict[str, tuple[int, bytes]] = {}
    with Sandbox(customers=14, seed=5, consented="all") as sb:
        url = sb.url
        for what in WHATS:
            out = tmp_path / f"{what}.live.json"
            result = run_cli(
                "export", what, "--sandbox-url", url, "--format", "json", "--out", str(out)
            )
            assert result.returncode in (0, 3), result.stderr
            live[what] = (result.returncode, out.read_bytes())
    assert live["health"][0] == 0  # no GDAP access is a state: error rows, exit 0
    assert not sb.running
    for what in WHATS:
        for fmt in ("json", "csv"):
            out = tmp_path / f"{what}.offline.{fmt}"
            result = run_cli(
                "export",
                what,
                "--sandbox-url",
                url,
                "--offline",
                "--format",
                fmt,
                "--out",
                str(out),
            )
            assert "offline" in result.stderr
            assert result.returncode == live[what][0], result.stderr
            if fmt == "json":
                assert out.read_bytes() == live[what][1], what
    # Another server is another source: nothing of it is cached.
    result = run_cli("export", "health", "--sandbox-url", "http://127.0.0.1:9", "--offline")
    assert result.returncode == 1
    assert "no cached data; run once online" in result.stderr


def test_the_embedded_sandbox_finds_its_cache_again():
    live = run_cli("export", "incidents", "--customers", "9")
    assert live.returncode in (0, 3), live.stderr
    offline = run_cli("export", "incidents", "--customers", "9", "--offline")
    assert offline.returncode == live.returncode
    assert offline.stdout == live.stdout
    assert offline.stdout.count("\n") > 9
    other = run_cli("export", "incidents", "--customers", "10", "--offline")
    assert other.returncode == 1
    assert other.stdout == ""


def test_offline_with_an_empty_cache_says_so():
    result = run_cli("export", "customers", "--offline")
    assert result.returncode == 1
    assert "no cached data; run once online" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("what", WHATS)
def test_cached_rows_equal_collected_rows(backend: Backend, what: str):
    customers = backend.customers().items[:20]
    source = "sandbox:in-process"
    with Cache() as cache:
        assert cached_rows(cache, source, what) is None
        with cache.writer(source, every=5) as writer:
            writer.record(CUSTOMERS, None, items=customers)
            rows, failed = collect(backend, what, customers, concurrency=4, cache=writer)
        cached = cached_rows(cache, source, what)
    assert cached is not None
    assert (cached.rows, cached.failed, cached.customers) == (rows, failed, 20)


def test_a_failure_after_a_success_is_what_offline_shows(fresh_sandbox: Sandbox):
    """The last live run had errors for some customers: offline has the same error rows, not
    the older good data (which the cache keeps for the dashboard)."""
    backend = Backend.for_sandbox(fresh_sandbox.url, concurrency=1)
    source = sandbox_source(fresh_sandbox.url)
    try:
        customers = backend.customers().items
        with Cache() as cache:
            with cache.writer(source) as writer:
                writer.record(CUSTOMERS, None, items=customers)
                good, good_failed = collect(backend, "health", customers, cache=writer)
            fresh_sandbox.inject(HEALTH_PATH, "error", status=404, shape="graph", count=3)
            with cache.writer(source) as writer:
                rows, failed = collect(backend, "health", customers, cache=writer)
            cached = cached_rows(cache, source, "health")
            stale = [e for e in cache.errors(source, HEALTH) if "404" in e.message]
            kept = cache.health(source, stale[0].tenant_id)
    finally:
        backend.close()
    assert failed == good_failed + 3
    assert rows != good
    assert cached is not None
    assert (cached.rows, cached.failed) == (rows, failed)
    assert len(stale) == 3
    assert kept is not None
    assert kept[0]  # the last good health, for a dashboard to show as stale


def test_item_errors_come_back_as_error_rows():
    source = "sandbox:items"
    from desktop.domain.customers import Customer

    customer = Customer("t1", "Contoso", "contoso.onmicrosoft.com", "reseller")
    with Cache() as cache:
        ok = ServiceHealth("Exchange", "Exchange Online", "serviceOperational")
        with cache.writer(source) as writer:
            writer.record(CUSTOMERS, None, items=[customer], when=1.0)
            errors = ["item 2: missing 'id'"]
            writer.record(HEALTH, "t1", items=[ok], item_errors=errors, when=2.0)
        cached = cached_rows(cache, source, "health")
    assert cached is not None
    assert cached.failed == 1
    assert [(r["serviceId"], r["error"]) for r in cached.rows] == [
        ("Exchange", ""),
        ("", "item 2: missing 'id'"),
    ]
