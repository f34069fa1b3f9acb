"""The embedded Partner Center + Microsoft Graph + Entra ID emulator (DESIGN.md "The embedded
default").

    with Sandbox(customers=250, seed=7) as sb:
        session.verify = <a file holding sb.ca_pem>
        msal.PublicClientApplication(SANDBOX_CLIENT_ID, authority=f"{sb.url}/organizations",
                                     instance_discovery=False, http_client=session)

It serves HTTPS (a throwaway CA per Sandbox, tls.py), signs in through its own Entra (entra.py)
exactly as MSAL expects, and answers only tokens it signed. Standard library plus trustme, no Qt:
it runs inside the app, under tests, and alone for benchmarks.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any

from desktop.config.clouds import SANDBOX_CLIENT_ID
from desktop.sandbox.canned import Canned
from desktop.sandbox.customers import Customer
from desktop.sandbox.data import Dataset
from desktop.sandbox.entra import Entra
from desktop.sandbox.faults import Faults, Injection, Throttle
from desktop.sandbox.identity import TokenIssuer, all_scopes
from desktop.sandbox.pipeline import App
from desktop.sandbox.routing import State, Stats
from desktop.sandbox.server import SandboxServer
from desktop.sandbox.tls import Certificates, make_certificates
from desktop.sandbox.tokens import Signer, decode_token, mint_token

__all__ = ["Canned", "Dataset", "Sandbox", "decode_token", "mint_token"]


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
        *,
        tls: bool = True,
        signing_key: bytes | None = None,
        token_lifetime_s: int = 3600,
        token_latency_ms: float = 0,
        auto_approve: bool = True,
        consented: str = "some",
        consent_delay_s: float = 0.0,
        partner_incident_shape: str = "grouped",
        partner_graph_scopes: Sequence[str] | None = None,
    ) -> None:
        """`company_names` replaces the company names of the customers it indexes (in
        generation order), for hostile-data tests: markup, formulas, control characters...

        `tls`: serve HTTPS with a CA made for this Sandbox (`ca_pem`). `signing_key`: the key
        that signs its tokens (random when None; give the same key to a restarted sandbox and it
        accepts the tokens issued before). `auto_approve`: every device code and authorize
        request is approved at once, as if the user clicked through. `consented`: "all",
        "none" or "some" of the GDAP customers have the app consented (consent.py);
        `consent_delay_s`: how long a new consent takes to reach the token service.
        `partner_incident_shape`: Partner Center's service incidents "grouped" per workload
        (the SDK's model) or "flat" (the REST reference's), partner_incidents.py.
        `partner_graph_scopes`: the Graph permissions the app registration holds in the
        partner tenant (default: all the app asks for; catalog.PARTNER_GRAPH_SCOPES).
        """
        if customers < 0:
            raise ValueError("customers must not be negative")
        if signing_key is not None and len(signing_key) < 16:
            raise ValueError("signing_key must be at least 16 bytes")
        self.data = Dataset(
            customers,
            seed,
            now,
            company_names,
            consented,
            partner_incident_shape=partner_incident_shape,
        )
        self._stats = Stats()
        self._faults = Faults(seed, fault_rate)
        self._key = signing_key if signing_key is not None else secrets.token_bytes(32)
        self._certificates: Certificates | None = make_certificates(host) if tls else None
        self._state = state = State(
            self.data,
            Signer(secrets.token_bytes(32)),
            self._stats,
            drop_after_commit=drop_after_commit,
            retired_create=retired_create,
            consent_delay_s=max(0.0, consent_delay_s),
        )
        limiter = Throttle(throttle_limit, throttle_window_s) if throttle else None
        ca_pem = self._certificates.ca_pem if self._certificates else None
        self._app = App(
            state, self._faults, limiter, max(0.0, latency_ms) / 1000.0, self._key, ca_pem
        )
        self._issuer = TokenIssuer(self.data, self._key, token_lifetime_s)
        if partner_graph_scopes is not None:
            self._issuer.partner_graph_scopes = tuple(partner_graph_scopes)
        self._entra = Entra(
            self._issuer,
            self._stats,
            auto_approve=auto_approve,
            latency_s=max(0.0, token_latency_ms) / 1000.0,
        )
        self._host = host
        self._port = port
        self._server: SandboxServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> Sandbox:
        """Serve in a daemon thread; returns self (so `sb = Sandbox().start()` works).

        After `stop()`, `start()` serves again on the same port with the same data, faults,
        stats, CA and signing key: a server that went down and came back, at the URL (and with
        the certificate) its clients already hold.
        """
        with self._lock:
            if self._server is None:
                context = self._certificates.server_context() if self._certificates else None
                server = SandboxServer(self._host, self._port, self._app, self._entra, context)
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
        """https://host:port (http:// with tls=False), no trailing slash."""
        if self._server is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return f"{self._server.scheme}://{self._server.default_host}"

    @property
    def ca_pem(self) -> bytes:
        """The PEM certificate of the CA this sandbox's HTTPS certificate chains to."""
        if self._certificates is None:
            raise RuntimeError("the sandbox serves plain HTTP (tls=False): there is no CA")
        return self._certificates.ca_pem

    @property
    def tls(self) -> bool:
        return self._certificates is not None

    @property
    def signing_key(self) -> bytes:
        """The key its tokens are signed with (keep it to accept them after a restart)."""
        return self._key

    @property
    def client_id(self) -> str:
        return SANDBOX_CLIENT_ID

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def auto_approve(self) -> bool:
        return self._entra.auto_approve

    @auto_approve.setter
    def auto_approve(self, value: bool) -> None:
        self._entra.auto_approve = value

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
        """Zero the counters and empty the request log."""
        self._stats.reset()

    def request_log(self) -> list[dict[str, Any]]:
        """The most recent API calls received, in the order they arrived: method, path (as
        sent), status (0 when the connection was dropped, None while still being served), and
        the `msRequestId`, `clientRequestId` and `msCorrelationId` headers the client sent.
        Sign-in and control calls are not in it."""
        return self._stats.request_log()

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

    def serve_canned(self, canned: Canned) -> None:
        """TESTS ONLY: the next `canned.count` API calls whose path (as sent) starts with
        `canned.path_prefix` get this answer, word for word, once their token is accepted:
        how tests/wire serves Microsoft's published response examples to the real clients."""
        self._app.canned.add(canned)

    def canned_pending(self) -> int:
        """Canned answers not served yet (0 once the client asked for every one)."""
        return self._app.canned.pending()

    def clear_canned(self) -> None:
        """TESTS ONLY: forget the canned answers not served yet."""
        self._app.canned.clear()

    def set_fault_rate(self, fault_rate: float) -> None:
        self._faults.set_rate(fault_rate)

    def set_retired_create(self, retired: bool) -> None:
        """Refuse (410, "decommissioned") or accept the create and support-topic APIs from now
        on, as Microsoft's announcement made them refuse (API.md section 2)."""
        self._state.retired_create = retired

    # -- sign-in and consent ------------------------------------------------------------------

    def issue_token(
        self,
        tenant_id: str,
        audience: str,
        scopes: Sequence[str] | None = None,
        lifetime_s: int | None = None,
        **claims: Any,
    ) -> str:
        """TESTS ONLY: an access token for the sandbox user, signed with this sandbox's key,
        as if Entra had issued it, but without Entra's GDAP and consent rules. `scopes` is the
        token's `scp` (default: every permission the sandbox knows for `audience`); `claims`
        override any claim. The app never uses this: it signs in through /oauth2/v2.0/token."""
        return self._issuer.access_token(
            tenant_id.lower(),
            audience,
            all_scopes(audience) if scopes is None else scopes,
            client_id=SANDBOX_CLIENT_ID,
            lifetime_s=lifetime_s,
            **claims,
        )

    def consent_state(self, tenant_id: str) -> str:
        """ "consented", "no_service_principal", "no_grant" or "no_gdap" (consent.py)."""
        return self.data.consents.state(tenant_id)

    def can_consent(self, tenant_id: str) -> bool:
        """Whether the partner's GDAP roles in that customer let it consent (POST 201, not 403)."""
        return self.data.consents.can_consent(tenant_id)

    def customers_in_consent_state(self, state: str) -> list[Customer]:
        return self.data.customers_in_consent_state(state)

    def set_consent_state(
        self, tenant_id: str, state: str, scopes: Sequence[str] | None = None
    ) -> None:
        """TESTS ONLY: put a GDAP customer in "consented", "no_service_principal" or "no_grant";
        `scopes`: the Graph grant of a consent (default: what the app asks for now; OLD_SCOPES
        of desktop.sandbox.consent for a customer consented before the message center)."""
        if scopes is None:
            self.data.consents.set_state(tenant_id, state)
        else:
            self.data.consents.set_state(tenant_id, state, scopes)

    def consent_outdated(self, tenant_id: str) -> bool:
        """Consented with a grant that lacks scopes the app asks for now (consent.OLD_SCOPES)."""
        return self.data.consents.outdated(tenant_id)

    def expire_device_codes(self) -> None:
        """TESTS ONLY: every device code issued so far expires now (expired_token)."""
        self._entra.flows.expire_device_codes()
