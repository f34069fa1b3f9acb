"""Tolerant reading of Partner Center and Graph JSON, for the records. No Qt, no I/O.

The wire is loose (API.md): keys arrive camelCase or PascalCase, enum strings in any case or as
numbers, optional fields go missing, and Microsoft adds values we do not know yet. The helpers
here accept all of that. A malformed item raises `RecordError` for that item only; `parse_list`
turns those into per-item errors so one bad item never sinks a whole list.

The records themselves: `customers`, `health`, `service_requests`, `gdap`, `service_messages`
and `partner_incidents` beside this module; the enumerations they normalise: `enums`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Generic, TypeVar

T = TypeVar("T")

NEVER = "0001-01-01T00:00:00"


class RecordError(ValueError):
    """An item of API data could not be read; says which item and why."""


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
