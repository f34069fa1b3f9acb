"""What route handlers get (the call, the shared state) and how routes are declared."""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.sandbox.data import Dataset
from desktop.sandbox.responses import Response
from desktop.sandbox.tokens import Signer


@dataclass
class Call:
    method: str
    raw_path: str  # as sent, query included
    path: str  # without the query
    query: dict[str, str]  # first value of each parameter, decoded
    headers: dict[str, str]  # lower-cased names
    body: bytes
    base_url: str  # how the client reached us, for absolute links
    request_id: str
    family: str = "pc"  # "pc", "graph", "entra" or "control"
    tenant_id: str = ""
    claims: dict[str, Any] = field(default_factory=dict)
    params: tuple[str, ...] = ()

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


# How many API calls the request log keeps (the most recent): enough for any test, bounded for
# a long benchmark run.
REQUEST_LOG_SIZE = 1000


class Stats:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._log: deque[dict[str, Any]] = deque(maxlen=REQUEST_LOG_SIZE)
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.requests = 0
            self.faults = 0
            self.throttled = 0
            self.creates = 0
            # Bodies sent slowly ("slow" faults): sent whole, or left by the client mid-way.
            self.trickled = 0
            self.trickle_cut = 0
            # Seconds the sandbox slept on purpose while serving (latency, "delay" and "slow"
            # faults): tests check a wait happened from this, not from a clock.
            self.waited_s = 0.0
            self.by_route: dict[str, int] = {}
            # Entra's token endpoint by grant type (good or refused), and device codes asked
            # for: sign-ins, apart from the API calls above.
            self.token_requests = dict.fromkeys(
                ("device_code", "refresh_token", "authorization_code"), 0
            )
            self.device_codes = 0
            # API calls being served right now (kept across a reset: they still end), and the
            # most at once since the reset.
            self.in_flight: int = getattr(self, "in_flight", 0)
            self.max_in_flight = self.in_flight
            self._log.clear()

    def log_request(self, call: Call) -> dict[str, Any]:
        """Note an API call as it arrives, with the ids the client sent; `log_status` adds the
        status it got. Tests read which ids a retry sent."""
        entry: dict[str, Any] = {
            "method": call.method,
            "path": call.raw_path,
            "status": None,  # still being served
            "msRequestId": call.header("MS-RequestId") or "",
            "clientRequestId": call.header("client-request-id") or "",
            "msCorrelationId": call.header("MS-CorrelationId") or "",
        }
        with self._lock:
            self._log.append(entry)
        return entry

    def log_status(self, entry: dict[str, Any], status: int) -> None:
        """The status a logged call got (0: its connection was dropped without an answer)."""
        with self._lock:
            entry["status"] = status

    def request_log(self) -> list[dict[str, Any]]:
        """The most recent API calls (at most `REQUEST_LOG_SIZE`) in the order they arrived."""
        with self._lock:
            return [dict(e) for e in self._log]

    def count(self, route: str) -> None:
        with self._lock:
            self.requests += 1
            self.by_route[route] = self.by_route.get(route, 0) + 1

    def count_token(self, grant: str) -> None:
        with self._lock:
            self.token_requests[grant] = self.token_requests.get(grant, 0) + 1

    def begin(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def end(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def wait(self, seconds: float) -> None:
        """Sleep `seconds` as part of serving a call, and count them."""
        time.sleep(seconds)
        with self._lock:
            self.waited_s += seconds

    def add(self, what: str) -> None:
        with self._lock:
            setattr(self, what, getattr(self, what) + 1)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": self.requests,
                "faults": self.faults,
                "throttled": self.throttled,
                "creates": self.creates,
                "trickled": self.trickled,
                "trickleCut": self.trickle_cut,
                "waitedS": round(self.waited_s, 6),
                "byRoute": dict(self.by_route),
                "tokenRequests": dict(self.token_requests),
                "deviceCodes": self.device_codes,
                "inFlight": self.in_flight,
                "maxInFlight": self.max_in_flight,
            }


class State:
    """Everything a route handler may read or change."""

    def __init__(
        self,
        data: Dataset,
        signer: Signer,
        stats: Stats,
        *,
        drop_after_commit: int = 0,
        retired_create: bool = False,
        consent_delay_s: float = 0.0,
    ) -> None:
        self.data = data
        self.signer = signer
        self.stats = stats
        self.retired_create = retired_create
        # How long a new application consent takes to reach Entra (API.md: seconds to minutes).
        self.consent_delay_s = consent_delay_s
        self._drops_left = drop_after_commit
        self._lock = threading.Lock()
        # Serialised payloads that never change (per tenant, per variant): built once.
        self.cache: dict[tuple[str, ...], Any] = {}

    def take_drop_after_commit(self) -> bool:
        """True for each of the first N creates: they are stored, then the answer is lost."""
        with self._lock:
            if self._drops_left > 0:
                self._drops_left -= 1
                return True
            return False


Handler = Callable[[State, Call], Response]


class Route(NamedTuple):
    method: str
    pattern: re.Pattern[str]
    name: str  # e.g. "GET /v1/customers/{tenantId}", for stats
    handler: Handler
    access: str  # "partner" (partner tid only) or "tenant" (any tenant with GDAP)
    needs: str = ""  # the delegated permission (token `scp`) a Graph route requires


def route(
    method: str, template: str, handler: Handler, access: str = "partner", needs: str = ""
) -> Route:
    """A route from a template such as /v1/customers/{tenantId}; {x} matches one segment."""
    regex = re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(template))
    return Route(
        method,
        re.compile(f"^{regex}$", re.IGNORECASE),
        f"{method} {template}",
        handler,
        access,
        needs,
    )


def match(
    routes: list[Route], method: str, path: str
) -> tuple[Route | None, tuple[str, ...], list[str]]:
    """(route, captured segments, methods the path allows) for a path."""
    allowed: list[str] = []
    for candidate in routes:
        found = candidate.pattern.match(path)
        if found is None:
            continue
        if candidate.method == method:
            return candidate, found.groups(), []
        allowed.append(candidate.method)
    return None, (), allowed


def int_param(call: Call, name: str, default: int, low: int, high: int) -> int | None:
    """A clamped integer query parameter; None if it is not an integer at all."""
    text = call.query.get(name)
    if text is None or text == "":
        return default
    try:
        value = int(text)
    except ValueError:
        return None
    return min(max(value, low), high)
