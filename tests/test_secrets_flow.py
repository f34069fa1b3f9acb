"""Sign in (MSAL against the loopback Entra of a real cloud's profile), sign in to the sandbox's
own Entra over TLS, sweep and export against the sandbox with the tokens MSAL got, crash once,
save the settings, all with logging at DEBUG: no access token, refresh token, id token,
authorization code or device code appears in the logs, the crash report, the exports, the cache
or the settings file.

The tokens are the issuers' own (each access and id token carries a random `uti` claim, each
refresh token and code is random), and the test first proves that each kind was issued and
used, so it cannot pass because nothing happened.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desktop.config.clouds import GLOBAL, SANDBOX_PARTNER_TENANT_ID
from desktop.config.logs import setup_logging
from desktop.config.paths import cache_dir
from desktop.config.settings import Settings, save, settings_path
from desktop.sandbox import Sandbox
from desktop.services.accounts import Accounts
from desktop.services.backend import Backend
from desktop.services.export import collect, render
from desktop.store.cache import Cache
from desktop.ui.dialogs.crash import CrashReporter
from tests.auth import fake_entra
from tests.auth.fake_entra import CLIENT_ID, USERNAME, FakeBrowser, FakeEntra, LoopbackHttp

LOGGERS = ("", "desktop", "msal", "urllib3")


@pytest.fixture
def app_logging() -> Iterator[Path]:
    """The app's own handlers (file and stderr, redacting), then every logger at DEBUG."""
    levels = {name: logging.getLogger(name).level for name in LOGGERS}
    path = setup_logging(logging.DEBUG, to_stderr=True)
    for name in LOGGERS:  # setup_logging quietens msal and urllib3: the test does not
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_partner_desk", False)]:
        root.removeHandler(handler)
        handler.close()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def issued(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every token response the fake Entra sends (access, refresh and id tokens)."""
    responses: list[dict[str, Any]] = []
    original = fake_entra._Handler._issue

    def recording(self: Any, tenant: str, scope: str, nonce: str) -> dict[str, Any]:
        response: dict[str, Any] = original(self, tenant, scope, nonce)
        responses.append(response)
        return response

    monkeypatch.setattr(fake_entra._Handler, "_issue", recording)
    # The signed-in partner is the sandbox's partner, so Partner Center answers its tokens.
    monkeypatch.setattr(fake_entra, "PARTNER_TENANT", SANDBOX_PARTNER_TENANT_ID)
    return responses


@pytest.fixture
def sandbox_answers(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every JSON answer the sandbox's Entra gives MSAL (device codes, token responses)."""
    from desktop.auth import transport

    answers: list[dict[str, Any]] = []
    original = transport._MsalHttp.post

    def recording(self: Any, url: str, **kwargs: Any) -> Any:
        response = original(self, url, **kwargs)
        if response.headers.get("Content-Type", "").startswith("application/json"):
            body = response.json()
            if isinstance(body, dict):
                answers.append(body)
        return response

    monkeypatch.setattr(transport._MsalHttp, "post", recording)
    return answers


def secrets_of(
    entra: FakeEntra, responses: list[dict[str, Any]], sandbox: list[dict[str, Any]]
) -> dict[str, set[str]]:
    """Each secret, and the part of it that would identify it if only that part leaked."""
    found: dict[str, set[str]] = {"access": set(), "refresh": set(), "id": set(), "code": set()}
    for response in responses + [a for a in sandbox if "access_token" in a]:
        for kind, key in (("access", "access_token"), ("id", "id_token")):
            token = response.get(key)
            if token:
                found[kind] |= {token, token.split(".")[1]}  # the whole JWT, and its claims
        refresh = response["refresh_token"]
        # The fake's "rt-<hex>", the sandbox's signed "<body>.<mac>": whole and identifying part.
        found["refresh"] |= {refresh, refresh.removeprefix("rt-").split(".")[0]}
    found["code"] |= set(entra.state.codes_issued)
    found["code"] |= {a["device_code"] for a in sandbox if "device_code" in a}
    return found


def test_no_secret_leaves_the_process(
    tmp_path: Path,
    entra: FakeEntra,
    http: LoopbackHttp,
    browser: FakeBrowser,
    issued: list[dict[str, Any]],
    sandbox_answers: list[dict[str, Any]],
    app_logging: Path,
    qapp: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # -- sign in, as the account dialog does (through the Accounts façade) -------------------
    settings = Settings(cloud="global", client_id=CLIENT_ID, allow_plaintext_token_cache=True)
    accounts = Accounts(settings, tmp_path / "tokens", http)
    session = accounts.sign_in_interactive("global", CLIENT_ID, "organizations")
    assert session.account == USERNAME
    save(replace(settings, account=session.account))

    # The account's refresh token at work: a token for a customer's tenant.
    session.backend.tokens.token(GLOBAL.graph_scope, "12345678-0000-4000-8000-000000000099")

    # -- sweep and export against the sandbox, signed in to its own Entra (device code) --------
    with Sandbox(customers=6, seed=3, consented="all") as sandbox:
        # Four in flight, as a sweep does: token acquisitions for several tenants at once
        # (they raced in the token cache at rest: tests/faults/test_token_cache_race.py).
        backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=4)
        try:
            customers = backend.customers().items
            outcomes = list(
                backend.sweep(
                    customers, lambda c, cid, cancel: backend.health_and_issues(c.tenant_id, cid)
                )
            )
            with Cache(cache_dir() / "cache.sqlite3") as cache, cache.writer("global:x") as writer:
                rows, failed = collect(backend, "health", customers, cache=writer)
        finally:
            backend.close()
        allowed = {c.tenant_id for c in sandbox.data.customers if c.has_gdap}
    exports = {fmt: render(rows, "health", fmt) for fmt in ("csv", "json")}

    # -- an unexpected error on a worker thread, with secrets in its message ------------------
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = CrashReporter(lambda: None, show_dialogs=False)
    reporter.install()
    response = issued[-1]

    def fail() -> None:
        raise RuntimeError(
            f"token refresh went wrong: {response!r}; "
            f"sent Authorization: Bearer {response['access_token']}; "
            f"redirect http://localhost:5123/?code={entra.state.codes_issued[0]}&state=x"
        )

    worker = threading.Thread(target=fail, name="worker-7")
    worker.start()
    worker.join()

    # -- first: every kind of secret was issued and used --------------------------------------
    secrets = secrets_of(entra, issued, sandbox_answers)
    assert all(secrets.values()), {k: len(v) for k, v in secrets.items()}
    grants = {grant for _tenant, grant, _scope in entra.state.grants}
    assert {"authorization_code", "refresh_token"} <= grants  # the code, then refresh tokens
    assert {o.customer.tenant_id for o in outcomes if o.ok} == allowed, [
        (o.customer.tenant_id, o.error) for o in outcomes if not o.ok
    ]  # access tokens accepted
    assert len(rows) > len(customers)
    assert failed == len(customers) - len(allowed)  # no GDAP: no token, in the error column
    assert any("device_code" in a for a in sandbox_answers)
    assert sum("refresh_token" in a for a in sandbox_answers) > len(allowed)
    assert len(reporter.reports) == 1
    assert "token refresh went wrong" in reporter.reports[0]

    # -- then: none of them is anywhere a person or a file can see ----------------------------
    for handler in logging.getLogger().handlers:
        handler.flush()
    places = {
        "log file": app_logging.read_text(encoding="utf-8"),
        "stderr": capsys.readouterr().err,
        "crash report": "\n".join(reporter.reports),
        "CSV export": exports["csv"],
        "JSON export": exports["json"],
        "settings file": settings_path().read_text(encoding="utf-8"),
        "cache": (cache_dir() / "cache.sqlite3").read_bytes().decode("latin-1"),
    }
    assert "unhandled" in places["log file"]  # the crash was logged, through the redaction
    assert "GET " in places["log file"]  # urllib3 and our client logged at DEBUG
    assert "msal" in places["log file"]
    leaks = [
        (place, kind, secret[:12] + "…")
        for place, text in places.items()
        for kind, values in secrets.items()
        for secret in values
        if secret in text
    ]
    assert leaks == []
