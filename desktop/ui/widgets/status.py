"""Status badges: colour *and* shape *and* text, so no one depends on colour alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.domain.enums import health_rank

# rank -> (colour, shape). 0 fine, 1 watch, 2 degraded, 3 down, -1 unknown/no data.
_STYLES = {
    0: (QColor("#2e7d32"), "circle"),
    1: (QColor("#1565c0"), "diamond"),
    2: (QColor("#b26a00"), "triangle"),
    3: (QColor("#c62828"), "square"),
    -1: (QColor("#757575"), "ring"),
}


def status_rank(status: Any) -> int | None:
    """The badge for a health or issue status string as Graph sends it; None for no badge."""
    return health_rank(status) if isinstance(status, str) and status else None


def rank_colour(rank: int) -> QColor:
    return _STYLES.get(rank, _STYLES[-1])[0]


def paint_shape(painter: QPainter, rect: QRect, rank: int) -> None:
    colour, shape = _STYLES.get(rank, _STYLES[-1])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour.darker(130), 1))
    painter.setBrush(colour)
    r = rect.adjusted(1, 1, -1, -1)
    if shape == "circle":
        painter.drawEllipse(r)
    elif shape == "ring":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 2))
        painter.drawEllipse(r.adjusted(1, 1, -1, -1))
    elif shape == "square":
        painter.drawRect(r)
    else:
        path = QPainterPath()
        if shape == "triangle":
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(r.center().x(), r.top()),
                        QPointF(r.right(), r.bottom()),
                        QPointF(r.left(), r.bottom()),
                    ]
                )
            )
        else:
            c = r.center()
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(c.x(), r.top()),
                        QPointF(r.right(), c.y()),
                        QPointF(c.x(), r.bottom()),
                        QPointF(r.left(), c.y()),
                    ]
                )
            )
        path.closeSubpath()
        painter.drawPath(path)
    painter.restore()


_BADGE, _GAP, _END = 12, 6, 4  # badge size, space either side of it, space after the text


def badge_column_width(metrics: QFontMetrics, texts: Iterable[str]) -> int:
    """A width that shows each of `texts` whole after its badge.

    For columns too long to size to their contents (50,000 customers) whose texts are known.
    """
    return max(map(metrics.horizontalAdvance, texts), default=0) + _BADGE + 2 * _GAP + _END + 2


class StatusDelegate(QStyledItemDelegate):
    """Draws a coloured shape before the cell's text.

    The rank is `to_rank(index.data(role))`; None draws the cell as usual.
    """

    def __init__(
        self, role: int, to_rank: Callable[[Any], int | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.role = role
        self.to_rank = to_rank

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rank = self.to_rank(index.data(self.role))
        if rank is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        size = max(8, min(_BADGE, opt.rect.height() - 8))
        badge = QRect(opt.rect.left() + _GAP, opt.rect.center().y() - size // 2, size, size)
        paint_shape(painter, badge, int(rank))
        text_rect = opt.rect.adjusted(size + 2 * _GAP, 0, -_END, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )
        painter.restore()

    def sizeHint(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + _BADGE + 2 * _GAP + _END, hint.height())


def badge_icons(size: int = 12, ratio: float = 1.0) -> dict[int, QIcon]:
    """One icon per rank (the same shapes and colours), for views without a Python delegate."""
    icons: dict[int, QIcon] = {}
    for rank in _STYLES:
        pixmap = QPixmap(int(size * ratio), int(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_shape(painter, QRect(0, 0, size, size), rank)
        painter.end()
        icons[rank] = QIcon(pixmap)
    return icons
