"""A focus ring: where the keyboard is, drawn plainly around whatever widget has it.

Fusion (Linux) and the Windows styles mark focus faintly or not at all: a table's selection has
the same colour whether or not the table has the focus, a text view and the tab bar show
nothing, a button a one-pixel tint. Someone working by keyboard cannot follow that. One
`QFocusFrame` follows the focus across every window of the app and draws a 2 px ring in the
palette's highlight colour, in every style and theme.

The ring sits above its widget, a child of the window (or of the scroll area's viewport the
widget is in), not below it in the widget's own parent as Fusion places a focus frame: there
only its margin showed, and a table or text pane filling a splitter's side had that margin cut
off on three sides (one thin line on the edge shared with its neighbour, which could be either
pane's). Around a framed view (a table, a list, a text pane) the ring is drawn on the view's own
frame, inside its rectangle, so nothing can cut it; around a smaller control it keeps the
style's margin outside it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

RING_WIDTH = 2

_ring: FocusRing | None = None
_installed: set[int] = set()


class _RingPlacement(QProxyStyle):
    """Only the ring's own style: where QFocusFrame puts it (above the widget; on a framed
    view's edge, or the application style's margin outside anything else)."""

    ring: QFocusFrame | None = None  # Qt asks for the margin without saying for which widget

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 (Qt's name)
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        if hint == QStyle.StyleHint.SH_FocusFrame_Mask:
            return 0  # the ring sets its own (FocusRing.resizeEvent)
        return QApplication.style().styleHint(hint, option, widget, returnData)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        margins = (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin)
        if metric in margins:
            ring = self.ring
            if ring is not None and isinstance(ring.widget(), QAbstractScrollArea):
                return 0
            return QApplication.style().pixelMetric(metric, option, None)
        return QApplication.style().pixelMetric(metric, option, widget)


_placement: _RingPlacement | None = None


class FocusRing(QFocusFrame):
    """The ring: a QFocusFrame above its widget that paints a highlight-coloured rounded
    rectangle, and is nothing (a mask) inside that band."""

    def __init__(self) -> None:
        super().__init__()
        global _placement
        if _placement is None:
            _placement = _RingPlacement()
        _placement.ring = self
        self.setStyle(_placement)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.widget() is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 3, 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Only the band is the ring's: what it covers repaints without it.
        band = QRegion(self.rect())
        inner = self.rect().adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(band.subtracted(QRegion(inner)) if inner.isValid() else band)
        super().resizeEvent(event)


def install_focus_ring(app: QApplication) -> None:
    """From now on the ring follows the keyboard focus (once per application)."""
    if id(app) in _installed:
        return
    _installed.add(id(app))
    app.focusChanged.connect(_follow)
    _follow(None, app.focusWidget())


def focus_ring() -> FocusRing:
    """The ring, made again if Qt deleted it with the window it was last in."""
    global _ring
    if _ring is None or not shiboken6.isValid(_ring):
        _ring = FocusRing()
    return _ring


def _follow(_old: QWidget | None, new: QWidget | None) -> None:
    # None detaches the ring (Qt allows it; PySide's stubs do not say so).
    focus_ring().setWidget(ring_target(new))  # type: ignore[arg-type]


def ring_target(widget: QWidget | None) -> QWidget | None:
    """The widget the ring goes around: the combo or spin box rather than its inner editor."""
    if widget is None:
        return None
    parent = widget.parentWidget()
    if isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return parent
    return widget
