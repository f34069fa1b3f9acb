"""`partner-desk drafts list|show|resume|discard`: the service-request drafts kept on this
machine, headless. No Qt.

A draft is kept until Microsoft confirms its request (desktop.store.drafts). `list` shows each
with where it stands (STATE: not sent; sent, not confirmed; filed, number unknown), `show` one
in full, `resume` submits it as `request new` would (Microsoft's list checked first when a
submission began before; the same exit codes), `discard` drops it (`--force` for one that may
already be with Microsoft: without it, discarding would let the same request be filed again).
Every draft is named by its id or by a prefix of it that names one draft (the table's ID).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import replace

from desktop.auth import AuthError
from desktop.cli_request import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_USAGE,
    BackendFactory,
    DraftsError,
    api_status,
    file_draft,
    find_draft,
    local_time,
    open_drafts,
    state_words,
)
from desktop.services.filing import validate
from desktop.store import Draft

# The table's columns are cut to these widths (terminal cells) so that a row fits in 120.
ID_WIDTH = 8  # enough to name one draft among thousands; the full id in `show` and --json
CUSTOMER_WIDTH = 24
TITLE_WIDTH = 44
# Escape sequences, other controls and bidi overrides in names and texts (customer names come
# from the API) would be run by the terminal or reorder the line: each shown as a space.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def run_drafts(args: argparse.Namespace, backend: BackendFactory) -> int:
    try:
        if args.action == "list":
            return _list(args.json)
        if args.action == "show":
            return _show(args.id)
        if args.action == "resume":
            return _resume(args, backend)
        return _discard(args.id, args.force)
    except DraftsError as error:
        print(f"partner-desk: the drafts file could not be used: {error}", file=sys.stderr)
        return EXIT_FATAL
    except AuthError as error:
        print(f"partner-desk: sign-in failed: {error.message} {error.next_step}", file=sys.stderr)
        return EXIT_FATAL


def _list(as_json: bool) -> int:
    with open_drafts() as store:
        drafts = store.all()
    if as_json:
        json.dump([_as_json(d) for d in drafts], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not drafts:
        print("No drafts kept.")
        return EXIT_OK
    rows = [("ID", "UPDATED", "STATE", "CUSTOMER", "TITLE")]
    for draft in drafts:
        rows.append(
            (
                draft.id[:ID_WIDTH],
                local_time(draft.updated),
                state_words(draft),
                _cut(draft.customer_name or draft.tenant_id, CUSTOMER_WIDTH),
                _cut(draft.title.strip() or "(untitled)", TITLE_WIDTH),
            )
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [_pad(cell, width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]))
    return EXIT_OK


def _show(text: str) -> int:
    with open_drafts() as store:
        draft, code = find_draft(store, text)
    if draft is None:
        return code
    customer = ", ".join(p for p in (draft.customer_domain, draft.tenant_id) if p)
    lines = [
        ("Draft", draft.id),
        ("Customer", f"{draft.customer_name} ({customer})"),
        ("State", _state_sentence(draft)),
        ("Title", draft.title.strip()),
        ("Severity", draft.severity),
        ("Service", draft.topic_name),
        ("Support topic", draft.topic_id),
        ("Incident", draft.incident_id),
        ("Contact", f"{draft.contact_name} {draft.contact_email}".strip()),
        ("CC", draft.cc),
        ("Request id", draft.request_id),
        ("Updated", local_time(draft.updated)),
    ]
    for label, value in lines:
        if value:
            print(f"{label + ':':<15}{_one_line(value)}")
    print()
    print(_CONTROLS.sub(" ", draft.description.replace("\t", "    ")).rstrip())
    return EXIT_OK


def _state_sentence(draft: Draft) -> str:
    if draft.landed is not None:
        return (
            f"filed, number unknown: Microsoft accepted it {local_time(draft.landed)} but its "
            f"answer could not be read; `partner-desk drafts resume {draft.id[:ID_WIDTH]}` "
            "looks its number up (it is never sent again)"
        )
    if draft.first_attempt is not None:
        return (
            f"sent, not confirmed: first sent {local_time(draft.first_attempt)}; "
            f"`partner-desk drafts resume {draft.id[:ID_WIDTH]}` checks Microsoft's list "
            "before sending it again"
        )
    return "not sent"


def _resume(args: argparse.Namespace, make: BackendFactory) -> int:
    with open_drafts() as store:
        draft, code = find_draft(store, args.id)
        if draft is None:
            return code
        if args.topic:
            draft = store.save(replace(draft, topic_id=args.topic))
        with make(args.sandbox_url, 4, None) as backend:
            if draft.landed is not None or draft.submitted:
                # Filed, or sent before: its topic and text were checked when it was first
                # sent, and the submission looks Microsoft's list up before any new create.
                # Asking the topics again cost a call and could refuse a draft on its way.
                return file_draft(backend, store, draft, api_open=True)
            api_open, stop = api_status(backend, draft.topic_id)
            if stop is not None:
                return stop
            problems = validate(draft, for_api=api_open)
            if problems:
                for problem in problems:
                    print(
                        f"partner-desk: error: {problem.field}: {problem.message}",
                        file=sys.stderr,
                    )
                return EXIT_USAGE
            return file_draft(backend, store, draft, api_open)


def _discard(text: str, force: bool) -> int:
    with open_drafts() as store:
        draft, code = find_draft(store, text)
        if draft is None:
            return code
        if draft.submitted and not force:
            print(
                f"partner-desk: draft {draft.id} may already be with Microsoft "
                f"({state_words(draft)}); discarding it would let the same request be filed "
                f"again. Look it up first (partner-desk drafts resume {draft.id[:ID_WIDTH]}), "
                "or discard it anyway with --force.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        store.delete(draft.id)
    print(f"Discarded draft {draft.id}: {_one_line(draft.title.strip() or '(untitled)')}")
    return EXIT_OK


def _as_json(draft: Draft) -> dict[str, object]:
    return {
        "id": draft.id,
        "tenantId": draft.tenant_id,
        "customer": draft.customer_name,
        "title": draft.title,
        "state": state_words(draft),
        "severity": draft.severity,
        "service": draft.topic_name,
        "requestId": draft.request_id,
        "firstSent": draft.first_attempt,
        "landed": draft.landed,
        "updated": draft.updated,
    }


def _one_line(text: str) -> str:
    return " ".join(_CONTROLS.sub(" ", text).split())


def _cell_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(text: str) -> int:
    return sum(_cell_width(c) for c in text)


def _cut(text: str, width: int) -> str:
    """`text` on one line in at most `width` terminal cells, "…" where it was cut."""
    text = _one_line(text)
    if _width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        cells = _cell_width(char)
        if used + cells > width - 1:
            break
        out.append(char)
        used += cells
    return "".join(out).rstrip() + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


__all__ = ["run_drafts"]
