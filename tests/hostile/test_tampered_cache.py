"""A cache file changed behind Partner Desk's back, read `--offline` (issue 16, item 13).

Rows that are not zlib, not UTF-8, not JSON, nested 200,000 deep, a compression bomb, item
errors that are not a list, times that are not numbers: each such row is reported as unreadable
(an error row in an export, a message in the window's pane), the others are read as before, and
nothing raises.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.config.clouds import sandbox_profile
from desktop.domain.customers import Customer
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.offline import OfflineBackend
from desktop.store.cache import CUSTOMERS, HEALTH, ISSUES, ROW_MAX_BYTES, Cache, sandbox_source
from desktop.ui.main_window import MainWindow
from tests.ui.driving import holder_for

NOT_HUMAN = ("Traceback", "zlib.error", "JSONDecodeError", "RecursionError", "Error(")


def _bomb() -> bytes:
    """Valid zlib of a JSON list padded with spaces past ROW_MAX_BYTES (~70 KB compressed)."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(b"[")]
    chunk = b" " * (1 << 20)
    for _ in range(ROW_MAX_BYTES // len(chunk) + 2):
        parts.append(packer.compress(chunk))
    parts.append(packer.compress(b"]"))
    parts.append(packer.flush())
    return b"".join(parts)


# What an attacker with the user's files (or a failing disk) leaves in a health row's items.
TAMPERED_ITEMS: dict[str, Any] = {
    "not zlib": b"\x00\x01 definitely not zlib",
    "not JSON": zlib.compress(b"{not json"),
    "not UTF-8": zlib.compress(b'["\xff\xfe"]'),
    "too deep": zlib.compress(b"[" * 200_000 + b"]" * 200_000),
    "bomb": _bomb(),
    "not a list": zlib.compress(b'{"value": 1}'),
    "a number": 42,
}


@pytest.fixture(scope="module")
def gathered(sandbox: Sandbox) -> tuple[str, list[Customer], dict[str, tuple[Any, Any]]]:
    """The sandbox's customers, and the health and issues of enough customers with GDAP."""
    backend = Backend.for_sandbox(sandbox.url, concurrency=4)
    try:
        customers = backend.customers().items
        allowed = [c for c in customers if sandbox.data.graph_allowed(c.tenant_id)]
        wanted = allowed[: len(TAMPERED_ITEMS) + 4]
        health = {}
        for customer in wanted:
            found, issues = backend.health_and_issues(customer.tenant_id)
            health[customer.tenant_id] = (found.items, issues.items)
    finally:
        backend.close()
    return sandbox_source(sandbox.url), customers, health


@pytest.fixture
def filled(gathered) -> tuple[str, list[Customer], list[str], Path]:
    """The app's cache (under this test's home) with the gathered data; yields the source,
    the customers, the tenants whose health is cached, and the file."""
    source, customers, health = gathered
    cache = Cache()
    now = time.time()
    with cache.writer(source) as writer:
        writer.record(CUSTOMERS, None, items=customers, when=now)
        for tenant_id, (found, issues) in health.items():
            writer.record(HEALTH, tenant_id, items=found, when=now)
            writer.record(ISSUES, tenant_id, items=issues, when=now)
    path = cache.path
    cache.close()
    return source, customers, list(health), path


def tamper(path: Path, source: str, kind: str, tenant: str, **columns: Any) -> None:
    db = sqlite3.connect(path)
    sets = ", ".join(f"{name} = ?" for name in columns)
    changed = db.execute(
        f"UPDATE entries SET {sets} WHERE source = ? AND kind = ? AND tenant_id = ?",  # noqa: S608
        (*columns.values(), source, kind, tenant),
    ).rowcount
    db.commit()
    db.close()
    assert changed == 1


def test_export_offline_reports_each_tampered_row_as_unreadable(filled, tmp_path, capsys):
    source, _customers, tenants, path = filled
    url = source.removeprefix("sandbox:")
    tampered = dict(zip(tenants, TAMPERED_ITEMS.items(), strict=False))
    for tenant, (_name, items) in tampered.items():
        tamper(path, source, HEALTH, tenant, items=items)
    # Beside the records: item errors that are not a list, a time that is not one.
    errors_tenant, time_tenant = tenants[len(tampered)], tenants[len(tampered) + 1]
    tamper(path, source, HEALTH, errors_tenant, item_errors="not json")
    tamper(path, source, ISSUES, time_tenant, fetched="yesterday")
    out = tmp_path / "health.json"
    code = cli.main(
        [
            "export",
            "health",
            "--offline",
            "--sandbox-url",
            url,
            "--format",
            "json",
            "--out",
            str(out),
        ]
    )
    captured = capsys.readouterr()
    for bad in NOT_HUMAN:
        assert bad not in captured.err
    assert code == 3, captured.err  # some customers' rows are errors
    rows = json.loads(out.read_text(encoding="utf-8"))
    by_tenant: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_tenant.setdefault(row["tenantId"], []).append(row)
    for tenant in [*tampered, errors_tenant]:
        assert len(by_tenant[tenant]) == 1, tenant
        assert "could not be read" in by_tenant[tenant][0]["error"], tampered.get(tenant)
    # A health row that was left alone still gives its services (its issues row is the one
    # with the bad time), and the customers nobody touched are as the live run had them.
    assert all(row["error"] == "" for row in by_tenant[time_tenant])
    for tenant in tenants[len(tampered) + 2 :]:
        assert by_tenant[tenant]
        assert all(row["error"] == "" for row in by_tenant[tenant])


def test_export_offline_with_an_unreadable_customer_list_says_so(filled, capsys):
    source, _customers, _tenants, path = filled
    tamper(path, source, CUSTOMERS, "", items='[["only", "three", "fields"')
    code = cli.main(["export", "customers", "--offline", "--sandbox-url", source[8:]])
    captured = capsys.readouterr()
    assert code == 1
    assert "the cached customer list could not be read" in captured.err
    for bad in NOT_HUMAN:
        assert bad not in captured.err
    assert captured.out == ""


def test_tampered_items_are_dropped_and_counted_not_raised(filled, capsys):
    """Inside a readable row, items that no parser can read (a number, a string, an object
    of the wrong shape) are dropped, and the row's errors say how many."""
    source, _customers, tenants, path = filled
    cache = Cache(path)
    try:
        health = cache.entry(source, HEALTH, tenants[0])
        assert health is not None
        assert health.items
        good = health.items[0].to_json()
    finally:
        cache.close()
    items = [good, 7, "text", {"id": ["not", "text"]}, [1, 2]]
    tamper(path, source, HEALTH, tenants[0], items=zlib.compress(json.dumps(items).encode()))
    cache = Cache(path)
    try:
        entry = cache.entry(source, HEALTH, tenants[0])
    finally:
        cache.close()
    assert entry is not None
    assert not entry.unreadable
    assert entry.items is not None
    assert len(entry.items) == 1
    assert entry.item_errors[-1] == "4 cached item(s) could not be read"


def test_the_offline_window_says_a_tampered_customer_cannot_be_read(qtbot, qloop, filled):
    """Through the real window, `--offline`: the customer whose cached health was tampered
    with shows a message in its health pane; its neighbour shows its health as before."""
    source, _customers, tenants, path = filled
    bad, good = tenants[0], tenants[1]
    tamper(path, source, HEALTH, bad, items=b"\x00 not zlib")
    tamper(path, source, ISSUES, bad, items=zlib.compress(b"[{"))
    tamper(path, source, "summary", bad, items="[{]")
    cache = Cache(path)
    worker = Worker()
    offline = OfflineBackend(cache, source, sandbox_profile("http://127.0.0.1:9"))
    holder = holder_for(
        worker=worker,
        backend=offline,
        launcher=lambda _u: True,
        cache=cache,
        source=source,
        offline=True,
    )
    window = MainWindow(holder)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.directory.loaded, timeout=20000):
            worker.spawn(window.load_customers())
        with qtbot.waitSignal(window.health.settled, timeout=10000):
            window.select_tenant(bad)
        assert window.health.state == "error"
        assert window.health._message.title.text() == "The cached copy could not be read"
        assert "could not be read" in str(window.health.error)
        with qtbot.waitSignal(window.health.settled, timeout=10000):
            window.select_tenant(good)
        assert window.health.state == "ready"
        assert window.health.model.rowCount() > 0
    finally:
        window.close()
        worker.shutdown(wait=True)
        cache.close()
