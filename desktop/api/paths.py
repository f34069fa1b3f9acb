"""Ids in request paths: checked for the form Microsoft issues, then encoded as one segment that
can never be `.` or `..` (desktop/domain/ids.py says why). No Qt.

Every id a client puts in a path goes through `segment`: a customer id `..` must not turn
`/customers/{id}/servicerequests` into the partner's own list. An id of the wrong form is
refused before anything is sent, as a readable `ApiError`.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.api.errors import MALFORMED, ApiError
from desktop.domain.ids import (
    is_guid,
    is_issue_id,
    is_relationship_id,
    is_request_id,
    is_tenant_id,
    path_segment,
)

__all__ = [
    "application",
    "issue",
    "locale",
    "message",
    "relationship",
    "request",
    "segment",
    "tenant",
]


def segment(value: str, valid: Callable[[str], bool], what: str) -> str:
    """`value` as one path segment, or ApiError (kind MALFORMED) when it is not `what`."""
    if not isinstance(value, str) or not valid(value):
        shown = value[:80] if isinstance(value, str) else type(value).__name__
        raise ApiError(f"Not {what}: {shown!r}. Nothing was sent.", kind=MALFORMED)
    return path_segment(value)


def tenant(value: str) -> str:
    return segment(value, is_tenant_id, "a customer tenant id (a GUID)")


def request(value: str) -> str:
    return segment(value, is_request_id, "a service request number")


def issue(value: str) -> str:
    return segment(value, is_issue_id, "a service health issue id")


def message(value: str) -> str:
    return segment(value, is_issue_id, "a message center post id")


def relationship(value: str) -> str:
    return segment(value, is_relationship_id, "a GDAP relationship id")


def application(value: str) -> str:
    return segment(value, is_guid, "an application id (a GUID)")


def locale(value: str) -> str:
    """A locale ("en-US") in the create path: any text, encoded, never a dot segment."""
    return path_segment(value or "en-US")
