"""Regenerate the README screenshots from the real window on the embedded sandbox.

    xvfb-run -a -s "-screen 0 2800x1800x24" uv run python docs/screenshots/take.py

Runs the app as `partner-desk` does (desktop.gui builds the loop, the sandbox and the window)
with a scenario that picks customers from what the window itself shows and grabs each tab.
One run per variant, each in its own process (one QApplication each): English (every tab), then
German and Traditional Chinese (`--lang`), and German at 200 % (`QT_SCALE_FACTOR=2`, the
window at its usual 1280×800 logical size, so twice that in pixels). `take.py VARIANT` runs one;
`take.py messages` only the message center's shots (English; they are part of "en" too).
`take.py review` an incident whose posts are text with paragraphs and whose review is
published (Download review), and Partner Center's partner-level context.
`take.py read-only-home` the window started on a data folder it cannot write (the strip that
says drafts are kept in memory); as root, the run gives up overriding file permissions.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from desktop import gui
from desktop.domain.customers import Customer
from desktop.qt.models.table import RecordRole
from desktop.self_test import show_customer

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.windows.dashboard import DashboardWindow

HERE = Path(__file__).resolve().parent
# variant -> (arguments for partner-desk, extra environment)
VARIANTS: dict[str, tuple[list[str], dict[str, str]]] = {
    "en": (["--lang", "en"], {}),
    "de": (["--lang", "de"], {}),
    "zh_TW": (["--lang", "zh_TW"], {}),
    "de-200": (["--lang", "de"], {"QT_SCALE_FACTOR": "2"}),
    "messages": (["--lang", "en"], {}),
    "review": (["--lang", "en"], {}),
    # Only the GDAP window's shots (also part of "en"): `take.py gdap` to check them quickly.
    "gdap": (["--lang", "en"], {}),
    "read-only-home": (["--lang", "en", "--customers", "40"], {}),
    # Only the dashboard scrolled right (also part of "en").
    "dashboard": (["--lang", "en"], {}),
}
# Not in a run of every variant: "en" takes these shots too.
PART_OF_EN = ("messages", "gdap", "dashboard")
SIZE = (1280, 800)
SWEEP_TIMEOUT = 60.0
SETTLE_S = 0.3  # layouts and repaints after a selection or a tab change, before grabbing


def is_cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" for ch in text)  # kana and CJK ideographs


def listed(window: MainWindow) -> list[tuple[int, Customer]]:
    model = window.customers.model
    return [(row, model.index(row, 0).data(RecordRole)) for row in range(model.rowCount())]


async def select(window: MainWindow, row: int) -> None:
    await show_customer(window, row)
    await asyncio.sleep(SETTLE_S)


def grab(window: MainWindow, name: str) -> None:
    if not window.grab().save(str(HERE / name)):
        raise RuntimeError(f"could not write {HERE / name}")
    print(f"wrote docs/screenshots/{name}")


async def load_with_health(window: MainWindow) -> None:
    """Load the customers and wait until the health sweep has filled the Health column."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(_cancelled: bool) -> None:
        if not done.done():
            done.set_result(None)

    window.sweep.board.finished.connect(finished)
    if await asyncio.wait_for(window.load_customers(), 60) <= 0:
        raise RuntimeError("no customers loaded")
    try:
        await asyncio.wait_for(done, SWEEP_TIMEOUT)
    except asyncio.TimeoutError:
        raise RuntimeError(f"the health sweep took longer than {SWEEP_TIMEOUT:.0f} s") from None


async def open_dashboard(window: MainWindow) -> DashboardWindow:
    """The dashboard on what the list's sweep found; a sweep under way is waited for."""
    dashboard = window.show_dashboard()
    if dashboard.running:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        dashboard.sweep_done.connect(lambda _stopped: done.done() or done.set_result(None))
        await asyncio.wait_for(done, SWEEP_TIMEOUT)
    return dashboard


async def pick_busy_customer(window: MainWindow) -> list[tuple[int, Customer]]:
    """Select a customer with GDAP access, incidents and service requests (a CJK name first)."""
    rows = listed(window)
    health = window.customers.model.health
    busy = [(r, c) for r, c in rows if (s := health(c.tenant_id)) and not s.error and s.incidents]
    busy.sort(key=lambda rc: not is_cjk(rc[1].company_name))
    for row, _customer in busy:
        await select(window, row)
        if all(p.state == "ready" for p in window.panes()) and all(
            pane.model.rowCount() for pane in (window.incidents, window.requests)
        ):
            return rows
    raise RuntimeError("no customer with GDAP access, incidents and service requests")


