"""GDAP as partners read it: the relationship record, role names, access assignments, the
user's groups, and the rules (which relationship counts, which one is about to end). No Qt, no
I/O. API.md section 3.

Sources: learn.microsoft.com/graph/api/resources/delegatedadminrelationship (statuses,
`autoExtendDuration`), resources/delegatedadminaccessassignment, and the Entra built-in roles
reference for role names (ENTRA_ROLES_URL).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import IntEnum
from typing import Any, Final

from desktop.domain.enums import GDAP_STATUS
from desktop.domain.ids import is_relationship_id, is_tenant_id
from desktop.domain.parsing import (
    Enum,
    RecordError,
    _checked_id,
    _mapping,
    _required_text,
    _text,
    field_of,
    parse_time,
)

# Relationships ending within this many days are flagged: a new one needs the customer's
# approval, which takes time (issue 6). Only those that do not extend themselves (below).
EXPIRY_WARNING_DAYS: Final = 30

ENTRA_ROLES_URL: Final = (
    "https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference"
)

# Entra built-in role template ids -> names, as the "All roles" table of ENTRA_ROLES_URL lists
# them (checked against MicrosoftDocs/entra-docs docs/identity/role-based-access-control/
# permissions-reference.md, January 2026): the roles GDAP relationships commonly carry.
# The names stay in English in every language on purpose: Microsoft's portals translate them,
# but partners search for them, quote them to Microsoft support and match them against their
# GDAP templates by these exact names, so they are identifiers here, not prose.
ROLE_NAMES: Final[Mapping[str, str]] = {
    "62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
    "f2ef992c-3afb-46b9-b7cf-a126ee74c451": "Global Reader",
    "729827e3-9c14-49f7-bb1b-9608f156bbb8": "Helpdesk Administrator",
    "fe930be7-5e62-47db-91af-98c3a49a38b1": "User Administrator",
    "29232cdf-9323-42fd-ade2-1d097af3e4de": "Exchange Administrator",
    "31392ffb-586c-42d1-9346-e59415a2cc4e": "Exchange Recipient Administrator",
    "f28a1f50-f6e7-4571-818b-6a12f2af6b6c": "SharePoint Administrator",
    "69091246-20e8-4a56-aa4d-066075b2a7a8": "Teams Administrator",
    "baf37b3a-610e-45da-9e62-d9d1e5e8914b": "Teams Communications Administrator",
    "3d762c5a-1b6c-493f-843e-55a3b42923d4": "Teams Devices Administrator",
    "194ae4cb-b126-40b2-bd5b-6091b380977d": "Security Administrator",
    "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f": "Security Operator",
    "5d6b6bb7-de71-4623-b4af-96380a352509": "Security Reader",
    "e8611ab8-c189-46e8-94e1-60213ab1f814": "Privileged Role Administrator",
    "7be44c8a-adaf-4e2a-84d6-ab2649e08a13": "Privileged Authentication Administrator",
    "c4e39bd9-1100-46d3-8c65-fb160da0071f": "Authentication Administrator",
    "0526716b-113d-4c15-b2c8-68e3c22b9f80": "Authentication Policy Administrator",
    "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9": "Conditional Access Administrator",
    "158c047a-c907-4556-b7ef-446551a6b5f7": "Cloud Application Administrator",
    "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3": "Application Administrator",
    "3a2c62db-5318-420d-8d74-23affee5d9d5": "Intune Administrator",
    "f023fd81-a637-4b56-95fd-791ac0226033": "Service Support Administrator",
    "4d6ac14f-3453-41d0-bef9-a3e0c569773a": "License Administrator",
    "b0f54661-2d74-4c50-afa3-1ec803f12efe": "Billing Administrator",
    "88d8e3e3-8f55-4a1e-953a-9b9898b8876b": "Directory Readers",
    "9360feb5-f418-4baa-8175-e2a00bac4301": "Directory Writers",
    "17315797-102d-40b4-93e0-432062caca18": "Compliance Administrator",
    "e6d1a23a-da11-4be4-9570-befc86d067a7": "Compliance Data Administrator",
    "4a5d8f65-41da-4de4-8968-e035b65339cf": "Reports Reader",
    "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b": "Message Center Reader",
    "11648597-926c-4cf3-9c36-bcebb0ba8dcc": "Power Platform Administrator",
    "44367163-eba1-44c3-98af-f5787879f96a": "Dynamics 365 Administrator",
    "963797fb-eb3b-4cde-8ce3-5878b3f32a3f": "Dynamics 365 Business Central Administrator",
    "a9ea8996-122f-4c74-9520-8edcd192826c": "Fabric Administrator",
    # Formerly "Azure AD Joined Device Local Administrator".
    "9f06204d-73c1-4d4c-880a-6edb90606fd8": "Microsoft Entra Joined Device Local Administrator",
    "7698a772-787b-4ac8-901f-60d6b08affd2": "Cloud Device Administrator",
    "fdd7a751-b60b-444a-984c-02652fe8fa1c": "Groups Administrator",
    "966707d0-3269-4727-9be2-8c3a10f19b9d": "Password Administrator",
    "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2": "Hybrid Identity Administrator",
    "8329153b-31d0-4727-b945-745eb3bc5f31": "Domain Name Administrator",
    "2b745bdf-0803-4d80-aa65-822c4493daac": "Office Apps Administrator",
    "11451d60-acb2-45eb-a7d6-43d0f0125c13": "Windows 365 Administrator",
    "644ef478-e28f-4e28-b9dc-3fdde9aa0b1f": "Printer Administrator",
    "75934031-6c7e-415a-99d7-48dbd49e875e": "Usage Summary Reports Reader",
    "1076ac91-f3d9-41a7-a339-dcdf5f480acc": "Teams Reader",
    "d2562ede-74db-457e-a7b6-544e236ebb61": "AI Administrator",
}

# Any of these lets the partner consent to an application in the customer (API.md section 1;
# learn.microsoft.com/partner-center/customers/gdap-least-privileged-roles-by-task).
CONSENT_ROLE_IDS: Final = (
    "62e90394-69f5-4237-9190-012177145e10",
    "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "158c047a-c907-4556-b7ef-446551a6b5f7",
)


@dataclass(frozen=True)
class GdapRelationship:
    """A GDAP relationship (API.md section 3; the rules that read it are below).

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


