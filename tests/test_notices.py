"""Notices: a new active issue or a status change, each once, never again after a restart."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from desktop.auth import AuthError
from desktop.domain.health import HealthIssue
from desktop.services.backend import ApiError, Backend
from desktop.services.notices import Notice, NoticeBook, NoticeRules, by_issue
from desktop.store import Cache

SOURCE = "sandbox:notices"


@pytest.fixture
def cache():
    c = Cache()
    yield c
    c.close()


@pytest.fixture(scope="module")
def tenants(sandbox) -> dict[str, list[HealthIssue]]:
    """Real issues of customers the sandbox lets us read, with at least one active and one not."""
    backend = Backend.for_sandbox(sandbox.url, concurrency=4)
    found: dict[str, list[HealthIssue]] = {}
    try:
        for customer in backend.customers().items:
            try:
                issues = backend.issues(customer.tenant_id).items
            except (ApiError, AuthError):
                continue  # no GDAP access
            if any(i.active for i in issues) and any(i.is_resolved for i in issues):
                found[customer.tenant_id] = issues
            if len(found) == 4:
                break
    finally:
        backend.close()
    assert len(found) == 4
    return found


def first_active(issues: list[HealthIssue]) -> HealthIssue:
    return next(i for i in issues if i.active)


def test_the_first_observation_is_silent_then_a_new_issue_is_noticed_once(cache, tenants):
    tenant, issues = next(iter(tenants.items()))
    new = first_active(issues)
    before = [i for i in issues if i.id != new.id]
    book = NoticeBook(cache, SOURCE)
    assert book.observe(tenant, before) == []  # no flood at first start
    assert book.observe(tenant, issues) == [
        Notice(
            "new",
            new.id,
            new.title,
            new.service,
            tenant,
            None,
            new.status,
            new.classification,
        )
    ]
    assert book.observe(tenant, issues) == []
    assert book.observe(tenant, before) == []  # gone from the list: nothing to say
    assert book.observe(tenant, issues) == []  # back again: not new


def test_a_status_change_is_noticed_once_also_across_restarts(cache, tenants):
    tenant, issues = next(iter(tenants.items()))
    book = NoticeBook(cache, SOURCE)
    book.observe(tenant, issues)
    issue = first_active(issues)
    restored = [
        replace(i, status="serviceRestored", is_resolved=True) if i.id == issue.id else i
        for i in issues
    ]
    notices = book.observe(tenant, restored)
    assert [(n.kind, n.issue_id, n.old_status, n.new_status) for n in notices] == [
        ("status", issue.id, issue.status, "serviceRestored")
    ]
    cache.close()
    reopened = Cache()
    try:
        again = NoticeBook(reopened, SOURCE)
        assert again.observe(tenant, restored) == []
        # A later change is news again, and the log has both.
        reviewed = [
            replace(i, status="postIncidentReviewPublished") if i.id == issue.id else i
            for i in restored
        ]
        assert [n.new_status for n in again.observe(tenant, reviewed)] == [
            "postIncidentReviewPublished"
        ]
        assert again.observe(tenant, reviewed) == []
        assert [n.new_status for _, n in again.recent()] == [
            "postIncidentReviewPublished",
            "serviceRestored",
        ]
    finally:
        reopened.close()


def test_new_issues_after_a_restart_are_noticed_exactly_once(cache, tenants):
    tenant, issues = next(iter(tenants.items()))
    new = first_active(issues)
    NoticeBook(cache, SOURCE).observe(tenant, [i for i in issues if i.id != new.id])
    cache.close()
    for expected in ([new.id], [], []):
        with Cache() as reopened:
            notices = NoticeBook(reopened, SOURCE).observe(tenant, issues)
        assert [n.issue_id for n in notices] == expected


def test_a_new_issue_that_is_already_resolved_is_not_news(cache, tenants):
    tenant, issues = next(iter(tenants.items()))
    resolved = next(i for i in issues if i.is_resolved)
    book = NoticeBook(cache, SOURCE)
    book.observe(tenant, [i for i in issues if i.id != resolved.id])
    assert book.observe(tenant, issues) == []


def test_a_tenant_first_seen_with_no_issues_notices_its_first_one(cache, tenants):
    tenant, issues = next(iter(tenants.items()))
    book = NoticeBook(cache, SOURCE)
    assert book.observe(tenant, []) == []
    notices = book.observe(tenant, issues)
    assert {n.issue_id for n in notices} == {i.id for i in issues if i.active}
    assert {n.kind for n in notices} == {"new"}


def test_notify_first_gives_every_active_issue_at_the_first_observation(cache, tenants):
    tenant, issues = next(iter(tenants.items()))
    book = NoticeBook(cache, SOURCE, notify_first=True)
    assert {n.issue_id for n in book.observe(tenant, issues)} == {i.id for i in issues if i.active}
    assert book.observe(tenant, issues) == []


def test_rules_filter_but_still_mark_seen(cache, tenants):
    tenant, issues = next(iter(tenants.items()))
    other = next(t for t in tenants if t != tenant)
    active = [i for i in issues if i.active]
    service = active[0].service
    rules = NoticeRules(services={service.upper()}, tenants={tenant.upper()})
    book = NoticeBook(cache, SOURCE, rules, notify_first=True)
    notices = book.observe(tenant, issues)
    assert notices
    assert {n.service for n in notices} == {service}
    assert book.observe(other, tenants[other]) == []  # not a tenant of the rules
    book.rules = NoticeRules()  # widening the rules later does not bring old news back
    assert book.observe(tenant, issues) == []
    assert book.observe(other, tenants[other]) == []


def test_sources_and_tenants_are_apart(cache, tenants):
    (a, issues), (b, _) = list(tenants.items())[:2]
    new = first_active(issues)
    before = [i for i in issues if i.id != new.id]
    one, two = NoticeBook(cache, SOURCE), NoticeBook(cache, "global:other-partner")
    one.observe(a, before)
    two.observe(a, before)
    one.observe(b, [])
    assert [n.issue_id for n in one.observe(a, issues)] == [new.id]
    assert [n.issue_id for n in two.observe(a, issues)] == [new.id]
    # The same Microsoft issue reaching another customer is news for that customer.
    assert [(n.issue_id, n.tenant_id) for n in one.observe(b, [new])] == [(new.id, b)]


def test_observe_many_and_grouping_by_issue(cache, tenants):
    book = NoticeBook(cache, SOURCE)
    shared = replace(first_active(next(iter(tenants.values()))), id="XX000001", title="Shared")
    assert book.observe_many(tenants.items()) == []
    notices = book.observe_many((t, [*issues, shared]) for t, issues in tenants.items())
    assert len(notices) == len(tenants)
    groups = by_issue(notices)
    assert list(groups) == [("XX000001", "new", None, shared.status)]
    assert {n.tenant_id for n in groups[next(iter(groups))]} == set(tenants)


def test_overlapping_sweeps_notice_once(cache, tenants):
    """Two threads observing the same news at once: one of them gives the notice."""
    tenant, issues = next(iter(tenants.items()))
    new = first_active(issues)
    book = NoticeBook(cache, SOURCE)
    book.observe(tenant, [i for i in issues if i.id != new.id])
    given: list[Notice] = []
    lock = threading.Lock()

    def sweep() -> None:
        found = book.observe(tenant, issues)
        with lock:
            given.extend(found)

    threads = [threading.Thread(target=sweep) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [n.issue_id for n in given] == [new.id]