async def shoot_dashboard_scrolled(window: MainWindow) -> None:
    """The dashboard narrower than its services, scrolled right: the customer column stays,
    the services' names read upwards, whole."""
    dashboard = await open_dashboard(window)
    dashboard.resize(*SIZE)
    await asyncio.sleep(SETTLE_S)
    view = dashboard.grid_view
    view.selectRow(2)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    await asyncio.sleep(SETTLE_S)
    grab(dashboard, "dashboard-scrolled-right.png")
    dashboard.close()


async def shoot_translated(window: MainWindow, variant: str) -> None:
    """The main window on two tabs and the dashboard, in the variant's language."""
    window.resize(*SIZE)
    await load_with_health(window)
    await pick_busy_customer(window)
    for pane, tab in ((window.health, "health"), (window.incidents, "incidents")):
        window.tabs.setCurrentWidget(pane)
        await asyncio.sleep(SETTLE_S)
        grab(window, f"{variant}-{tab}.png")
    if variant.endswith("-200"):
        return
    await shoot_consent(window, listed(window), f"{variant}-")
    dashboard = await open_dashboard(window)
    dashboard.incident_view.selectRow(0)
    await asyncio.sleep(SETTLE_S)
    grab(dashboard, f"{variant}-dashboard.png")
    dashboard.close()


async def shoot_consent(window: MainWindow, rows: list[tuple[int, Customer]], prefix: str) -> None:
    """A customer where Partner Desk is not yet allowed (its Health tab offers to allow it);
    then Account > Allow Partner Desk in all customers, mid-run and at the end."""
    from desktop.ui.dialogs.consent_dialog import ConsentDialog

    health = window.customers.model.health
    waiting = next(
        (r for r, c in rows if (s := health(c.tenant_id)) and s.failure == "not_consented"),
        None,
    )
    if waiting is None:
        raise RuntimeError("no customer awaits consent: nothing to show")
    window.tabs.setCurrentWidget(window.health)
    await select(window, waiting)
    grab(window, f"{prefix}consent-needed.png")
    dialog = ConsentDialog(window.holder, window.directory.customers, window)
    dialog.show()
    await asyncio.sleep(SETTLE_S)
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished_run.connect(lambda n: done.done() or done.set_result(n))
    # The embedded sandbox answers in no time: each consent call waits a little, as Partner
    # Center's do, so that the run can be seen half-way.
    await slow_consent_calls(window)
    dialog.start()
    while dialog.running and len(dialog.results) < 60:  # the first answers are in
        await asyncio.sleep(0.02)
    if not dialog.running:
        raise RuntimeError("the consent run ended before it could be shown half-way")
    grab_widget(dialog, f"{prefix}consent-running.png")
    await asyncio.wait_for(done, SWEEP_TIMEOUT)
    await asyncio.sleep(SETTLE_S)
    grab_widget(dialog, f"{prefix}consent-done.png")
    dialog.close()


async def slow_consent_calls(window: MainWindow) -> None:
    """The sandbox's fault injection (a control endpoint): consent calls take 0.4 s each."""
    backend = window.holder.session.backend
    url = backend.cloud.partner_center + "/_sandbox/inject"
    body = {"pathPrefix": "/v1/customers/", "kind": "delay", "count": 400, "delayS": 0.4}
    await window.holder.worker.run(
        lambda: backend.session.call(
            "POST", url, auth=None, correlation_id="screenshots", json_body=body
        )
    )


def grab_widget(widget: Any, name: str) -> None:
    if not widget.grab().save(str(HERE / name)):
        raise RuntimeError(f"could not write {HERE / name}")
    print(f"wrote docs/screenshots/{name}")


async def shoot(window: MainWindow) -> None:
    window.resize(*SIZE)
    await load_with_health(window)
    # The main shots: GDAP access, active incidents and service requests; a CJK name first.
    rows = await pick_busy_customer(window)
    health = window.customers.model.health
    for pane, name in (
        (window.overview, "overview.png"),
        (window.health, "health.png"),
        (window.incidents, "incidents.png"),  # the first issue is selected: its posts show
        (window.messages, "messages.png"),  # planned changes: the soonest action date first
        (window.portals, "portals.png"),
        (window.requests, "requests.png"),  # likewise the first request and its notes
    ):
        window.tabs.setCurrentWidget(pane)
        await asyncio.sleep(SETTLE_S)
        grab(window, name)

    # No GDAP: the health tab explains the refusal instead of showing a table.
    blocked = next(
        (r for r, c in rows if (s := health(c.tenant_id)) and s.failure == "no_access"), None
    )
    if blocked is None:
        raise RuntimeError("every customer has GDAP access: no refusal to show")
    window.tabs.setCurrentWidget(window.health)
    await select(window, blocked)
    grab(window, "no-gdap.png")

    await shoot_messages(window, rows, planned_tab=False)
    await shoot_dashboard_scrolled(window)

    # GDAP consent: a customer awaiting it, then the bulk consent mid-run and its summary.
    await shoot_consent(window, rows, "")

    # Search as you type, with the start of a German word (an umlaut, casefolded).
    words = (w for _, c in rows for w in c.company_name.split() if set(w) & set("äöüß"))
    word = next(words, None)
    if word is None:
        raise RuntimeError("no German name with an umlaut to search for")
    window.focus_search()
    window.customers.search.setText(word[:5].lower())
    await select(window, 0)
    grab(window, "search.png")
    await shoot_gdap(window)


