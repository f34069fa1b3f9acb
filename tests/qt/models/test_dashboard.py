"""The dashboard's models: what a painted cell shows, and incidents that fill in as a sweep runs."""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import QTableView

from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.qt.models.dashboard import (
    AFFECTED,
    FIRST_SERVICE,
    NAME,
    HealthGridModel,
)
from desktop.qt.models.grid_rows import grid_row
from desktop.qt.models.incidents_now import IncidentsNowModel
from desktop.qt.models.table import DELEGATE_ROLES, RecordRole, RecordTableModel, text_column
from desktop.ui.widgets.status import badge_icons
from tests.qt.models.support import Signals, check_model

DESC = Qt.SortOrder.DescendingOrder
T0 = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)


def health(*statuses: tuple[str, str]) -> list[ServiceHealth]:
    return [ServiceHealth(sid, sid.title(), status) for sid, status in statuses]


def customer(n: int) -> Customer:
    return Customer(f"t{n}", f"Contoso {n}", f"c{n}.example", "reseller")


def issue(issue_id: str, minutes: int = 0, active: bool = True) -> HealthIssue:
    return HealthIssue.from_json(
        {
            "id": issue_id,
            "title": f"Issue {issue_id}",
            "service": "Exchange Online",
            "status": "serviceDegradation",
            "classification": "incident",
            "isResolved": not active,
            "lastModifiedDateTime": T0.replace(minute=minutes).isoformat(),
            "posts": [],
        }
    )


def filled_grid() -> HealthGridModel:
    grid = HealthGridModel()
    grid.set_badges(badge_icons(12, 1.0))
    grid.add(
        [
            (
                customer(1),
                health(("exchange", "serviceOperational"), ("teams", "investigating")),
                1,
                "",
            ),
            (customer(2), health(("exchange", "serviceInterruption")), 2, ""),
            (customer(3), None, 0, "Access denied"),
        ]
    )
    return grid


# --- painting: one call into Python per cell ---------------------------------------------------


