"""Microsoft Graph's published response examples, read by the production client.

Sources: examples/SOURCES.md. Service health is read with a token for the customer's tenant,
GDAP with the partner's: both signed in through the sandbox's Entra, as against Microsoft.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.api.errors import ApiError
from desktop.domain import gdap
from desktop.domain.enums import Severity
from desktop.domain.health import HealthIssue
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .conftest import ANNOUNCEMENTS, RELATIONSHIPS, example, serve, serve_json, utc


def _health(items: list[Any]) -> list[tuple[str, str, str]]:
    return [(h.service_id, h.service, h.status) for h in items]


def test_health_overviews_example(sb: Sandbox, backend: Backend, tenant: str):
    serve(sb, f"{ANNOUNCEMENTS}/healthOverviews", "graph/health_overviews.json")
    health = backend.graph.health_overviews(tenant, "cid")
    assert sb.canned_pending() == 0
    assert health.errors == []
    # Enum strings arrive PascalCase ("ServiceOperational"): read as the documented camelCase.
    assert _health(health.items) == [
        ("Exchange", "Exchange Online", "serviceOperational"),
        ("OrgLiveID", "Identity Service", "serviceRestored"),
        ("OSDPPlatform", "Microsoft 365 suite", "serviceOperational"),
    ]
    assert [h.severity for h in health.items] == [Severity.OK] * 3


def test_health_overviews_with_issues_example(sb: Sandbox, backend: Backend, tenant: str):
    serve(sb, f"{ANNOUNCEMENTS}/healthOverviews", "graph/health_overviews_with_issues.json")
    health, issues = backend.graph.health_with_issues(tenant, "cid")
    assert sb.canned_pending() == 0
    assert (health.errors, issues.errors) == ([], [])
    assert _health(health.items) == [("Exchange", "Exchange Online", "serviceOperational")]
    [issue] = issues.items
    assert issue.id == "EX226574"
    assert issue.title == (
        "Admins are unable to migrate some user mailboxes from IMAP using the Exchange admin "
        "center or PowerShell"
    )
    assert issue.service == "Exchange Online"
    assert issue.feature == "Tenant Administration (Provisioning, Remote PowerShell)"
    assert issue.feature_group == "Management and Provisioning"
    assert issue.classification == "advisory"
    assert issue.origin == "Microsoft"
    assert issue.status == "serviceRestored"
    assert (issue.start, issue.end) == (utc(2020, 11, 4), utc(2020, 11, 20, 17))
    assert issue.last_modified == utc(2020, 11, 20, 17, 56, 31, 390000)
    assert issue.is_resolved
    assert not issue.active
    assert issue.impact == (
        "Admins attempting to migrate some user mailboxes using the Exchange admin center or "
        "PowerShell experienced failures."
    )
    [post] = issue.posts
    assert post.created == utc(2020, 11, 12, 7, 7, 38, 970000)
    assert (post.post_type, post.content_type) == ("regular", "html")
    assert post.content == (
        "Title: Exchange Online service has login issue. We'll provide an update within 30 minutes."
    )


def _check_exchange_issue(issue: HealthIssue) -> None:
    assert issue.id == "EX226792"
    assert issue.title == (
        "Limited number of users unable to send or receive email through the Exchange Online "
        "service"
    )
    assert issue.service == "Exchange Online"
    assert issue.feature == "Mailflow - delayed delivery from Internet"
    assert issue.feature_group == "E-Mail timely delivery"
    assert issue.classification == "incident"
    assert issue.origin == "Microsoft"
    assert issue.status == "serviceRestored"
    assert (issue.start, issue.end) == (utc(2020, 11, 13, 21), utc(2020, 11, 14, 17, 15))
    assert issue.last_modified == utc(2020, 11, 14, 18, 20, 24, 767000)
    assert issue.is_resolved
    assert issue.impact == (
        "Users may have been unable to send or receive email through the Exchange Online service."
    )
    [post] = issue.posts
    assert post.created == utc(2020, 11, 12, 7, 7, 38, 970000)
    assert (post.post_type, post.content_type) == ("regular", "html")
    # "Html" that is text with \n breaks: the paragraphs arrive intact.
    assert post.content.split("\n\n") == [
        "Title: Limited number of users unable to send or receive email through the Exchange "
        "Online service",
        "User Impact: Users may be unable to send or receive email through the Exchange Online "
        "service.",
    ]


def test_issues_page_example_and_its_next_link(sb: Sandbox, backend: Backend, tenant: str):
    """The example's next link names graph.microsoft.com; here the sandbox stands in for it, so
    the link is moved to the sandbox (host only, path and `$skip=100` kept). The page it leads
    to is not published: an empty last page ends the list."""
    page = example("graph/issues.json")
    published = page["@odata.nextLink"]
    assert (
        published == "https://graph.microsoft.com/v1.0/admin/serviceAnnouncement/issues?$skip=100"
    )
    page["@odata.nextLink"] = (
        sb.url + "/graph" + published.removeprefix("https://graph.microsoft.com")
    )
    serve_json(sb, f"{ANNOUNCEMENTS}/issues", page)
    serve_json(sb, f"{ANNOUNCEMENTS}/issues?$skip=100", {"value": []})
    issues = backend.graph.issues(tenant, "cid")
    assert sb.canned_pending() == 0  # both pages asked for: the next link was followed
    assert issues.errors == []
    [issue] = issues.items
    _check_exchange_issue(issue)


def test_issues_page_example_as_published_keeps_the_token_home(
    sb: Sandbox, backend: Backend, tenant: str
):
    """Word for word, the next link names another host than the one configured (the sandbox):
    the client refuses it rather than send the customer's token there."""
    serve(sb, f"{ANNOUNCEMENTS}/issues", "graph/issues.json")
    with pytest.raises(ApiError) as info:
        backend.graph.issues(tenant, "cid")
    assert sb.canned_pending() == 0
    assert "graph.microsoft.com" in info.value.message


