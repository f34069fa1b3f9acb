"""How the cache's rows are written and read back: JSON, compressed where it pays. No Qt.

Writing (`encode`) takes records the app made; reading (`decode`) takes whatever is in the file,
which another program may have changed: a row that cannot be read raises `UnreadableError` (the
cache reports that list as unreadable, `desktop.store.cache`), an item that cannot be read is
dropped and counted, and nothing here raises anything else for bad data.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from desktop.domain.customers import Customer, PortalLink
from desktop.domain.parsing import RecordError

if TYPE_CHECKING:  # imported when their rows are first read (`_parser`)
    from desktop.domain.health import HealthIssue
    from desktop.domain.service_messages import ServiceMessage

log = logging.getLogger(__name__)

T = TypeVar("T")

# What a row holds. "issues" are a tenant's service health issues (the incidents export);
# "messages" its message center posts (planned changes).
CUSTOMERS, HEALTH, ISSUES, REQUESTS, PORTALS, MESSAGES = (
    "customers",
    "health",
    "issues",
    "requests",
    "portals",
    "messages",
)
KINDS = (CUSTOMERS, HEALTH, ISSUES, REQUESTS, PORTALS, MESSAGES)
# Written beside each tenant's health and issues: the few figures the list's Health column
# shows, so that filling it at start-up never parses every post of every issue.
SUMMARY = "summary"
# Per tenant: how the last attempt to allow Partner Desk there ended (desktop.services.consent), so
# an export or the list can say "refused" instead of offering a consent that will be refused.
CONSENT = "consent"
PARTNER_WIDE = ""  # the tenant key of lists that belong to no one customer

# The most one cached row may inflate to when read back. A row is one list of one customer (or
# the partner's): ~28 KB of JSON for a tenant's health and issues, ~1 MB for 10,000 customers'
# list; 64 MB is far beyond any of them and equals the byte budget of one answer from the
# network. A row past it (a compression bomb planted in the file) is reported unreadable
# instead of taking the memory.
ROW_MAX_BYTES: Final = 64 * 1024 * 1024


class UnreadableError(Exception):
    """A cached row that cannot be read back (see `decode`)."""


# What an offline export and the offline window say for a list whose cached row cannot be read.
UNREADABLE = (
    "the cached copy could not be read (the cache file was damaged or changed outside "
    "Partner Desk); it is fetched again when online"
)


@dataclass(frozen=True)
class CacheEntry(Generic[T]):
    """What the cache knows of one list: its records, and whether the last attempt failed."""

    items: list[T] | None  # None: never fetched successfully
    item_errors: list[str] = field(default_factory=list)  # items that could not be read
    fetched: float | None = None  # unix time of `items`
    failure: str | None = None  # the last attempt failed as a whole: why
    failed: float | None = None  # ... and when
    # The row could not be read back (tampered with or damaged): `failure` says so, `items` is
    # None and `failed` is when the unreadable copy was written (if that much could be read).
    unreadable: bool = False

    @property
    def failing(self) -> bool:
        return self.failure is not None


@dataclass(frozen=True)
class CachedError:
    tenant_id: str
    kind: str
    message: str
    when: float


def _portal_from_json(data: Mapping[str, Any]) -> PortalLink:
    return PortalLink(**data)


@functools.cache
def _parser(kind: str) -> Callable[[Mapping[str, Any]], Any] | None:
    """How a row of `kind` is read, None for an unknown kind. The domain module of each kind
    is imported when its first row is read: start-up reads only the customers before the
    window's first paint."""
    if kind == CUSTOMERS:
        return Customer.from_json
    if kind == PORTALS:
        return _portal_from_json
    if kind in (SUMMARY, CONSENT):
        return dict
    if kind in (HEALTH, ISSUES):
        from desktop.domain.health import HealthIssue, ServiceHealth

        return ServiceHealth.from_json if kind == HEALTH else HealthIssue.from_json
    if kind == REQUESTS:
        from desktop.domain.service_requests import ServiceRequest

        return ServiceRequest.from_json
    if kind == MESSAGES:
        from desktop.domain.service_messages import ServiceMessage

        return ServiceMessage.from_json
    return None


# Health, issues and requests are compressed: every tenant keeps the full post history of each
# issue touching it, which zlib at its fastest level shrinks several times over, cheaply.
# Customers stay plain JSON rows: they are read first at start-up and decoding them must be as
# cheap as it gets.
_COMPRESSED = frozenset({HEALTH, ISSUES, REQUESTS, MESSAGES})


def encode(kind: str, items: Iterable[Any]) -> str | bytes:
    if kind in _COMPRESSED:
        if kind == ISSUES:
            # The same issue is written for every tenant it touches: encoded once per version
            # (the clients hand out one object per version, so the cache finds it by identity).
            text = "[" + ", ".join(map(_issue_json, items)) + "]"
        elif kind == MESSAGES:  # likewise: one message center post reaches many tenants
            text = "[" + ", ".join(map(_message_json, items)) + "]"
        else:
            text = json.dumps([item.to_json() for item in items], ensure_ascii=False)
        return zlib.compress(text.encode("utf-8"), 1)
    return _encode_text(kind, items)


@functools.lru_cache(maxsize=512)
def _issue_json(issue: HealthIssue) -> str:
    return json.dumps(issue.to_json(), ensure_ascii=False)


@functools.lru_cache(maxsize=512)
def _message_json(message: ServiceMessage) -> str:
    return json.dumps(message.to_json(), ensure_ascii=False)


