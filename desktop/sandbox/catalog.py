"""Fixed reference data: services, support topics, GDAP roles, addresses (portal links:
admin_links.py)."""

from __future__ import annotations

import random

from desktop.config.clouds import SANDBOX_PARTNER_TENANT_ID

PARTNER_NAME = "Northbridge Cloud Services Ltd"
PARTNER_DOMAIN = "northbridgecloud.onmicrosoft.com"
PARTNER_DEFAULT_DOMAIN = "northbridgecloud.com"
PARTNER_PHONE = "+44 20 7946 0321"
PARTNER_TENANT_ID = SANDBOX_PARTNER_TENANT_ID

# Graph healthOverviews ids and names as the real service sends them.
CORE_SERVICES: tuple[tuple[str, str], ...] = (
    ("Exchange", "Exchange Online"),
    ("SharePoint", "SharePoint Online"),
    ("microsoftteams", "Microsoft Teams"),
    ("OneDriveForBusiness", "OneDrive for Business"),
    ("OrgLiveID", "Microsoft Entra"),
    ("Intune", "Microsoft Intune"),
    ("O365Client", "Microsoft 365 apps"),
    ("OSDPPlatform", "Microsoft 365 suite"),
    ("microsoft365defender", "Microsoft Defender XDR"),
    ("MDO", "Microsoft Defender for Office 365"),
    ("Planner", "Planner"),
    ("Forms", "Microsoft Forms"),
    ("MicrosoftFlowM365", "Power Automate in Microsoft 365"),
)
# Services only some tenants have, with the share of tenants that have them.
OPTIONAL_SERVICES: tuple[tuple[str, str, float], ...] = (
    ("PowerBIcom", "Power BI", 0.8),
    ("yammer", "Viva Engage", 0.85),
    ("Dynamics365", "Dynamics 365 Apps", 0.3),
)
SERVICE_NAMES: dict[str, str] = dict(CORE_SERVICES) | {s[0]: s[1] for s in OPTIONAL_SERVICES}
SERVICE_ORDER: tuple[str, ...] = tuple(SERVICE_NAMES)

# Partner Center's older workload names for the service incident feed.
PC_WORKLOADS: dict[str, str] = {
    "Exchange": "Exchange",
    "SharePoint": "SharePoint",
    "microsoftteams": "Lync",
    "OneDriveForBusiness": "OneDriveForBusiness",
    "OrgLiveID": "OrgLiveID",
    "Intune": "Intune",
    "O365Client": "O365Client",
    "OSDPPlatform": "OSDPPlatform",
    "microsoft365defender": "Microsoft365Defender",
    "MDO": "MDATP",
    "Planner": "Planner",
    "Forms": "Forms",
    "MicrosoftFlowM365": "MicrosoftFlow",
    "PowerBIcom": "PowerBIcom",
    "yammer": "yammer",
    "Dynamics365": "DynamicsCRM",
}

