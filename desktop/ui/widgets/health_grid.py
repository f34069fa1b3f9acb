"""The dashboard's two tables: customers x services, and the incidents active now."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QLocale, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView, QWidget

from desktop.qt.dates import date_text
from desktop.qt.models.dashboard import (
    AFFECTED,
    FIRST_SERVICE,
    NAME,
    HealthGridModel,
)
from desktop.qt.models.incidents_now import IncidentsNowModel
from desktop.qt.words import severity_words
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.frozen_table import FrozenColumnTable
from desktop.ui.widgets.status import badge_column_width, badge_icons
from desktop.ui.widgets.tables import setup_table, size_columns

# The tallest a service's name stands, in average characters; a longer one is elided (its
# tooltip has it whole). Microsoft's longest, "Microsoft Defender for Office 365", fits.
_HEADER_MAX_CHARS = 36


class ServiceHeader(QHeaderView):
    """The grid's header: services' names written upwards, whole, in columns as narrow as their
    cells' words (written across, twenty services need a screen three times as wide, or were
    cut to "Microsoft D…"). The Customer and Affected headers read across, at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        model = self.model()
        metrics = self.fontMetrics()
        longest = 0
        if model is not None:
            for column in range(FIRST_SERVICE, model.columnCount()):
                name = model.headerData(column, Qt.Orientation.Horizontal)
                longest = max(longest, metrics.horizontalAdvance(str(name or "")))
        cap = metrics.averageCharWidth() * _HEADER_MAX_CHARS
        hint.setHeight(max(hint.height(), min(longest, cap) + metrics.height()))
        return hint

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if logical < FIRST_SERVICE:
            super().paintSection(painter, rect, logical)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        option.text = ""  # written below, upwards
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortDown
                if ascending
                else QStyleOptionHeader.SortIndicator.SortUp
            )
        style = self.style()
        painter.save()
        style.drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        model = self.model()
        name = str(model.headerData(logical, Qt.Orientation.Horizontal) or "") if model else ""
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth()
        room = max(0, rect.height() - 2 * pad)
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        painter.translate(rect.left() + (rect.width() + metrics.ascent()) // 2 - 2, rect.bottom())
        painter.rotate(-90)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(pad, 0, text)
        painter.restore()


class HealthGridView(FrozenColumnTable):
    """One row per customer, most affected first; a badge and a word in every cell. The
    customer column stays while the services scroll by; the sort arrow shows only while the
    rows are in its order (during a sweep they come in as they answer)."""

    def __init__(self, model: HealthGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(ServiceHeader(self))
        self.setModel(model)
        self.setAccessibleName(self.tr("Customers by service"))
        self.setAccessibleDescription(
            self.tr(
                "One row per customer, most affected first, one column per service; every cell "
                "has a shape and a word. Enter opens the customer in the main window."
            )
        )
        # Its columns are the model's: the frozen view over the first shares the model. (Its
        # header menu hides sections: a screen reader still counts a service hidden there.)
        setup_table(self, sortable=True, columns=False)
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
        # At the bottom, where the services' names start (setup_table centred them).
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.setup_frozen()
        model.in_order.connect(self.set_sort_shown)
        self.set_sort_shown(model.ordered)


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
        columns = columns_of(self)
        assert columns is not None
        pad = metrics.averageCharWidth() * 3
        # The widest date and time the locale writes (two-digit day, month and hour, the
        # afternoon's "PM" or 下午): the walk saw "12/7/26 5:34 …" cut.
        widest = date_text(datetime(2026, 12, 28, 22, 58, tzinfo=timezone.utc))
        for column, longest in (
            (IncidentsNowModel.ID, "WW0000000"),
            (IncidentsNowModel.CUSTOMERS, QLocale().toString(100_000)),
            (IncidentsNowModel.UPDATED, widest),
        ):
            width = max(metrics.horizontalAdvance(longest) + pad, columns.header_hint(column))
            columns.set_width(column, width)