def test_issue_with_posts_example(sb: Sandbox, backend: Backend, tenant: str):
    serve(sb, f"{ANNOUNCEMENTS}/issues/MO226784", "graph/issue.json")
    issue = backend.graph.issue(tenant, "MO226784", "cid")
    assert sb.canned_pending() == 0
    assert issue.id == "MO226784"
    assert issue.title == "Intermittently unable to access some Microsoft 365 services"
    assert issue.service == "Microsoft 365 suite"
    assert (issue.feature, issue.feature_group) == ("Access", "Portal")
    assert issue.classification == "advisory"
    assert issue.origin == "Microsoft"
    assert issue.status == "serviceRestored"
    assert (issue.start, issue.end) == (utc(2020, 11, 14, 8, 15), utc(2020, 11, 14, 9, 45))
    assert issue.last_modified == utc(2020, 11, 14, 11, 6, 53, 353000)
    assert issue.is_resolved
    assert issue.impact == (
        "Users may have been intermittently unable to access some Microsoft 365 services."
    )
    [post] = issue.posts
    assert post.created == utc(2020, 11, 12, 7, 7, 38, 970000)
    assert (post.post_type, post.content_type) == ("regular", "html")
    assert post.content.split("\n\n") == [
        "Title: Intermittently unable to invite partners to meetings using some Microsoft 365 "
        "services",
        "User Impact: Users may have been intermittently unable to invite partners to meetings "
        "using some Microsoft 365 services.",
    ]


def test_messages_example(sb: Sandbox, backend: Backend, tenant: str):
    """Message center (serviceAnnouncement/messages). The next link is moved to the sandbox as
    for the issues page; the page it leads to is not published (an empty last page here)."""
    page = example("graph/messages.json")
    published = page["@odata.nextLink"]
    page["@odata.nextLink"] = (
        sb.url + "/graph" + published.removeprefix("https://graph.microsoft.com")
    )
    serve_json(sb, f"{ANNOUNCEMENTS}/messages", page)
    serve_json(sb, f"{ANNOUNCEMENTS}/messages?$skip=100", {"value": []})
    messages = backend.graph.messages(tenant, "cid")
    assert sb.canned_pending() == 0
    assert messages.errors == []
    [message] = messages.items
    assert message.id == "MC172851"
    assert (
        message.title
        == "(Updated) New feature: Changes to PowerPoint and Word to open files faster"
    )
    assert message.category.lower() == "stayinformed"
    assert message.severity.lower() == "normal"
    assert tuple(message.services) == ("SharePoint Online", "OneDrive for Business")
    assert message.is_major_change is True
    assert message.action_required_by is None
    assert message.last_modified == utc(2021, 1, 8, 1, 10, 6, 843000)
    assert message.body.startswith(
        "Updated January 07, 2021: Based on learnings from our early rings"
    )


# -- GDAP (partner token) ----------------------------------------------------------------------

RELATIONSHIP = "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836"


