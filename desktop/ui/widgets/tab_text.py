"""Fusion draws an unselected tab's label in a rect 2 px shorter than a line of text (it moves
the label down for the raised look and takes the 2 px off its height), so capitals with accents
and descenders are clipped: "Übersicht" read "Ubersicht" and "Änderungen" "Anderungen" in every
German screenshot. The proxy gives the label back a full line's height; other styles (Windows,
macOS) are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


class TabTextStyle(QProxyStyle):
    def subElementRect(
        self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None
    ) -> QRect:
        # QProxyStyle's stub wants a widget; Qt takes none (QCommonStyle's stub agrees).
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]
        if element != QStyle.SubElement.SE_TabBarTabText:
            return rect
        line = option.fontMetrics.height()
        missing = line - rect.height()
        if missing <= 0:
            return rect
        # Grow about the label's centre, but never out of the tab.
        grown = rect.adjusted(0, -(missing - missing // 2), 0, missing // 2)
        return grown.intersected(option.rect) if option.rect.isValid() else grown


def fix_tab_text(app: QApplication) -> None:
    """Under Fusion, keep tab labels whole (a no-op under any other style)."""
    style = app.style()
    if style.name().lower() != "fusion" or isinstance(style, TabTextStyle):
        return
    app.setStyle(TabTextStyle("Fusion"))
