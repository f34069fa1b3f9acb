"""Microsoft's service names to our portal templates: whole names, never substrings."""

from __future__ import annotations

import pytest

from desktop.api.service_names import KNOWN_NAMES, name_key, template_for
from desktop.config.clouds import GLOBAL


@pytest.mark.parametrize(
    ("name", "template"),
    [
        # Graph's serviceManagementDetails example (learn.microsoft.com/graph/api/
        # delegatedadmincustomer-list-servicemanagementdetails), verbatim.
        ("Azure Active Directory", "entra"),
        ("Microsoft 365 Lighthouse", None),
        ("Dynamics 365 Business Central", None),
        ("Teams", "teams"),
        # Partner Center's managedservices example (learn.microsoft.com/partner-center/
        # developer/get-the-managed-services-for-a-customer-by-id), names and ids verbatim.
        ("Exchange", "exchange"),
        ("SkypeforBusiness", "teams"),
        ("MicrosoftCommunicationsOnline", "teams"),
        # The portals as Microsoft names them now, and before.
        ("Microsoft 365 admin center", "m365"),
        ("Office 365", "m365"),
        ("Microsoft Entra admin center", "entra"),
        ("Microsoft Entra ID", "entra"),
        ("Azure AD", "entra"),
        ("Microsoft Teams admin center", "teams"),
        ("Skype for Business", "teams"),
        ("Exchange admin center", "exchange"),
        ("Exchange Online", "exchange"),
        ("Microsoft Intune admin center", "intune"),
        ("Microsoft Endpoint Manager", "intune"),
        ("Intune", "intune"),
        ("Microsoft Defender", "defender"),
        ("Microsoft 365 Defender", "defender"),
        ("Microsoft Purview compliance portal", "purview"),
        ("Dynamics 365", "powerplatform"),
        ("Dynamics 365 Customer Engagement", "powerplatform"),
        ("Power BI", "powerbi"),
        ("SharePoint", "sharepoint"),
        ("OneDrive for Business", "sharepoint"),
        ("Azure portal", "azure"),
        # Case, spacing and punctuation do not matter; a leading "Microsoft"/"Office 365" is
        # tried off only when the whole name is unknown.
        ("  microsoft   TEAMS ", "teams"),
        ("Microsoft Exchange Online", "exchange"),
        ("Office 365 Exchange Online", "exchange"),
        ("O365 SharePoint Online", "sharepoint"),
        ("Power-BI", "powerbi"),
        # Names that contain a template's words and are not that portal.
        ("Business Central", None),  # Busin-ess C-entra-l
        ("Microsoft Sentinel", None),
        ("Microsoft Azure Sentinel", None),
        ("Exchange Online Protection", None),
        ("Microsoft Teams Rooms Pro", None),
        ("Azure DevOps", None),
        ("Office 365 Lighthouse", None),
        ("Yammer", None),
        ("Viva Engage", None),
        ("Microsoft Power Apps", None),
        ("Microsoft", None),
        ("Office", "m365"),  # Partner Center's "Office" group is the admin center
        ("365", None),
        ("", None),
        ("!!!", None),
    ],
)
def test_microsofts_names_map_by_whole_name(name: str, template: str | None) -> None:
    assert template_for(name) == template


def test_every_known_name_maps_to_its_template() -> None:
    for portal_id, names in KNOWN_NAMES.items():
        for name in names:
            assert template_for(name) == portal_id, name


def test_the_table_names_only_templates_the_global_cloud_has() -> None:
    assert set(KNOWN_NAMES) <= {p.id for p in GLOBAL.portals}


def test_no_name_is_a_prefix_trap() -> None:
    # A name that strips to a known name must be that same portal: "Microsoft Teams" is
    # Teams, and no known name of one template is "Microsoft" + a known name of another.
    keys = {name_key(n): pid for pid, names in KNOWN_NAMES.items() for n in names}
    for key, portal_id in keys.items():
        for prefix in ("microsoft", "office365", "o365"):
            if key.startswith(prefix) and key[len(prefix) :] in keys:
                assert keys[key[len(prefix) :]] == portal_id, key
