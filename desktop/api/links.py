"""Admin-portal links per customer, and the link policy every opened URL passes. No Qt.

Policy (API.md section 5, DESIGN.md "Security"): only `https` URLs whose host is on the active
cloud's allow-list open. Template values come from API data, so each is checked for its kind
(a tenant GUID, a DNS name, one DNS label) and URL-encoded; a value that could change a link's
scheme, host or path - `evil.example/#@x`, `javascript:` - is refused with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from desktop.clouds import CloudProfile, PortalTemplate
from desktop.models.gdap import valid_relationship_id
from desktop.models.records import (
    Customer,
    CustomerDetail,
    ManagedService,
    PortalLink,
    ServiceManagementLink,
)

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_CONTROL = re.compile(r"[\x00-\x20\x7f\\]")
# A host as DNS writes it: ASCII letters, digits, dots and hyphens (IDNs arrive punycoded).
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.?$")


def check_url(url: str, cloud: CloudProfile) -> str | None:
    """Why `url` may not be opened in `cloud`, or None if it may."""
    if not url:
        return "The link is empty."
    if _CONTROL.search(url):
        return "The link contains spaces, control characters or backslashes."
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "The link is not a valid URL."
    if parts.scheme.lower() != "https":
        return f"Only https links are opened (this one is {parts.scheme or 'without a scheme'})."
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "The link hides its real host behind a user name."
    if port not in (None, 443):
        return f"The link uses an unusual port ({port})."
    host = (parts.hostname or "").lower()
    if not host:
        return "The link has no host."
    if not _HOST.match(host):
        # "evil.example%2F.sharepoint.com" ends with an allowed suffix for urlsplit, while a
        # browser decodes it to something else (or refuses it): only plain names are compared.
        return "The link's host is not a plain DNS name."
    if not cloud.host_allowed(host) and not is_invitation_link(url, cloud):
        return f"{host} is not an admin portal of the {cloud.name}."
    return None


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


def _value(
    kind: str, customer: Customer, detail: CustomerDetail | None, sharepoint: str | None
) -> tuple[str | None, str]:
    """(value, reason if unusable) for one template placeholder."""
    if kind == "tid":
        tid = customer.tenant_id
        return (tid, "") if _GUID.match(tid) else (None, "The tenant id is not a GUID.")
    if kind == "initial":
        domain = customer.domain
        if not valid_domain(domain):
            return None, f"The customer's domain {domain[:60]!r} is not a valid domain name."
        return domain.lower(), ""
    if kind == "default":
        domain = detail.default_domain if detail else customer.domain
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
    note = "May need a direct sign-in in this cloud." if template.may_need_direct_sign_in else ""
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
    reason: str | None = check_url(url, cloud)
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


# Words in Microsoft's own service names that say which of our templates covers them.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "m365": ("microsoft 365 admin", "office 365", "office", "o365"),
    "exchange": ("exchange",),
    "entra": ("entra", "azure active directory", "azure ad"),
    "teams": ("teams", "lync", "skype"),
    "azure": ("azure portal", "azure management"),
    "intune": ("intune", "endpoint manager"),
    "defender": ("defender", "security center"),
    "purview": ("purview", "compliance"),
    "powerplatform": ("power platform",),
    "powerbi": ("power bi",),
    "sharepoint": ("sharepoint", "onedrive"),
}


def template_for(service_name: str) -> str | None:
    name = service_name.lower()
    for portal_id, words in _KEYWORDS.items():
        if any(w in name for w in words):
            return portal_id
    return None


def merge_microsoft_links(
    links: list[PortalLink],
    cloud: CloudProfile,
    managed: Iterable[ManagedService] = (),
    management: Iterable[ServiceManagementLink] = (),
) -> list[PortalLink]:
    """Add Microsoft's own links for services our templates lack; never replace a template.

    `managedservices` URLs may be the old BeginClientSession form: fine as a fallback only.
    """
    covered = {link.portal_id for link in links}
    merged = list(links)
    candidates: list[tuple[str, str, str]] = [
        (m.name, m.url, "Microsoft (GDAP)") for m in management
    ] + [(m.name or m.id, m.admin_url, "Partner Center") for m in managed]
    for name, url, source in candidates:
        portal_id = template_for(name)
        if portal_id is not None and portal_id in covered:
            continue
        key = portal_id or "ms:" + name.lower()
        if key in covered:
            continue
        covered.add(key)
        reason = check_url(url, cloud)
        merged.append(
            PortalLink(
                key,
                name,
                f"{name}, as linked by {source}.",
                None if reason else url,
                reason or "",
                source=source,
            )
        )
    return merged
