"""Microsoft's own admin-portal links for one customer, as Partner Center and Graph give them.

Partner Center `GET /v1/customers/{id}/managedservices` - shape and link form from the response
example of learn.microsoft.com/partner-center/developer/get-the-managed-services-for-a-customer-
by-id: items `{id, name, groupName, links{adminService, serviceHealth, serviceTicket}, attributes
{objectType: "ManagedService"}}`, each link `{uri, method, headers}`, every uri of the old form
`https://portal.office.com/Partner/BeginClientSession.aspx?CTID=<ctid>&CSDEST=<destination>`.

Graph `GET /v1.0/tenantRelationships/delegatedAdminCustomers/{id}/serviceManagementDetails` -
shape and the first four items from the response example of learn.microsoft.com/graph/api/
delegatedadmincustomer-list-servicemanagementdetails (v1.0; microsoftgraph/microsoft-graph-docs-
contrib api-reference/v1.0/api/delegatedadmincustomer-list-servicemanagementdetails.md): items
`{"@odata.type": "#microsoft.graph.delegatedAdminServiceManagementDetail", id (a GUID),
serviceManagementUrl, serviceName}`, with Microsoft's own names and hosts: "Azure Active
Directory" (`aad.portal.azure.com/{initial domain}`), "Microsoft 365 Lighthouse"
(`lighthouse.microsoft.com`), "Dynamics 365 Business Central"
(`businesscentral.dynamics.com/{tenant id}/admin`), "Teams" (`admin.teams.microsoft.com/
?delegatedOrg={initial domain}`).

Items beyond the examples are marked as such: the same shapes, with the link forms API.md section
5 lists (the BeginClientSession form, the older Exchange, Entra and Intune hosts) and names as
the portals call themselves. Microsoft publishes no example that lists SharePoint; the sandbox
lists it for some customers (always for those whose SharePoint name is not their initial
domain's first label), as `https://{name}-admin.sharepoint.com`, so the app's use of that name
is exercised.
"""

from __future__ import annotations

import uuid

_BEGIN = "https://portal.office.com/Partner/BeginClientSession.aspx?CTID={tid}"
_DETAIL_TYPE = "#microsoft.graph.delegatedAdminServiceManagementDetail"


def managed_services(tid: str, initial: str, primary: str) -> list[dict[str, object]]:
    """Partner Center's "Administer services" list, in the link form it returns."""
    begin = _BEGIN.format(tid=tid)
    entries = (
        # The example's two items, as published.
        (
            "Exchange",
            "Exchange",
            "Office",
            f"{begin}&CSDEST=Exchange&InitialDomain={initial}&PrimaryDomain={primary}",
        ),
        (
            "MicrosoftCommunicationsOnline",
            "SkypeforBusiness",
            "Office",
            f"{begin}&CSDEST=MicrosoftCommunicationsOnline",
        ),
        # Beyond the example: the same form, and the older links of API.md section 5.
        ("Office", "Office 365", "Office", f"{begin}&CSDEST=o365admincenter"),
        ("SharePoint", "SharePoint", "Office", f"{begin}&CSDEST=SharePoint"),
        ("AzureAD", "Azure Active Directory", "Azure", f"https://aad.portal.azure.com/{initial}"),
        ("Intune", "Intune", "EMS", f"https://endpoint.microsoft.com/{initial}"),
        (
            "Dynamics365",
            "Dynamics 365",
            "Dynamics",
            f"https://admin.powerplatform.microsoft.com/account/login/{tid}",
        ),
    )
    return [
        {
            "id": sid,
            "name": name,
            "groupName": group,
            "links": {
                "adminService": {"uri": admin, "method": "GET", "headers": []},
                "serviceHealth": {
                    "uri": f"{begin}&CSDEST=ServiceStatus",
                    "method": "GET",
                    "headers": [],
                },
                "serviceTicket": {"uri": f"{begin}&CSDEST=Support", "method": "GET", "headers": []},
            },
            "attributes": {"objectType": "ManagedService"},
        }
        for sid, name, group, admin in entries
    ]


def service_management_details(
    tid: str, initial: str, *, business_central: bool, sharepoint: str | None
) -> list[dict[str, str]]:
    """Graph's serviceManagementDetails: Microsoft's own portal links for one customer.

    `business_central`: the customer has Business Central (Microsoft lists it only then);
    `sharepoint`: the SharePoint name to list a SharePoint link with, or None for none."""
    sentinel = (
        f"https://portal.azure.com/#@{initial}/blade/HubsExtension/BrowseResource/"
        "resourceType/microsoft.securityinsightsarg%2Fsentinel"
    )
    entries: list[tuple[str, str]] = [
        # The example's four items, as published (Business Central where the customer has it).
        ("Azure Active Directory", f"https://aad.portal.azure.com/{initial}"),
        ("Microsoft 365 Lighthouse", "https://lighthouse.microsoft.com"),
    ]
    if business_central:
        entries.append(
            ("Dynamics 365 Business Central", f"https://businesscentral.dynamics.com/{tid}/admin")
        )
    entries += [
        ("Teams", f"https://admin.teams.microsoft.com/?delegatedOrg={initial}"),
        # Beyond the example: the same shape, API.md section 5's forms.
        ("Microsoft 365 admin center", _BEGIN.format(tid=tid) + "&CSDEST=o365admincenter"),
        (
            "Exchange admin center",
            f"https://admin.exchange.microsoft.com/?landingPage=homepage&delegatedOrg={initial}",
        ),
        ("Microsoft Intune admin center", f"https://intune.microsoft.com/{initial}"),
        ("Microsoft Sentinel", sentinel),
        ("Microsoft Defender", f"https://security.microsoft.com/?tid={tid}"),
    ]
    if sharepoint is not None:
        entries.append(("SharePoint", f"https://{sharepoint}-admin.sharepoint.com"))
    return [
        {
            "@odata.type": _DETAIL_TYPE,
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{tid}/{name}")),
            "serviceManagementUrl": url,
            "serviceName": name,
        }
        for name, url in entries
    ]