# The products of customer tickets (filed in the Microsoft 365 admin center or the Azure portal
# in the customer's context): (id, name, description, productId, productName, typical titles).
# The topics Partner Center lists for its create API are the partner's own: partner_topics.py.
SUPPORT_TOPICS: tuple[tuple[int, str, str, str, str, tuple[str, ...]], ...] = (
    (
        32444671,
        "Exchange Online: mail flow",
        "Email delivery delays, non-delivery reports, connectors and message trace.",
        "15",
        "Exchange Online",
        (
            "Inbound mail from external senders delayed by several hours",
            "NDR 550 5.7.708 when sending to partners",
            "Outbound connector to smart host failing TLS validation",
        ),
    ),
    (
        32444672,
        "Microsoft Teams: meetings and calling",
        "Joining meetings, audio and video quality, PSTN calling and Teams Rooms.",
        "23",
        "Microsoft Teams",
        (
            "Users cannot join scheduled meetings from the desktop client",
            "One-way audio on PSTN calls through Direct Routing",
        ),
    ),
    (
        32444680,
        "Sign-in and multifactor authentication",
        "Users cannot sign in, MFA prompts, conditional access and password resets.",
        "31",
        "Microsoft Entra ID",
        (
            "MFA prompts loop for users on iOS",
            "Conditional access blocks compliant devices",
            "Self-service password reset not sending verification codes",
        ),
    ),
    (
        32444685,
        "Licensing and subscriptions",
        "Assigning licences, subscription changes and trial conversions.",
        "42",
        "Microsoft 365 subscriptions",
        (
            "Licences not showing after subscription increase",
            "Cannot remove Microsoft 365 E3 licence from disabled users",
        ),
    ),
    (
        32444690,
        "SharePoint Online: sharing and permissions",
        "External sharing, access requests, site permissions and guest access.",
        "16",
        "SharePoint Online",
        (
            "Guests receive access denied on shared folders",
            "Sharing links expire earlier than the policy says",
        ),
    ),
    (
        32444693,
        "OneDrive: sync client",
        "Files not syncing, Files On-Demand and Known Folder Move.",
        "17",
        "OneDrive for Business",
        (
            "OneDrive sync stuck on 'Processing changes'",
            "Known Folder Move fails with error 0x8004de40",
        ),
    ),
    (
        32444701,
        "Microsoft Intune: device enrolment",
        "Enrolling Windows, iOS and Android devices, Autopilot and compliance.",
        "55",
        "Microsoft Intune",
        ("Autopilot devices fail at account setup", "iOS devices stuck in 'Not evaluated'"),
    ),
    (
        32444710,
        "Billing and invoices",
        "Invoices, payment methods, credits and billing profile changes.",
        "60",
        "Billing",
        (
            "Invoice shows duplicate charges for the same subscription",
            "Credit for service outage not applied",
        ),
    ),
    (
        32444715,
        "Microsoft 365 Apps: installation and activation",
        "Installing and activating Word, Excel, Outlook and the other desktop apps.",
        "18",
        "Microsoft 365 Apps",
        (
            "Outlook shows 'Unlicensed product' after reinstall",
            "Shared computer activation fails on Remote Desktop hosts",
        ),
    ),
    (
        32444722,
        "Microsoft Defender for Office 365: quarantine and phishing",
        "Messages in quarantine, false positives, Safe Links and Safe Attachments.",
        "71",
        "Microsoft Defender for Office 365",
        (
            "Legitimate invoices from supplier quarantined as phishing",
            "Safe Links rewriting breaks a line-of-business application",
        ),
    ),
    (
        32444730,
        "Power BI: reports and gateways",
        "Data refresh, on-premises data gateway, sharing reports and capacities.",
        "80",
        "Power BI",
        (
            "Scheduled refresh fails through the on-premises gateway",
            "Report visuals show 'Couldn't load the data for this visual'",
        ),
    ),
)

# Real Entra built-in role template ids, as GDAP relationships carry them (the template ids of
# learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference, "All
# roles"). The everyday roles of a support partner; the consent roles below come on top.
ROLES: tuple[tuple[str, str], ...] = (
    ("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"),
    ("f023fd81-a637-4b56-95fd-791ac0226033", "Service Support Administrator"),
    ("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"),
    ("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"),
    ("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"),
)
# Roles a relationship may add (same source): sampled from a stream of their own, so that the
# everyday roles above are drawn as before.
MORE_ROLES: tuple[tuple[str, str], ...] = (
    ("69091246-20e8-4a56-aa4d-066075b2a7a8", "Teams Administrator"),
    ("f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"),
    ("3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"),
    ("4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator"),
    ("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers"),
    ("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"),
    ("5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader"),
    ("790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", "Message Center Reader"),
    ("11648597-926c-4cf3-9c36-bcebb0ba8dcc", "Power Platform Administrator"),
)
SECURITY_ROLE_IDS = frozenset(
    {"194ae4cb-b126-40b2-bd5b-6091b380977d", "5d6b6bb7-de71-4623-b4af-96380a352509"}
)
# The partner's security groups that access assignments give roles to (GDAP: roles go to the
# partner's groups, never to users; learn.microsoft.com/graph/api/resources/
# delegatedadminaccessassignment). Names as partners commonly call them; whether the sandbox
# user is a member (what `me/transitiveMemberOf` lists).
PARTNER_GROUPS: tuple[tuple[str, str, bool], ...] = (
    ("support", "Partner Desk - Helpdesk Agents", True),
    ("admins", "Partner Desk - Tenant Administrators", True),
    ("security", "Partner Desk - Security Operations", False),
    ("modern-work", "Partner Desk - Modern Work Engineers", False),
)

# The roles that let the partner consent to an application in a customer through GDAP (API.md
# section 1; https://learn.microsoft.com/partner-center/customers/gdap-least-privileged-roles-by-task).
# A customer's active relationship holds one of them exactly when the sandbox lets it consent.
CONSENT_ROLES: tuple[tuple[str, str], ...] = (
    ("62e90394-69f5-4237-9190-012177145e10", "Global Administrator"),
    ("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"),
    ("158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator"),
)

# Microsoft Graph's application id, as consents and service principals name it.
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
APP_DISPLAY_NAME = "Partner Desk"
# The delegated permissions the sandbox's app registration holds in the partner's own tenant.
# User.Read: the names of the user's own groups (me/transitiveMemberOf), for GDAP access
# assignments; new registrations in the Entra admin center have it already.
PARTNER_GRAPH_SCOPES: tuple[str, ...] = (
    "ServiceHealth.Read.All",
    "ServiceMessage.Read.All",
    "DelegatedAdminRelationship.Read.All",
    "User.Read",
)
PARTNER_CENTER_SCOPES: tuple[str, ...] = ("user_impersonation",)
# Every delegated Graph permission a sandbox route asks for (a test token may carry them all).
GRAPH_ROUTE_SCOPES: tuple[str, ...] = (
    "ServiceHealth.Read.All",
    "ServiceMessage.Read.All",
    "DelegatedAdminRelationship.Read.All",
    "Sites.Read.All",
    "User.Read",
)


