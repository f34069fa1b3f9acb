"""The cache: records back as they went in, per source; survives kills; rebuilt when damaged."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.auth import AuthError
from desktop.config.paths import cache_dir
from desktop.domain.customers import Customer, PortalLink
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.service_requests import ServiceRequest
from desktop.services.backend import ApiError, Backend
from desktop.store import Cache, Tags, account_source, sandbox_source
from desktop.store.cache import CUSTOMERS, HEALTH, ISSUES, PORTALS, REQUESTS

SOURCE = "sandbox:test"
OTHER = "global:00000000-0000-0000-0000-000000000001"


def put(cache: Cache, source: str, kind: str, tenant: str | None, when: float, **record) -> None:
    """One record through the one write API, committed at once."""
    with cache.writer(source) as writer:
        writer.record(kind, tenant, when=when, **record)


def put_health(cache: Cache, source: str, tenant: str, health, issues, when: float) -> None:
    """A tenant's health and issues through one writer, as a sweep records them."""
    with cache.writer(source) as writer:
        writer.record(HEALTH, tenant, items=health, when=when)
        writer.record(ISSUES, tenant, items=issues, when=when)


@pytest.fixture
def cache():
    c = Cache()
    yield c
    c.close()


def sandbox_picture(backend: Backend, count: int = 8):
    """(customers, {tenant: (health, issues)}) for customers the sandbox lets us read."""
    customers = backend.customers().items
    pictures: dict[str, tuple[list[ServiceHealth], list[HealthIssue]]] = {}
    for customer in customers:
        try:
            health, issues = backend.health_and_issues(customer.tenant_id)
        except (ApiError, AuthError):
            continue  # no GDAP access: 403
        pictures[customer.tenant_id] = (health.items, issues.items)
        if len(pictures) == count:
            break
    return customers, pictures


def test_an_empty_cache_knows_nothing(cache: Cache):
    assert cache.notice is None
    assert cache.path == cache_dir() / "cache.sqlite3"
    assert cache.customers(SOURCE) == ([], None)
    assert cache.health(SOURCE, "t1") is None
    assert cache.health_all(SOURCE) == {}
    assert cache.requests(SOURCE, None) == ([], None)
    assert cache.errors(SOURCE) == []


def test_sandbox_records_come_back_equal(cache: Cache, backend: Backend):
    customers, pictures = sandbox_picture(backend)
    put(cache, SOURCE, CUSTOMERS, None, 100.0, items=customers)
    for tenant_id, (health, issues) in pictures.items():
        put_health(cache, SOURCE, tenant_id, health, issues, 200.0)
    assert cache.customers(SOURCE) == (customers, 100.0)
    assert any(issues for _, issues in pictures.values())
    for tenant_id, (health, issues) in pictures.items():
        assert cache.health(SOURCE, tenant_id) == (health, issues, 200.0)
    assert cache.health_all(SOURCE) == {t: (h, i, 200.0) for t, (h, i) in pictures.items()}
    requests = backend.requests(None).items
    assert requests
    put(cache, SOURCE, REQUESTS, None, 300.0, items=requests)
    mine = [r for r in requests if r.organization_id == customers[0].tenant_id]
    put(cache, SOURCE, REQUESTS, customers[0].tenant_id, 301.0, items=mine)
    assert cache.requests(SOURCE, None) == (requests, 300.0)
    assert cache.requests(SOURCE, customers[0].tenant_id) == (mine, 301.0)
    links = backend.portals(customers[0])
    put(cache, SOURCE, PORTALS, customers[0].tenant_id, 400.0, items=links)
    assert cache.portals(SOURCE, customers[0].tenant_id) == links


def test_sources_never_mix(cache: Cache):
    a = [Customer("t1", "Contoso", "contoso.onmicrosoft.com", "reseller")]
    b = [Customer("t2", "Fabrikam", "fabrikam.onmicrosoft.com", "advisor")]
    put(cache, SOURCE, CUSTOMERS, None, 1.0, items=a)
    put(cache, OTHER, CUSTOMERS, None, 2.0, items=b)
    health = [ServiceHealth("Exchange", "Exchange Online", "serviceDegradation")]
    put_health(cache, OTHER, "t2", health, [], 2.0)
    assert cache.customers(SOURCE) == (a, 1.0)
    assert cache.customers(OTHER) == (b, 2.0)
    assert cache.health_all(SOURCE) == {}
    assert cache.health(SOURCE, "t2") is None
    cache.forget(OTHER)
    assert cache.customers(OTHER) == ([], None)
    assert cache.customers(SOURCE) == (a, 1.0)


