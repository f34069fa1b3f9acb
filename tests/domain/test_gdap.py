"""GDAP records and rules (no Qt): null customers, expiring as ended, auto-extension, role names,
access assignments and the user's groups, as Graph documents them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.domain.gdap import (
    CONSENT_ROLE_IDS,
    ROLE_NAMES,
    AccessAssignment,
    DirectoryGroup,
    GdapRelationship,
    best_by_customer,
    duration_days,
    ending_soon,
    extension_days,
    group_names,
    is_pending,
    of_customer,
    role_name,
    role_names,
    valid_relationship_id,
)
from desktop.domain.parsing import RecordError, parse_list
from desktop.sandbox.catalog import CONSENT_ROLES, MORE_ROLES, ROLES

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
PARTNER = "7c0c36f6-2f2e-4e5b-9d2a-5a1d0c0ffee1"
CUSTOMER = "52eaad04-13a2-4a2f-9ce8-93a294fadf36"


def wire(status: str = "active", **over: object) -> dict[str, object]:
    """A relationship as Graph's List example has it (tenantrelationship-list-...)."""
    body: dict[str, object] = {
        "@odata.type": "#microsoft.graph.delegatedAdminRelationship",
        "id": f"5d027261-d21f-4aa9-b7db-7fa1f56fb163-{PARTNER}",
        "displayName": "Contoso admin relationship",
        "duration": "P730D",
        "customer": {"tenantId": CUSTOMER, "displayName": "Contoso Inc"},
        "accessDetails": {"unifiedRoles": [{"roleDefinitionId": ROLES[0][0]}]},
        "status": status,
        "autoExtendDuration": "P180D",
        "createdDateTime": "2022-02-10T11:24:42.3148266Z",
        "activatedDateTime": "2022-02-10T11:26:44.9941884Z",
        "endDateTime": "2027-02-10T11:24:42.3148266Z",
    }
    body.update(over)
    return body


def rel(
    status: str = "active", end: datetime | None = None, auto: str = "PT0S"
) -> GdapRelationship:
    return GdapRelationship.from_json(
        wire(
            status,
            autoExtendDuration=auto,
            endDateTime=(end or NOW + timedelta(days=400)).isoformat(),
        )
    )


def test_a_relationship_awaiting_approval_has_no_customer_and_still_parses():
    pending = GdapRelationship.from_json(
        wire("approvalPending", customer=None, activatedDateTime=None, endDateTime=None)
    )
    assert pending.customer_tenant_id == ""
    assert not pending.has_customer
    assert is_pending(pending)
    assert not pending.active
    assert pending.end is None
    # A customer object must still name its tenant: that is a broken item, not a pending one.
    parsed = parse_list(
        [wire(customer={"displayName": "x"}), wire(customer="oops")], GdapRelationship.from_json
    )
    assert len(parsed.errors) == 2
    with pytest.raises(RecordError):
        GdapRelationship.from_json(wire(customer=[]))


def test_only_active_is_active_and_unknown_statuses_are_kept():
    assert rel("active").active
    # "expiring": the relationship has passed its expiration date (Graph's status table).
    assert not rel("expiring", NOW - timedelta(days=1)).active
    for status in ("terminationRequested", "terminating", "activating", "approved", "expired"):
        assert not rel(status).active
    assert rel("unknownFutureValue").status == "unknownFutureValue"
    assert rel("SomethingNew").status == "SomethingNew"
    assert rel("APPROVALPENDING").status == "approvalPending"


@pytest.mark.parametrize(
    ("text", "days"),
    [("P180D", 180), ("PT0S", 0), ("P0D", 0), ("P730D", 730), ("P2Y", 730), ("PT12H", 0.5)],
)
def test_durations(text: str, days: float) -> None:
    assert duration_days(text) == days


def test_unreadable_durations() -> None:
    for text in ("", "P", "PT", "180", "P1X", "forever"):
        assert duration_days(text) is None


def test_only_relationships_that_do_not_extend_themselves_are_flagged():
    soon = NOW + timedelta(days=10, hours=2)
    assert extension_days(rel(auto="P180D")) == 180
    assert extension_days(rel(auto="PT0S")) == 0
    assert extension_days(rel(auto="")) == 0
    assert not ending_soon(rel(end=soon, auto="P180D"), NOW)
    assert ending_soon(rel(end=soon, auto="PT0S"), NOW)
    assert ending_soon(rel(end=soon, auto="P0D"), NOW)
    assert not ending_soon(rel(end=NOW + timedelta(days=31), auto="PT0S"), NOW)
    # Past its end: expiring, which is ended, not "expires in -2 days".
    assert not ending_soon(rel("expiring", end=NOW - timedelta(days=2)), NOW)