async def shoot_gdap(window: MainWindow) -> None:
    """Customers > GDAP relationships: an invitation awaiting the customer (its link), then an
    active relationship's roles by name and its security groups (the user's by name)."""
    from desktop.domain.gdap import GdapRelationship

    gdap = window.gdap.show()
    gdap.resize(*SIZE)
    for _ in range(600):
        if gdap.loaded:
            break
        await asyncio.sleep(0.05)
    else:
        raise RuntimeError("the GDAP relationships did not load")

    def pick(test: Any) -> GdapRelationship:
        for row in range(gdap.model.rowCount()):
            rel = gdap.model.index(row, 0).data(RecordRole)
            if isinstance(rel, GdapRelationship) and test(rel):
                gdap.view.selectRow(row)
                return rel
        raise RuntimeError("no GDAP relationship to show")

    async def groups_settled() -> None:
        for _ in range(200):
            if gdap.details.groups.placeholder() != gdap.tr("Loading…"):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(SETTLE_S)

    gdap.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by status: active first
    gdap.filter.setCurrentIndex(gdap.filter.findData("pending"))
    pick(lambda r: r.status == "approvalPending" and not r.has_customer)
    await groups_settled()
    grab_widget(gdap, "gdap-pending.png")
    gdap.filter.setCurrentIndex(gdap.filter.findData(""))
    backend = window.holder.session.backend
    mine = await window.holder.worker.run(backend.my_group_names)

    def several_groups(rel: GdapRelationship) -> bool:
        if not rel.active or rel.auto_extend != "P180D":
            return False
        groups = {a.container_id.lower() for a in backend.access_assignments(rel.id).items}
        return len(groups) >= 3 and bool(groups & set(mine)) and bool(groups - set(mine))

    candidates = [
        gdap.model.index(r, 0).data(RecordRole) for r in range(min(gdap.model.rowCount(), 60))
    ]
    wanted = await window.holder.worker.run(
        lambda: next((r.id for r in candidates if several_groups(r)), None)
    )
    if wanted is None:
        raise RuntimeError("no active relationship with several security groups")
    pick(lambda r: r.id == wanted)
    await groups_settled()
    grab_widget(gdap, "gdap-groups.png")
    gdap.close()


async def shoot_messages(
    window: MainWindow, rows: list[tuple[int, Customer]], planned_tab: bool = True
) -> None:
    """The message center: a customer consented before it (its tab offers to allow Partner
    Desk again), then the dashboard's planned changes across customers."""
    from desktop.auth import AuthError

    if planned_tab:  # alone: the customer's own tab too
        window.tabs.setCurrentWidget(window.messages)
        await asyncio.sleep(SETTLE_S)
        grab(window, "messages.png")
    health = window.customers.model.health
    window.tabs.setCurrentWidget(window.messages)
    for row, customer in rows:
        summary = health(customer.tenant_id)
        if summary is None or summary.error:
            continue
        await select(window, row)
        error = window.messages.error
        if isinstance(error, AuthError) and error.code == "consent_outdated":
            grab(window, "messages-allow-again.png")
            break
    else:
        raise RuntimeError("no customer consented before the message center: nothing to show")
    dashboard = await open_dashboard(window)
    read: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    dashboard.planned.finished.connect(lambda _stopped: read.done() or read.set_result(None))
    if dashboard.planned.running or dashboard.planned.read_at is None:
        dashboard.tabs.setCurrentWidget(dashboard.planned_view)
        await asyncio.wait_for(read, SWEEP_TIMEOUT)
    dashboard.tabs.setCurrentWidget(dashboard.planned_view)
    await asyncio.sleep(SETTLE_S * 3)  # the table is published twice a second
    dashboard.planned_view.view.selectRow(0)
    await asyncio.sleep(SETTLE_S)
    grab(dashboard, "planned-changes.png")
    dashboard.close()


