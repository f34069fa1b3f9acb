"""The one health sweep (services/health_sweep.py) against the sandbox: cache write-through,
the one derivation, notices; and the CLI export runs it, as the GUI's board does."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.customer_health import summarise
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services import export, health_sweep
from desktop.services.backend import Backend
from desktop.services.health_sweep import Checked, cached_summaries, sweep_health
from desktop.services.notices import NoticeBook
from desktop.store.cache import HEALTH, ISSUES, Cache

SOURCE = "sandbox:test"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    store = Cache(tmp_path / "cache.sqlite3")
    yield store
    store.close()


@pytest.fixture
def customers(sandbox: Sandbox, backend: Backend) -> list[Customer]:
    return backend.customers().items[:12]


def keep(_customer: Customer, checked: Checked) -> Checked:
    return checked


def test_a_sweep_writes_through_derives_once_and_gives_notices(
    sandbox: Sandbox, backend: Backend, customers: list[Customer], cache: Cache
):
    book = NoticeBook(cache, SOURCE, notify_first=True)
    seen: set[str] = set()
    with cache.writer(SOURCE) as writer:
        outcomes = list(sweep_health(backend, customers, keep, writer=writer, book=book, seen=seen))
    assert sorted(o.index for o in outcomes) == list(range(len(customers)))
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    answered = [o for o in outcomes if o.value is not None]
    assert answered
    assert all(o.customer.tenant_id not in blocked for o in answered)
    assert {o.customer.tenant_id for o in outcomes if o.error is not None} <= blocked
    kept = cached_summaries(cache, SOURCE)
    health = cache.entries(SOURCE, HEALTH)
    issues = cache.entries(SOURCE, ISSUES)
    for outcome in answered:
        checked, tenant = outcome.value, outcome.customer.tenant_id
        assert checked is not None
        assert all(i.active for i in checked.active)
        # The summary is the one derivation of what the cache now holds for the tenant.
        derived = summarise(health[tenant].items or [], issues[tenant].items or [])
        assert (checked.summary.worst, checked.summary.degraded) == (
            derived.worst,
            derived.degraded,
        )
        assert kept[tenant].figures() == checked.summary.figures()
        assert seen >= {h.service for h in checked.health}
    # Notices name the customer whose issue gave them; a second sweep gives none again.
    for outcome in answered:
        assert outcome.value is not None
        assert {n.tenant_id for n in outcome.value.notices} <= {outcome.customer.tenant_id}
    assert any(o.value is not None and o.value.notices for o in answered)
    again = list(sweep_health(backend, customers, keep, book=book))
    assert not [n for o in again if o.value is not None for n in o.value.notices]
    for tenant in blocked & {c.tenant_id for c in customers}:
        assert health[tenant].failing  # why it failed is kept too


def test_a_cancelled_sweep_commits_what_it_learned_and_keeps_no_cancel(
    backend: Backend, customers: list[Customer], cache: Cache
):
    cancel = threading.Event()
    writer = cache.writer(SOURCE)
    outcomes = sweep_health(backend, customers, keep, writer=writer, cancel=cancel, concurrency=1)
    first = next(outcomes)
    cancel.set()
    rest = list(outcomes)  # the sweep ends; its last batch is committed on its way out
    learned = {o.customer.tenant_id for o in [first, *rest]}
    kept = cache.entries(SOURCE, HEALTH)
    assert learned <= set(kept)
    assert all("Cancel" not in (e.failure or "") for e in kept.values())
    assert len(learned) < len(customers)


def test_the_cli_export_runs_the_sweep_the_board_runs(
    backend: Backend, customers: list[Customer], cache: Cache, monkeypatch
):
    checks: list[str] = []
    real = health_sweep.check_health

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        check = real(*args, **kwargs)

        def spy(customer: Customer, cid: str, cancel: threading.Event) -> Checked:
            checks.append(customer.tenant_id)
            return check(customer, cid, cancel)

        return spy

    monkeypatch.setattr(health_sweep, "check_health", counted)
    with cache.writer(SOURCE) as writer:
        rows, failed = export.collect(backend, "health", customers, cache=writer)
    assert sorted(checks) == sorted(c.tenant_id for c in customers)
    assert rows
    assert failed == len({r["tenantId"] for r in rows if r.get("error")})
    # What the export kept is what the list shows at start: its summaries, not only records.
    assert set(cached_summaries(cache, SOURCE)) >= {
        r["tenantId"] for r in rows if not r.get("error")
    }


def test_the_export_asks_for_services_only_and_keeps_the_cached_issues(
    sandbox: Sandbox, backend: Backend, customers: list[Customer], cache: Cache
):
    """Its rows are the services': the call asks for no issues (parsing every post only to drop
    it slowed the export's sweep by a fifth), and the issues a GUI sweep cached stay."""
    with cache.writer(SOURCE) as writer:
        list(sweep_health(backend, customers, keep, writer=writer))

    def cached_issues() -> dict[str, list[str]]:
        return {
            tenant: sorted(i.id for i in entry.items or [])
            for tenant, entry in cache.entries(SOURCE, ISSUES).items()
        }

    before = cached_issues()
    assert any(before.values())
    sandbox.reset_stats()
    with cache.writer(SOURCE) as writer:
        rows, _failed = export.collect(backend, "health", customers, cache=writer)
    assert rows
    calls = [e["path"] for e in sandbox.request_log() if "/healthOverviews" in e["path"]]
    assert calls
    assert not [p for p in calls if "expand" in p.lower()]
    assert cached_issues() == before
