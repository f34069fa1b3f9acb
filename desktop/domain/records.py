"""Plain records parsed tolerantly from Partner Center and Graph JSON. No Qt, no I/O.

The wire is loose (API.md): keys arrive camelCase or PascalCase, enum strings in any case or as
numbers, optional fields go missing, and Microsoft adds values we do not know yet. Parsers here
accept all of that. A malformed item raises `RecordError` for that item only; `parse_list` turns
those into per-item errors so one bad item never sinks a whole list.

The records the cache keeps (Customer, ServiceHealth, HealthIssue, ServiceRequest) also have
`to_json`: wire-shaped JSON that `from_json` reads back to an equal record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Generic, TypeVar

from desktop.domain.ids import is_issue_id, is_relationship_id, is_request_id, is_tenant_id

T = TypeVar("T")

NEVER = "0001-01-01T00:00:00"


class RecordError(ValueError):
    """An item of API data could not be read; says which item and why."""


# --- tolerant access -------------------------------------------------------------------------

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """`value` as valid Unicode. JSON may escape half a surrogate pair (`"\\ud800"`): valid
    JSON that Python keeps as is, but that UTF-8 (export files, SQLite, logs) refuses. Each
    such half becomes U+FFFD, the replacement character."""
    if value.isascii():
        return value
    return _LONE_SURROGATE.sub("\ufffd", value)


def field_of(data: Mapping[str, Any], *names: str, default: Any = None) -> Any:
    """The first of `names` present in `data`, matched without regard to case.

    Partner Center's casing is uncertain (camelCase in docs, PascalCase from older SDK models),
    so `field_of(d, "companyName")` also finds `CompanyName` or `companyname`.
    """
    for name in names:
        if name in data:
            return data[name]
    lowered = {k.lower(): v for k, v in data.items() if isinstance(k, str)}
    for name in names:
        value = lowered.get(name.lower(), _MISSING)
        if value is not _MISSING:
            return value
    return default


_MISSING = object()


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        try:
            return str(value)
        except ValueError:  # an int past Python's 4,300-digit limit for str()
            raise RecordError("a number too long to show") from None
    raise RecordError(f"expected text, got {type(value).__name__}")


def _required_text(data: Mapping[str, Any], *names: str) -> str:
    value = _text(field_of(data, *names))
    if not value:
        raise RecordError(f"missing {names[0]!r}")
    return value


def _checked_id(value: str, valid: Callable[[str], bool], what: str) -> str:
    """`value` if it has the form Microsoft issues `what` in (desktop/domain/ids.py): an id goes
    into the paths of later requests, where `..` or `/` would name another resource."""
    if not valid(value):
        raise RecordError(f"not {what}: {value[:40]!r}")
    return value


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if isinstance(value, int):
        return bool(value)
    return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdecimal():
        try:
            return int(value)
        except ValueError:  # "--5", or past the 4,300-digit limit
            return None
    return None


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 from either API, as an aware UTC datetime; `None` for missing or "never".

    Graph sends 7 fractional digits ("…24.767Z" or "…38.9700000Z"); Partner Center sends
    `0001-01-01T00:00:00` for "never". Unparseable text raises RecordError.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(f"expected a date, got {type(value).__name__}")
    text = value.strip()
    if text.startswith("0001-01-01") and text[10:19] in ("", "T00:00:00", " 00:00:00"):
        # Only midnight of day one (in any offset) is "never": 23:59 that day is a time (the
        # cache writes one back as "0001-01-01T23:59:00+00:00", which must read as it was).
        return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    # Python < 3.11 accepts only 3 or 6 fractional digits: normalise to 6.
    if "." in text:
        head, _, rest = text.partition(".")
        digits = ""
        while rest and rest[0].isdigit():
            digits, rest = digits + rest[0], rest[1:]
        text = f"{head}.{(digits + '000000')[:6]}{rest}"
    try:
        parsed = datetime.fromisoformat(text)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        # OverflowError: a valid date whose UTC falls outside years 1-9999
        # ("9999-12-31T23:59:59-01:00"); it escaped parse_list and sank the whole answer.
        raise RecordError(f"not a date: {value[:40]!r}") from None


def wire_time(value: datetime | None) -> str | None:
    """The lossless form `parse_time` reads back (microseconds, UTC offset); None stays None."""
    return None if value is None else value.isoformat()


def format_time(value: datetime | None) -> str:
    """The export form: ISO 8601 UTC with a Z, or empty."""
    if value is None:
        return ""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Enum:
    """Normalises enum strings to their documented spelling; unknown values are kept as sent."""

    def __init__(self, documented: Iterable[str], numbers: Mapping[int, str] | None = None):
        self.documented = tuple(documented)
        self._by_key = {self._key(v): v for v in self.documented}
        self._numbers = dict(numbers or {})

    @staticmethod
    def _key(value: str) -> str:
        return value.replace("_", "").replace("-", "").replace(" ", "").lower()

    def __call__(self, value: Any) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        text = _text(value)
        number = _int(text)
        if number is not None and number in self._numbers:
            return self._numbers[number]
        return self._by_key.get(self._key(text), text)

    def known(self, value: str) -> bool:
        return self._key(value) in self._by_key


# Graph service health status (API.md section 3), documented lower camelCase.
HEALTH_STATUS = Enum(
    (
        "serviceOperational",
        "investigating",
        "restoringService",
        "verifyingService",
        "serviceRestored",
        "postIncidentReviewPublished",
        "serviceDegradation",
        "serviceInterruption",
        "extendedRecovery",
        "falsePositive",
        "investigationSuspended",
        "resolved",
        "mitigatedExternal",
        "mitigated",
        "resolvedExternal",
        "confirmed",
        "reported",
        "unknownFutureValue",
    )
)
CLASSIFICATION = Enum(("advisory", "incident", "unknownFutureValue"))
POST_TYPE = Enum(("regular", "quick", "strategic", "unknownFutureValue"))
RELATIONSHIP = Enum(("none", "reseller", "advisor", "syndication", "microsoft_support", "unknown"))
SR_SEVERITY = Enum(
    ("unknown", "critical", "moderate", "minimal"),
    {0: "unknown", 1: "critical", 2: "moderate", 3: "minimal"},
)
SR_STATUS = Enum(
    ("none", "open", "closed", "attention_needed"),
    {0: "none", 1: "open", 2: "closed", 3: "attention_needed"},
)
PC_INCIDENT_STATUS = Enum(("normal", "information", "warning", "critical"))
GDAP_STATUS = Enum(
    (
        "activating",
        "active",
        "approvalPending",
        "approved",
        "created",
        "expired",
        "expiring",
        "terminated",
        "terminating",
        "terminationRequested",
        "unknownFutureValue",
    )
)

# How bad a health status is, for sorting and colour: 0 fine, 1 advisory/recovering, 2 degraded,
# 3 down. Unknown statuses rank 1 so they are noticed but not alarming.
_SEVERITY_RANK = {
    "serviceOperational": 0,
    "serviceRestored": 0,
    "postIncidentReviewPublished": 0,
    "falsePositive": 0,
    "resolved": 0,
    "resolvedExternal": 0,
    "mitigated": 0,
    "mitigatedExternal": 0,
    "investigationSuspended": 0,
    "investigating": 1,
    "verifyingService": 1,
    "confirmed": 1,
    "reported": 1,
    "restoringService": 2,
    "serviceDegradation": 2,
    "extendedRecovery": 2,
    "serviceInterruption": 3,
}


def health_rank(status: str) -> int:
    return _SEVERITY_RANK.get(HEALTH_STATUS(status), 1)


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Customer:
    tenant_id: str
    company_name: str
    domain: str  # the initial *.onmicrosoft.com domain
    relationship: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Customer:
        profile = _mapping(field_of(data, "companyProfile"))
        # The customer's `id` is its tenant id ("customer-tenant-id"), and every item has one;
        # Microsoft's own example of the list puts a placeholder ("<guid>") in
        # companyProfile.tenantId (tests/wire/examples/partner_center/customers.json), which
        # would key both customers on the same non-id. The profile's copy is the fallback.
        tenant = _text(field_of(data, "id")) or _text(field_of(profile, "tenantId"))
        if not tenant:
            raise RecordError("customer without an id")
        return cls(
            tenant_id=_checked_id(tenant, is_tenant_id, "a tenant id"),
            company_name=_text(field_of(profile, "companyName")),
            domain=_text(field_of(profile, "domain")),
            relationship=RELATIONSHIP(field_of(data, "relationshipToPartner") or "unknown"),
        )

    def to_json(self) -> dict[str, Any]:
        """Wire-shaped JSON that `from_json` reads back to an equal record (for the cache)."""
        return {
            "id": self.tenant_id,
            "companyProfile": {
                "tenantId": self.tenant_id,
                "companyName": self.company_name,
                "domain": self.domain,
            },
            "relationshipToPartner": self.relationship,
        }


@dataclass(frozen=True)
class Address:
    country: str = ""
    region: str = ""
    city: str = ""
    line1: str = ""
    postal_code: str = ""
    phone: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Address:
        return cls(
            country=_text(field_of(data, "country")),
            region=_text(field_of(data, "region", "state")),
            city=_text(field_of(data, "city")),
            line1=_text(field_of(data, "addressLine1")),
            postal_code=_text(field_of(data, "postalCode")),
            phone=_text(field_of(data, "phoneNumber")),
        )

    def lines(self) -> list[str]:
        city = " ".join(p for p in (self.postal_code, self.city) if p)
        return [p for p in (self.line1, city, self.region, self.country) if p]


@dataclass(frozen=True)
class CustomerDetail:
    customer: Customer
    email: str
    address: Address
    custom_domains: tuple[str, ...]
    allow_delegated_access: bool | None
    commerce_id: str

    @property
    def default_domain(self) -> str:
        """The first custom (non-onmicrosoft) domain, else the initial domain."""
        for domain in self.custom_domains:
            if not domain.lower().endswith(".onmicrosoft.com"):
                return domain
        return self.customer.domain

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CustomerDetail:
        profile = _mapping(field_of(data, "companyProfile"))
        domains = field_of(data, "customDomains") or []
        if not isinstance(domains, list):
            domains = []
        return cls(
            customer=Customer.from_json(data),
            email=_text(field_of(profile, "email")),
            address=Address.from_json(_mapping(field_of(profile, "address"))),
            custom_domains=tuple(_text(d) for d in domains if isinstance(d, str)),
            allow_delegated_access=_bool(field_of(data, "allowDelegatedAccess")),
            commerce_id=_text(field_of(data, "commerceId")),
        )


@dataclass(frozen=True)
class ServiceHealth:
    service_id: str
    service: str
    status: str

    @property
    def rank(self) -> int:
        return health_rank(self.status)

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


@dataclass(frozen=True)
class ManagedService:
    id: str
    name: str
    group: str
    admin_url: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ManagedService:
        links = _mapping(field_of(data, "links"))
        admin = _mapping(field_of(links, "adminService"))
        return cls(
            id=_required_text(data, "id"),
            name=_text(field_of(data, "name")),
            group=_text(field_of(data, "groupName")),
            admin_url=_text(field_of(admin, "uri")),
        )


@dataclass(frozen=True)
class ServiceManagementLink:
    """Microsoft's own portal link for a customer (GDAP `serviceManagementDetails`)."""

    id: str
    name: str
    url: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceManagementLink:
        return cls(
            id=_text(field_of(data, "id")),
            name=_required_text(data, "serviceName"),
            url=_text(field_of(data, "serviceManagementUrl")),
        )


