"""Headless commands: `export`, `consent`, `clouds`, `request new`, `request filed` and
`drafts`. Same backend as the GUI, no Qt imported.

Exit codes: 0 every customer succeeded, or is in a state: no GDAP relationship covers the user
or Partner Desk is not consented there (its row's `error` says so; issue 18); 3 some customers
really failed (their rows carry `error`);
2 usage error; 1 the run could not start (for example the customer list itself failed, or
`--offline` found nothing cached) or its `--out` file could not be written. `request new` and
`drafts resume` also: 4 Microsoft refuses the create API (the customer's web form is printed);
5 the request may be (or is) with Microsoft but is not confirmed: nothing more was sent, the
draft is kept.

A live export also fills the cache (`desktop.store.cache`) under the source of the server it
read: `sandbox:<customers>:<seed>` for the embedded sandbox, `sandbox:<url>` with
`--sandbox-url`. `export --offline` reads the same source from the cache alone.

Here: the parser, the backend every command signs in with, `clouds`. The commands themselves:
desktop.cli_export (`export`, `consent`), desktop.cli_request, desktop.cli_drafts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.cli_drafts import run_drafts
from desktop.cli_export import run_consent, run_export
from desktop.cli_request import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_RETIRED,
    EXIT_USAGE,
    run_request_filed,
    run_request_new,
)
from desktop.config.clouds import CLOUDS
from desktop.config.paths import cannot_write, unwritable
from desktop.services.backend import DEFAULT_CONCURRENCY, Backend
from desktop.services.export import WHATS
from desktop.services.filing import SEVERITIES
from desktop.store import DatabaseError, StoreError
from desktop.store.cache import EMBEDDED_SANDBOX_CUSTOMERS, EMBEDDED_SANDBOX_SEED
from desktop.store.db import local_problem

if TYPE_CHECKING:
    from desktop.auth.msal_provider import DeviceCode

COMMANDS = ("export", "consent", "clouds", "request", "drafts")

__all__ = ["EXIT_FATAL", "EXIT_OK", "EXIT_PARTIAL", "EXIT_RETIRED", "EXIT_USAGE", "main"]

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError("must be between 1 and 256")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="partner-desk", description="Partner Desk headless commands.")
    parser.add_argument("--version", action="version", version=f"partner-desk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    export = sub.add_parser(
        "export",
        help="export customers, health, incidents, messages (planned changes), requests or "
        "portals as CSV or JSON",
    )
    export.add_argument(
        "what",
        choices=WHATS,
        help="what to export, one row per customer and item: the customer list, their "
        "service health, incidents, message center posts, service requests, or admin portal "
        "links",
    )
    export.add_argument(
        "--format", choices=("csv", "json"), default="csv", help="csv (default) or json"
    )
    _add_bom(export)
    export.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    export.add_argument(
        "--sandbox-url",
        metavar="URL",
        help="use a running sandbox-compatible server instead of the embedded one",
    )
    export.add_argument(
        "--offline",
        action="store_true",
        help="no network: the rows of the last online export, from the local cache",
    )
    export.add_argument(
        "--concurrency",
        type=_positive,
        default=DEFAULT_CONCURRENCY,
        help=f"requests in flight during the sweep (default {DEFAULT_CONCURRENCY})",
    )
    export.add_argument(
        "--customers", type=_positive_count, default=None, help=argparse.SUPPRESS
    )  # size of the embedded sandbox, for demos/benches
    consent = sub.add_parser(
        "consent",
        help="allow Partner Desk in customer tenants (GDAP application consent)",
        description="Consent the Partner Desk app in one customer or in every customer, so "
        "that its service health and message center can be read (a customer consented before "
        "the message center is consented again). One row per customer: tenantId, companyName, "
        "result (allowed, already, refused, failed), reason. Exit 0 when every row is allowed "
        "or already, 3 otherwise.",
    )
    which = consent.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--customer", metavar="TENANT", type=_tenant_id, help="one customer's tenant id (a GUID)"
    )
    which.add_argument("--all", action="store_true", help="every customer of the partner")
    consent.add_argument("--format", choices=("csv", "json"), default="csv")
    _add_bom(consent)
    consent.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    consent.add_argument("--sandbox-url", metavar="URL")
    consent.add_argument(
        "--concurrency",
        type=_positive,
        default=DEFAULT_CONCURRENCY,
        help=f"customers consented at once (default {DEFAULT_CONCURRENCY})",
    )
    consent.add_argument("--customers", type=_positive_count, default=None, help=argparse.SUPPRESS)
    sub.add_parser("clouds", help="print the cloud profiles as JSON")
    request = sub.add_parser("request", help="service requests").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    new = request.add_parser(
        "new",
        help="file a service request for a customer",
        description="Try the create API (it files a partner ticket naming the customer, where "
        "Microsoft still accepts it); when Microsoft refuses it, keep the draft and print the "
        "customer's web form (exit 4) with the text to paste. Mark the draft filed afterwards "
        "with `partner-desk request filed`.",
    )
    new.add_argument(
        "--customer",
        required=True,
        metavar="TENANT",
        type=_tenant_id,
        help="customer tenant id (a GUID)",
    )
    new.add_argument("--title", required=True)
    new.add_argument("--severity", required=True, choices=tuple(SEVERITIES))
    new.add_argument("--description", required=True)
    new.add_argument("--topic", default="", metavar="ID", help="partner support topic id (API)")
    new.add_argument(
        "--service",
        default="",
        help="the service it is about, e.g. 'Exchange Online' or 'Azure' (chooses the form)",
    )
    new.add_argument("--contact-name", default="")
    new.add_argument("--contact-email", default="")
    new.add_argument("--cc", default="", help="e-mail addresses, comma-separated")
    new.add_argument("--sandbox-url", metavar="URL")
    filed = request.add_parser(
        "filed",
        help="mark a kept draft filed with Microsoft's request number (drops the draft)",
    )
    filed.add_argument("--draft", required=True, metavar="ID", help="the draft id `new` printed")
    filed.add_argument("--number", required=True, help="Microsoft's request number")
    _add_drafts(sub)
    return parser


def _add_drafts(sub: argparse._SubParsersAction[_Parser]) -> None:
    drafts = sub.add_parser(
        "drafts",
        help="service-request drafts kept on this machine: list, show, resume, discard",
        description="Drafts are kept until Microsoft confirms their request. ID: a draft's "
        "id, or the start of it that names one draft (as `drafts list` shows it).",
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    listing = drafts.add_parser("list", help="every kept draft, newest first, with its state")
    listing.add_argument("--json", action="store_true", help="as JSON, with full ids")
    show = drafts.add_parser("show", help="one draft in full")
    show.add_argument("id", metavar="ID")
    resume = drafts.add_parser(
        "resume",
        help="submit a kept draft (Microsoft's list is checked first if it was sent before)",
    )
    resume.add_argument("id", metavar="ID")
    resume.add_argument("--topic", default="", metavar="ID", help="partner support topic id")
    resume.add_argument("--sandbox-url", metavar="URL")
    discard = drafts.add_parser("discard", help="drop a draft")
    discard.add_argument("id", metavar="ID")
    discard.add_argument(
        "--force",
        action="store_true",
        help="also a draft that may already be with Microsoft (it could then be filed again)",
    )


def _add_bom(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--bom",
        action="store_true",
        help="start the CSV with a UTF-8 byte order mark, so that Excel on Windows reads "
        "its names (台中物流, Asesoría) as UTF-8 instead of the system code page",
    )


def _tenant_id(text: str) -> str:
    """A tenant id as Microsoft issues them: a GUID (a domain is not looked up)."""
    import uuid

    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a tenant id (a GUID, as `partner-desk export customers` lists them): {text!r}"
        ) from None


def _positive_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# A sandbox started with --auto-approve approves the code at the first poll: saying "open a
# browser" then would only be noise. Said when the code is still waiting after this long.
DEVICE_CODE_QUIET_S = 1.5


class _DeviceCodeNotice:
    """Prints the device code's message, once approval is seen to need the user."""

    def __init__(self) -> None:
        self._timers: list[threading.Timer] = []

    def __call__(self, code: DeviceCode) -> None:
        timer = threading.Timer(
            DEVICE_CODE_QUIET_S,
            lambda: print(f"partner-desk: {code.message}", file=sys.stderr, flush=True),
        )
        timer.daemon = True
        timer.start()
        self._timers.append(timer)

    def cancel(self) -> None:
        for timer in self._timers:
            timer.cancel()


