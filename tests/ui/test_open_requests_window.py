"""The all-customers requests window (issue 18, defect 13): the customer first, a search by
request number, a detail pane, the partner's own tickets openable, Esc closes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.service_requests import ServiceRequest
from desktop.qt.models.requests import CUSTOMER
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.sandbox import Sandbox
from desktop.ui.widgets.columns import columns_of
from desktop.ui.windows.open_requests import OpenRequestsWindow


@pytest.fixture
def swept(qtbot, holder: SessionHolder, sandbox: Sandbox) -> OpenRequestsWindow:
    customers = holder.session.backend.customers().items
    view = OpenRequestsWindow(holder, lambda: customers)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.swept, timeout=30000):
        holder.worker.spawn(view.load())
    qtbot.waitUntil(lambda: view.own_model.rowCount() > 0, timeout=30000)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    return view


def shown(view: OpenRequestsWindow) -> list[ServiceRequest]:
    return [view.model.index(r, 0).data(RecordRole) for r in range(view.model.rowCount())]


def test_the_customer_column_comes_first(swept: OpenRequestsWindow) -> None:
    columns, own = columns_of(swept.view), columns_of(swept.own_view)
    assert columns is not None
    assert own is not None
    assert columns.shown()[0] == CUSTOMER
    header = swept.view.horizontalHeader()
    assert columns.source_column(header.logicalIndex(0)) == CUSTOMER
    # The partner's own tickets have no customer of theirs to show.
    assert not own.is_shown(CUSTOMER)


def test_a_request_number_finds_its_request_whatever_the_filters(
    qtbot, swept: OpenRequestsWindow
) -> None:
    view = swept
    closed = [r for r in view.model.all_records() if r.status == "closed"]
    assert closed
    target = closed[0]
    assert target not in shown(view)  # the default filter: open or needing attention
    view.search.setFocus()
    qtbot.keyClicks(view.search, target.id)
    assert [r.id for r in shown(view)] == [target.id]
    # Part of a number narrows too; clearing the search brings the filtered list back.
    view.search.clear()
    qtbot.keyClicks(view.search, target.id[:-2])
    assert target.id in {r.id for r in shown(view)}
    assert all(target.id[:-2] in r.id for r in shown(view))
    view.search.clear()
    assert target not in shown(view)


def test_the_selected_request_shows_in_the_detail_pane(qtbot, swept: OpenRequestsWindow) -> None:
    view = swept
    view.view.setFocus()
    view.view.selectRow(1)
    request = view.view.currentIndex().data(RecordRole)
    assert isinstance(request, ServiceRequest)
    text = view.detail.toPlainText()
    assert request.id in text
    assert request.title in text
    assert (request.organization_name or request.organization_id) in text
    assert request.description.splitlines()[0] in text


def test_the_partners_own_ticket_opens(qtbot, swept: OpenRequestsWindow) -> None:
    view = swept
    view.tabs.setCurrentIndex(1)
    own = view.own_view
    own.setFocus()
    qtbot.waitUntil(own.hasFocus, timeout=5000)
    own.selectRow(0)
    request = own.currentIndex().data(RecordRole)
    assert isinstance(request, ServiceRequest)
    qtbot.keyClick(own, Qt.Key.Key_Return)
    # Opened where it is read: its details, with the keyboard there.
    assert request.id in view.own_detail.toPlainText()
    assert view.own_detail.hasFocus()


def test_esc_closes_the_window(qtbot, swept: OpenRequestsWindow) -> None:
    view = swept
    view.view.setFocus()
    qtbot.keyClick(view.view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_esc_in_the_search_clears_it_before_it_closes(qtbot, swept: OpenRequestsWindow) -> None:
    view = swept
    view.search.setFocus()
    qtbot.keyClicks(view.search, "42")
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    assert view.isVisible()  # the first Esc cleared the search (the walk lost the window)
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_ctrl_w_closes_the_window(qtbot, swept: OpenRequestsWindow) -> None:
    view = swept
    view.search.setFocus()
    qtbot.keyClicks(view.search, "42")
    qtbot.keyClick(view.search, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not view.isVisible()
