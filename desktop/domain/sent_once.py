"""Which copies of a record a sweep has delivered already, so that each crosses once.

A Microsoft post (a service issue, a message-center message) is the same for thousands of
customers. A sweep hands each customer's answer to the window, from the sweep engine's process
(desktop.services.engine) or its threads; each customer names the ids it holds, and only a copy
not delivered before in this sweep (or newer than the one that was) rides along. What crossed
the pipe, and what the window kept, grew with customers x posts before: now with posts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Generic, Protocol, TypeVar


class Stamped(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def last_modified(self) -> datetime | None: ...


T = TypeVar("T", bound=Stamped)


def newer(a: Stamped, b: Stamped) -> bool:
    """Whether copy `a` of a record was changed after copy `b` (an unknown time is never newer)."""
    if a.last_modified is None:
        return False
    return b.last_modified is None or a.last_modified > b.last_modified


class SentOnce(Generic[T]):
    """The copies a sweep has delivered, by id. Thread-safe: the sweep's threads share it.

    Pickled (into the engine's process, inside a job), it starts empty there: what the window
    received from an earlier process is sent again once, which only costs a copy.
    """

    def __init__(self, is_newer: Callable[[T, T], bool] = newer) -> None:
        self._is_newer = is_newer
        self._sent: dict[str, T] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        return {"is_newer": self._is_newer}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["is_newer"])  # type: ignore[misc]

    def compact(self, items: Iterable[T]) -> tuple[tuple[str, ...], tuple[T, ...]]:
        """Every item's id, and the items not delivered before (or newer than what was)."""
        ids: list[str] = []
        fresh: list[T] = []
        with self._lock:
            for item in items:
                ids.append(item.id)
                known = self._sent.get(item.id)
                if known is None or self._is_newer(item, known):
                    self._sent[item.id] = item
                    fresh.append(item)
        return tuple(ids), tuple(fresh)


class Latest(Generic[T]):
    """The receiving side: the newest copy of each record delivered. Not thread-safe: one owner."""

    def __init__(self, is_newer: Callable[[T, T], bool] = newer) -> None:
        self._is_newer = is_newer
        self._latest: dict[str, T] = {}

    def __len__(self) -> int:
        return len(self._latest)

    def add(self, items: Iterable[T]) -> None:
        for item in items:
            known = self._latest.get(item.id)
            if known is None or self._is_newer(item, known):
                self._latest[item.id] = item

    def get(self, item_id: str) -> T | None:
        return self._latest.get(item_id)

    def of(self, ids: Iterable[str]) -> list[T]:
        """The records of these ids that were delivered, in the ids' order."""
        latest = self._latest
        return [item for i in ids if (item := latest.get(i)) is not None]

    def clear(self) -> None:
        self._latest.clear()
