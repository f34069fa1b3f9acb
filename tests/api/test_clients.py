"""Partner Center and Graph clients against the sandbox: paging, tenants, records."""

from __future__ import annotations

import threading

import pytest
import requests

from desktop.api.errors import ApiError
from desktop.api.graph import IssueVersions
from desktop.auth import AuthError
from desktop.config.clouds import PARTNER_CENTER_RESOURCE
from desktop.domain.parsing import RecordError
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend


def test_customers_follow_links_next_with_the_continuation_header(sandbox: Sandbox, backend):
    pages = list(backend.pc.customer_pages("cid", size=7))
    assert len(pages) == -(-len(sandbox.data.customers) // 7)  # ceil: every page fetched once
    ids = [c.tenant_id for page, _ in pages for c in page.items]
    assert sorted(ids) == sorted(c.tenant_id for c in sandbox.data.customers)
    assert len(set(ids)) == len(ids)
    assert all(total == len(sandbox.data.customers) for _, total in pages)


def test_the_next_page_needs_the_continuation_header(sandbox: Sandbox, backend):
    body = backend.pc._get("/customers", "cid", {"size": "5"})
    uri = body["links"]["next"]["uri"]
    with pytest.raises(ApiError) as info:
        backend.pc._get(uri, "cid")  # the same link, without MS-ContinuationToken
    assert info.value.status == 400


def test_search_is_a_case_insensitive_prefix(sandbox: Sandbox, backend):
    target = sandbox.data.customers[3]
    prefix = target.company_name[:3].lower()
    found = [
        c
        for page, _ in backend.pc.customer_pages("cid", search=("CompanyName", prefix))
        for c in page.items
    ]
    assert target.tenant_id in {c.tenant_id for c in found}
    assert all(c.company_name.lower().startswith(prefix) for c in found)
    by_domain = [
        c
        for page, _ in backend.pc.customer_pages(
            "cid", search=("Domain", target.domain[:4].upper())
        )
        for c in page.items
    ]
    assert target.tenant_id in {c.tenant_id for c in by_domain}


def test_customer_detail_has_profile_and_domains(sandbox: Sandbox, backend):
    target = sandbox.data.customers[0]
    detail = backend.customer_detail(target.tenant_id)
    assert detail.customer.tenant_id == target.tenant_id
    assert detail.address.country
    assert target.domain in detail.custom_domains or detail.default_domain


def test_graph_answers_per_tenant_token(sandbox: Sandbox, backend):
    with_gdap = [c for c in sandbox.data.customers if c.has_gdap][:2]
    a, b = (backend.issues(c.tenant_id).items for c in with_gdap)
    expected_a = {i["id"] for i in sandbox.data.issues(with_gdap[0].tenant_id)}
    expected_b = {i["id"] for i in sandbox.data.issues(with_gdap[1].tenant_id)}
    assert {i.id for i in a} == expected_a
    assert {i.id for i in b} == expected_b


def test_no_gdap_customer_gets_no_token(sandbox: Sandbox, backend):
    # Entra issues no token for a tenant where no GDAP relationship covers the user (50020).
    blocked = next(c for c in sandbox.data.customers if not c.has_gdap)
    with pytest.raises(AuthError) as info:
        backend.health(blocked.tenant_id)
    assert info.value.code == "no_gdap"
    assert "AADSTS50020" in info.value.message


def test_issues_follow_odata_next_link(sandbox: Sandbox, backend):
    tenant = max(
        (c for c in sandbox.data.customers if c.has_gdap),
        key=lambda c: len(sandbox.data.issues(c.tenant_id)),
    ).tenant_id
    expected = {i["id"] for i in sandbox.data.issues(tenant)}
    assert len(expected) >= 3
    before = sandbox.stats()["requests"]
    got = backend.graph.issues(tenant, "cid", page_size=2)
    pages = sandbox.stats()["requests"] - before
    assert {i.id for i in got.items} == expected
    assert pages == -(-len(expected) // 2)


def test_active_only_filter(sandbox: Sandbox, backend):
    tenant = next(c for c in sandbox.data.customers if c.has_gdap).tenant_id
    active = backend.issues(tenant, active_only=True).items
    assert all(not i.is_resolved for i in active)


def test_health_with_expand_issues(sandbox: Sandbox, backend):
    tenant = next(c for c in sandbox.data.customers if c.has_gdap).tenant_id
    health, issues = backend.graph.health_with_issues(tenant, "cid")
    assert len(health.items) >= 10
    assert {h.service_id for h in health.items} >= {"Exchange", "SharePoint"}
    assert {i.id for i in issues.items} <= {i["id"] for i in sandbox.data.issues(tenant)}


def test_one_token_per_tenant_across_a_parallel_sweep(sandbox: Sandbox):
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=16)
    customers = [c for c in backend.customers().items]
    refreshes = sandbox.stats()["tokenRequests"]["refresh_token"]
    # Each customer twice, in parallel: tokens are still asked for once per tenant (a refusal,
    # 50020 for customers without GDAP, is not asked again either).
    outcomes = list(
        backend.sweep(
            customers + customers, lambda c, cid, cancel: backend.health(c.tenant_id, cid)
        )
    )
    backend.close()
    assert len(outcomes) == 2 * len(customers)
    gdap = [c for c in sandbox.data.customers if c.has_gdap]
    assert backend.tokens.acquisitions == len(gdap)  # type: ignore[attr-defined]
    asked = sandbox.stats()["tokenRequests"]["refresh_token"] - refreshes
    assert asked == len(customers)


def test_service_requests_partner_and_customer(sandbox: Sandbox, backend):
    # The partner list is the partner's own tickets with Microsoft, never its customers'.
    own = backend.requests(None).items
    assert own
    assert {r.organization_id for r in own} == {sandbox.data.partner_tenant_id}
    assert own[0].support_topic_name == "Partner Center Issues" or own[0].support_topic_id
    customer = next(
        c
        for c in sandbox.data.customers
        if c.has_gdap and sandbox.data.service_requests(c.tenant_id)
    )
    mine = backend.requests(customer.tenant_id).items
    assert mine
    assert all(r.organization_id == customer.tenant_id for r in mine)
    one = backend.service_request(mine[0].id, tenant_id=customer.tenant_id)
    assert one.id == mine[0].id
    # The partner path does not know a customer's ticket (that was the bug: a likely 404).
    with pytest.raises(ApiError) as refused:
        backend.service_request(mine[0].id)
    assert refused.value.status == 404
    assert backend.service_request(own[0].id).id == own[0].id


def test_a_note_is_added_under_the_customer(sandbox: Sandbox, backend):
    customer = next(
        c
        for c in sandbox.data.customers
        if c.has_gdap and sandbox.data.service_requests(c.tenant_id)
    )
    request = backend.requests(customer.tenant_id).items[0]
    before = sandbox.stats()["byRoute"]
    fetched = backend.add_note(
        request.id, "Customer confirmed the workaround.", tenant_id=customer.tenant_id
    )
    assert fetched.notes[-1].text == "Customer confirmed the workaround."
    after = sandbox.stats()["byRoute"]
    route = "PATCH /v1/customers/{tenantId}/servicerequests/{id}"
    assert after.get(route, 0) == before.get(route, 0) + 1
    assert after.get("PATCH /v1/servicerequests/{id}", 0) == before.get(
        "PATCH /v1/servicerequests/{id}", 0
    )


def test_a_note_on_the_partners_own_ticket(sandbox: Sandbox, backend):
    request = backend.requests(None).items[0]
    updated = backend.pc.add_note(request.id, "Still failing after the fix.", "cid")
    fetched = updated or backend.service_request(request.id)
    assert fetched.notes[-1].text == "Still failing after the fix."


def test_partner_incidents(sandbox: Sandbox, backend):
    incidents = backend.pc.service_incidents("cid")
    assert incidents.incidents
    assert incidents.notices  # test_partner_incidents.py: both shapes, notices in detail
    assert not incidents.errors
    assert all(i.title for i in incidents.incidents)


def test_gdap_relationships_and_sharepoint(sandbox: Sandbox, backend):
    relationships = backend.graph.gdap_relationships("cid").items
    assert {r.customer_tenant_id for r in relationships if r.active} >= {
        c.tenant_id for c in sandbox.data.customers if c.has_gdap
    }
    # The SharePoint admin link comes from the initial domain, labelled as derived: Graph's
    # sites/root needs Sites.Read.All, which Partner Desk does not ask for.
    customer = next(c for c in backend.customers().items if c.domain)
    before = sandbox.stats()["requests"]
    links = {link.portal_id: link for link in backend.portals(customer)}
    assert sandbox.stats()["requests"] == before  # no call into the customer's tenant
    label = customer.domain.split(".", 1)[0]
    assert links["sharepoint"].url == f"https://{label}-admin.sharepoint.com"
    assert "derived from the tenant name" in links["sharepoint"].note


def test_sweep_cancel_stops_early(sandbox: Sandbox, backend):
    customers = backend.customers().items
    cancel = threading.Event()
    seen = 0
    for _ in backend.sweep(
        customers,
        lambda c, cid, cx: backend.health(c.tenant_id, cid, cx),
        concurrency=2,
        cancel=cancel,
    ):
        seen += 1
        if seen == 3:
            cancel.set()
    assert seen < len(customers)


def test_next_links_are_followed_only_on_the_api_host():
    # The token goes only to the configured API root: a link elsewhere is refused.
    from desktop.api.graph import _under
    from desktop.api.partner_center import _same_origin

    root = "http://127.0.0.1:8400/graph"
    assert _under(root + "/v1.0/admin/serviceAnnouncement/issues?$skip=2", root)
    assert not _under("https://evil.example/graph/v1.0/issues", root)
    assert not _under("http://127.0.0.1:8401/graph/v1.0/issues", root)
    assert _same_origin("http://127.0.0.1:8400/v1/customers?x", "http://127.0.0.1:8400")
    assert not _same_origin("http://127.0.0.1.evil.example/v1/customers", "http://127.0.0.1")


def test_sandbox_refuses_partner_center_for_a_customer_token(sandbox: Sandbox, tmp_path):
    # Entra would not issue it (the consent grants Graph only); were it issued, Partner Center
    # answers only for the partner's own tenant.
    token = sandbox.issue_token(sandbox.data.customers[0].tenant_id, PARTNER_CENTER_RESOURCE)
    ca = tmp_path / "ca.pem"
    ca.write_bytes(sandbox.ca_pem)
    with requests.get(
        sandbox.url + "/v1/customers",
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
        verify=str(ca),
    ) as response:
        assert response.status_code == 403


def test_an_issue_seen_in_many_tenants_is_parsed_once(sandbox: Sandbox, backend):
    # The same Microsoft incident comes in every tenant it touches: one object for all.
    gdap = {c.tenant_id for c in sandbox.data.customers if c.has_gdap}
    issue_id, tenants = next(
        (issue.id, seeing)
        for issue in sandbox.data.pool
        if len(
            seeing := [
                c.tenant_id
                for c in sandbox.data.customers
                if c.tenant_id in gdap
                and any(i.id == issue.id for i in sandbox.data.issue_objects(c.tenant_id))
            ]
        )
        >= 2
    )
    seen = []
    for tenant in tenants[:2]:
        _health, issues = backend.health_and_issues(tenant)
        seen.append(next(i for i in issues.items if i.id == issue_id))
    assert seen[0] is seen[1]
    listed = backend.graph.issues(tenants[0], "cid").items  # the incidents tab's call
    assert next(i for i in listed if i.id == issue_id) is seen[0]


def _wire_issue(stamp: str | None, title: str = "Mail is slow") -> dict[str, object]:
    issue: dict[str, object] = {"id": "EX1", "title": title, "service": "Exchange Online"}
    if stamp is not None:
        issue["lastModifiedDateTime"] = stamp
    return issue


def test_each_version_of_an_issue_is_its_own_record():
    versions = IssueVersions()
    first = versions.parse(_wire_issue("2026-12-01T08:00:00Z"))
    assert versions.parse(_wire_issue("2026-12-01T08:00:00Z")) is first
    newer = versions.parse(_wire_issue("2026-12-01T09:30:00Z", title="Mail is late"))
    assert newer is not first
    assert (first.title, newer.title) == ("Mail is slow", "Mail is late")
    # Without a stamp nothing says two copies are the same version: each is parsed.
    assert versions.parse(_wire_issue(None)) is not versions.parse(_wire_issue(None))
    with pytest.raises(RecordError):
        versions.parse({"title": "no id", "lastModifiedDateTime": "2026-12-01T08:00:00Z"})
    bad = {**_wire_issue("2026-12-01T10:00:00Z"), "startDateTime": "not a date"}
    with pytest.raises(RecordError):
        versions.parse(bad)
    assert len(versions) == 2  # what would not parse is not kept


def test_issue_versions_are_forgotten_past_the_limit():
    versions = IssueVersions(limit=3)
    kept = [versions.parse(_wire_issue(f"2026-12-01T0{h}:00:00Z")) for h in range(5)]
    assert len(versions) <= 3
    assert versions.parse(_wire_issue("2026-12-01T04:00:00Z")) is kept[4]
