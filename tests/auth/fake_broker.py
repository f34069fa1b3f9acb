"""A fake Windows account broker: a stand-in for the native `pymsalruntime` package, so MSAL's
own broker code (msal/broker.py, its error conversion, RedirectUriError) runs on Linux.

`FakeBroker.install` puts the fake module in `sys.modules`, makes MSAL import its broker
adapter afresh against it, and has the provider ask MSAL for the broker through
`enable_broker_on_linux` (desktop.auth.broker.APP_OPTIONS): MSAL honours that on Linux, where
`enable_broker_on_windows` does nothing. What the broker answers is what WAM answers: with the
broker's redirect URI missing from the app registration, Entra's AADSTS50011 in the error's
context; a status of its own (`Status_UserCanceled`, ...) otherwise; or tokens.
"""

from __future__ import annotations

import enum
import sys
import threading
import time
import types
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest

from desktop.auth import broker
from tests.auth.fake_entra import CLIENT_ID, PARTNER_TENANT, USER_OID, USERNAME, _b64, jwt


class Response_Status(enum.Enum):  # noqa: N801 - pymsalruntime's name
    Status_Unexpected = 0
    Status_InteractionRequired = 2
    Status_NoNetwork = 3
    Status_UserCanceled = 7
    Status_IncorrectConfiguration = 10
    Status_AccountUnusable = 14


@dataclass
class _Error:
    context: str
    status: Response_Status

    def get_context(self) -> str:
        return self.context

    def get_status(self) -> Response_Status:
        return self.status

    def get_error_code(self) -> int:
        return 0x3399  # any number: MSAL only reports it

    def get_tag(self) -> int:
        return 0x1F0


@dataclass
class _Account:
    def get_client_info(self) -> str:
        return _b64({"uid": USER_OID, "utid": PARTNER_TENANT})

    def get_account_id(self) -> str:
        return f"{USER_OID}.{PARTNER_TENANT}"


@dataclass
class _Result:
    error: _Error | None = None
    scopes: list[str] = field(default_factory=list)

    def get_telemetry_data(self) -> dict[str, Any]:
        return {}

    def get_error(self) -> _Error | None:
        return self.error

    def get_account(self) -> _Account:
        return _Account()

    def _claims(self) -> dict[str, Any]:
        now = int(time.time())
        return {
            "iss": f"https://login.microsoftonline.com/{PARTNER_TENANT}/v2.0",
            "sub": USER_OID,
            "aud": CLIENT_ID,
            "exp": now + 3600,
            "iat": now,
            "oid": USER_OID,
            "tid": PARTNER_TENANT,
            "preferred_username": USERNAME,
        }

    def get_id_token(self) -> str:
        import json

        return json.dumps(self._claims())

    def get_raw_id_token(self) -> str:
        return jwt(self._claims())

    def is_pop_authorization(self) -> bool:
        return False

    def get_access_token(self) -> str:
        resource = self.scopes[0].rsplit("/", 1)[0] if self.scopes else ""
        return jwt({"aud": resource, "tid": PARTNER_TENANT, "uti": uuid.uuid4().hex})

    def get_access_token_expiry_time(self) -> int:
        return int(time.time()) + 3600

    def get_granted_scopes(self) -> list[str]:
        return self.scopes


class _Params:
    def __init__(self, client_id: str, authority: str) -> None:
        self.client_id = client_id
        self.authority = authority
        self.scopes: list[str] = []
        self.redirect_uri = ""
        self.extra: dict[str, str] = {}

    def set_additional_parameter(self, key: str, value: str) -> None:
        self.extra[key] = value

    def set_redirect_uri(self, uri: str) -> None:
        self.redirect_uri = uri

    def set_requested_scopes(self, scopes: list[str]) -> None:
        self.scopes = list(scopes)

    def set_decoded_claims(self, claims: str) -> None:
        self.extra["claims"] = claims

    def set_pop_params(self, *args: Any) -> None:
        raise AssertionError("Partner Desk asks for no proof-of-possession tokens")


class _CallbackData:
    def __init__(self, is_interactive: bool = False) -> None:
        self.signal = threading.Event()
        self.result: _Result | None = None

    def complete(self, result: _Result) -> None:
        self.result = result
        self.signal.set()


@dataclass
class FakeBroker:
    """What the broker does when MSAL asks it to sign in interactively."""

    # The app registration has the broker's redirect URI (else Entra answers AADSTS50011).
    redirect_registered: bool = False
    # A failure of the broker's own (Status_UserCanceled, ...), when not None.
    status: Response_Status | None = None
    sign_ins: list[_Params] = field(default_factory=list)

    def module(self) -> types.ModuleType:
        fake = types.ModuleType("pymsalruntime")
        fake.Response_Status = Response_Status  # type: ignore[attr-defined]
        fake.LogLevel = types.SimpleNamespace(TRACE=0, DEBUG=1, INFO=2, WARNING=3, ERROR=4, FATAL=5)  # type: ignore[attr-defined]
        fake.register_logging_callback = lambda callback: None  # type: ignore[attr-defined]
        fake.MSALRuntimeAuthParameters = _Params  # type: ignore[attr-defined]
        fake.CallbackData = _CallbackData  # type: ignore[attr-defined]
        fake.get_console_window = lambda: 0  # type: ignore[attr-defined]
        fake.get_desktop_window = lambda: 0x10010  # type: ignore[attr-defined]
        fake.signin_interactively = self._signin_interactively  # type: ignore[attr-defined]
        fake.signin_silently = self._refuse  # type: ignore[attr-defined]
        fake.acquire_token_silently = self._refuse  # type: ignore[attr-defined]
        return fake

    def install(self, monkeypatch: pytest.MonkeyPatch) -> FakeBroker:
        monkeypatch.setitem(sys.modules, "pymsalruntime", self.module())
        monkeypatch.delitem(sys.modules, "msal.broker", raising=False)  # imported afresh
        monkeypatch.setattr(broker, "APP_OPTIONS", {"enable_broker_on_linux": True})
        monkeypatch.setattr(broker, "available", lambda: True)  # as on Windows with msal[broker]
        return self

    def _signin_interactively(
        self, window: int, params: _Params, correlation_id: str, login_hint: Any, callback: Any
    ) -> None:
        self.sign_ins.append(params)
        error = None
        if not self.redirect_registered:
            expected = broker.redirect_uri(params.client_id)
            error = _Error(
                f"AADSTS50011: The redirect URI '{expected}' specified in the request does not "
                f"match the redirect URIs configured for the application '{params.client_id}'.",
                Response_Status.Status_IncorrectConfiguration,
            )
        elif self.status is not None:
            error = _Error(f"The broker answered {self.status.name}.", self.status)
        callback(_Result(error=error, scopes=params.scopes))

    def _refuse(self, *args: Any) -> None:
        callback = args[-1]
        callback(_Result(error=_Error("no account", Response_Status.Status_InteractionRequired)))
