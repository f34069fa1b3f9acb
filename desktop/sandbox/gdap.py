"""Sample GDAP relationships and their access assignments (API.md section 3).

Shapes follow Microsoft Graph's published examples:
- relationships: learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships
  (the List example: `customer{tenantId, displayName}`, `accessDetails.unifiedRoles`,
  `autoExtendDuration` "P180D"/"PT0S", null `activatedDateTime`/`endDateTime` while pending);
  the statuses and what they mean, and `P0D`/`PT0S`/`P180D`, from
  learn.microsoft.com/graph/api/resources/delegatedadminrelationship. `customer` is set "by the
  partner at creation or by the system after the customer approves": a relationship created for
  any customer has none until then.
- ids: in the List example every relationship's id is a GUID followed by the same second GUID
  whatever its customer (not the customer's tenant id): here the partner's tenant id.
- access assignments: learn.microsoft.com/graph/api/
  delegatedadminrelationship-list-accessassignments (`accessContainer{accessContainerId,
  accessContainerType: "securityGroup"}`, `accessDetails`; `status` pending, active, deleting,
  deleted, error from resources/delegatedadminaccessassignment).
- a status added after Graph's sentinel arrives as `unknownFutureValue` unless the client sends
  `Prefer: include-unknown-enum-members` (learn.microsoft.com/graph/best-practices-concept,
  "Handling future members in evolvable enumerations"); the app does not, so one relationship
  carries it as sent.

A customer with GDAP has one active relationship; its roles include one that can consent to
applications (Global, Privileged Role or Cloud Application Administrator) exactly when the
consent book says the partner can consent there (consent.py), and that role is assigned to a
group the sandbox user belongs to, so the data and the consent API agree. Customers without GDAP
have none, or only relationships that give no access (pending, ended, being terminated).
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from desktop.sandbox import catalog
from desktop.sandbox.customers import Customer, guid
from desktop.sandbox.timefmt import iso_ms

ENDING_SOON_SHARE = 0.1
# The first customers without GDAP (in generation order) show these statuses, one in two (the
# others none), so that every status appears in a dataset with 18 such customers (about 120
# customers); the rest draw at random.
SHOWCASE: tuple[str, ...] = (
    "expiring",
    "approvalPending",
    "activating",
    "terminationRequested",
    "approved",
    "unknownFutureValue",
    "terminating",
    "expired",
    "terminated",
)
# Statuses in which Microsoft keeps the relationship's access assignments.
_ASSIGNED = frozenset({"active", "expiring", "terminationRequested", "terminating"})
_PENDING = frozenset({"created", "approvalPending", "approved", "activating"})
_DURATION_DAYS = 730


def group_id(seed: int, key: str) -> str:
    """A partner security group's object id: fixed for a seed."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"partner-desk-sandbox:{seed}:group:{key}"))


def partner_groups(seed: int) -> list[dict[str, object]]:
    """The partner's security groups as Graph's group resource names them."""
    return [
        {
            "@odata.type": "#microsoft.graph.group",
            "id": group_id(seed, key),
            "displayName": name,
            "description": "GDAP access to customer tenants",
            "securityEnabled": True,
            "mailEnabled": False,
            "groupTypes": [],
            "member": member,  # sandbox-only: stripped before it goes on the wire
        }
        for key, name, member in catalog.PARTNER_GROUPS
    ]


def _auto_extend(rng: random.Random) -> str:
    # Graph documents P0D and PT0S as the same "no auto-extension": both appear.
    return rng.choices(("P180D", "PT0S", "P0D"), weights=(55, 33, 12))[0]


def relationship(
    rng: random.Random,
    *,
    partner_tid: str,
    status: str,
    now: datetime,
    customer: Customer | None,
    roles: list[str],
    activated: datetime | None = None,
    end: datetime | None = None,
    name: str = "",
) -> dict[str, object]:
    created = (activated or now) - timedelta(days=rng.randint(1, 14))
    if activated is not None and end is None:
        end = activated + timedelta(days=_DURATION_DAYS)
    modified = max(created, min(now, end or now) - timedelta(days=1))
    label = customer.slug if customer else "invite"
    return {
        "id": f"{guid(rng)}-{partner_tid}",
        "displayName": (name or f"NBC_{label}_{created:%Y%m%d}")[:50],
        "duration": f"P{_DURATION_DAYS}D",
        "status": status,
        "autoExtendDuration": _auto_extend(rng),
        "createdDateTime": iso_ms(created),
        "lastModifiedDateTime": iso_ms(modified),
        "activatedDateTime": iso_ms(activated) if activated else None,
        "endDateTime": iso_ms(end) if end else None,
        "customer": (
            {"tenantId": customer.tenant_id, "displayName": customer.company_name}
            if customer
            else None
        ),
        "accessDetails": {"unifiedRoles": [{"roleDefinitionId": r} for r in roles]},
    }


