"""The small part of OData `$filter` the sandbox's Graph routes understand.

Clauses `field op literal` joined with `and`. Anything else is refused, as Graph refuses
filters a resource does not support, so a client never silently gets unfiltered data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from desktop.sandbox.timefmt import parse_iso

_AND = re.compile(r"\s+and\s+(?=(?:[^']*'[^']*')*[^']*$)", re.IGNORECASE)
_CLAUSE = re.compile(r"^\s*([A-Za-z][\w/]*)\s+(eq|ne|gt|ge|lt|le)\s+(.+?)\s*$", re.IGNORECASE)
_OPS: dict[str, Callable[[object, object], bool]] = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "gt": lambda a, b: a > b,  # type: ignore[operator]
    "ge": lambda a, b: a >= b,  # type: ignore[operator]
    "lt": lambda a, b: a < b,  # type: ignore[operator]
    "le": lambda a, b: a <= b,  # type: ignore[operator]
}

# Field kinds: "bool", "text" (case-sensitive), "enum" (case-insensitive), "datetime".
Fields = dict[str, str]
Record = dict[str, object]


class Clause(NamedTuple):
    path: tuple[str, ...]
    kind: str
    op: str
    value: object


def _literal(kind: str, text: str) -> object:
    if kind == "bool":
        if text.lower() not in ("true", "false"):
            raise ValueError(f"expected true or false, got {text}")
        return text.lower() == "true"
    if kind == "datetime":
        parsed = parse_iso(text)
        if parsed is None:
            raise ValueError(f"expected a date and time, got {text}")
        return parsed
    if not (len(text) >= 2 and text[0] == text[-1] == "'"):
        raise ValueError(f"expected a quoted string, got {text}")
    value = text[1:-1].replace("''", "'")
    return value.casefold() if kind == "enum" else value


def parse(text: str, fields: Fields) -> list[Clause]:
    """The clauses of a filter; ValueError with Graph-like wording if unsupported."""
    clauses = []
    for part in _AND.split(text.strip()):
        found = _CLAUSE.match(part)
        if found is None:
            raise ValueError(f"Invalid filter clause: {part.strip()}")
        name, op, literal = found.group(1), found.group(2).lower(), found.group(3)
        key = next((f for f in fields if f.lower() == name.lower()), None)
        if key is None:
            raise ValueError(f"Filtering on property '{name}' is not supported.")
        kind = fields[key]
        if kind != "datetime" and op not in ("eq", "ne"):
            raise ValueError(f"Operator '{op}' is not supported for property '{name}'.")
        clauses.append(Clause(tuple(key.split("/")), kind, op, _literal(kind, literal)))
    return clauses


def _value(record: Record, clause: Clause) -> object:
    current: object = record
    for step in clause.path:
        current = current.get(step) if isinstance(current, dict) else None
    if clause.kind == "enum" and isinstance(current, str):
        return current.casefold()
    if clause.kind == "datetime" and isinstance(current, str):
        return parse_iso(current)
    return current


def matches(record: Record, clauses: list[Clause]) -> bool:
    for clause in clauses:
        value = _value(record, clause)
        if value is None or (clause.kind == "datetime" and not isinstance(value, datetime)):
            if clause.op != "ne":
                return False
            continue
        if not _OPS[clause.op](value, clause.value):
            return False
    return True
