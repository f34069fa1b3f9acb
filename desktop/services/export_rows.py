"""The rows of each export: one customer's records (and the item errors of the same fetch) as
the columns `partner-desk export` and the GUI's export write. No Qt, no network.

The live run and the offline one (`export --offline`) both build rows with these, so both give
the same rows for the same data. `desktop.services.export` collects, caches and writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from desktop.auth import AuthError
from desktop.auth.errors import CONSENT_OUTDATED, NOT_CONSENTED
from desktop.domain.customers import Customer, PortalLink
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import format_time
from desktop.domain.service_messages import ServiceMessage, action_first_key
from desktop.domain.service_requests import ServiceRequest
from desktop.services.backend import ApiError

CUSTOMER_OWNER, PARTNER_OWNER = "customer", "partner"

COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("tenantId", "companyName", "domain", "relationship"),
    "health": ("tenantId", "companyName", "serviceId", "service", "status", "error"),
    "incidents": (
        "tenantId",
        "companyName",
        "id",
        "title",
        "service",
        "classification",
        "status",
        "isResolved",
        "startDateTime",
        "lastModifiedDateTime",
        "error",
    ),
    # The message center: one row per customer x message (API.md section 3 `GET messages`).
    "messages": (
        "tenantId",
        "companyName",
        "id",
        "title",
        "category",
        "severity",
        "services",
        "isMajorChange",
        "actionRequiredByDateTime",
        "lastModifiedDateTime",
        "error",
    ),
    # `owner`: "customer" for a customer's ticket (read under that customer), "partner" for
    # the partner's own tickets with Microsoft (the partner list: API.md section 2), whose
    # tenantId and companyName are the partner organisation's as the tickets name it.
    "requests": (
        "tenantId",
        "companyName",
        "owner",
        "id",
        "title",
        "severity",
        "status",
        "createdDate",
        "lastModifiedDate",
        "error",
    ),
    "portals": ("tenantId", "companyName", "portal", "url", "error"),
}
WHATS = tuple(COLUMNS)

Row = dict[str, Any]


def _base(customer: Customer) -> Row:
    return {"tenantId": customer.tenant_id, "companyName": customer.company_name}


def error_row(
    what: str, customer: Customer, error: Exception | str, refused: Mapping[str, str] | None = None
) -> Row:
    row: Row = dict.fromkeys(COLUMNS[what], "")
    for flag in ("isResolved", "isMajorChange"):
        if flag in row:
            row[flag] = None
    row.update(_base(customer))
    if "owner" in row:
        row["owner"] = CUSTOMER_OWNER
    row["error"] = error_text(error, customer.tenant_id, refused)
    return row


def error_text(
    error: Exception | str, tenant_id: str = "", refused: Mapping[str, str] | None = None
) -> str:
    """`refused`: tenant → why its consent was refused last time (`partner-desk consent`)."""
    if isinstance(error, ApiError):
        return error.summary
    if isinstance(error, AuthError) and error.code == NOT_CONSENTED:
        why = (refused or {}).get(tenant_id.lower())
        if why is not None:
            # Consent was asked and refused: running it again would only be refused again.
            return f"{error.message} Consent was refused: {why}"
        # The row says what to run: consent is the partner's to give (API.md section 2).
        target = f"--customer {tenant_id}" if tenant_id else "--all"
        return f"{error.message} Consent needed: partner-desk consent {target}"
    if isinstance(error, AuthError) and error.code == CONSENT_OUTDATED:
        target = f"--customer {tenant_id}" if tenant_id else "--all"
        return f"{error.message} Consent again: partner-desk consent {target}"
    if isinstance(error, AuthError):
        return f"{error.message} {error.next_step}"
    return str(error)


# What marks an error row as a customer's STATE rather than a failure (issue 18): no GDAP
# relationship covers the user (Entra's AADSTS50020, or the service's 403 for the customer's
# data), or Partner Desk is not (or no longer sufficiently) consented there. The row still says
# so; `partner-desk export` exits 0 when every error is one of these. Read from the row's text,
# which is all the cache keeps of a failure, so that a live run and `--offline` agree; the
# consent marks are the ones `error_text` writes above.
_STATE_MARKS = (
    "(AADSTS50020)",
    " Consent needed: partner-desk consent",
    " Consent was refused: ",
    " Consent again: partner-desk consent",
)


def is_state(error: str) -> bool:
    """Whether an error row's text is a customer's no-GDAP or no-consent state."""
    return error.startswith("HTTP 403") or any(mark in error for mark in _STATE_MARKS)


def customer_rows(customers: Iterable[Customer]) -> list[Row]:
    return [{**_base(c), "domain": c.domain, "relationship": c.relationship} for c in customers]


# One customer's rows from its records and the item errors of the same fetch: the live run and
# the offline one build rows with these, so both give the same rows for the same data. Each
# kind says only its records' own columns; `_rows` adds the customer's and the errors' rows.


def _rows(
    what: str,
    customer: Customer,
    records: Iterable[Row],
    errors: list[str],
    common: Row | None = None,
) -> list[Row]:
    """A row per record (its columns after the customer's and `common`'s, no error), then a
    row per item error."""
    shared = {**_base(customer), **(common or {})}
    rows = [{**shared, **record, "error": ""} for record in records]
    return rows + [error_row(what, customer, e) | (common or {}) for e in errors]


def _health_rows(
    customer: Customer, items: Sequence[ServiceHealth], errors: list[str]
) -> list[Row]:
    records = ({"serviceId": h.service_id, "service": h.service, "status": h.status} for h in items)
    return _rows("health", customer, records, errors)


def _incident_rows(
    customer: Customer, items: Sequence[HealthIssue], errors: list[str]
) -> list[Row]:
    records = (
        {
            "id": i.id,
            "title": i.title,
            "service": i.service,
            "classification": i.classification,
            "status": i.status,
            "isResolved": i.is_resolved,
            "startDateTime": format_time(i.start),
            "lastModifiedDateTime": format_time(i.last_modified),
        }
        for i in items
    )
    return _rows("incidents", customer, records, errors)


def _message_rows(
    customer: Customer, items: Sequence[ServiceMessage], errors: list[str]
) -> list[Row]:
    records = (
        {
            "id": m.id,
            "title": m.title,
            "category": m.category,
            "severity": m.severity,
            "services": "; ".join(m.services),
            "isMajorChange": m.is_major_change,
            "actionRequiredByDateTime": format_time(m.action_required_by),
            "lastModifiedDateTime": format_time(m.last_modified),
        }
        for m in sorted(items, key=action_first_key)  # as the app lists them
    )
    return _rows("messages", customer, records, errors)


def _request_rows(
    customer: Customer,
    items: Sequence[ServiceRequest],
    errors: list[str],
    owner: str = CUSTOMER_OWNER,
) -> list[Row]:
    records = (
        {
            # The partner's own tickets name the partner organisation themselves.
            **(_partner_base(customer, r) if owner == PARTNER_OWNER else {}),
            "id": r.id,
            "title": r.title,
            "severity": r.severity,
            "status": r.status,
            "createdDate": format_time(r.created),
            "lastModifiedDate": format_time(r.last_modified),
        }
        for r in items
    )
    return _rows("requests", customer, records, errors, {"owner": owner})


# Stands for the partner in its own rows until a ticket names the partner organisation.
PARTNER = Customer("", "", "", "")


def _partner_base(placeholder: Customer, request: ServiceRequest) -> Row:
    return {
        "tenantId": request.organization_id or placeholder.tenant_id,
        "companyName": request.organization_name or placeholder.company_name,
    }


def partner_request_rows(items: Sequence[ServiceRequest], errors: Sequence[str] = ()) -> list[Row]:
    """The partner's own tickets with Microsoft as `export requests` rows (owner "partner")."""
    return _request_rows(PARTNER, items, list(errors), PARTNER_OWNER)


def _portal_rows(customer: Customer, items: Sequence[PortalLink], errors: list[str]) -> list[Row]:
    return [
        {**_base(customer), "portal": link.name, "url": link.url or "", "error": link.error}
        for link in items
    ]


ROWS: dict[str, Callable[[Customer, Any, list[str]], list[Row]]] = {
    "health": _health_rows,
    "incidents": _incident_rows,
    "messages": _message_rows,
    "requests": _request_rows,
    "portals": _portal_rows,
}


def health_rows(customer: Customer, items: Sequence[ServiceHealth], error: str = "") -> list[Row]:
    """One customer's health rows as `export health` writes them (the dashboard's export)."""
    return _health_rows(customer, items, [error] if error else [])


def incident_rows(customer: Customer, items: Sequence[HealthIssue], error: str = "") -> list[Row]:
    """One customer's issue rows as `export incidents` writes them."""
    return _incident_rows(customer, items, [error] if error else [])


def message_rows(customer: Customer, items: Sequence[ServiceMessage], error: str = "") -> list[Row]:
    """One customer's message center rows as `export messages` writes them."""
    return _message_rows(customer, items, [error] if error else [])
