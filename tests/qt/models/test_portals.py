"""A customer's admin portals: in the order given, host or reason shown, full URL in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.customers import PortalLink
from desktop.qt.models.portals import LINK, PORTAL, PURPOSE, PortalModel, link_text
from desktop.qt.models.table import RecordRole, SortRole
from tests.qt.models.support import Signals, check_model

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
TOOLTIP = Qt.ItemDataRole.ToolTipRole

ADMIN_URL = "https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=t1"
PORTALS = [
    PortalLink("m365", "Microsoft 365 admin center", "Users, licences, billing", ADMIN_URL),
    PortalLink("entra", "Entra admin center", "Identity", "https://Entra.Microsoft.com/t1#home"),
    PortalLink(
        "azure", "Azure portal", "Subscriptions", None, error="No Azure plan for this customer"
    ),
    PortalLink("exchange", "exchange admin center", "Mail", "https://admin.exchange.microsoft.com"),
]


def names(model: PortalModel) -> list[str]:
    return [p.name for p in model.records()]


def test_portals_keep_the_order_given(qapp):
    model = PortalModel()
    model.set_rows(PORTALS)
    assert model.records() == PORTALS
    assert model.sort_state()[0] == -1


def test_link_column_shows_the_host_or_why_not(qapp):
    model = PortalModel()
    model.set_rows(PORTALS)
    links = [model.index(row, LINK).data() for row in range(4)]
    assert links == [
        "admin.microsoft.com",
        "entra.microsoft.com",
        "Unavailable: No Azure plan for this customer",
        "admin.exchange.microsoft.com",
    ]
    tips = [model.index(row, LINK).data(TOOLTIP) for row in range(4)]
    assert tips == [ADMIN_URL, PORTALS[1].url, "No Azure plan for this customer", PORTALS[3].url]
    assert model.index(0, PORTAL).data() == "Microsoft 365 admin center"
    assert model.index(0, PURPOSE).data() == "Users, licences, billing"
    assert model.index(0, PORTAL).data(TOOLTIP) is None
    for column in range(3):
        assert model.index(2, column).data(RecordRole) is PORTALS[2]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Portal", "Purpose", "Link"]


def test_link_text_of_a_url_without_a_host(qapp):
    assert link_text(PortalLink("x", "X", "", "mailto:support@example.com")) == (
        "mailto:support@example.com"
    )


def test_sorting_by_name_ignores_case_and_minus_one_restores_the_given_order(qapp):
    model = PortalModel()
    model.set_rows(PORTALS)
    model.sort(PORTAL, ASC)
    assert names(model) == [
        "Azure portal",
        "Entra admin center",
        "exchange admin center",
        "Microsoft 365 admin center",
    ]
    assert model.index(0, PORTAL).data(SortRole) == "azure portal"
    model.sort(LINK, DESC)
    assert names(model)[0] == "Azure portal"  # "unavailable: …" sorts after the hosts
    model.sort(-1, ASC)
    assert model.records() == PORTALS


def test_lookup_and_replace_by_portal_id(qapp):
    model = PortalModel()
    model.set_rows(PORTALS)
    assert model.row_of_key("azure") == 2
    assert model.row_of_key("nope") is None
    signals = Signals.on(model)
    fixed = PortalLink("azure", "Azure portal", "Subscriptions", "https://portal.azure.com/t1")
    assert model.replace_records([fixed]) == 1
    assert signals.changed_rows() == {2}
    assert signals.resets == 0
    assert model.index(2, LINK).data() == "portal.azure.com"


def test_model_tester(qtmodeltester):
    model = PortalModel()
    qtmodeltester.check(model)
    model.set_rows(PORTALS)
    for column in range(-1, 3):
        model.sort(column, DESC)
    model.set_predicate(lambda p: p.url is not None)
    model.replace_records([PortalLink("m365", "M365", "", None, error="No GDAP access")])
    model.set_rows([])
    check_model(model)
