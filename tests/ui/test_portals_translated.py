"""The Admin portals tab in the user's language, SharePoint's derived address marked in its row."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.qt import translators
from desktop.qt.models.portals import LINK, PORTAL, PURPOSE
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from tests.ui.test_main_window import load, row_of

TOOLTIP = 3  # Qt.ItemDataRole.ToolTipRole


def portal_row(window: MainWindow, portal_id: str) -> int:
    model = window.portals.model
    return next(r for r in range(model.rowCount()) if model.record(r).portal_id == portal_id)


def customer_row(window: MainWindow, sandbox: Sandbox, sharepoint_listed: bool) -> int:
    """A customer with GDAP whose Microsoft answer does (or does not) name SharePoint."""

    def fits(tenant_id: str) -> bool:
        tenant = sandbox.data.customer(tenant_id)
        details = sandbox.data.service_management_details(tenant_id)
        if tenant is None or not tenant.has_gdap or details is None:
            return False
        names = {d["serviceName"] for d in details}
        return ("SharePoint" in names) == sharepoint_listed and (
            "Microsoft 365 Lighthouse" in names
        )

    return row_of(window, lambda c: fits(c.tenant_id))


@pytest.fixture
def german(qapp) -> Iterator[None]:
    """German from here on: the tab's texts are translated as they are shown."""
    translators.uninstall(qapp)
    translators.install(qapp, "de")
    yield
    translators.uninstall(qapp)


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    translators.uninstall(qapp)
    translators.install(qapp, "zh_TW")
    yield
    translators.uninstall(qapp)


def test_portals_in_german_and_sharepoints_guess_marked(
    qtbot, window: MainWindow, sandbox: Sandbox, german: None
) -> None:
    load(qtbot, window, customer_row(window, sandbox, sharepoint_listed=False))
    model = window.portals.model
    m365 = portal_row(window, "m365")
    # Names as Microsoft's German admin centers say them; purposes translated.
    assert model.index(m365, PORTAL).data() == "Microsoft 365 Admin Center"
    assert model.index(portal_row(window, "azure"), PORTAL).data() == "Azure-Portal"
    assert model.index(m365, PURPOSE).data() == (
        "Benutzer, Lizenzen, Abrechnung, Domänen und die Einstellungen des Mandanten."
    )
    for row in range(model.rowCount()):
        purpose = model.index(row, PURPOSE).data()
        assert purpose != model.record(row).purpose, purpose  # nothing left in English
    lighthouse = portal_row(window, "ms:microsoft 365 lighthouse")
    assert model.index(lighthouse, PORTAL).data() == "Microsoft 365 Lighthouse"  # Microsoft's
    assert model.index(lighthouse, PURPOSE).data() == (
        "Microsoft 365 Lighthouse, verlinkt von Microsoft (GDAP)."
    )
    # SharePoint's address is a guess here: its row says so, its tooltip why.
    sharepoint = portal_row(window, "sharepoint")
    assert model.index(sharepoint, PORTAL).data() == "SharePoint Admin Center"
    link = model.index(sharepoint, LINK).data()
    assert link.endswith("-admin.sharepoint.com (abgeleitet)")
    assert "aus dem Mandantennamen abgeleitet" in model.index(sharepoint, LINK).data(TOOLTIP)
    pane = window.portals
    window.tabs.setCurrentWidget(pane)
    pane.view.selectRow(lighthouse)
    assert pane.note.text() == (
        "Microsoft 365 Lighthouse, verlinkt von Microsoft (GDAP). "
        "Der eigene Link von Microsoft für diesen Kunden."
    )
    pane.view.selectRow(sharepoint)
    assert "Adresse aus dem Mandantennamen abgeleitet." in pane.note.text()


def test_microsofts_sharepoint_address_is_not_marked(
    qtbot, window: MainWindow, sandbox: Sandbox, chinese: None
) -> None:
    load(qtbot, window, customer_row(window, sandbox, sharepoint_listed=True))
    model = window.portals.model
    sharepoint = portal_row(window, "sharepoint")
    assert model.index(sharepoint, PORTAL).data() == "SharePoint 系統管理中心"
    assert model.index(sharepoint, LINK).data().endswith("-admin.sharepoint.com")
    assert model.index(portal_row(window, "servicehealth"), PORTAL).data() == (
        "服務健康情況 (系統管理中心)"
    )
