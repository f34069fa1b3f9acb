"""Customers → GDAP relationships, and the overview's GDAP section, against the sandbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextTable

from desktop.domain.gdap import GdapRelationship, days_left, ending_soon, role_name, status_order
from desktop.qt.models.customers import GDAP
from desktop.qt.models.gdap_table import (
    CUSTOMER,
    ENDS,
    GROUP,
    GROUP_ROLES,
    MEMBER,
    ROLES,
    STATUS,
)
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.qt.words import gdap_status_words
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.sandbox.catalog import PARTNER_GRAPH_SCOPES
from desktop.services.backend import Backend
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.columns import columns_of
from desktop.ui.windows.gdap_window import GdapWindow
from tests.ui.driving import holder_for
from tests.ui.test_main_window import gdap_row, load, row_of

INVITE = (
    "https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/"
)


def open_window(qtbot, window: MainWindow) -> GdapWindow:
    qtbot.keyClick(
        window,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    gdap = window.gdap.window
    assert gdap is not None
    qtbot.waitUntil(lambda: gdap.loaded and gdap.model.rowCount() > 0, timeout=20000)
    return gdap


def rows(gdap: GdapWindow) -> list[GdapRelationship]:
    return [gdap.model.index(r, 0).data(RecordRole) for r in range(gdap.model.rowCount())]


def select(qtbot, gdap: GdapWindow, pick) -> GdapRelationship:
    row = next(r for r, rel in enumerate(rows(gdap)) if pick(rel))
    gdap.view.setCurrentIndex(gdap.view.model().index(row, 0))
    rel = gdap.current()
    assert rel is not None
    return rel


def groups_loaded(qtbot, gdap: GdapWindow) -> None:
    qtbot.waitUntil(lambda: gdap.details.groups.placeholder() != "Loading…", timeout=10000)


def test_every_relationship_with_role_names(qtbot, window: MainWindow, sandbox: Sandbox):
    gdap = open_window(qtbot, window)
    assert gdap.isVisible()
    assert gdap.model.rowCount() == len(sandbox.data.delegated_admin_relationships())
    model = gdap.model
    for r in range(model.rowCount()):
        rel = model.index(r, 0).data(RecordRole)
        roles = model.index(r, ROLES).data()
        assert (
            roles.split(", ")[0] == role_name(rel.role_ids[0])
            or role_name(rel.role_ids[0]) in roles
        )
        assert "-" not in roles.replace("Co-", "")  # names, never GUIDs, for Entra's roles
        if not rel.has_customer:  # drafts ("created") too: not "awaiting approval"
            assert model.index(r, CUSTOMER).data() == "No customer yet"
        if rel.active and rel.auto_extend == "P180D":
            assert "Extends automatically by 180 day" in model.index(r, ENDS).data()
        if rel.status == "expiring":
            assert model.index(r, STATUS).data() == "Expiring"
            assert "Expires in" not in model.index(r, ENDS).data()
    # Sortable: by status, active first.
    gdap.view.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    ranks = [status_order(r.status) for r in rows(gdap)]
    assert rows(gdap)[0].status == "active"
    assert ranks == sorted(ranks)  # what works, what to act on, what is over, the unknown
    assert ranks[-1] > ranks[0]


def test_a_pending_relationship_offers_its_invitation_link(qtbot, window: MainWindow, launcher):
    gdap = open_window(qtbot, window)
    gdap.filter.setCurrentIndex(gdap.filter.findData("pending"))
    # One entry for both: awaiting the customer's approval, and drafts not yet sent for it.
    assert gdap.filter.currentText() == "Not yet approved"
    assert {r.status for r in rows(gdap)} == {"created", "approvalPending"}
    assert "of" in gdap.count.text()
    rel = select(qtbot, gdap, lambda r: not r.has_customer and r.status == "approvalPending")
    assert gdap.details.invite_box.isVisibleTo(gdap)
    assert gdap.details.invite.text() == INVITE + rel.id
    with qtbot.waitSignal(gdap.link_result) as said:
        gdap.details.copy_button.click()
    assert QGuiApplication.clipboard().text() == INVITE + rel.id
    # Said in the GDAP window itself, not in the main window's status bar behind it.
    assert gdap.feedback.currentMessage() == said.args[0]
    assert gdap.feedback.isVisibleTo(gdap)
    assert window.statusBar().currentMessage() != said.args[0]
    with qtbot.waitSignal(gdap.link_result, timeout=5000) as said:
        gdap.details.open_button.click()
    assert launcher.opened == [INVITE + rel.id]
    assert "Opened" in said.args[0]
    assert gdap.feedback.currentMessage() == said.args[0]
    assert window.statusBar().currentMessage() != said.args[0]
    groups_loaded(qtbot, gdap)
    assert gdap.details.groups_model.rowCount() == 0
    assert "once the customer has approved" in gdap.details.groups.placeholder()
    # One still being drafted (not sent for approval) has no working link yet; the words do
    # not say "locked" (German read it as "gesperrt", blocked).
    select(qtbot, gdap, lambda r: r.status == "created")
    assert gdap.details.invite_box.isVisibleTo(gdap)
    assert gdap.details.invite.text() == ""
    assert gdap.details.invite.placeholderText() == (
        "Not yet sent for approval: finish the request in Partner Center, then the invitation "
        "link appears here."
    )
    assert not gdap.details.copy_button.isEnabled()
    assert not gdap.details.open_button.isEnabled()
    # An active one has no invitation to send.
    gdap.filter.setCurrentIndex(gdap.filter.findData("active"))
    select(qtbot, gdap, lambda r: r.active)
    assert not gdap.details.invite_box.isVisibleTo(gdap)


def test_groups_load_with_my_group_names_and_ids_for_the_others(
    qtbot, window: MainWindow, sandbox: Sandbox
):
    gdap = open_window(qtbot, window)
    mine = {str(g["id"]): str(g["displayName"]) for g in sandbox.data.my_groups()}
    others = [g for g in sandbox.data.partner_groups() if not g["member"]]

    # A relationship whose groups include one the user is not in.
    def has_other(rel: GdapRelationship) -> bool:
        found = sandbox.data.access_assignments(rel.id) or []
        ids = {a["accessContainer"]["accessContainerId"] for a in found}  # type: ignore[index]
        return rel.active and bool(ids & {str(g["id"]) for g in others}) and bool(ids & set(mine))

    select(qtbot, gdap, has_other)
    qtbot.waitUntil(lambda: gdap.details.groups_model.rowCount() > 0, timeout=10000)
    model = gdap.details.groups_model
    shown = {
        model.index(r, GROUP).data(): model.index(r, MEMBER).data() for r in range(model.rowCount())
    }
    assert any(shown.get(name) == "Member" for name in mine.values())
    assert any(shown.get(str(g["id"])) == "Not a member" for g in others)
    roles = [model.index(r, GROUP_ROLES).data() for r in range(model.rowCount())]
    assert all(r and "-" not in r.replace("Co-", "") for r in roles)
    assert "object id" in gdap.details.groups_note.text()


def test_enter_opens_the_customer_in_the_main_window(qtbot, window: MainWindow):
    gdap = open_window(qtbot, window)
    rel = select(qtbot, gdap, lambda r: r.active)
    gdap.view.setFocus()
    qtbot.keyClick(gdap.view, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            (c := window.customers.current_customer()) is not None
            and c.tenant_id == rel.customer_tenant_id
        ),
        timeout=5000,
    )


def test_ended_filter_and_empty_state(qtbot, window: MainWindow):
    gdap = open_window(qtbot, window)
    gdap.filter.setCurrentIndex(gdap.filter.findData("ended"))
    ended = {r.status for r in rows(gdap)}
    assert "expiring" in ended  # past its end: ended, not active
    assert ended <= {"expired", "expiring", "terminated"}
    gdap.filter.setCurrentIndex(gdap.filter.findData("soon"))
    for rel in rows(gdap):
        assert rel.active
        assert rel.auto_extend in ("PT0S", "P0D")
    gdap.filter.setCurrentIndex(gdap.filter.findData("other"))
    assert {r.status for r in rows(gdap)} <= {
        "approved",
        "activating",
        "terminationRequested",
        "terminating",
        "unknownFutureValue",
    }
    gdap.filter.setCurrentIndex(gdap.filter.findData(""))
    gdap.model.set_rows([])
    gdap._filter()
    assert gdap.view.placeholder() == "This partner has no GDAP relationships."
    assert not gdap.details.isEnabled()


def _ctx_for(qloop, sb: Sandbox, launcher) -> Iterator[SessionHolder]:
    worker = Worker()
    backend = Backend.for_sandbox(sb.url, ca_pem=sb.ca_pem, concurrency=4)
    yield holder_for(worker=worker, backend=backend, mode="sandbox", launcher=launcher)
    worker.shutdown(wait=True)
    backend.close()


@pytest.fixture
def no_gdap_scope(qloop, launcher) -> Iterator[SessionHolder]:
    """The app registered without DelegatedAdminRelationship.Read.All: Graph answers 403."""
    scopes = [s for s in PARTNER_GRAPH_SCOPES if s != "DelegatedAdminRelationship.Read.All"]
    with Sandbox(customers=8, seed=3, consented="all", partner_graph_scopes=scopes) as sb:
        yield from _ctx_for(qloop, sb, launcher)


@pytest.fixture
def no_user_read(qloop, launcher) -> Iterator[SessionHolder]:
    scopes = [s for s in PARTNER_GRAPH_SCOPES if s != "User.Read"]
    with Sandbox(customers=8, seed=3, consented="all", partner_graph_scopes=scopes) as sb:
        yield from _ctx_for(qloop, sb, launcher)


def test_an_error_says_why(qtbot, no_gdap_scope: SessionHolder):
    gdap = GdapWindow(no_gdap_scope)
    qtbot.addWidget(gdap)
    gdap.show()
    task = no_gdap_scope.worker.spawn(gdap.load())
    qtbot.waitUntil(task.done, timeout=20000)
    assert gdap.model.rowCount() == 0
    assert (
        "No GDAP access" in gdap.view.placeholder() or "denied" in gdap.view.placeholder().lower()
    )
    assert gdap.count.text()
    assert not gdap.details.isEnabled()


def test_without_user_read_groups_show_by_id_and_say_why(qtbot, no_user_read: SessionHolder):
    gdap = GdapWindow(no_user_read)
    qtbot.addWidget(gdap)
    gdap.show()
    task = no_user_read.worker.spawn(gdap.load())
    qtbot.waitUntil(task.done, timeout=20000)
    select(qtbot, gdap, lambda r: r.active)
    qtbot.waitUntil(lambda: gdap.details.groups_model.rowCount() > 0, timeout=10000)
    assert "User.Read" in gdap.details.groups_note.text()
    first = gdap.details.groups_model.index(0, GROUP).data()
    assert len(first) == 36  # the group's object id
    assert gdap.details.groups_model.index(0, MEMBER).data() == "Unknown"


def test_the_overview_names_roles_and_shows_groups_on_demand(
    qtbot, window: MainWindow, sandbox: Sandbox
):
    customer = load(qtbot, window, gdap_row(window, sandbox))
    pane = window.overview
    text = pane.view.toPlainText()
    active = next(
        r for r in sandbox.data.relationships(customer.tenant_id) if r["status"] == "active"
    )
    first_role = active["accessDetails"]["unifiedRoles"][0]["roleDefinitionId"]  # type: ignore[index]
    assert role_name(first_role) in text
    assert "role(s)" not in text
    assert pane.groups_button.isEnabled()
    assert pane.groups_button.text() == "Sho&w security groups"
    before = pane.view.toPlainText()
    pane.groups_button.click()
    qtbot.waitUntil(lambda: "Security groups" in pane.view.toPlainText(), timeout=10000)
    assert "(you are a member)" in pane.view.toPlainText()
    assert pane.groups_button.text() == "Hi&de security groups"
    pane.groups_button.click()
    assert pane.view.toPlainText() == before
    assert pane.groups_button.text() == "Sho&w security groups"


def value_column_x(pane) -> int:
    """Where the overview's values start: the x of the first field's value."""
    document = pane.view.document()
    table = next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
    return pane.view.cursorRect(table.cellAt(1, 1).firstCursorPosition()).x()


def test_the_overviews_groups_keep_the_labels_short_and_explain_ids(
    qtbot, window: MainWindow, sandbox: Sandbox
):
    """A group's name as a row label widened the label column of every section when the
    groups appeared; a group shown by id came without the GDAP window's explanation."""
    others = {str(g["id"]) for g in sandbox.data.partner_groups() if not g["member"]}

    def has_other(tenant: str) -> bool:
        active = next(
            (r for r in sandbox.data.relationships(tenant) if r["status"] == "active"), None
        )
        found = sandbox.data.access_assignments(str(active["id"])) if active else []
        return any(a["accessContainer"]["accessContainerId"] in others for a in found or [])  # type: ignore[index]

    target = next(
        c.tenant_id for c in sandbox.data.customers if c.has_gdap and has_other(c.tenant_id)
    )
    load(qtbot, window, row_of(window, lambda c: c.tenant_id == target))
    pane = window.overview
    window.tabs.setCurrentWidget(pane)
    before = value_column_x(pane)
    pane.groups_button.click()
    qtbot.waitUntil(lambda: pane.groups_shown, timeout=10000)
    assert value_column_x(pane) == before  # the values stay where they were
    rows = pane._group_rows()
    assert {label for label, _value in rows} == {"Security group", "Roles", "Note"}
    values = [value for label, value in rows if label == "Security group"]
    assert any(v in others for v in values)  # shown by its object id...
    note = dict(rows)["Note"]
    assert "you are not a member" in note  # ...and why, as in the GDAP window
    assert "Entra admin center" in note
    text = pane.view.toPlainText()
    assert note in text.replace("\n", " ")


