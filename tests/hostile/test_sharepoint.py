"""SharePoint links (issue 16, item 11): `*.sharepoint.com` is every tenant's, an attacker's
included, so a link in an incident post to `https://evil-tenant.sharepoint.com/.../fix.exe`
survived sanitising and opened on a click. Only the customer's own SharePoint (its sites and
its admin center) is a link, and only on that customer's pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.api.links import check_url
from desktop.api.sanitize import sanitize_html
from desktop.config.clouds import GLOBAL
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .tampering import Rewrite, TamperingProxy

EVIL = "https://evil-tenant.sharepoint.com/sites/it/Shared%20Documents/fix.exe"
FOREIGN = [
    EVIL,
    "https://evil-tenant-admin.sharepoint.com/",
    "https://contoso-my.sharepoint.com/personal/x",  # not one of the two forms we open
    "https://evil.contoso.sharepoint.com/",
    "https://contosoadmin.sharepoint.com/",
    "https://contoso--admin.sharepoint.com/",
    "https://contoso.sharepoint.com.evil.example/",
]
OWN = ["https://contoso.sharepoint.com/sites/it", "https://contoso-admin.sharepoint.com/"]
POST = (
    "<p>Run the fix from <a href='{evil}'>fix.exe</a>, then check the "
    "<a href='https://{own}-admin.sharepoint.com/_layouts/15/online/AdminHome.aspx'>SharePoint "
    "admin center</a> and <a href='https://admin.cloud.microsoft/'>Microsoft 365</a>.</p>"
)


@pytest.mark.parametrize("url", FOREIGN + OWN)
def test_no_sharepoint_link_opens_without_a_customer(url: str) -> None:
    assert check_url(url, GLOBAL) is not None


def test_a_post_shown_without_a_customer_keeps_no_sharepoint_link() -> None:
    shown = sanitize_html(POST.format(evil=EVIL, own="contoso"), GLOBAL)
    assert "sharepoint.com" not in shown.replace(">fix.exe<", "")  # no href names it
    assert "fix.exe" in shown  # the words stay, as text
    assert 'href="https://admin.cloud.microsoft/"' in shown


@pytest.mark.parametrize("url", FOREIGN)
def test_another_tenants_sharepoint_never_opens_for_a_customer(url: str) -> None:
    reason = check_url(url, GLOBAL, ("contoso",))
    assert reason is not None


@pytest.mark.parametrize("url", OWN)
def test_the_customers_own_sharepoint_opens(url: str) -> None:
    assert check_url(url, GLOBAL, ("contoso",)) is None
    assert check_url(url, GLOBAL, ("CONTOSO",)) is None


def test_a_post_keeps_the_customers_own_sharepoint_link_only() -> None:
    shown = sanitize_html(POST.format(evil=EVIL, own="contoso"), GLOBAL, sharepoint=("contoso",))
    assert "evil-tenant" not in shown
    assert "fix.exe" in shown
    assert 'href="https://contoso-admin.sharepoint.com/_layouts' in shown


# -- through the backend, with the customer's names (initial domain, Microsoft's answer) ---------


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=40, seed=11, consented="all") as sandbox:
        yield sandbox


def renamed_customer(sb: Sandbox) -> tuple[Customer, str]:
    """A customer whose SharePoint name Microsoft gives and is not its domain's first label."""
    for c in sb.data.customers:
        details = sb.data.service_management_details(c.tenant_id) or []
        site = sb.data.sharepoint_name(c)
        if site != c.slug and any(d["serviceName"] == "SharePoint" for d in details):
            return Customer(c.tenant_id, c.company_name, c.domain, c.relationship), site
    raise AssertionError("no renamed tenant in the sandbox")


def test_the_backend_opens_the_customers_sharepoint_and_no_other(
    sb: Sandbox, tmp_path: Path
) -> None:
    backend = Backend.for_sandbox(sb.url, ca_pem=sb.ca_pem, token_dir=tmp_path)
    try:
        customer, site = renamed_customer(sb)
        label = customer.domain.split(".")[0]
        assert backend.check_link(f"https://{label}-admin.sharepoint.com/", customer) is None
        # Microsoft's name, once its portal links were read for the customer.
        portal = {p.portal_id: p for p in backend.portals(customer, include_microsoft=True)}
        assert portal["sharepoint"].url == f"https://{site}-admin.sharepoint.com"
        assert backend.check_portal(portal["sharepoint"], customer) is None
        assert backend.check_link(f"https://{site}.sharepoint.com/sites/x", customer) is None
        assert backend.check_link(EVIL, customer) is not None
        # Another customer's SharePoint is another tenant's.
        other = next(
            Customer(c.tenant_id, c.company_name, c.domain, c.relationship)
            for c in sb.data.customers
            if c.tenant_id != customer.tenant_id
        )
        assert backend.check_link(f"https://{site}-admin.sharepoint.com/", other) is not None
        assert backend.check_portal(portal["sharepoint"], other) is not None
        assert backend.check_link(f"https://{site}-admin.sharepoint.com/") is not None
    finally:
        backend.close()


# -- end to end: an incident post from a tampering proxy, read for one customer -------------------


ISSUES = "/admin/serviceAnnouncement/issues"


def injected_issue(own: str) -> dict[str, object]:
    return {
        "id": "EX999001",
        "title": "Users can't open files (injected)",
        "service": "SharePoint Online",
        "feature": "Files",
        "featureGroup": "SharePoint Features",
        "classification": "incident",
        "origin": "microsoft",
        "status": "serviceDegradation",
        "isResolved": False,
        "startDateTime": "2026-11-20T10:00:00Z",
        "lastModifiedDateTime": "2026-11-20T12:00:00Z",
        "impactDescription": "Users can't open files.",
        "posts": [
            {
                "createdDateTime": "2026-11-20T12:00:00Z",
                "postType": "regular",
                "description": {"contentType": "html", "content": POST.format(evil=EVIL, own=own)},
            }
        ],
    }


def with_issue(own: str) -> Rewrite:
    def rewrite(method: str, path: str, status: int, body: bytes) -> bytes:
        if method != "GET" or status != 200 or not path.split("?", 1)[0].endswith(ISSUES):
            return body
        answer = json.loads(body)
        answer["value"] = [*answer.get("value", []), injected_issue(own)]
        return json.dumps(answer).encode("utf-8")

    return rewrite


def test_an_incident_posts_foreign_sharepoint_link_is_text(sb: Sandbox, tmp_path: Path) -> None:
    customer = next(
        Customer(c.tenant_id, c.company_name, c.domain, c.relationship)
        for c in sb.data.customers
        if sb.data.graph_allowed(c.tenant_id)
    )
    own = customer.domain.split(".")[0]
    with TamperingProxy(sb, with_issue(own)) as proxy:
        backend = Backend.for_sandbox(proxy.url, ca_pem=sb.ca_pem, token_dir=tmp_path)
        try:
            issues = backend.issues(customer.tenant_id).items
            post = next(i for i in issues if i.id == "EX999001").posts[0]
            shown = backend.sanitize(post.content, post.content_type, customer)
            elsewhere = backend.sanitize(post.content, post.content_type)
        finally:
            backend.close()
    assert "evil-tenant" not in shown
    assert "fix.exe" in shown
    assert f'href="https://{own}-admin.sharepoint.com/' in shown
    assert "sharepoint.com" not in elsewhere.replace(">fix.exe<", "")
