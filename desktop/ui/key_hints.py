"""The main window's fixed texts that name a shortcut, built from the shortcuts themselves.

Each is built when its widget is (the customer list's, before the window's actions exist: from
the defaults) and again by `show_key_hints` whenever one of the window's actions changes, so a
text never names a key the action no longer has. Texts built when shown (a status line, the
list's empty message) call `desktop.ui.keys.key_text` themselves.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.ui.keys import context_menu_text, key_text

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

translate = QCoreApplication.translate


def search_placeholder() -> str:
    return translate("CustomerList", "Search name, domain or tenant ID ({0})").format(
        key_text("find")
    )


def list_description(platform: str = sys.platform) -> str:
    return translate(
        "CustomerList",
        "Arrow keys choose a customer; its details open on the right. {0} stars it, {1} tags "
        "it; {2} shows both.",
    ).format(key_text("favourite"), key_text("tags"), context_menu_text(platform))


def scoped_list_empty() -> str:
    return translate(
        "CustomerList",
        "No customer here yet: star customers ({0}) or tag them ({1}), then choose them here.",
    ).format(key_text("favourite"), key_text("tags"))


def tabs_description(count: int) -> str:
    return translate(
        "MainWindow", "{0} to {1} choose a tab, and {2} goes back to the customer list."
    ).format(key_text("tab_1"), key_text(f"tab_{count}"), key_text("customer_list"))


def new_request_tip() -> str:
    return translate("RequestsPane", "File a service request with Microsoft ({0})").format(
        key_text("new_request")
    )


def requests_description() -> str:
    return translate(
        "RequestsPane", "The selected request's details and notes follow; {0} files a new one."
    ).format(key_text("new_request"))


def show_key_hints(window: MainWindow) -> None:
    """Every fixed text of the window that names a shortcut, from the shortcuts as they are."""
    window.customers.search.setPlaceholderText(search_placeholder())
    window.customers.view.setAccessibleDescription(list_description())
    tabs = window.tabs
    tabs.setAccessibleDescription(tabs_description(tabs.count()))
    for index in range(tabs.count()):
        tabs.setTabToolTip(index, key_text(f"tab_{index + 1}"))
    window.requests.new_button.setToolTip(new_request_tip())
    window.requests.view.setAccessibleDescription(requests_description())
