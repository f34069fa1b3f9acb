"""Microsoft's own portal links (API.md section 5): allowed only from Microsoft's answers.

Lighthouse, Business Central and the BeginClientSession forms open when Graph's
serviceManagementDetails or Partner Center's managedservices give them, and from nowhere else
(our templates, incident posts); still https, still on a known host. Then against the sandbox:
the links the backend builds from its answers, and the SharePoint name Microsoft gives.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.api.links import (
    MICROSOFT_NOTE,
    check_link,
    check_microsoft_url,
    check_url,
    merge_microsoft_links,
    portal_links,
    sharepoint_name,
)
from desktop.api.sanitize import sanitize_html
from desktop.config.clouds import GLOBAL, USGOV, USGOV_DOD, sandbox_profile
from desktop.domain.customers import Customer, ManagedService, PortalLink, ServiceManagementLink
from desktop.sandbox import Sandbox
from desktop.services.backend import SHAREPOINT_DERIVED, Backend

TID = "2f6a4b1e-93c3-4d8e-bf2a-0d3c7a6e5b41"
CONTOSO = Customer(TID, "Contoso", "contoso.onmicrosoft.com", "reseller")
BC_TENANT = "55beae45-27a6-4e7a-8c7c-2eae70816cfa"

# Graph's example, verbatim (learn.microsoft.com/graph/api/
# delegatedadmincustomer-list-servicemanagementdetails, v1.0).
GRAPH_EXAMPLE = [
    ServiceManagementLink(
        "fa5fa04e-13df-4b7c-9e99-92573ba1fa55",
        "Azure Active Directory",
        "https://aad.portal.azure.com/contoso.onmicrosoft.com",
    ),
    ServiceManagementLink(
        "5d0273c3-0f0e-4e00-90e8-e792c8860fb5",
        "Microsoft 365 Lighthouse",
        "https://lighthouse.microsoft.com",
    ),
    ServiceManagementLink(
        "2b565abc-b0de-4974-97c0-bed0abb14a0f",
        "Dynamics 365 Business Central",
        f"https://businesscentral.dynamics.com/{BC_TENANT}/admin",
    ),
    ServiceManagementLink(
        "ce0b42f4-bfde-4abe-a5f7-add83f104b23",
        "Teams",
        "https://admin.teams.microsoft.com/?delegatedOrg=contoso.onmicrosoft.com",
    ),
]
BEGIN = f"https://portal.office.com/Partner/BeginClientSession.aspx?CTID={TID}"

MICROSOFT_ONLY = [
    "https://lighthouse.microsoft.com",
    "https://lighthouse.microsoft.com/#/tenants",
    f"https://businesscentral.dynamics.com/{BC_TENANT}/admin",
    f"{BEGIN}&CSDEST=Exchange&InitialDomain=contoso.onmicrosoft.com",
    f"https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID={TID}&CSDEST=o365admincenter",
    f"https://ADMIN.microsoft.com/partner/beginclientsession.aspx?CTID={TID}",
    "https://aad.portal.azure.com/contoso.onmicrosoft.com",
    "https://endpoint.microsoft.com/contoso.onmicrosoft.com",
    "https://admin.exchange.microsoft.com/?landingpage=homepage&delegatedOrg=contoso.com",
]


@pytest.mark.parametrize("url", MICROSOFT_ONLY)
def test_microsofts_own_forms_open_only_as_microsofts_answer(url: str) -> None:
    assert check_microsoft_url(url, GLOBAL) is None
    refused = check_url(url, GLOBAL)
    assert refused is not None
    # The template of an ordinary link, with that URL: refused; Microsoft's: allowed.
    assert check_link(PortalLink("x", "X", "", url), GLOBAL) == refused
    assert check_link(PortalLink("x", "X", "", url, from_microsoft=True), GLOBAL) is None


def test_the_admin_centers_other_pages_stay_open_to_every_link() -> None:
    # The GDAP invitation link (API.md section 3) and the admin center's pages are ordinary.
    invitation = "https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/x"
    assert check_url(invitation, GLOBAL) is None
    assert check_url("https://portal.office.com/adminportal/home", GLOBAL) is not None


def test_links_in_incident_posts_cannot_reach_microsoft_only_forms() -> None:
    html = (
        '<p><a href="https://lighthouse.microsoft.com/">Lighthouse</a> '
        f'<a href="{BEGIN}&amp;CSDEST=Support">support</a> '
        '<a href="https://admin.cloud.microsoft/">admin</a></p>'
    )
    cleaned = sanitize_html(html, GLOBAL)
    assert "lighthouse.microsoft.com" not in cleaned
    assert "BeginClientSession" not in cleaned
    assert 'href="https://admin.cloud.microsoft/"' in cleaned


@pytest.mark.parametrize(
    "url",
    [
        "http://lighthouse.microsoft.com",
        "javascript:alert(1)",
        "https://lighthouse.microsoft.com.evil.example/",
        "https://lighthouse.microsoft.com@evil.example/",
        "https://evil.example/#@lighthouse.microsoft.com",
        "https://evil.example\\@lighthouse.microsoft.com/",
        "https://lighthouse.microsoft.com:8443/",
        "https://evil.example/Partner/BeginClientSession.aspx?CTID=x",
        "https://portal.office.com/Partner/Other.aspx",  # the form is its path too
        "https://portal.office.com/",
        "https://businesscentral.dynamics.com.evil.example/x/admin",
        "https://evil.example/",
        "",
    ],
)
def test_hostile_links_in_microsofts_answer_are_refused(url: str) -> None:
    assert check_microsoft_url(url, GLOBAL) is not None
    merged = merge_microsoft_links([], GLOBAL, management=[ServiceManagementLink("1", "X", url)])
    assert merged[0].url is None
    assert merged[0].error


def test_graphs_example_adds_lighthouse_and_business_central_and_nothing_else() -> None:
    base = portal_links(GLOBAL, CONTOSO, sharepoint="contoso")
    merged = merge_microsoft_links(base, GLOBAL, management=GRAPH_EXAMPLE)
    extra = {link.name: link for link in merged[len(base) :]}
    assert set(extra) == {"Microsoft 365 Lighthouse", "Dynamics 365 Business Central"}
    lighthouse = extra["Microsoft 365 Lighthouse"]
    assert lighthouse.url == "https://lighthouse.microsoft.com"
    assert lighthouse.from_microsoft
    assert lighthouse.source == "Microsoft (GDAP)"
    assert lighthouse.note == MICROSOFT_NOTE
    central = extra["Dynamics 365 Business Central"]
    assert central.url == f"https://businesscentral.dynamics.com/{BC_TENANT}/admin"
    # Business Central is not Entra: Entra's template is untouched, and still the only Entra.
    entra = [link for link in merged if link.portal_id == "entra"]
    assert len(entra) == 1
    assert entra[0].url == "https://entra.microsoft.com/contoso.onmicrosoft.com"
    assert not entra[0].from_microsoft


def test_partner_centers_example_form_stands_in_where_a_template_is_missing() -> None:
    only_m365 = [link for link in portal_links(GLOBAL, CONTOSO) if link.portal_id == "m365"]
    managed = [
        ManagedService("Exchange", "Exchange", "Office", f"{BEGIN}&CSDEST=Exchange"),
        ManagedService(
            "MicrosoftCommunicationsOnline",
            "SkypeforBusiness",
            "Office",
            f"{BEGIN}&CSDEST=MicrosoftCommunicationsOnline",
        ),
    ]
    merged = {link.portal_id: link for link in merge_microsoft_links(only_m365, GLOBAL, managed)}
    assert merged["exchange"].url == f"{BEGIN}&CSDEST=Exchange"
    assert merged["teams"].url == f"{BEGIN}&CSDEST=MicrosoftCommunicationsOnline"
    assert merged["teams"].source == "Partner Center"
    assert all(merged[k].from_microsoft for k in ("exchange", "teams"))


def test_microsoft_only_forms_are_per_cloud() -> None:
    # Lighthouse is global's; a US Government cloud's answer naming it is refused.
    assert check_microsoft_url("https://lighthouse.microsoft.com", USGOV) is not None
    sandbox = sandbox_profile("https://127.0.0.1:9")
    assert check_microsoft_url("https://lighthouse.microsoft.com", sandbox) is None
    assert check_url("https://lighthouse.microsoft.com", sandbox) is not None


def test_dod_has_its_own_hosts() -> None:
    dod = {link.portal_id: link for link in portal_links(USGOV_DOD, CONTOSO)}
    gcc_high = {link.portal_id: link for link in portal_links(USGOV, CONTOSO)}
    assert dod["powerplatform"].url == "https://admin.appsplatform.us/"
    assert gcc_high["powerplatform"].url == "https://high.admin.powerplatform.microsoft.us/"
    assert dod["teams"].url == "https://admin.dod.teams.microsoft.us/"
    assert gcc_high["teams"].url == "https://admin.gov.teams.microsoft.us/"
    assert dod["m365"].url == "https://portal.apps.mil/"
    assert dod["exchange"].url == "https://admin.exchange.apps.mil/"
    assert dod["entra"].url == "https://entra.microsoft.us/contoso.onmicrosoft.com"
    # DoD staff never land in GCC High's centres, and every US Government link says it may
    # need a direct sign-in.
    assert check_url("https://high.admin.powerplatform.microsoft.us/", USGOV_DOD) is not None
    assert check_url("https://admin.gov.teams.microsoft.us/", USGOV_DOD) is not None
    for links in (dod, gcc_high):
        assert all(link.url and "direct sign-in" in link.note for link in links.values())


@pytest.mark.parametrize(
    ("urls", "name"),
    [
        (["https://fabrikamcorp-admin.sharepoint.com"], "fabrikamcorp"),
        (["https://fabrikamcorp.sharepoint.com/"], "fabrikamcorp"),
        (["https://evil.example/#@x-admin.sharepoint.com"], None),
        (["https://x-admin.sharepoint.com.evil.example"], None),
        (["javascript:alert(1)//x-admin.sharepoint.com"], None),
        (["https://a.b-admin.sharepoint.com"], None),
        (["https://evil.example/", "https://fabrikam-admin.sharepoint.com"], "fabrikam"),
    ],
)
def test_the_sharepoint_name_from_microsofts_link(urls: list[str], name: str | None) -> None:
    management = [ServiceManagementLink(str(i), "SharePoint", u) for i, u in enumerate(urls)]
    assert sharepoint_name(management) == name
    # Only a SharePoint entry gives it.
    others = [ServiceManagementLink("1", "Exchange", u) for u in urls]
    assert sharepoint_name(others) is None


# -- against the sandbox ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=60, seed=11, consented="all") as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def backend(sb: Sandbox) -> Iterator[Backend]:
    b = Backend.for_sandbox(sb.url, ca_pem=sb.ca_pem)
    yield b
    b.close()


def customer_of(sb: Sandbox, predicate) -> Customer:
    for c in sb.data.customers:
        details = sb.data.service_management_details(c.tenant_id)
        if details is not None and predicate(c, {d["serviceName"] for d in details}):
            return Customer(c.tenant_id, c.company_name, c.domain, c.relationship)
    raise AssertionError("no such customer in the sandbox")


def by_id(links: list[PortalLink]) -> dict[str, PortalLink]:
    return {link.portal_id: link for link in links}


def test_the_sandbox_names_lighthouse_and_business_central(sb: Sandbox, backend: Backend) -> None:
    customer = customer_of(sb, lambda c, names: "Dynamics 365 Business Central" in names)
    links = by_id(backend.portals(customer, include_microsoft=True))
    lighthouse = links["ms:microsoft 365 lighthouse"]
    assert lighthouse.url == "https://lighthouse.microsoft.com"
    central = links["ms:dynamics 365 business central"]
    assert central.url == f"https://businesscentral.dynamics.com/{customer.tenant_id}/admin"
    assert backend.check_portal(lighthouse) is None
    assert backend.check_portal(central) is None
    assert backend.check_link("https://lighthouse.microsoft.com") is not None
    # Services our templates know keep the templates, on the initial domain.
    assert not links["entra"].from_microsoft
    assert links["entra"].url == f"https://entra.microsoft.com/{customer.domain}"
    assert links["teams"].url == (
        f"https://admin.teams.microsoft.com/?delegatedOrg={customer.domain}"
    )
    assert links["ms:microsoft sentinel"].url


def test_sharepoint_uses_microsofts_name_when_it_gives_one(sb: Sandbox, backend: Backend) -> None:
    renamed = customer_of(
        sb, lambda c, names: sb.data.sharepoint_name(c) != c.slug and "SharePoint" in names
    )
    link = by_id(backend.portals(renamed, include_microsoft=True))["sharepoint"]
    tenant = sb.data.customer(renamed.tenant_id)
    assert tenant is not None
    assert link.url == f"https://{sb.data.sharepoint_name(tenant)}-admin.sharepoint.com"
    assert SHAREPOINT_DERIVED not in link.note
    # Without Microsoft's answer (exports do not ask), the name is derived and says so.
    derived = by_id(backend.portals(renamed))["sharepoint"]
    assert derived.url == f"https://{tenant.slug}-admin.sharepoint.com"
    assert SHAREPOINT_DERIVED in derived.note


def test_sharepoint_is_derived_when_microsoft_does_not_list_it(
    sb: Sandbox, backend: Backend
) -> None:
    unlisted = customer_of(sb, lambda c, names: "SharePoint" not in names)
    link = by_id(backend.portals(unlisted, include_microsoft=True))["sharepoint"]
    assert link.url == f"https://{unlisted.domain.split('.')[0]}-admin.sharepoint.com"
    assert SHAREPOINT_DERIVED in link.note
    # Never Graph's sites/root (it needs Sites.Read.All, which GDAP roles do not give).
    assert not [e for e in sb.request_log() if "/sites/root" in str(e["path"])]
    assert any("serviceManagementDetails" in str(e["path"]) for e in sb.request_log())


def test_without_gdap_partner_centers_list_adds_nothing_the_templates_have(
    sb: Sandbox, backend: Backend
) -> None:
    plain = next(c for c in sb.data.customers if not c.has_gdap)
    customer = Customer(plain.tenant_id, plain.company_name, plain.domain, plain.relationship)
    links = backend.portals(customer, include_microsoft=True)
    # Every managedservices name is a template's (Exchange, SkypeforBusiness, Office 365, ...).
    assert [link.portal_id for link in links] == [p.id for p in GLOBAL.portals]
    assert all(link.url for link in links)
