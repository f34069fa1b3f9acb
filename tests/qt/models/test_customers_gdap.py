"""The GDAP column of the customer list: joined by tenant, customers without one marked."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from desktop.domain.customers import Customer
from desktop.domain.enums import Severity
from desktop.domain.gdap import GdapRelationship, GdapState, gdap_state
from desktop.qt.models.customers import GDAP, CustomerTableModel
from desktop.qt.models.table import SortRole, StatusRole
from tests.qt.models.support import Signals, check_model


def customer(n: int) -> Customer:
    return Customer(
        f"0000000{n}-0000-4000-8000-000000000000", f"Kunde {n}", f"k{n}.example", "reseller"
    )


def relationship(
    tenant: str,
    status: str,
    end_year: int = 2099,
    end: datetime | None = None,
    auto_extend: str = "PT0S",
    roles: tuple[str, ...] = ("f2ef992c-3afb-46b9-b7cf-a126ee74c451",),
) -> GdapRelationship:
    return GdapRelationship(
        id=f"rel-{tenant}",
        display_name=f"Support {tenant[:8]}",
        customer_tenant_id=tenant.upper(),  # Graph may send any case
        customer_name="",
        status=status,
        duration="P730D",
        auto_extend=auto_extend,
        activated=datetime(2025, 1, 1, tzinfo=timezone.utc),
        end=end or datetime(end_year, 1, 1, tzinfo=timezone.utc),
        role_ids=roles,
    )


def cell(model: CustomerTableModel, row: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole):
    return model.index(row, GDAP).data(role)


def test_gdap_fills_by_tenant_and_marks_customers_without_one():
    model = CustomerTableModel()
    rows = [customer(n) for n in range(1, 5)]
    model.set_rows(rows)
    assert {cell(model, r) for r in range(4)} == {"—"}  # not loaded yet
    signals = Signals.on(model)
    model.set_gdap(
        {
            rows[0].tenant_id.upper(): relationship(rows[0].tenant_id, "active"),
            rows[1].tenant_id: relationship(rows[1].tenant_id, "expired", 2025),
        }
    )
    assert signals.resets == 0
    assert signals.changed_rows() == {0, 1, 2, 3}
    by_name = {model.record(r).company_name: r for r in range(4)}
    assert cell(model, by_name["Kunde 1"]).startswith("Active until")
    assert cell(model, by_name["Kunde 2"]) == "Expired"
    assert cell(model, by_name["Kunde 3"]) == "No GDAP"  # marked, not hidden
    assert model.rowCount() == 4
    assert "not available" in cell(model, by_name["Kunde 3"], Qt.ItemDataRole.ToolTipRole)
    assert model.gdap(rows[0].tenant_id) is not None
    check_model(model)


def test_sorting_by_gdap_puts_the_missing_ones_together():
    model = CustomerTableModel()
    rows = [customer(n) for n in range(1, 5)]
    model.set_rows(rows)
    model.set_gdap({rows[2].tenant_id: relationship(rows[2].tenant_id, "active")})
    model.sort(GDAP, Qt.SortOrder.AscendingOrder)
    assert model.record(0).company_name == "Kunde 3"
    assert cell(model, 3, SortRole) == GdapState.NONE
    model.set_gdap(None)
    assert cell(model, 0) == "—"


def test_relationships_ending_within_30_days_are_flagged():
    model = CustomerTableModel()
    rows = [customer(n) for n in range(1, 4)]
    model.set_rows(rows)
    now = datetime.now(timezone.utc)
    model.set_gdap(
        {
            rows[0].tenant_id: relationship(
                rows[0].tenant_id, "active", end=now + timedelta(days=12, hours=1)
            ),
            rows[1].tenant_id: relationship(
                rows[1].tenant_id, "active", end=now + timedelta(days=45)
            ),
            rows[2].tenant_id: relationship(
                rows[2].tenant_id, "active", end=now + timedelta(hours=5)
            ),
        }
    )
    by_name = {model.record(r).company_name: r for r in range(3)}
    soon, later, today = (by_name[f"Kunde {n}"] for n in (1, 2, 3))
    assert cell(model, soon).startswith("Expires in 12 day")
    assert cell(model, later).startswith("Active until")
    assert cell(model, today) == "Expires today"
    assert "approve a new relationship" in cell(model, soon, Qt.ItemDataRole.ToolTipRole)
    assert gdap_state(model.gdap(rows[0].tenant_id)) == cell(model, soon, SortRole)
    assert cell(model, soon, SortRole) == GdapState.ENDING
    assert cell(model, later, SortRole) == GdapState.ACTIVE
    # The amber badge of a degraded service, so it is seen in a long list; no badge otherwise.
    assert cell(model, soon, StatusRole) == Severity.DEGRADED
    assert cell(model, later, StatusRole) is None
    # Sorting by GDAP brings the ones to act on (ending soon) right after the healthy ones.
    model.sort(GDAP, Qt.SortOrder.DescendingOrder)
    assert model.record(2).company_name == "Kunde 2"


def test_auto_extending_relationships_are_never_flagged():
    # P180D: Microsoft extends it by 180 days at its end date, so nothing is to be done.
    model = CustomerTableModel()
    rows = [customer(n) for n in range(1, 4)]
    model.set_rows(rows)
    soon = datetime.now(timezone.utc) + timedelta(days=3, hours=1)
    model.set_gdap(
        {
            rows[0].tenant_id: relationship(
                rows[0].tenant_id, "active", end=soon, auto_extend="P180D"
            ),
            rows[1].tenant_id: relationship(
                rows[1].tenant_id, "active", end=soon, auto_extend="P0D"
            ),
            rows[2].tenant_id: relationship(
                rows[2].tenant_id, "active", end=soon, auto_extend="PT0S"
            ),
        }
    )
    by_name = {model.record(r).company_name: r for r in range(3)}
    extends, p0d, pt0s = (by_name[f"Kunde {n}"] for n in (1, 2, 3))
    assert cell(model, extends).startswith("Active until")
    tip = cell(model, extends, Qt.ItemDataRole.ToolTipRole)
    assert "Extends automatically by 180 day" in tip  # "day(s)" until lrelease
    assert "approve a new relationship" not in tip
    assert gdap_state(model.gdap(rows[0].tenant_id)) == GdapState.ACTIVE
    for row in (p0d, pt0s):
        assert cell(model, row).startswith("Expires in 3 day")
        assert "approve a new relationship" in cell(model, row, Qt.ItemDataRole.ToolTipRole)


def test_expiring_is_ended_and_unknown_statuses_read_other_status():
    model = CustomerTableModel()
    rows = [customer(n) for n in range(1, 3)]
    model.set_rows(rows)
    past = datetime.now(timezone.utc) - timedelta(days=2)
    model.set_gdap(
        {
            rows[0].tenant_id: relationship(rows[0].tenant_id, "expiring", end=past),
            rows[1].tenant_id: relationship(rows[1].tenant_id, "suspendedByMicrosoft"),
        }
    )
    by_name = {model.record(r).company_name: r for r in range(2)}
    assert cell(model, by_name["Kunde 1"]) == "Expiring"  # not "Active until", not "Expires"
    assert gdap_state(model.gdap(rows[0].tenant_id)) == GdapState.INACTIVE  # not ending soon
    # A status newer than the app (or Graph's unknownFutureValue) is never shown raw.
    assert cell(model, by_name["Kunde 2"]) == "Other status"


def test_the_tooltip_names_the_roles():
    model = CustomerTableModel()
    rows = [customer(1)]
    model.set_rows(rows)
    roles = (
        "62e90394-69f5-4237-9190-012177145e10",
        "729827e3-9c14-49f7-bb1b-9608f156bbb8",
        "00000000-1111-2222-3333-444444444444",  # a custom role: shown as its id
    )
    model.set_gdap({rows[0].tenant_id: relationship(rows[0].tenant_id, "active", roles=roles)})
    tip = cell(model, 0, Qt.ItemDataRole.ToolTipRole)
    assert (
        "Roles: Global Administrator, Helpdesk Administrator, "
        "00000000-1111-2222-3333-444444444444" in tip
    )
    assert "role(s)" not in tip