def role_name(role_id: str) -> str:
    """The English name of an Entra built-in role; an unknown (or custom) role's id as sent."""
    return ROLE_NAMES.get(role_id.strip().lower(), role_id)


def role_names(ids: Iterable[str]) -> list[str]:
    """Names for role ids, each once, known roles by name first, in the order given."""
    seen: set[str] = set()
    known: list[str] = []
    unknown: list[str] = []
    for role_id in ids:
        name = role_name(role_id)
        if name in seen:
            continue
        seen.add(name)
        (known if name != role_id else unknown).append(name)
    return known + unknown


def consent_role_names() -> list[str]:
    return [ROLE_NAMES[i] for i in CONSENT_ROLE_IDS]


# -- auto-extension and expiry ------------------------------------------------------------------

_DURATION = re.compile(
    r"^P(?:(?P<y>\d+)Y)?(?:(?P<m>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<min>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


def duration_days(text: str) -> float | None:
    """An ISO 8601 duration in days ("P180D" 180, "PT0S" and "P0D" 0); None if unreadable.
    Years and months count 365 and 30 days: only "is it zero" and rough sizes matter here."""
    found = _DURATION.match((text or "").strip().upper())
    if found is None or text.strip().upper() in ("P", "PT"):
        return None
    part = {k: float(v) if v else 0.0 for k, v in found.groupdict().items()}
    return (
        part["y"] * 365
        + part["m"] * 30
        + part["w"] * 7
        + part["d"]
        + part["h"] / 24
        + part["min"] / 1440
        + part["s"] / 86400
    )


# Microsoft extends by 180 days or not at all; a duration past a century is a broken answer,
# and cut to it so that no count shown or compared overflows (`P9…9D` with 400 nines read as
# an infinite float, which `int()` refused: an OverflowError in the GDAP column's paint).
MAX_EXTENSION_DAYS: Final = 36_500


def extension_days(rel: GdapRelationship) -> int:
    """Days Microsoft adds at the end by itself: 180 for P180D, 0 for PT0S/P0D or nothing
    (at most MAX_EXTENSION_DAYS)."""
    days = duration_days(rel.auto_extend)
    if days is None or not days > 0:  # NaN is not > 0 either
        return 0
    return int(min(days, MAX_EXTENSION_DAYS))


def days_left(rel: GdapRelationship, now: datetime | None = None) -> int | None:
    """Whole days until an active relationship ends; None when inactive or without an end."""
    if not rel.active or rel.end is None:
        return None
    end = rel.end if rel.end.tzinfo else rel.end.replace(tzinfo=timezone.utc)
    return (end - (now or datetime.now(timezone.utc))).days


def ending_soon(
    rel: GdapRelationship, now: datetime | None = None, days: int = EXPIRY_WARNING_DAYS
) -> bool:
    """Active, not extending itself, and ending within `days`: the ones to renew.

    A P180D relationship is extended by Microsoft at its end date (learn.microsoft.com/
    partner-center/dap-faq, "When does auto extend work?": on its last day the end date moves
    180 days on), so it is never flagged whatever its end date."""
    left = days_left(rel, now)
    return left is not None and left <= days and not extension_days(rel)


def expires_in(rel: GdapRelationship, now: datetime | None = None) -> int | None:
    """The days to say a relationship to renew has left (`ending_soon`): 0 when it ends today
    (or its end has just passed), None when it is not one to renew."""
    if not ending_soon(rel, now):
        return None
    return max(days_left(rel, now) or 0, 0)


class GdapState(IntEnum):
    """Where a customer's delegated access stands, from the relationship that speaks for it
    (`best_by_customer`); best first, as the customer list sorts it."""

    ACTIVE = 0
    ENDING = 1  # active, but `ending_soon`: ask the customer for a new one
    INACTIVE = 2  # gives no access: not approved yet, being ended or ended (`expiring` too)
    NONE = 3  # no relationship at all


def gdap_state(rel: GdapRelationship | None, now: datetime | None = None) -> GdapState:
    if rel is None:
        return GdapState.NONE
    if not rel.active:
        return GdapState.INACTIVE
    return GdapState.ENDING if ending_soon(rel, now) else GdapState.ACTIVE


# Statuses not approved by a customer yet, and those that have ended (the GDAP window's filters).
PENDING: Final = frozenset({"created", "approvalPending"})
ENDED: Final = frozenset({"expired", "expiring", "terminated"})


def is_pending(rel: GdapRelationship) -> bool:
    """Not approved by a customer yet: created (still being edited) or awaiting approval."""
    return rel.status in PENDING


def invitable(rel: GdapRelationship) -> bool:
    """Its invitation link works: the partner locked it for approval (`approvalPending`).
    The link is built "after running ... the lockForApproval action" (learn.microsoft.com/
    graph/api/resources/delegatedadminrelationships-api-overview); a `created` one is not."""
    return rel.status == "approvalPending"


def _sort_end(rel: GdapRelationship) -> float:
    return rel.end.timestamp() if rel.end else 0.0


# Every status in the order a list of relationships sorts by (what works first, then what to act
# on, then what is over), with its standing: which relationship speaks for a customer is the
# active one, else one on its way (approved, then awaiting approval: the next step is the
# customer's), else one being ended, else an ended one; the latest end among equals.
_STATUSES: Final = (
    ("active", 0),
    ("activating", 1),
    ("approved", 1),
    ("approvalPending", 2),
    ("created", 3),
    ("terminationRequested", 4),
    ("terminating", 4),
    ("expiring", 5),
    ("expired", 5),
    ("terminated", 5),
)
_STANDING: Final = dict(_STATUSES)
_ORDER: Final = {status: n for n, (status, _) in enumerate(_STATUSES)}


def status_order(status: str) -> int:
    """Where a status sorts in a list of relationships; statuses the app does not know last."""
    return _ORDER.get(status, len(_ORDER))


def _standing(rel: GdapRelationship) -> tuple[int, float]:
    return (-_STANDING.get(rel.status, 5), _sort_end(rel))


def best_by_customer(rels: Iterable[GdapRelationship]) -> dict[str, GdapRelationship]:
    """Each customer's relationship to show in the list (`_STANDING`), by lower-case tenant
    id. Invitations no customer has approved belong to nobody."""
    best: dict[str, GdapRelationship] = {}
    for rel in rels:
        if not rel.has_customer:
            continue
        key = rel.customer_tenant_id.lower()
        current = best.get(key)
        if current is None or _standing(rel) > _standing(current):
            best[key] = rel
    return best


def of_customer(rels: Iterable[GdapRelationship], tenant_id: str) -> list[GdapRelationship]:
    """One customer's relationships, the one that speaks for them first (`_STANDING`)."""
    key = tenant_id.lower()
    mine = [r for r in rels if r.customer_tenant_id.lower() == key]
    return sorted(mine, key=_standing, reverse=True)


# -- access assignments and groups --------------------------------------------------------------

ACCESS_STATUS = Enum(("pending", "active", "deleting", "deleted", "error", "unknownFutureValue"))


@dataclass(frozen=True)
class AccessAssignment:
    """Which partner security group holds which of a relationship's roles."""

    id: str
    status: str
    container_id: str
    container_type: str
    role_ids: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AccessAssignment:
        container = _mapping(field_of(data, "accessContainer"))
        access = _mapping(field_of(data, "accessDetails"))
        return cls(
            id=_required_text(data, "id"),
            status=ACCESS_STATUS(field_of(data, "status") or "active"),
            container_id=_required_text(container, "accessContainerId"),
            container_type=_text(field_of(container, "accessContainerType")) or "securityGroup",
            role_ids=role_ids(field_of(access, "unifiedRoles") or []),
        )


@dataclass(frozen=True)
class DirectoryGroup:
    """A group the signed-in user belongs to (`me/transitiveMemberOf`); other directory
    objects (roles, administrative units) parse with `is_group` False."""

    id: str
    display_name: str
    is_group: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DirectoryGroup:
        kind = _text(field_of(data, "@odata.type"))
        return cls(
            id=_required_text(data, "id"),
            # Without the permission to read a type, Graph sends only its type and id.
            display_name=_text(field_of(data, "displayName")),
            is_group=kind.lower() == "#microsoft.graph.group",
        )


def group_names(groups: Iterable[DirectoryGroup]) -> dict[str, str]:
    """Lower-case group id -> name, for the groups that came with a name."""
    return {g.id.lower(): g.display_name for g in groups if g.is_group and g.display_name}


def valid_relationship_id(value: str) -> bool:
    """A relationship id as Graph writes them: a GUID, or two joined by a hyphen."""
    return is_relationship_id(value)
