"""The message center: planned changes (Graph `admin/serviceAnnouncement/messages`).

One pool serves every tenant, as Microsoft posts one message (one MC id) to every tenant it
concerns: each tenant sees the messages about services it has, most of them to every such
tenant, a few only to some (data.py picks, deterministically from the seed).

Shapes follow Microsoft's published examples, "List serviceAnnouncement messages" and "Get
serviceUpdateMessage" (learn.microsoft.com/graph/api/serviceannouncement-list-messages,
/graph/api/serviceupdatemessage-get; microsoftgraph/microsoft-graph-docs-contrib
api-reference/v1.0/api/serviceannouncement-list-messages.md): the keys in the examples' order,
enums PascalCase ("StayInformed", "Normal") though the resource page documents them camelCase,
`body.contentType` "Html", `viewPoint` and `expiryDateTime` null, `details` name/value pairs
("ExternalLink"). `hasAttachments` is on the resource page
(api-reference/v1.0/resources/serviceupdatemessage.md) though not in the examples.
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop.sandbox.catalog import SERVICE_NAMES
from desktop.sandbox.timefmt import iso_ms, iso_z

# serviceUpdateCategory / serviceUpdateSeverity as the service sends them (PascalCase).
PREVENT, PLAN, INFORM = "PreventOrFixIssue", "PlanForChange", "StayInformed"


@dataclass(frozen=True)
class Template:
    title: str
    category: str
    services: tuple[str, ...]  # healthOverviews ids (catalog.SERVICE_NAMES)
    tags: tuple[str, ...]
    major: bool
    # Days from now to the action-required date (negative: already passed); None: no action.
    action_days: int | None
    severity: str = "Normal"
    # Share of the tenants having one of `services` that get it (1.0: all, as most posts).
    reach: float = 1.0
    change: str = ""  # what changes (the body's first paragraph)
    prepare: str = ""  # what admins should do
    # A page of its own, linked from the body ("Learn more"); "" for none.
    link: str = ""


# Every post's `details` link (its "ExternalLink"): Microsoft's article on the message center.
# A post names each link once: the body's own page, if any, is another one.
MESSAGE_CENTER_HELP = "https://learn.microsoft.com/microsoft-365/admin/manage/message-center"


TEMPLATES: tuple[Template, ...] = (
    Template(
        "Exchange Online: Retirement of RBAC Application Impersonation",
        PLAN,
        ("Exchange",),
        ("Retirement", "Admin impact"),
        True,
        9,
        "High",
        change="The ApplicationImpersonation RBAC role will be removed from Exchange Online. "
        "Applications that use it to reach mailboxes will stop working.",
        prepare="Find the apps assigned this role and move them to application access "
        "policies or RBAC for Applications before the date below.",
        link="https://learn.microsoft.com/exchange/permissions-exo/application-rbac",
    ),
    Template(
        "Microsoft Entra: Mandatory multifactor authentication for admin portals",
        PREVENT,
        ("OrgLiveID",),
        ("Admin impact", "User impact"),
        True,
        4,
        "High",
        change="Sign-ins to the Azure portal, the Microsoft Entra admin center and the "
        "Intune admin center will require multifactor authentication.",
        prepare="Make sure every administrator has registered an MFA method, and update "
        "break-glass accounts to use a phishing-resistant method.",
        link="https://learn.microsoft.com/entra/identity/authentication/"
        "concept-mandatory-multifactor-authentication",
    ),
    Template(
        "SharePoint Online: SharePoint Add-Ins retirement",
        PLAN,
        ("SharePoint",),
        ("Retirement", "Admin impact"),
        True,
        21,
        change="SharePoint Add-Ins will stop working for all tenants. New add-ins can no "
        "longer be installed from the store or from app catalogs.",
        prepare="Use the Microsoft 365 Assessment tool to find add-ins in use and migrate "
        "them to the SharePoint Framework.",
        link="https://learn.microsoft.com/sharepoint/dev/sp-add-ins/retirement-announcement-"
        "for-add-ins",
    ),
    Template(
        "Exchange Online: Basic authentication for SMTP AUTH client submission retires",
        PREVENT,
        ("Exchange",),
        ("Retirement", "Admin impact"),
        True,
        38,
        "High",
        change="Basic authentication for SMTP AUTH client submission will be permanently "
        "disabled. Devices and apps that send mail with a password will be refused.",
        prepare="Move printers and line-of-business apps to OAuth, or to a connector for "
        "high-volume email.",
    ),
    Template(
        "Microsoft Intune: Plan for change – Intune ends support for Android device administrator",
        PLAN,
        ("Intune",),
        ("Retirement", "Admin impact"),
        True,
        60,
        reach=0.55,
        change="Devices enrolled with Android device administrator will no longer receive "
        "Intune policy or app updates.",
        prepare="Move devices to Android Enterprise work profile or fully managed enrollment.",
    ),
    Template(
        "Microsoft Teams: Classic Teams client reaches end of availability",
        PLAN,
        ("microsoftteams",),
        ("Retirement", "User impact"),
        True,
        -3,
        change="The classic Teams desktop client is no longer available; users are moved "
        "to the new Teams app at their next sign-in.",
        prepare="Check that the new Teams app is deployed with your Office installations "
        "and that your VDI images include it.",
    ),
    Template(
        "Microsoft 365 apps: Outlook for Windows COM add-ins and the new Outlook",
        PLAN,
        ("O365Client", "Exchange"),
        ("User impact", "Feature update"),
        True,
        75,
        change="The new Outlook for Windows will become the default. COM add-ins do not run "
        "in it; web add-ins do.",
        prepare="Inventory COM add-ins your users rely on and plan their web add-in replacements.",
    ),
    Template(
        "Microsoft Defender for Office 365: Safe Links protection for Teams messages by default",
        INFORM,
        ("MDO", "microsoftteams"),
        ("Feature update", "Admin impact"),
        False,
        None,
        change="Built-in protection will scan URLs in Teams messages at time of click.",
        prepare="No action is needed; review your Safe Links policies if you have exceptions.",
    ),
    Template(
        "Planner: The new Planner replaces Tasks by Planner and To Do in Teams",
        INFORM,
        ("Planner", "microsoftteams"),
        ("New feature", "User impact"),
        False,
        None,
        change="The Tasks app in Teams becomes the new Planner app, with basic and premium "
        "plans in one place.",
        prepare="Tell users about the new name and icon; pinned apps are updated automatically.",
    ),
    Template(
        "Microsoft Forms: Forms data moves to the Microsoft 365 geography of your tenant",
        INFORM,
        ("Forms",),
        ("Data privacy",),
        False,
        None,
        change="Forms content created from now on is stored in your tenant's Microsoft 365 "
        "data location.",
        prepare="No action is needed.",
    ),
    Template(
        "OneDrive: Sync client ends support for older versions of Windows",
        PLAN,
        ("OneDriveForBusiness",),
        ("User impact",),
        False,
        45,
        change="The OneDrive sync app will stop syncing on devices with unsupported Windows "
        "versions.",
        prepare="Upgrade the devices concerned, or tell their users before the date below.",
    ),
    Template(
        "Power Automate: Flows owned by users without a license are turned off",
        PREVENT,
        ("MicrosoftFlowM365",),
        ("Admin impact",),
        False,
        14,
        reach=0.45,
        change="Flows whose owners left the organisation or lost their license are turned "
        "off after 30 days.",
        prepare="Assign co-owners to business-critical flows, or move them to service accounts.",
    ),
    Template(
        "Microsoft 365 suite: Updates to the Microsoft 365 admin center home page",
        INFORM,
        ("OSDPPlatform",),
        ("Feature update",),
        False,
        None,
        change="The admin center's home page gets a new layout with recommended actions.",
        prepare="No action is needed.",
    ),
    Template(
        "Power BI: Workspaces without capacity move to Pro license mode",
        PLAN,
        ("PowerBIcom",),
        ("Admin impact", "Retirement"),
        True,
        30,
        reach=0.6,
        change="Workspaces on retired capacity SKUs move to Pro license mode.",
        prepare="Buy Fabric capacity for the workspaces that need it and reassign them.",
    ),
    Template(
        "Viva Engage: Classic communities are upgraded to the new Viva Engage",
        INFORM,
        ("yammer",),
        ("User impact",),
        False,
        None,
        change="Remaining classic Yammer communities move to the new Viva Engage experience.",
        prepare="No action is needed.",
    ),
    Template(
        "Dynamics 365: Deprecation of the legacy web client for model-driven apps",
        PLAN,
        ("Dynamics365",),
        ("Retirement", "User impact"),
        True,
        90,
        change="The legacy web client is removed; all model-driven apps open in Unified Interface.",
        prepare="Test customisations in Unified Interface.",
    ),
    Template(
        "Microsoft Defender XDR: Unified alert queue becomes the default",
        INFORM,
        ("microsoft365defender",),
        ("Feature update",),
        False,
        None,
        reach=0.8,
        change="The unified alert queue replaces the product-specific queues.",
        prepare="No action is needed; saved filters carry over.",
    ),
    Template(
        "Microsoft Entra: Legacy MFA and SSPR policies are migrated to Authentication methods",
        PLAN,
        ("OrgLiveID",),
        ("Admin impact",),
        True,
        120,
        change="Authentication methods set in the legacy MFA and SSPR policies will be "
        "managed only in the Authentication methods policy.",
        prepare="Run the migration guide in the Entra admin center and review the result.",
    ),
    Template(
        "Exchange Online: Outlook on the web gets a new reading pane layout",
        INFORM,
        ("Exchange",),
        ("New feature", "User impact"),
        False,
        None,
        change="The reading pane of Outlook on the web can now open to the right by default.",
        prepare="No action is needed.",
    ),
    Template(
        "Microsoft Teams: Meeting recordings expire after 120 days by default",
        PLAN,
        ("microsoftteams", "OneDriveForBusiness", "SharePoint"),
        ("Admin impact", "User impact"),
        False,
        26,
        change="New meeting recordings will expire 120 days after they were recorded unless "
        "a different default is set.",
        prepare="Change the expiration setting in the Teams admin center if your retention "
        "rules need it.",
    ),
)


@dataclass
class Message:
    id: str
    template: Template
    start: datetime
    end: datetime
    last_modified: datetime
    action_by: datetime | None
    graph: dict[str, object] = field(default_factory=dict)
    graph_json: bytes = b""

    @property
    def services(self) -> tuple[str, ...]:
        return self.template.services

    @property
    def reach(self) -> float:
        return self.template.reach


def _body(t: Template, action_by: datetime | None) -> str:
    """Message center bodies are real HTML (paragraphs, a list, a link), unlike issue posts."""
    e = html.escape
    when = (
        f"<p>[When this will happen:]</p><ul><li>Action required by "
        f"{e(action_by.strftime('%B %d, %Y'))}.</li></ul>"
        if action_by
        else "<p>[When this will happen:]</p><ul><li>Rolling out over the coming weeks.</li></ul>"
    )
    return (
        f"<p>{e(t.change)}</p>{when}"
        f"<p>[How this will affect your organization:]</p><p>{e(_affects(t))}</p>"
        f"<p>[What you need to do to prepare:]</p><p>{e(t.prepare)}</p>"
        + (f'<p>Learn more: <a href="{e(t.link)}">{e(t.link)}</a></p>' if t.link else "")
    )


def _affects(t: Template) -> str:
    names = ", ".join(SERVICE_NAMES[s] for s in t.services)
    if t.action_days is None:
        return f"Users and admins of {names} will see the change; nothing stops working."
    return f"Admins of {names} must act by the date above, or the features named stop working."


def _morning(day: datetime) -> datetime:
    """Microsoft's dates fall at a fixed hour of the day (07:00 UTC here)."""
    return day.replace(hour=7, minute=0, second=0, microsecond=0)


