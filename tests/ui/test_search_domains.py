"""Issue 18, defect 5, in the window: a customer's own domains, read with its profile, find it."""

from __future__ import annotations

from desktop.ui.main_window import MainWindow
from tests.ui.driving import select_row


def test_a_customers_custom_domain_finds_it_once_its_profile_was_read(qtbot, window: MainWindow):
    model = window.customers.model
    # A customer whose default domain is its own, not the *.onmicrosoft.com one.
    for row in range(model.rowCount()):
        select_row(window, row)
        qtbot.waitUntil(lambda: window.overview.data is not None, timeout=20000)
        qtbot.waitUntil(
            lambda: window.overview.data.detail.customer == window.current_customer(),
            timeout=20000,
        )
        detail = window.overview.data.detail
        if detail.default_domain != detail.customer.domain:
            break
    else:
        raise AssertionError("the sandbox has no customer with a custom domain")
    wanted = detail.customer
    window.customers.search.setText(detail.default_domain)
    assert [c.tenant_id for c in model.records()] == [wanted.tenant_id]
    window.customers.search.setText(detail.default_domain.upper())
    assert [c.tenant_id for c in model.records()] == [wanted.tenant_id]