def _roles(rng: random.Random, more_rng: random.Random) -> list[str]:
    roles = [r[0] for r in rng.sample(catalog.ROLES, rng.randint(2, len(catalog.ROLES)))]
    roles += [r[0] for r in more_rng.sample(catalog.MORE_ROLES, more_rng.randint(0, 3))]
    return roles


def relationships(
    c: Customer,
    rng: random.Random,
    role_rng: random.Random,
    more_rng: random.Random,
    now: datetime,
    can_consent: bool,
    partner_tid: str,
    showcase: str | None = None,
) -> list[dict[str, object]]:
    """One customer's relationships. `role_rng` picks the consent role and `more_rng` the
    extra roles: streams of their own, so that the other draws stay what they were."""
    out: list[dict[str, object]] = []

    def make(status: str, activated: datetime | None, end: datetime | None = None) -> None:
        roles = _roles(rng, more_rng)
        if status == "active" and can_consent:
            roles.append(role_rng.choice(catalog.CONSENT_ROLES)[0])
        out.append(
            relationship(
                rng,
                partner_tid=partner_tid,
                status=status,
                now=now,
                customer=c,
                roles=roles,
                activated=activated,
                end=end,
            )
        )

    if rng.random() < 0.2:  # an older relationship that ran out
        make("expired", now - timedelta(days=rng.randint(740, 900)))
    if c.has_gdap:
        soon = rng.random() < ENDING_SOON_SHARE
        age = _DURATION_DAYS - rng.randint(1, 29) if soon else rng.randint(10, 700)
        make("active", now - timedelta(days=age, hours=rng.random()))
        return out
    kind = (
        showcase
        or rng.choices(
            ("none", "terminated", "approvalPending", "expired", "expiring"),
            weights=(5, 3, 2, 1, 1),
        )[0]
    )
    if kind == "none":
        return out
    if kind in _PENDING:
        make(kind, None)
    elif kind == "expiring":
        # Past its end and being closed: Graph's "has passed its expiration date".
        make(kind, now - timedelta(days=_DURATION_DAYS + rng.randint(1, 5)))
    elif kind == "expired":
        make(kind, now - timedelta(days=_DURATION_DAYS + rng.randint(6, 200)))
    elif kind == "terminated":  # ended early: the end is when termination completed
        make(kind, now - timedelta(days=rng.randint(30, 600)), now - timedelta(rng.randint(2, 20)))
    else:  # terminationRequested, terminating, a future status: dates as an active one's
        make(kind, now - timedelta(days=rng.randint(30, 600)))
    return out


def invitations(
    rng: random.Random, more_rng: random.Random, now: datetime, partner_tid: str
) -> list[dict[str, object]]:
    """Relationships created for any customer, not approved yet: `customer` is null."""
    out = []
    for status, name in (
        ("approvalPending", "Onboarding - new customer"),
        ("approvalPending", "Helpdesk access request"),
        ("created", "Draft - Fabrikam onboarding"),
    ):
        out.append(
            relationship(
                rng,
                partner_tid=partner_tid,
                status=status,
                now=now - timedelta(days=rng.randint(0, 20)),
                customer=None,
                roles=_roles(rng, more_rng),
                name=name,
            )
        )
    return out


def access_assignments(
    rel: dict[str, object], rng: random.Random, seed: int, now: datetime
) -> list[dict[str, object]]:
    """Which of the partner's groups hold which of the relationship's roles.

    Every role an assignment gives is one of the relationship's (Graph refuses others). The
    consent roles go to a group the sandbox user is in, so that consent works where the data
    says it does."""
    if rel["status"] not in _ASSIGNED:
        return []
    details = rel["accessDetails"]
    assert isinstance(details, dict)
    roles: list[str] = [r["roleDefinitionId"] for r in details["unifiedRoles"]]
    consent_ids = {r[0] for r in catalog.CONSENT_ROLES}
    security = [r for r in roles if r in catalog.SECURITY_ROLE_IDS]
    admin = [r for r in roles if r in consent_ids]
    everyday = [r for r in roles if r not in consent_ids and r not in security] or roles[:1]
    plan: list[tuple[str, list[str]]] = [("support", everyday)]
    if admin:
        plan.append(("admins", admin + [r for r in everyday if rng.random() < 0.3]))
    if security:
        plan.append(("security", security))
    if rng.random() < 0.4:
        plan.append(("modern-work", rng.sample(roles, min(len(roles), 2))))
    activated = str(rel["activatedDateTime"] or iso_ms(now))
    out: list[dict[str, object]] = []
    for key, given in plan:
        ended = rel["status"] in ("terminating", "expiring")
        status = "deleting" if ended else ("pending" if rng.random() < 0.08 else "active")
        out.append(
            {
                "@odata.type": "#microsoft.graph.delegatedAdminAccessAssignment",
                "id": guid(rng),
                "status": status,
                "createdDateTime": activated,
                "lastModifiedDateTime": activated,
                "accessContainer": {
                    "accessContainerId": group_id(seed, key),
                    "accessContainerType": "securityGroup",
                },
                "accessDetails": {"unifiedRoles": [{"roleDefinitionId": r} for r in given]},
            }
        )
    return out