def build_pool(seed: int, now: datetime) -> list[Message]:
    """Every message of the sandbox, newest change first; ids unique, stable for a seed."""
    rng = random.Random(f"{seed}:messages")
    used: set[str] = set()
    pool: list[Message] = []
    for template in TEMPLATES:
        while True:
            mid = f"MC{rng.randint(700_000, 999_999)}"
            if mid not in used:
                used.add(mid)
                break
        start = now - timedelta(days=rng.randint(5, 90), hours=rng.randint(0, 23))
        modified = start + (now - start) * rng.uniform(0.1, 0.95)
        action = None
        if template.action_days is not None:
            action = _morning(now + timedelta(days=template.action_days))
        end = _morning((action or now) + timedelta(days=rng.randint(20, 60)))
        # Microsoft marks a post it changed after publishing "(Updated)": some, not most.
        updated = rng.random() < 0.35 and modified > start + timedelta(days=3)
        tags = template.tags + (("Updated message",) if updated else ())
        if template.major and "Major update" not in tags:
            tags = ("Major update", *tags)
        message = Message(mid, template, start, end, modified, action)
        title = f"(Updated) {template.title}" if updated else template.title
        # The keys in the order of Microsoft's example (serviceannouncement-list-messages).
        message.graph = {
            "startDateTime": iso_z(start),
            "endDateTime": iso_z(end),
            "lastModifiedDateTime": iso_ms(modified),
            "title": title,
            "id": mid,
            "category": template.category,
            "severity": template.severity,
            "tags": list(tags),
            "isMajorChange": template.major,
            "actionRequiredByDateTime": iso_z(action) if action else None,
            "services": [SERVICE_NAMES[s] for s in template.services],
            "expiryDateTime": None,
            "details": [{"name": "ExternalLink", "value": MESSAGE_CENTER_HELP}],
            "body": {"contentType": "Html", "content": _body(template, action)},
            "viewPoint": None,
            "hasAttachments": False,
        }
        message.graph_json = json.dumps(
            message.graph, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        pool.append(message)
    pool.sort(key=lambda m: (m.last_modified, m.id), reverse=True)
    return pool