@dataclass(frozen=True)
class GdapRelationship:
    """A GDAP relationship (API.md section 3; the rules that read it are in domain/gdap.py).

    `customer_tenant_id` is "" while no customer has approved a relationship created for any
    customer (Graph sends `customer: null` in `created`/`approvalPending`)."""

    id: str
    display_name: str
    customer_tenant_id: str
    customer_name: str
    status: str
    duration: str
    auto_extend: str
    activated: datetime | None
    end: datetime | None
    role_ids: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """Only `active` gives access: `expiring` has passed its end date and is being closed
        (learn.microsoft.com/graph/api/resources/delegatedadminrelationship)."""
        return self.status == "active"

    @property
    def has_customer(self) -> bool:
        return bool(self.customer_tenant_id)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GdapRelationship:
        raw_customer = field_of(data, "customer")
        if raw_customer is not None and not isinstance(raw_customer, Mapping):
            raise RecordError(f"expected a customer object, got {type(raw_customer).__name__}")
        customer = _mapping(raw_customer)
        access = _mapping(field_of(data, "accessDetails"))
        roles = field_of(access, "unifiedRoles") or []
        return cls(
            id=_checked_id(_required_text(data, "id"), is_relationship_id, "a relationship id"),
            display_name=_text(field_of(data, "displayName")),
            # A customer object must name its tenant; a null one is an open invitation.
            customer_tenant_id=(
                _checked_id(_required_text(customer, "tenantId"), is_tenant_id, "a tenant id")
                if raw_customer is not None
                else ""
            ),
            customer_name=_text(field_of(customer, "displayName")),
            status=GDAP_STATUS(field_of(data, "status") or "created"),
            duration=_text(field_of(data, "duration")),
            auto_extend=_text(field_of(data, "autoExtendDuration")),
            activated=parse_time(field_of(data, "activatedDateTime")),
            end=parse_time(field_of(data, "endDateTime")),
            role_ids=role_ids(roles),
        )


