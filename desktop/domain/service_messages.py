"""Message center posts (planned changes) and their grouping across customers. No Qt, no I/O.

Graph's `admin/serviceAnnouncement/messages` (API.md section 3; learn.microsoft.com/graph/api/
resources/serviceupdatemessage). As with issues, the wire is loose: Microsoft's own example sends
the enums PascalCase ("StayInformed", "Normal") though they are documented camelCase, fields go
missing, and a category or severity Microsoft adds later must show as sent, not fail.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.ids import is_issue_id
from desktop.domain.parsing import (
    Enum,
    RecordError,
    _bool,
    _checked_id,
    _mapping,
    _required_text,
    _text,
    field_of,
    parse_time,
    wire_time,
)
from desktop.domain.sent_once import newer

# serviceUpdateCategory and serviceUpdateSeverity (resource page), documented camelCase.
CATEGORY = Enum(("preventOrFixIssue", "planForChange", "stayInformed", "unknownFutureValue"))
SEVERITY = Enum(("normal", "high", "critical", "unknownFutureValue"))


def _texts(value: Any) -> tuple[str, ...]:
    """A list of strings; anything else in it (null, a number, an object) is left out."""
    if not isinstance(value, list):
        return ()
    return tuple(_text(v) for v in value if isinstance(v, str) and v.strip())


@dataclass(frozen=True)
class ServiceMessage:
    """One message center post: a planned change, a fix to make, or news."""

    id: str
    title: str
    category: str  # documented spelling when known, else as sent ("" when missing)
    severity: str
    services: tuple[str, ...]
    tags: tuple[str, ...]
    is_major_change: bool
    action_required_by: datetime | None
    start: datetime | None
    end: datetime | None
    last_modified: datetime | None
    body: str  # HTML from a remote service: sanitize before showing
    body_type: str  # "html" or "text"
    details: tuple[tuple[str, str], ...] = ()
    has_attachments: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceMessage:
        body = _mapping(field_of(data, "body"))
        raw_details = field_of(data, "details")
        details = tuple(
            (_text(field_of(d, "name")), _text(field_of(d, "value")))
            for d in (raw_details if isinstance(raw_details, list) else [])
            if isinstance(d, Mapping) and isinstance(field_of(d, "name"), str)
        )
        category = field_of(data, "category")
        severity = field_of(data, "severity")
        return cls(
            id=_checked_id(_required_text(data, "id"), is_issue_id, "a message id"),
            title=_text(field_of(data, "title")),
            category=CATEGORY(category) if category not in (None, "") else "",
            severity=SEVERITY(severity) if severity not in (None, "") else "",
            services=_texts(field_of(data, "services")),
            tags=_texts(field_of(data, "tags")),
            is_major_change=bool(_bool(field_of(data, "isMajorChange"))),
            action_required_by=parse_time(field_of(data, "actionRequiredByDateTime")),
            start=parse_time(field_of(data, "startDateTime")),
            end=parse_time(field_of(data, "endDateTime")),
            last_modified=parse_time(field_of(data, "lastModifiedDateTime")),
            body=_text(field_of(body, "content")),
            # Graph says "Html" (the example) or "html"/"text" (itemBody's documented values).
            body_type="text" if _text(field_of(body, "contentType")).lower() == "text" else "html",
            details=details,
            has_attachments=bool(_bool(field_of(data, "hasAttachments"))),
        )

    def to_json(self) -> dict[str, Any]:
        """Wire-shaped JSON that `from_json` reads back to an equal record (the cache's form)."""
        return {
            "id": self.id,
            "title": self.title,
            "category": self.category,
            "severity": self.severity,
            "services": list(self.services),
            "tags": list(self.tags),
            "isMajorChange": self.is_major_change,
            "actionRequiredByDateTime": wire_time(self.action_required_by),
            "startDateTime": wire_time(self.start),
            "endDateTime": wire_time(self.end),
            "lastModifiedDateTime": wire_time(self.last_modified),
            "body": {"contentType": self.body_type, "content": self.body},
            "details": [{"name": n, "value": v} for n, v in self.details],
            "hasAttachments": self.has_attachments,
        }

    def action_due_within(self, now: datetime, days: int) -> bool:
        """Its action date is from now to `days` days ahead (a date already passed: no)."""
        due = self.action_required_by
        return due is not None and now <= due <= now + timedelta(days=days)


def action_first_key(message: ServiceMessage) -> tuple[int, float, float, str]:
    """The order planned changes are listed in: those with an action date first, soonest
    first; then the others, most recently changed first."""
    due = message.action_required_by
    if due is not None:
        return (0, due.timestamp(), 0.0, message.id)
    changed = message.last_modified
    return (1, 0.0, -changed.timestamp() if changed else 0.0, message.id)


def parse_message(data: Any) -> ServiceMessage:
    if not isinstance(data, Mapping):
        raise RecordError(f"expected an object, got {type(data).__name__}")
    return ServiceMessage.from_json(data)


@dataclass(frozen=True)
class PlannedChange:
    """One message across customers: the newest version seen, and who it concerns."""

    message: ServiceMessage
    tenants: tuple[str, ...]


@dataclass(frozen=True)
class TenantMessages:
    """One tenant's message center as a sweep delivers it: every id it holds, and only the
    copies not delivered before in the same sweep (or newer than the one that was): a post sent
    to thousands of tenants crosses from the sweep engine's process once."""

    ids: tuple[str, ...]
    messages: tuple[ServiceMessage, ...]


class MessageIndex:
    """Which customers' message centers hold which message, kept up to date tenant by tenant
    as a sweep answers (a tenant read again replaces what it held). Not thread-safe: one
    owner (the GUI thread, or the CLI)."""

    def __init__(self) -> None:
        self._held: dict[str, tuple[str, ...]] = {}  # tenant -> its message ids
        self._tenants: dict[str, dict[str, None]] = {}  # message id -> tenants, in order
        self._latest: dict[str, ServiceMessage] = {}  # message id -> newest version seen

    def __len__(self) -> int:
        """How many tenants it knows."""
        return len(self._held)

    def __contains__(self, tenant_id: object) -> bool:
        return tenant_id in self._held

    def update(
        self,
        tenant_id: str,
        messages: Iterable[ServiceMessage],
        ids: Iterable[str] | None = None,
    ) -> None:
        """`tenant_id` holds `messages`; or, with `ids`, holds those ids, of which `messages`
        are the copies not seen before (a sweep sends a post to 5,000 tenants once:
        `TenantMessages`)."""
        fresh = {m.id: m for m in messages}
        held = tuple(dict.fromkeys(ids)) if ids is not None else tuple(fresh)
        kept = set(held)
        for old in self._held.get(tenant_id, ()):
            if old not in kept:
                holders = self._tenants.get(old, {})
                holders.pop(tenant_id, None)
                if not holders:
                    self._tenants.pop(old, None)
                    self._latest.pop(old, None)
        self._held[tenant_id] = held
        for mid in held:
            self._tenants.setdefault(mid, {})[tenant_id] = None
        for mid, message in fresh.items():
            if mid not in kept:
                continue
            known = self._latest.get(mid)
            # The same MC id comes from every tenant it was posted to; the copy changed last
            # wins (one tenant may be read before Microsoft updated the post, another after).
            if known is None or newer(message, known):
                self._latest[mid] = message

    def changes(self) -> list[PlannedChange]:
        """Each message once with its tenants, action dates first (`action_first_key`)."""
        found = [PlannedChange(m, tuple(self._tenants[mid])) for mid, m in self._latest.items()]
        return sorted(found, key=lambda c: action_first_key(c.message))


def group_by_message(
    per_tenant: Iterable[tuple[str, Iterable[ServiceMessage]]],
) -> list[PlannedChange]:
    """Each message once, with the tenants whose message center holds it, action dates first."""
    index = MessageIndex()
    for tenant_id, messages in per_tenant:
        index.update(tenant_id, messages)
    return index.changes()
