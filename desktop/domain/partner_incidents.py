"""Partner Center's service incidents, read from either documented shape, with their message
center notices kept. Plain records, no Qt, no I/O.

`GET /v1/serviceincidents/office` (and a customer's) answers, per API.md section 2, either
- grouped: one `ServiceIncidents` item per workload, `{workload, status, incidents: [...],
  messageCenterMessages: [...]}` (the SDK's model, Partner-Center-PowerShell
  src/PartnerCenter/Models/ServiceIncidents/ServiceIncidents.cs), or
- flat: the REST reference's `ResourceCollection[ServiceIncidentDetail]`, each item an incident
  or a notice with its own `id`, `workload` and `messages`
  (learn.microsoft.com/rest/api/partner-center/manage-customer-accounts/
  get-customer-office-service-incidents).
Both are read item by item, so an answer that mixes them loses nothing either. A detail whose
`messageType` is the message center's (`message_center`, `MessageCenter`, 2), or any item of a
group's `messageCenterMessages`, is a `MessageCenterNotice`: a planned change or an action to
take, never an incident and never a customer's health.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, Final, TypeVar

from desktop.domain.enums import PC_INCIDENT_STATUS
from desktop.domain.health import IncidentMessage, ServiceIncident
from desktop.domain.parsing import Enum, ItemError, RecordError, clean_text, field_of, parse_time

T = TypeVar("T")

# MessageType (Partner-Center-PowerShell .../ServiceIncidents/MessageType.cs): None, Incident,
# MessageCenter, All; Partner Center writes its enums snake_case, older answers as numbers.
MESSAGE_TYPE = Enum(
    ("none", "incident", "message_center", "all"),
    {0: "none", 1: "incident", 2: "message_center", 3: "all"},
)
MESSAGE_CENTER = "message_center"
_FLAT = object()  # an item without `incidents` or `messageCenterMessages`: a flat detail


# Partner Center's workload ids (the old Office 365 Service Communications API's, which its
# service incident feed still uses) -> Microsoft's service names today, as Graph's
# healthOverviews name them (learn.microsoft.com/graph/api/servicehealth-get; our sandbox's
# catalog follows it). Product names: the same in every language. Keys are compared case
# folded. "Lync" carried Skype for Business Online, retired in 2021: its incidents since are
# Microsoft Teams', and the id is kept in brackets for whoever looks it up.
WORKLOAD_NAMES: Final[Mapping[str, str]] = {
    "exchange": "Exchange Online",
    "exchangeonline": "Exchange Online",
    "sharepoint": "SharePoint Online",
    "sharepointonline": "SharePoint Online",
    "lync": "Microsoft Teams (Lync)",
    "microsoftteams": "Microsoft Teams",
    "onedriveforbusiness": "OneDrive for Business",
    "orgliveid": "Microsoft Entra",
    "intune": "Microsoft Intune",
    "o365client": "Microsoft 365 apps",
    "osdpplatform": "Microsoft 365 suite",
    "microsoft365defender": "Microsoft Defender XDR",
    "mdatp": "Microsoft Defender for Endpoint",
    "mdo": "Microsoft Defender for Office 365",
    "cloudappsecurity": "Microsoft Defender for Cloud Apps",
    "planner": "Planner",
    "forms": "Microsoft Forms",
    "microsoftflow": "Power Automate",
    "microsoftflowm365": "Power Automate in Microsoft 365",
    "powerapps": "Power Apps",
    "powerappsm365": "Power Apps in Microsoft 365",
    "powerbicom": "Power BI",
    "yammer": "Viva Engage",
    "dynamicscrm": "Dynamics 365",
    "dynamics365": "Dynamics 365 Apps",
    "microsoftstream": "Microsoft Stream",
    "swayenterprise": "Sway",
    "bookings": "Microsoft Bookings",
    "officeonline": "Office for the web",
    "windows365": "Windows 365",
}


def workload_name(workload: str) -> str:
    """Microsoft's name for a Partner Center workload id; an unknown id as it was sent."""
    return WORKLOAD_NAMES.get(workload.strip().casefold(), workload)


