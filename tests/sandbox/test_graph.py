"""Graph routes over real HTTP: per-tenant health, issue paging and filters, GDAP, sites."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from desktop.sandbox import Sandbox

from .helpers import GDAP, HEALTH, ISSUES, PARTNER, graph, mint, pc


def gdap_tenants(sb: Sandbox) -> list[str]:
    return [c.tenant_id for c in sb.data.customers if c.has_gdap]


def follow(http: requests.Session, url: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    pages = []
    while url:
        resp = http.get(url, headers=headers)
        assert resp.status_code == 200, resp.text
        pages.append(resp.json())
        url = resp.json().get("@odata.nextLink", "")
    return pages


def test_health_overviews_answer_for_the_token_tenant(sb: Sandbox, http: requests.Session) -> None:
    answers = []
    for tid in gdap_tenants(sb)[:6]:
        resp = http.get(sb.url + HEALTH, headers=graph(sb, tid))
        assert resp.status_code == 200
        body = resp.json()
        assert body["@odata.context"].endswith("healthOverviews")
        assert body["value"] == sb.data.health_overviews(tid)
        assert all(set(o) == {"service", "status", "id"} for o in body["value"])
        answers.append(body["value"])
    assert len({repr(a) for a in answers}) > 1  # tenants differ
    ids = {o["id"] for o in answers[0]}
    assert {"Exchange", "SharePoint", "microsoftteams", "OrgLiveID"} <= ids


def test_health_overviews_expand_issues(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    body = http.get(sb.url + HEALTH + "?$expand=issues", headers=graph(sb, tid)).json()
    inlined = [i["id"] for o in body["value"] for i in o["issues"]]
    assert sorted(inlined) == sorted(i["id"] for i in sb.data.issues(tid))
    for overview in body["value"]:
        assert all(i["service"] == overview["service"] for i in overview["issues"])
    bad = http.get(sb.url + HEALTH + "?$expand=posts", headers=graph(sb, tid))
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "BadRequest"


def test_one_health_overview_by_id_or_name(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    by_id = http.get(sb.url + HEALTH + "/Exchange", headers=graph(sb, tid)).json()
    by_name = http.get(sb.url + HEALTH + "/Exchange Online", headers=graph(sb, tid)).json()
    assert by_id["id"] == by_name["id"] == "Exchange"
    assert by_id["service"] == "Exchange Online"
    missing = http.get(sb.url + HEALTH + "/NoSuchService", headers=graph(sb, tid))
    assert missing.status_code == 404
    assert missing.json()["error"]["innerError"]["request-id"] == missing.headers["request-id"]


def test_unknown_status_reaches_the_client(sb: Sandbox, http: requests.Session) -> None:
    first = sb.data.by_index[0]
    assert first.has_gdap
    body = http.get(sb.url + HEALTH + "/Forms", headers=graph(sb, first.tenant_id)).json()
    assert body["status"] == "ServiceMaintenance"


def test_partner_tenant_has_health_too(sb: Sandbox, http: requests.Session) -> None:
    body = http.get(sb.url + HEALTH, headers=graph(sb, PARTNER)).json()
    assert len(body["value"]) >= 13
    issues = http.get(sb.url + ISSUES, headers=graph(sb, PARTNER)).json()["value"]
    assert sb.data.hostile_issue_id in [i["id"] for i in issues]


def test_issues_page_by_absolute_next_link(sb: Sandbox, http: requests.Session) -> None:
    tid = max(gdap_tenants(sb), key=lambda t: len(sb.data.issues(t)))
    expected = [i["id"] for i in sb.data.issues(tid)]
    assert len(expected) > 3
    headers = graph(sb, tid, Prefer="odata.maxpagesize=3")
    first = http.get(sb.url + ISSUES, headers=headers)
    assert first.headers["Preference-Applied"] == "odata.maxpagesize=3"
    assert first.json()["@odata.nextLink"].startswith(sb.url + ISSUES + "?")
    pages = follow(http, sb.url + ISSUES, headers)
    assert [len(p["value"]) for p in pages[:-1]] == [3] * (len(pages) - 1)
    assert [i["id"] for p in pages for i in p["value"]] == expected


def test_issue_shape(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    issue = http.get(sb.url + ISSUES, headers=graph(sb, tid)).json()["value"][0]
    assert list(issue) == [
        "id", "title", "service", "feature", "featureGroup", "classification", "origin",
        "status", "startDateTime", "endDateTime", "lastModifiedDateTime", "isResolved",
        "impactDescription", "details", "posts",
    ]  # fmt: skip
    assert issue["classification"] in ("Incident", "Advisory")
    post = issue["posts"][0]
    assert post["postType"] in ("Regular", "Quick", "Strategic")
    assert post["description"]["contentType"] == "Html"
    # Text with blank lines between paragraphs (most of Microsoft's), or <br>/<p> markup.
    content = post["description"]["content"]
    assert "\n\n" in content or "<br>" in content or "<p>" in content


@pytest.mark.parametrize(
    ("flt", "check"),
    [
        ("isResolved eq false", lambda i: i["isResolved"] is False),
        ("isResolved eq true", lambda i: i["isResolved"] is True),
        ("service eq 'Exchange Online'", lambda i: i["service"] == "Exchange Online"),
        (
            "classification eq 'incident' and isResolved eq false",
            lambda i: i["classification"] == "Incident" and not i["isResolved"],
        ),
        (
            "lastModifiedDateTime ge 2026-11-19T00:00:00Z",
            lambda i: i["lastModifiedDateTime"] >= "2026-11-19T00:00:00Z",
        ),
    ],
)
def test_issue_filters(sb: Sandbox, http: requests.Session, flt: str, check: Any) -> None:
    tid = PARTNER
    pages = follow(
        http, sb.url + ISSUES + f"?$filter={flt}", graph(sb, tid, Prefer="odata.maxpagesize=2")
    )
    got = [i["id"] for p in pages for i in p["value"]]
    assert got == [i["id"] for i in sb.data.issues(tid) if check(i)]


@pytest.mark.parametrize(
    "flt", ["title eq 'x'", "isResolved eq maybe", "isResolved gt false", "service eq Exchange",
            "isResolved eq false or isResolved eq true", "lastModifiedDateTime ge yesterday"]
)  # fmt: skip
def test_unsupported_filters_are_400(sb: Sandbox, http: requests.Session, flt: str) -> None:
    resp = http.get(sb.url + ISSUES, params={"$filter": flt}, headers=graph(sb, PARTNER))
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "BadRequest"


def test_top_sets_the_page_size(sb: Sandbox, http: requests.Session) -> None:
    body = http.get(sb.url + ISSUES + "?$top=1", headers=graph(sb, PARTNER)).json()
    assert len(body["value"]) == 1
    assert "$top=1" in body["@odata.nextLink"]


def test_one_issue_and_its_report(sb: Sandbox, http: requests.Session) -> None:
    seen = sb.data.issues(PARTNER)
    one = seen[0]
    body = http.get(sb.url + f"{ISSUES}/{one['id']}", headers=graph(sb, PARTNER)).json()
    assert body["id"] == one["id"]
    assert body["posts"] == one["posts"]
    unseen = next(i for i in sb.data.pool if i.graph not in seen)
    assert http.get(sb.url + f"{ISSUES}/{unseen.id}", headers=graph(sb, PARTNER)).status_code == 404
    tid, reviewed = next(
        (c.tenant_id, i)
        for c in sb.data.customers
        if c.has_gdap
        for i in sb.data.issue_objects(c.tenant_id)
        if i.has_report
    )
    report = http.get(sb.url + f"{ISSUES}/{reviewed.id}/incidentReport", headers=graph(sb, tid))
    assert report.status_code == 200
    assert report.headers["Content-Type"] == "application/octet-stream"
    assert report.content.startswith(b"PK")  # a .docx (test_incident_posts.py opens it)
    plain = next(i for i in sb.data.issue_objects(tid) if not i.has_report)
    no_report = http.get(sb.url + f"{ISSUES}/{plain.id}/incidentReport", headers=graph(sb, tid))
    assert no_report.status_code == 404


def test_exactly_one_issue_carries_hostile_html(sb: Sandbox) -> None:
    hostile = [
        i.id
        for i in sb.data.pool
        if any("<img" in str(p["description"]) and "onclick=" in str(p["description"])
               for p in i.posts)
    ]  # fmt: skip
    assert hostile == [sb.data.hostile_issue_id]


@pytest.mark.parametrize("path", [HEALTH, ISSUES, "/graph/v1.0/sites/root"])
def test_no_gdap_tenant_is_forbidden(sb: Sandbox, http: requests.Session, path: str) -> None:
    tid = sb.data.no_gdap_customers()[0].tenant_id
    resp = http.get(sb.url + path, headers=graph(sb, tid, **{"client-request-id": "abc"}))
    assert resp.status_code == 403
    error = resp.json()["error"]
    assert error["code"] == "Forbidden"
    assert "GDAP" in error["message"]
    assert error["innerError"]["request-id"] == resp.headers["request-id"]
    assert resp.headers["client-request-id"] == "abc"


def test_graph_auth_failures(sb: Sandbox, http: requests.Session) -> None:
    tid = gdap_tenants(sb)[0]
    for headers in (
        {},
        pc(sb, tid),
        {"Authorization": f"Bearer {mint(sb, tid, 'x', expires_in=-1)}"},
    ):
        resp = http.get(sb.url + HEALTH, headers=headers)
        assert resp.status_code == 401
        assert resp.json()["error"]["code"] == "InvalidAuthenticationToken"
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")


def test_unknown_graph_route_is_404(sb: Sandbox, http: requests.Session) -> None:
    resp = http.get(sb.url + "/graph/v1.0/me/messages", headers=graph(sb, PARTNER))
    assert resp.status_code == 404
    assert "error" in resp.json()


def test_site_root(sb: Sandbox, http: requests.Session) -> None:
    renamed = 0
    for customer in [c for c in sb.data.customers if c.has_gdap]:
        body = http.get(
            sb.url + "/graph/v1.0/sites/root", headers=graph(sb, customer.tenant_id)
        ).json()
        host = body["siteCollection"]["hostname"]
        assert body["id"].startswith(host + ",")
        assert body["id"].count(",") == 2
        assert body["webUrl"] == f"https://{host}"
        assert host.endswith(".sharepoint.com")
        renamed += host.split(".")[0] != customer.slug
    assert renamed >= 1  # SharePoint names cannot always be derived from the domain


def test_gdap_relationships(sb: Sandbox, http: requests.Session) -> None:
    url = sb.url + GDAP + "/delegatedAdminRelationships?$filter=status eq 'active'&$top=10"
    pages = follow(http, url, graph(sb, PARTNER))
    active = [r for p in pages for r in p["value"]]
    assert len(pages) > 1
    assert all(r["status"] == "active" for r in active)
    assert sorted(r["customer"]["tenantId"] for r in active) == sorted(gdap_tenants(sb))
    rel = active[0]
    assert rel["duration"] == "P730D"
    assert rel["autoExtendDuration"] in ("P180D", "PT0S")
    assert rel["accessDetails"]["unifiedRoles"][0]["roleDefinitionId"]
    everything = follow(http, sb.url + GDAP + "/delegatedAdminRelationships", graph(sb, PARTNER))
    statuses = {r["status"] for p in everything for r in p["value"]}
    assert {"active", "expired"} <= statuses
    too_big = http.get(
        sb.url + GDAP + "/delegatedAdminRelationships?$top=301", headers=graph(sb, PARTNER)
    )
    assert too_big.status_code == 400
    customer_token = graph(sb, gdap_tenants(sb)[0])
    denied = http.get(sb.url + GDAP + "/delegatedAdminRelationships", headers=customer_token)
    assert denied.status_code == 403


def test_gdap_customers_and_management_links(sb: Sandbox, http: requests.Session) -> None:
    pages = follow(http, sb.url + GDAP + "/delegatedAdminCustomers", graph(sb, PARTNER))
    listed = [c["tenantId"] for p in pages for c in p["value"]]
    assert sorted(listed) == sorted(gdap_tenants(sb))
    tid = listed[0]
    details = http.get(
        sb.url + GDAP + f"/delegatedAdminCustomers/{tid}/serviceManagementDetails",
        headers=graph(sb, PARTNER),
    ).json()["value"]
    names = {d["serviceName"] for d in details}
    assert {"Microsoft 365 admin center", "Exchange admin center", "Microsoft Sentinel"} <= names
    assert all(d["serviceManagementUrl"].startswith("https://") for d in details)
    # As Graph's example names Microsoft's own portals (delegatedadmincustomer-list-
    # servicemanagementdetails): Lighthouse, Teams and Azure AD for every customer.
    by_name = {d["serviceName"]: d["serviceManagementUrl"] for d in details}
    domain = sb.data.customer(tid).domain  # type: ignore[union-attr]
    assert by_name["Microsoft 365 Lighthouse"] == "https://lighthouse.microsoft.com"
    assert by_name["Azure Active Directory"] == f"https://aad.portal.azure.com/{domain}"
    assert by_name["Teams"] == f"https://admin.teams.microsoft.com/?delegatedOrg={domain}"
    assert by_name["Microsoft 365 admin center"].startswith(
        f"https://portal.office.com/Partner/BeginClientSession.aspx?CTID={tid}&CSDEST="
    )
    for d in details:
        assert d["@odata.type"] == "#microsoft.graph.delegatedAdminServiceManagementDetail"
        assert len(d["id"]) == 36
    # Business Central and SharePoint for some customers only; SharePoint with the tenant's
    # SharePoint name (always listed where it is not the initial domain's first label).
    every = [sb.data.service_management_details(t) or [] for t in listed]
    central = [d for ds in every for d in ds if d["serviceName"] == "Dynamics 365 Business Central"]
    assert 0 < len(central) < len(listed)
    assert all(
        d["serviceManagementUrl"].startswith("https://businesscentral.dynamics.com/")
        and d["serviceManagementUrl"].endswith("/admin")
        for d in central
    )
    for t in listed:
        tenant = sb.data.customer(t)
        assert tenant is not None
        site = sb.data.sharepoint_name(tenant)
        points = {
            d["serviceManagementUrl"]
            for d in sb.data.service_management_details(t) or []
            if d["serviceName"] == "SharePoint"
        }
        assert points <= {f"https://{site}-admin.sharepoint.com"}
        if site != tenant.slug:
            assert points
    no_gdap = sb.data.no_gdap_customers()[0].tenant_id
    url = sb.url + GDAP + f"/delegatedAdminCustomers/{no_gdap}/serviceManagementDetails"
    assert http.get(url, headers=graph(sb, PARTNER)).status_code == 404
