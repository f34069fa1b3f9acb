"""The real main window against a server that answers with numbers and text no widget should
take whole (issue 16, items 7 and 8).

- A 429 whose Retry-After is `inf`, `1e20` or a date days or millennia away: the customer
  list's health sweep ends (its slot raised OverflowError: a crash dialog), every row says
  "throttling", and each tab ends in a message with Retry, never on "Loading…" for good.
- A 5 MB company name, and 5 MB titles and names in incidents, planned changes, service
  requests and GDAP relationships: cut before any label, cell, tooltip or window title, and the
  window answers (a hang guard, not a timing test).

Real servers on loopback: the sandbox, behind the proxy that tampers with its answers
(`tests/faults/tampering.py`). Nothing here mocks `requests`.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import math
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.customers import Customer
from desktop.qt.models.table import RecordRole
from desktop.qt.text_limits import NAME_CHARS, TEXT_CHARS
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import ApiError, Backend
from desktop.store import DraftStore
from desktop.ui.errors import SECONDS_SHOWN_MAX_S, explain
from desktop.ui.main_window import MainWindow
from tests.faults.tampering import Answer, Change, TamperingProxy
from tests.ui.driving import holder_for, select_row

GRAPH = "/graph/v1.0"
ANNOUNCEMENTS = GRAPH + "/admin/serviceAnnouncement"
HEALTH = ANNOUNCEMENTS + "/healthOverviews"
RELATIONSHIPS = GRAPH + "/tenantRelationships/delegatedAdminRelationships"

MB = 1024 * 1024
HUGE = 5 * MB


# A path prefix (or a pattern) of the calls to tamper with, and what becomes of their answer.
Tamper = tuple[str | re.Pattern[str], Change]
ALWAYS = 10**9  # every such call for the whole test


def throttled(retry_after: str) -> Change:
    """429 with this Retry-After, in Graph's error shape (Partner Center reads it too)."""
    body = json.dumps({"error": {"code": "TooManyRequests", "message": "Too many requests."}})
    headers = (("Content-Type", "application/json"), ("Retry-After", retry_after))
    return lambda _answer: Answer(429, headers, body.encode())


def edited(edit: Callable[[Any], None]) -> Change:
    """A successful JSON answer, changed in place by `edit`; any other answer as it was."""

    def change(answer: Answer) -> Answer:
        if answer.status != 200:
            return answer
        data = json.loads(answer.body)
        edit(data)
        return replace(answer, body=json.dumps(data).encode())

    return change


class Rig:
    """A sandbox of its own behind a tampering proxy, and the main window on the proxy, with
    the app's own clients (the CA fetched on loopback, as with --sandbox-url)."""

    def __init__(self, qtbot: QtBot, sandbox: Sandbox, rules: list[Tamper]) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.proxy = TamperingProxy.before(sandbox).__enter__()
        for path, change in rules:
            self.proxy.tamper("GET", path, change, count=ALWAYS)
        self.worker = Worker()
        self.backend = Backend.for_sandbox(self.proxy.url, concurrency=4)
        self.drafts = DraftStore()  # the test's own data folder (tests/conftest.py)
        self.holder = holder_for(self.worker, self.backend, lambda _url: True, mode="sandbox",
                                 drafts=self.drafts)  # fmt: skip
        self.window: MainWindow | None = None

    def open(self) -> MainWindow:
        window = self.window = MainWindow(self.holder)
        self.qtbot.addWidget(window)
        window.show()
        with self.qtbot.waitSignal(window.directory.loaded, timeout=20000):
            self.worker.spawn(window.load_customers())
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.cancel_sweep()
            self.window.close()
        self.worker.shutdown(wait=True)
        self.backend.close()
        self.drafts.close()
        self.proxy.__exit__(None, None, None)
        self.sandbox.stop()

    def customers(self) -> list[Customer]:
        assert self.window is not None
        model = self.window.customers.model
        return [model.index(r, 0).data(RecordRole) for r in range(model.rowCount())]

    def gdap_customer(self) -> Customer:
        return next(c for c in self.customers() if self.sandbox.data.graph_allowed(c.tenant_id))

    def select(self, customer: Customer) -> None:
        assert self.window is not None
        row = self.window.customers.model.row_of(customer.tenant_id)
        assert row is not None
        select_row(self.window, row)

    def settle(self) -> None:
        """Until no tab is loading: a tab left on "Loading…" fails here."""
        window = self.window
        assert window is not None
        self.qtbot.waitUntil(
            lambda: all(p.state != "loading" for p in window.panes()), timeout=15000
        )


