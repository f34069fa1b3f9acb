"""Sample GDAP relationships of one customer (API.md section 3): one active relationship when the
customer has GDAP, else none or dead ones; an older expired one now and then.

The active relationship's roles include one that can consent to applications (Global, Privileged
Role or Cloud Application Administrator) exactly when the consent book says the partner can
consent there (consent.py), so the data and the consent API agree.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desktop.sandbox import catalog
from desktop.sandbox.customers import Customer, guid
from desktop.sandbox.timefmt import iso_ms

ENDING_SOON_SHARE = 0.1


def relationships(
    c: Customer,
    rng: random.Random,
    role_rng: random.Random,
    now: datetime,
    can_consent: bool,
) -> list[dict[str, object]]:
    """`role_rng` picks the consent role: a stream of its own, so that the other draws (and so
    the rest of the data) are what they were before consent roles existed."""
    out: list[dict[str, object]] = []

    def relationship(status: str, activated: datetime | None) -> dict[str, object]:
        created = (activated or now) - timedelta(days=rng.randint(1, 14))
        roles = rng.sample(catalog.ROLES, rng.randint(2, len(catalog.ROLES)))
        if status == "active" and can_consent:
            roles.append(role_rng.choice(catalog.CONSENT_ROLES))
        end = activated + timedelta(days=730) if activated else None
        modified = max(created, min(now, end or now) - timedelta(days=1))
        return {
            "id": f"{guid(rng)}-{c.tenant_id}",
            "displayName": f"NBC_{c.slug}_{created:%Y%m%d}"[:50],
            "duration": "P730D",
            "status": status,
            "autoExtendDuration": "P180D" if rng.random() < 0.6 else "PT0S",
            "createdDateTime": iso_ms(created),
            "lastModifiedDateTime": iso_ms(modified),
            "activatedDateTime": iso_ms(activated) if activated else None,
            "endDateTime": iso_ms(end) if end else None,
            "customer": {"tenantId": c.tenant_id, "displayName": c.company_name},
            "accessDetails": {"unifiedRoles": [{"roleDefinitionId": r[0]} for r in roles]},
        }

    if rng.random() < 0.2:  # an older relationship that ran out
        out.append(relationship("expired", now - timedelta(days=rng.randint(740, 900))))
    if c.has_gdap:
        soon = rng.random() < ENDING_SOON_SHARE
        age = 730 - rng.randint(1, 29) if soon else rng.randint(10, 700)
        out.append(relationship("active", now - timedelta(days=age, hours=rng.random())))
    else:
        kind = rng.choices(("none", "terminated", "approvalPending"), weights=(5, 3, 2))[0]
        if kind == "terminated":
            out.append(relationship(kind, now - timedelta(days=rng.randint(30, 600))))
        elif kind == "approvalPending":
            out.append(relationship(kind, None))
    return out