class _Recorder(QAbstractTableModel):
    """Records the roles of every span a view asks for while painting."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: set[tuple[int, ...]] = set()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Any, role: int = 0) -> Any:
        return "x" if role == Qt.ItemDataRole.DisplayRole else None

    def multiData(self, index: Any, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N803
        self.spans.add(tuple(entry.role() for entry in roleDataSpan))
        for entry in roleDataSpan:
            entry.setData(self.data(index, entry.role()))


def test_the_delegate_asks_for_the_roles_our_fast_path_expects(qapp):
    # The fast paths fill positions of the delegate's span; if Qt ever asked in another order,
    # they would fall back to the role-by-role path, and this test says so.
    model = _Recorder()
    view = QTableView()
    view.setModel(model)
    view.resize(300, 200)
    view.grab()
    assert model.spans == {DELEGATE_ROLES}


class SlowGrid(HealthGridModel):
    """Qt's own multiData: `data()` once per role."""

    def multiData(self, index: Any, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N803
        QAbstractTableModel.multiData(self, index, roleDataSpan)


def painted(model: Any) -> Any:
    view = QTableView()
    view.setIconSize(QSize(12, 12))
    view.setModel(model)
    view.resize(700, 160)
    return view.grab().toImage()


def test_the_grid_paints_the_same_in_one_call_per_cell_as_role_by_role(qapp):
    fast, slow = filled_grid(), SlowGrid()
    slow.set_badges(badge_icons(12, 1.0))
    slow.add(
        (
            fast.row(r).customer,
            health(*fast.row(r).statuses.items()) or None,
            fast.row(r).issues,
            fast.row(r).error,
        )
        for r in range(fast.rowCount())
    )
    assert slow.columnCount() == fast.columnCount() > FIRST_SERVICE
    assert painted(fast) == painted(slow)


def test_a_record_table_paints_the_same_in_one_call_per_cell_as_role_by_role(qapp):
    class Slow(RecordTableModel[str]):
        def multiData(self, index: Any, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N803
            QAbstractTableModel.multiData(self, index, roleDataSpan)

    columns = [
        text_column("Name", lambda s: s),
        text_column("Upper", lambda s: s.upper(), alignment=Qt.AlignmentFlag.AlignRight),
    ]
    fast, slow = RecordTableModel(columns), Slow(columns)
    for model in (fast, slow):
        model.set_rows(["alpha", "beta", "gamma"])
    assert painted(fast) == painted(slow)


def test_grid_cells_say_status_in_words_and_badges(qapp):
    grid = filled_grid()
    services = [name for _sid, name in grid.services()]
    assert services == ["Exchange", "Teams"]
    first = grid.index(0, FIRST_SERVICE)
    assert first.data() == "OK"
    assert first.data(Qt.ItemDataRole.DecorationRole) is not None
    assert grid.index(0, FIRST_SERVICE + 1).data() == "Advisory"
    assert grid.index(1, FIRST_SERVICE + 1).data() == ""  # customer 2 has no Teams
    assert grid.index(1, FIRST_SERVICE).data() == "Down"
    # A customer whose health could not be read: the list's word for why, the reason as tooltip.
    assert grid.index(2, AFFECTED).data() == "Error"
    assert grid.index(2, AFFECTED).data(Qt.ItemDataRole.ToolTipRole) == "Access denied"
    assert grid.index(1, NAME).data(RecordRole) == customer(2)
    check_model(grid)


def test_most_affected_first_after_resort(qapp):
    grid = filled_grid()
    grid.sort(AFFECTED, DESC)
    assert [grid.row(r).customer.tenant_id for r in range(3)] == ["t2", "t1", "t3"]


# --- incidents now -----------------------------------------------------------------------------


def calls_from_qt(action: Any) -> Counter[str]:
    """The Python functions Qt calls (from C++) while `action()` runs, by name, counted."""
    calls: Counter[str] = Counter()
    caller = sys._getframe()

    def profile(frame: Any, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_back is caller:
            calls[frame.f_code.co_name] += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("kind", ["grid", "records"])
def test_a_painted_cell_calls_into_python_twice_not_thrice(qapp, kind):
    # Qt's own `index` asks rowCount and columnCount for every cell it paints; during a sweep
    # each call into Python waits for the GIL the sweep's threads hold.
    if kind == "grid":
        model: Any = HealthGridModel()
        model.add(
            (customer(n), health(("exchange", "serviceOperational"), ("teams", "x")), 0, "")
            for n in range(30)
        )
    else:
        model = RecordTableModel([text_column("A", str), text_column("B", str)])
        model.set_rows(range(30))
    view = QTableView()
    view.setModel(model)
    view.resize(600, 700)
    view.grab()  # laid out once; the next paint is the one counted
    calls = calls_from_qt(view.grab)
    cells = calls["multiData"]
    assert cells >= 40
    assert calls["index"] == cells
    assert calls["rowCount"] + calls["columnCount"] < cells / 4
    check_model(model)


def test_the_index_of_a_cell_outside_the_model_is_invalid(qapp):
    grid = filled_grid()
    records = RecordTableModel([text_column("A", str)])
    records.set_rows(["x"])
    for model in (grid, records):
        rows, columns = model.rowCount(), model.columnCount()
        assert model.index(rows - 1, columns - 1).isValid()
        for row, column in ((rows, 0), (0, columns), (-1, 0), (0, -1)):
            assert not model.index(row, column).isValid()
        assert not model.index(0, 0, model.index(0, 0)).isValid()  # a table: no children


def test_a_recount_repaints_only_the_customers_column(qapp):
    model = IncidentsNowModel()
    ex1, ex2 = issue("EX1"), issue("EX2")
    model.add("t1", [ex1, ex2])
    model.publish()
    signals = Signals.on(model)
    model.add("t2", [issue("EX1")])  # the same issue seen in one more tenant
    model.publish()
    column = IncidentsNowModel.CUSTOMERS
    row = model.row_of_key("EX1")
    assert signals.changed == [(row, column, row, column, [])]
    signals.clear()
    model.add("t3", [issue("EX2", minutes=9)])  # a newer copy: title, status may have changed
    model.publish()
    row = model.row_of_key("EX2")
    assert signals.changed == [(row, 0, row, model.columnCount() - 1, [])]
    assert model.record_of_key("EX2").issue.last_modified == T0.replace(minute=9)


def test_grid_counts_follow_rows_that_change(qapp):
    grid = filled_grid()
    assert grid.counts() == (1, 3)  # customer 2's exchange is interrupted
    grid.add([(customer(2), health(("exchange", "serviceOperational")), 0, "")])
    assert grid.counts() == (0, 3)
    grid.add([(customer(1), health(("teams", "serviceDegradation")), 1, "")])
    grid.add([(customer(4), health(("teams", "serviceInterruption")), 1, "")])
    assert grid.counts() == (2, 4)
    grid.clear()
    assert grid.counts() == (0, 0)


def test_incidents_publish_only_what_changed_and_keep_the_selection(qapp):
    model = IncidentsNowModel()
    model.add("t1", [issue("EX1"), issue("EX2"), issue("OLD", active=False)])
    model.add("t2", [issue("EX1")])
    model.publish()
    assert [a.id for a in model.records()] == ["EX1", "EX2"]  # the first: sorted, most first
    held = QPersistentModelIndex(model.index(1, 0))  # EX2, as if selected
    signals = Signals.on(model)
    model.publish()  # nothing new
    assert (signals.resets, signals.layouts, signals.changed) == (0, 0, [])

    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.add("t3", [issue("EX2", minutes=5), issue("EX3")])
    model.publish()
    assert signals.resets == 0
    assert inserted == [(2, 2)]  # EX3 below the rest, nothing moved...
    assert held.isValid()
    assert model.record(held.row()).id == "EX2"
    assert model.record_of_key("EX2").tenants == ("t1", "t3")
    assert model.record_of_key("EX2").issue.last_modified == T0.replace(minute=5)
    assert model.tenants_of("EX3") == ("t3",)
    model.resort()  # ...until the sweep ends and the list is sorted again
    assert next(a.id for a in model.records()) == "EX1"
    assert [a.id for a in model.records()][1:] == ["EX2", "EX3"]
    check_model(model)


@pytest.mark.parametrize("filtered", [False, True])
def test_appended_records_follow_the_filter_and_lookups(qapp, filtered):
    model = RecordTableModel([text_column("Name", lambda s: s)], key=lambda s: s)
    model.set_rows(["b", "a"])
    if filtered:
        model.set_predicate(lambda s: s != "c")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.records() == ["a", "b"]
    assert model.append_records(["d", "c"]) == (1 if filtered else 2)
    assert model.records() == (["a", "b", "d"] if filtered else ["a", "b", "d", "c"])
    assert model.row_of_key("d") == 2
    assert model.record_of_key("c") == "c"
    model.resort()
    assert model.records() == (["a", "b", "d"] if filtered else ["a", "b", "c", "d"])
    assert model.append_records([]) == 0
    check_model(model)


def test_customers_appended_are_found_by_the_search(qapp):
    from desktop.qt.models.customers import CustomerTableModel

    model = CustomerTableModel()
    model.set_rows([customer(1)])
    model.append_records([customer(2)])
    model.set_filter("contoso 2")
    assert [c.tenant_id for c in model.records()] == ["t2"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Adatum", "adatum", "Contoso", "Fabrikam", ""]),
            st.lists(
                st.sampled_from(
                    [
                        "serviceOperational",
                        "investigating",
                        "serviceDegradation",
                        "serviceInterruption",
                    ]
                ),
                min_size=0,
                max_size=3,
            ),
            st.integers(0, 3),
            st.booleans(),
        ),
        max_size=12,
    ),
    st.sampled_from([NAME, AFFECTED, FIRST_SERVICE, FIRST_SERVICE + 2]),
    st.booleans(),
)
def test_grid_sort_orders_by_the_column_then_by_name(qapp, rows, column, descending):
    grid = HealthGridModel()
    services = ["exchange", "sharepoint", "teams"]
    grid.add(
        (
            Customer(f"t{n}", name, f"d{n}.example", "reseller"),
            None if failed else health(*zip(services, statuses, strict=False)),
            issues,
            "Access denied" if failed else "",
        )
        for n, (name, statuses, issues, failed) in enumerate(rows)
    )
    grid.sort(column, DESC if descending else Qt.SortOrder.AscendingOrder)
    got = [grid.row(r) for r in range(grid.rowCount())]

    def primary(row: Any) -> Any:
        if column == AFFECTED:
            return (-1, -1, -1) if row.error else (row.affected, row.worst, row.issues)
        found = row.severity(grid.service_id(column) or "")
        return -2 if found is None else found

    def name(row: Any) -> str:
        return (row.customer.company_name or row.customer.domain).casefold()

    for a, b in itertools.pairwise(got):
        if column == NAME:
            assert (name(a) >= name(b)) if descending else (name(a) <= name(b))
            continue
        pa, pb = primary(a), primary(b)
        assert (pa >= pb) if descending else (pa <= pb)
        if pa == pb:  # names A to Z under a descending sort, Z to A under an ascending one
            assert (name(a) <= name(b)) if descending else (name(a) >= name(b))


def test_rows_made_off_the_gui_thread_bring_their_services(qapp):
    grid = HealthGridModel()
    first = health(("exchange", "serviceOperational"))
    grid.add_rows([grid_row(customer(1), first, 0, "")], {"exchange": "Exchange"})
    later = health(("teams", "serviceDegradation"), ("exchange", "investigating"))
    failed = grid_row(customer(3), None, 0, "Access denied")
    grid.add_rows([grid_row(customer(2), later, 1, ""), failed], {"teams": "Teams"})
    assert grid.services() == [("exchange", "Exchange"), ("teams", "Teams")]
    assert grid.counts() == (1, 3)
    assert grid.row(1).most == (1, 2, 1)
    assert grid.row(2).most == (-1, -1, -1)  # failed customers sort last
    check_model(grid)