def role_ids(roles: Any) -> tuple[str, ...]:
    """`unifiedRoles[].roleDefinitionId`, in order, without blanks."""
    ids = (
        _text(field_of(r, "roleDefinitionId"))
        for r in (roles if isinstance(roles, list) else [])
        if isinstance(r, Mapping)
    )
    return tuple(i for i in ids if i)


@dataclass(frozen=True)
class PortalLink:
    """An admin portal for one customer: a URL that passed the link policy, or why not."""

    portal_id: str
    name: str
    purpose: str
    url: str | None
    error: str = ""
    source: str = "template"  # "template" or where Microsoft's own link came from
    note: str = ""
    # True only for a link Microsoft's own answer for the customer gave (links.py
    # merge_microsoft_links): it is checked by that policy, which allows Microsoft's own forms.
    from_microsoft: bool = False


# --- lists -----------------------------------------------------------------------------------


# How much of an unreadable item's id an error repeats (docs/RELIABILITY.md "Limit: id shown
# in an item error"): 80 characters. Microsoft's ids are shorter (two GUIDs joined: 73); a
# megabyte "id" is not repeated whole in a warning, a log line or an error column.
MAX_SHOWN_ID = 80


@dataclass(frozen=True)
class ItemError:
    """One item that could not be read, with its position and a short reason."""

    index: int
    reason: str
    item_id: str = ""

    def __str__(self) -> str:
        # The id is the answer's, whatever it is: cut, and valid Unicode for logs and files.
        shown = clean_text(self.item_id[:MAX_SHOWN_ID]) if self.item_id else ""
        where = f"item {self.index + 1}" + (f" ({shown})" if shown else "")
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Parsed(Generic[T]):
    items: list[T] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)


def parse_list(raw: Any, parser: Callable[[Mapping[str, Any]], T]) -> Parsed[T]:
    """Parse each item; a malformed one becomes an ItemError, never an exception for all."""
    result: Parsed[T] = Parsed()
    if not isinstance(raw, list):
        result.errors.append(ItemError(0, "expected a list of items"))
        return result
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping):
            result.errors.append(ItemError(index, f"expected an object, got {type(item).__name__}"))
            continue
        try:
            result.items.append(parser(item))
        except (RecordError, TypeError, ValueError, AttributeError) as exc:
            item_id = field_of(item, "id")
            result.errors.append(
                ItemError(index, str(exc), item_id if isinstance(item_id, str) else "")
            )
    return result
