"""Admin portal link templates and the hosts links may open, per cloud (API.md section 5).

`desktop.config.clouds` puts them into each cloud's profile. No I/O: data and two small value types.

The portals' names and purposes, and the notes a link can carry, are English here (the command
line and exports use them as they are) and marked for the translation context "portals": the
window shows them translated (desktop.qt.models.portals). Names are translated where Microsoft's
own localized admin centers translate them ("Microsoft 365 Admin Center", "Microsoft 365
系統管理中心"); names from Microsoft's answers (Lighthouse, Business Central) are not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for lupdate; this module has no Qt, so the UI translates it where shown."""
    return text


#: The translation context of the texts below.
TR_CONTEXT = "portals"
#: A link's notes (`PortalLink.note` joins those that apply with a space).
DIRECT_SIGN_IN_NOTE = QT_TRANSLATE_NOOP("portals", "May need a direct sign-in in this cloud.")
MICROSOFT_NOTE = QT_TRANSLATE_NOOP("portals", "Microsoft's own link for this customer.")
SHAREPOINT_DERIVED = QT_TRANSLATE_NOOP("portals", "Address derived from the tenant name.")
NOTES = (DIRECT_SIGN_IN_NOTE, MICROSOFT_NOTE, SHAREPOINT_DERIVED)
#: Why the SharePoint link is missing (a link's `error`; other errors stay English).
SHAREPOINT_UNKNOWN = QT_TRANSLATE_NOOP("portals", "SharePoint address unknown: no initial domain")
#: The purpose of a link from Microsoft's own answer: its name, and who gave it (a *_SOURCE).
MICROSOFT_PURPOSE = QT_TRANSLATE_NOOP("portals", "{0}, as linked by {1}.")
GRAPH_SOURCE = QT_TRANSLATE_NOOP("portals", "Microsoft (GDAP)")
PARTNER_CENTER_SOURCE = QT_TRANSLATE_NOOP("portals", "Partner Center")

# `initial`: the customer's initial `*.onmicrosoft.com` domain, which always resolves (API.md
# section 5: a custom domain from Partner Center's customDomains may be unverified or stale).
PortalValue = Literal["tid", "initial", "sharepoint"]


@dataclass(frozen=True)
class PortalTemplate:
    """One admin portal: how to build its link for a customer, and what it is for."""

    id: str
    name: str
    purpose: str
    template: str
    # Which customer values the template needs; a missing value means "no link" with a reason.
    needs: tuple[PortalValue, ...]
    # Services (Graph healthOverviews ids) this portal administers, to jump from a failing service.
    services: tuple[str, ...] = ()
    # US Government links are community-sourced: label them (API.md section 5).
    may_need_direct_sign_in: bool = False


@dataclass(frozen=True)
class MicrosoftLinkForm:
    """A link Partner Desk opens only when Microsoft's own answer for a customer gives it
    (Graph `serviceManagementDetails`, Partner Center `managedservices`): never generated, never
    taken from other data (incident posts, customer fields). `path` empty: any path on `host`;
    else the path must be exactly it (compared without case)."""

    host: str
    path: str = ""
    source: str = ""  # where Microsoft is seen answering with this form

    def matches(self, host: str, path: str) -> bool:
        if host.lower().rstrip(".") != self.host:
            return False
        return not self.path or path.lower() == self.path.lower()


