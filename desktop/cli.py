"""Headless commands: `export`, `consent`, `clouds`, `request new`, `request filed` and
`drafts`. Same backend as the GUI, no Qt imported.

Exit codes: 0 every customer succeeded; 3 some customers failed (their rows carry `error`);
2 usage error; 1 the run could not start (for example the customer list itself failed, or
`--offline` found nothing cached) or its `--out` file could not be written. `request new` and
`drafts resume` also: 4 Microsoft refuses the create API (the customer's web form is printed);
5 the request may be (or is) with Microsoft but is not confirmed: nothing more was sent, the
draft is kept.

A live export also fills the cache (`desktop.store.cache`) under the source of the server it
read: `sandbox:<customers>:<seed>` for the embedded sandbox, `sandbox:<url>` with
`--sandbox-url`. `export --offline` reads the same source from the cache alone.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from desktop import __version__
from desktop.api.errors import ApiError
from desktop.auth import AuthError
from desktop.cli_drafts import run_drafts
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
from desktop.domain.parsing import format_time
from desktop.services.atomic_file import atomic_text
from desktop.services.backend import DEFAULT_CONCURRENCY, Backend
from desktop.services.export import (
    COLUMNS,
    WHATS,
    Row,
    cached_rows,
    collect,
    refused_consents,
    write_csv,
    write_json,
)
from desktop.services.filing import SEVERITIES
from desktop.store import Cache, DatabaseError, StoreError, sandbox_source
from desktop.store.cache import (
    CONSENT,
    CUSTOMERS,
    EMBEDDED_SANDBOX_CUSTOMERS,
    EMBEDDED_SANDBOX_SEED,
)
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
    export.add_argument("what", choices=WHATS)
    export.add_argument("--format", choices=("csv", "json"), default="csv")
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
    new.add_argument("--customer", required=True, metavar="TENANT", help="customer tenant id")
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


class _ProgressLine:
    """`health: 412/1000 done, 3 failed` redrawn in place on a terminal's stderr."""

    def __init__(self, what: str, stream: IO[str]) -> None:
        self.what = what
        self.stream = stream
        self.enabled = stream.isatty()
        self._lock = threading.Lock()

    def __call__(self, done: int, failed: int, total: int) -> None:
        if not self.enabled:
            return
        with self._lock:
            self.stream.write(f"\r{self.what}: {done}/{total} done, {failed} failed ")
            self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def _stopped(error: BaseException, progress: _ProgressLine, reading: str) -> int:
    """One line for what ended a headless run early, and its exit code."""
    progress.finish()
    if isinstance(error, KeyboardInterrupt):
        print("partner-desk: cancelled", file=sys.stderr)
        return 130
    if isinstance(error, AuthError):
        print(f"partner-desk: sign-in failed: {error.message} {error.next_step}", file=sys.stderr)
    else:
        print(f"partner-desk: {reading} could not be read: {error}", file=sys.stderr)
    return EXIT_FATAL


def _cache_source(args: argparse.Namespace) -> str:
    if args.sandbox_url:
        return sandbox_source(args.sandbox_url)
    return sandbox_source(customers=args.customers or EMBEDDED_SANDBOX_CUSTOMERS)


def _open_cache() -> Cache | None:
    """The cache, or None (with a warning) when it cannot be opened: exports work without it."""
    try:
        cache = Cache()
    except (StoreError, DatabaseError, OSError) as error:
        print(f"warning: the cache cannot be used: {local_problem(error)}", file=sys.stderr)
        return None
    if cache.notice is not None:
        print(f"warning: {cache.notice.message}", file=sys.stderr)
    return cache


def run_export(args: argparse.Namespace) -> int:
    if args.offline:
        return run_export_offline(args)
    progress = _ProgressLine(args.what, sys.stderr)
    cache = _open_cache()
    source = _cache_source(args)
    try:
        with _backend(args.sandbox_url, args.concurrency, args.customers) as backend:
            listing = backend.customers()
            for error in listing.errors:
                print(f"warning: customer list {error}", file=sys.stderr)
            with contextlib.ExitStack() as stack:
                writer = None
                if cache is not None:
                    writer = stack.enter_context(cache.writer(source))
                    errors = [str(e) for e in listing.errors]
                    writer.record(CUSTOMERS, None, items=listing.items, item_errors=errors)
                rows, failed = collect(
                    backend,
                    args.what,
                    listing.items,
                    concurrency=args.concurrency,
                    progress=progress,
                    cache=writer,
                    refused=refused_consents(cache, source) if cache is not None else None,
                )
    except (ApiError, AuthError, KeyboardInterrupt) as error:
        return _stopped(error, progress, "the customer list")
    finally:
        if cache is not None:
            cache.close()
    progress.finish()
    return _finish_export(args, rows, failed, len(listing.items))


