"""The GDAP client against the sandbox: every status, pending invitations, access assignments,
the user's group names (and their absence without User.Read), and the invitation link policy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.api.errors import ApiError
from desktop.api.links import check_url, invitation_link, is_invitation_link
from desktop.config.clouds import GLOBAL, USGOV, sandbox_profile
from desktop.domain.gdap import ending_soon, extension_days, role_name
from desktop.sandbox import Sandbox
from desktop.sandbox.catalog import PARTNER_GRAPH_SCOPES
from desktop.services.backend import Backend

INVITE = (
    "https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/"
)
REL = "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836"


def test_every_relationship_is_read_and_the_list_joins_the_active_one(
    sandbox: Sandbox, backend: Backend
) -> None:
    everything = backend.gdap_all()
    assert not everything.errors
    wire = sandbox.data.delegated_admin_relationships()
    assert len(everything.items) == len(wire)  # nothing filtered, nothing lost to a null
    invitations = [r for r in everything.items if not r.has_customer]
    assert {r.status for r in invitations} == {"created", "approvalPending"}
    best = backend.gdap_relationships()
    with_gdap = {c.tenant_id for c in sandbox.data.customers if c.has_gdap}
    assert {t for t, r in best.items() if r.active} == with_gdap
    # A customer whose only relationship is pending or ended shows it, never as active.
    for customer in sandbox.data.customers:
        if not customer.has_gdap and customer.tenant_id in best:
            assert not best[customer.tenant_id].active
    assert all(role_name(i) != i for r in everything.items for i in r.role_ids)
    mine = backend.gdap_of_customer(next(iter(with_gdap)).upper())
    assert mine
    assert mine[0].active


def test_auto_extending_relationships_are_not_flagged(backend: Backend) -> None:
    active = [r for r in backend.gdap_all().items if r.active]
    extending = [r for r in active if extension_days(r) == 180]
    assert extending
    assert not any(ending_soon(r) for r in extending)
    assert {r.auto_extend for r in active} >= {"P180D", "PT0S"}


def test_access_assignments_with_the_names_of_my_groups(sandbox: Sandbox, backend: Backend) -> None:
    rel = next(r for r in backend.gdap_all().items if r.active)
    parsed = backend.access_assignments(rel.id)
    assert not parsed.errors
    assert parsed.items
    assert all(a.container_type == "securityGroup" for a in parsed.items)
    assert {i for a in parsed.items for i in a.role_ids} <= set(rel.role_ids)
    names = backend.my_group_names()
    expected = {str(g["id"]): str(g["displayName"]) for g in sandbox.data.my_groups()}
    assert names == expected
    assert any(a.container_id in names for a in parsed.items)
    before = sandbox.stats()["requests"]
    assert backend.my_group_names() == names  # kept: asked once
    assert sandbox.stats()["requests"] == before
    with pytest.raises(ApiError) as error:
        backend.access_assignments("../../me")
    assert error.value.kind == "malformed"


@pytest.fixture
def no_user_read() -> Iterator[Sandbox]:
    """An app registration made without User.Read."""
    scopes = [s for s in PARTNER_GRAPH_SCOPES if s != "User.Read"]
    with Sandbox(customers=12, seed=11, consented="all", partner_graph_scopes=scopes) as sb:
        yield sb


def test_without_user_read_the_groups_still_come_by_id(no_user_read: Sandbox) -> None:
    backend = Backend.for_sandbox(no_user_read.url, ca_pem=no_user_read.ca_pem)
    try:
        rel = next(r for r in backend.gdap_all().items if r.active)
        assert backend.access_assignments(rel.id).items
        with pytest.raises(ApiError) as error:
            backend.my_group_names()
        assert error.value.status == 403
    finally:
        backend.close()


def test_the_invitation_link_opens_only_in_its_own_form() -> None:
    assert invitation_link(GLOBAL, REL) == INVITE + REL
    assert invitation_link(sandbox_profile("https://127.0.0.1:9"), REL) == INVITE + REL
    assert invitation_link(USGOV, REL) is None  # Microsoft publishes none there
    assert invitation_link(GLOBAL, "x/../../evil") is None
    # Allowed by its own rule: even a cloud whose allow-list lacks the host opens exactly it.
    from dataclasses import replace

    narrow = replace(GLOBAL, allowed_hosts=frozenset({"admin.cloud.microsoft"}))
    assert check_url(INVITE + REL, narrow) is None
    assert is_invitation_link(INVITE + REL, narrow)
    for other in (
        "https://admin.microsoft.com/AdminPortal/Home#/users",
        INVITE + REL + "/../../users",
        INVITE + "not-an-id",
        "http://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/"
        + REL,
        INVITE.replace("admin.microsoft.com", "admin.microsoft.com@evil.example") + REL,
    ):
        assert check_url(other, narrow) is not None, other
    assert check_url(INVITE + REL, USGOV) is not None