def global_portals() -> tuple[PortalTemplate, ...]:
    return (
        PortalTemplate(
            "m365",
            QT_TRANSLATE_NOOP("portals", "Microsoft 365 admin center"),
            QT_TRANSLATE_NOOP(
                "portals", "Users, licences, billing, domains and the tenant's settings."
            ),
            "https://admin.cloud.microsoft/?delegatedOrg={initial}",
            ("initial",),
            (
                "O365Client",
                "Forms",
                "Planner",
                "Bookings",
                "MicrosoftFlowM365",
                "PowerAppsM365",
                "yammer",
            ),
        ),
        PortalTemplate(
            "exchange",
            QT_TRANSLATE_NOOP("portals", "Exchange admin center"),
            QT_TRANSLATE_NOOP(
                "portals", "Mailboxes, mail flow rules, connectors and message trace."
            ),
            "https://admin.cloud.microsoft/exchange?delegatedOrg={initial}",
            ("initial",),
            ("Exchange",),
        ),
        PortalTemplate(
            "entra",
            QT_TRANSLATE_NOOP("portals", "Microsoft Entra admin center"),
            QT_TRANSLATE_NOOP(
                "portals", "Sign-in, conditional access, users, groups and app registrations."
            ),
            "https://entra.microsoft.com/{initial}",
            ("initial",),
            ("OrgLiveID",),
        ),
        PortalTemplate(
            "teams",
            QT_TRANSLATE_NOOP("portals", "Microsoft Teams admin center"),
            QT_TRANSLATE_NOOP("portals", "Teams policies, meetings, calling and devices."),
            "https://admin.teams.microsoft.com/?delegatedOrg={initial}",
            ("initial",),
            ("microsoftteams",),
        ),
        PortalTemplate(
            "azure",
            QT_TRANSLATE_NOOP("portals", "Azure portal"),
            QT_TRANSLATE_NOOP("portals", "Azure subscriptions, resources and their health."),
            "https://portal.azure.com/{initial}",
            ("initial",),
        ),
        PortalTemplate(
            "intune",
            QT_TRANSLATE_NOOP("portals", "Microsoft Intune admin center"),
            QT_TRANSLATE_NOOP("portals", "Device enrolment, compliance and app deployment."),
            "https://intune.microsoft.com/{initial}",
            ("initial",),
            ("Intune",),
        ),
        PortalTemplate(
            "defender",
            QT_TRANSLATE_NOOP("portals", "Microsoft Defender portal"),
            QT_TRANSLATE_NOOP(
                "portals", "Security incidents, alerts, email and endpoint protection."
            ),
            "https://security.microsoft.com/?tid={tid}",
            ("tid",),
            ("microsoft365defender", "MDO", "MicrosoftDefenderforEndpoint", "cloudappsecurity"),
        ),
        PortalTemplate(
            "purview",
            QT_TRANSLATE_NOOP("portals", "Microsoft Purview portal"),
            QT_TRANSLATE_NOOP("portals", "Compliance, retention, data loss prevention and audit."),
            "https://purview.microsoft.com/?tid={tid}",
            ("tid",),
        ),
        PortalTemplate(
            "powerplatform",
            QT_TRANSLATE_NOOP("portals", "Power Platform admin center"),
            QT_TRANSLATE_NOOP(
                "portals", "Environments, Dataverse and Power Apps / Power Automate policies."
            ),
            "https://admin.powerplatform.microsoft.com/account/login/{tid}",
            ("tid",),
            ("DynamicsCRM", "Dynamics365"),
        ),
        PortalTemplate(
            "powerbi",
            QT_TRANSLATE_NOOP("portals", "Power BI admin portal"),
            QT_TRANSLATE_NOOP("portals", "Power BI tenant settings, capacities and usage."),
            "https://app.powerbi.com/admin-portal?ctid={tid}",
            ("tid",),
            ("PowerBIcom",),
        ),
        PortalTemplate(
            "sharepoint",
            QT_TRANSLATE_NOOP("portals", "SharePoint admin center"),
            QT_TRANSLATE_NOOP(
                "portals", "Sites, sharing settings and storage for SharePoint and OneDrive."
            ),
            "https://{sharepoint}-admin.sharepoint.com",
            ("sharepoint",),
            ("SharePoint", "OneDriveForBusiness"),
        ),
        PortalTemplate(
            "servicehealth",
            QT_TRANSLATE_NOOP("portals", "Service health (admin center)"),
            QT_TRANSLATE_NOOP("portals", "Microsoft's own service health page for this customer."),
            "https://admin.cloud.microsoft/?delegatedOrg={initial}#/servicehealth",
            ("initial",),
        ),
    )


