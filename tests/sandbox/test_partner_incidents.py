"""Partner Center's service incidents in both documented shapes, with message center notices."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.sandbox import Sandbox

from .conftest import NOW
from .helpers import client, pc

PARTNER_LEVEL = "/v1/serviceincidents/office"
DETAIL_FIELDS = {
    "id", "messageType", "startTime", "endTime", "status", "workload", "affectedWorkloadNames",
    "impactedArea", "resolved", "impactedCustomers", "category", "severity", "messages",
}  # fmt: skip


@pytest.fixture(scope="module")
def flat() -> Iterator[Sandbox]:
    with Sandbox(customers=60, seed=7, now=NOW, partner_incident_shape="flat") as sandbox:
        yield sandbox


def get(sb: Sandbox, path: str) -> dict[str, object]:
    with client(sb) as http:
        answer = http.get(sb.url + path, headers=pc(sb))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert isinstance(body, dict)
    assert body["attributes"] == {"objectType": "Collection"}
    assert body["totalCount"] == len(body["items"])  # type: ignore[arg-type]
    return body


def test_grouped_is_the_default_one_group_per_workload(sb: Sandbox) -> None:
    items = get(sb, PARTNER_LEVEL)["items"]
    assert isinstance(items, list)
    assert all(
        set(g) == {"workload", "status", "incidents", "messageCenterMessages"} for g in items
    )
    assert len({g["workload"] for g in items}) == len(items)
    incidents = [i for g in items for i in g["incidents"]]
    assert {i["id"] for i in incidents} == {i.id for i in sb.data.pool}
    assert all(i["messageType"] == "incident" for i in incidents)
    assert all(set(i) >= DETAIL_FIELDS for i in incidents)
    rank = ["normal", "information", "warning", "critical"]
    for group in items:
        worst = max((rank.index(i["status"]) for i in group["incidents"]), default=0)
        assert group["status"] == rank[worst]
        assert all(i["workload"] == group["workload"] for i in group["incidents"])
    notices = [m for g in items for m in g["messageCenterMessages"]]
    assert len(notices) == len(sb.data.message_center.items)
    assert all(m["workload"] == g["workload"] for g in items for m in g["messageCenterMessages"])


def test_notices_are_service_incident_details_of_type_message_center(sb: Sandbox) -> None:
    items = get(sb, PARTNER_LEVEL)["items"]
    assert isinstance(items, list)
    notices = [m for g in items for m in g["messageCenterMessages"]]
    for notice in notices:
        assert notice["id"].startswith("MC")
        assert notice["messageType"] == "message_center"
        assert DETAIL_FIELDS | {"actionType", "requiredBy"} <= set(notice)
        assert notice["category"]
        assert notice["actionType"]
        first = notice["messages"][0]["messageText"]
        assert not first.startswith("Title:")
        assert "\n\n" in first
    assert any(n["requiredBy"] is None for n in notices)
    assert any(n["requiredBy"] for n in notices)


def test_customer_sees_its_incidents_and_the_notices_of_its_services(sb: Sandbox) -> None:
    for customer in sb.data.customers[:10]:
        items = get(sb, f"/v1/customers/{customer.tenant_id}/serviceincidents/office")["items"]
        assert isinstance(items, list)
        ids = {i["id"] for g in items for i in g["incidents"]}
        assert ids == {i.id for i in sb.data.issue_objects(customer.tenant_id)}
        services = set(sb.data.services_of(customer))
        expected = {
            str(body["id"]) for service, body in sb.data.message_center.items if service in services
        }
        assert {m["id"] for g in items for m in g["messageCenterMessages"]} == expected


def test_flat_is_the_rest_references_collection_of_details(sb: Sandbox, flat: Sandbox) -> None:
    items = get(flat, PARTNER_LEVEL)["items"]
    assert isinstance(items, list)
    assert all("incidents" not in i and set(i) >= DETAIL_FIELDS for i in items)
    kinds = {i["messageType"] for i in items}
    assert kinds == {"incident", "message_center"}
    grouped = get(sb, PARTNER_LEVEL)["items"]
    assert isinstance(grouped, list)
    same = [i for g in grouped for i in g["incidents"]] + [
        m for g in grouped for m in g["messageCenterMessages"]
    ]
    assert sorted(items, key=lambda i: i["id"]) == sorted(same, key=lambda i: i["id"])
    customer = flat.data.customers[1]
    mine = get(flat, f"/v1/customers/{customer.tenant_id}/serviceincidents/office")["items"]
    assert isinstance(mine, list)
    assert {i["id"] for i in mine if i["messageType"] == "incident"} == {
        i.id for i in flat.data.issue_objects(customer.tenant_id)
    }


def test_unknown_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="partner_incident_shape"):
        Sandbox(customers=1, partner_incident_shape="nested")


def test_messages_are_plain_text_with_paragraphs(sb: Sandbox) -> None:
    items = get(sb, PARTNER_LEVEL)["items"]
    assert isinstance(items, list)
    texts = [m["messageText"] for g in items for i in g["incidents"] for m in i["messages"]]
    assert texts
    assert not any("<br>" in t or "<p>" in t for t in texts)
    assert sum("\n\n" in t for t in texts) > len(texts) / 2