def test_delegated_admin_relationships_example(sb: Sandbox, backend: Backend):
    serve(
        sb,
        f"{RELATIONSHIPS}/delegatedAdminRelationships",
        "graph/delegated_admin_relationships.json",
    )
    relationships = backend.graph.gdap_relationships("cid")
    assert sb.canned_pending() == 0
    assert relationships.errors == []
    active, terminated, pending = relationships.items

    assert active.id == RELATIONSHIP
    assert active.display_name == "Contoso admin relationship"
    assert (active.customer_tenant_id, active.customer_name) == (
        "52eaad04-13a2-4a2f-9ce8-93a294fadf36",
        "Contoso Inc",
    )
    assert (active.status, active.duration, active.auto_extend) == ("active", "P730D", "P180D")
    assert active.activated == utc(2022, 2, 10, 11, 26, 44, 994188)
    assert active.end == utc(2024, 2, 10, 11, 24, 42, 314826)
    assert active.role_ids == ("dd4db9a0-cc4a-4213-9f9f-70242232d97e",)

    assert terminated.display_name == "Contoso subsidiary relationship"
    assert (terminated.customer_tenant_id, terminated.customer_name) == (
        "4b827261-d21f-4aa9-b7db-7fa1f56fb163",
        "Contoso subsidiary Inc",
    )
    assert (terminated.status, terminated.duration, terminated.auto_extend) == (
        "terminated",
        "P30D",
        "PT0S",
    )
    assert terminated.end == utc(2021, 10, 29, 16, 57, 20, 210108)
    assert terminated.role_ids == (
        "29232cdf-9323-42fd-ade2-1d097af3e4de",
        "3a2c62db-5318-420d-8d74-23affee5d9d5",
    )

    # A reseller relationship awaiting approval: its customer is named all the same.
    assert pending.id == "4b227261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836"
    assert pending.display_name == "Fabrikam admin relationship"
    assert (pending.customer_tenant_id, pending.customer_name) == (
        "52eaad04-13a2-4a2f-9ce8-93a294fadf36",
        "Fabrikam Inc.",
    )
    assert (pending.status, pending.duration, pending.auto_extend) == (
        "approvalPending",
        "P180D",
        "PT0S",
    )
    assert (pending.activated, pending.end) == (None, None)
    assert len(pending.role_ids) == 9
    assert pending.role_ids[-1] == "f2ef992c-3afb-46b9-b7cf-a126ee74c451"  # Global Reader

    # What the app shows of them: roles by name, auto-extension, what is pending or ended.
    # Microsoft's example gives this one an id that is no built-in role: shown as sent.
    assert gdap.role_names(active.role_ids) == ["dd4db9a0-cc4a-4213-9f9f-70242232d97e"]
    assert gdap.role_names(terminated.role_ids) == [
        "Exchange Administrator",
        "Intune Administrator",
    ]
    assert gdap.role_names(pending.role_ids)[-1] == "Global Reader"
    assert (gdap.extension_days(active), gdap.extension_days(terminated)) == (180, 0)
    assert active.active
    assert not terminated.active
    assert not pending.active
    assert gdap.is_pending(pending)
    assert gdap.invitable(pending)
    assert not gdap.is_pending(active)


def test_access_assignments_example(sb: Sandbox, backend: Backend):
    rid = "72a7ae7e-4887-4e34-9755-2e1e9b26b943-63f017cb-9e0d-4f14-94bd-4871902b3409"
    serve(
        sb,
        f"{RELATIONSHIPS}/delegatedAdminRelationships/{rid}/accessAssignments",
        "graph/access_assignments.json",
    )
    assignments = backend.graph.access_assignments(rid, "cid")
    assert sb.canned_pending() == 0
    assert assignments.errors == []
    assert {a.container_type for a in assignments.items} == {"securityGroup"}
    assert [(a.id, a.status, a.container_id, a.role_ids) for a in assignments.items] == [
        (
            "84c586df-0943-416e-b95f-7289cb8d3bd5",
            "active",
            "227a2f44-2682-4831-a021-f8d69a34bcba",
            (
                "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
                "44367163-eba1-44c3-98af-f5787879f96a",
                "29232cdf-9323-42fd-ade2-1d097af3e4de",
                "62e90394-69f5-4237-9190-012177145e10",
            ),
        ),
        (
            "8d56bce3-440f-4b4f-b5c2-cc0bcbd0199c",
            "active",
            "869713c9-0b28-4d08-8949-ae07ae1bf528",
            (
                "29232cdf-9323-42fd-ade2-1d097af3e4de",
                "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
                "729827e3-9c14-49f7-bb1b-9608f156bbb8",
                "3a2c62db-5318-420d-8d74-23affee5d9d5",
            ),
        ),
    ]


def test_service_management_details_example(sb: Sandbox, backend: Backend):
    customer = "4fdbff88-9d6b-42e0-9713-45c922ba8001"
    serve(
        sb,
        f"{RELATIONSHIPS}/delegatedAdminCustomers/{customer}/serviceManagementDetails",
        "graph/service_management_details.json",
    )
    links = backend.graph.service_management_links(customer, "cid")
    assert sb.canned_pending() == 0
    assert links.errors == []
    assert [(link.id, link.name, link.url) for link in links.items] == [
        (
            "fa5fa04e-13df-4b7c-9e99-92573ba1fa55",
            "Azure Active Directory",
            "https://aad.portal.azure.com/contoso.onmicrosoft.com",
        ),
        (
            "5d0273c3-0f0e-4e00-90e8-e792c8860fb5",
            "Microsoft 365 Lighthouse",
            "https://lighthouse.microsoft.com",
        ),
        (
            "2b565abc-b0de-4974-97c0-bed0abb14a0f",
            "Dynamics 365 Business Central",
            "https://businesscentral.dynamics.com/55beae45-27a6-4e7a-8c7c-2eae70816cfa/admin",
        ),
        (
            "ce0b42f4-bfde-4abe-a5f7-add83f104b23",
            "Teams",
            "https://admin.teams.microsoft.com/?delegatedOrg=contoso.onmicrosoft.com",
        ),
    ]
