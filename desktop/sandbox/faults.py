"""Scripted and random faults, and Graph's per-tenant throttling window."""

from __future__ import annotations

import math
import random
import threading
import time
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any

from desktop.sandbox import responses as r

KINDS = ("error", "drop", "malformed", "slow", "delay")
SHAPES = ("pc", "pc2", "problem", "throttle", "graph", "html")
# What a random fault turns into, equally likely.
RANDOM_KINDS = ("throttle", "unavailable", "drop", "malformed")


@dataclass
class Injection:
    path_prefix: str
    kind: str
    status: int = 500
    shape: str = "pc"
    count: int = 1
    retry_after: int | None = None
    delay_s: float = 0.0

    def __post_init__(self) -> None:
        if not self.path_prefix.startswith("/"):
            raise ValueError("path_prefix must start with '/'")
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        if self.shape not in SHAPES:
            raise ValueError(f"shape must be one of {', '.join(SHAPES)}")
        if not 400 <= self.status <= 599:
            raise ValueError("status must be between 400 and 599")
        if self.count < 1:
            raise ValueError("count must be at least 1")
        if self.retry_after is not None and self.retry_after < 0:
            raise ValueError("retry_after must not be negative")
        if not 0 <= self.delay_s <= 600:
            raise ValueError("delay_s must be between 0 and 600")

    @classmethod
    def from_json(cls, value: Any) -> Injection:
        if not isinstance(value, dict):
            raise ValueError("expected a JSON object")
        aliases = {"pathPrefix": "path_prefix", "retryAfter": "retry_after", "delayS": "delay_s"}
        fields = {aliases.get(str(k), str(k)): v for k, v in value.items()}
        unknown = set(fields) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
        try:
            return cls(
                path_prefix=str(fields["path_prefix"]),
                kind=str(fields["kind"]),
                status=int(fields.get("status", 500)),
                shape=str(fields.get("shape", "pc")),
                count=int(fields.get("count", 1)),
                retry_after=None
                if fields.get("retry_after") is None
                else int(fields["retry_after"]),
                delay_s=float(fields.get("delay_s", 0.0)),
            )
        except KeyError as exc:
            raise ValueError(f"missing field {exc.args[0]}") from None
        except (TypeError, ValueError) as exc:
            raise ValueError(str(exc)) from None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def error_response(self, path: str, request_id: str) -> r.Response:
        headers = [] if self.retry_after is None else [("Retry-After", str(self.retry_after))]
        message = f"Injected {self.status} {r.reason(self.status)}."
        if self.shape == "pc2":
            return r.pc2_error(self.status, message, headers)
        if self.shape == "problem":
            return r.problem(self.status, message, path, headers)
        if self.shape == "throttle":
            seconds = 1 if self.retry_after is None else self.retry_after
            return r.throttle_body(self.status, seconds, headers)
        if self.shape == "graph":
            return r.graph_error(self.status, message, request_id, headers=headers)
        if self.shape == "html":
            return r.html_error(self.status, headers)
        return r.pc_error(self.status, message, headers=headers)


class Faults:
    """Injected faults (first match wins, each for `count` requests) and the random rate."""

    def __init__(self, seed: int, rate: float) -> None:
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._rate = 0.0
        self._queue: list[Injection] = []
        self.set_rate(rate)

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError("fault rate must be between 0 and 1")
        self._rate = rate

    def inject(self, injection: Injection) -> None:
        with self._lock:
            self._queue.append(injection)

    def pending(self) -> int:
        with self._lock:
            return sum(i.count for i in self._queue)

    def take(self, raw_path: str) -> Injection | None:
        if not self._queue:  # the common case, without taking the lock
            return None
        with self._lock:
            for index, injection in enumerate(self._queue):
                if raw_path.startswith(injection.path_prefix):
                    injection.count -= 1
                    if injection.count <= 0:
                        del self._queue[index]
                    return injection
        return None

    def roll(self) -> str | None:
        """A random fault kind for this request, or None."""
        if self._rate <= 0.0:
            return None
        with self._lock:
            if self._rng.random() >= self._rate:
                return None
            return self._rng.choice(RANDOM_KINDS)


class Throttle:
    """A sliding window per key: at most `limit` requests in any `window_s` seconds."""

    def __init__(self, limit: int, window_s: float) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError("throttle limit and window must be positive")
        self._limit = limit
        self._window = window_s
        self._lock = threading.Lock()
        self._seen: dict[str, deque[float]] = {}

    def check(self, key: str) -> int | None:
        """None if the request may go ahead (and counts it), else Retry-After seconds."""
        now = time.monotonic()
        with self._lock:
            times = self._seen.setdefault(key, deque())
            while times and times[0] <= now - self._window:
                times.popleft()
            if len(times) < self._limit:
                times.append(now)
                return None
            return max(1, math.ceil(times[0] + self._window - now))
