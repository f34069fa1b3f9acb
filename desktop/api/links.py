"""Admin-portal links per customer, and the link policy every opened URL passes. No Qt.

Policy (API.md section 5, DESIGN.md "Security"): only `https` URLs whose host is on the active
cloud's allow-list open. A SharePoint host (`*.sharepoint.com`) is every tenant's, so it opens
only as the customer's own (`{name}.sharepoint.com`, `{name}-admin.sharepoint.com`, its name
from Microsoft's answer or its initial domain), and only where that customer is known.
Template values come from API data, so each is checked for its kind (a tenant GUID, a DNS name,
one DNS label) and URL-encoded; a value that could change a link's scheme, host or path -
`evil.example/#@x`, `javascript:` - is refused with a reason.

Where a link came from decides what it may be, and is explicit:
- `check_url`: every link - our templates, links in incident posts, pages we open. The cloud's
  allow-list only; a link of a Microsoft-only form (`CloudProfile.microsoft_links`: Lighthouse,
  Business Central, `BeginClientSession.aspx`, ...) is refused whatever its host.
- `check_microsoft_url`: a link Microsoft's own answer for the customer gave (Graph
  `serviceManagementDetails`, Partner Center `managedservices`): the allow-list and the cloud's
  Microsoft-only forms. Only `merge_microsoft_links` calls it; the links it makes say so
  (`PortalLink.from_microsoft`), and `check_link` applies the same check again when one is
  opened. Still https, still no user name, port or odd host.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import SplitResult, quote, urlsplit

from desktop.api.service_names import template_for
from desktop.config.clouds import CloudProfile
from desktop.config.portal_templates import (
    DIRECT_SIGN_IN_NOTE,
    GRAPH_SOURCE,
    MICROSOFT_NOTE,
    MICROSOFT_PURPOSE,
    PARTNER_CENTER_SOURCE,
    PortalTemplate,
)
from desktop.domain.customers import (
    Customer,
    CustomerDetail,
    ManagedService,
    PortalLink,
    ServiceManagementLink,
)
from desktop.domain.gdap import valid_relationship_id

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_CONTROL = re.compile(r"[\x00-\x20\x7f\\]")
# A host as DNS writes it: ASCII letters, digits, dots and hyphens (IDNs arrive punycoded).
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.?$")


def _structure(url: str) -> tuple[str | None, SplitResult | None]:
    """(why `url` is not a plain https link, None) or (None, its parts)."""
    if not url:
        return "The link is empty.", None
    if _CONTROL.search(url):
        return "The link contains spaces, control characters or backslashes.", None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "The link is not a valid URL.", None
    if parts.scheme.lower() != "https":
        return (
            f"Only https links are opened (this one is {parts.scheme or 'without a scheme'}).",
            None,
        )
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "The link hides its real host behind a user name.", None
    if port not in (None, 443):
        return f"The link uses an unusual port ({port}).", None
    host = (parts.hostname or "").lower()
    if not host:
        return "The link has no host.", None
    if not _HOST.match(host):
        # "evil.example%2F.sharepoint.com" ends with an allowed suffix for urlsplit, while a
        # browser decodes it to something else (or refuses it): only plain names are compared.
        return "The link's host is not a plain DNS name.", None
    return None, parts


def _sharepoint_refusal(host: str, cloud: CloudProfile, sharepoint: Iterable[str]) -> str | None:
    """Why a SharePoint `host` may not open: every tenant has one, an attacker's too, so only
    the customer's own (`sharepoint`: its SharePoint tenant names) opens. None when it may."""
    if host.rstrip(".") in cloud.sharepoint_hosts(sharepoint):
        return None
    if not sharepoint:
        return (
            f"{host} is a SharePoint site; only a customer's own SharePoint opens, from that "
            "customer's pages."
        )
    return f"{host} is another tenant's SharePoint, not this customer's."


def check_url(url: str, cloud: CloudProfile, sharepoint: Iterable[str] = ()) -> str | None:
    """Why `url` may not be opened in `cloud`, or None if it may. For every link that is not
    Microsoft's own answer for a customer (see `check_microsoft_url`).

    `sharepoint`: the SharePoint tenant names of the customer the link is shown for (its own
    `{name}.sharepoint.com` and `{name}-admin.sharepoint.com` open, no other tenant's); empty
    where no customer is (the dashboard, the partner's pages): then no SharePoint link opens."""
    reason, parts = _structure(url)
    if parts is None:
        return reason
    host = (parts.hostname or "").lower()
    if cloud.microsoft_form(host, parts.path) is not None:
        return (
            f"Links to {host} of this form are opened only when Microsoft's own answer for a "
            "customer gives them."
        )
    names = tuple(sharepoint)
    if cloud.is_sharepoint_host(host):
        return _sharepoint_refusal(host, cloud, names)
    if not cloud.host_allowed(host) and not is_invitation_link(url, cloud):
        return f"{host} is not an admin portal of the {cloud.name}."
    return None


