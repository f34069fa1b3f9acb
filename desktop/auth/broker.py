"""The Windows account broker (WAM) for the partner's own sign-in, and the browser when it fails.
No Qt.

MSAL uses the broker when a `PublicClientApplication` is made with `enable_broker_on_windows`
on Windows with the pymsalruntime package (msal[broker]). The broker needs its own redirect URI
in the partner's app registration (`REDIRECT_URI`); without it an interactive sign-in through
the broker errors out and MSAL does not try the browser itself (the broker section of
`PublicClientApplication`'s documentation). So a failed broker sign-in is tried once more in
the system browser, and the failure is remembered per client id (a small file in the data
folder): later sign-ins with that registration go straight to the browser.

`APP_OPTIONS` is how MSAL is told to use the broker; the Linux tests swap in
`enable_broker_on_linux` with a fake pymsalruntime, so MSAL's own broker code runs.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desktop.config.paths import data_dir

log = logging.getLogger(__name__)

REDIRECT_URI = "ms-appx-web://Microsoft.AAD.BrokerPlugin/{client_id}"
APP_OPTIONS: dict[str, bool] = {"enable_broker_on_windows": True}
MEMORY_FILE = "broker.json"

# pymsalruntime's statuses (Response_Status) that the browser would not do better with: the
# user closed the broker's window, or the network is down for both.
_NOT_THE_BROKERS_FAULT = frozenset(
    {
        "Status_UserCanceled",
        "Status_ApplicationCanceled",
        "Status_NoNetwork",
        "Status_NetworkTemporarilyUnavailable",
    }
)

_STATUS = re.compile(r"Status: (?:\w+\.)?(Status_\w+)")

_lock = threading.Lock()


def available() -> bool:
    """The broker needs Windows and the pymsalruntime package (msal[broker])."""
    if sys.platform != "win32":
        return False
    try:
        import pymsalruntime  # noqa: F401
    except ImportError:
        return False
    return True


def redirect_uri(client_id: str) -> str:
    return REDIRECT_URI.format(client_id=client_id.strip())


def sign_in(
    app: Any,
    scope: str,
    login_hint: str,
    window_handle: int | None,
    on_browser: Callable[[], None] | None,
) -> Mapping[str, Any] | ValueError:
    """MSAL's interactive sign-in through the broker (`app` made with `APP_OPTIONS`); what MSAL
    raises for a broker failure is returned, not raised, for `failure` to judge."""
    try:
        result: Mapping[str, Any] = app.acquire_token_interactive(
            [scope],
            prompt="select_account",
            login_hint=login_hint or None,
            on_before_launching_ui=(lambda **_: on_browser()) if on_browser else None,
            parent_window_handle=(
                window_handle if window_handle is not None else app.CONSOLE_WINDOW_HANDLE
            ),
        )
    except ValueError as error:  # msal.broker.RedirectUriError
        if failure(error) is None:
            raise
        log.warning("the Windows broker refused the sign-in: %s", error)
        return error
    return result


def failure(outcome: Mapping[str, Any] | BaseException) -> str | None:
    """Why the broker failed, when `outcome` (MSAL's answer, or what it raised) is a broker
    failure that the browser may not have; None for success and for other failures.

    MSAL raises `msal.broker.RedirectUriError` when Entra says the app registration lacks the
    broker's redirect URI (AADSTS50011, AADSTS7000218), and answers `{"error": "broker_error"}`
    for the broker's other failures.
    """
    if isinstance(outcome, BaseException):
        module = sys.modules.get("msal.broker")
        redirect_error = getattr(module, "RedirectUriError", None)
        if isinstance(redirect_error, type) and isinstance(outcome, redirect_error):
            return "the app registration lacks the broker's redirect URI"
        return None
    if outcome.get("error") != "broker_error":
        return None
    status = _status(outcome)
    if status in _NOT_THE_BROKERS_FAULT:
        return None
    return f"the broker answered {status or 'an error'}"


def cancelled(outcome: Mapping[str, Any]) -> bool:
    """The user closed the broker's window (no reason to try the browser)."""
    return outcome.get("error") == "broker_error" and _status(outcome) in (
        "Status_UserCanceled",
        "Status_ApplicationCanceled",
    )


def offline(outcome: Mapping[str, Any]) -> bool:
    """The broker could not reach Entra (the browser would not either)."""
    return outcome.get("error") == "broker_error" and _status(outcome) in (
        "Status_NoNetwork",
        "Status_NetworkTemporarilyUnavailable",
    )


def _status(outcome: Mapping[str, Any]) -> str:
    """The broker's status in MSAL's answer: MSAL drops its `_broker_status` from what it
    returns, and keeps it in the description ("... Status: Response_Status.Status_X, ...")."""
    found = _STATUS.search(str(outcome.get("error_description") or ""))
    return found.group(1) if found else ""


# -- what is remembered --------------------------------------------------------------------------


def _memory_path() -> Path:
    return data_dir() / MEMORY_FILE


def _read(path: Path) -> dict[str, str]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("the broker's memory could not be read: %s", type(error).__name__)
        return {}
    failed = raw.get("failed") if isinstance(raw, dict) else None
    if not isinstance(failed, dict):
        return {}
    return {str(k): str(v) for k, v in failed.items()}


def failed_before(client_id: str) -> bool:
    """Whether the broker failed with this app registration before (then: the browser)."""
    try:
        path = _memory_path()
    except OSError:
        return False
    return client_id.strip().lower() in _read(path)


def remember_failure(client_id: str, reason: str) -> None:
    """Remember that the broker failed with this registration; a failure to write is logged
    (the next sign-in then tries the broker again and falls back again)."""
    with _lock:
        try:
            path = _memory_path()
            failed = _read(path)
            failed[client_id.strip().lower()] = reason
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".broker-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"version": 1, "failed": failed}, out, indent=1)
            os.replace(temp, path)
        except OSError as error:
            log.warning("the broker's failure could not be remembered: %s", error)
