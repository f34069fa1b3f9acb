"""The message center route: shapes of Microsoft's example, per-tenant subsets of one shared
pool, paging, filters, one message, and the ServiceMessage.Read.All permission."""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta
from typing import Any

import requests

from desktop.sandbox import Sandbox
from desktop.sandbox.consent import OLD_SCOPES
from desktop.sandbox.timefmt import parse_iso

from .conftest import NOW
from .helpers import HEALTH, graph

MESSAGES = "/graph/v1.0/admin/serviceAnnouncement/messages"
# The keys of Microsoft's example (serviceannouncement-list-messages) plus hasAttachments.
KEYS = {
    "startDateTime",
    "endDateTime",
    "lastModifiedDateTime",
    "title",
    "id",
    "category",
    "severity",
    "tags",
    "isMajorChange",
    "actionRequiredByDateTime",
    "services",
    "expiryDateTime",
    "details",
    "body",
    "viewPoint",
    "hasAttachments",
}


def gdap_tenants(sb: Sandbox) -> list[str]:
    return [c.tenant_id for c in sb.data.customers if c.has_gdap]


def every_page(http: requests.Session, url: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    pages = []
    while url:
        resp = http.get(url, headers=headers)
        assert resp.status_code == 200, resp.text
        pages.append(resp.json())
        url = resp.json().get("@odata.nextLink", "")
    return pages


def test_messages_have_the_example_shape(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    body = http.get(sb.url + MESSAGES, headers=graph(sb, tid)).json()
    assert body["@odata.context"].endswith("#admin/serviceAnnouncement/messages")
    assert body["value"], "every tenant has some message center posts"
    for message in body["value"]:
        assert set(message) == KEYS
        assert message["id"].startswith("MC")
        assert message["id"][2:].isdigit()
        # PascalCase on the wire, as in Microsoft's example ("StayInformed", "Normal").
        assert message["category"] in ("PreventOrFixIssue", "PlanForChange", "StayInformed")
        assert message["severity"] in ("Normal", "High", "Critical")
        assert message["body"]["contentType"] == "Html"
        assert "<p>" in message["body"]["content"]
        assert message["viewPoint"] is None
        assert message["details"][0]["name"] == "ExternalLink"
        assert all(isinstance(s, str) for s in message["services"])
        # Each link once: the body's "Learn more" page is never its details' link again.
        links = re.findall(r'href="([^"]+)"', message["body"]["content"])
        links += [d["value"] for d in message["details"] if d["name"] == "ExternalLink"]
        assert len(links) == len(set(links)), links


def test_same_message_in_many_tenants_and_tenants_differ(sb: Sandbox) -> None:
    tenants = gdap_tenants(sb)
    per_tenant = [[m.id for m in sb.data.messages_of(t)] for t in tenants]
    counts = Counter(mid for ids in per_tenant for mid in ids)
    assert max(counts.values()) >= len(tenants) // 2  # widely posted messages
    assert len({tuple(ids) for ids in per_tenant}) > 1  # and not everyone sees the same
    # A tenant sees only messages about services it has.
    for tid in tenants[:10]:
        have = {o["service"] for o in sb.data.health_overviews(tid)}
        for message in sb.data.messages_of(tid):
            assert have & set(message.graph["services"])  # type: ignore[arg-type]


def test_major_changes_with_action_dates_near_now_and_messages_without(sb: Sandbox) -> None:
    pool = sb.data.message_pool
    dated = [m for m in pool if m.action_by is not None]
    assert any(m.template.major for m in dated)
    assert any(m.action_by is None for m in pool)
    soon = [m for m in dated if m.action_by and NOW < m.action_by <= NOW + timedelta(days=14)]
    assert soon
    assert any(m.template.major for m in soon)
    assert any(m.action_by and m.action_by < NOW for m in dated)  # one already due


def test_paging_with_maxpagesize_and_top(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    expected = [m.id for m in sb.data.messages_of(tid)]
    headers = graph(sb, tid, Prefer="odata.maxpagesize=3")
    pages = every_page(http, sb.url + MESSAGES, headers)
    assert len(pages) == -(-len(expected) // 3)
    assert [m["id"] for p in pages for m in p["value"]] == expected
    assert pages[0]["@odata.nextLink"].startswith(sb.url + MESSAGES + "?")
    top = http.get(sb.url + MESSAGES + "?$top=2", headers=graph(sb, tid)).json()
    assert [m["id"] for m in top["value"]] == expected[:2]
    bad = http.get(sb.url + MESSAGES + "?$top=0", headers=graph(sb, tid))
    assert bad.status_code == 400


def test_filters(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    major = http.get(
        sb.url + MESSAGES, params={"$filter": "isMajorChange eq true"}, headers=graph(sb, tid)
    ).json()["value"]
    assert major
    assert all(m["isMajorChange"] for m in major)
    plan = http.get(
        sb.url + MESSAGES,
        params={"$filter": "category eq 'planForChange'"},  # documented camelCase matches
        headers=graph(sb, tid),
    ).json()["value"]
    assert plan
    assert all(m["category"] == "PlanForChange" for m in plan)
    since = (NOW - timedelta(days=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
    recent = http.get(
        sb.url + MESSAGES,
        params={"$filter": f"lastModifiedDateTime ge {since}"},
        headers=graph(sb, tid),
    ).json()["value"]
    stamps = [parse_iso(m["lastModifiedDateTime"]) for m in recent]
    assert all(s is not None and s >= NOW - timedelta(days=10) for s in stamps)
    refused = http.get(
        sb.url + MESSAGES, params={"$filter": "details eq 'x'"}, headers=graph(sb, tid)
    )
    assert refused.status_code == 400


def test_one_message(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    wanted = sb.data.messages_of(tid)[0]
    body = http.get(f"{sb.url}{MESSAGES}/{wanted.id}", headers=graph(sb, tid)).json()
    assert body["@odata.context"].endswith("messages/$entity")
    assert body["id"] == wanted.id
    assert set(body) - {"@odata.context"} == KEYS
    # A message not posted to this tenant is "an error" for it (serviceupdatemessage-get).
    other = next(
        m for m in sb.data.message_pool if m.id not in {x.id for x in sb.data.messages_of(tid)}
    )
    missing = http.get(f"{sb.url}{MESSAGES}/{other.id}", headers=graph(sb, tid))
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "NotFound"


def test_messages_need_service_message_read_all(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    old = graph(sb, tid, scopes=OLD_SCOPES)
    refused = http.get(sb.url + MESSAGES, headers=old)
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert "ServiceMessage.Read.All" in error["message"]
    # The same token still reads service health: only the message center needs the new scope.
    assert http.get(sb.url + HEALTH, headers=old).status_code == 200


def test_some_consented_customers_hold_the_old_grant() -> None:
    with Sandbox(customers=80, seed=7, now=NOW, consented="some") as sb:
        consented = sb.customers_in_consent_state("consented")
        outdated = [c for c in consented if sb.consent_outdated(c.tenant_id)]
        assert outdated
        assert len(outdated) < len(consented)
    with Sandbox(customers=20, seed=7, now=NOW, consented="all") as sb:
        assert not any(sb.consent_outdated(c.tenant_id) for c in sb.data.customers)
