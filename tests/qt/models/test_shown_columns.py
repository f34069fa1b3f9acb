"""The column proxy between a record model and its view: hidden columns left out, rows and
sorting the record model's, every role of a cell from the record model."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelRoleData, QPersistentModelIndex, Qt

from desktop.domain.customers import Customer
from desktop.qt.models.customers import DOMAIN, HEALTH, NAME, TENANT, CustomerTableModel
from desktop.qt.models.shown_columns import ShownColumns
from tests.qt.models.support import check_model

ROWS = [
    Customer(f"0a1b2c3d-0000-4000-8000-00000000000{n}", name, f"c{n}.onmicrosoft.com", "reseller")
    for n, name in enumerate(["Zeta", "Bäckerei Müller", "Contoso", "Alpha"])
]
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole)


def made() -> tuple[CustomerTableModel, ShownColumns]:
    model = CustomerTableModel()
    model.set_rows(ROWS)
    return model, ShownColumns(model)


def test_hidden_columns_are_left_out_and_cells_are_the_record_models(qapp) -> None:
    model, proxy = made()
    proxy.set_hidden([DOMAIN, TENANT])
    check_model(proxy)
    assert proxy.columnCount() == model.columnCount() - 2
    assert proxy.rowCount() == model.rowCount()
    assert proxy.column_of(HEALTH) == HEALTH - 2
    assert proxy.column_of(DOMAIN) == -1
    assert proxy.source_column(1) != DOMAIN
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    assert "Domain" not in titles
    for column in range(proxy.columnCount()):
        source = proxy.source_column(column)
        assert titles[column] == model.headerData(source, Qt.Orientation.Horizontal)
        for row in range(proxy.rowCount()):
            mine, theirs = proxy.index(row, column), model.index(row, source)
            for role in ROLES:
                assert mine.data(role) == theirs.data(role)
            # All roles at once (what a view asks per painted cell), as the record model says.
            span = [QModelRoleData(int(role)) for role in ROLES]
            proxy.multiData(mine, span)  # type: ignore[arg-type]
            assert [d.data() for d in span] == [theirs.data(role) for role in ROLES]
    proxy.set_hidden([])
    assert proxy.columnCount() == model.columnCount()


def test_sorting_is_the_record_models_and_keeps_the_selection(qapp) -> None:
    model, proxy = made()
    proxy.set_hidden([DOMAIN])
    selection = QItemSelectionModel(proxy)
    contoso = next(r for r in range(proxy.rowCount()) if model.record(r).company_name == "Contoso")
    selection.setCurrentIndex(
        proxy.index(contoso, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    held = QPersistentModelIndex(proxy.index(contoso, 0))
    proxy.sort(proxy.column_of(NAME), Qt.SortOrder.AscendingOrder)
    assert model.sort_state() == (NAME, Qt.SortOrder.AscendingOrder)
    assert [model.record(r).company_name for r in range(4)] == [
        "Alpha",
        "Bäckerei Müller",
        "Contoso",
        "Zeta",
    ]
    assert proxy.index(held.row(), 0).data() == "Contoso"
    assert selection.currentIndex().data() == "Contoso"
    # Its sort shown where the column is; none while the column is hidden.
    assert proxy.sort_state() == (proxy.column_of(NAME), Qt.SortOrder.AscendingOrder)
    model.sort(DOMAIN, Qt.SortOrder.DescendingOrder)
    assert proxy.sort_state() == (-1, Qt.SortOrder.DescendingOrder)
    # Hiding columns sorts nothing again (the header moves its indicator as they go).
    proxy.set_hidden([NAME, DOMAIN])
    assert model.sort_state() == (DOMAIN, Qt.SortOrder.DescendingOrder)
