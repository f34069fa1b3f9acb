"""Status badges: colour *and* shape *and* text, so no one depends on colour alone."""

from __future__ import annotations

from collections.abc import Iterable

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
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.domain.enums import Severity
from desktop.qt.models.table import StatusRole

# Severity -> (colour, shape).
_STYLES = {
    Severity.OK: (QColor("#2e7d32"), "circle"),
    Severity.ADVISORY: (QColor("#1565c0"), "diamond"),
    Severity.DEGRADED: (QColor("#b26a00"), "triangle"),
    Severity.DOWN: (QColor("#c62828"), "square"),
    Severity.UNKNOWN: (QColor("#757575"), "ring"),
}


def paint_shape(painter: QPainter, rect: QRect, severity: Severity) -> None:
    colour, shape = _STYLES.get(severity, _STYLES[Severity.UNKNOWN])
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
    """Draws the badge of the cell's `Severity` (its `StatusRole`) before its text; a cell
    without one is drawn as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        severity = index.data(StatusRole)
        if not isinstance(severity, int):
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
        paint_shape(painter, badge, Severity(severity))
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


def badge_icons(size: int = 12, ratio: float = 1.0) -> dict[Severity, QIcon]:
    """One icon per severity (the same shapes and colours), for views without a Python
    delegate."""
    icons: dict[Severity, QIcon] = {}
    for severity in _STYLES:
        pixmap = QPixmap(int(size * ratio), int(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_shape(painter, QRect(0, 0, size, size), severity)
        painter.end()
        icons[severity] = QIcon(pixmap)
    return icons
