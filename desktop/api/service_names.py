"""Microsoft's names for the services it links a customer's admin portals under, and which of our
portal templates (desktop/config/clouds.py) each one is. No Qt, no I/O.

Names are matched WHOLE, never as substrings: "Dynamics 365 Business Central" contains "entra"
(Busin-ess C-entra-l) and "Microsoft 365 Lighthouse" contains "Microsoft 365", and neither is
the portal those words name. A name is normalised (case folded, every run of characters other
than letters and digits dropped, so "Skype for Business" and Partner Center's
"SkypeforBusiness" are one key) and looked up in `KNOWN_NAMES`; only when the whole name is
unknown is it tried once more without a leading "Microsoft", "Office 365" or "O365" (so
"Microsoft Exchange Online" is Exchange), and the rest must again be a whole known name: "365
Lighthouse" is not, so Lighthouse stays Microsoft's own link. An unknown name maps to no
template: Microsoft's link for it is shown as Microsoft gave it (if the link policy allows it).

Where the names come from (API.md section 5):
- Graph `serviceManagementDetails` example (learn.microsoft.com/graph/api/
  delegatedadmincustomer-list-servicemanagementdetails): "Azure Active Directory", "Microsoft 365
  Lighthouse", "Dynamics 365 Business Central", "Teams".
- Partner Center `managedservices` example (learn.microsoft.com/partner-center/developer/
  get-the-managed-services-for-a-customer-by-id): "Exchange", "SkypeforBusiness" (id
  "MicrosoftCommunicationsOnline").
- The portals' own names as Microsoft writes them today ("Microsoft Entra admin center",
  "Microsoft Intune admin center", ...) and their earlier names ("Azure AD", "Microsoft Endpoint
  Manager", "Microsoft 365 Defender", "Microsoft 365 compliance center").
"""

from __future__ import annotations

import re
from typing import Final

# Template id -> Microsoft's names for what that template opens.
KNOWN_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "m365": (
        "Microsoft 365 admin center",
        "Microsoft 365",
        "Office 365",
        "Office 365 admin center",
        "Office",  # Partner Center's managed service group and id for the admin center
    ),
    "exchange": ("Exchange", "Exchange Online", "Exchange admin center"),
    "entra": (
        "Azure Active Directory",
        "Azure AD",
        "AzureAD",
        "Azure Active Directory admin center",
        "Microsoft Entra ID",
        "Entra ID",
        "Microsoft Entra",
        "Microsoft Entra admin center",
    ),
    "teams": (
        "Teams",
        "Microsoft Teams",
        "Teams admin center",
        "Microsoft Teams admin center",
        "Skype for Business",
        "SkypeforBusiness",
        "Skype for Business Online",
        "MicrosoftCommunicationsOnline",
        "Lync",
    ),
    "azure": ("Azure", "Microsoft Azure", "Azure portal"),
    "intune": (
        "Intune",
        "Microsoft Intune",
        "Intune admin center",
        "Microsoft Intune admin center",
        "Microsoft Endpoint Manager",
        "Endpoint Manager",
        "Microsoft Endpoint Manager admin center",
    ),
    "defender": (
        "Microsoft Defender",
        "Defender",
        "Microsoft Defender portal",
        "Microsoft Defender XDR",
        "Microsoft 365 Defender",
    ),
    "purview": (
        "Microsoft Purview",
        "Purview",
        "Microsoft Purview portal",
        "Microsoft Purview compliance portal",
        "Microsoft 365 compliance center",
        "Compliance center",
    ),
    "powerplatform": (
        "Power Platform",
        "Microsoft Power Platform",
        "Power Platform admin center",
        # Dynamics 365's customer engagement apps are administered there; Business Central is
        # not (its own admin center: a name of its own, not matched).
        "Dynamics 365",
        "Dynamics CRM",
        "Dynamics 365 Customer Engagement",
    ),
    "powerbi": ("Power BI", "Microsoft Power BI", "Power BI admin portal"),
    "sharepoint": (
        "SharePoint",
        "SharePoint Online",
        "SharePoint admin center",
        "OneDrive",
        "OneDrive for Business",
    ),
}

# Tried off a name only when the whole name is unknown, and only once.
PREFIXES: Final = ("microsoft", "office365", "o365")
_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def name_key(name: str) -> str:
    """A name as compared: case folded, letters and digits only."""
    return _NOT_ALNUM.sub("", name.casefold())


def _by_key() -> dict[str, str]:
    found: dict[str, str] = {}
    for portal_id, names in KNOWN_NAMES.items():
        for name in names:
            if found.setdefault(name_key(name), portal_id) != portal_id:
                raise RuntimeError(f"{name!r} names two templates")
    return found


_BY_KEY: Final = _by_key()


def template_for(service_name: str) -> str | None:
    """The template id Microsoft's `service_name` is, by whole name; None when it is none."""
    key = name_key(service_name)
    if not key:
        return None
    found = _BY_KEY.get(key)
    if found is not None:
        return found
    for prefix in PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return _BY_KEY.get(key[len(prefix) :])
    return None
