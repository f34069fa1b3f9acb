"""The notices' own store: what was seen and given, per source, in one transaction at a time."""

from __future__ import annotations

import pytest

from desktop.store import Cache, Notice
from desktop.store.cache import CUSTOMERS

SOURCE = "sandbox:notices"
OTHER = "global:other-partner"


@pytest.fixture
def cache():
    c = Cache()
    yield c
    c.close()


def notice(issue: str, tenant: str = "t1") -> Notice:
    return Notice("new", issue, "Mail delayed", "Exchange Online", tenant, None, "degraded")


def test_a_ledger_keeps_what_was_seen_observed_and_given(cache: Cache):
    store = cache.notices(SOURCE)
    with store.transaction() as ledger:
        assert not ledger.observed("t1")
        assert ledger.seen("t1") == {}
        ledger.see("t1", "EX1", "investigating", "2026-11-01T10:00:00Z")
        ledger.observe("t1", 1.0)
        assert not ledger.given("EX1", "new", "degraded")
        ledger.give(notice("EX1"), 2.0)
    with store.transaction() as ledger:
        assert ledger.observed("t1")
        assert ledger.seen("t1") == {"EX1": "investigating"}
        assert ledger.given("EX1", "new", "degraded")
        ledger.see("t1", "EX1", "serviceRestored", None)  # a later status replaces the first
    with store.transaction() as ledger:
        assert ledger.seen("t1") == {"EX1": "serviceRestored"}
    assert store.recent() == [(2.0, notice("EX1"))]


def test_recent_is_newest_first_and_limited(cache: Cache):
    store = cache.notices(SOURCE)
    with store.transaction() as ledger:
        for n in range(5):
            ledger.give(notice(f"EX{n}"), float(n))
    assert [n.issue_id for _, n in store.recent()] == ["EX4", "EX3", "EX2", "EX1", "EX0"]
    assert [n.issue_id for _, n in store.recent(2)] == ["EX4", "EX3"]


def test_a_transaction_that_fails_leaves_nothing_behind(cache: Cache):
    store = cache.notices(SOURCE)

    def decide_then_fail() -> None:
        with store.transaction() as ledger:
            ledger.see("t1", "EX1", "investigating", None)
            ledger.observe("t1", 1.0)
            ledger.give(notice("EX1"), 1.0)
            raise RuntimeError("the decision failed half-way")

    with pytest.raises(RuntimeError):
        decide_then_fail()
    with store.transaction() as ledger:  # and the store is usable again
        assert not ledger.observed("t1")
        assert ledger.seen("t1") == {}
        ledger.observe("t1", 2.0)
    assert store.recent() == []
    with store.transaction() as ledger:
        assert ledger.observed("t1")


def test_sources_never_mix_and_forget_drops_a_sources_notices(cache: Cache):
    mine, theirs = cache.notices(SOURCE), cache.notices(OTHER)
    for store in (mine, theirs):
        with store.transaction() as ledger:
            ledger.see("t1", "EX1", "investigating", None)
            ledger.observe("t1", 1.0)
            ledger.give(notice("EX1"), 1.0)
    with cache.writer(OTHER) as writer:
        writer.record(CUSTOMERS, None, items=[], when=1.0)
    cache.forget(OTHER)
    assert theirs.recent() == []
    with theirs.transaction() as ledger:
        assert not ledger.observed("t1")
        assert ledger.seen("t1") == {}
    assert cache.customers(OTHER) == ([], None)
    assert len(mine.recent()) == 1
    with mine.transaction() as ledger:
        assert ledger.observed("t1")


def test_a_due_notice_names_its_tenants_in_one_column(cache: Cache):
    store = cache.notices(SOURCE)
    due = Notice("due", "MC1", "Retiring", "Teams", "t1,t2,t3", None, "2026-12-01", "message")
    with store.transaction() as ledger:
        ledger.give(due, 1.0)
    ((_, back),) = store.recent()
    assert back == due
    assert back.tenants == ("t1", "t2", "t3")


def test_notices_survive_a_reopened_cache(cache: Cache):
    with cache.notices(SOURCE).transaction() as ledger:
        ledger.give(notice("EX9"), 3.0)
    cache.close()
    with Cache() as again:
        assert again.notices(SOURCE).recent() == [(3.0, notice("EX9"))]
