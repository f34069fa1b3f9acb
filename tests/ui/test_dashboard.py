"""The dashboard against the sandbox: grid, incidents now, customers it touches, open one."""

from __future__ import annotations

from desktop.qt.models.dashboard import AFFECTED, FIRST_SERVICE
from desktop.qt.models.table import StatusRole
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow


def test_the_dashboard_sweeps_and_opens_a_customer(
    qtbot, qtmodeltester, window: MainWindow, sandbox: Sandbox
):
    qtbot.waitUntil(lambda: not window.sweep.column.running, timeout=30000)
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    grid = dashboard.grid
    assert grid.rowCount() == len(sandbox.data.customers)
    assert grid.columnCount() > FIRST_SERVICE + 3
    # Most affected first: nobody below has more degraded services than the first row.
    first = grid.row(0)
    assert all(grid.row(r).affected <= first.affected for r in range(grid.rowCount()))
    # Customers without GDAP are there, with the reason, never dropped.
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    errors = {grid.row(r).customer.tenant_id for r in range(grid.rowCount()) if grid.row(r).error}
    assert blocked <= errors
    assert grid.index(0, AFFECTED).data(StatusRole) is not None
    assert "done" in dashboard.counts.text()
    qtmodeltester.check(grid)
    qtmodeltester.check(dashboard.incidents)
    # Incidents now: the most widespread first, with the customers it touches.
    assert dashboard.incidents.rowCount() > 0
    # The most widespread one is shown at once when the sweep ends.
    qtbot.waitUntil(lambda: dashboard.incident_view.currentIndex().row() == 0, timeout=5000)
    assert dashboard.affected.count() > 0
    dashboard.incident_view.selectRow(0)
    active = dashboard.incidents.record(0)
    assert dashboard.affected.count() == len(active.tenants) > 0
    assert active.issue.id in dashboard.detail.toPlainText()
    # Every post, newest first, as on the customer's Incidents tab.
    assert "Updates (newest first)" in dashboard.detail.toPlainText()
    item = dashboard.affected.item(0)
    dashboard._open_listed_customer(item)
    chosen = window.current_customer()
    assert chosen is not None
    assert chosen.tenant_id in active.tenants
    # Partner-level incidents from Partner Center are listed too (test_partner_context.py).
    qtbot.waitUntil(lambda: dashboard.partner.list.count() > 0, timeout=10000)
