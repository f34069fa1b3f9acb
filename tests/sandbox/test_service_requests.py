"""Service requests over real HTTP: lists, get, notes, create, validation, lost answers.

Whose a ticket is decides its path (API.md section 2): a customer's only under the customer,
the partner's own only on the partner path; create files partner tickets."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from desktop.sandbox import Sandbox

from .conftest import NOW
from .helpers import PARTNER, client, pc

TOPIC = 32444667  # "Partner Center Issues", Microsoft's published support-topic example


def create_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "Title": "Mail from external senders delayed",
        "Description": "Since 09:00 inbound mail is delayed by two hours.",
        "Severity": "moderate",
        "SupportTopicId": str(TOPIC),
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


def follow(sb: Sandbox, http: requests.Session, first: str) -> tuple[list[Any], list[Any]]:
    items, pages, url = [], [], sb.url + "/v1" + first
    while url:
        body = http.get(url, headers=pc(sb)).json()
        pages.append(body)
        items += body["items"]
        nxt = body["links"].get("next")
        url = sb.url + "/v1" + nxt["uri"] if nxt else ""
    return items, pages


def gdap_customers(sb: Sandbox, count: int = 6) -> list[Any]:
    return [c for c in sb.data.by_index if c.has_gdap][:count]


def test_customer_list_matches_the_dataset(sb: Sandbox, http: requests.Session) -> None:
    for customer in gdap_customers(sb):
        url = f"/customers/{customer.tenant_id}/servicerequests?offset=0&size=2"
        items, pages = follow(sb, http, url)
        assert items == sb.data.service_requests(customer.tenant_id)
        assert pages[0]["totalCount"] == len(items)
        assert pages[0]["attributes"] == {"objectType": "Collection"}
        assert {i["organization"]["id"] for i in items} <= {customer.tenant_id}


def test_a_customer_without_gdap_is_refused(sb: Sandbox, http: requests.Session) -> None:
    stranger = next(c for c in sb.data.customers if not c.has_gdap)
    tid = stranger.tenant_id
    listed = http.get(sb.url + f"/v1/customers/{tid}/servicerequests", headers=pc(sb))
    assert listed.status_code == 403
    assert "GDAP" in listed.json()["description"]
    one = http.get(sb.url + f"/v1/customers/{tid}/servicerequests/1", headers=pc(sb))
    assert one.status_code == 403
    unknown = "00000000-0000-0000-0000-000000000000"
    missing = http.get(sb.url + f"/v1/customers/{unknown}/servicerequests", headers=pc(sb))
    assert missing.status_code == 404


def test_the_partner_list_is_the_partners_own_tickets(sb: Sandbox, http: requests.Session) -> None:
    items, pages = follow(sb, http, "/servicerequests?size=2")
    own = sb.data.service_requests(PARTNER)
    assert items == own
    assert len(items) >= 3
    assert pages[0]["totalCount"] == len(items)
    assert {i["organization"]["id"] for i in items} == {PARTNER}
    assert pages[0]["links"]["next"]["uri"] == "/servicerequests?offset=2&size=2"
    created = [i["createdDate"] for i in items]
    assert created == sorted(created, reverse=True)
    assert items[0]["status"] == "open"
    partner_topics = {str(t["id"]) for t in sb.data.support_topics()}
    assert {str(i["supportTopicId"]) for i in items} <= partner_topics
    tids = [c.tenant_id for c in sb.data.customers]
    customer_ids = {r["id"] for t in tids for r in sb.data.service_requests(t)}
    assert not customer_ids & {i["id"] for i in items}


def test_request_list_filter(sb: Sandbox, http: requests.Session) -> None:
    url = '/servicerequests?filter={"Field":"Status","Value":"open","Operator":"equals"}'
    items, _ = follow(sb, http, url)
    assert items
    assert all(i["status"] in ("open", 1) for i in items)
    bad = http.get(sb.url + "/v1/servicerequests?filter={oops", headers=pc(sb))
    assert bad.status_code == 400
    customer = sb.data.by_index[0]
    base = f"/customers/{customer.tenant_id}/servicerequests"
    closed, _ = follow(sb, http, base + '?filter={"Field":"Status","Value":"closed"}')
    expected = [
        r for r in sb.data.service_requests(customer.tenant_id) if r["status"] in ("closed", 2)
    ]
    assert closed == expected


def test_fields_and_every_status_and_severity(sb: Sandbox) -> None:
    requests_ = [r for c in sb.data.customers for r in sb.data.service_requests(c.tenant_id)]
    words = {r["status"] for r in requests_ if isinstance(r["status"], str)}
    assert words == {"open", "closed", "attention_needed", "none"}
    severities = {r["severity"] for r in requests_ if isinstance(r["severity"], str)}
    assert severities == {"unknown", "critical", "moderate", "minimal"}
    numeric = sb.data.service_requests(sb.data.by_index[1].tenant_id)
    assert any(isinstance(r["status"], int) and isinstance(r["severity"], int) for r in numeric)
    for r in requests_:
        assert r["id"].isdigit()
        assert len(r["id"]) <= 16
        # A string as in Microsoft's published answer; the number in the older (numeric) forms.
        legacy = isinstance(r["status"], int)
        assert isinstance(r["supportTopicId"], int if legacy else str)
        assert set(r["primaryContact"]) == {
            "contactId", "firstName", "lastName", "email", "phoneNumber",
        }  # fmt: skip
        closed = r["status"] in ("closed", 2)
        assert (r["lastClosedDate"] != "0001-01-01T00:00:00") == closed


def test_a_customers_ticket_is_read_under_the_customer_only(
    sb: Sandbox, http: requests.Session
) -> None:
    customer = sb.data.by_index[0]
    one = sb.data.service_requests(customer.tenant_id)[0]
    under = sb.url + f"/v1/customers/{customer.tenant_id}/servicerequests/{one['id']}"
    assert http.get(under, headers=pc(sb)).json() == one
    partner_path = http.get(sb.url + f"/v1/servicerequests/{one['id']}", headers=pc(sb))
    assert partner_path.status_code == 404
    other = next(c for c in gdap_customers(sb) if c.tenant_id != customer.tenant_id)
    wrong = sb.url + f"/v1/customers/{other.tenant_id}/servicerequests/{one['id']}"
    assert http.get(wrong, headers=pc(sb)).status_code == 404
    for bad in ("1234567890123456", "9" * 16, "abc"):
        assert http.get(sb.url + f"/v1/servicerequests/{bad}", headers=pc(sb)).status_code == 404


def test_the_partners_own_ticket_is_read_on_the_partner_path(
    sb: Sandbox, http: requests.Session
) -> None:
    own = sb.data.service_requests(PARTNER)[0]
    assert http.get(sb.url + f"/v1/servicerequests/{own['id']}", headers=pc(sb)).json() == own
    customer = sb.data.by_index[0]
    under = sb.url + f"/v1/customers/{customer.tenant_id}/servicerequests/{own['id']}"
    assert http.get(under, headers=pc(sb)).status_code == 404


def test_patch_adds_a_note_under_the_customer(sb: Sandbox, http: requests.Session) -> None:
    customer = sb.data.by_index[2]
    one = sb.data.service_requests(customer.tenant_id)[0]
    url = sb.url + f"/v1/customers/{customer.tenant_id}/servicerequests/{one['id']}"
    partner_path = sb.url + f"/v1/servicerequests/{one['id']}"
    refused = http.patch(partner_path, json={"NewNote": {"Text": "Wrong path."}}, headers=pc(sb))
    assert refused.status_code == 404
    resp = http.patch(url, json={"NewNote": {"Text": "Customer sent logs."}}, headers=pc(sb))
    assert resp.status_code == 200
    body = resp.json()
    assert len(body["notes"]) == len(one["notes"]) + 1
    note = body["notes"][-1]
    assert note["text"] == "Customer sent logs."
    assert note["createdByName"]
    assert body["lastModifiedDate"] > one["lastModifiedDate"]
    assert body["lastModifiedDate"].startswith(NOW.strftime("%Y-%m-%dT"))
    assert http.get(url, headers=pc(sb)).json() == body
    for bad in ({"NewNote": {"Text": "  "}}, {"NewNote": {}}, {}, {"NewNote": {"Text": 5}}):
        assert http.patch(url, json=bad, headers=pc(sb)).status_code == 400
    missing = sb.url + f"/v1/customers/{customer.tenant_id}/servicerequests/1234567890123456"
    assert http.patch(missing, json={"NewNote": {"Text": "x"}}, headers=pc(sb)).status_code == 404


def test_patch_adds_a_note_to_the_partners_own(sb: Sandbox, http: requests.Session) -> None:
    own = sb.data.service_requests(PARTNER)[0]
    url = sb.url + f"/v1/servicerequests/{own['id']}"
    resp = http.patch(url, json={"NewNote": {"Text": "Still failing."}}, headers=pc(sb))
    assert resp.status_code == 200
    assert resp.json()["notes"][-1]["text"] == "Still failing."


def test_create_files_a_partner_ticket(sb: Sandbox, http: requests.Session) -> None:
    customer = sb.data.by_index[4]
    body = create_body(
        # Whatever the body names, the create API files the partner's own ticket.
        Organization={"Id": customer.tenant_id, "Name": customer.company_name},
        PrimaryContact={"FirstName": "Ann", "LastName": "Lee", "Email": "ann@example.com"},
        EmailCcList=["ops@example.com"],
    )
    before = sb.data.service_requests(customer.tenant_id)
    resp = http.post(sb.url + "/v1/servicerequests/en-US", json=body, headers=pc(sb))
    assert resp.status_code == 201
    made = resp.json()
    assert made["status"] == "open"
    assert made["severity"] == "moderate"
    assert made["id"].isdigit()
    assert len(made["id"]) <= 16
    assert made["organization"]["id"] == PARTNER
    assert made["primaryContact"]["firstName"] == "Ann"
    assert made["emailCcList"] == ["ops@example.com"]
    assert made["supportTopicId"] == str(TOPIC)
    assert made["supportTopicName"] == "Partner Center Issues"
    assert made["lastClosedDate"] == "0001-01-01T00:00:00"
    assert sb.data.service_requests(customer.tenant_id) == before
    assert sb.data.service_requests(PARTNER)[0] == made
    assert http.get(sb.url + f"/v1/servicerequests/{made['id']}", headers=pc(sb)).json() == made
    own = http.post(sb.url + "/v1/servicerequests/de-DE", json=create_body(), headers=pc(sb))
    assert own.status_code == 201
    assert own.json()["organization"]["id"] == PARTNER


def test_creates_are_not_deduplicated(sb: Sandbox, http: requests.Session) -> None:
    before = sb.stats()["creates"]
    headers = pc(sb, **{"MS-RequestId": "same-request"})
    first = http.post(sb.url + "/v1/servicerequests/en-US", json=create_body(), headers=headers)
    second = http.post(sb.url + "/v1/servicerequests/en-US", json=create_body(), headers=headers)
    assert first.json()["id"] != second.json()["id"]
    assert sb.stats()["creates"] == before + 2


@pytest.mark.parametrize(
    "body",
    [
        create_body(Title=None),
        create_body(Title=""),
        create_body(Title="x" * 256),
        create_body(Severity="urgent"),
        create_body(Severity=None),
        create_body(SupportTopicId=1),
        create_body(SupportTopicId=None),
        create_body(SupportTopicId="32444671"),  # a customer product topic, not a partner one
        create_body(SupportTopicId=True),
    ],
)
def test_create_validation(sb: Sandbox, http: requests.Session, body: dict[str, Any]) -> None:
    resp = http.post(sb.url + "/v1/servicerequests/en-US", json=body, headers=pc(sb))
    assert resp.status_code == 400
    assert resp.json()["source"] == "PartnerFD"


def test_create_accepts_255_characters_and_numeric_severity(
    sb: Sandbox, http: requests.Session
) -> None:
    body = create_body(Title="x" * 255, Severity=1, SupportTopicId=TOPIC)  # a number: accepted
    resp = http.post(sb.url + "/v1/servicerequests/en-US", json=body, headers=pc(sb))
    assert resp.status_code == 201
    assert resp.json()["severity"] == "critical"
    not_json = http.post(sb.url + "/v1/servicerequests/en-US", data=b"{", headers=pc(sb))
    assert not_json.status_code == 400


def test_support_topics_are_partner_support_topics(sb: Sandbox, http: requests.Session) -> None:
    body = http.get(sb.url + "/v1/servicerequests/supporttopics", headers=pc(sb)).json()
    assert body["totalCount"] == len(body["items"]) >= 5
    first = body["items"][0]
    assert first == {
        "id": TOPIC,
        "name": "Partner Center Issues",
        "description": "Microsoft 365 questions from the CSP (Cloud Solution Provider) partners "
        "using Partner Center",
        "attributes": {"objectType": "SupportTopic"},
    }
    assert all(t["name"] and t["description"] for t in body["items"])


def test_drop_after_commit_stores_then_drops() -> None:
    with Sandbox(customers=5, seed=7, drop_after_commit=1) as sb, client(sb) as http:
        url = sb.url + "/v1/servicerequests/en-US"
        body = create_body(Title="Lost answer")
        with pytest.raises(requests.ConnectionError):
            http.post(url, json=body, headers=pc(sb))
        stored = [r for r in sb.data.service_requests(PARTNER) if r["title"] == "Lost answer"]
        assert len(stored) == 1
        listed = http.get(sb.url + "/v1/servicerequests", headers=pc(sb)).json()["items"]
        assert stored[0]["id"] in [r["id"] for r in listed]
        again = http.post(url, json=body, headers=pc(sb))
        assert again.status_code == 201
        assert sb.stats()["creates"] == 2


def test_retired_create_is_410() -> None:
    with Sandbox(customers=3, seed=7, retired_create=True) as sb, client(sb) as http:
        resp = http.post(sb.url + "/v1/servicerequests/en-US", json=create_body(), headers=pc(sb))
        assert resp.status_code == 410
        body = resp.json()
        assert body["code"] == "3100"
        assert "decommissioned" in body["description"]
        topics = http.get(sb.url + "/v1/servicerequests/supporttopics", headers=pc(sb))
        assert topics.status_code == 410
        assert sb.stats()["creates"] == 0