def _encode_text(kind: str, items: Iterable[Any]) -> str:
    if kind in (SUMMARY, CONSENT):
        return json.dumps(list(items), ensure_ascii=False)
    if kind == CUSTOMERS:
        # Positional rows, read back without the wire parser: the cached list is what the
        # window shows first at start-up, and the parser was most of reading it. Their text
        # was cleaned when it first came off the wire.
        return json.dumps(
            [[c.tenant_id, c.company_name, c.domain, c.relationship] for c in items],
            ensure_ascii=False,
        )
    if kind == PORTALS:
        return json.dumps([asdict(link) for link in items], ensure_ascii=False)
    return json.dumps([item.to_json() for item in items], ensure_ascii=False)


def decode(kind: str, text: str | bytes) -> tuple[list[Any], int]:
    """The records of one cached row, and how many of its items could not be read (dropped).

    Raises UnreadableError when the row as a whole cannot be read: not zlib, not UTF-8, not JSON,
    nested too deep, inflating past ROW_MAX_BYTES, not a list, or of an unknown kind. Only a
    file changed outside Partner Desk (or damaged on disk) holds such rows.
    """
    parser = _parser(kind)
    if parser is None:
        raise UnreadableError(f"unknown kind {kind[:40]!r}")
    if isinstance(text, bytes):  # compressed (older files hold text: both are read)
        text = _inflate(text)
    elif not isinstance(text, str):
        raise UnreadableError(f"a {type(text).__name__} where text was expected")
    elif len(text) > ROW_MAX_BYTES:
        raise UnreadableError(f"longer than {ROW_MAX_BYTES} characters")
    rows = _json(text)
    if not isinstance(rows, list):
        raise UnreadableError(f"a JSON {type(rows).__name__} where a list was expected")
    if kind == CUSTOMERS:
        customers = _customer_rows(rows)
        if customers is not None:
            return customers, 0
    items = []
    dropped = 0
    for data in rows:
        try:
            if isinstance(data, list):  # a customer row (older files hold wire-shaped JSON)
                if len(data) != 4 or not all(isinstance(x, str) for x in data) or not data[0]:
                    raise ValueError("malformed customer row")
                items.append(Customer(*data))
                continue
            if not isinstance(data, dict):
                raise TypeError(f"a JSON {type(data).__name__} where an object was expected")
            items.append(parser(data))
        # Only if the file was changed outside Partner Desk: whatever the parser trips on.
        except (RecordError, TypeError, ValueError, AttributeError, KeyError, IndexError) as error:
            dropped += 1
            log.warning("cached %s item dropped: %s", kind, str(error)[:200])
    return items, dropped


def decode_errors(text: object) -> list[str]:
    """A row's item errors (a JSON list of strings). Raises UnreadableError otherwise."""
    if not isinstance(text, str):
        raise UnreadableError("item errors are not text")
    errors = _json(text)
    if not isinstance(errors, list) or not all(isinstance(e, str) for e in errors):
        raise UnreadableError("item errors are not a list of text")
    return errors


def _inflate(data: bytes) -> str:
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(data, ROW_MAX_BYTES)
    except zlib.error as error:
        raise UnreadableError(f"not compressed data: {error}") from None
    if inflater.unconsumed_tail:
        raise UnreadableError(f"inflates past {ROW_MAX_BYTES} bytes")
    if not inflater.eof:
        raise UnreadableError("compressed data cut short")
    try:
        return inflated.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableError(f"not UTF-8: {error.reason}") from None


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as error:  # JSONDecodeError
        raise UnreadableError(f"not JSON: {str(error)[:120]}") from None
    except RecursionError:
        raise UnreadableError("JSON nested too deep") from None


def _customer_rows(rows: list[Any]) -> list[Customer] | None:
    """The cached list when every row is well formed (else None: the careful path decides).

    The list is the first thing the window shows: checking each row with cheap type tests,
    then building, takes about half the time of checking and building row by row.
    """
    # Exact types: json.loads never makes subclasses, and `is` is the cheapest test there is.
    if all(
        type(r) is list
        and len(r) == 4
        and type(r[0]) is str
        and r[0]
        and type(r[1]) is str
        and type(r[2]) is str
        and type(r[3]) is str
        for r in rows
    ):
        return [Customer(*r) for r in rows]
    return None


def entry_of(
    kind: str,
    tenant_id: str,
    items: object,
    errors: object,
    fetched: object,
    failure: object,
    failed: object,
) -> CacheEntry[Any]:
    """One row read back; a row that cannot be (changed outside Partner Desk, damaged) is an
    entry whose last fetch failed with UNREADABLE, and the log says which."""
    try:
        if failure is not None and not isinstance(failure, str):
            raise UnreadableError("the failure is not text")
        if items is None:
            records, dropped = None, 0
        elif isinstance(items, (str, bytes)):
            records, dropped = decode(kind, items)
        else:
            raise UnreadableError(f"a {type(items).__name__} where records were expected")
        item_errors = decode_errors(errors)
        if dropped:
            item_errors.append(f"{dropped} cached item(s) could not be read")
        return CacheEntry(records, item_errors, _when(fetched), failure, _when(failed))
    except UnreadableError as error:
        log.warning("cached %s of %s unreadable: %s", str(kind)[:40], str(tenant_id)[:60], error)
        try:
            when = _when(fetched)
        except UnreadableError:
            when = None
        return CacheEntry(None, [], None, UNREADABLE, when, unreadable=True)


# A time in the cache: unix seconds that datetime can show (up to the year 9999).
_LATEST = 253402300799.0


def _when(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UnreadableError("a time that is not a number")
    if not (math.isfinite(value) and 0 <= value <= _LATEST):
        raise UnreadableError("a time out of range")
    return float(value)


def is_summary(value: object) -> bool:
    """A Health column summary as `Batch.health` writes it (whole numbers, no more)."""
    return isinstance(value, dict) and all(
        type(value.get(key)) is int and 0 <= value[key] < 1_000_000
        for key in ("worst", "degraded", "incidents")
    )