@contextlib.contextmanager
def _backend(sandbox_url: str | None, concurrency: int, customers: int | None) -> Iterator[Backend]:
    """A backend signed in to `sandbox_url`'s Entra, or to an embedded sandbox's."""
    if sandbox_url:
        notice = _DeviceCodeNotice()
        try:
            backend = Backend.for_sandbox(
                sandbox_url, concurrency=concurrency, on_device_code=notice
            )
        finally:
            notice.cancel()
        try:
            yield backend
        finally:
            backend.close()
        return
    from desktop.auth.sandbox import key_identity, signing_key
    from desktop.config.paths import data_dir
    from desktop.sandbox import Sandbox  # only the embedded case pays for it

    # The seed is fixed so that the cache source (customer count and seed) is stable; the
    # signing key is kept so that the cached sign-in of the last run still works.
    key = signing_key(data_dir() / "sandbox")
    with Sandbox(
        customers=customers or EMBEDDED_SANDBOX_CUSTOMERS,
        seed=EMBEDDED_SANDBOX_SEED,
        signing_key=key,
        retired_create=True,  # as Microsoft answers today (API.md section 2)
    ) as sandbox:
        backend = Backend.for_sandbox(
            sandbox.url,
            ca_pem=sandbox.ca_pem,
            identity=key_identity(key),
            concurrency=concurrency,
        )
        try:
            yield backend
        finally:
            backend.close()


