"""A deadline for each attempt, from the start of its connection to the last byte of its answer,
headers and TLS handshake included. No Qt.

`requests` knows only a connect timeout and a read timeout *between* bytes: a server that
sends one header byte every 5 s kept an attempt open for hours (issue 16, item 3), and no code
of ours ran until the headers were complete. Here one watchdog thread holds every attempt's
deadline; when one passes, it shuts down that attempt's socket, which wakes the thread blocked
on it (a `recv` returns or fails). The attempt's `Guard` remembers that it fired, so the caller
reports a timeout rather than whatever the broken connection looked like (a reset, an EOF, a
TLS error).

The socket is found through the connection classes of the session's pools (`install`): a
connection registers its socket with the guard of the attempt running on its thread as soon
as the TCP connection exists (`_new_conn`, before any TLS byte), and again for each request on
a kept-alive connection. The guard keeps a duplicate of the socket's descriptor: shutting that
down ends the connection for every descriptor of it, and the duplicate can never be another
connection's reused descriptor number.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

_current = threading.local()  # .guard: the Guard of the attempt running on this thread


class Guard:
    """One attempt's deadline (time.monotonic) and the sockets it may shut down."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._fired = False
        self._done = False

    @property
    def fired(self) -> bool:
        """True once the deadline passed while the attempt was under way."""
        return self._fired

    def watch(self, sock: Any) -> None:
        """Shut `sock` down when the deadline passes (at once if it already has)."""
        try:
            copy = socket.socket(fileno=socket.dup(sock.fileno()))
        except (OSError, ValueError, AttributeError):
            return  # closed already, or not a real socket: nothing to wake
        with self._lock:
            if self._done:
                copy.close()
                return
            self._sockets.append(copy)
            if self._fired:
                _shutdown(copy)

    def expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self._fired = True
            for sock in self._sockets:
                _shutdown(sock)

    def close(self) -> None:
        with self._lock:
            self._done = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.close()

    @property
    def done(self) -> bool:
        return self._done


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class Watchdog:
    """One daemon thread that expires guards at their deadlines."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Guard]] = []
        self._order = itertools.count()
        self._live = 0
        self._thread: threading.Thread | None = None

    def arm(self, deadline: float) -> Guard:
        guard = Guard(deadline)
        with self._cond:
            self._live += 1
            if len(self._heap) > 1024 and len(self._heap) > 4 * self._live:
                # Finished attempts wait in the heap until their deadline; drop them at once
                # when they outnumber the live ones, so the heap stays the size of the work.
                self._heap = [e for e in self._heap if not e[2].done]
                heapq.heapify(self._heap)
            earliest = self._heap[0][0] if self._heap else None
            heapq.heappush(self._heap, (deadline, next(self._order), guard))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="http-watchdog", daemon=True)
                self._thread.start()
            elif earliest is None or deadline < earliest:
                self._cond.notify()
        return guard

    def disarm(self, guard: Guard) -> None:
        guard.close()
        with self._cond:
            self._live -= 1

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    while self._heap and self._heap[0][2].done:
                        heapq.heappop(self._heap)
                    if not self._heap:
                        self._cond.wait()
                        continue
                    wait = self._heap[0][0] - time.monotonic()
                    if wait <= 0:
                        guard = heapq.heappop(self._heap)[2]
                        break
                    self._cond.wait(wait)
            guard.expire()


_WATCHDOG = Watchdog()


@contextlib.contextmanager
def attempt(deadline: float) -> Iterator[Guard]:
    """Around one attempt on this thread: the connections it uses are shut at `deadline`."""
    guard = _WATCHDOG.arm(deadline)
    previous = getattr(_current, "guard", None)
    _current.guard = guard
    try:
        yield guard
    finally:
        _current.guard = previous
        _WATCHDOG.disarm(guard)


def _guard() -> Guard | None:
    return getattr(_current, "guard", None)


def _connection_classes() -> tuple[type, type]:
    from urllib3.connection import HTTPConnection, HTTPSConnection

    class Watched:
        """Registers its socket with the running attempt's guard."""

        sock: Any

        def _new_conn(self) -> Any:
            sock = super()._new_conn()  # type: ignore[misc]
            guard = _guard()
            if guard is not None:
                guard.watch(sock)  # before the TLS handshake: a slow one is covered too
            return sock

        def request(self, *args: Any, **kwargs: Any) -> Any:
            guard = _guard()
            if guard is not None and self.sock is not None:
                guard.watch(self.sock)  # a kept-alive connection: no _new_conn this time
            return super().request(*args, **kwargs)  # type: ignore[misc]

    class WatchedHTTPConnection(Watched, HTTPConnection):
        pass

    class WatchedHTTPSConnection(Watched, HTTPSConnection):
        pass

    return WatchedHTTPConnection, WatchedHTTPSConnection


_POOLS: dict[str, type] = {}


def _pool_classes() -> dict[str, type]:
    if not _POOLS:
        from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

        plain, secure = _connection_classes()

        class WatchedHTTPPool(HTTPConnectionPool):
            ConnectionCls = plain

        class WatchedHTTPSPool(HTTPSConnectionPool):
            ConnectionCls = secure

        _POOLS.update(http=WatchedHTTPPool, https=WatchedHTTPSPool)
    return _POOLS


def install(adapter: Any) -> Any:
    """Give `adapter` (a `requests` HTTPAdapter) pools whose connections obey `attempt()`,
    its proxy managers' pools included (SOCKS proxies keep theirs: read timeouts only)."""
    pools = _pool_classes()
    adapter.poolmanager.pool_classes_by_scheme = dict(pools)
    original = adapter.proxy_manager_for

    def proxy_manager_for(proxy: str, **kwargs: Any) -> Any:
        manager = original(proxy, **kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(pools)
        return manager

    adapter.proxy_manager_for = proxy_manager_for
    return adapter