async def shoot_review(window: MainWindow) -> None:
    """An issue with a published review whose posts are text with blank lines (most of
    Microsoft's are), on the Incidents tab; then a message center notice on the dashboard."""
    from desktop.domain.health import HealthIssue
    from desktop.ui.dialogs.review_download import has_review

    window.resize(*SIZE)
    await load_with_health(window)
    pane = window.incidents
    pane.filters["resolved"].setChecked(True)
    window.tabs.setCurrentWidget(pane)
    health = window.customers.model.health
    found = False
    for row, customer in listed(window):
        status = health(customer.tenant_id)
        if status is None or status.error:
            continue
        await select(window, row)
        issues = [pane.model.index(r, 0).data(RecordRole) for r in range(pane.model.rowCount())]
        reviewed = [
            i
            for i in issues
            if isinstance(i, HealthIssue)
            and has_review(i)
            and any("\n\n" in p.content and "<" not in p.content for p in i.posts)
            and len(i.posts) >= 3
        ]
        if reviewed:
            pane.select_issue(reviewed[0].id)
            found = True
            break
    if not found:
        raise RuntimeError("no customer sees a reviewed issue with text posts")
    await asyncio.sleep(SETTLE_S)
    grab(window, "incident-review.png")
    dashboard = await open_dashboard(window)
    panel = dashboard.partner
    from desktop.domain.partner_incidents import MessageCenterNotice

    # Partner Center's context is read when the dashboard opens: wait for its notices.
    notice = None
    for _ in range(int(SWEEP_TIMEOUT / 0.1)):
        notice = next(
            (r for r, e in enumerate(panel.entries) if isinstance(e, MessageCenterNotice)), None
        )
        if notice is not None:
            break
        await asyncio.sleep(0.1)
    if notice is None:
        raise RuntimeError("Partner Center's context showed no message center notice")
    panel.list.setCurrentRow(notice)
    await asyncio.sleep(SETTLE_S)
    grab(dashboard, "partner-context.png")
    dashboard.close()


async def take(window: MainWindow, failures: Any) -> int:
    """The scenario for `desktop.gui.run`: every shot of the variant, then the exit code."""
    from PySide6.QtCore import QLocale

    variant = os.environ.get("PARTNER_DESK_SHOTS", "en")
    if variant in ("en", "messages", "review", "gdap", "read-only-home", "dashboard"):
        # Dates as a reader of the English README expects, whatever the machine's locale.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    problems: list[str] = []
    try:
        if variant == "messages":
            window.resize(*SIZE)
            await load_with_health(window)
            await shoot_messages(window, await pick_busy_customer(window))
        elif variant == "review":
            await shoot_review(window)
        elif variant == "read-only-home":
            window.resize(*SIZE)
            await window.load_customers()
            await select(window, 2)
            grab(window, "read-only-home.png")
        elif variant == "gdap":
            window.resize(*SIZE)
            await window.load_customers()
            await shoot_gdap(window)
        elif variant == "dashboard":
            window.resize(*SIZE)
            await load_with_health(window)
            await shoot_dashboard_scrolled(window)
        else:
            await (shoot(window) if variant == "en" else shoot_translated(window, variant))
    except Exception as error:
        problems.append(f"{type(error).__name__}: {error}")
    window.cancel_sweep()
    window.close()
    problems.extend(failures.messages)  # whatever went wrong in slots and tasks meanwhile
    for problem in problems:
        print(f"screenshots failed: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _obey_permissions() -> None:
    """In the child, as root: give up overriding file permissions, as a user has none to."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def main(names: list[str]) -> int:
    """Each variant in a process of its own; the first failure's exit code."""
    for name in names or [v for v in VARIANTS if v not in PART_OF_EN]:
        args, env = VARIANTS[name]
        print(f"== {name}", flush=True)
        # A home of its own (unless one is given): a first start, as a new user sees it.
        with tempfile.TemporaryDirectory(prefix="shots-") as home:
            read_only = name == "read-only-home"
            if read_only:
                Path(home, "data").mkdir(mode=0o500)
            code = subprocess.run(  # noqa: S603 - this script, this Python
                [sys.executable, __file__, "--run", *args],
                env={
                    "PARTNER_DESK_HOME": home,
                    **os.environ,
                    **env,
                    # The read-only home is the point of that shot: never one given.
                    **({"PARTNER_DESK_HOME": home} if read_only else {}),
                    "PARTNER_DESK_SHOTS": name,
                },
                check=False,
                preexec_fn=_obey_permissions if read_only and os.geteuid() == 0 else None,
            ).returncode
            if read_only:
                Path(home, "data").chmod(0o700)  # so that the folder can be removed
        if code:
            return code
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        sys.exit(gui.run(sys.argv[2:], scenario=take))
    sys.exit(main(sys.argv[1:]))
