"""Canned answers (tests only): a body given word for word, served in place of a route's.

The wire tests (tests/wire/) copy Microsoft's published response examples and have the sandbox
serve them, so the production clients read Microsoft's own bytes over real HTTPS, signed in
through the sandbox's Entra, instead of a shape the sandbox makes up. A canned answer is given
only to a caller whose token the sandbox accepts (pipeline.App._answer), and for `count`
requests whose path (as sent, query included) starts with `path_prefix`; the first match in
the order added wins, as for injected faults (faults.py).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from desktop.sandbox import responses as r


@dataclass
class Canned:
    path_prefix: str
    body: bytes
    status: int = 200
    content_type: str = r.JSON
    headers: list[tuple[str, str]] = field(default_factory=list)
    count: int = 1

    def __post_init__(self) -> None:
        if not self.path_prefix.startswith("/"):
            raise ValueError("path_prefix must start with '/'")
        if not 200 <= self.status <= 599:
            raise ValueError("status must be between 200 and 599")
        if self.count < 1:
            raise ValueError("count must be at least 1")

    @classmethod
    def of_json(
        cls,
        path_prefix: str,
        value: Any,
        *,
        status: int = 200,
        headers: list[tuple[str, str]] | None = None,
        count: int = 1,
    ) -> Canned:
        """A JSON value, sent as Microsoft formats it (indented, UTF-8)."""
        body = json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")
        return cls(path_prefix, body, status, r.JSON, list(headers or []), count)

    def response(self) -> r.Response:
        return r.Response(self.status, self.body, self.content_type, list(self.headers))


class CannedAnswers:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[Canned] = []

    def add(self, canned: Canned) -> None:
        with self._lock:
            self._queue.append(canned)

    def pending(self) -> int:
        """Requests still to be answered from the queue (0: every canned answer was served)."""
        with self._lock:
            return sum(c.count for c in self._queue)

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    def take(self, raw_path: str) -> r.Response | None:
        if not self._queue:  # the common case, without taking the lock
            return None
        with self._lock:
            for index, canned in enumerate(self._queue):
                if raw_path.startswith(canned.path_prefix):
                    canned.count -= 1
                    if canned.count <= 0:
                        del self._queue[index]
                    return canned.response()
        return None
