"""The all-customers requests window by keyboard, in every shipped language: its tabs' letters,
Ctrl+Tab, the customers whose requests could not be read (why, and Enter opens one), and the
title column's room."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from desktop.qt import translators
from desktop.qt.models.requests import CUSTOMER, TITLE
from desktop.qt.session import SessionHolder
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.columns import columns_of
from desktop.ui.windows.open_requests import OpenRequestsWindow

_MNEMONIC = re.compile(r"&(?!&)(\w)")
Alt, Ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture(params=("en", "de", "zh_TW"))
def language(request, qapp) -> Iterator[str]:
    translators.uninstall(qapp)
    translators.install(qapp, request.param)
    yield request.param
    translators.uninstall(qapp)


@pytest.fixture
def swept(qtbot, language: str, holder: SessionHolder, sandbox: Sandbox) -> OpenRequestsWindow:
    """The window, built in `language`, after one sweep of the shared sandbox's customers."""
    customers = holder.session.backend.customers().items
    view = OpenRequestsWindow(holder, lambda: customers)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.swept, timeout=30000):
        holder.worker.spawn(view.load())
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    return view


def letters(view: OpenRequestsWindow) -> dict[str, str]:
    """Alt+letter → the text that uses it, for every control of the window (on every tab)."""
    used: dict[str, list[str]] = {}
    texts = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    for widget in view.findChildren(QWidget):
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
    for text in texts:
        for letter in _MNEMONIC.findall(text):
            used.setdefault(letter.casefold(), []).append(text)
    clashes = {letter: found for letter, found in used.items() if len(found) > 1}
    assert clashes == {}
    return {letter: found[0] for letter, found in used.items()}


def test_every_tab_has_its_own_letter_and_ctrl_tab_moves_between_them(
    qtbot, swept: OpenRequestsWindow
) -> None:
    view = swept
    used = letters(view)
    for index in range(view.tabs.count()):
        text = view.tabs.tabText(index)
        found = _MNEMONIC.findall(text)
        assert len(found) == 1, text
        assert used[found[0].casefold()] == text
        # From the status filter, where the walk pressed it: the tab changes, the filter not.
        view.status.setFocus()
        qtbot.waitUntil(view.status.hasFocus, timeout=5000)
        status = view.status.currentIndex()
        key = Qt.Key(ord(found[0].upper()))
        qtbot.keyClick(view.status, key, Alt)
        assert view.tabs.currentIndex() == index, text
        assert view.status.currentIndex() == status
    # Ctrl+Tab and Ctrl+PgDown go on from the table too (which keeps PgDown for itself).
    view.tabs.setCurrentIndex(0)
    view.view.setFocus()
    qtbot.waitUntil(view.view.hasFocus, timeout=5000)
    qtbot.keyClick(view.view, Qt.Key.Key_Tab, Ctrl)
    assert view.tabs.currentIndex() == 1
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_PageDown, Ctrl)
    assert view.tabs.currentIndex() == 2
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_PageDown, Ctrl)
    assert view.tabs.currentIndex() == 0
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_PageUp, Ctrl)
    assert view.tabs.currentIndex() == 2


def test_the_unread_say_why_in_the_users_words(
    swept: OpenRequestsWindow, language: str, sandbox: Sandbox
) -> None:
    view = swept
    blocked = {c.company_name for c in sandbox.data.customers if not c.has_gdap}
    assert view.failures.topLevelItemCount() == len(blocked)
    tab = view.tabs.tabText(2).replace("&", "")
    expected = {"en": "Could not be read", "de": "Nicht lesbar", "zh_TW": "無法讀取"}[language]
    assert tab.startswith(expected)
    assert str(len(blocked)) in tab
    first = view.failures.topLevelItem(0)
    assert first is not None
    assert {view.failures.topLevelItem(i).text(0) for i in range(len(blocked))} == blocked
    why = first.text(1)
    # Partner Center refuses (403) a customer without GDAP: said as the app says it elsewhere.
    assert why == QCoreApplication.translate("errors", "Access denied")
    assert why in first.toolTip(0)
    view.failures.setCurrentItem(first)
    detail = view.failure_detail.text()
    colon = "：" if language == "zh_TW" else ": "
    assert detail.startswith(why + colon)
    assert len(detail) > len(why) + 10  # what it means, not only its title
    progress = view.progress_label.text()
    assert {"en": "could not be read", "de": "nicht lesbar", "zh_TW": "無法讀取"}[
        language
    ] in progress


def test_the_title_gets_the_room_at_the_default_size(qtbot, swept: OpenRequestsWindow) -> None:
    view = swept
    # Every status: the sandbox's longest company name is among them (fitting the customer
    # column to it left the title a few letters).
    view.status.setCurrentIndex(view.status.findData(""))
    names = [view.model.index(r, CUSTOMER).data() for r in range(view.model.rowCount())]
    assert max(len(name) for name in names) > 80
    header, columns = view.view.horizontalHeader(), columns_of(view.view)
    assert columns is not None
    chars = view.view.fontMetrics().averageCharWidth()
    title, customer = columns.width(TITLE), columns.width(CUSTOMER)
    assert title >= 25 * chars, (title, chars)
    assert title > customer
    # No column runs off the window: the table needs no horizontal scroll bar.
    assert header.length() <= view.view.viewport().width()


def test_enter_on_an_unread_customer_opens_it(qtbot, window: MainWindow, sandbox: Sandbox) -> None:
    window.show_open_requests()
    view = window._open_requests
    assert view is not None
    qtbot.waitUntil(
        lambda: view.failures.topLevelItemCount() > 0 and not view.running, timeout=30000
    )
    view.tabs.setCurrentIndex(2)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    item = view.failures.topLevelItem(view.failures.topLevelItemCount() - 1)
    assert item is not None
    view.failures.setCurrentItem(item)
    view.failures.setFocus()
    qtbot.waitUntil(view.failures.hasFocus, timeout=5000)
    qtbot.keyClick(view.failures, Qt.Key.Key_Return)
    current = window.current_customer()
    assert current is not None
    assert current.company_name == item.text(0)
    assert not next(c for c in sandbox.data.customers if c.tenant_id == current.tenant_id).has_gdap
