"""The Microsoft clouds a partner can work in: endpoints, scopes, portal templates, allow-lists.

Every fact here comes from ../shared/API.md sections 1 and 5. Nothing in this module does I/O;
the sandbox profile is the global profile pointed at a local URL, so that its links and scopes look
exactly like the real ones. The portal templates and host lists are
`desktop.config.portal_templates`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from desktop.config.portal_templates import (
    GLOBAL_HOSTS,
    GLOBAL_MICROSOFT_LINKS,
    GLOBAL_SHAREPOINT_DOMAIN,
    MicrosoftLinkForm,
    PortalTemplate,
    global_portals,
    usgov_hosts,
    usgov_portals,
)

# One DNS label: a SharePoint tenant name ("contoso" of contoso.sharepoint.com).
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

# The sandbox's partner (home) tenant. Partner Center in the sandbox answers only for a token whose
# `tid` is this tenant, like the real service answers only for the signed-in partner.
SANDBOX_PARTNER_TENANT_ID = "7c0c36f6-2f2e-4e5b-9d2a-5a1d0c0ffee1"

PARTNER_CENTER_RESOURCE = "https://api.partnercenter.microsoft.com"
GRAPH_GLOBAL_RESOURCE = "https://graph.microsoft.com"

# The sandbox's app registration: Partner Desk as a multi-tenant public client in the sandbox
# partner tenant (what a real partner registers once, README "Sign in"). Its Entra issues
# tokens for this client id only, and consent in each customer names it (API.md section 2).
SANDBOX_CLIENT_ID = "5e7c1f2a-9b4d-4c8e-a1f3-0d2b6c8e9f10"

# The Graph permissions Partner Desk asks each customer tenant to consent to (API.md section 2
# "Application consents"): only what a customer-tenant call of the app needs. Service health
# and incidents read `admin/serviceAnnouncement` (ServiceHealth.Read.All); the message center
# (planned changes) reads `admin/serviceAnnouncement/messages` (ServiceMessage.Read.All,
# learn.microsoft.com/graph/api/serviceannouncement-list-messages). GDAP relationships are read
# in the partner's own tenant, so DelegatedAdminRelationship.Read.All is granted there when the
# app is registered, not in customers. A customer consented before a scope was added here must
# be consented again (desktop.services.consent).
CUSTOMER_GRAPH_SCOPES = ("ServiceHealth.Read.All", "ServiceMessage.Read.All")


@dataclass(frozen=True)
class CloudProfile:
    id: str
    name: str
    authority_host: str | None
    partner_center: str
    graph: str
    portals: tuple[PortalTemplate, ...]
    # Hosts links may open; an entry starting with "." allows that suffix (any subdomain).
    allowed_hosts: frozenset[str]
    # Links allowed only from Microsoft's own answers (links.check_microsoft_url); a link of one
    # of these forms from anywhere else is refused even where its host is on `allowed_hosts`.
    microsoft_links: tuple[MicrosoftLinkForm, ...] = ()
    # The domain of the tenants' SharePoint sites ("sharepoint.com"); "" where no template
    # links SharePoint. Its hosts open only for the customer they belong to (links.check_url).
    sharepoint_domain: str = ""
    gdap: bool = False
    service_requests: bool = True
    service_incidents: bool = True
    retired: bool = False
    retired_note: str = ""
    partner_center_resource: str = PARTNER_CENTER_RESOURCE
    home_tenant: str | None = None
    # Partner Center's page of a customer's GDAP (admin) relationships, `{tid}` the customer:
    # where a partner asks for a role that can consent. The address is the one CIPP opens
    # ("Open Relationship in Partner Center"); empty where it is not known.
    gdap_relationships_url: str = ""
    # Where a customer approves a GDAP relationship, `{id}` the relationship: the template of
    # learn.microsoft.com/graph/api/resources/delegatedadminrelationships-api-overview ("build
    # the customer invitation link"). Only this form opens, whatever the allow-list says
    # (api/links.py `is_invitation_link`); empty where Microsoft publishes none.
    gdap_invitation_url: str = ""

    def gdap_relationships_link(self, tenant_id: str) -> str:
        """The partner's page of one customer's GDAP relationships; "" when this cloud has none
        or `tenant_id` is not a tenant id (a `..` would make it another page)."""
        # A GUID (the form of desktop/domain/ids.py, which the sandbox below may not import):
        # nothing in it is URL syntax, and it is never a dot segment.
        if not self.gdap_relationships_url or not _GUID.fullmatch(tenant_id):
            return ""
        return self.gdap_relationships_url.format(tid=tenant_id)

    @property
    def partner_center_scope(self) -> str:
        return f"{self.partner_center_resource}/user_impersonation"

    @property
    def graph_scope(self) -> str:
        return f"{self.graph_resource}/.default"

    @property
    def graph_resource(self) -> str:
        return self.graph if self.id != "sandbox" else GLOBAL.graph

    def host_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        if host in self.allowed_hosts:
            return True
        return any(
            entry.startswith(".") and host.endswith(entry) and len(host) > len(entry)
            for entry in self.allowed_hosts
        )

    def sharepoint_hosts(self, names: Iterable[str]) -> frozenset[str]:
        """The SharePoint hosts of a customer whose SharePoint tenant name is one of `names`:
        `{name}.sharepoint.com` (its sites) and `{name}-admin.sharepoint.com` (its admin
        center). Nothing for a name that is not one DNS label, nor in a cloud without them."""
        if not self.sharepoint_domain:
            return frozenset()
        return frozenset(
            host
            for name in names
            if _LABEL.fullmatch(name.lower())
            for host in (
                f"{name.lower()}.{self.sharepoint_domain}",
                f"{name.lower()}-admin.{self.sharepoint_domain}",
            )
        )

    def is_sharepoint_host(self, host: str) -> bool:
        """Whether `host` is some tenant's SharePoint host in this cloud (whose, not said)."""
        domain = self.sharepoint_domain
        return bool(domain) and host.lower().rstrip(".").endswith("." + domain)

    def microsoft_form(self, host: str, path: str) -> MicrosoftLinkForm | None:
        """The Microsoft-only form `host` + `path` is of, if any."""
        return next((f for f in self.microsoft_links if f.matches(host, path)), None)

    def portal(self, portal_id: str) -> PortalTemplate | None:
        return next((p for p in self.portals if p.id == portal_id), None)


