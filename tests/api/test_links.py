"""Portal links and the link policy, with hostile values from API data."""

from __future__ import annotations

import pytest

from desktop.api.links import build_link, check_url, merge_microsoft_links, portal_links
from desktop.config.clouds import CHINA, GLOBAL, USGOV, sandbox_profile
from desktop.domain.customers import (
    Address,
    Customer,
    CustomerDetail,
    ManagedService,
    ServiceManagementLink,
)

TID = "2f6a4b1e-93c3-4d8e-bf2a-0d3c7a6e5b41"
CONTOSO = Customer(TID, "Contoso", "contoso.onmicrosoft.com", "reseller")


def links_by_id(links):
    return {link.portal_id: link for link in links}


def test_global_templates_for_a_customer():
    links = links_by_id(portal_links(GLOBAL, CONTOSO, sharepoint="contoso"))
    assert (
        links["m365"].url == "https://admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com"
    )
    assert links["exchange"].url == (
        "https://admin.cloud.microsoft/exchange?delegatedOrg=contoso.onmicrosoft.com"
    )
    assert links["defender"].url == f"https://security.microsoft.com/?tid={TID}"
    assert links["powerplatform"].url == (
        f"https://admin.powerplatform.microsoft.com/account/login/{TID}"
    )
    assert links["powerbi"].url == f"https://app.powerbi.com/admin-portal?ctid={TID}"
    assert links["sharepoint"].url == "https://contoso-admin.sharepoint.com"
    assert links["servicehealth"].url.endswith("#/servicehealth")
    assert all(link.url for link in links.values())


def test_entra_azure_and_intune_use_the_initial_domain_not_a_custom_one():
    # A custom domain from customDomains may be unverified or stale (API.md section 5).
    detail = CustomerDetail(
        CONTOSO, "", Address(), ("contoso.com", "contoso.onmicrosoft.com"), True, ""
    )
    links = links_by_id(portal_links(GLOBAL, CONTOSO, detail, sharepoint="contoso"))
    assert links["entra"].url == "https://entra.microsoft.com/contoso.onmicrosoft.com"
    assert links["azure"].url == "https://portal.azure.com/contoso.onmicrosoft.com"
    assert links["intune"].url == "https://intune.microsoft.com/contoso.onmicrosoft.com"


def test_the_initial_domain_is_looked_for_in_the_custom_domains():
    # Partner Center's profile named a custom domain: the onmicrosoft one still wins, never
    # Exchange's routing domain (mail.onmicrosoft.com).
    renamed = Customer(TID, "Contoso", "contoso.com", "reseller")
    domains = ("contoso.mail.onmicrosoft.com", "contoso.com", "Contoso.onmicrosoft.com")
    detail = CustomerDetail(renamed, "", Address(), domains, True, "")
    links = links_by_id(portal_links(GLOBAL, renamed, detail, sharepoint="contoso"))
    assert links["entra"].url == "https://entra.microsoft.com/contoso.onmicrosoft.com"
    assert links["m365"].url == (
        "https://admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com"
    )
    # Without any onmicrosoft domain, Partner Center's domain is what there is.
    links = links_by_id(portal_links(GLOBAL, renamed, sharepoint="contoso"))
    assert links["entra"].url == "https://entra.microsoft.com/contoso.com"


def test_sandbox_links_look_exactly_like_global_ones():
    sandbox = sandbox_profile("http://127.0.0.1:9999")
    assert [link.url for link in portal_links(sandbox, CONTOSO, sharepoint="contoso")] == [
        link.url for link in portal_links(GLOBAL, CONTOSO, sharepoint="contoso")
    ]


@pytest.mark.parametrize(
    "domain",
    [
        "evil.example/#@x",
        "evil.example/#@contoso.onmicrosoft.com",
        "javascript:alert(1)",
        "contoso.onmicrosoft.com@evil.example",
        "contoso.onmicrosoft.com\\@evil.example",
        "contoso.onmicrosoft.com/../../evil",
        "contoso.onmicrosoft.com?x=1&delegatedOrg=evil",
        "con toso.onmicrosoft.com",
        "contoso.onmicrosoft.com\u202e",
        "contoso.onmicrosoft.com\x00evil",
        "",
        "a" * 300,
    ],
)
def test_hostile_domains_are_refused_with_a_reason(domain):
    hostile = Customer(TID, "Evil", domain, "reseller")
    links = links_by_id(portal_links(GLOBAL, hostile, sharepoint="contoso"))
    for pid in ("m365", "exchange", "teams", "entra", "azure", "intune"):
        assert links[pid].url is None, (pid, links[pid].url)
        assert links[pid].error
    # Values that need only the tenant id are unaffected.
    assert links["defender"].url