def run_export_offline(args: argparse.Namespace) -> int:
    cache = _open_cache()
    if cache is None:
        return EXIT_FATAL
    try:
        cached = cached_rows(cache, _cache_source(args), args.what)
        listing = cache.entry(_cache_source(args), CUSTOMERS, None) if cached is None else None
    finally:
        cache.close()
    if cached is None:
        if listing is not None and listing.unreadable:
            print(
                f"partner-desk: the cached customer list could not be read ({listing.failure}); "
                "run once online",
                file=sys.stderr,
            )
        else:
            print("partner-desk: no cached data; run once online", file=sys.stderr)
        return EXIT_FATAL
    print(
        f"partner-desk: offline: customer list as of {_utc(cached.fetched)}",
        file=sys.stderr,
    )
    return _finish_export(args, cached.rows, cached.failed, cached.customers)


def _utc(when: float) -> str:
    return format_time(datetime.fromtimestamp(when, timezone.utc))


def _write(args: argparse.Namespace, rows: Sequence[Row], columns: tuple[str, ...]) -> bool:
    """Rows as CSV or JSON, to `--out` or standard output; False (said in one line) when the
    file could not be written."""
    writer = write_csv if args.format == "csv" else write_json
    if args.out:
        # Through a temporary file of its own beside the target, then renamed: never half a
        # file, and never through a name someone could plant a link under (atomic_file.py).
        try:
            with atomic_text(Path(args.out)) as out:
                writer(rows, columns, out)
        except OSError as error:
            reason = error.strerror or str(error)
            print(f"partner-desk: cannot write {args.out}: {reason}", file=sys.stderr)
            return False
    else:
        sys.stdout.reconfigure(encoding="utf-8", newline="")  # type: ignore[union-attr]
        writer(rows, columns, sys.stdout)
        sys.stdout.flush()
    return True


def _finish_export(args: argparse.Namespace, rows: list[Row], failed: int, customers: int) -> int:
    if not _write(args, rows, COLUMNS[args.what]):
        return EXIT_FATAL
    if failed:
        print(
            f"partner-desk: {failed} of {customers} customers failed; see the error column",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    return EXIT_OK


def run_consent(args: argparse.Namespace) -> int:
    """`partner-desk consent`: rows of tenantId, companyName, result, reason."""
    from desktop.services import consent

    progress = _ProgressLine("consent", sys.stderr)
    consents: list[consent.Consent] = []
    try:
        with _backend(args.sandbox_url, args.concurrency, args.customers) as backend:
            if args.customer:
                try:
                    detail = backend.customer_detail(args.customer)
                except ApiError as error:
                    if error.status not in (400, 404):
                        raise
                    print(
                        f"partner-desk: {args.customer} is not a customer of this partner "
                        f"({error.summary})",
                        file=sys.stderr,
                    )
                    return EXIT_USAGE
                consents.append(consent.allow(backend, detail.customer))
            else:
                listing = backend.customers()
                for problem in listing.errors:
                    print(f"warning: customer list {problem}", file=sys.stderr)
                total = len(listing.items)
                by_index: dict[int, consent.Consent] = {}
                for outcome in consent.allow_all(
                    backend, listing.items, concurrency=args.concurrency
                ):
                    by_index[outcome.index] = consent.from_outcome(outcome)
                    failed = sum(1 for c in by_index.values() if not c.ok)
                    progress(len(by_index), failed, total)
                consents = [by_index[i] for i in sorted(by_index)]
    except (ApiError, AuthError, KeyboardInterrupt) as error:
        return _stopped(error, progress, "the customers")
    progress.finish()
    _remember_consents(_cache_source(args), consents)
    if not _write(args, [c.row() for c in consents], consent.COLUMNS):
        return EXIT_FATAL
    counts = consent.tally(consents)
    print(
        "partner-desk: consent: "
        + ", ".join(f"{counts[r]} {r}" for r in consent.RESULTS)
        + f" ({sum(1 for c in consents if c.why == 'no_gdap')} of the refused without GDAP)",
        file=sys.stderr,
    )
    return EXIT_OK if all(c.ok for c in consents) else EXIT_PARTIAL


def _remember_consents(source: str, consents: Sequence[Any]) -> None:
    """Each customer's consent outcome in the cache: exports then say "refused" where
    allowing Partner Desk was refused, instead of suggesting a consent that fails again."""
    cache = _open_cache()
    if cache is None:
        return
    try:
        with cache.writer(source) as writer:
            for outcome in consents:
                kept = {"result": outcome.result, "why": outcome.why, "reason": outcome.reason}
                writer.record(CONSENT, outcome.tenant_id.lower(), items=[kept])
    finally:
        cache.close()
    if writer.dropped:
        print(f"warning: consent results not cached: {writer.problem}", file=sys.stderr)


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
        return run_export(args)
    if args.command == "request":
        if args.action == "new":
            return run_request_new(args, _backend)
        return run_request_filed(args)
    if args.command == "drafts":
        return run_drafts(args, _backend)
    if args.command == "consent":
        return run_consent(args)
    if args.command == "clouds":
        json.dump(clouds_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    return EXIT_USAGE