GLOBAL_HOSTS = frozenset(
    {
        "admin.cloud.microsoft",
        "admin.microsoft.com",
        "entra.microsoft.com",
        "admin.teams.microsoft.com",
        "portal.azure.com",
        "intune.microsoft.com",
        "security.microsoft.com",
        "purview.microsoft.com",
        "compliance.microsoft.com",
        "admin.powerplatform.microsoft.com",
        "app.powerbi.com",
        "partner.microsoft.com",
        "learn.microsoft.com",
        "status.cloud.microsoft",
    }
)
# SharePoint is not on the list: `*.sharepoint.com` is every tenant's, an attacker's included.
# Only the customer's own `{name}.sharepoint.com` and `{name}-admin.sharepoint.com` open, where
# the customer is known (api/links.py `check_url(..., sharepoint=...)`).
GLOBAL_SHAREPOINT_DOMAIN = "sharepoint.com"

_GRAPH_SMD = (
    "learn.microsoft.com/graph/api/delegatedadmincustomer-list-servicemanagementdetails "
    "(its example)"
)
_PC_MANAGED = (
    "learn.microsoft.com/partner-center/developer/get-the-managed-services-for-a-customer-by-id "
    "(its example)"
)
_BEGIN = "/Partner/BeginClientSession.aspx"

# Microsoft's own links (API.md section 5): the hosts its answers name that no template of ours
# generates, and the older forms it still returns. Accepted from those answers only.
GLOBAL_MICROSOFT_LINKS = (
    MicrosoftLinkForm("lighthouse.microsoft.com", "", _GRAPH_SMD),
    MicrosoftLinkForm("businesscentral.dynamics.com", "", _GRAPH_SMD),
    MicrosoftLinkForm("aad.portal.azure.com", "", _GRAPH_SMD),
    MicrosoftLinkForm("portal.office.com", _BEGIN, _PC_MANAGED),
    MicrosoftLinkForm("admin.microsoft.com", _BEGIN, "API.md section 5 (older forms)"),
    MicrosoftLinkForm("admin.exchange.microsoft.com", "", "API.md section 5 (older forms)"),
    MicrosoftLinkForm("endpoint.microsoft.com", "", "API.md section 5 (older forms)"),
)


# US Government hosts (API.md section 5, uncertain: community lists and a few Microsoft docs).
# DoD has its own Microsoft 365, Teams and Power Platform hosts (Power Platform's: MicrosoftDocs
# power-automate-docs "us-govt", `admin.appsplatform.us`, not GCC High's); its Exchange admin
# center is `admin.exchange.apps.mil` by community lists only.
_USGOV_HOSTS = {
    "m365": ("portal.office365.us", "portal.apps.mil"),
    "exchange": ("admin.exchange.office365.us", "admin.exchange.apps.mil"),
    "teams": ("admin.gov.teams.microsoft.us", "admin.dod.teams.microsoft.us"),
    "powerplatform": ("high.admin.powerplatform.microsoft.us", "admin.appsplatform.us"),
}


def _usgov_host(portal_id: str, dod: bool) -> str:
    return _USGOV_HOSTS[portal_id][1 if dod else 0]


def usgov_portals(dod: bool) -> tuple[PortalTemplate, ...]:
    def t(pid: str, url: str, needs: tuple[PortalValue, ...]) -> PortalTemplate:
        base = next(p for p in global_portals() if p.id == pid)
        return replace(base, template=url, needs=needs, may_need_direct_sign_in=True)

    return (
        t("m365", f"https://{_usgov_host('m365', dod)}/", ()),
        t("exchange", f"https://{_usgov_host('exchange', dod)}/", ()),
        t("entra", "https://entra.microsoft.us/{initial}", ("initial",)),
        t("teams", f"https://{_usgov_host('teams', dod)}/", ()),
        t("azure", "https://portal.azure.us/{initial}", ("initial",)),
        t("intune", "https://intune.microsoft.us/{initial}", ("initial",)),
        t("defender", "https://security.microsoft.us/?tid={tid}", ("tid",)),
        t("purview", "https://purview.microsoft.us/?tid={tid}", ("tid",)),
        t("powerplatform", f"https://{_usgov_host('powerplatform', dod)}/", ()),
    )


def usgov_hosts(dod: bool) -> frozenset[str]:
    return frozenset(
        {
            *(_usgov_host(pid, dod) for pid in _USGOV_HOSTS),
            "entra.microsoft.us",
            "portal.azure.us",
            "intune.microsoft.us",
            "security.microsoft.us",
            "purview.microsoft.us",
            "partner.microsoft.com",
            "learn.microsoft.com",
        }
    )
