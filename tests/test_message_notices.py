"""Notices for major changes due soon: one per message naming its customers, once per action
date, within the chosen days and the notice rules; and their tray text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from desktop.domain.service_messages import MessageIndex, PlannedChange, ServiceMessage
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.notices import DUE, NoticeBook, NoticeRules
from desktop.store import Cache
from desktop.ui.notices import group_message, notice_line

SOURCE = "sandbox:messages"


@pytest.fixture
def cache() -> Iterator[Cache]:
    c = Cache()
    yield c
    c.close()


@pytest.fixture(scope="module")
def swept(sandbox: Sandbox) -> tuple[datetime, list[PlannedChange]]:
    """Every GDAP customer's message center, read through the real client."""
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=4)
    index = MessageIndex()
    try:
        for customer in sandbox.data.customers:
            if customer.has_gdap:
                index.update(customer.tenant_id, backend.messages(customer.tenant_id).items)
    finally:
        backend.close()
    return sandbox.data.now, index.changes()


def due(changes: list[PlannedChange], now: datetime, days: int) -> list[PlannedChange]:
    return [
        c for c in changes if c.message.is_major_change and c.message.action_due_within(now, days)
    ]


def test_one_notice_per_message_naming_every_customer(cache: Cache, swept) -> None:
    now, changes = swept
    book = NoticeBook(cache, SOURCE)
    given = book.observe_messages(changes, now, 14)
    expected = due(changes, now, 14)
    assert expected, "the sandbox has major changes due within two weeks"
    assert [n.issue_id for n in given] == [c.message.id for c in expected]
    for notice, change in zip(given, expected, strict=True):
        assert notice.kind == DUE
        assert notice.tenants == change.tenants  # one notice, every customer
        assert len(notice.tenants) > 1
    # Once: the next sweep, or a restart, gives none for the same action dates.
    assert book.observe_messages(changes, now, 14) == []
    assert NoticeBook(cache, SOURCE).observe_messages(changes, now, 14) == []
    recent = NoticeBook(cache, SOURCE).recent()
    assert {n.issue_id for _, n in recent} == {c.message.id for c in expected}
    assert all(n.tenants for _, n in recent)


def test_days_zero_means_none_and_a_wider_window_adds_later_ones(cache: Cache, swept) -> None:
    now, changes = swept
    book = NoticeBook(cache, SOURCE)
    assert book.observe_messages(changes, now, 0) == []
    near = book.observe_messages(changes, now, 7)
    wider = book.observe_messages(changes, now, 60)
    assert {n.issue_id for n in near} == {c.message.id for c in due(changes, now, 7)}
    assert {n.issue_id for n in wider} == {c.message.id for c in due(changes, now, 60)} - {
        n.issue_id for n in near
    }
    # Neither names a change that is not major, or one whose date has passed.
    named = {n.issue_id for n in near + wider}
    assert all(
        c.message.is_major_change and c.message.action_required_by > now  # type: ignore[operator]
        for c in changes
        if c.message.id in named
    )


def test_a_moved_action_date_is_news_again(cache: Cache, swept) -> None:
    now, changes = swept
    book = NoticeBook(cache, SOURCE)
    first = due(changes, now, 14)[0]
    assert len(book.observe_messages([first], now, 14)) == 1
    moved = ServiceMessage.from_json(
        {
            **first.message.to_json(),
            "actionRequiredByDateTime": (
                first.message.action_required_by + timedelta(days=3)  # type: ignore[operator]
            ).isoformat(),
        }
    )
    again = book.observe_messages([PlannedChange(moved, first.tenants)], now, 14)
    assert [n.issue_id for n in again] == [first.message.id]


def test_rules_narrow_the_customers_named(cache: Cache, swept) -> None:
    now, changes = swept
    first = due(changes, now, 14)[0]
    chosen = set(first.tenants[:2])
    book = NoticeBook(cache, SOURCE, NoticeRules(tenants=chosen))
    (notice,) = [
        n for n in book.observe_messages(changes, now, 14) if n.issue_id == first.message.id
    ]
    assert set(notice.tenants) == chosen
    nobody = NoticeBook(cache, "other-source", NoticeRules(tenants=set()))
    assert nobody.observe_messages(changes, now, 14) == []
    other_service = NoticeBook(cache, "third", NoticeRules(services={"No such service"}))
    assert other_service.observe_messages(changes, now, 14) == []


def test_tray_text_is_one_message_with_its_customers(cache: Cache, swept) -> None:
    now, changes = swept
    (notice, *_rest) = NoticeBook(cache, SOURCE).observe_messages(changes, now, 14)
    names = {t: f"Customer {i}" for i, t in enumerate(notice.tenants)}
    title, body = group_message([notice], names.__getitem__)
    assert notice.issue_id in title
    assert notice.title in title
    # (No catalogue is loaded in tests: the plural reads "customer(s)".)
    assert body.startswith(f"Touches {len(notice.tenants)} customer")
    assert body.endswith(": Customer 0, Customer 1, Customer 2…")
    line = notice_line(notice, names[notice.tenants[0]])
    assert line.startswith(f"{len(notice.tenants)} customer")
    assert f" — {notice.issue_id}: {notice.title} (" in line
    assert "action by" in line


def test_the_notice_time_is_utc_aware() -> None:
    message = ServiceMessage.from_json(
        {"id": "MC1", "isMajorChange": True, "actionRequiredByDateTime": "2026-12-01T07:00:00Z"}
    )
    now = datetime(2026, 11, 25, tzinfo=timezone.utc)
    assert message.action_due_within(now, 7)


def test_the_setting_defaults_to_two_weeks_and_is_validated() -> None:
    from desktop.config.settings import Settings, from_json

    assert Settings().notify_major_days == 14
    assert from_json({"notify_major_days": 0}).notify_major_days == 0
    for bad in (-1, 366, True, "7"):
        loaded = from_json({"notify_major_days": bad})
        assert loaded.notify_major_days == 14
        assert any("notify_major_days" in p for p in loaded.problems)