def clouds_json() -> list[dict[str, object]]:
    return [
        {
            "id": c.id,
            "name": c.name,
            "authority": c.authority_host,
            "partnerCenter": c.partner_center,
            "graph": c.graph,
            "portals": {p.id: p.template for p in c.portals},
            "gdap": c.gdap,
            "serviceRequests": c.service_requests,
            "serviceIncidents": c.service_incidents,
            "retired": c.retired,
        }
        for c in CLOUDS.values()
    ]


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    try:
        if args.command != "clouds":
            # Every other command keeps drafts, sign-ins or the cache: a folder it cannot
            # write (a read-only or full disk) is one line naming it, before anything else
            # says half of it (the window starts anyway: desktop.gui_stores).
            folder = unwritable()
            if folder is not None:
                print(f"partner-desk: {cannot_write(*folder)}", file=sys.stderr)
                return EXIT_FATAL
        return _run(args)
    except BrokenPipeError:
        raise  # the reader left (`| head`): desktop.app ends quietly
    except (StoreError, OSError, DatabaseError) as error:
        # A folder or file that cannot be written, a store locked by another program: one
        # line that names it and says what to do, never a traceback.
        print(f"partner-desk: {local_problem(error)}", file=sys.stderr)
        return EXIT_FATAL


def _run(args: argparse.Namespace) -> int:
    if args.command == "export":
        return run_export(args, _backend)
    if args.command == "request":
        if args.action == "new":
            return run_request_new(args, _backend)
        return run_request_filed(args)
    if args.command == "drafts":
        return run_drafts(args, _backend)
    if args.command == "consent":
        return run_consent(args, _backend)
    if args.command == "clouds":
        json.dump(clouds_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    return EXIT_USAGE
