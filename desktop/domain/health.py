"""Service health and its issues (Graph), and Partner Center's service incidents. No Qt, no
I/O; read tolerantly (`desktop.domain.parsing`).

`ServiceHealth` and `HealthIssue` are kept in the cache: their `to_json` is wire-shaped JSON
that `from_json` reads back to an equal record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from desktop.domain.enums import (
    CLASSIFICATION,
    HEALTH_STATUS,
    PC_INCIDENT_STATUS,
    POST_TYPE,
    Severity,
    severity,
)
from desktop.domain.ids import is_issue_id
from desktop.domain.parsing import (
    RecordError,
    _bool,
    _checked_id,
    _int,
    _required_text,
    _text,
    field_of,
    parse_time,
    wire_time,
)


@dataclass(frozen=True)
class ServiceHealth:
    service_id: str
    service: str
    status: str

    @property
    def severity(self) -> Severity:
        return severity(self.status)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceHealth:
        service = _text(field_of(data, "service"))
        service_id = _text(field_of(data, "id")) or service
        if not service_id:
            raise RecordError("service health without a service")
        return cls(
            service_id=service_id,
            service=service or service_id,
            status=HEALTH_STATUS(field_of(data, "status") or "unknownFutureValue"),
        )

    def to_json(self) -> dict[str, Any]:
        return {"id": self.service_id, "service": self.service, "status": self.status}


@dataclass(frozen=True)
class IssuePost:
    created: datetime | None
    post_type: str
    content_type: str
    content: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> IssuePost:
        description = field_of(data, "description")
        if isinstance(description, Mapping):
            content_type = _text(field_of(description, "contentType")) or "html"
            content = _text(field_of(description, "content"))
        else:
            content_type, content = "text", _text(description)
        return cls(
            created=parse_time(field_of(data, "createdDateTime")),
            post_type=POST_TYPE(field_of(data, "postType") or "regular"),
            content_type=content_type.lower(),
            content=content,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "createdDateTime": wire_time(self.created),
            "postType": self.post_type,
            "description": {"contentType": self.content_type, "content": self.content},
        }


@dataclass(frozen=True)
class HealthIssue:
    id: str
    title: str
    service: str
    feature: str
    feature_group: str
    classification: str
    origin: str
    status: str
    start: datetime | None
    end: datetime | None
    last_modified: datetime | None
    is_resolved: bool
    impact: str
    posts: tuple[IssuePost, ...] = ()

    @property
    def active(self) -> bool:
        return not self.is_resolved

    def posts_newest_first(self) -> list[IssuePost]:
        floor = datetime.min.replace(tzinfo=timezone.utc)
        return sorted(self.posts, key=lambda p: p.created or floor, reverse=True)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HealthIssue:
        raw_posts = field_of(data, "posts") or []
        posts = (
            tuple(IssuePost.from_json(p) for p in raw_posts if isinstance(p, Mapping))
            if isinstance(raw_posts, list)
            else ()
        )
        resolved = _bool(field_of(data, "isResolved"))
        return cls(
            id=_checked_id(_required_text(data, "id"), is_issue_id, "an issue id"),
            title=_text(field_of(data, "title")),
            service=_text(field_of(data, "service")),
            feature=_text(field_of(data, "feature")),
            feature_group=_text(field_of(data, "featureGroup")),
            classification=CLASSIFICATION(field_of(data, "classification") or "incident"),
            origin=_text(field_of(data, "origin")),
            status=HEALTH_STATUS(field_of(data, "status") or "unknownFutureValue"),
            start=parse_time(field_of(data, "startDateTime")),
            end=parse_time(field_of(data, "endDateTime")),
            last_modified=parse_time(field_of(data, "lastModifiedDateTime")),
            is_resolved=bool(resolved),
            impact=_text(field_of(data, "impactDescription")),
            posts=posts,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "service": self.service,
            "feature": self.feature,
            "featureGroup": self.feature_group,
            "classification": self.classification,
            "origin": self.origin,
            "status": self.status,
            "startDateTime": wire_time(self.start),
            "endDateTime": wire_time(self.end),
            "lastModifiedDateTime": wire_time(self.last_modified),
            "isResolved": self.is_resolved,
            "impactDescription": self.impact,
            "posts": [p.to_json() for p in self.posts],
        }


@dataclass(frozen=True)
class IncidentMessage:
    published: datetime | None
    text: str


@dataclass(frozen=True)
class ServiceIncident:
    """A partner-level incident from Partner Center's `serviceincidents/office`."""

    id: str
    title: str
    workload: str
    status: str
    message_type: str
    start: datetime | None
    end: datetime | None
    resolved: bool
    impacted_customers: int | None
    affected_workloads: tuple[str, ...]
    messages: tuple[IncidentMessage, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any], workload: str = "") -> ServiceIncident:
        raw = field_of(data, "messages") or []
        messages = tuple(
            IncidentMessage(
                parse_time(field_of(m, "publishedTime")), _text(field_of(m, "messageText"))
            )
            for m in (raw if isinstance(raw, list) else [])
            if isinstance(m, Mapping)
        )
        names = field_of(data, "affectedWorkloadNames") or []
        return cls(
            id=_required_text(data, "id"),
            title=_title_from(messages),
            workload=_text(field_of(data, "workload")) or workload,
            status=PC_INCIDENT_STATUS(field_of(data, "status") or "information"),
            message_type=_text(field_of(data, "messageType")),
            start=parse_time(field_of(data, "startTime")),
            end=parse_time(field_of(data, "endTime")),
            resolved=bool(_bool(field_of(data, "resolved"))),
            impacted_customers=_int(field_of(data, "impactedCustomers")),
            affected_workloads=tuple(_text(n) for n in names if isinstance(n, str))
            if isinstance(names, list)
            else (),
            messages=messages,
        )


def _title_from(messages: tuple[IncidentMessage, ...]) -> str:
    """Partner Center incidents have no title: take the first message's "Title:" line or start."""
    if not messages:
        return ""
    text = messages[0].text.strip()
    for line in text.splitlines():
        if line.lower().startswith("title:"):
            return line.split(":", 1)[1].strip()
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 120 else first[:119] + "…"
