"""The dashboard's two tables: customers x services, and the incidents active now."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from desktop.qt.models.dashboard import AFFECTED, NAME, HealthGridModel, IncidentsNowModel
from desktop.qt.words import severity_words
from desktop.ui.widgets.status import badge_column_width, badge_icons
from desktop.ui.widgets.tables import AppendingTable, setup_table, size_columns


class HealthGridView(AppendingTable):
    """One row per customer, most affected first; a badge and a word in every cell."""

    def __init__(self, model: HealthGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(self.tr("Customers by service"))
        self.setAccessibleDescription(
            self.tr(
                "One row per customer, most affected first, one column per service; every cell "
                "has a shape and a word. Enter opens the customer in the main window."
            )
        )
        setup_table(self, sortable=True)
        self.horizontalHeader().setSortIndicator(AFFECTED, Qt.SortOrder.DescendingOrder)
        # Colour, shape and text in every cell: readable for colour-blind users and in any theme.
        # Icons, not a Python delegate: the grid repaints every visible cell during a sweep.
        self.setIconSize(QSize(12, 12))
        model.set_badges(badge_icons(12, self.devicePixelRatioF()))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Wide enough for every status word of the language ("Beeinträchtigt") after its badge.
        words = list(severity_words().values())
        header.setDefaultSectionSize(max(96, badge_column_width(self.fontMetrics(), words)))
        header.resizeSection(NAME, 230)
        header.resizeSection(AFFECTED, 110)


class IncidentsNowView(QTableView):
    """Active Microsoft issues, the most widespread first."""

    def __init__(self, model: IncidentsNowModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(self.tr("Incidents now"))
        self.setAccessibleDescription(
            self.tr(
                "Active Microsoft issues, the most widespread first. The selected one's details "
                "and the customers it touches follow."
            )
        )
        setup_table(self, sortable=True)
        size_columns(
            self, stretch=IncidentsNowModel.TITLE, hidden=[IncidentsNowModel.CLASSIFICATION]
        )
        # Widths from the longest text each can hold, not fitted to contents: fitting measures
        # every row again on each update, each measure a call into Python that waits for the
        # sweep's GIL.
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        pad = metrics.averageCharWidth() * 3
        for column, longest in (
            (IncidentsNowModel.ID, "WW0000000"),
            (IncidentsNowModel.CUSTOMERS, QLocale().toString(100_000)),
        ):
            width = max(metrics.horizontalAdvance(longest) + pad, header.sectionSizeHint(column))
            header.resizeSection(column, width)
