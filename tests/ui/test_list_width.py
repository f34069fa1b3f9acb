"""The customer list keeps its width whatever the right side shows (issue 18's walk): a long
customer name in the header, or the Incidents tab's bar, squeezed it on a laptop's screen,
and the Health and GDAP columns went out of sight."""

from __future__ import annotations

from desktop.ui.main_window import MainWindow
from tests.ui.driving import select_row


def test_a_long_name_and_the_incidents_tab_leave_the_list_its_width(qtbot, window: MainWindow):
    window.resize(1366, 740)  # a laptop's window
    qtbot.wait(50)
    width = window.customers.width()
    assert width >= 500
    model = window.customers.model
    longest = max(range(model.rowCount()), key=lambda r: len(model.record(r).company_name))
    select_row(window, longest)
    window.header.show_customer(model.record(longest))
    window.tabs.setCurrentWidget(window.incidents)
    qtbot.wait(50)
    assert window.customers.width() == width
    # A name longer than the room is cut on screen and whole in its tooltip.
    window.header.title.setText("Schwäbische Präzisionswerkzeug- und Maschinenbau " * 4)
    qtbot.wait(50)
    assert window.customers.width() == width
