"""Message center records: the tolerant parser, the cache's round trip, the order planned
changes are listed in, and grouping one post across customers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.parsing import RecordError, parse_list
from desktop.domain.sent_once import SentOnce
from desktop.domain.service_messages import (
    MessageIndex,
    ServiceMessage,
    action_first_key,
    group_by_message,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)

# Microsoft's example, verbatim in its fields (learn.microsoft.com/graph/api/
# serviceannouncement-list-messages): PascalCase enums, "Html", viewPoint and expiry null.
EXAMPLE: dict[str, Any] = {
    "startDateTime": "2019-02-01T18:51:00Z",
    "endDateTime": "2019-06-01T08:00:00Z",
    "lastModifiedDateTime": "2021-01-08T01:10:06.843Z",
    "title": "(Updated) New feature: Changes to PowerPoint and Word to open files faster",
    "id": "MC172851",
    "category": "StayInformed",
    "severity": "Normal",
    "tags": ["Updated message"],
    "isMajorChange": True,
    "actionRequiredByDateTime": None,
    "services": ["SharePoint Online", "OneDrive for Business"],
    "expiryDateTime": None,
    "details": [
        {
            "name": "ExternalLink",
            "value": "https://support.office.com/article/office-document-cache-settings-"
            "4b497318-ae4f-4a99-be42-b242b2e8b692",
        }
    ],
    "body": {"contentType": "Html", "content": "Updated January 07, 2021: Based on learnings"},
    "viewPoint": None,
}


def message(mid: str, **fields: Any) -> ServiceMessage:
    return ServiceMessage.from_json({"id": mid, **fields})


def test_microsofts_example_parses() -> None:
    m = ServiceMessage.from_json(EXAMPLE)
    assert (m.id, m.category, m.severity) == ("MC172851", "stayInformed", "normal")
    assert m.services == ("SharePoint Online", "OneDrive for Business")
    assert m.tags == ("Updated message",)
    assert m.is_major_change
    assert m.action_required_by is None
    assert m.last_modified == datetime(2021, 1, 8, 1, 10, 6, 843000, tzinfo=timezone.utc)
    assert m.body_type == "html"
    assert m.body.startswith("Updated January 07")
    assert m.details[0][0] == "ExternalLink"
    assert not m.has_attachments  # not in the example: false, not an error


def test_pascal_case_keys_missing_fields_and_unknown_values() -> None:
    m = ServiceMessage.from_json(
        {
            "Id": "MC1",
            "Category": "RetireSoon",  # a category Microsoft adds later: shown as sent
            "Severity": "HIGH",
            "Services": ["Exchange Online", None, 5, ""],
            "IsMajorChange": "true",
            "ActionRequiredByDateTime": "2026-12-01T07:00:00.0000000Z",
            "Body": {"ContentType": "text", "Content": "line one\nline two"},
            "details": "not a list",
        }
    )
    assert (m.category, m.severity) == ("RetireSoon", "high")
    assert m.services == ("Exchange Online",)
    assert m.is_major_change
    assert m.action_required_by == datetime(2026, 12, 1, 7, tzinfo=timezone.utc)
    assert m.body_type == "text"
    assert m.details == ()
    bare = message("MC2")
    assert (bare.title, bare.category, bare.severity, bare.services) == ("", "", "", ())
    assert bare.last_modified is None
    assert not bare.is_major_change


def test_a_bad_item_is_an_item_error_not_the_lists() -> None:
    parsed = parse_list(
        [EXAMPLE, {"title": "no id"}, {"id": "MC3", "lastModifiedDateTime": "yesterday"}],
        ServiceMessage.from_json,
    )
    assert [m.id for m in parsed.items] == ["MC172851"]
    assert [e.index for e in parsed.errors] == [1, 2]
    with pytest.raises(RecordError):
        ServiceMessage.from_json({"id": "MC4", "startDateTime": 12})


def test_to_json_reads_back_equal() -> None:
    m = ServiceMessage.from_json({**EXAMPLE, "actionRequiredByDateTime": "2026-12-01T07:00:00Z"})
    assert ServiceMessage.from_json(m.to_json()) == m


def test_action_dates_first_soonest_first_then_newest() -> None:
    later = message("MC1", actionRequiredByDateTime="2026-12-20T07:00:00Z")
    sooner = message("MC2", actionRequiredByDateTime="2026-12-01T07:00:00Z")
    news_new = message("MC3", lastModifiedDateTime="2026-11-19T00:00:00Z")
    news_old = message("MC4", lastModifiedDateTime="2026-10-01T00:00:00Z")
    ordered = sorted([news_old, later, news_new, sooner], key=action_first_key)
    assert [m.id for m in ordered] == ["MC2", "MC1", "MC3", "MC4"]


def test_due_within() -> None:
    due = message("MC1", actionRequiredByDateTime=(NOW + timedelta(days=5)).isoformat())
    assert due.action_due_within(NOW, 7)
    assert not due.action_due_within(NOW, 3)
    passed = message("MC2", actionRequiredByDateTime=(NOW - timedelta(days=1)).isoformat())
    assert not passed.action_due_within(NOW, 30)
    assert not message("MC3").action_due_within(NOW, 365)


def test_one_post_across_customers_once_with_its_customers() -> None:
    old = message("MC1", title="Old", lastModifiedDateTime="2026-11-01T00:00:00Z")
    new = message("MC1", title="(Updated) New", lastModifiedDateTime="2026-11-10T00:00:00Z")
    other = message("MC2", actionRequiredByDateTime="2026-12-01T07:00:00Z")
    changes = group_by_message([("t1", [old]), ("t2", [new, other]), ("t3", [old])])
    assert [c.message.id for c in changes] == ["MC2", "MC1"]  # the action date first
    mc1 = changes[1]
    assert mc1.tenants == ("t1", "t2", "t3")
    assert mc1.message.title == "(Updated) New"  # the newest version, whoever sent it


def test_a_customer_read_again_replaces_what_it_held() -> None:
    index = MessageIndex()
    index.update("t1", [message("MC1"), message("MC2")])
    index.update("t2", [message("MC1")])
    index.update("t1", [message("MC3")])
    by_id = {c.message.id: c.tenants for c in index.changes()}
    assert by_id == {"MC1": ("t2",), "MC3": ("t1",)}  # MC2 was held by t1 alone: gone
    assert len(index) == 2
    assert "t1" in index
    assert "t9" not in index


# A sweep sends each copy of a post once (SentOnce, TenantMessages): the index it fills must be
# the one full lists would have filled, before and after a previous sweep's contents.
_IDS = st.sampled_from(["MC1", "MC2", "MC3", "MC4"])
_DAYS = st.sampled_from([None, "2026-11-01T00:00:00Z", "2026-11-05T00:00:00Z"])
_CENTER = st.lists(st.tuples(_IDS, _DAYS), max_size=4).map(
    lambda pairs: [
        message(mid, title=f"{mid} {day}", lastModifiedDateTime=day)
        for mid, day in dict(pairs).items()
    ]
)
_SWEEP = st.dictionaries(st.sampled_from(["t1", "t2", "t3", "t4", "t5"]), _CENTER)


def _shown(index: MessageIndex) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((c.message.id, c.message.title, c.tenants) for c in index.changes())


@given(before=_SWEEP, sweep=_SWEEP)
def test_a_compacted_sweep_fills_the_index_as_full_lists_do(before, sweep) -> None:
    full, compact = MessageIndex(), MessageIndex()
    for tenant, center in before.items():  # the last sweep's (or the cache's) contents
        full.update(tenant, center)
        compact.update(tenant, center)
    sent: SentOnce[ServiceMessage] = SentOnce()
    for tenant, center in sweep.items():  # each tenant once per sweep
        full.update(tenant, center)
        ids, fresh = sent.compact(center)
        assert ids == tuple(m.id for m in center)
        compact.update(tenant, fresh, ids=ids)
    assert _shown(compact) == _shown(full)