def test_source_names():
    assert sandbox_source() == "sandbox:250:7"
    assert sandbox_source(customers=60, seed=3) == "sandbox:60:3"
    assert sandbox_source("http://127.0.0.1:8400") == "sandbox:http://127.0.0.1:8400"
    assert account_source("global", "ABC-def") == "global:abc-def"


def test_health_and_issues_can_be_written_apart(cache: Cache):
    """An export reads one of the two: writing it leaves the other as it was."""
    health = [ServiceHealth("Teams", "Microsoft Teams", "serviceOperational")]
    issue = HealthIssue.from_json(
        {"id": "TM1", "service": "Microsoft Teams", "status": "confirmed"}
    )
    put(cache, SOURCE, HEALTH, "t1", 10.0, items=health)
    assert cache.health(SOURCE, "t1") == (health, [], 10.0)
    put(cache, SOURCE, ISSUES, "t1", 20.0, items=[issue])
    assert cache.health(SOURCE, "t1") == (health, [issue], 10.0)  # the older of the two
    worse = [replace(health[0], status="serviceInterruption")]
    put(cache, SOURCE, HEALTH, "t1", 30.0, items=worse)
    assert cache.health(SOURCE, "t1") == (worse, [issue], 20.0)
    assert cache.entry(SOURCE, ISSUES, "t1").fetched == 20.0


def test_item_errors_are_kept_with_their_list(cache: Cache):
    with cache.writer(SOURCE) as writer:
        writer.record(HEALTH, "t1", items=[], item_errors=["item 2: missing 'service'"])
        writer.record(ISSUES, "t1", items=[])
    assert cache.entry(SOURCE, HEALTH, "t1").item_errors == ["item 2: missing 'service'"]
    assert cache.entry(SOURCE, ISSUES, "t1").item_errors == []


def test_a_failure_keeps_the_last_good_data_until_a_success(cache: Cache):
    health = [ServiceHealth("SharePoint", "SharePoint Online", "serviceOperational")]
    put_health(cache, SOURCE, "t1", health, [], 1.0)
    put(cache, SOURCE, HEALTH, "t1", 2.0, failure="403 Forbidden: no GDAP role")
    put(cache, SOURCE, HEALTH, "t2", 3.0, failure="503 Service Unavailable")
    entry = cache.entry(SOURCE, HEALTH, "t1")
    assert entry.failing
    assert (entry.items, entry.fetched) == (health, 1.0)
    assert (entry.failure, entry.failed) == ("403 Forbidden: no GDAP role", 2.0)
    assert cache.health(SOURCE, "t1") == (health, [], 1.0)  # still shown, marked stale
    assert cache.health(SOURCE, "t2") is None  # never fetched: nothing to show
    assert [(e.tenant_id, e.kind, e.message, e.when) for e in cache.errors(SOURCE)] == [
        ("t1", HEALTH, "403 Forbidden: no GDAP role", 2.0),
        ("t2", HEALTH, "503 Service Unavailable", 3.0),
    ]
    assert cache.errors(SOURCE, REQUESTS) == []
    put_health(cache, SOURCE, "t1", health, [], 4.0)
    assert not cache.entry(SOURCE, HEALTH, "t1").failing
    assert [e.tenant_id for e in cache.errors(SOURCE)] == ["t2"]
    with pytest.raises(ValueError, match="unknown kind"):
        put(cache, SOURCE, "weather", "t1", 5.0, failure="rain")


def test_a_record_that_cannot_be_encoded_writes_nothing_of_it(cache: Cache):
    good = [ServiceHealth("Exchange", "Exchange Online", "serviceOperational")]

    class Unencodable(ServiceHealth):
        def to_json(self):
            raise RuntimeError("cannot encode")

    with cache.writer(SOURCE, every=1000) as writer:
        for i in range(50):
            writer.record(HEALTH, f"t{i}", items=good, when=1.0)
        with pytest.raises(RuntimeError):
            writer.record(HEALTH, "t-bad", items=[Unencodable("x", "x", "x")], when=1.0)
        for i in range(50, 100):
            writer.record(HEALTH, f"t{i}", items=good, when=1.0)
    assert len(cache.health_all(SOURCE)) == 100
    assert cache.health(SOURCE, "t-bad") is None
    assert writer.dropped == 0


