"""`partner-desk request new` and `request filed`: escalate a customer's problem headless.

`new` tries the create API (a partner ticket naming the customer, where Microsoft still accepts
it); when Microsoft refuses, the draft is kept and the customer's web form is printed with the
text to paste (exit 4). `filed` records Microsoft's request number for a kept draft, which drops
it (desktop.services.filing, desktop.store.drafts). No Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from datetime import datetime

from desktop.api.errors import ApiError
from desktop.auth import AuthError
from desktop.services.backend import Backend, new_correlation_id
from desktop.services.filing import (
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
from desktop.services.submission import (
    AlreadyFiledError,
    DraftBusyError,
    UnconfirmedError,
    resume_kept,
    submit,
)
from desktop.store import DatabaseError, Draft, DraftStore
from desktop.store.drafts import API, WEB

# The exit codes of every headless command (desktop.cli's docstring says what they mean).
EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_RETIRED = 0, 1, 2, 3, 4
# The request may be (or is) with Microsoft but is not confirmed: nothing more was sent, the
# draft is kept; running the command again checks and finishes.
EXIT_UNCONFIRMED = 5

BackendFactory = Callable[[str | None, int, int | None], contextlib.AbstractContextManager[Backend]]


def run_request_new(args: argparse.Namespace, backend: BackendFactory) -> int:
    """File one request; prints {"id": ...}. Exit 2 invalid, 4 refused (prints the web form),
    5 not confirmed (the draft kept; run again to check and finish)."""
    try:
        return _request_new(args, backend)
    except AuthError as error:
        print(f"partner-desk: sign-in failed: {error.message} {error.next_step}", file=sys.stderr)
        return EXIT_FATAL
    except DraftsError as error:
        print(f"partner-desk: the drafts file could not be used: {error}", file=sys.stderr)
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
                f"partner-desk: error: --customer {args.customer} is not a customer of this "
                f"partner ({error.summary})",
                file=sys.stderr,
            )
            return EXIT_USAGE
        api_open, stop = api_status(backend, args.topic)
        if stop is not None:
            return stop
        candidate = Draft.new(
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
        problems = validate(candidate, for_api=api_open)
        if problems:
            for problem in problems:
                print(f"partner-desk: error: {problem.field}: {problem.message}", file=sys.stderr)
            return EXIT_USAGE
        with open_drafts() as store:
            # Saved before anything is sent: the draft survives whatever happens to this
            # process now. The same request run again carries on with its kept draft.
            draft, resumed = resume_kept(store, candidate)
            if resumed:
                where = state_words(draft)
                if draft.first_attempt is not None:
                    where += f", first sent {local_time(draft.first_attempt)}"
                print(
                    f"partner-desk: carrying on with kept draft {draft.id} ({where}): the "
                    "same customer, title and description",
                    file=sys.stderr,
                )
            try:
                code = file_draft(backend, store, draft, api_open, made_here=not resumed)
            except AuthError:
                # Nothing was sent without a token: the draft this call made would be an
                # orphan nobody was told about (issue 18).
                if not resumed:
                    store.delete(draft.id)
                raise
            return code


def api_status(backend: Backend, topic: str) -> tuple[bool, int | None]:
    """Whether the create API is open here, and the exit code if the command must stop: no
    `topic` where Microsoft lists support topics (they are printed), or unreadable topics.
    Microsoft refuses the topics exactly where it refuses the create (announced together)."""
    try:
        topics = backend.pc.support_topics(new_correlation_id()).items
    except ApiError as error:
        if not is_retired(error):
            print(f"partner-desk: support topics: {error}", file=sys.stderr)
            return False, EXIT_FATAL
        return False, None  # refused with the create: the web form, whatever the topic
    if not topics:
        return True, None
    known = "; ".join(f"{t.id} {t.name}" for t in topics[:12])
    if not topic:
        print(f"partner-desk: error: choose a topic with --topic ID ({known})", file=sys.stderr)
        return True, EXIT_USAGE
    if topic.strip() not in {t.id for t in topics}:
        # Named before anything is saved or sent: Microsoft would refuse it (issue 18).
        print(
            f"partner-desk: error: --topic {topic!r} is not a support topic Microsoft lists "
            f"({known})",
            file=sys.stderr,
        )
        return True, EXIT_USAGE
    return True, None


def file_draft(
    backend: Backend, store: DraftStore, draft: Draft, api_open: bool, made_here: bool = False
) -> int:
    """Submit a stored draft and say how it went: exit 0 (prints the id), 4 (the web form), 5
    (may be or is filed, not confirmed), 1 (not filed). `made_here`: this command made the
    draft, so a refusal that filed nothing drops it (nothing is left that no one asked to
    keep); a draft kept from before stays."""
    try:
        if not api_open and not draft.submitted:
            return _hand_over(web_form(backend.cloud, draft), draft, "support topics refused")
        created = submit(backend, store, draft.id)
    except CreateRetiredError as retired:
        return _hand_over(retired.form, draft, retired.detail)
    except UnconfirmedError as error:
        return _unconfirmed(error)
    except DraftBusyError as error:
        print(f"partner-desk: {error} Nothing was sent from here.", file=sys.stderr)
        return EXIT_FATAL
    except AlreadyFiledError as error:
        print(f"partner-desk: {error}", file=sys.stderr)
        json.dump({"id": error.filed.number, "filed": error.filed.channel}, sys.stdout)
        sys.stdout.write("\n")
        return EXIT_OK
    except ApiError as error:
        # Not UnconfirmedError (above): Microsoft's answer said nothing was filed.
        if made_here:
            store.delete(draft.id)
            print(
                f"partner-desk: the request was not filed (no draft kept: run the same command "
                f"again): {error}",
                file=sys.stderr,
            )
            return EXIT_FATAL
        print(
            f"partner-desk: the request was not filed (draft {draft.id} kept): {error}",
            file=sys.stderr,
        )
        return EXIT_FATAL
    # The create API files the partner's own ticket (it names the customer in its text).
    json.dump({"id": created.id, "filed": "api", "partnerTicket": True}, sys.stdout)
    sys.stdout.write("\n")
    return EXIT_OK


def _unconfirmed(error: UnconfirmedError) -> int:
    draft = error.draft_id
    if error.landed:
        then = (
            f"To look its number up later: partner-desk drafts resume {draft}; with Microsoft's "
            f"number: partner-desk request filed --draft {draft} --number <number>"
        )
    else:
        then = (
            f"Run the same command again later (or: partner-desk drafts resume {draft}): "
            "Microsoft's list is checked before anything is sent."
        )
    print(f"partner-desk: {error.message}\n{then}", file=sys.stderr)
    json.dump({"draft": draft, "confirmed": False, "landed": error.landed}, sys.stdout)
    sys.stdout.write("\n")
    return EXIT_UNCONFIRMED


def state_words(draft: Draft) -> str:
    """Where a kept draft stands, in a few words (the `drafts` commands' STATE)."""
    if draft.landed is not None:
        return "filed, number unknown"
    if draft.first_attempt is not None:
        return "sent, not confirmed"
    if draft.to_send is not None:
        return "to send when online"
    return "not sent"


def local_time(when: float | None) -> str:
    if when is None:
        return "-"
    return datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M")


class DraftsError(Exception):
    """The drafts file could not be opened or used (say so in one line, never a traceback)."""


@contextlib.contextmanager
def open_drafts() -> Iterator[DraftStore]:
    """The draft store, closed on exit; a file that cannot be used raises DraftsError."""
    try:
        store = DraftStore()
    except (DatabaseError, OSError) as error:
        raise DraftsError(str(error)) from None
    try:
        yield store
    except DatabaseError as error:
        raise DraftsError(str(error)) from None
    finally:
        store.close()


def find_draft(store: DraftStore, text: str) -> tuple[Draft | None, int]:
    """The kept draft `text` names: its id, or a prefix of it that names one draft (as the
    `drafts list` table shows them). Otherwise None and the exit code, said on stderr: 1 for
    no such draft, 2 for a prefix of several."""
    wanted = text.strip().lower()
    exact = store.get(wanted) if wanted else None
    if exact is not None:
        return exact, EXIT_OK
    matches = [d for d in store.all() if wanted and d.id.lower().startswith(wanted)]
    if len(matches) == 1:
        return matches[0], EXIT_OK
    if not matches:
        print(f"partner-desk: no draft {text} (filed already?)", file=sys.stderr)
        return None, EXIT_FATAL
    ids = ", ".join(d.id for d in matches[:5])
    print(
        f"partner-desk: {text} names {len(matches)} drafts ({ids}): give more of its id",
        file=sys.stderr,
    )
    return None, EXIT_USAGE


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
    try:
        with open_drafts() as store:
            draft, code = find_draft(store, args.draft)
            if draft is None:
                return code
            # A draft whose create Microsoft accepted (number unknown) was filed through the API.
            filed = store.mark_filed(draft.id, number, API if draft.landed else WEB)
    except DraftsError as error:
        print(f"partner-desk: the drafts file could not be used: {error}", file=sys.stderr)
        return EXIT_FATAL
    except KeyError:
        print(f"partner-desk: no draft {args.draft} (filed already?)", file=sys.stderr)
        return EXIT_FATAL
    json.dump(
        {"draft": filed.draft_id, "number": filed.number, "tenantId": filed.tenant_id}, sys.stdout
    )
    sys.stdout.write("\n")
    return EXIT_OK
