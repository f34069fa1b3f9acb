"""A focus ring: where the keyboard is, drawn plainly around whatever widget has it.

Fusion (Linux) and the Windows styles mark focus faintly or not at all: a table's selection has
the same colour whether or not the table has the focus, a text view and the tab bar show
nothing, a button a one-pixel tint. Someone working by keyboard cannot follow that. One
`QFocusFrame` follows the focus across every window of the app and draws a 2 px ring in the
palette's highlight colour, in every style and theme.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QFocusFrame, QWidget

RING_WIDTH = 2

_ring: FocusRing | None = None
_installed: set[int] = set()


class FocusRing(QFocusFrame):
    """The ring: a QFocusFrame (it sits above its widget, a child of the widget's parent)
    that paints a highlight-coloured rounded rectangle."""

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.widget() is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 3, 3)


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
