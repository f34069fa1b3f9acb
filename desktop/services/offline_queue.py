"""Drafts asked to be sent while offline, sent once the app is online again. No Qt, blocking.

In `--offline` nothing leaves the machine (desktop.services.offline): asking to file a draft
there keeps it, marked to send (`DraftStore.mark_to_send`), and says it will be sent when
online (issue 18). Once a session is online, `send_queued` files each marked draft through the
create API exactly once (desktop.services.submission) where Microsoft still accepts it (its
support topics load and the draft names one of them). Where it does not, the draft stays
marked: Microsoft's web form needs the user, who finds it under Requests → Drafts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from desktop.auth import AuthError
from desktop.services.backend import ApiError, Backend, new_correlation_id
from desktop.services.filing import CreateRetiredError, is_retired, validate
from desktop.services.submission import UnconfirmedError, submit
from desktop.store.drafts import Draft, DraftStore

log = logging.getLogger(__name__)


@dataclass
class QueueReport:
    """What `send_queued` did: request numbers filed, drafts left for the web form (or not
    valid for the API), drafts whose sending failed or is not confirmed (still marked)."""

    filed: list[str] = field(default_factory=list)
    for_web_form: list[Draft] = field(default_factory=list)
    failed: list[Draft] = field(default_factory=list)


def queued(store: DraftStore) -> list[Draft]:
    """The drafts marked to send, oldest request first."""
    return sorted((d for d in store.all() if d.to_send is not None), key=lambda d: d.to_send or 0)


def send_queued(backend: Backend, store: DraftStore) -> QueueReport:
    """File the drafts marked to send; never call on an offline session."""
    report = QueueReport()
    waiting = queued(store)
    if not waiting:
        return report
    try:
        topics = {t.id for t in backend.pc.support_topics(new_correlation_id()).items}
    except ApiError as error:
        if not is_retired(error):
            log.info("queued drafts not sent: support topics unreadable (%s)", error)
            report.failed.extend(waiting)
            return report
        topics = set()  # Microsoft refuses the API: each one goes to its web form
    for draft in waiting:
        if draft.topic_id not in topics or validate(draft, for_api=True):
            report.for_web_form.append(draft)
            continue
        try:
            created = submit(backend, store, draft.id)
        except CreateRetiredError:
            report.for_web_form.append(draft)
        except (UnconfirmedError, ApiError, AuthError) as error:
            log.warning("queued draft %s not sent: %s", draft.id, error)
            report.failed.append(draft)
        else:
            report.filed.append(created.id)
    return report


__all__ = ["QueueReport", "queued", "send_queued"]