@pytest.fixture
def make_rig(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[Any]:
    made: list[Rig] = []

    def make(rules: list[Tamper], **sandbox_args: Any) -> Rig:
        args = {"customers": 4, "seed": 5, "consented": "all", **sandbox_args}
        rig = Rig(qtbot, Sandbox(**args).start(), rules)
        made.append(rig)
        return rig

    yield make
    for rig in made:
        rig.close()


def http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


# -- item 7: numbers from the server, clamped before they are shown or scheduled -----------------

RETRY_AFTER = {
    "inf": "inf",
    "1e20": "1e20",
    "1e308": "1e308",
    "10 days as an HTTP date": http_date(10 * 24 * 3600),
    "the year 9999 as an HTTP date": "Fri, 31 Dec 9999 23:59:59 GMT",
    "a day and a minute in seconds": str(24 * 3600 + 60),
}
_SECONDS = re.compile(r"(\d[\d,.\u00a0\u202f ]*)\s+seconds")


def assert_wait_readable(detail: str) -> None:
    """A wait is said in seconds only when it is short; a longer one is a time, or "later"."""
    assert len(detail) <= TEXT_CHARS, len(detail)
    for number in _SECONDS.findall(detail):
        assert int(re.sub(r"\D", "", number)) <= SECONDS_SHOWN_MAX_S, detail


@pytest.mark.parametrize("retry_after", RETRY_AFTER.values(), ids=RETRY_AFTER.keys())
def test_a_huge_retry_after_ends_in_messages_with_retry(make_rig: Any, retry_after: str) -> None:
    rig: Rig = make_rig([(HEALTH, throttled(retry_after))])
    window = rig.open()
    # The list's health sweep ends by itself (its slot raised OverflowError: a crash dialog).
    with rig.qtbot.waitSignal(window.sweep.board.finished, timeout=15000) as done:
        pass
    assert done.args == [False]
    customer = rig.gdap_customer()
    summary = window.customers.model.health(customer.tenant_id)
    assert summary is not None
    assert summary.error == "Microsoft is throttling requests", summary
    # A throttled customer's tabs end in content or a message with Retry, never "Loading…".
    rig.select(customer)
    rig.settle()
    overview = window.overview
    assert overview.state == "ready"
    assert overview._stack.currentWidget() is overview._content
    pane = window.health
    assert pane.state == "error"
    assert pane._stack.currentWidget() is pane._message
    assert pane._message.title.text() == "Microsoft is throttling requests"
    assert pane._message.retry.isVisibleTo(pane)
    assert_wait_readable(pane._message.detail.text())
    # Retry, once the server lets go, loads the tab.
    rig.proxy.clear()
    pane._message.retry.click()
    rig.qtbot.waitUntil(lambda: pane.state == "ready", timeout=15000)
    assert pane.model.rowCount() > 0


def test_a_customer_list_throttled_for_ever_says_so_and_f5_reads_it_again(
    make_rig: Any, qtbot: QtBot
) -> None:
    """The list's error path explained the 429 too: it raised, and "Loading customers…" stayed
    with no way to try again but restarting."""
    rig: Rig = make_rig([("/v1/customers", throttled("inf"))])
    window = MainWindow(rig.holder)
    rig.window = window
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.directory.loaded, timeout=20000) as loaded:
        rig.worker.spawn(window.load_customers())
    assert loaded.args == [-1]
    placeholder = window.customers.view.placeholder()
    assert placeholder.startswith("Microsoft is throttling requests"), placeholder
    assert "F5" in placeholder
    rig.proxy.clear()
    with qtbot.waitSignal(window.directory.loaded, timeout=20000) as again:
        window.actions_by_name["refresh"].trigger()
    assert again.args == [4]


@pytest.mark.parametrize(
    "retry_after",
    [math.inf, -math.inf, math.nan, 1e20, 1e308, 10**400, -5.0, 0.0, None, 2.0, 3600.0, 864000.0],
)
def test_explain_says_any_wait_without_raising(qapp: object, retry_after: Any) -> None:
    """Whatever the HTTP layer lets through (desktop/api/http.py clamps it too), the presenter
    says it without raising, and without a number of seconds no one can wait."""
    error = ApiError("Too many requests.", status=429, retry_after=retry_after)
    explained = explain(error, "service health")
    assert explained.title == "Microsoft is throttling requests"
    assert explained.retry
    assert "Try again" in explained.detail
    assert_wait_readable(explained.detail)


def _relationships(edit: dict[str, Any]) -> Tamper:
    """Every GDAP relationship of the partner-wide list with these fields."""

    def change(page: Any) -> None:
        for rel in page.get("value", []):
            rel.update(edit)

    return re.compile("^" + re.escape(RELATIONSHIPS) + r"(\?|$)"), edited(change)


def test_a_gdap_extension_past_any_number_is_shown(make_rig: Any) -> None:
    """`autoExtendDuration` with 400 nines reads as an infinite number of days: the list's GDAP
    column raised OverflowError in every paint and the overview stayed on "Loading…"."""
    rig: Rig = make_rig([_relationships({"autoExtendDuration": "P" + "9" * 400 + "D"})])
    window = rig.open()
    model = window.customers.model
    customer = rig.gdap_customer()
    rig.qtbot.waitUntil(lambda: model.gdap(customer.tenant_id) is not None, timeout=15000)
    row = model.row_of(customer.tenant_id)
    assert row is not None
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            model.index(row, column).data(role)
    window.customers.view.viewport().repaint()
    rig.select(customer)
    rig.settle()
    assert window.overview.state == "ready"
    shown = window.overview.view.toPlainText()
    # The count of days is clamped (gdap.MAX_EXTENSION_DAYS), not 400 nines long.
    for days in re.findall(r"(\d[\d,.\u00a0\u202f]*) day", shown):
        assert len(re.sub(r"\D", "", days)) <= 6, shown
    assert "Extends automatically" in shown