# (region, city, postal code pattern, streets, phone prefix); '#' in a pattern is a digit.
_PLACES: dict[str, tuple[tuple[str, str, str, tuple[str, ...], str], ...]] = {
    "TW": (
        ("台北市", "信義區", "110", ("信義路五段{n}號", "松仁路{n}號{f}樓"), "+886 2"),
        ("新竹市", "東區", "300", ("光復路二段{n}號", "科學園區研發二路{n}號"), "+886 3"),
        ("台中市", "西屯區", "407", ("台灣大道三段{n}號{f}樓",), "+886 4"),
        ("高雄市", "前鎮區", "806", ("成功二路{n}號",), "+886 7"),
    ),
    "JP": (
        ("東京都", "千代田区", "100-00##", ("丸の内{a}-{b}-{c}", "大手町{a}-{b}-{c}"), "+81 3"),
        ("大阪府", "大阪市北区", "530-00##", ("梅田{a}-{b}-{c}",), "+81 6"),
        ("愛知県", "名古屋市中村区", "450-00##", ("名駅{a}-{b}-{c}",), "+81 52"),
        ("福岡県", "福岡市博多区", "812-00##", ("博多駅前{a}-{b}-{c}",), "+81 92"),
    ),
    "DE": (
        ("BE", "Berlin", "10###", ("Friedrichstraße {n}", "Kurfürstendamm {n}"), "+49 30"),
        ("BY", "München", "80###", ("Leopoldstraße {n}", "Maximilianstraße {n}"), "+49 89"),
        ("HH", "Hamburg", "20###", ("Mönckebergstraße {n}", "Jungfernstieg {n}"), "+49 40"),
        ("NW", "Köln", "50###", ("Hohe Straße {n}", "Aachener Straße {n}"), "+49 221"),
        ("BW", "Stuttgart", "70###", ("Königstraße {n}",), "+49 711"),
    ),
    "US": (
        ("WA", "Redmond", "98052", ("{n} NE 40th St", "{n} 148th Ave NE"), "+1 425"),
        ("NY", "New York", "10001", ("{n} W 34th St", "{n} Broadway"), "+1 212"),
        ("TX", "Austin", "78701", ("{n} Congress Ave",), "+1 512"),
        ("IL", "Chicago", "60601", ("{n} N Michigan Ave",), "+1 312"),
        ("CA", "San Diego", "92101", ("{n} Harbor Dr",), "+1 619"),
    ),
    "GB": (
        ("", "London", "EC1A #BB", ("{n} Farringdon Road", "{n} Old Street"), "+44 20"),
        ("", "Manchester", "M1 #AE", ("{n} Deansgate",), "+44 161"),
        ("", "Leeds", "LS1 #UR", ("{n} Park Row",), "+44 113"),
    ),
    "FR": (
        (
            "Île-de-France",
            "Paris",
            "750##",
            ("{n} rue de Rivoli", "{n} avenue de l'Opéra"),
            "+33 1",
        ),
        ("Auvergne-Rhône-Alpes", "Lyon", "6900#", ("{n} rue de la République",), "+33 4"),
        ("Occitanie", "Toulouse", "3100#", ("{n} allée Jean Jaurès",), "+33 5"),
    ),
    "ES": (
        (
            "Madrid",
            "Madrid",
            "280##",
            ("Calle Mayor, {n}", "Paseo de la Castellana, {n}"),
            "+34 91",
        ),
        ("Barcelona", "Barcelona", "080##", ("Carrer de Balmes, {n}",), "+34 93"),
        ("Valencia", "Valencia", "460##", ("Calle de Colón, {n}",), "+34 96"),
    ),
}


def address(country: str, rng: random.Random) -> dict[str, str]:
    """A plausible postal address for the country, in its own script and format."""
    region, city, postal, streets, phone = rng.choice(_PLACES.get(country, _PLACES["US"]))
    street = rng.choice(streets).format(
        n=rng.randint(1, 399),
        f=rng.randint(2, 28),
        a=rng.randint(1, 9),
        b=rng.randint(1, 20),
        c=rng.randint(1, 30),
    )
    postal_code = "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in postal)
    number = f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return {
        "country": country,
        "region": region,
        "city": city,
        "addressLine1": street,
        "postalCode": postal_code,
        "phoneNumber": f"{phone} {number}",
    }