@pytest.fixture(scope="module")
def sandbox_250() -> Iterator[Sandbox]:
    """The app's own sample (250 customers, seed 7): it has a relationship in Graph's
    `unknownFutureValue` and an active one without auto-extension ending today."""
    with Sandbox(customers=250, seed=7, consented="all") as sb:
        yield sb


@pytest.fixture
def window_250(qtbot, qloop, sandbox_250: Sandbox, launcher) -> Iterator[MainWindow]:
    worker = Worker()
    backend = Backend.for_sandbox(sandbox_250.url, ca_pem=sandbox_250.ca_pem, concurrency=8)
    holder = holder_for(worker=worker, backend=backend, mode="sandbox", launcher=launcher)
    win = MainWindow(holder)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.directory.loaded, timeout=20000):
        worker.spawn(win.load_customers())
    win.cancel_sweep()  # health is not what these tests look at
    yield win
    win.close()
    worker.shutdown(wait=True)
    backend.close()


def test_no_status_is_shown_raw_and_today_is_today(qtbot, window_250: MainWindow):
    window = window_250
    gdap = open_window(qtbot, window)
    model = gdap.model
    by_status = {model.index(r, 0).data(RecordRole).status: r for r in range(model.rowCount())}
    row = by_status["unknownFutureValue"]
    odd: GdapRelationship = model.index(row, 0).data(RecordRole)
    assert model.index(row, STATUS).data() == "Other status"
    gdap.view.selectRow(row)
    assert "Other status" in gdap.details.summary.text()
    assert "unknownFutureValue" not in gdap.details.summary.text()
    # "Expires today", in the customer list's words, never "Expires in 0 days".
    today = [
        r
        for r in range(model.rowCount())
        if ending_soon(rel := model.index(r, 0).data(RecordRole)) and days_left(rel) == 0
    ]
    assert today
    for r in today:
        assert model.index(r, ENDS).data().endswith(" · Expires today")
    assert not any("in 0 day" in str(model.index(r, ENDS).data()) for r in range(model.rowCount()))
    gdap.close()
    # The customer list's GDAP column and the overview say it in words too.
    customers = window.customers.model
    line = row_of(window, lambda c: c.tenant_id == odd.customer_tenant_id)
    qtbot.waitUntil(lambda: customers.index(line, GDAP).data() != "—", timeout=20000)
    assert customers.index(line, GDAP).data() == "Other status"
    load(qtbot, window, line)
    overview = window.overview.view.toPlainText()
    assert "Other status" in overview
    assert "unknownFutureValue" not in overview


@pytest.mark.parametrize("language", ["de", "zh_TW"], indirect=True)
def test_the_status_column_fits_every_status(language, qtbot, window: MainWindow):
    gdap = open_window(qtbot, window)
    metrics = gdap.view.fontMetrics()
    widest = max(metrics.horizontalAdvance(label) for label in gdap_status_words())
    columns = columns_of(gdap.view)
    assert columns is not None
    assert columns.width(STATUS) > widest
    pending = gdap.filter.findData("pending")
    assert gdap.filter.itemText(pending) in ("Noch nicht genehmigt", "尚未核准")


@pytest.mark.parametrize(
    "keys", [(Qt.Key.Key_Escape,), (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)]
)
def test_esc_and_ctrl_w_close_the_window(qtbot, window: MainWindow, keys) -> None:
    gdap = open_window(qtbot, window)
    gdap.activateWindow()
    qtbot.waitUntil(gdap.isActiveWindow, timeout=5000)
    qtbot.keyClick(gdap.view, *keys)
    assert not gdap.isVisible()
