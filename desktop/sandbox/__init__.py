"""The embedded Partner Center + Microsoft Graph emulator (DESIGN.md "The embedded default").

    with Sandbox(customers=250, seed=7) as sb:
        requests.get(sb.url + "/v1/customers", headers={"Authorization": "Bearer ..."})

Standard library only, no Qt: it runs inside the app, under tests, and alone for benchmarks.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from datetime import datetime
from types import TracebackType
from typing import Any

from desktop.sandbox.data import Dataset
from desktop.sandbox.faults import Faults, Injection, Throttle
from desktop.sandbox.routing import State, Stats
from desktop.sandbox.server import App, SandboxServer
from desktop.sandbox.tokens import Signer, decode_token, mint_token

__all__ = ["Dataset", "Sandbox", "decode_token", "mint_token"]


class Sandbox:
    def __init__(
        self,
        customers: int = 250,
        seed: int = 7,
        latency_ms: float = 0,
        fault_rate: float = 0.0,
        throttle: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        now: datetime | None = None,
        throttle_limit: int = 240,
        throttle_window_s: float = 60.0,
        drop_after_commit: int = 0,
        retired_create: bool = False,
        company_names: Mapping[int, str] | None = None,
    ) -> None:
        """`company_names` replaces the company names of the customers it indexes (in
        generation order), for hostile-data tests: markup, formulas, control characters..."""
        if customers < 0:
            raise ValueError("customers must not be negative")
        self.data = Dataset(customers, seed, now, company_names)
        self._stats = Stats()
        self._faults = Faults(seed, fault_rate)
        state = State(
            self.data,
            Signer(secrets.token_bytes(32)),
            self._stats,
            drop_after_commit=drop_after_commit,
            retired_create=retired_create,
        )
        limiter = Throttle(throttle_limit, throttle_window_s) if throttle else None
        self._app = App(state, self._faults, limiter, max(0.0, latency_ms) / 1000.0)
        self._host = host
        self._port = port
        self._server: SandboxServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> Sandbox:
        """Serve in a daemon thread; returns self (so `sb = Sandbox().start()` works).

        After `stop()`, `start()` serves again on the same port with the same data, faults and
        stats: a server that went down and came back, at the URL its clients already hold.
        """
        with self._lock:
            if self._server is None:
                server = SandboxServer(self._host, self._port, self._app)
                # A random port (0) is fixed by the first start, so a restart keeps the URL.
                self._port = int(server.server_address[1])
                thread = threading.Thread(
                    target=server.serve_forever,
                    kwargs={"poll_interval": 0.05},
                    name=f"sandbox:{server.server_address[1]}",
                    daemon=True,
                )
                thread.start()
                self._server, self._thread = server, thread
        return self

    @property
    def url(self) -> str:
        """http://host:port, no trailing slash."""
        if self._server is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return f"http://{self._server.default_host}"

    @property
    def running(self) -> bool:
        return self._server is not None

    def stop(self) -> None:
        with self._lock:
            server, thread = self._server, self._thread
            self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stats(self) -> dict[str, Any]:
        return self._stats.snapshot()

    def reset_stats(self) -> None:
        self._stats.reset()

    def inject(
        self,
        path_prefix: str,
        kind: str,
        *,
        status: int = 500,
        shape: str = "pc",
        count: int = 1,
        retry_after: int | None = None,
        delay_s: float = 0.0,
    ) -> None:
        """The next `count` requests whose path (as sent) starts with `path_prefix` get this
        fault instead of (or, for "slow" and "delay", on top of) the normal answer."""
        self._faults.inject(
            Injection(path_prefix, kind, status, shape, count, retry_after, delay_s)
        )

    def set_fault_rate(self, fault_rate: float) -> None:
        self._faults.set_rate(fault_rate)