def _words(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


@dataclass(frozen=True)
class MessageCenterNotice:
    """A message center notice that Partner Center sends with its service incidents.

    Partner-level context (a planned change, something to do by a date), not an incident and
    not a customer's health. Its title is taken from its first message, as for incidents.
    `category`, `action_type`, `required_by` and `severity` are the fields the SDK model sets
    "only for message center type messages"; their values are not documented and are shown as
    sent.
    """

    id: str
    title: str
    workload: str
    severity: str
    category: str
    action_type: str
    required_by: datetime | None
    start: datetime | None
    end: datetime | None
    affected_workloads: tuple[str, ...]
    messages: tuple[IncidentMessage, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any], workload: str = "") -> MessageCenterNotice:
        # The fields it shares with an incident are read the one way incidents are.
        base = ServiceIncident.from_json(data, workload)
        severity = field_of(data, "severity")
        return cls(
            id=base.id,
            title=base.title,
            workload=base.workload,
            severity=PC_INCIDENT_STATUS(severity) if severity not in (None, "") else base.status,
            category=_words(field_of(data, "category")),
            action_type=_words(field_of(data, "actionType")),
            required_by=parse_time(field_of(data, "requiredBy")),
            start=base.start,
            end=base.end,
            affected_workloads=base.affected_workloads,
            messages=base.messages,
        )


@dataclass
class PartnerIncidents:
    """What `serviceincidents/office` answered: incidents, notices, and the items that failed."""

    incidents: list[ServiceIncident] = field(default_factory=list)
    notices: list[MessageCenterNotice] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)

    def extend(self, other: PartnerIncidents, offset: int = 0) -> None:
        """Add another page's records; its errors' item numbers move on by `offset`."""
        self.incidents.extend(other.incidents)
        self.notices.extend(other.notices)
        self.errors.extend(ItemError(e.index + offset, e.reason, e.item_id) for e in other.errors)


def is_notice(data: Mapping[str, Any]) -> bool:
    return MESSAGE_TYPE(field_of(data, "messageType") or "") == MESSAGE_CENTER


def _detail(data: Mapping[str, Any], workload: str = "") -> ServiceIncident | MessageCenterNotice:
    if is_notice(data):
        return MessageCenterNotice.from_json(data, workload)
    return ServiceIncident.from_json(data, workload)


def _each(
    raw: Any,
    index: int,
    read: Callable[[Mapping[str, Any]], T],
    into: Callable[[T], None],
    errors: list[ItemError],
) -> None:
    """Read every object of the list `raw`; a bad one becomes an error at item `index`."""
    if raw is None:
        return
    if not isinstance(raw, list):
        errors.append(ItemError(index, "expected a list of incidents"))
        return
    for entry in raw:
        if not isinstance(entry, Mapping):
            errors.append(ItemError(index, f"expected an object, got {type(entry).__name__}"))
            continue
        try:
            into(read(entry))
        except (RecordError, TypeError, ValueError, AttributeError) as exc:
            entry_id = field_of(entry, "id")
            errors.append(ItemError(index, str(exc), entry_id if isinstance(entry_id, str) else ""))


def parse_partner_incidents(items: Any) -> PartnerIncidents:
    """The `items` of one answer of `serviceincidents/office`, in either shape."""
    result = PartnerIncidents()
    if not isinstance(items, list):
        result.errors.append(ItemError(0, "expected a list of items"))
        return result

    def add(record: ServiceIncident | MessageCenterNotice) -> None:
        if isinstance(record, MessageCenterNotice):
            result.notices.append(record)
        else:
            result.incidents.append(record)

    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            result.errors.append(ItemError(index, f"expected an object, got {type(item).__name__}"))
            continue
        group = field_of(item, "incidents", "messageCenterMessages", default=_FLAT)
        if group is _FLAT:  # a ServiceIncidentDetail of the flat shape
            _each([item], index, _detail, add, result.errors)
            continue
        name = field_of(item, "workload")
        workload = clean_text(name) if isinstance(name, str) else ""
        _each(
            field_of(item, "incidents"), index, partial(_detail, workload=workload), add,
            result.errors,
        )  # fmt: skip
        _each(
            field_of(item, "messageCenterMessages"),
            index,
            partial(MessageCenterNotice.from_json, workload=workload),
            result.notices.append,
            result.errors,
        )
    return result
