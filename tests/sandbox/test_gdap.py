"""GDAP over real HTTP: every status, pending invitations without a customer, auto-extension,
access assignments to the partner's security groups, and the user's own groups."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
import requests

from desktop.sandbox import Sandbox
from desktop.sandbox.catalog import CONSENT_ROLES, MORE_ROLES, ROLES

from .conftest import NOW
from .helpers import GDAP, PARTNER, client, graph
from .test_graph import follow

RELATIONSHIPS = GDAP + "/delegatedAdminRelationships"
EVERY_STATUS = {
    "activating",
    "active",
    "approvalPending",
    "approved",
    "created",
    "expired",
    "expiring",
    "terminated",
    "terminating",
    "terminationRequested",
    "unknownFutureValue",
}
ROLE_IDS = {r[0] for r in (*ROLES, *MORE_ROLES, *CONSENT_ROLES)}


@pytest.fixture(scope="module")
def big() -> Iterator[Sandbox]:
    with Sandbox(customers=120, seed=7, now=NOW) as sandbox:
        yield sandbox


@pytest.fixture
def bhttp(big: Sandbox) -> Iterator[requests.Session]:
    with client(big) as session:
        yield session


def everything(sb: Sandbox, http: requests.Session) -> list[dict[str, Any]]:
    pages = follow(http, sb.url + RELATIONSHIPS + "?$top=50", graph(sb, PARTNER))
    return [r for p in pages for r in p["value"]]


def when(text: str | None) -> datetime:
    assert text
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_every_status_and_both_auto_extension_forms(big: Sandbox, bhttp: requests.Session) -> None:
    rels = everything(big, bhttp)
    assert {r["status"] for r in rels} == EVERY_STATUS
    assert {r["autoExtendDuration"] for r in rels} == {"P180D", "PT0S", "P0D"}
    for rel in rels:
        roles = {x["roleDefinitionId"] for x in rel["accessDetails"]["unifiedRoles"]}
        assert roles
        assert roles <= ROLE_IDS
        # The List example: "{guid}-{guid}", the second the same whatever the customer.
        assert rel["id"].endswith("-" + PARTNER)
        assert len(rel["id"]) == 73
    for rel in (r for r in rels if r["status"] == "expiring"):
        assert when(rel["endDateTime"]) < NOW  # "has passed its expiration date"
    for rel in (r for r in rels if r["status"] == "active"):
        assert when(rel["endDateTime"]) > NOW
    for rel in (r for r in rels if r["status"] in ("created", "approvalPending", "approved")):
        assert rel["activatedDateTime"] is None
        assert rel["endDateTime"] is None


def test_invitations_have_no_customer_until_approved(big: Sandbox, bhttp: requests.Session) -> None:
    rels = everything(big, bhttp)
    open_invites = [r for r in rels if r["customer"] is None]
    assert {r["status"] for r in open_invites} == {"created", "approvalPending"}
    # Graph's List example also has an approvalPending one named for its customer.
    assert any(r["customer"] for r in rels if r["status"] == "approvalPending")
    one = bhttp.get(
        big.url + RELATIONSHIPS + "/" + open_invites[0]["id"], headers=graph(big, PARTNER)
    )
    assert one.status_code == 200
    assert one.json()["customer"] is None
    # A filter on the customer skips them rather than failing on the null.
    tid = next(c.tenant_id for c in big.data.customers if c.has_gdap)
    url = big.url + RELATIONSHIPS + f"?$filter=customer/tenantId eq '{tid}'"
    assert [r["customer"]["tenantId"] for r in follow(bhttp, url, graph(big, PARTNER))[0]["value"]]


def test_only_customers_with_gdap_have_an_active_relationship(big: Sandbox) -> None:
    # The consent rules (identity.py, consent.py) read has_gdap: a customer whose only
    # relationships are pending, ended or being terminated gets no token.
    for customer in big.data.customers:
        statuses = [r["status"] for r in big.data.relationships(customer.tenant_id)]
        assert ("active" in statuses) == customer.has_gdap
        if not customer.has_gdap and statuses:
            assert big.consent_state(customer.tenant_id) == "no_gdap"


def test_access_assignments_give_groups_the_relationships_roles(
    big: Sandbox, bhttp: requests.Session
) -> None:
    mine = {g["id"] for g in big.data.my_groups()}
    consent_ids = {r[0] for r in CONSENT_ROLES}
    checked = 0
    for customer in big.data.customers:
        for rel in big.data.relationships(customer.tenant_id):
            if rel["status"] != "active":
                continue
            url = big.url + RELATIONSHIPS + f"/{rel['id']}/accessAssignments"
            body = bhttp.get(url, headers=graph(big, PARTNER)).json()
            assert body["@odata.context"].endswith("/accessAssignments")
            granted: set[str] = set()
            mine_granted: set[str] = set()
            for a in body["value"]:
                assert a["accessContainer"]["accessContainerType"] == "securityGroup"
                assert a["status"] in ("pending", "active")
                roles = {x["roleDefinitionId"] for x in a["accessDetails"]["unifiedRoles"]}
                granted |= roles
                if a["accessContainer"]["accessContainerId"] in mine:
                    mine_granted |= roles
            rel_roles = {x["roleDefinitionId"] for x in rel["accessDetails"]["unifiedRoles"]}
            assert granted <= rel_roles
            # Where the partner can consent, a group of the user's holds the consent role.
            assert bool(mine_granted & consent_ids) == big.can_consent(customer.tenant_id)
            checked += 1
    assert checked >= 50


def test_access_assignments_of_pending_and_unknown_relationships(
    big: Sandbox, bhttp: requests.Session
) -> None:
    rels = everything(big, bhttp)
    pending = next(r for r in rels if r["status"] == "approvalPending")
    url = big.url + RELATIONSHIPS + f"/{pending['id']}/accessAssignments"
    answer = bhttp.get(url, headers=graph(big, PARTNER))
    assert answer.status_code == 200
    assert answer.json()["value"] == []
    missing = bhttp.get(
        big.url + RELATIONSHIPS + "/nope/accessAssignments", headers=graph(big, PARTNER)
    )
    assert missing.status_code == 404
    assert missing.json()["error"]["code"]
    denied = bhttp.get(url, headers=graph(big, PARTNER, ["User.Read"]))
    assert denied.status_code == 403


def test_my_groups_need_user_read_and_list_groups_with_names(
    big: Sandbox, bhttp: requests.Session
) -> None:
    url = big.url + "/graph/v1.0/me/transitiveMemberOf"
    body = bhttp.get(url, headers=graph(big, PARTNER)).json()
    assert body["@odata.context"].endswith("$metadata#directoryObjects")
    groups = body["value"]
    assert groups
    assert all(g["@odata.type"] == "#microsoft.graph.group" for g in groups)
    assert all(g["displayName"] and "member" not in g for g in groups)
    all_groups = big.data.partner_groups()
    assert len(groups) < len(all_groups)  # some groups are other people's
    without = bhttp.get(url, headers=graph(big, PARTNER, ["DelegatedAdminRelationship.Read.All"]))
    assert without.status_code == 403
    assert "User.Read" in without.json()["error"]["message"]
