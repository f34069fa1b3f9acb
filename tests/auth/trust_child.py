"""Run in a fresh process by tests/auth/test_system_trust.py, with SSL_CERT_FILE and
SSL_CERT_DIR naming the trust store to use: calls each https address given on the command line
through the app's two clients (the API session and MSAL's HTTP client) and prints, as JSON,
what each answered or how the app classified its failure."""

from __future__ import annotations

import json
import sys

import requests

from desktop.api.connections import prepared
from desktop.api.failures import failed
from desktop.auth.base import AuthError
from desktop.auth.msal_provider import MsalProvider
from desktop.auth.transport import msal_http_client


def api_call(url: str) -> str:
    session = prepared(requests.Session(), 2, {})
    try:
        return str(session.get(url, timeout=10).status_code)
    except requests.exceptions.RequestException as error:
        return failed(error, False, "r", url).name
    finally:
        session.close()


def sign_in_call(url: str) -> str:
    client = msal_http_client(url, None)
    try:
        answer = MsalProvider._call(lambda: client.get(url), "Sign-in")
        return str(answer.status_code)
    except AuthError as error:
        return error.code
    finally:
        client.close()


def main() -> None:
    results = {url: {"api": api_call(url), "sign_in": sign_in_call(url)} for url in sys.argv[1:]}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
