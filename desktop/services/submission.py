"""Submitting a draft through the create API exactly once, across retries, runs and windows.
No Qt.

Promises (DESIGN.md "Data that must never be lost"):

- The draft stays in the local store until Microsoft confirms the request; nothing typed is lost.
- One request, never two. The first attempt fixes an `MS-RequestId`; a create that may have
  landed (a dropped connection, a timeout, an answer cut off) is resent with the id of the
  attempt it may have landed with, and before any resubmission (then, after a crash
  mid-submit, or in a later run) the partner's own list (where the create API files) is
  searched for a request with the draft's title created since the first attempt; if it is
  there, that is the answer. If that list cannot be read, nothing is sent:
  `UnconfirmedError`, the draft kept. After an answer that says nothing was filed (429, 5xx, a
  refusal), the next submission gets a new id: Partner Center may replay the answer it cached
  for the old one (API.md section 2). The id to send next is kept in the draft store, so a
  restart resends the right one.
- A create that Microsoft accepted (a 2xx) but whose answer cannot be read is filed: the draft
  is marked `landed` (number unknown) and kept, the list is searched for its number, and it is
  never created again.
- One draft per request: the same request typed again (same customer, title and description,
  `desktop.store.drafts.fingerprint`) carries on with the kept draft (`resume_kept`), so the
  checks above see the earlier attempts instead of starting from nothing.
- One sender per draft, across processes: a submission holds the draft's sending lock
  (desktop.store.sending) from the first read to the last write. Another Partner Desk that
  tries meanwhile is told at once (`DraftBusyError`); one that comes after reads the draft
  again under the lock, and a draft filed meanwhile is said to be filed (`AlreadyFiledError`),
  never sent again.
- A refusal of create (404/405/410 or "decommissioned") leads to the customer's web form with
  the draft kept and its text to paste, never a dead end (`CreateRetiredError`).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timezone

from desktop.api.errors import CANCELLED, MALFORMED, NETWORK
from desktop.api.http import UNTRUSTED
from desktop.domain.parsing import RecordError
from desktop.domain.service_requests import ServiceRequest
from desktop.services.backend import ApiError, Backend, new_correlation_id
from desktop.services.filing import (
    CreateRetiredError,
    clipboard_text,
    is_retired,
    request_body,
    request_number,
    web_form,
)
from desktop.store.drafts import API, Draft, DraftStore, Filed, plain
from desktop.store.sending import DraftBusyError

log = logging.getLogger(__name__)

# A request created up to this long before the first attempt still counts as ours (clock skew
# between this machine and Microsoft's).
CLOCK_SKEW_S = 300.0
ATTEMPTS = 4


class UnconfirmedError(ApiError):
    """The request may have reached Microsoft (or did: `landed`), and it could not be
    confirmed: nothing more was sent, and the draft is kept to be checked again later.

    `check` is why Microsoft's request list could not be read (None: it was read, and the
    request is not in it yet); `lost` is how the create's own answer was lost, if it was in
    this submission."""

    def __init__(
        self,
        draft: Draft,
        *,
        landed: bool,
        check: ApiError | None,
        lost: ApiError | None = None,
    ) -> None:
        if landed:
            head = "Microsoft accepted the request, but its answer could not be read"
            tail = (
                "Nothing will be sent again: the draft is kept, marked as filed with its "
                "number unknown."
            )
        elif lost is not None:
            head = f"The request may have reached Microsoft (its answer was lost: {lost.summary})"
            tail = "Nothing more was sent; the draft is kept."
        else:
            head = "An earlier try of this request may have reached Microsoft"
            tail = "Nothing was sent again; the draft is kept."
        if check is not None:
            middle = f"and its request list could not be checked ({check.summary})"
        else:
            middle = "and it is not in its request list yet"
        source = check or lost
        super().__init__(
            f"{head}, {middle}. {tail}",
            status=source.status if source else None,
            code=source.code if source else "",
            kind=source.kind if source else NETWORK,
            request_id=source.request_id if source else "",
            retry_after=source.retry_after if source else None,
            url=source.url if source else "",
            ambiguous=True,
        )
        self.draft_id = draft.id
        self.landed = landed
        self.check = check
        self.lost = lost


class AlreadyFiledError(Exception):
    """The draft was filed meanwhile (by another window, or another Partner Desk): nothing was
    sent again. `filed` is its filing record."""

    def __init__(self, filed: Filed) -> None:
        super().__init__(
            f"This draft was already filed as request {filed.number}; it was not sent again."
        )
        self.filed = filed


def resume_kept(store: DraftStore, draft: Draft) -> tuple[Draft, bool]:
    """The draft to submit for `draft`, saved: a kept draft of the same request (same customer,
    title and description) when there is one to carry on with, else `draft` itself. True when
    a kept one is resumed.

    A kept draft whose submission began (it may be with Microsoft) always wins over one that
    was never sent; a draft never stored (a command run again) resumes any kept one. The one
    resumed takes `draft`'s other fields (severity, contacts...) and, if it was never sent,
    its title and description as typed this time; `draft`, if it was stored and never sent,
    goes: its text lives on in the one resumed."""
    current = store.get(draft.id)
    if current is not None and current.submitted:
        return store.save(draft), False
    twins = [d for d in store.with_fingerprint(draft.content_fingerprint) if d.id != draft.id]
    kept = next((d for d in twins if d.submitted), None)
    if kept is None and current is None and twins:
        kept = twins[0]
    if kept is None:
        return store.save(draft), False
    if kept.submitted:  # what Microsoft may have is what the list check looks for
        draft = replace(draft, title=kept.title, description=kept.description)
    resumed = store.save(replace(draft, id=kept.id))
    if current is not None:
        store.delete(current.id)
    log.info("draft %s resumes kept draft %s (the same request)", draft.id, kept.id)
    return resumed, True


def submit(
    backend: Backend,
    store: DraftStore,
    draft_id: str,
    cancel: threading.Event | None = None,
) -> ServiceRequest:
    """File the draft once through the create API (a partner ticket naming the customer);
    the draft is replaced by its filing record only when the request is confirmed.

    Raises `CreateRetiredError` (with the web form); `UnconfirmedError` when the request may
    be (or is) with Microsoft but could not be confirmed; or `ApiError` (nothing was filed;
    the draft stays, with its request id, for a retry); `DraftBusyError` when another Partner
    Desk is sending it now, `AlreadyFiledError` when it was filed meanwhile (nothing sent).
    """
    with store.sending(draft_id):
        # Read again under the lock: what another Partner Desk did before it let go counts.
        filed = store.filed_draft(draft_id)
        if filed is not None:
            raise AlreadyFiledError(filed)
        return _submit(backend, store, draft_id, cancel)


def _submit(
    backend: Backend, store: DraftStore, draft_id: str, cancel: threading.Event | None
) -> ServiceRequest:
    before = store.get(draft_id)
    if before is None:
        raise KeyError(draft_id)
    draft = store.begin_submission(draft_id)
    cid = new_correlation_id()
    if draft.landed is not None:
        return _look_up(backend, store, draft, cid)
    # A submission that began before this one (in this window, an earlier run, before a crash)
    # may have landed: Microsoft's list first.
    resumed = before.submitted
    lost: ApiError | None = None
    for attempt in range(ATTEMPTS):
        if attempt > 0 or resumed:
            existing = _check(backend, draft, cid, lost)
            if existing is not None:
                log.info("request %s had landed before the retry", existing.id)
                store.mark_filed(draft.id, existing.id, API)
                return existing
        if cancel is not None and cancel.is_set():
            raise ApiError("Submission cancelled; the draft is kept.", kind=CANCELLED)
        try:
            reply = backend.pc.create_request(request_body(draft), cid, draft.request_id)
        except ApiError as error:
            if _accepted(error):
                log.warning("create accepted, answer unreadable: %s", error.summary)
                return _look_up(backend, store, store.mark_landed(draft.id), cid)
            maybe = _may_have_landed(error)
            draft = _next_request_id(store, draft, error, maybe)
            if is_retired(error):
                raise CreateRetiredError(
                    web_form(backend.cloud, draft), clipboard_text(draft), error.message
                ) from None
            if not maybe:
                raise
            log.info("create may have landed (%s); checking before a retry", error.kind)
            lost = error
            continue
        created = _created(reply.body)
        if created is None:
            # A success without a readable request: it exists; find its number.
            log.warning("create answered %s without a readable request", reply.status)
            return _look_up(backend, store, store.mark_landed(draft.id), cid)
        store.mark_filed(draft.id, created.id, API)
        return created
    # Every try may have landed: one last look before giving up.
    existing = _check(backend, draft, cid, lost)
    if existing is not None:
        store.mark_filed(draft.id, existing.id, API)
        return existing
    raise UnconfirmedError(draft, landed=False, check=None, lost=lost)


def _accepted(error: ApiError) -> bool:
    """Whether a failed create was accepted all the same: a success status whose body could
    not be read (the session raises that as MALFORMED without a status and, unlike a body cut
    off, as not ambiguous: the status line said it was done)."""
    if error.status is not None:
        return 200 <= error.status < 300
    return error.kind == MALFORMED and error.answered and not error.ambiguous


def _may_have_landed(error: ApiError) -> bool:
    """Whether a failed create may have been carried out: no answer, or one whose status could
    not be read (a body past a budget, cut off...). Only an error status, a refused connection
    or an untrusted certificate (nothing was sent) says it was not; anything else is checked
    against the list before another try, which costs one read where guessing wrong costs a
    second request."""
    if error.ambiguous:
        return True
    if error.status is not None or error.kind == CANCELLED:
        return False
    return error.name not in ("refused", UNTRUSTED)


def _check(
    backend: Backend, draft: Draft, cid: str, lost: ApiError | None
) -> ServiceRequest | None:
    """`find_landed`, or `UnconfirmedError` when the list cannot be read: never a create
    that could be the second."""
    try:
        return find_landed(backend, draft, cid)
    except ApiError as error:
        if error.kind == CANCELLED:
            raise
        raise UnconfirmedError(draft, landed=False, check=error, lost=lost) from None


def _look_up(backend: Backend, store: DraftStore, draft: Draft, cid: str) -> ServiceRequest:
    """A landed draft's request, from Microsoft's list; `UnconfirmedError` (landed) while it
    cannot be found there. Never creates."""
    try:
        found = find_landed(backend, draft, cid)
    except ApiError as error:
        if error.kind == CANCELLED:
            raise
        raise UnconfirmedError(draft, landed=True, check=error) from None
    if found is None:
        raise UnconfirmedError(draft, landed=True, check=None)
    log.info("landed draft %s is request %s", draft.id, found.id)
    store.mark_filed(draft.id, found.id, API)
    return found


def _next_request_id(store: DraftStore, draft: Draft, error: ApiError, maybe: bool) -> Draft:
    """The draft with the `MS-RequestId` its next submission must send, kept in the store.

    When the create may have landed, that is the id of the attempt it may have landed with
    (the session itself gives a write a new id after a 429 or 503, so this may not be the
    first one): resent, it can only be answered as that request. When an answer said nothing
    was filed, a new id, so the service cannot replay that answer."""
    fresh = str(uuid.uuid4())
    request_id = (error.sent_request_id or draft.request_id) if maybe else fresh
    if request_id == draft.request_id:
        return draft
    return store.set_request_id(draft.id, request_id)


def find_landed(backend: Backend, draft: Draft, cid: str) -> ServiceRequest | None:
    """A request with the draft's title (in any case and spacing) created since the first
    attempt, in the partner's own list: where the create API files (API.md section 2)."""
    since = (draft.first_attempt or time.time()) - CLOCK_SKEW_S
    title = plain(draft.title).casefold()
    for request in backend.requests(None, cid).items:
        created = request.created
        if plain(request.title).casefold() != title or created is None:
            continue
        stamp = created if created.tzinfo else created.replace(tzinfo=timezone.utc)
        if stamp >= datetime.fromtimestamp(since, timezone.utc):
            return request
    return None


def _created(body: object) -> ServiceRequest | None:
    """The request a create answered with, or None when the answer does not hold a readable
    one with a request number as Microsoft issues them."""
    if not isinstance(body, Mapping) or not (body.get("id") or body.get("Id")):
        return None
    try:
        created = ServiceRequest.from_json(body)
    except (RecordError, TypeError, ValueError, AttributeError) as error:
        log.warning("the create's answer is not a request: %s", error)
        return None
    return created if request_number(created.id) == created.id else None


__all__ = [
    "ATTEMPTS",
    "CLOCK_SKEW_S",
    "AlreadyFiledError",
    "DraftBusyError",
    "UnconfirmedError",
    "find_landed",
    "resume_kept",
    "submit",
]
