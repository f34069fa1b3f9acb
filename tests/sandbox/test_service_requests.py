"""Service requests over real HTTP: lists, get, notes, create, validation, lost answers."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from desktop.sandbox import Sandbox

from .conftest import NOW
from .helpers import PARTNER, client, pc

TOPIC = 32444671


def create_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "Title": "Mail from external senders delayed",
        "Description": "Since 09:00 inbound mail is delayed by two hours.",
        "Severity": "moderate",
        "SupportTopicId": TOPIC,
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


def test_customer_list_matches_the_dataset(sb: Sandbox, http: requests.Session) -> None:
    for customer in sb.data.by_index[:6]:
        url = f"/customers/{customer.tenant_id}/servicerequests?offset=0&size=2"
        items, pages = follow(sb, http, url)
        assert items == sb.data.service_requests(customer.tenant_id)
        assert pages[0]["totalCount"] == len(items)
        assert pages[0]["attributes"] == {"objectType": "Collection"}


def test_partner_wide_list_pages_by_offset(sb: Sandbox, http: requests.Session) -> None:
    items, pages = follow(sb, http, "/servicerequests?size=25")
    expected = sum(len(sb.data.service_requests(c.tenant_id)) for c in sb.data.customers)
    expected += len(sb.data.service_requests(PARTNER))
    assert len(items) == expected == pages[0]["totalCount"]
    assert len({i["id"] for i in items}) == len(items)
    assert pages[0]["links"]["next"]["uri"] == "/servicerequests?offset=25&size=25"
    created = [i["createdDate"] for i in items]
    assert created == sorted(created, reverse=True)


def test_partner_list_filter(sb: Sandbox, http: requests.Session) -> None:
    url = '/servicerequests?filter={"Field":"Status","Value":"open","Operator":"equals"}'
    items, _ = follow(sb, http, url)
    assert items
    assert all(i["status"] in ("open", 1) for i in items)
    bad = http.get(sb.url + "/v1/servicerequests?filter={oops", headers=pc(sb))
    assert bad.status_code == 400


def test_fields_and_every_status_and_severity(sb: Sandbox) -> None:
    requests_ = [r for c in sb.data.customers for r in sb.data.service_requests(c.tenant_id)]
    words = {r["status"] for r in requests_ if isinstance(r["status"], str)}
    assert words == {"open", "closed", "attention_needed", "none"}
    severities = {r["severity"] for r in requests_ if isinstance(r["severity"], str)}
    assert severities == {"unknown", "critical", "moderate", "minimal"}
    numeric = sb.data.service_requests(sb.data.by_index[1].tenant_id)
    assert any(isinstance(r["status"], int) and isinstance(r["severity"], int) for r in numeric)
    topics = {t["id"] for t in sb.data.support_topics()}
    for r in requests_:
        assert r["id"].isdigit()
        assert len(r["id"]) <= 16
        assert r["supportTopicId"] in topics
        assert set(r["primaryContact"]) == {
            "contactId", "firstName", "lastName", "email", "phoneNumber",
        }  # fmt: skip
        closed = r["status"] in ("closed", 2)
        assert (r["lastClosedDate"] != "0001-01-01T00:00:00") == closed


def test_get_and_unknown(sb: Sandbox, http: requests.Session) -> None:
    one = sb.data.service_requests(sb.data.by_index[0].tenant_id)[0]
    assert http.get(sb.url + f"/v1/servicerequests/{one['id']}", headers=pc(sb)).json() == one
    for bad in ("1234567890123456", "9" * 16, "abc"):
        assert http.get(sb.url + f"/v1/servicerequests/{bad}", headers=pc(sb)).status_code == 404


def test_patch_adds_a_note(sb: Sandbox, http: requests.Session) -> None:
    one = sb.data.service_requests(sb.data.by_index[2].tenant_id)[0]
    url = sb.url + f"/v1/servicerequests/{one['id']}"
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
    missing = sb.url + "/v1/servicerequests/1234567890123456"
    assert http.patch(missing, json={"NewNote": {"Text": "x"}}, headers=pc(sb)).status_code == 404


def test_create_for_a_customer_and_for_the_partner(sb: Sandbox, http: requests.Session) -> None:
    customer = sb.data.by_index[4]
    body = create_body(
        Organization={"Id": customer.tenant_id, "Name": customer.company_name},
        PrimaryContact={"FirstName": "Ann", "LastName": "Lee", "Email": "ann@example.com"},
        EmailCcList=["ops@example.com"],
    )
    resp = http.post(sb.url + "/v1/servicerequests/en-US", json=body, headers=pc(sb))
    assert resp.status_code == 201
    made = resp.json()
    assert made["status"] == "open"
    assert made["severity"] == "moderate"
    assert made["id"].isdigit()
    assert len(made["id"]) <= 16
    assert made["organization"]["id"] == customer.tenant_id
    assert made["primaryContact"]["firstName"] == "Ann"
    assert made["emailCcList"] == ["ops@example.com"]
    assert made["supportTopicId"] == TOPIC
    assert made["supportTopicName"]
    assert made["lastClosedDate"] == "0001-01-01T00:00:00"
    listed = sb.data.service_requests(customer.tenant_id)
    assert listed[0] == made
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
        create_body(Organization={"Id": "00000000-0000-0000-0000-000000000000"}),
    ],
)
def test_create_validation(sb: Sandbox, http: requests.Session, body: dict[str, Any]) -> None:
    resp = http.post(sb.url + "/v1/servicerequests/en-US", json=body, headers=pc(sb))
    assert resp.status_code == 400
    assert resp.json()["source"] == "PartnerFD"


def test_create_accepts_255_characters_and_numeric_severity(
    sb: Sandbox, http: requests.Session
) -> None:
    body = create_body(Title="x" * 255, Severity=1, SupportTopicId=str(TOPIC))
    resp = http.post(sb.url + "/v1/servicerequests/en-US", json=body, headers=pc(sb))
    assert resp.status_code == 201
    assert resp.json()["severity"] == "critical"
    not_json = http.post(sb.url + "/v1/servicerequests/en-US", data=b"{", headers=pc(sb))
    assert not_json.status_code == 400


def test_support_topics(sb: Sandbox, http: requests.Session) -> None:
    body = http.get(sb.url + "/v1/servicerequests/supporttopics", headers=pc(sb)).json()
    assert body["totalCount"] == len(body["items"]) >= 10
    assert TOPIC in {t["id"] for t in body["items"]}
    assert all(t["name"] and t["description"] for t in body["items"])


def test_drop_after_commit_stores_then_drops() -> None:
    with Sandbox(customers=5, seed=7, drop_after_commit=1) as sb, client(sb) as http:
        url = sb.url + "/v1/servicerequests/en-US"
        customer = sb.data.customers[0]
        body = create_body(Title="Lost answer", Organization={"Id": customer.tenant_id})
        with pytest.raises(requests.ConnectionError):
            http.post(url, json=body, headers=pc(sb))
        stored = [r for r in sb.data.service_requests(customer.tenant_id)
                  if r["title"] == "Lost answer"]  # fmt: skip
        assert len(stored) == 1
        listed = http.get(
            sb.url + f"/v1/customers/{customer.tenant_id}/servicerequests", headers=pc(sb)
        ).json()["items"]
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
