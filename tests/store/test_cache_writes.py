"""The cache's one write API: every kind goes in through `CacheWriter.record` and comes back."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.auth import AuthError
from desktop.services.backend import ApiError, Backend
from desktop.store import Cache
from desktop.store.cache import (
    CONSENT,
    CUSTOMERS,
    HEALTH,
    ISSUES,
    MESSAGES,
    PORTALS,
    REQUESTS,
)
from desktop.store.cache_writes import RECORDED_KINDS

SOURCE = "sandbox:writes"


@pytest.fixture(scope="module")
def samples(sandbox) -> dict[str, tuple[str | None, list[Any]]]:
    """Per kind, (tenant, records) as the sandbox answers them over loopback."""
    backend = Backend.for_sandbox(sandbox.url)
    try:
        customers = backend.customers().items
        for customer in customers:
            try:
                health, issues = backend.health_and_issues(customer.tenant_id)
                messages = backend.messages(customer.tenant_id).items
            except (ApiError, AuthError):
                continue  # no GDAP access: 403
            if health.items and issues.items and messages:
                break
        else:
            pytest.fail("no customer with health, issues and messages")
        tenant = customer.tenant_id
        return {
            CUSTOMERS: (None, customers),
            HEALTH: (tenant, health.items),
            ISSUES: (tenant, issues.items),
            MESSAGES: (tenant, messages),
            REQUESTS: (None, backend.requests(None).items),
            PORTALS: (tenant, backend.portals(customer)),
            CONSENT: (tenant, [{"result": "refused", "why": "no_gdap", "reason": "AADSTS65001"}]),
        }
    finally:
        backend.close()


@pytest.fixture
def cache():
    c = Cache()
    yield c
    c.close()


def test_every_kind_is_sampled(samples):
    assert set(samples) == set(RECORDED_KINDS)
    assert all(items for _, items in samples.values())


@pytest.mark.parametrize("kind", RECORDED_KINDS)
def test_every_kind_round_trips_through_the_same_call(cache: Cache, samples, kind: str):
    tenant, items = samples[kind]
    with cache.writer(SOURCE) as writer:
        writer.record(kind, tenant, items=items, item_errors=["item 3: no id"], when=10.0)
    entry = cache.entry(SOURCE, kind, tenant)
    assert entry is not None
    assert (entry.items, entry.item_errors, entry.fetched) == (items, ["item 3: no id"], 10.0)
    assert not entry.failing

    # A failure of the whole fetch, through the same call: the records stay, marked stale.
    with cache.writer(SOURCE) as writer:
        writer.record(kind, tenant, failure="503 Service Unavailable", when=20.0)
    entry = cache.entry(SOURCE, kind, tenant)
    assert entry is not None
    assert (entry.items, entry.fetched) == (items, 10.0)
    assert (entry.failure, entry.failed) == ("503 Service Unavailable", 20.0)
    assert [(e.kind, e.message) for e in cache.errors(SOURCE)] == [
        (kind, "503 Service Unavailable")
    ]

    # The next success clears it.
    with cache.writer(SOURCE) as writer:
        writer.record(kind, tenant, items=items[:1], when=30.0)
    entry = cache.entry(SOURCE, kind, tenant)
    assert entry is not None
    assert (entry.items, entry.item_errors, entry.fetched) == (items[:1], [], 30.0)
    assert not entry.failing
    assert cache.errors(SOURCE) == []


def test_the_readers_see_what_record_wrote(cache: Cache, samples):
    with cache.writer(SOURCE) as writer:
        for kind, (tenant, items) in samples.items():
            writer.record(kind, tenant, items=items, when=5.0)
    tenant, health = samples[HEALTH]
    assert tenant is not None
    assert cache.customers(SOURCE) == (samples[CUSTOMERS][1], 5.0)
    assert cache.health(SOURCE, tenant) == (health, samples[ISSUES][1], 5.0)
    assert cache.requests(SOURCE, None) == (samples[REQUESTS][1], 5.0)
    assert cache.portals(SOURCE, tenant) == samples[PORTALS][1]
    assert cache.messages(SOURCE)[tenant].items == samples[MESSAGES][1]
    assert cache.consents(SOURCE) == {tenant: samples[CONSENT][1][0]}
    # Health and issues recorded through one writer leave the list's summary beside them.
    assert set(cache.summaries(SOURCE)) == {tenant}


def test_a_failure_between_health_and_issues_leaves_no_summary(cache: Cache, samples):
    tenant, health = samples[HEALTH]
    with cache.writer(SOURCE) as writer:
        writer.record(HEALTH, tenant, items=health)
        writer.record(HEALTH, tenant, failure="timed out")  # the half it had is forgotten
        writer.record(ISSUES, tenant, items=samples[ISSUES][1])
    assert cache.summaries(SOURCE) == {}


@pytest.mark.parametrize(
    ("kind", "record", "message"),
    [
        ("weather", {"items": []}, "unknown kind"),
        ("summary", {"items": [{}]}, "unknown kind"),  # derived, never recorded
        (HEALTH, {}, "not both nor neither"),
        (HEALTH, {"items": [], "failure": "x"}, "not both nor neither"),
    ],
)
def test_what_record_refuses(cache: Cache, kind: str, record: dict[str, Any], message: str):
    with cache.writer(SOURCE) as writer, pytest.raises(ValueError, match=message):
        writer.record(kind, "t1", **record)
    assert cache.errors(SOURCE) == []


def test_a_commit_that_fails_is_counted_and_never_raised(cache: Cache):
    """The cache is only a cache: a write the file refuses is dropped and said, never raised
    into the sweep or export that made it."""
    writer = cache.writer(SOURCE)
    writer.record(HEALTH, "t1", failure="offline")
    cache.close()  # the file is gone from under the writer
    writer.close()
    assert writer.dropped == 1
    assert writer.problem