def check_microsoft_url(
    url: str, cloud: CloudProfile, sharepoint: Iterable[str] = ()
) -> str | None:
    """Why `url`, given by Microsoft's own answer for a customer (serviceManagementDetails,
    managedservices), may not be opened in `cloud`, or None if it may: the allow-list, or one
    of the cloud's Microsoft-only forms. Never for links from anywhere else. `sharepoint` as
    for `check_url`: even Microsoft's answer for a customer opens that customer's SharePoint
    only."""
    reason, parts = _structure(url)
    if parts is None:
        return reason
    host = (parts.hostname or "").lower()
    names = tuple(sharepoint)
    if cloud.is_sharepoint_host(host):
        return _sharepoint_refusal(host, cloud, names)
    if cloud.microsoft_form(host, parts.path) is None and not cloud.host_allowed(host):
        return f"{host} is not an admin portal of the {cloud.name}."
    return None


def check_link(link: PortalLink, cloud: CloudProfile, sharepoint: Iterable[str] = ()) -> str | None:
    """Why a portal link may not be opened, by the policy of where it came from; None if it may.
    `sharepoint`: the SharePoint tenant names of the customer it is opened for."""
    if link.url is None:
        return link.error or "The link is not available."
    if link.from_microsoft:
        return check_microsoft_url(link.url, cloud, sharepoint)
    return check_url(link.url, cloud, sharepoint)


def invitation_link(cloud: CloudProfile, relationship_id: str) -> str | None:
    """The GDAP invitation link for a relationship (its id checked: it goes into the URL)."""
    if not cloud.gdap_invitation_url or not valid_relationship_id(relationship_id):
        return None
    return cloud.gdap_invitation_url.format(id=quote(relationship_id, safe=""))


def is_invitation_link(url: str, cloud: CloudProfile) -> bool:
    """Exactly the cloud's GDAP invitation form with a relationship id: allowed by its own
    rule, so that the host's other pages need not be on the allow-list."""
    head, _, tail = cloud.gdap_invitation_url.partition("{id}")
    return (
        bool(head) and not tail and url.startswith(head) and valid_relationship_id(url[len(head) :])
    )


def valid_domain(value: str) -> bool:
    labels = value.lower().rstrip(".").split(".")
    return len(labels) >= 2 and len(value) <= 253 and all(_LABEL.match(x) for x in labels)


# A tenant's initial domain, by cloud: Microsoft gives every tenant one, and it always resolves.
_INITIAL_SUFFIXES = (".onmicrosoft.com", ".onmicrosoft.us", ".onmicrosoft.de", ".onmschina.cn")


def is_initial_domain(domain: str) -> bool:
    name = domain.lower().rstrip(".")
    return (
        valid_domain(name)
        and name.endswith(_INITIAL_SUFFIXES)
        and not name.endswith(".mail.onmicrosoft.com")  # Exchange's routing domain
    )


def initial_domain(customer: Customer, detail: CustomerDetail | None = None) -> str:
    """The customer's initial `*.onmicrosoft.com` domain: Partner Center's `companyProfile.domain`,
    or, when that is not one, the first such in the customer's `customDomains`; else whatever
    Partner Center gave (checked by the caller). Never a custom domain when the initial one is
    known: one may be unverified or stale (API.md section 5)."""
    for domain in (customer.domain, *(detail.custom_domains if detail else ())):
        if is_initial_domain(domain):
            return domain.lower().rstrip(".")
    return customer.domain


def _value(
    kind: str, customer: Customer, detail: CustomerDetail | None, sharepoint: str | None
) -> tuple[str | None, str]:
    """(value, reason if unusable) for one template placeholder."""
    if kind == "tid":
        tid = customer.tenant_id
        return (tid, "") if _GUID.match(tid) else (None, "The tenant id is not a GUID.")
    if kind == "initial":
        domain = initial_domain(customer, detail)
        if not valid_domain(domain):
            return None, f"The customer's domain {domain[:60]!r} is not a valid domain name."
        return domain.lower(), ""
    if kind == "sharepoint":
        if sharepoint is None:
            return None, "The SharePoint address is not known yet."
        if not _LABEL.match(sharepoint):
            return None, f"{sharepoint[:60]!r} is not a SharePoint tenant name."
        return sharepoint, ""
    return None, f"Unknown template value {kind}."


