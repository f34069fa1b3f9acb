"""Service requests and their support topics (Partner Center). No Qt, no I/O; read tolerantly
(`desktop.domain.parsing`).

`ServiceRequest` is kept in the cache: its `to_json` is wire-shaped JSON that `from_json` reads
back to an equal record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.enums import SR_SEVERITY, SR_STATUS
from desktop.domain.ids import is_request_id
from desktop.domain.parsing import (
    _checked_id,
    _mapping,
    _required_text,
    _text,
    field_of,
    parse_time,
    wire_time,
)


@dataclass(frozen=True)
class ServiceRequestNote:
    created_by: str
    created: datetime | None
    text: str


@dataclass(frozen=True)
class ServiceRequest:
    id: str
    title: str
    description: str
    severity: str
    status: str
    support_topic_id: str
    support_topic_name: str
    organization_id: str
    organization_name: str
    contact_name: str
    contact_email: str
    product_name: str
    created: datetime | None
    last_modified: datetime | None
    last_closed: datetime | None
    notes: tuple[ServiceRequestNote, ...] = ()
    email_cc: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "attention_needed")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceRequest:
        org = _mapping(field_of(data, "organization"))
        contact = _mapping(field_of(data, "primaryContact"))
        raw_notes = field_of(data, "notes") or []
        notes = tuple(
            ServiceRequestNote(
                _text(field_of(n, "createdByName")),
                parse_time(field_of(n, "createdDate")),
                _text(field_of(n, "text")),
            )
            for n in (raw_notes if isinstance(raw_notes, list) else [])
            if isinstance(n, Mapping)
        )
        cc = field_of(data, "emailCcList") or []
        name = " ".join(
            p
            for p in (_text(field_of(contact, "firstName")), _text(field_of(contact, "lastName")))
            if p
        )
        return cls(
            id=_checked_id(_required_text(data, "id"), is_request_id, "a service request id"),
            title=_text(field_of(data, "title")),
            description=_text(field_of(data, "description")),
            severity=SR_SEVERITY(field_of(data, "severity", default="unknown")),
            status=SR_STATUS(field_of(data, "status", default="none")),
            support_topic_id=_text(field_of(data, "supportTopicId")),
            support_topic_name=_text(field_of(data, "supportTopicName")),
            organization_id=_text(field_of(org, "id")),
            organization_name=_text(field_of(org, "name")),
            contact_name=name,
            contact_email=_text(field_of(contact, "email")),
            product_name=_text(field_of(data, "productName")),
            created=parse_time(field_of(data, "createdDate")),
            last_modified=parse_time(field_of(data, "lastModifiedDate")),
            last_closed=parse_time(field_of(data, "lastClosedDate")),
            notes=notes,
            email_cc=tuple(_text(c) for c in cc if isinstance(c, str))
            if isinstance(cc, list)
            else (),
        )

    def to_json(self) -> dict[str, Any]:
        # The contact's name is kept whole as firstName: from_json joins first and last anyway.
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "severity": self.severity,
            "status": self.status,
            "supportTopicId": self.support_topic_id,
            "supportTopicName": self.support_topic_name,
            "organization": {"id": self.organization_id, "name": self.organization_name},
            "primaryContact": {"firstName": self.contact_name, "email": self.contact_email},
            "productName": self.product_name,
            "createdDate": wire_time(self.created),
            "lastModifiedDate": wire_time(self.last_modified),
            "lastClosedDate": wire_time(self.last_closed),
            "notes": [
                {"createdByName": n.created_by, "createdDate": wire_time(n.created), "text": n.text}
                for n in self.notes
            ],
            "emailCcList": list(self.email_cc),
        }


@dataclass(frozen=True)
class SupportTopic:
    id: str
    name: str
    description: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SupportTopic:
        return cls(
            id=_required_text(data, "id"),
            name=_text(field_of(data, "name")),
            description=_text(field_of(data, "description")),
        )
