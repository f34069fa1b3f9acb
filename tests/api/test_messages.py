"""The message center through the real clients against the sandbox: paging, one post, the
consent that predates ServiceMessage.Read.All, and consenting again (DELETE, then POST)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.auth import AuthError, granted_scopes
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.sandbox.consent import OLD_SCOPES
from desktop.services import consent
from desktop.services.backend import CONSENT_OUTDATED, ApiError, Backend

CONSENTS = "/v1/customers/{tenantId}/applicationconsents"


def customer_of(sb: Sandbox, tenant_id: str) -> Customer:
    c = sb.data.customer(tenant_id)
    assert c is not None
    return Customer(c.tenant_id, c.company_name, c.domain, c.relationship)


def routes(sb: Sandbox) -> dict[str, int]:
    return dict(sb.stats()["byRoute"])


def test_messages_follow_next_links(sandbox: Sandbox, backend: Backend) -> None:
    tid = next(c.tenant_id for c in sandbox.data.customers if c.has_gdap)
    expected = [m.id for m in sandbox.data.messages_of(tid)]
    before = routes(sandbox).get("GET /graph/v1.0/admin/serviceAnnouncement/messages", 0)
    parsed = backend.graph.messages(tid, "cid", page_size=4)
    calls = routes(sandbox)["GET /graph/v1.0/admin/serviceAnnouncement/messages"] - before
    assert [m.id for m in parsed.items] == expected
    assert calls == -(-len(expected) // 4)  # every page, no more
    assert not parsed.errors
    # Parsed as the wire says: PascalCase enums normalised, dates read.
    assert {m.category for m in parsed.items} <= {
        "preventOrFixIssue",
        "planForChange",
        "stayInformed",
    }
    assert all(m.last_modified is not None for m in parsed.items)


def test_one_message_and_a_message_of_another_tenant(sandbox: Sandbox, backend: Backend) -> None:
    tid = next(c.tenant_id for c in sandbox.data.customers if c.has_gdap)
    wanted = sandbox.data.messages_of(tid)[-1]
    found = backend.graph.message(tid, wanted.id, "cid")
    assert (found.id, found.title) == (wanted.id, wanted.graph["title"])
    held = {m.id for m in sandbox.data.messages_of(tid)}
    other = next(m.id for m in sandbox.data.message_pool if m.id not in held)
    with pytest.raises(ApiError) as caught:
        backend.graph.message(tid, other, "cid")
    assert caught.value.status == 404


def test_one_post_in_many_tenants_is_parsed_once(sandbox: Sandbox, backend: Backend) -> None:
    tenants = [c.tenant_id for c in sandbox.data.customers if c.has_gdap][:6]
    first = {m.id: m for m in backend.messages(tenants[0]).items}
    for tid in tenants[1:]:
        for m in backend.messages(tid).items:
            if m.id in first:
                assert m is first[m.id]  # the same object: one parse per post version


@pytest.fixture
def some(tmp_path: Path) -> Iterator[tuple[Sandbox, Backend]]:
    with Sandbox(customers=30, seed=7, consented="some") as sb:
        b = Backend.for_sandbox(sb.url, ca_pem=sb.ca_pem, token_dir=tmp_path, concurrency=4)
        yield sb, b
        b.close()


def outdated_customer(sb: Sandbox, can_consent: bool = True) -> str:
    return next(
        c.tenant_id
        for c in sb.customers_in_consent_state("consented")
        if sb.consent_outdated(c.tenant_id) and sb.can_consent(c.tenant_id) is can_consent
    )


def test_an_old_consent_reads_health_but_not_messages(some: tuple[Sandbox, Backend]) -> None:
    sb, backend = some
    tid = outdated_customer(sb)
    assert backend.health(tid).items  # ServiceHealth.Read.All is there
    token = backend.tokens.token(backend.cloud.graph_scope, tid)
    assert granted_scopes(token) == {s.lower() for s in OLD_SCOPES}
    assert backend.missing_scopes(tid) == ("ServiceMessage.Read.All",)
    with pytest.raises(AuthError) as caught:
        backend.messages(tid)
    assert caught.value.code == CONSENT_OUTDATED
    assert "ServiceMessage.Read.All" in caught.value.message
    # A customer consented with every scope: nothing missing, messages read.
    fine = next(
        c.tenant_id
        for c in sb.customers_in_consent_state("consented")
        if not sb.consent_outdated(c.tenant_id)
    )
    assert backend.missing_scopes(fine) == ()
    assert backend.messages(fine).items


def test_allowing_again_deletes_and_posts_the_consent(some: tuple[Sandbox, Backend]) -> None:
    sb, backend = some
    tid = outdated_customer(sb)
    before = routes(sb)
    result = consent.allow(backend, customer_of(sb, tid), sleep=lambda _s: False)
    after = routes(sb)
    assert result.result == consent.ALLOWED, result
    # POST answered 409 (the consent exists), DELETE 204, POST 201.
    assert after.get(f"POST {CONSENTS}", 0) - before.get(f"POST {CONSENTS}", 0) == 2
    delete = f"DELETE {CONSENTS}/{{applicationId}}"
    assert after.get(delete, 0) - before.get(delete, 0) == 1
    assert not sb.consent_outdated(tid)
    assert backend.messages(tid).items  # the token was acquired afresh, with the new scope
    # Allowed with every scope now: asking again writes nothing.
    again = consent.allow(backend, customer_of(sb, tid))
    assert again.result == consent.ALREADY
    assert routes(sb).get(delete, 0) == after.get(delete, 0)


def test_allowing_again_where_the_roles_cannot_keeps_the_old_consent(
    some: tuple[Sandbox, Backend],
) -> None:
    sb, backend = some
    tid = next(
        c.tenant_id
        for c in sb.customers_in_consent_state("no_grant")
        if not sb.can_consent(c.tenant_id)
    )
    # Consented once (say by the customer's own administrator) with the old scopes only.
    sb.set_consent_state(tid, "consented", scopes=OLD_SCOPES)
    backend.tokens.forget_tenant(tid)
    result = consent.allow(backend, customer_of(sb, tid))
    assert (result.result, result.why) == (consent.REFUSED, "roles")
    # Partner Center refused the POST before anything was deleted: health still reads.
    assert sb.consent_outdated(tid)
    assert backend.health(tid).items
