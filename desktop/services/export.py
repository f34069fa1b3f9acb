"""Export customers, health, incidents, planned changes (messages), requests and portals:
collect the rows (live or from the cache) and write them as CSV or JSON. No Qt. The columns and
each customer's rows are `desktop.services.export_rows`'.

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
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

from desktop.auth import AuthError
from desktop.domain.customers import Customer
from desktop.services.backend import ApiError, Backend, Outcome
from desktop.services.export_rows import (
    COLUMNS,
    ROWS,
    WHATS,
    Row,
    customer_rows,
    error_row,
    error_text,
    health_rows,
    incident_rows,
    is_state,
    message_rows,
    partner_request_rows,
)
from desktop.services.health_sweep import sweep_health
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

__all__ = [
    "CACHE_KIND",
    "COLUMNS",
    "WHATS",
    "Cached",
    "Progress",
    "Row",
    "cached_rows",
    "collect",
    "health_rows",
    "incident_rows",
    "is_state",
    "message_rows",
    "neutralise",
    "partner_request_rows",
    "refused_consents",
    "render",
    "tally_failures",
    "write_csv",
    "write_json",
]

# Where each export's data lives in the cache.
CACHE_KIND = {
    "health": HEALTH,
    "incidents": ISSUES,
    "messages": MESSAGES,
    "requests": REQUESTS,
    "portals": PORTALS,
}


Progress = Callable[[int, int, int], None]  # done, failed, total


def _task(
    backend: Backend, what: str, cache: CacheWriter | None = None
) -> Callable[[Customer, str, threading.Event], list[Row]]:
    def incidents(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.issues(customer.tenant_id, cid, cancel=cancel)
        errors = [str(e) for e in parsed.errors]
        if cache is not None:
            cache.record(ISSUES, customer.tenant_id, items=parsed.items, item_errors=errors)
        return ROWS["incidents"](customer, parsed.items, errors)

    def messages(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.messages(customer.tenant_id, cid, cancel)
        errors = [str(e) for e in parsed.errors]
        if cache is not None:
            cache.record(MESSAGES, customer.tenant_id, items=parsed.items, item_errors=errors)
        return ROWS["messages"](customer, parsed.items, errors)

    def requests(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        parsed = backend.requests(customer.tenant_id, cid)
        errors = [str(e) for e in parsed.errors]
        if cache is not None:
            cache.record(REQUESTS, customer.tenant_id, items=parsed.items, item_errors=errors)
        return ROWS["requests"](customer, parsed.items, errors)

    def portals(customer: Customer, cid: str, cancel: threading.Event) -> list[Row]:
        links = backend.portals(customer, cid=cid)
        if cache is not None:
            cache.record(PORTALS, customer.tenant_id, items=links)
        return ROWS["portals"](customer, links, [])

    tasks = {
        "incidents": incidents,
        "messages": messages,
        "requests": requests,
        "portals": portals,
    }
    return tasks[what]


def _failed(rows: list[Row]) -> bool:
    return any(row.get("error") for row in rows)


def tally_failures(rows: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    """(customers with a real failure, customers whose only errors are no-GDAP or no-consent
    states): the first decides an export's exit code, the second is only reported. The
    partner's own tickets count as one "customer" (their tenant id, or none)."""
    failing: set[str] = set()
    states: set[str] = set()
    for row in rows:
        error = str(row.get("error") or "")
        if error:
            key = f"{row.get('owner', '')}:{row.get('tenantId', '')}"
            (states if is_state(error) else failing).add(key)
    return len(failing), len(states - failing)


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
        return customer_rows(customers), 0
    by_index: dict[int, list[Row]] = {}
    failed = 0
    total = len(customers)
    outcomes: Iterator[Outcome[list[Row]]]
    if what == "health":
        # The GUI's sweep (desktop.services.health_sweep), services only: one call per customer.
        outcomes = sweep_health(
            backend,
            customers,
            lambda customer, checked: ROWS["health"](customer, checked.health, checked.errors),
            writer=cache,
            concurrency=concurrency,
            cancel=cancel,
            with_issues=False,  # its rows are the services'
        )
    else:
        task = _task(backend, what, cache)
        outcomes = backend.sweep(customers, task, concurrency=concurrency, cancel=cancel)
    for outcome in outcomes:
        if outcome.error is not None:
            row = error_row(what, outcome.customer, outcome.error, refused)
            by_index[outcome.index] = [row]
            if cache is not None:
                cache.record(CACHE_KIND[what], outcome.customer.tenant_id, failure=row["error"])
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
        message = error_text(error)
        if cache is not None:
            cache.record(REQUESTS, None, failure=message)
        return partner_request_rows([], [message])
    errors = [str(e) for e in parsed.errors]
    if cache is not None:
        cache.record(REQUESTS, None, items=parsed.items, item_errors=errors)
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
        return Cached(customer_rows(customers), 0, len(customers), fetched)
    entries = cache.entries(source, CACHE_KIND[what])
    if customers and not entries:
        return None
    rows, failed = [], 0
    for customer in customers:
        entry = entries.get(customer.tenant_id)
        if entry is None:
            continue
        if entry.failing:
            found = [error_row(what, customer, entry.failure or "")]
        else:
            found = ROWS[what](customer, entry.items or [], entry.item_errors)
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
_FORMULA_CHARS = frozenset("=+-@\x00")
# A cell can also start INSIDE one of ours: a spreadsheet that reads the file with another
# separator (German Excel splits on ";"), on tabs, or line by line starts a new cell after each
# of these, and may skip spaces and a quote before it looks for a formula. There, a quote is
# inserted too: `Contoso;=cmd|' /C calc'!A0` is written `Contoso;'=cmd|' /C calc'!A0`.
_INNER_FORMULA = re.compile(r'(?<=[,;\t\r\n])(?=[ "]*[=+\-@\x00])')


def refused_consents(cache: Cache, source: str) -> dict[str, str]:
    """Lower-case tenant id → the reason its last consent was refused, from the cache."""
    return {
        tenant.lower(): str(outcome.get("reason") or "refused")
        for tenant, outcome in cache.consents(source).items()
        if outcome.get("result") == "refused"
    }


def neutralise(cell: str) -> str:
    """`cell` as text to any spreadsheet: a quote before every place a formula could start,
    at the cell's start and after every separator a reader might split on. Nothing else
    changes, so the file stays readable; a cell without a formula character is as it was."""
    if not _FORMULA_CHARS.intersection(cell) and not cell.startswith(_FORMULA_START):
        return cell
    inner = _INNER_FORMULA.sub("'", cell)
    lead = inner.lstrip(' "')
    if cell.startswith(_FORMULA_START) or (lead and lead[0] in _FORMULA_CHARS):
        return "'" + inner
    return inner


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
