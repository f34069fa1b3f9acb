"""Microsoft's web forms for a new support request in a customer's context. No I/O, no Qt.

The first way to escalate a customer's problem (API.md section 2): Partner Center's own "New
request" for a customer hands over to the Microsoft 365 admin center or the Azure portal in the
customer's context, and the create API only ever filed partner tickets. Two forms per cloud:
`support-m365` (the Microsoft 365 admin center) and `support-azure` (the Azure portal). A cloud
without one of them has no such form we know of: the filing says so instead of opening anything.
Links are built and checked like the admin-portal links (desktop.api.links, the cloud's
allow-list): every host here is on its cloud's list in desktop.config.clouds.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.config.clouds import CloudProfile
from desktop.config.portal_templates import QT_TRANSLATE_NOOP, PortalTemplate

M365, AZURE = "support-m365", "support-azure"

# The Azure portal's new-support-request blade, as Microsoft's current docs link it
# (learn.microsoft.com azure/devops/managed-devops-pools: "request additional quota at
# https://portal.azure.com/#view/Microsoft_Azure_Support/NewSupportRequestV3Blade/...", and the
# Azure Machine Learning and Automation limits pages). The older address
# `#blade/Microsoft_Azure_Support/HelpAndSupportBlade/newsupportrequest` (azure-docs
# how-to-create-azure-support-request) leads to the same form. A directory before the `#`
# (`portal.azure.com/{domain}/`, like the Azure portal link of API.md section 5) opens it in the
# customer's directory, where a partner with GDAP (or admin-on-behalf-of) files for them.
AZURE_SUPPORT_BLADE = "#view/Microsoft_Azure_Support/NewSupportRequestV3Blade"

_GLOBAL = (
    PortalTemplate(
        M365,
        # The forms' names are shown translated (context "portals"), like the portals'.
        QT_TRANSLATE_NOOP("portals", "Microsoft 365 admin center: new service request"),
        "A support request for the customer's Microsoft 365 services, filed in their admin "
        "center as their delegated admin.",
        # Microsoft's "Admins: Sign in and create a service request" link is
        # https://admin.microsoft.com/AdminPortal/Home#/support (learn.microsoft.com
        # troubleshoot/exchange, the NDR 550 5.7.x articles). The admin center lives at
        # admin.cloud.microsoft now and opens a customer with ?delegatedOrg= (API.md section 5,
        # like its service health link `#/servicehealth`).
        "https://admin.cloud.microsoft/?delegatedOrg={initial}#/support",
        ("initial",),
    ),
    PortalTemplate(
        AZURE,
        QT_TRANSLATE_NOOP("portals", "Azure portal: new support request"),
        "A support request for the customer's Azure subscriptions, filed in their directory.",
        "https://portal.azure.com/{initial}/" + AZURE_SUPPORT_BLADE,
        ("initial",),
    ),
)


def _usgov(dod: bool) -> tuple[PortalTemplate, ...]:
    """GCC High and DoD have their own admin centers, with no delegatedOrg form we know of:
    "To create a new service request, browse to the Microsoft 365 Admin Portal
    (https://portal.office365.us/adminportal) ... Support > New Service Request"
    (learn.microsoft.com troubleshoot/microsoft-365 "How to open Support cases for GCC High and
    DoD"); DoD's admin center is https://portal.apps.mil/adminportal/home (the Microsoft 365
    volume-licensing docs). Azure Government's portal is portal.azure.us (azure-docs
    how-to-create-azure-support-request). Labelled "may need a direct sign-in" (API.md 5)."""
    m365 = "https://portal.apps.mil" if dod else "https://portal.office365.us"
    return (
        replace(
            _GLOBAL[0],
            template=m365 + "/adminportal/home#/support",
            needs=(),
            may_need_direct_sign_in=True,
        ),
        replace(
            _GLOBAL[1],
            template="https://portal.azure.us/{initial}/" + AZURE_SUPPORT_BLADE,
            may_need_direct_sign_in=True,
        ),
    )


FORMS: dict[str, tuple[PortalTemplate, ...]] = {
    "global": _GLOBAL,
    "sandbox": _GLOBAL,  # the sandbox is the global cloud pointed at a local URL
    "usgov": _usgov(dod=False),
    "usgov-dod": _usgov(dod=True),
    # Azure operated by 21Vianet has its own portal (portal.azure.cn, API.md section 5); whether
    # its support blade takes a directory like the global one is not documented (uncertain).
    # No Microsoft 365 support form operated by 21Vianet is known.
    "china": (
        replace(
            _GLOBAL[1],
            template="https://portal.azure.cn/{initial}/" + AZURE_SUPPORT_BLADE,
            may_need_direct_sign_in=True,
        ),
    ),
    "germany": (),  # closed in 2021
}


def support_form(cloud: CloudProfile, form_id: str) -> PortalTemplate | None:
    """The cloud's form `form_id` (M365 or AZURE), or None where there is none."""
    return next((f for f in FORMS.get(cloud.id, ()) if f.id == form_id), None)


# Words in a service's name that make it an Azure problem (the Azure portal's form); everything
# else is filed in the Microsoft 365 admin center. Entra ID was "Azure Active Directory": those
# are Microsoft 365 admin center tickets, not Azure subscription ones.
_NOT_AZURE = ("azure active directory", "azure ad", "entra")


def form_for_service(service: str) -> str:
    name = service.casefold()
    if "azure" in name and not any(word in name for word in _NOT_AZURE):
        return AZURE
    return M365