GLOBAL = CloudProfile(
    id="global",
    name="Microsoft global cloud",
    authority_host="https://login.microsoftonline.com",
    partner_center="https://api.partnercenter.microsoft.com",
    graph="https://graph.microsoft.com",
    portals=global_portals(),
    allowed_hosts=GLOBAL_HOSTS,
    microsoft_links=GLOBAL_MICROSOFT_LINKS,
    sharepoint_domain=GLOBAL_SHAREPOINT_DOMAIN,
    gdap=True,
    gdap_relationships_url=(
        "https://partner.microsoft.com/dashboard/commerce2/customers/{tid}/adminrelationships"
    ),
    gdap_invitation_url=(
        "https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/"
        "granularAdminRelationships/{id}"
    ),
)


USGOV = CloudProfile(
    id="usgov",
    name="US Government (GCC High)",
    authority_host="https://login.microsoftonline.us",
    partner_center="https://api.partnercenter.microsoft.com",
    graph="https://graph.microsoft.us",
    portals=usgov_portals(dod=False),
    allowed_hosts=usgov_hosts(dod=False),
)

USGOV_DOD = CloudProfile(
    id="usgov-dod",
    name="US Government (DoD)",
    authority_host="https://login.microsoftonline.us",
    partner_center="https://api.partnercenter.microsoft.com",
    graph="https://dod-graph.microsoft.us",
    portals=usgov_portals(dod=True),
    allowed_hosts=usgov_hosts(dod=True),
)


def _m365_and_azure_only(
    cloud_id: str,
    name: str,
    *,
    authority_host: str,
    partner_center: str,
    graph: str,
    m365_host: str,
    azure_host: str,
    **rest: Any,
) -> CloudProfile:
    """A cloud of two portals, its Microsoft 365 admin and its Azure portal (API.md section 5),
    whose hosts are all links may open, and where service requests and incidents do not apply
    (section 1)."""
    portals = {p.id: p for p in global_portals()}
    return CloudProfile(
        id=cloud_id,
        name=name,
        authority_host=authority_host,
        partner_center=partner_center,
        graph=graph,
        portals=(
            replace(portals["m365"], template=f"https://{m365_host}/", needs=()),
            replace(portals["azure"], template=f"https://{azure_host}/{{initial}}"),
        ),
        allowed_hosts=frozenset({m365_host, azure_host}),
        service_requests=False,
        service_incidents=False,
        **rest,
    )


CHINA = _m365_and_azure_only(
    "china",
    "Microsoft Azure operated by 21Vianet (China)",
    authority_host="https://login.chinacloudapi.cn",
    partner_center="https://partner.partnercenterapi.microsoftonline.cn",
    graph="https://microsoftgraph.chinacloudapi.cn",
    m365_host="portal.partner.microsoftonline.cn",
    azure_host="portal.azure.cn",
    partner_center_resource="https://partner.partnercenterapi.microsoftonline.cn",
)

GERMANY = _m365_and_azure_only(
    "germany",
    "Microsoft Cloud Deutschland (closed)",
    authority_host="https://login.microsoftonline.de",
    partner_center="https://api.partnercenter.microsoft.com",
    graph="https://graph.microsoft.de",
    m365_host="portal.office.de",
    azure_host="portal.microsoftazure.de",
    retired=True,
    retired_note=(
        "Microsoft Cloud Deutschland closed on 29 October 2021. Its customers moved to the "
        "global cloud: sign in there instead."
    ),
)


def sandbox_profile(url: str) -> CloudProfile:
    """The embedded or external sandbox at `url`: global's portals, scopes and allow-list.

    Its Entra, Partner Center and Graph are all served at `url` (Graph under `/graph`); tokens
    are asked for global's resources, as the sandbox checks them."""
    url = url.rstrip("/")
    return replace(
        GLOBAL,
        id="sandbox",
        name="Sandbox",
        authority_host=url,
        partner_center=url,
        graph=url + "/graph",
        home_tenant=SANDBOX_PARTNER_TENANT_ID,
    )


CLOUDS: dict[str, CloudProfile] = {c.id: c for c in (GLOBAL, USGOV, USGOV_DOD, CHINA, GERMANY)}


def get_cloud(cloud_id: str) -> CloudProfile:
    try:
        return CLOUDS[cloud_id]
    except KeyError:
        known = ", ".join(CLOUDS)
        raise ValueError(f"unknown cloud {cloud_id!r}; known clouds: {known}") from None