def test_role_names_from_the_entra_reference():
    # A few ids checked by hand against the permissions reference's "All roles" table.
    assert role_name("62e90394-69f5-4237-9190-012177145e10") == "Global Administrator"
    assert role_name("F2EF992C-3AFB-46B9-B7CF-A126EE74C451") == "Global Reader"
    assert role_name("9f06204d-73c1-4d4c-880a-6edb90606fd8") == (
        "Microsoft Entra Joined Device Local Administrator"
    )
    assert role_name("7698a772-787b-4ac8-901f-60d6b08affd2") == "Cloud Device Administrator"
    assert role_name("not-a-role") == "not-a-role"  # unknown ids show as sent
    assert [ROLE_NAMES[i] for i in CONSENT_ROLE_IDS] == [
        "Global Administrator",
        "Privileged Role Administrator",
        "Cloud Application Administrator",
    ]
    # Every role the sandbox hands out has its name here (and the same one).
    for role_id, name in (*ROLES, *MORE_ROLES, *CONSENT_ROLES):
        assert role_name(role_id) == name
    # Names once each, known ones first.
    assert role_names(["x-custom", ROLES[0][0], ROLES[0][0].upper(), ROLES[1][0]]) == [
        ROLES[0][1],
        ROLES[1][1],
        "x-custom",
    ]
    assert len(set(ROLE_NAMES.values())) == len(ROLE_NAMES)
    assert all(k == k.lower() for k in ROLE_NAMES)


def test_best_relationship_per_customer_skips_invitations():
    expired = GdapRelationship.from_json(
        wire("expired", id="a" * 8 + "-0000-4000-8000-" + "0" * 12)
    )
    active = rel("active")
    invite = GdapRelationship.from_json(wire("created", customer=None))
    best = best_by_customer([expired, invite, active])
    assert list(best) == [CUSTOMER]
    assert best[CUSTOMER] is active
    assert of_customer([expired, invite, active], CUSTOMER.upper()) == [active, expired]
    # Without an active one, a relationship awaiting the customer's approval says more than an
    # old expired one: the next step is theirs.
    waiting = GdapRelationship.from_json(
        wire("approvalPending", id="b" * 8 + "-0000-4000-8000-" + "0" * 12, endDateTime=None)
    )
    assert best_by_customer([expired, waiting])[CUSTOMER] is waiting
    assert best_by_customer([waiting, expired])[CUSTOMER] is waiting


def test_access_assignment_and_groups_as_graph_sends_them():
    # delegatedadminrelationship-list-accessassignments, the published example's first item.
    item = {
        "@odata.type": "#microsoft.graph.delegatedAdminAccessAssignment",
        "@odata.etag": 'W/"JyIwMDAwMDI5OC0wMDAwLTAyMDAtMDAwMC02MjJiZTA0YjAwMDAiJw=="',
        "id": "84c586df-0943-416e-b95f-7289cb8d3bd5",
        "status": "active",
        "createdDateTime": "2022-03-07T22:55:18.6780449Z",
        "lastModifiedDateTime": "2022-03-11T23:50:35.8970153Z",
        "accessContainer": {
            "accessContainerId": "227a2f44-2682-4831-a021-f8d69a34bcba",
            "accessContainerType": "securityGroup",
        },
        "accessDetails": {
            "unifiedRoles": [
                {"roleDefinitionId": "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"},
                {"roleDefinitionId": "44367163-eba1-44c3-98af-f5787879f96a"},
                {"roleDefinitionId": "29232cdf-9323-42fd-ade2-1d097af3e4de"},
                {"roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10"},
            ]
        },
    }
    a = AccessAssignment.from_json(item)
    assert a.container_id == "227a2f44-2682-4831-a021-f8d69a34bcba"
    assert a.container_type == "securityGroup"
    assert role_names(a.role_ids) == [
        "Directory Readers",
        "Dynamics 365 Administrator",
        "Exchange Administrator",
        "Global Administrator",
    ]
    assert AccessAssignment.from_json({**item, "status": "weird"}).status == "weird"
    with pytest.raises(RecordError):
        AccessAssignment.from_json({**item, "accessContainer": {}})
    groups = [
        DirectoryGroup.from_json(
            {"@odata.type": "#microsoft.graph.group", "id": "ABC", "displayName": "Helpdesk"}
        ),
        DirectoryGroup.from_json({"@odata.type": "#microsoft.graph.group", "id": "def"}),
        DirectoryGroup.from_json(
            {"@odata.type": "#microsoft.graph.directoryRole", "id": "r", "displayName": "Role"}
        ),
    ]
    assert group_names(groups) == {"abc": "Helpdesk"}  # no name: shown by id; roles are no groups


def test_relationship_ids():
    assert valid_relationship_id(f"5d027261-d21f-4aa9-b7db-7fa1f56fb163-{PARTNER}")
    assert valid_relationship_id("5a6666c9-7282-0a41-67aa-25a5a3fbf339")  # the overview's example
    for bad in ("", "x", f"5d027261-d21f-4aa9-b7db-7fa1f56fb163/{PARTNER}", "../admin", "a" * 73):
        assert not valid_relationship_id(bad)
