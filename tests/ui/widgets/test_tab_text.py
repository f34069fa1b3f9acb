"""Tab labels keep a full line's height under Fusion, so "Übersicht" keeps its dots."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionTab, QTabWidget, QWidget

from desktop.ui.widgets.tab_text import TabTextStyle


def _text_heights(tabs: QTabWidget, style: QStyle) -> list[int]:
    bar = tabs.tabBar()
    heights = []
    for index in range(bar.count()):
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)
        rect = style.subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        heights.append(rect.height())
    return heights


def test_unselected_tabs_have_a_whole_line(qtbot: object) -> None:
    tabs = QTabWidget()
    for label in ("&Übersicht", "Dienstintegrität", "Geplante Ä&nderungen"):
        tabs.addTab(QWidget(), label)
    tabs.resize(500, 100)
    tabs.show()
    QApplication.processEvents()
    line = tabs.tabBar().fontMetrics().height()
    # Fusion itself takes 2 px off an unselected tab's label: the defect the proxy fixes.
    assert min(_text_heights(tabs, TabTextStyle("Fusion").baseStyle())) < line
    assert min(_text_heights(tabs, TabTextStyle("Fusion"))) >= line
    tabs.close()
