"""Export rows for customers, health, incidents, planned changes (messages), requests and
portals; CSV and JSON. No Qt.

Shared by `partner-desk export` and the GUI's export action, so both write the same columns.
Rows come out in customer-list order whatever order the sweep finished in, so two runs over the
same data (one of them through faults and retries) give identical files.

Given a `CacheWriter`, a live run also keeps what it fetched (records, item errors, failures) in
the cache; `cached_rows` builds the same rows from the cache alone (`export --offline`).
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from desktop.auth import AuthError
from desktop.auth.errors import NOT_CONSENTED
from desktop.backend import CONSENT_OUTDATED, ApiError, Backend, Outcome
from desktop.models.records import (
    Customer,
    HealthIssue,
    PortalLink,
    ServiceHealth,
    ServiceRequest,
    format_time,
)
from desktop.models.service_messages import ServiceMessage, action_first_key
from desktop.store.cache import (
    HEALTH,
    ISSUES,
    MESSAGES,
    PARTNER_WIDE,
    PORTALS,
    REQUESTS,
    Cache,
    CacheWriter,
)

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
# Where each export's data lives in the cache.
CACHE_KIND = {
    "health": HEALTH,
    "incidents": ISSUES,
    "messages": MESSAGES,
    "requests": REQUESTS,
    "portals": PORTALS,
}

Row = dict[str, Any]
Progress = Callable[[int, int, int], None]  # done, failed, total


def _base(customer: Customer) -> Row:
    return {"tenantId": customer.tenant_id, "companyName": customer.company_name}


def _error_row(
    what: str, customer: Customer, error: Exception | str, refused: Mapping[str, str] | None = None
) -> Row:
    row: Row = dict.fromkeys(COLUMNS[what], "")
    for flag in ("isResolved", "isMajorChange"):
        if flag in row:
            row[flag] = None
    row.update(_base(customer))
    if "owner" in row:
        row["owner"] = CUSTOMER_OWNER
    row["error"] = _message(error, customer.tenant_id, refused)
    return row


def _message(
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


def _customer_rows(customers: Iterable[Customer]) -> list[Row]:
    return [{**_base(c), "domain": c.domain, "relationship": c.relationship} for c in customers]


# One customer's rows from its records and the item errors of the same fetch: the live run and
# the offline one build rows with these, so both give the same rows for the same data.


def _health_rows(
    customer: Customer, items: Sequence[ServiceHealth], errors: list[str]
) -> list[Row]:
    rows = [
        {
            **_base(customer),
            "serviceId": h.service_id,
            "service": h.service,
            "status": h.status,
            "error": "",
        }
        for h in items
    ]
    return rows + [_error_row("health", customer, e) for e in errors]


def _incident_rows(
    customer: Customer, items: Sequence[HealthIssue], errors: list[str]
) -> list[Row]:
    rows = [
        {
            **_base(customer),
            "id": i.id,
            "title": i.title,
            "service": i.service,
            "classification": i.classification,
            "status": i.status,
            "isResolved": i.is_resolved,
            "startDateTime": format_time(i.start),
            "lastModifiedDateTime": format_time(i.last_modified),
            "error": "",
        }
        for i in items
    ]
    return rows + [_error_row("incidents", customer, e) for e in errors]


def _message_rows(
    customer: Customer, items: Sequence[ServiceMessage], errors: list[str]
) -> list[Row]:
    rows = [
        {
            **_base(customer),
            "id": m.id,
            "title": m.title,
            "category": m.category,
            "severity": m.severity,
            "services": "; ".join(m.services),
            "isMajorChange": m.is_major_change,
            "actionRequiredByDateTime": format_time(m.action_required_by),
            "lastModifiedDateTime": format_time(m.last_modified),
            "error": "",
        }
        for m in sorted(items, key=action_first_key)  # as the app lists them
    ]
    return rows + [_error_row("messages", customer, e) for e in errors]


def _request_rows(
    customer: Customer,
    items: Sequence[ServiceRequest],
    errors: list[str],
    owner: str = CUSTOMER_OWNER,
) -> list[Row]:
    rows = [
        {
            **(_base(customer) if owner == CUSTOMER_OWNER else _partner_base(customer, r)),
            "owner": owner,
            "id": r.id,
            "title": r.title,
            "severity": r.severity,
            "status": r.status,
            "createdDate": format_time(r.created),
            "lastModifiedDate": format_time(r.last_modified),
            "error": "",
        }
        for r in items
    ]
    return rows + [_error_row("requests", customer, e) | {"owner": owner} for e in errors]


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


_ROWS: dict[str, Callable[[Customer, Any, list[str]], list[Row]]] = {
    "health": _health_rows,
    "incidents": _incident_rows,
    "messages": _message_rows,
    "requests": _request_rows,
    "portals": _portal_rows,
}


def _task(
    backend: Backend, what: str, cache: CacheWriter | None = None
) -> Callable[[Customer, str, threading.Event], list[Row]]:
    def health(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.health(customer.tenant_id, cid, cancel)
        errors = [str(e) for e in parsed.errors]
        if cache is not None:
            cache.health(customer.tenant_id, parsed.items, None, health_errors=errors)
        return _health_rows(customer, parsed.items, errors)

    def incidents(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.issues(customer.tenant_id, cid, cancel=cancel)
        errors = [str(e) for e in parsed.errors]
        if cache is not None:
            cache.health(customer.tenant_id, None, parsed.items, issue_errors=errors)
        return _incident_rows(customer, parsed.items, errors)

    def messages(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.messages(customer.tenant_id, cid, cancel)
        errors = [str(e) for e in parsed.errors]
        if cache is not None:
            cache.messages(customer.tenant_id, parsed.items, errors)
        return _message_rows(customer, parsed.items, errors)

    def requests(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.requests(customer.tenant_id, cid)
        errors = [str(e) for e in parsed.errors]
        if cache is not None:
            cache.requests(customer.tenant_id, parsed.items, errors)
        return _request_rows(customer, parsed.items, errors)

    def portals(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        links = backend.portals(customer, cid=cid)
        if cache is not None:
            cache.portals(customer.tenant_id, links)
        return _portal_rows(customer, links, [])

    tasks = {
        "health": health,
        "incidents": incidents,
        "messages": messages,
        "requests": requests,
        "portals": portals,
    }
    return tasks[what]


def _failed(rows: list[Row]) -> bool:
    return any(row.get("error") for row in rows)


def collect(
    backend: Backend,
    what: str,
    customers: list[Customer],
    *,
    concurrency: int | None = None,
    cancel: threading.Event | None = None,
    progress: Progress | None = None,
    on_outcome: Callable[[Outcome[list[Row]]], None] | None = None,
    cache: CacheWriter | None = None,
    refused: Mapping[str, str] | None = None,
) -> tuple[list[Row], int]:
    """(rows in customer order, number of customers with an error) for one export kind.

    With `cache`, each customer's records (or why its fetch failed) are written there too; the
    customer list is the caller's to cache (it may pass only some customers). `refused`: lower-
    case tenant id → why allowing Partner Desk there was refused (the cache's last consents).
    """
    if what == "customers":
        return _customer_rows(customers), 0
    by_index: dict[int, list[Row]] = {}
    failed = 0
    total = len(customers)
    for outcome in backend.sweep(
        customers, _task(backend, what, cache), concurrency=concurrency, cancel=cancel
    ):
        if outcome.error is not None:
            row = _error_row(what, outcome.customer, outcome.error, refused)
            by_index[outcome.index] = [row]
            if cache is not None:
                cache.error(outcome.customer.tenant_id, CACHE_KIND[what], row["error"])
        else:
            by_index[outcome.index] = outcome.value or []
        if _failed(by_index[outcome.index]):
            failed += 1
        if on_outcome is not None:
            on_outcome(outcome)
        if progress is not None:
            progress(len(by_index), failed, total)
    rows = [row for index in sorted(by_index) for row in by_index[index]]
    if what == "requests" and not (cancel is not None and cancel.is_set()):
        own = _partner_rows(backend, cache)
        failed += _failed(own)
        rows += own
    return rows, failed


def _partner_rows(backend: Backend, cache: CacheWriter | None) -> list[Row]:
    """The partner's own tickets, after its customers' (one error row when unreadable)."""
    try:
        parsed = backend.requests(None)
    except (ApiError, AuthError) as error:
        message = _message(error)
        if cache is not None:
            cache.error(None, REQUESTS, message)
        return partner_request_rows([], [message])
    errors = [str(e) for e in parsed.errors]
    if cache is not None:
        cache.requests(None, parsed.items, errors)
    return partner_request_rows(parsed.items, errors)


@dataclass(frozen=True)
class Cached:
    rows: list[Row]
    failed: int  # customers with an error row
    customers: int  # customers in the cached list
    fetched: float  # when the cached customer list was fetched


def cached_rows(cache: Cache, source: str, what: str) -> Cached | None:
    """The rows of `what` from the cache alone, as the last live run gave them; None when the
    cache has no data for it. A customer whose last fetch failed gets that error row again; one
    never fetched (a cancelled sweep) gets no row, as in the live run."""
    customers, fetched = cache.customers(source)
    if fetched is None:
        return None
    if what == "customers":
        return Cached(_customer_rows(customers), 0, len(customers), fetched)
    entries = cache.entries(source, CACHE_KIND[what])
    if customers and not entries:
        return None
    rows, failed = [], 0
    for customer in customers:
        entry = entries.get(customer.tenant_id)
        if entry is None:
            continue
        if entry.failing:
            found = [_error_row(what, customer, entry.failure or "")]
        else:
            found = _ROWS[what](customer, entry.items or [], entry.item_errors)
        failed += _failed(found)
        rows += found
    own = entries.get(PARTNER_WIDE) if what == "requests" else None
    if own is not None:
        if own.failing:
            found = partner_request_rows([], [own.failure or ""])
        else:
            found = partner_request_rows(own.items or [], own.item_errors)
        failed += _failed(found)
        rows += found
    return Cached(rows, failed, len(customers), fetched)


# Cells a spreadsheet would run as a formula (OWASP "CSV injection"): prefix a quote so the cell
# is shown as text. Tab, CR and NUL count because spreadsheets may strip them before parsing
# (OWASP ASVS 5.0 V1.2.10 lists NUL with the others).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")


def refused_consents(cache: Cache, source: str) -> dict[str, str]:
    """Lower-case tenant id → the reason its last consent was refused, from the cache."""
    return {
        tenant.lower(): str(outcome.get("reason") or "refused")
        for tenant, outcome in cache.consents(source).items()
        if outcome.get("result") == "refused"
    }


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(_cell(row.get(c))) for c in columns])


def write_json(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...], out: IO[str]) -> None:
    data = [{c: row.get(c, "") for c in columns} for row in rows]
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def render(rows: list[Row], what: str, fmt: str) -> str:
    buffer = io.StringIO()
    (write_csv if fmt == "csv" else write_json)(rows, COLUMNS[what], buffer)
    return buffer.getvalue()


def health_rows(customer: Customer, items: Sequence[ServiceHealth], error: str = "") -> list[Row]:
    """One customer's health rows as `export health` writes them (the dashboard's export)."""
    return _health_rows(customer, items, [error] if error else [])


def incident_rows(customer: Customer, items: Sequence[HealthIssue], error: str = "") -> list[Row]:
    """One customer's issue rows as `export incidents` writes them."""
    return _incident_rows(customer, items, [error] if error else [])


def message_rows(customer: Customer, items: Sequence[ServiceMessage], error: str = "") -> list[Row]:
    """One customer's message center rows as `export messages` writes them."""
    return _message_rows(customer, items, [error] if error else [])
