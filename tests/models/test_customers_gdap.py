"""The GDAP column of the customer list: joined by tenant, customers without one marked."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from desktop.models.customers import GDAP, CustomerTableModel, gdap_rank
from desktop.models.records import Customer, GdapRelationship
from tests.models.support import Signals, check_model


def customer(n: int) -> Customer:
    return Customer(
        f"0000000{n}-0000-4000-8000-000000000000", f"Kunde {n}", f"k{n}.example", "reseller"
    )


def relationship(
    tenant: str, status: str, end_year: int = 2099, end: datetime | None = None
) -> GdapRelationship:
    return GdapRelationship(
        id=f"rel-{tenant}",
        display_name=f"Support {tenant[:8]}",
        customer_tenant_id=tenant.upper(),  # Graph may send any case
        customer_name="",
        status=status,
        duration="P730D",
        auto_extend="P180D",
        activated=datetime(2025, 1, 1, tzinfo=timezone.utc),
        end=end or datetime(end_year, 1, 1, tzinfo=timezone.utc),
        role_ids=("f2ef992c-3afb-46b9-b7cf-a126ee74c451",),
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
    assert gdap_rank("none") == 3
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
    assert gdap_rank(model.gdap(rows[0].tenant_id)) == 1
    assert gdap_rank(model.gdap(rows[1].tenant_id)) == 0
    # Sorting by GDAP brings the ones to act on (ending soon) right after the healthy ones.
    model.sort(GDAP, Qt.SortOrder.DescendingOrder)
    assert model.record(2).company_name == "Kunde 2"
