"""Which service health issues the user should hear about, each exactly once. No Qt.

A `NoticeBook` compares a tenant's fresh issues with what it saw before (kept per source in the
cache's notices store, `desktop.store.notices`) and returns notices for:

- `new`: an issue not seen before for that tenant that is active (unresolved);
- `status`: an issue seen before whose status changed (resolved, restoring service, ...).

What was seen and what was noticed are written in the same transaction as the comparison, so a
notice is given once: never twice, not across restarts, not when two sweeps overlap. (At most
once: a process killed between the commit and the tray showing it loses that one notice.)

The first observation of a tenant (nothing seen for it yet: a first run, a new customer, a
rebuilt cache) records its issues silently: a partner with hundreds of customers would otherwise
get a notice for every open issue of every customer at first start. `notify_first=True` turns
that off. Rules that filter a notice out still mark the issue seen: changing the rules later
does not bring old news back.

One Microsoft issue usually touches many customers: the notices are per tenant, `by_issue`
groups them for a tray message ("EX123456 touches 14 customers").

Message center posts give one more kind, `due`: a major change whose action is due within the
days the user chose (`observe_messages`). Those are per *message*, never per customer × message:
one notice names every customer the post concerns (`Notice.tenants`), and is given once per
action date (Microsoft moving the date gives a new one).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Set
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.health import HealthIssue
from desktop.domain.parsing import format_time
from desktop.domain.service_messages import PlannedChange
from desktop.store.cache import Cache
from desktop.store.notices import DUE, MESSAGE, Notice, NoticeKind, joined

__all__ = [
    "DUE",
    "MESSAGE",
    "Notice",
    "NoticeBook",
    "NoticeKind",
    "NoticeRules",
    "by_issue",
]


@dataclass(frozen=True)
class NoticeRules:
    """Which notices to give: only these services / tenants (None: all). Case is ignored."""

    services: Set[str] | None = None
    tenants: Set[str] | None = None

    def allows(self, tenant_id: str, service: str) -> bool:
        if self.services is not None and service.casefold() not in {
            s.casefold() for s in self.services
        }:
            return False
        return self.tenants is None or tenant_id.lower() in {t.lower() for t in self.tenants}


class NoticeBook:
    """Thread-safe through the cache's lock; call from the worker, not the GUI thread. What it
    decides is kept in the cache's notices store (`desktop.store.notices`)."""

    def __init__(
        self,
        cache: Cache,
        source: str,
        rules: NoticeRules | None = None,
        *,
        notify_first: bool = False,
    ) -> None:
        self.store = cache.notices(source)
        self.source = source
        self.rules = rules or NoticeRules()
        self.notify_first = notify_first

    def observe(self, tenant_id: str, issues: Iterable[HealthIssue]) -> list[Notice]:
        """The notices a tenant's current issues give; they are recorded as given."""
        return self.observe_many([(tenant_id, issues)])

    def observe_many(
        self, observations: Iterable[tuple[str, Iterable[HealthIssue]]]
    ) -> list[Notice]:
        """`observe` for many tenants in one transaction (a sweep's batch)."""
        now = time.time()
        notices: list[Notice] = []
        rules = self.rules
        with self.store.transaction() as ledger:
            for tenant_id, issues in observations:
                first = not ledger.observed(tenant_id)
                seen = ledger.seen(tenant_id)
                for issue in {i.id: i for i in issues}.values():  # last of a repeated id wins
                    old = seen.get(issue.id)
                    notice: Notice | None = None
                    if old is None:
                        if issue.active and (self.notify_first or not first):
                            notice = _notice("new", tenant_id, issue, None)
                    elif old != issue.status:
                        notice = _notice("status", tenant_id, issue, old)
                    ledger.see(tenant_id, issue.id, issue.status, format_time(issue.last_modified))
                    if notice is not None and rules.allows(tenant_id, issue.service):
                        notices.append(notice)
                        ledger.give(notice, now)
                if first:
                    ledger.observe(tenant_id, now)
        return notices

    def observe_messages(
        self, changes: Iterable[PlannedChange], now: datetime, days: int
    ) -> list[Notice]:
        """One `due` notice per major change whose action is due within `days` (0: none),
        naming the customers it concerns that the rules allow; each once per action date."""
        if days <= 0:
            return []
        notices: list[Notice] = []
        stamp = time.time()
        with self.store.transaction() as ledger:
            for change in changes:
                message = change.message
                if not (message.is_major_change and message.action_due_within(now, days)):
                    continue
                services = message.services or ("",)
                tenants = [
                    t for t in change.tenants if any(self.rules.allows(t, s) for s in services)
                ]
                due = format_time(message.action_required_by)
                if not tenants or ledger.given(message.id, DUE, due):
                    continue
                notice = Notice(
                    kind=DUE,
                    issue_id=message.id,
                    title=message.title,
                    service=", ".join(message.services),
                    tenant_id=joined(tenants),
                    old_status=None,
                    new_status=due,
                    classification=MESSAGE,
                )
                notices.append(notice)
                ledger.give(notice, stamp)
        return notices

    def recent(self, limit: int = 100) -> list[tuple[float, Notice]]:
        """The notices given for this source, newest first, with when they were given."""
        return self.store.recent(limit)


def by_issue(notices: Iterable[Notice]) -> dict[tuple[str, str, str | None, str], list[Notice]]:
    """Notices grouped by (issue id, kind, old status, new status), in first-seen order."""
    groups: dict[tuple[str, str, str | None, str], list[Notice]] = {}
    for notice in notices:
        key = (notice.issue_id, notice.kind, notice.old_status, notice.new_status)
        groups.setdefault(key, []).append(notice)
    return groups


def _notice(kind: NoticeKind, tenant_id: str, issue: HealthIssue, old: str | None) -> Notice:
    return Notice(
        kind=kind,
        issue_id=issue.id,
        title=issue.title,
        service=issue.service,
        tenant_id=tenant_id,
        old_status=old,
        new_status=issue.status,
        classification=issue.classification,
    )