@pytest.mark.parametrize("tid", ["x/../../evil", "javascript:alert(1)", "", TID + "#x"])
def test_hostile_tenant_ids_are_refused(tid):
    links = links_by_id(portal_links(GLOBAL, Customer(tid, "E", "e.onmicrosoft.com", "none")))
    assert links["defender"].url is None
    assert links["defender"].error


@pytest.mark.parametrize("name", ["evil.example/x", "a.b", "-x", "UPPER/", "x@y", ""])
def test_hostile_sharepoint_names_are_refused(name):
    link = links_by_id(portal_links(GLOBAL, CONTOSO, sharepoint=name))["sharepoint"]
    assert link.url is None
    assert link.error


def test_unknown_sharepoint_says_why():
    link = links_by_id(portal_links(GLOBAL, CONTOSO, sharepoint_error="HTTP 403: no GDAP"))[
        "sharepoint"
    ]
    assert link.url is None
    assert "403" in link.error


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://admin.cloud.microsoft/?delegatedOrg=x.onmicrosoft.com", True),
        ("https://contoso-admin.sharepoint.com", False),  # no customer: no SharePoint
        ("https://sharepoint.com", False),
        ("https://evilsharepoint.com", False),
        ("http://admin.cloud.microsoft/", False),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("https://admin.cloud.microsoft@evil.example/", False),
        ("https://evil.example/?u=https://admin.cloud.microsoft/", False),
        ("https://admin.cloud.microsoft:8443/", False),
        ("https://admin.cloud.microsoft.evil.example/", False),
        ("https://ADMIN.CLOUD.MICROSOFT/", True),
        ("https://admin.cloud.microsoft/\nx", False),
        ("//admin.cloud.microsoft/", False),
        ("https://[::1]/", False),
    ],
)
def test_link_policy(url, allowed):
    assert (check_url(url, GLOBAL) is None) == allowed


def test_allow_lists_are_per_cloud():
    assert check_url("https://portal.azure.us/x", USGOV) is None
    assert check_url("https://portal.azure.us/x", GLOBAL) is not None
    assert check_url("https://portal.azure.com/x", CHINA) is not None
    usgov = links_by_id(portal_links(USGOV, CONTOSO))
    assert all(link.note for link in usgov.values())  # "may need a direct sign-in"


def test_microsoft_links_are_merged_only_where_they_add_a_service():
    template = GLOBAL.portal("exchange")
    assert template is not None
    links = [build_link(template, GLOBAL, CONTOSO)]
    managed = [
        ManagedService(
            "Exchange",
            "Exchange",
            "Office",
            "https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=x",
        ),
        ManagedService(
            "DynamicsCRM",
            "Dynamics 365 Customer Engagement",
            "Dynamics",
            "https://admin.powerplatform.microsoft.com/account/login/x",
        ),
        ManagedService("Evil", "Evil service", "Other", "https://evil.example/"),
    ]
    management = [
        ServiceManagementLink("1", "Microsoft Sentinel", "https://portal.azure.com/#view/Sentinel")
    ]
    merged = links_by_id(merge_microsoft_links(links, GLOBAL, managed, management))
    assert merged["exchange"].source == "template"
    assert merged["ms:microsoft sentinel"].url == "https://portal.azure.com/#view/Sentinel"
    assert merged["ms:microsoft sentinel"].source == "Microsoft (GDAP)"
    assert merged["ms:evil service"].url is None
    assert merged["ms:evil service"].error
    # Dynamics 365 Customer Engagement is administered in the Power Platform admin center,
    # which this list lacks: Microsoft's link stands in for it, under that template's id.
    assert merged["powerplatform"].url
    assert merged["powerplatform"].from_microsoft
    assert not merged["exchange"].from_microsoft
