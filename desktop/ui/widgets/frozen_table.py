"""A table whose first column stays in view while the others scroll sideways (Qt's "Frozen
Column Example"): a second view over the first column, sharing the model, the selection and
the vertical scrolling. The keyboard stays on the main view, which has every column, so
keyboard navigation and screen readers work on it as on any table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QWidget

from desktop.ui.widgets.tables import AppendingTable, setup_table

Index = QModelIndex | QPersistentModelIndex
Hint = QAbstractItemView.ScrollHint
_FROZEN = 0  # the column that stays


class FrozenColumnTable(AppendingTable):
    """`frozen`: the view over column 0, laid over this one's; it never takes the focus (a
    click on it moves the focus here) and its double-click is this view's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = AppendingTable(self)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Sideways by pixels: a wide customer column otherwise jumps a whole service at a time
        # under the frozen one.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.frozen.clicked.connect(lambda _index: self.setFocus())
        self.frozen.doubleClicked.connect(self.doubleClicked)
        mine, theirs = self.verticalScrollBar(), self.frozen.verticalScrollBar()
        mine.valueChanged.connect(theirs.setValue)
        theirs.valueChanged.connect(mine.setValue)
        self.horizontalHeader().sectionResized.connect(self._resized)
        self.frozen.horizontalHeader().sectionResized.connect(self._frozen_resized)
        self.horizontalHeader().sortIndicatorChanged.connect(
            lambda section, order: self.frozen.horizontalHeader().setSortIndicator(section, order)
        )
        self.frozen.horizontalHeader().sectionClicked.connect(self._frozen_clicked)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.columnsInserted.connect(self._hide_columns)
            model.modelReset.connect(self._hide_columns)
        self._hide_columns()

    def setup_frozen(self) -> None:
        """After `setup_table` on this view: the frozen one looks and behaves alike (row
        height, selection by row), sorts through this one's header, and sits in place."""
        setup_table(self.frozen, sortable=False, columns=False)
        header, mine = self.frozen.horizontalHeader(), self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(mine.defaultAlignment())
        header.setSortIndicator(mine.sortIndicatorSection(), mine.sortIndicatorOrder())
        self.set_sort_shown(mine.isSortIndicatorShown())
        self.frozen.setColumnWidth(_FROZEN, self.columnWidth(_FROZEN))
        # Above this view's header too: a header set after __init__ (setHorizontalHeader) is
        # a newer child, stacked over the frozen view, and the services showed through.
        self.frozen.raise_()
        self._place()

    def set_sort_shown(self, shown: bool) -> None:
        self.horizontalHeader().setSortIndicatorShown(shown)
        self.frozen.horizontalHeader().setSortIndicatorShown(shown)

    # -- keeping the two together --------------------------------------------------------

    def _hide_columns(self, *_args: object) -> None:
        model = self.model()
        for column in range(model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, column != _FROZEN)

    def _resized(self, logical: int, _old: int, new: int) -> None:
        if logical == _FROZEN:
            self.frozen.setColumnWidth(_FROZEN, new)
            self._place()

    def _frozen_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == _FROZEN and self.columnWidth(_FROZEN) != new:
            self.setColumnWidth(_FROZEN, new)

    def _frozen_clicked(self, logical: int) -> None:
        if logical != _FROZEN:
            return
        header = self.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == _FROZEN:
            ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        self.sortByColumn(_FROZEN, order)
        self.setFocus()

    def _place(self) -> None:
        header = self.horizontalHeader()
        self.frozen.horizontalHeader().setFixedHeight(header.height())
        self.frozen.setGeometry(
            self.verticalHeader().width() + self.frameWidth(),
            self.frameWidth(),
            self.columnWidth(_FROZEN),
            self.viewport().height() + header.height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):  # Qt lays out once before __init__ has made it
            self._place()

    # -- the current cell never hides under the frozen column --------------------------------

    def scrollTo(self, index: Index, hint: Hint = Hint.EnsureVisible) -> None:
        if index.column() > _FROZEN:
            super().scrollTo(index, hint)
            # Qt brings the cell to the viewport's left edge, under the frozen column: on
            # beside it.
            left, width = self.visualRect(index).left(), self.frozen.columnWidth(_FROZEN)
            if left < width:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - (width - left))
        else:
            # The frozen column is always in view: only the row is scrolled to, the services
            # stay where the user scrolled them.
            bar = self.horizontalScrollBar()
            keep = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(keep)
