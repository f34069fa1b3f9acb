"""`partner-desk export` and `consent`: a sweep of every customer, written as CSV or JSON.
No Qt.

`export` reads each customer's records through the backend (filling the cache as it goes) or,
with `--offline`, from the cache alone; `consent` allows Partner Desk in customer tenants and
remembers each outcome, so that exports say "refused" instead of suggesting a consent that
fails again. The exit codes are desktop.cli's.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from desktop.api.errors import ApiError
from desktop.auth import AuthError
from desktop.cli_request import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    BackendFactory,
)
from desktop.domain.parsing import format_time
from desktop.services.atomic_file import atomic_text
from desktop.services.export import (
    COLUMNS,
    Row,
    cached_rows,
    collect,
    refused_consents,
    tally_failures,
    write_csv,
    write_json,
)
from desktop.store import Cache, DatabaseError, StoreError, sandbox_source
from desktop.store.cache import CONSENT, CUSTOMERS, EMBEDDED_SANDBOX_CUSTOMERS
from desktop.store.db import local_problem


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


def _bom_misused(args: argparse.Namespace) -> bool:
    """`--bom` with JSON: a byte order mark is for spreadsheets reading CSV (said, exit 2)."""
    if getattr(args, "bom", False) and args.format != "csv":
        print("partner-desk: error: --bom is for --format csv", file=sys.stderr)
        return True
    return False


def run_export(args: argparse.Namespace, make: BackendFactory) -> int:
    if _bom_misused(args):
        return EXIT_USAGE
    if args.offline:
        return run_export_offline(args)
    progress = _ProgressLine(args.what, sys.stderr)
    cache = _open_cache()
    source = _cache_source(args)
    try:
        with make(args.sandbox_url, args.concurrency, args.customers) as backend:
            listing = backend.customers()
            for error in listing.errors:
                print(f"warning: customer list {error}", file=sys.stderr)
            with contextlib.ExitStack() as stack:
                writer = None
                if cache is not None:
                    writer = stack.enter_context(cache.writer(source))
                    errors = [str(e) for e in listing.errors]
                    writer.record(CUSTOMERS, None, items=listing.items, item_errors=errors)
                rows, _failed = collect(
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
    return _finish_export(args, rows, len(listing.items))


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
    return _finish_export(args, cached.rows, cached.customers)


def _utc(when: float) -> str:
    return format_time(datetime.fromtimestamp(when, timezone.utc))


def _write(args: argparse.Namespace, rows: Sequence[Row], columns: tuple[str, ...]) -> bool:
    """Rows as CSV or JSON, to `--out` or standard output; False (said in one line) when the
    file could not be written."""
    writer = write_csv if args.format == "csv" else write_json
    # `--bom`: Excel on Windows reads a CSV without one in the system code page (issue 18).
    bom = "\ufeff" if args.format == "csv" and getattr(args, "bom", False) else ""
    if args.out:
        # Through a temporary file of its own beside the target, then renamed: never half a
        # file, and never through a name someone could plant a link under (atomic_file.py).
        try:
            with atomic_text(Path(args.out)) as out:
                out.write(bom)
                writer(rows, columns, out)
        except OSError as error:
            reason = error.strerror or str(error)
            print(f"partner-desk: cannot write {args.out}: {reason}", file=sys.stderr)
            return False
    else:
        sys.stdout.reconfigure(encoding="utf-8", newline="")  # type: ignore[union-attr]
        sys.stdout.write(bom)
        writer(rows, columns, sys.stdout)
        sys.stdout.flush()
    return True


def _finish_export(args: argparse.Namespace, rows: list[Row], customers: int) -> int:
    """Exit 0 when every error row is a customer's no-GDAP or no-consent state (the rows say
    it), 3 when a customer really failed (issue 18)."""
    if not _write(args, rows, COLUMNS[args.what]):
        return EXIT_FATAL
    failed, states = tally_failures(rows)
    if states:
        print(
            f"partner-desk: {states} of {customers} customers without GDAP access or consent "
            "for this (a state, not a failure); see the error column",
            file=sys.stderr,
        )
    if failed:
        print(
            f"partner-desk: {failed} of {customers} customers failed; see the error column",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    return EXIT_OK


def run_consent(args: argparse.Namespace, make: BackendFactory) -> int:
    """`partner-desk consent`: rows of tenantId, companyName, result, reason."""
    if _bom_misused(args):
        return EXIT_USAGE
    from desktop.services import consent

    progress = _ProgressLine("consent", sys.stderr)
    consents: list[consent.Consent] = []
    try:
        with make(args.sandbox_url, args.concurrency, args.customers) as backend:
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
        + f" ({sum(1 for c in consents if c.why == consent.NO_GDAP)} of the refused without GDAP)",
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