# -- item 8: long text from the server, cut before any widget -------------------------------------


def test_a_5_mb_company_name_is_cut_before_the_header(make_rig: Any, qtbot: QtBot) -> None:
    names = {0: "Contoso " + "A" * HUGE, 1: "Fabrikam " * (HUGE // 9)}
    rig: Rig = make_rig([], company_names=names)
    window = rig.open()
    model = window.customers.model
    huge = [c for c in rig.customers() if len(c.company_name) > MB]
    assert len(huge) == 2  # the records keep them whole: only what is shown is cut
    for customer in huge:
        rig.select(customer)
        rig.settle()
        qtbot.wait(50)  # the header and the list paint
        header = window.header.title.text()
        assert len(header) <= NAME_CHARS, len(header)
        assert header.startswith(customer.company_name[:100])
        assert header.endswith("…")
        assert len(window.header.subtitle.text()) <= 3 * NAME_CHARS
        row = model.row_of(customer.tenant_id)
        assert row is not None
        assert model.index(row, 0).data() == header
    # The new-request dialog's window title names the customer: cut too.
    from desktop.ui.dialogs.new_request import NewRequestDialog

    window.requests_desk.new_request()
    qtbot.waitUntil(lambda: bool(window.findChildren(NewRequestDialog)), timeout=10000)
    [dialog] = window.findChildren(NewRequestDialog)
    try:
        assert len(dialog.windowTitle()) <= NAME_CHARS + 40
    finally:
        dialog.close()
    # The search finds a customer by what its row shows.
    window.customers.search.setText("fabrikam fabrikam")
    assert model.rowCount() == 1


BIG = "Mail flow " + "x" * HUGE


def _first(key: str, **fields: Any) -> Any:
    """The first item of a page gets these fields (a filter could hide the others)."""

    def change(page: Any) -> None:
        items = page.get(key) if isinstance(page, dict) else None
        if items:
            items[0].update(fields)

    return change


def test_5_mb_titles_are_cut_in_every_tab(make_rig: Any) -> None:
    rules: list[Tamper] = [
        (
            ANNOUNCEMENTS + "/issues",
            # A new id: an issue already read is not parsed again (issue_versions).
            edited(
                _first(
                    "value",
                    id="EX999999",
                    title=BIG,
                    isResolved=False,
                    status="serviceDegradation",
                )
            ),
        ),
        (ANNOUNCEMENTS + "/messages", edited(_first("value", title=BIG))),
        (
            re.compile(r"^/v1/customers/[^/?]+/servicerequests(\?|$)"),
            edited(_first("items", title=BIG)),
        ),
    ]
    rig: Rig = make_rig(rules)
    window = rig.open()
    customer = rig.gdap_customer()
    rig.select(customer)
    rig.settle()
    checked = 0
    for pane in window.panes():
        table = getattr(pane, "model", None)
        if type(pane).__name__ not in ("IncidentsPane", "MessagesPane", "RequestsPane"):
            continue
        assert pane.state == "ready", (type(pane).__name__, pane.error)
        assert table is not None
        assert table.rowCount() >= 1, type(pane).__name__
        texts = [
            str(table.index(r, c).data(role) or "")
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            )
        ]
        assert any(t.startswith("Mail flow xxx") for t in texts), type(pane).__name__
        longest = max(map(len, texts))
        assert longest <= TEXT_CHARS + 20, (type(pane).__name__, longest)  # 20: <qt> markup
        checked += 1
    assert checked >= 2


def test_a_5_mb_gdap_name_is_cut_in_the_list_and_the_overview(make_rig: Any) -> None:
    rig: Rig = make_rig([_relationships({"displayName": "GDAP " + BIG})])
    window = rig.open()
    model = window.customers.model
    customer = rig.gdap_customer()
    rig.qtbot.waitUntil(lambda: model.gdap(customer.tenant_id) is not None, timeout=15000)
    row = model.row_of(customer.tenant_id)
    assert row is not None
    from desktop.qt.models.customers import GDAP

    tooltip = str(model.index(row, GDAP).data(Qt.ItemDataRole.ToolTipRole))
    assert "GDAP Mail flow" in tooltip
    assert len(tooltip) <= TEXT_CHARS + 20, len(tooltip)
    rig.select(customer)
    rig.settle()
    overview = window.overview.view.toPlainText()
    assert "GDAP Mail flow" in overview
    assert len(overview) < 20 * NAME_CHARS, len(overview)
