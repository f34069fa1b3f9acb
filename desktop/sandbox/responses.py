"""Responses and the error body shapes of Partner Center and Graph (API.md "Errors")."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus

JSON = "application/json; charset=utf-8"
PROBLEM_JSON = "application/problem+json; charset=utf-8"
HTML = "text/html; charset=utf-8"
OCTET = "application/octet-stream"

Headers = list[tuple[str, str]]


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = JSON
    headers: Headers = field(default_factory=list)
    drop: bool = False  # close the connection without answering at all
    slow_s: float = 0.0  # send the body in small pieces over this many seconds


def dumps(value: object, separators: tuple[str, str] | None = (",", ":")) -> bytes:
    """UTF-8 JSON. Text holding half a surrogate pair (a hostile name given with `names=`) has
    no UTF-8 form: such a value goes out \\u-escaped, as a server escaping non-ASCII sends it."""
    try:
        return json.dumps(value, ensure_ascii=False, separators=separators).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, separators=separators).encode("ascii")


def json_response(status: int, value: object, headers: Headers | None = None) -> Response:
    return Response(status, dumps(value), JSON, list(headers or []))


def reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


# Partner Center numbers its errors; some arrive as strings (API.md), so some are strings here.
_PC_CODES: dict[int, int | str] = {
    400: 3000,
    401: 900401,
    403: 900403,
    404: "600008",
    405: 3000,
    409: 3000,
    410: "3100",
    412: 3000,
    500: 5000,
    502: 5002,
    503: 5003,
    504: 5004,
}
_GRAPH_CODES = {
    400: "BadRequest",
    401: "InvalidAuthenticationToken",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    409: "Conflict",
    410: "Gone",
    429: "TooManyRequests",
    500: "generalException",
    502: "BadGateway",
    503: "serviceNotAvailable",
    504: "GatewayTimeout",
}


def pc_error(
    status: int, description: str, code: int | str | None = None, headers: Headers | None = None
) -> Response:
    body: dict[str, object] = {
        "code": _PC_CODES.get(status, 3000) if code is None else code,
        "description": description,
        "data": [],
        "source": "PartnerFD",
    }
    return json_response(status, body, headers)


def pc2_error(status: int, description: str, headers: Headers | None = None) -> Response:
    body = {
        "code": 600061,
        "message": reason(status),
        "description": description,
        "errorName": "".join(reason(status).split()),
        "isRetryable": status == 429 or status >= 500,
    }
    return json_response(status, body, headers)


def problem(status: int, detail: str, instance: str, headers: Headers | None = None) -> Response:
    body = {
        "type": f"https://httpstatuses.io/{status}",
        "title": reason(status),
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    return Response(status, dumps(body), PROBLEM_JSON, list(headers or []))


def throttle_body(status: int, seconds: int, headers: Headers | None = None) -> Response:
    body = {
        "statusCode": status,
        "message": f"Rate limit is exceeded. Try again in {seconds} seconds.",
    }
    return json_response(status, body, headers)


def graph_error(
    status: int,
    message: str,
    request_id: str,
    code: str | None = None,
    headers: Headers | None = None,
) -> Response:
    date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    body = {
        "error": {
            "code": code or _GRAPH_CODES.get(status, "UnknownError"),
            "message": message,
            "innerError": {"date": date, "request-id": request_id},
        }
    }
    return json_response(status, body, headers)


def html_error(status: int, headers: Headers | None = None) -> Response:
    title = f"{status} {reason(status)}"
    page = (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>The server, while acting as a gateway or proxy, received an invalid response "
        "from the upstream server.</p><hr><address>Front Door</address></body></html>"
    )
    return Response(status, page.encode("utf-8"), HTML, list(headers or []))


def family_error(
    family: str,
    status: int,
    message: str,
    request_id: str,
    *,
    code: str | None = None,
    headers: Headers | None = None,
) -> Response:
    """An error in the shape the route family (Partner Center or Graph) uses."""
    if family == "graph":
        return graph_error(status, message, request_id, code, headers)
    return pc_error(status, message, code, headers)
