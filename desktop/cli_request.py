"""`partner-desk request new` and `request filed`: escalate a customer's problem headless.

`new` tries the create API (a partner ticket naming the customer, where Microsoft still accepts
it); when Microsoft refuses, the draft is kept and the customer's web form is printed with the
text to paste (exit 4). `filed` records Microsoft's request number for a kept draft, which drops
it (desktop.filing, desktop.store.drafts). No Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable

from desktop.api.errors import ApiError
from desktop.auth import AuthError
from desktop.backend import Backend, new_correlation_id
from desktop.filing import (
    REQUEST_NUMBER_MAX,
    REQUEST_NUMBER_MIN,
    REQUEST_NUMBER_PROBLEM,
    CreateRetiredError,
    WebForm,
    clipboard_text,
    is_retired,
    request_number,
    validate,
    web_form,
)
from desktop.store import Draft, DraftStore
from desktop.submission import submit

# The exit codes of every headless command (desktop.cli's docstring says what they mean).
EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_RETIRED = 0, 1, 2, 3, 4

BackendFactory = Callable[[str | None, int, int | None], contextlib.AbstractContextManager[Backend]]


def run_request_new(args: argparse.Namespace, backend: BackendFactory) -> int:
    """File one request; prints {"id": ...}. Exit 2 invalid, 4 refused (prints the web form)."""
    try:
        return _request_new(args, backend)
    except AuthError as error:
        print(f"partner-desk: sign-in failed: {error.message} {error.next_step}", file=sys.stderr)
        return EXIT_FATAL


def _request_new(args: argparse.Namespace, make: BackendFactory) -> int:
    with make(args.sandbox_url, 4, None) as backend:
        try:
            detail = backend.customer_detail(args.customer)
        except ApiError as error:
            if error.status not in (400, 403, 404):
                print(f"partner-desk: the customer could not be read: {error}", file=sys.stderr)
                return EXIT_FATAL
            print(
                f"partner-desk: {args.customer} is not a customer of this partner "
                f"({error.summary})",
                file=sys.stderr,
            )
            return EXIT_USAGE
        api_open = True
        if not args.topic:
            try:
                topics = backend.pc.support_topics(new_correlation_id()).items
            except ApiError as error:
                if not is_retired(error):
                    print(f"partner-desk: support topics: {error}", file=sys.stderr)
                    return EXIT_FATAL
                topics, api_open = [], False
            if topics:
                known = "; ".join(f"{t.id} {t.name}" for t in topics[:12])
                print(
                    f"partner-desk: error: choose a topic with --topic ID ({known})",
                    file=sys.stderr,
                )
                return EXIT_USAGE
        draft = Draft.new(
            args.customer,
            detail.customer.company_name,
            title=args.title,
            severity=args.severity,
            topic_id=args.topic,
            topic_name=args.service,
            description=args.description,
            contact_name=args.contact_name,
            contact_email=args.contact_email,
            cc=args.cc,
            customer_domain=detail.customer.domain,
        )
        problems = validate(draft, for_api=api_open)
        if problems:
            for problem in problems:
                print(f"partner-desk: error: {problem.field}: {problem.message}", file=sys.stderr)
            return EXIT_USAGE
        store = DraftStore()  # the draft survives whatever happens to this process now
        store.save(draft)
        try:
            if not api_open:  # support topics refused: so is create (announced together)
                return _hand_over(web_form(backend.cloud, draft), draft, "support topics refused")
            created = submit(backend, store, draft.id)
        except CreateRetiredError as retired:
            return _hand_over(retired.form, draft, retired.detail)
        except ApiError as error:
            print(f"partner-desk: the request was not filed (draft kept): {error}", file=sys.stderr)
            return EXIT_FATAL
        finally:
            store.close()
    # The create API files the partner's own ticket (it names the customer in its text).
    json.dump({"id": created.id, "filed": "api", "partnerTicket": True}, sys.stdout)
    sys.stdout.write("\n")
    return EXIT_OK


def _hand_over(form: WebForm, draft: Draft, why: str) -> int:
    """Microsoft refused the API: the customer's web form, the text to paste, the draft id."""
    where = form.url or f"none ({form.reason})"
    print(
        f"partner-desk: Microsoft no longer files requests through its API ({why}). "
        f"The draft is kept; file it in the {form.name}: {where}\n"
        f"Then: partner-desk request filed --draft {draft.id} --number <Microsoft's number>",
        file=sys.stderr,
    )
    out = {
        "retired": True,
        "url": form.url,
        "form": form.name,
        "reason": form.reason,
        "draft": draft.id,
        "text": clipboard_text(draft),
    }
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_RETIRED


def run_request_filed(args: argparse.Namespace) -> int:
    """Record Microsoft's number for a kept draft: exit 2 for a number that is not one, 1 for
    an unknown draft."""
    number = request_number(args.number)
    if number is None:
        problem = REQUEST_NUMBER_PROBLEM.format(REQUEST_NUMBER_MIN, REQUEST_NUMBER_MAX)
        print(f"partner-desk: error: --number: {problem}", file=sys.stderr)
        return EXIT_USAGE
    store = DraftStore()
    try:
        filed = store.mark_filed(args.draft, number)
    except KeyError:
        print(f"partner-desk: no draft {args.draft} (filed already?)", file=sys.stderr)
        return EXIT_FATAL
    finally:
        store.close()
    json.dump(
        {"draft": filed.draft_id, "number": filed.number, "tenantId": filed.tenant_id}, sys.stdout
    )
    sys.stdout.write("\n")
    return EXIT_OK
