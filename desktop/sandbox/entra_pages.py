"""The few HTML pages of the sandbox's Entra: device code entry, sign-in, the form_post answer.

Plain, script-free pages (except the form_post answer, which submits itself as Entra's does), so
that a test, a person or a screen reader can use them. Every value is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from desktop.sandbox import responses as r
from desktop.sandbox.entra_wire import EntraError

_STYLE = (
    "body{font-family:'Segoe UI',system-ui,sans-serif;max-width:28rem;margin:4rem auto;"
    "padding:0 1rem;color:#1b1b1b}h1{font-size:1.5rem;font-weight:600}input,button"
    "{font-size:1rem;padding:.4rem .6rem}button{background:#0067b8;color:#fff;border:0}"
    ".note{color:#5e5e5e;font-size:.9rem}"
)


def _page(status: int, title: str, body: str) -> r.Response:
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{_STYLE}</style></head><body>{body}"
        '<p class="note">Partner Desk sandbox: an emulated Microsoft Entra ID.</p>'
        "</body></html>"
    )
    headers = [("Cache-Control", "no-store, no-cache"), ("X-Frame-Options", "DENY")]
    return r.Response(status, page.encode("utf-8"), r.HTML, headers)


def _hidden(fields: Mapping[str, str]) -> str:
    return "".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in fields.items()
    )


def device_code_form(error: str | None = None, status: int = 200) -> r.Response:
    """microsoft.com/devicelogin's one question: the code shown by the app."""
    problem = f'<p role="alert">{escape(error)}</p>' if error else ""
    return _page(
        status,
        "Enter code",
        "<h1>Enter code</h1><p>Enter the code displayed on your app or device.</p>"
        f'{problem}<form method="post" action="/devicelogin"><label for="code">Code</label> '
        '<input id="code" name="code" autocomplete="off" autofocus required> '
        '<button type="submit">Next</button></form>',
    )


def device_code_done(user: str) -> r.Response:
    return _page(
        200,
        "Signed in",
        f"<h1>You have signed in to Partner Desk (sandbox)</h1><p>Signed in as {escape(user)}. "
        "You have signed in to the Partner Desk (sandbox) application on your device. You may "
        "now close this window.</p>",
    )


def sign_in(action: str, fields: Mapping[str, str], user: str) -> r.Response:
    """The account picker, reduced to the sandbox's one account."""
    return _page(
        200,
        "Sign in to your account",
        f'<h1>Pick an account</h1><form method="post" action="{escape(action)}">'
        f'{_hidden(fields)}<button type="submit" name="sandbox_approve" value="1">'
        f"Sign in as {escape(user)}</button></form>",
    )


def form_post(redirect_uri: str, fields: Mapping[str, str]) -> r.Response:
    """Entra's answer for response_mode=form_post: a form that posts itself to the app
    (learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code)."""
    page = (
        '<html><head><title>Working...</title></head><body><form method="POST" '
        f'name="hiddenform" action="{escape(redirect_uri)}">{_hidden(fields)}'
        "<noscript><p>Script is disabled. Click Submit to continue.</p>"
        '<input type="submit" value="Submit"></noscript></form>'
        '<script language="javascript">document.forms[0].submit();</script></body></html>'
    )
    return r.Response(200, page.encode("utf-8"), r.HTML, [("Cache-Control", "no-store")])


def error_page(error: EntraError, trace_id: str, correlation_id: str) -> r.Response:
    """Entra's sign-in error page, for errors it cannot send back to the app's redirect."""
    return _page(
        error.status,
        "Sign in to your account",
        "<h1>Sorry, but we're having trouble signing you in.</h1>"
        f"<p>AADSTS{error.code}: {escape(error.message)}</p>"
        f'<p class="note">Request Id: {escape(trace_id)}<br>'
        f"Correlation Id: {escape(correlation_id)}</p>",
    )


def signed_out() -> r.Response:
    return _page(200, "Signed out", "<h1>You signed out of your account</h1>")