def test_a_writer_gathers_many_threads_in_batches(cache: Cache):
    writer = cache.writer(SOURCE, every=7)
    health = [ServiceHealth("Teams", "Microsoft Teams", "serviceOperational")]

    def work(start: int) -> None:
        for i in range(start, start + 50):
            writer.record(HEALTH, f"t{i}", items=health)
            writer.record(ISSUES, f"t{i}", items=[])
            if i % 10 == 0:
                writer.record(REQUESTS, f"u{i}", failure="timed out")

    threads = [threading.Thread(target=work, args=(n * 50,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    writer.close()
    assert len(cache.health_all(SOURCE)) == 200
    assert len(cache.errors(SOURCE, REQUESTS)) == 20
    assert writer.dropped == 0


def test_a_corrupt_file_is_set_aside_and_rebuilt(tmp_path: Path):
    path = cache_dir() / "cache.sqlite3"
    with Cache() as cache:
        put(cache, SOURCE, CUSTOMERS, None, 1.0, items=[Customer("t1", "A", "a.x", "reseller")])
    path.write_bytes(b"this is not a database, it is garbage " * 200)
    with Cache() as cache:
        assert cache.notice is not None
        assert "damaged" in cache.notice.message
        assert cache.notice.set_aside is not None
        assert cache.notice.set_aside.exists()
        assert cache.customers(SOURCE) == ([], None)
        put(cache, SOURCE, CUSTOMERS, None, 2.0, items=[Customer("t2", "B", "b.x", "reseller")])
    with Cache() as cache:
        assert cache.notice is None
        assert cache.customers(SOURCE)[1] == 2.0


def test_a_file_of_another_schema_is_rebuilt_and_user_data_survives():
    tags = Tags()
    tags.add("t1", "VIP")
    tags.set_favourite("t1", True)
    tags.close()
    path = cache_dir() / "cache.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE entries (anything TEXT)")
    db.execute("PRAGMA user_version=99")
    db.commit()
    db.close()
    with Cache() as cache:
        assert cache.notice is not None
        assert "another version" in cache.notice.message
        assert cache.customers(SOURCE) == ([], None)
    tags = Tags()
    assert tags.tags("t1") == {"VIP"}
    assert tags.favourites() == {"t1"}
    tags.close()


CHILD = textwrap.dedent(
    """
    import sys
    from desktop.domain.health import HealthIssue, ServiceHealth
    from desktop.store.cache import HEALTH, ISSUES, Cache

    cache = Cache()
    health = [ServiceHealth(f"s{i}", f"Service {i}", "serviceOperational") for i in range(30)]
    issues = [
        HealthIssue.from_json({"id": f"EX{i}", "title": "Slow " * 20, "status": "confirmed"})
        for i in range(10)
    ]
    writer = cache.writer("kill", every=1_000_000)  # one commit per flush()
    batch = 0
    while True:
        batch += 1
        for t in range(100):
            writer.record(HEALTH, f"tenant-{t}", items=health, when=float(batch))
            writer.record(ISSUES, f"tenant-{t}", items=issues, when=float(batch))
        writer.flush()
        print(batch, flush=True)
    """
)


def test_a_kill_mid_write_leaves_the_last_batch_whole():
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    assert child.stdout is not None
    try:
        for _ in range(25):  # it spends most of its time inside a write transaction
            committed = int(child.stdout.readline())
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert child.returncode != 0
    path = cache_dir() / "cache.sqlite3"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with Cache() as cache:
        assert cache.notice is None
        every = cache.health_all("kill")
    assert len(every) == 100
    batches = {fetched for _, _, fetched in every.values()}
    assert len(batches) == 1  # one batch, whole: never half of one and half of the next
    assert batches.pop() >= committed
    for health, issues, _ in every.values():
        assert (len(health), len(issues)) == (30, 10)


def test_records_with_every_optional_part(cache: Cache):
    request = ServiceRequest.from_json(
        {
            "id": "2611010040001234",
            "title": "Mail stuck",
            "severity": 1,
            "status": 3,
            "primaryContact": {"firstName": "Ana", "lastName": "Lima", "email": "ana@x"},
            "notes": [{"createdByName": "A", "createdDate": "2026-11-02T00:00:00Z", "text": "x"}],
            "emailCcList": ["b@x", "c@x"],
            "createdDate": "2026-11-01T10:00:00.1234567Z",
            "lastClosedDate": "0001-01-01T00:00:00",
        }
    )
    put(cache, SOURCE, REQUESTS, "t1", 1.0, items=[request])
    assert cache.requests(SOURCE, "t1") == ([request], 1.0)
    link = PortalLink("sharepoint", "SharePoint", "admin", None, error="unknown", note="n")
    put(cache, SOURCE, PORTALS, "t1", 1.0, items=[link])
    assert cache.portals(SOURCE, "t1") == [link]


def test_customer_rows_read_back_and_older_wire_shaped_lists_still_do(cache: Cache):
    import json

    from desktop.domain.customers import Customer

    people = [
        Customer(
            "3f2f1c2e-1111-4222-8333-444455556666",
            "Contoso 台灣",
            "contoso.onmicrosoft.com",
            "reseller",
        )
    ]
    put(cache, "s", CUSTOMERS, None, 1.0, items=people)
    assert cache.customers("s") == (people, 1.0)
    # A file written before rows were positional holds the wire shape; a tampered row of
    # the wrong shape is dropped, not fatal.
    older = json.dumps([people[0].to_json(), ["t-2", "Fabrikam"], [None, "x", "y", "z"]])
    db = sqlite3.connect(cache.path)  # as another program would
    db.execute("UPDATE entries SET items = ? WHERE source = 's'", (older,))
    db.commit()
    db.close()
    assert cache.customers("s") == (people, 1.0)


def test_a_damaged_page_is_found_after_start_up_and_the_file_rebuilt():
    """Opening skips the whole-file check (start-up speed); verify() runs it later."""
    path = cache_dir() / "cache.sqlite3"
    people = [Customer(f"t{n}", "A" * 200, "a.onmicrosoft.com", "reseller") for n in range(2000)]
    with Cache() as cache:
        for n in range(20):
            put(cache, f"{SOURCE}{n}", CUSTOMERS, None, 1.0, items=people)
    # Closed: its write-ahead log is checkpointed into the file.
    size = path.stat().st_size
    assert size > 200_000
    with path.open("r+b") as raw:  # scribble over pages in the middle, as a bad disk would
        raw.seek(size // 2)
        raw.write(b"\xff" * 20_000)
    with Cache() as cache:
        assert cache.notice is None  # not noticed yet: nothing read those pages
        notice = cache.verify()
        assert notice is not None
        assert "damaged" in notice.message
        assert notice.set_aside is not None
        assert notice.set_aside.exists()
        assert cache.customers(f"{SOURCE}0") == ([], None)  # a fresh, working cache
        put(cache, SOURCE, CUSTOMERS, None, 2.0, items=people[:1])
        assert cache.verify() is None
    with Cache() as cache:
        assert cache.customers(SOURCE) == (people[:1], 2.0)


def test_health_written_with_issues_keeps_its_summary_for_the_list(cache: Cache):
    from desktop.domain.health import HealthIssue, ServiceHealth

    health = [
        ServiceHealth("Exchange", "Exchange Online", "serviceDegradation"),
        ServiceHealth("Teams", "Microsoft Teams", "serviceOperational"),
    ]
    issues = [
        HealthIssue.from_json({"id": "EX1", "title": "Mail", "isResolved": False}),
        HealthIssue.from_json({"id": "EX2", "title": "Old", "isResolved": True}),
    ]
    put_health(cache, SOURCE, "t1", health, issues, 5.0)
    put(cache, SOURCE, HEALTH, "t2", 6.0, items=health)  # an export of health alone: no summary
    assert cache.summaries(SOURCE) == {"t1": ({"worst": 2, "degraded": 1, "incidents": 1}, 5.0)}
    assert cache.summaries("elsewhere") == {}
    # The list reads the summaries, not the records.
    from desktop.services.health_sweep import cached_summaries

    (summary,) = cached_summaries(cache, SOURCE).values()
    assert (summary.worst, summary.degraded, summary.incidents, summary.fetched) == (
        2,
        1,
        1,
        5.0,
    )
