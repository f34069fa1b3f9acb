"""Partner Center's service incidents (`/v1/serviceincidents/office` and a customer's), in the
two shapes Microsoft documents, with message center notices.

No verbatim JSON is published for either call. What is:
- the REST reference, learn.microsoft.com/rest/api/partner-center/manage-customer-accounts/
  get-customer-office-service-incidents: the 200 body is a
  `ResourceCollection[ServiceIncidentDetail]`, a flat collection of incidents (FLAT);
- the SDK models (microsoft/Partner-Center-PowerShell src/PartnerCenter/Models/
  ServiceIncidents/ServiceIncidents.cs, ServiceIncidentDetail.cs, MessageType.cs; the same
  classes in microsoft/Partner-Center-DotNet-SDK and the Java SDK): the SDK reads a collection
  of `ServiceIncidents` groups, one per workload, each with `workload`, its cumulative
  `status`, `incidents` and `messageCenterMessages` (GROUPED). The SDK is the code that parses
  Microsoft's answers, so GROUPED is the default; `Sandbox(partner_incident_shape="flat")`
  serves the REST reference's shape.
Message center notices are ServiceIncidentDetail items with `messageType` `message_center`
(MessageType.MessageCenter, written snake_case as Partner Center writes its enums) and the
fields the model sets "only for message center type messages": `category`, `actionType`,
`requiredBy`, `severity`. Their values are not documented: these are the words of the
Office 365 Service Communications API that Partner Center relayed (uncertain).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from desktop.sandbox.catalog import PC_WORKLOADS, SERVICE_NAMES
from desktop.sandbox.incidents import Issue
from desktop.sandbox.timefmt import iso_z

GROUPED, FLAT = "grouped", "flat"
SHAPES = (GROUPED, FLAT)
_RANK = {"normal": 0, "information": 1, "warning": 2, "critical": 3}


class Notice(NamedTuple):
    service: str  # Graph healthOverviews id (PC_WORKLOADS gives the workload)
    title: str
    body: tuple[str, ...]  # paragraphs
    category: str
    action_type: str
    severity: str  # ServiceIncidentStatus: normal, information, warning, critical
    started_days_ago: int
    required_in_days: int | None  # None: nothing to do by a date
    ends_in_days: int


NOTICES: tuple[Notice, ...] = (
    Notice(
        "Exchange",
        "Retirement of Basic authentication for SMTP AUTH client submission",
        (
            "We're retiring Basic authentication for SMTP AUTH client submission in Exchange "
            "Online.",
            "How this will affect your organization:\nDevices and applications that send "
            "email with SMTP AUTH and Basic authentication will be unable to send.",
            "What you need to do to prepare:\nMove those devices and applications to OAuth, "
            "or to another way of sending email.",
        ),
        "Plan For Change",
        "Action",
        "warning",
        20,
        45,
        90,
    ),
    Notice(
        "microsoftteams",
        "Microsoft Teams: new meeting recap in the Teams calendar",
        (
            "Meeting recaps will show in the details of past meetings in the Teams calendar.",
            "When this will happen:\nRollout begins next month and completes the month after.",
            "There is nothing you need to do to prepare for this change.",
        ),
        "Stay Informed",
        "Awareness",
        "information",
        6,
        None,
        60,
    ),
    Notice(
        "SharePoint",
        "SharePoint Online: default sharing link expiration for new sites",
        (
            "New sites will get a default expiration for Anyone links.",
            "What you need to do to prepare:\nReview the sharing settings in the SharePoint "
            "admin center and update your documentation.",
        ),
        "Plan For Change",
        "Action",
        "information",
        12,
        30,
        75,
    ),
    Notice(
        "OrgLiveID",
        "Action required: enable multifactor authentication for admin portals",
        (
            "Sign-in to Microsoft admin portals will require multifactor authentication.",
            "How this will affect your organization:\nAdmins who sign in without MFA will be "
            "prompted to register a method before they can continue.",
            "What you need to do to prepare:\nMake sure every admin account has an MFA method.",
        ),
        "Prevent Or Fix Issues",
        "Action",
        "critical",
        3,
        14,
        30,
    ),
)


def _pc_status(issues: Sequence[Issue]) -> str:
    return max((i.pc_status for i in issues), key=lambda s: _RANK[s], default="normal")


class MessageCenter:
    """The message center notices, with ids and dates fixed by (seed, now)."""

    def __init__(self, seed: int, now: datetime) -> None:
        rng = random.Random(f"{seed}:pc-message-center")
        self.items: list[tuple[str, dict[str, object]]] = []
        for notice in NOTICES:
            number = rng.randint(400000, 999999)
            start = (now - timedelta(days=notice.started_days_ago)).replace(hour=17, minute=0)
            required = (
                now + timedelta(days=notice.required_in_days)
                if notice.required_in_days is not None
                else None
            )
            self.items.append(
                (notice.service, _notice_json(f"MC{number}", notice, start, required, now))
            )

    def for_services(self, services: set[str] | None) -> list[tuple[str, dict[str, object]]]:
        """(Graph service id, ServiceIncidentDetail) of the notices for `services` (None: all)."""
        return [(s, item) for s, item in self.items if services is None or s in services]


def _notice_json(
    notice_id: str, notice: Notice, start: datetime, required: datetime | None, now: datetime
) -> dict[str, object]:
    # The first message starts with the title on a line of its own (no "Title:" prefix, unlike
    # incident posts): the client takes a notice's title from its first message.
    text = "\n\n".join((notice.title, *notice.body))
    return {
        "id": notice_id,
        "messageType": "message_center",
        "startTime": iso_z(start),
        "endTime": iso_z(now + timedelta(days=notice.ends_in_days)),
        "status": notice.severity,
        "workload": PC_WORKLOADS[notice.service],
        "affectedWorkloadNames": [SERVICE_NAMES[notice.service]],
        "impactedArea": "",
        "resolved": False,
        "impactedCustomers": 0,
        "category": notice.category,
        "actionType": notice.action_type,
        "requiredBy": iso_z(required) if required is not None else None,
        "severity": notice.severity,
        "messages": [{"publishedTime": iso_z(start), "messageText": text}],
    }


def collection(
    issues: Sequence[Issue],
    counts: Mapping[str, int],
    notices: Sequence[tuple[str, dict[str, object]]],
    shape: str,
) -> dict[str, object]:
    """The 200 body of `serviceincidents/office` in `shape` (GROUPED or FLAT)."""
    incidents = [(i.service, i.pc_incident(counts[i.id])) for i in issues]
    if shape == FLAT:
        items: list[dict[str, object]] = [body for _s, body in incidents]
        items += [body for _s, body in notices]
    else:
        by_workload: dict[str, tuple[list[Issue], list[dict[str, object]], list[dict[str, object]]]]
        by_workload = {}
        for issue, (_s, body) in zip(issues, incidents, strict=True):
            entry = by_workload.setdefault(PC_WORKLOADS[issue.service], ([], [], []))
            entry[0].append(issue)
            entry[1].append(body)
        for service, body in notices:
            by_workload.setdefault(PC_WORKLOADS[service], ([], [], []))[2].append(body)
        items = [
            {
                "workload": workload,
                "status": _pc_status(group),
                "incidents": bodies,
                "messageCenterMessages": messages,
            }
            for workload, (group, bodies, messages) in by_workload.items()
        ]
    return {"totalCount": len(items), "items": items, "attributes": {"objectType": "Collection"}}
