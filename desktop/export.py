"""Export rows for customers, health, incidents, requests and portals; CSV and JSON. No Qt.

Shared by `partner-desk export` and the GUI's export action, so both write the same columns.
Rows come out in customer-list order whatever order the sweep finished in, so two runs over the
same data (one of them through faults and retries) give identical files.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any

from desktop.backend import ApiError, Backend, Outcome
from desktop.models.records import Customer, format_time

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
    "requests": (
        "tenantId",
        "companyName",
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
Progress = Callable[[int, int, int], None]  # done, failed, total


def _base(customer: Customer) -> Row:
    return {"tenantId": customer.tenant_id, "companyName": customer.company_name}


def _error_row(what: str, customer: Customer, error: Exception) -> Row:
    row: Row = dict.fromkeys(COLUMNS[what], "")
    if "isResolved" in row:
        row["isResolved"] = None
    row.update(_base(customer))
    row["error"] = error.summary if isinstance(error, ApiError) else str(error)
    return row


def _task(backend: Backend, what: str) -> Callable[[Customer, str, threading.Event], list[Row]]:
    def health(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.health(customer.tenant_id, cid, cancel)
        rows = [
            {
                **_base(customer),
                "serviceId": h.service_id,
                "service": h.service,
                "status": h.status,
                "error": "",
            }
            for h in parsed.items
        ]
        rows += [{**_error_row("health", customer, Exception(str(e)))} for e in parsed.errors]
        return rows

    def incidents(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.issues(customer.tenant_id, cid, cancel=cancel)
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
            for i in parsed.items
        ]
        rows += [_error_row("incidents", customer, Exception(str(e))) for e in parsed.errors]
        return rows

    def requests(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.requests(customer.tenant_id, cid)
        rows = [
            {
                **_base(customer),
                "id": r.id,
                "title": r.title,
                "severity": r.severity,
                "status": r.status,
                "createdDate": format_time(r.created),
                "lastModifiedDate": format_time(r.last_modified),
                "error": "",
            }
            for r in parsed.items
        ]
        rows += [_error_row("requests", customer, Exception(str(e))) for e in parsed.errors]
        return rows

    def portals(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        return [
            {**_base(customer), "portal": link.name, "url": link.url or "", "error": link.error}
            for link in backend.portals(customer, cid=cid)
        ]

    tasks = {"health": health, "incidents": incidents, "requests": requests, "portals": portals}
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
) -> tuple[list[Row], int]:
    """(rows in customer order, number of customers with an error) for one export kind."""
    if what == "customers":
        rows = [{**_base(c), "domain": c.domain, "relationship": c.relationship} for c in customers]
        return rows, 0
    by_index: dict[int, list[Row]] = {}
    failed = 0
    total = len(customers)
    for outcome in backend.sweep(
        customers, _task(backend, what), concurrency=concurrency, cancel=cancel
    ):
        if outcome.error is not None:
            by_index[outcome.index] = [_error_row(what, outcome.customer, outcome.error)]
        else:
            by_index[outcome.index] = outcome.value or []
        if _failed(by_index[outcome.index]):
            failed += 1
        if on_outcome is not None:
            on_outcome(outcome)
        if progress is not None:
            progress(len(by_index), failed, total)
    rows = [row for index in sorted(by_index) for row in by_index[index]]
    return rows, failed


# Cells a spreadsheet would run as a formula (OWASP "CSV injection"): prefix a quote so the cell
# is shown as text. Tab and CR count because some spreadsheets strip them before parsing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