def build_link(
    template: PortalTemplate,
    cloud: CloudProfile,
    customer: Customer,
    detail: CustomerDetail | None = None,
    sharepoint: str | None = None,
    sharepoint_error: str = "",
) -> PortalLink:
    note = DIRECT_SIGN_IN_NOTE if template.may_need_direct_sign_in else ""
    values: dict[str, str] = {}
    for kind in template.needs:
        value, why = _value(kind, customer, detail, sharepoint)
        if value is None:
            missing = sharepoint_error if kind == "sharepoint" and sharepoint_error else why
            return PortalLink(
                template.id, template.name, template.purpose, None, missing, note=note
            )
        # Encoded so that no character of API data can act as URL syntax.
        values[kind] = quote(value, safe="")
    url = template.template.format(**values)
    # Defence in depth: the result passes the policy like any link, and where the template fixes
    # the host, the host must be exactly the template's.
    reason: str | None = check_url(url, cloud, (sharepoint,) if sharepoint else ())
    fixed_host = urlsplit(template.template).hostname or ""
    if reason is None and "{" not in fixed_host and urlsplit(url).hostname != fixed_host:
        reason = "A value from the API would change the link's host."
    if reason is not None:
        return PortalLink(template.id, template.name, template.purpose, None, reason, note=note)
    return PortalLink(template.id, template.name, template.purpose, url, note=note)


def portal_links(
    cloud: CloudProfile,
    customer: Customer,
    detail: CustomerDetail | None = None,
    sharepoint: str | None = None,
    sharepoint_error: str = "",
) -> list[PortalLink]:
    return [
        build_link(t, cloud, customer, detail, sharepoint, sharepoint_error) for t in cloud.portals
    ]


def sharepoint_name(management: Iterable[ServiceManagementLink]) -> str | None:
    """The SharePoint tenant name in Microsoft's own SharePoint link for the customer
    (`https://{name}-admin.sharepoint.com` or `https://{name}.sharepoint.com`), if it gives one."""
    for link in management:
        if template_for(link.name) != "sharepoint":
            continue
        _, parts = _structure(link.url)
        host = (parts.hostname or "").lower() if parts else ""
        if not host.endswith(".sharepoint.com"):
            continue
        name = host.removesuffix(".sharepoint.com").removesuffix("-admin")
        if _LABEL.match(name):
            return name
    return None


def sharepoint_from_domain(customer: Customer, detail: CustomerDetail | None = None) -> str | None:
    """The first label of the customer's initial domain: the SharePoint name of almost every
    tenant (one renamed since keeps its first name). None without an initial domain."""
    domain = initial_domain(customer, detail)
    return domain.split(".", 1)[0] if is_initial_domain(domain) else None


def merge_microsoft_links(
    links: list[PortalLink],
    cloud: CloudProfile,
    managed: Iterable[ManagedService] = (),
    management: Iterable[ServiceManagementLink] = (),
    sharepoint: Iterable[str] = (),
) -> list[PortalLink]:
    """Add Microsoft's own links for services our templates lack; never replace a template.

    A service is ours when its whole name is a known name of one of this cloud's templates
    (service_names.py): "Teams" is, "Dynamics 365 Business Central" and "Microsoft 365
    Lighthouse" are not, and are added. Microsoft's links pass `check_microsoft_url`, so its own
    forms (Lighthouse, Business Central, `BeginClientSession.aspx`) open from here and from
    nowhere else; `sharepoint` names the customer's SharePoint, the only one that opens.
    `managedservices` URLs are often the old BeginClientSession form: fine as a fallback only.
    """
    covered = {link.portal_id for link in links}
    merged = list(links)
    names = tuple(sharepoint)
    candidates: list[tuple[str, str, str]] = [(m.name, m.url, GRAPH_SOURCE) for m in management] + [
        (m.name or m.id, m.admin_url, PARTNER_CENTER_SOURCE) for m in managed
    ]
    for name, url, source in candidates:
        portal_id = template_for(name)
        key = portal_id or "ms:" + name.casefold()
        if key in covered:
            continue
        covered.add(key)
        reason = check_microsoft_url(url, cloud, names)
        merged.append(
            PortalLink(
                key,
                name,
                MICROSOFT_PURPOSE.format(name, source),
                None if reason else url,
                reason or "",
                source=source,
                note=MICROSOFT_NOTE,
                from_microsoft=True,
            )
        )
    return merged
