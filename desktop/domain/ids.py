"""The ids Microsoft issues, and how one goes into a URL path. No Qt, no I/O.

Ids from an answer go into the paths of the next requests (`/customers/{id}/servicerequests`).
`quote(id, safe="")` leaves `.` and `..` as they are, and the HTTP stack resolves them as dot
segments (RFC 3986 section 5.2.4): a customer id `..` turned `/customers/../servicerequests`
into the partner's own list, exported under that customer (issue 16). Two defences:

- the records refuse an id of a form Microsoft does not issue: that item becomes an item error,
  the rest of the list is kept (`parsing.parse_list`);
- `path_segment` encodes any id as exactly one segment that is never `.` or `..`, for ids that
  come from elsewhere (the command line, the cache, a test).

The forms, from Microsoft's own examples (tests/wire/examples):
- a tenant (customer) id is a GUID;
- a service request id is digits ("616122292874576");
- a service health issue id is letters and digits ("EX226792", "MO226784"), as is a message
  center post's ("MC172851"); a hyphen or underscore inside is allowed, in case a service names
  its issues so;
- a GDAP relationship id is a GUID, or two joined by a hyphen.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_HEX_GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_GUID = re.compile(_HEX_GUID)
_RELATIONSHIP_ID = re.compile(f"{_HEX_GUID}(?:-{_HEX_GUID})?")
# The longest request, issue or message id read (docs/RELIABILITY.md "Limit: id length"): 64.
# Partner Center's request numbers are 15-16 digits, Graph's issue and post ids 8 characters
# ("EX226792", "MC172851"); 64 leaves room for longer forms and still keeps a megabyte of text
# from passing for an id (ids are repeated in every row, cache key and request path).
MAX_ID_LENGTH = 64
_REQUEST_ID = re.compile(rf"[0-9]{{1,{MAX_ID_LENGTH}}}")
_ISSUE_ID = re.compile(rf"[A-Za-z0-9](?:[A-Za-z0-9_-]{{0,{MAX_ID_LENGTH - 2}}}[A-Za-z0-9])?")


def is_guid(value: str) -> bool:
    """A GUID in its usual form (either case, no braces)."""
    return bool(_GUID.fullmatch(value))


def is_tenant_id(value: str) -> bool:
    """A tenant id as Microsoft issues them: a GUID."""
    return is_guid(value)


def is_request_id(value: str) -> bool:
    """A service request id as Partner Center issues them: digits."""
    return bool(_REQUEST_ID.fullmatch(value))


def is_issue_id(value: str) -> bool:
    """A service health issue or message center post id: ASCII letters and digits."""
    return bool(_ISSUE_ID.fullmatch(value))


def is_relationship_id(value: str) -> bool:
    """A GDAP relationship id as Graph writes them: a GUID, or two joined by a hyphen."""
    return bool(_RELATIONSHIP_ID.fullmatch(value))


def path_segment(value: str) -> str:
    """`value` as one URL path segment: percent-encoded (no `/`, `?`, `#`, `%` of its own), and
    never a dot segment: `.` and `..` (and any run of dots) have their dots encoded as `%2E`,
    which no client resolves. A server that decodes them first sees an id it does not know.
    ValueError for an empty value: `/customers//servicerequests` is another path too."""
    if not value:
        raise ValueError("an empty id cannot be a path segment")
    encoded = quote(value, safe="")
    if encoded.strip(".") == "":
        return "%2E" * len(encoded)
    return encoded
