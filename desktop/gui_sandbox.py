"""The GUI's sandbox and offline start: the embedded sandbox started on the worker, the backend
signed in to it (or one that says why not), and --offline's cache-only backend.

Start-up time: each function imports what it needs when it runs; this module is imported with
`desktop.gui` (also for `--help`), before the window's first paint, which waits for none of it.
"""

from __future__ import annotations

import argparse
import logging
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when the window's frame is on screen (docs/PERFORMANCE.md)
    from desktop.services.backend import Backend

log = logging.getLogger(__name__)

DEFAULT_SANDBOX_CUSTOMERS = 250


class Embedded:
    """The embedded sandbox, started on the worker, and the identity of its signing key."""

    def __init__(self, sandbox: Any, identity: str) -> None:
        self.sandbox = sandbox
        self.identity = identity


def start_sandbox(customers: int) -> Embedded:
    """Start the embedded sandbox with the key kept in the data folder (blocks: worker).

    The same key on every start: the sign-in cached by the last run still works, so a start
    makes no sign-in round trip (desktop.auth.sandbox)."""
    from desktop.auth.sandbox import key_identity
    from desktop.gui_stores import sandbox_key
    from desktop.sandbox import Sandbox

    key, _kept_in = sandbox_key()  # a key for this run only when the data folder is read-only
    # As Microsoft answers today: the create and support-topic APIs refuse (decommissioned),
    # so the demo shows the real escalation path, the web form (API.md section 2).
    sandbox = Sandbox(customers=customers, signing_key=key, retired_create=True)
    return Embedded(sandbox.start(), key_identity(key))


async def sign_in_to_sandbox(
    window: Any,
    worker: Any,
    url: str,
    embedded: Embedded | None,
    args: argparse.Namespace,
    locale: str,
) -> Backend:
    """A backend signed in to the sandbox's Entra with MSAL, as to a cloud; when that fails,
    one whose every call says why (the window opens anyway and each pane explains)."""
    import asyncio  # not with the module: it is imported before the first paint

    from desktop.auth import AuthError, FailedSignIn
    from desktop.config.clouds import SANDBOX_PARTNER_TENANT_ID, sandbox_profile
    from desktop.services.backend import Backend

    loop = asyncio.get_running_loop()
    shown: list[Any] = []
    cancel = threading.Event()

    def on_device_code(code: Any) -> None:  # a sandbox that does not approve codes itself
        loop.call_soon_threadsafe(
            lambda: shown.append(device_code_dialog(window, worker, url, code, cancel))
        )

    try:
        backend: Backend = await worker.run(
            lambda: Backend.for_sandbox(
                url,
                ca_pem=embedded.sandbox.ca_pem if embedded else None,
                identity=embedded.identity if embedded else None,
                concurrency=args.concurrency,
                locale=locale,
                # The embedded sandbox approves its codes itself: nothing to show.
                on_device_code=None if embedded else on_device_code,
                cancel=cancel,
            )
        )
        return backend
    except AuthError as error:
        log.warning("signing in to the sandbox at %s failed: %s", url, error.code)
        window.show_status(f"{error.message} {error.next_step}", 30000)
        return Backend(
            sandbox_profile(url),
            FailedSignIn(error, SANDBOX_PARTNER_TENANT_ID),
            concurrency=args.concurrency,
            locale=locale,
        )
    finally:
        for dialog in shown:
            dialog.rejected.disconnect()
            dialog.close()


def device_code_dialog(
    window: Any, worker: Any, url: str, code: Any, cancel: threading.Event
) -> Any:
    """The device code of a sandbox started without --auto-approve, to approve in a browser:
    the account menu's dialog (Copy code, Open the sign-in page, Cancel)."""
    from desktop.qt.session import system_browser
    from desktop.ui.dialogs.account import DeviceCodeDialog

    def open_page(page: str) -> None:
        # Only the sandbox's own page: the address came from the sandbox, not from the user.
        if page.startswith(url.rstrip("/") + "/"):
            worker.spawn(worker.run(system_browser, page))

    dialog = DeviceCodeDialog(
        code.user_code, code.verification_uri, "", None, window, opener=open_page
    )
    dialog.rejected.connect(cancel.set)
    dialog.setModal(False)
    dialog.show()
    return dialog


def offline_backend(cache: Any, args: argparse.Namespace) -> tuple[Backend, str, str]:
    """The cache-only backend of `--offline`, its source and mode (blocks: worker thread)."""
    from desktop.config.clouds import CLOUDS, sandbox_profile
    from desktop.services.offline import OfflineBackend
    from desktop.store.cache import sandbox_source

    if args.sandbox_url:
        source = sandbox_source(args.sandbox_url)
    elif args.customers != DEFAULT_SANDBOX_CUSTOMERS:
        source = sandbox_source(customers=max(1, args.customers))
    else:
        source = cache.latest_source() or sandbox_source(customers=DEFAULT_SANDBOX_CUSTOMERS)
    kind = source.split(":", 1)[0]
    if kind in CLOUDS:
        return OfflineBackend(cache, source, CLOUDS[kind]), source, kind
    # The sandbox's links point at its own (now absent) address: the policy allows loopback.
    url = args.sandbox_url or "http://127.0.0.1"
    mode = "external sandbox" if args.sandbox_url else "sandbox"
    return OfflineBackend(cache, source, sandbox_profile(url)), source, mode
