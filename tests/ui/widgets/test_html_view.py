"""A read-only text pane shows where the keyboard is not: its selection dims when it loses the
focus."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.widgets.html_view import SafeTextBrowser


def _colours(widget: QWidget) -> set[int]:
    image = widget.grab().toImage()
    return {
        image.pixelColor(x, y).rgb()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_a_selection_dims_when_the_pane_loses_the_focus(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    pane = SafeTextBrowser()
    pane.setPlainText("Report visuals show 'Couldn't load the data for this visual'. " * 20)
    other = QLineEdit()
    layout.addWidget(pane)
    layout.addWidget(other)
    window.resize(400, 300)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    pane.selectAll()
    palette = pane.palette()
    active = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight).rgb()
    dimmed = palette.color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight).rgb()

    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus, timeout=2000)
    assert active in _colours(pane.viewport())

    other.setFocus()
    qtbot.waitUntil(other.hasFocus, timeout=2000)
    shown = _colours(pane.viewport())
    assert active not in shown  # Fusion drew it as bright as the focused pane's
    assert dimmed in shown
