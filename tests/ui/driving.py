"""Test helpers that drive the window through its public state and widgets (no test hooks in
the production classes): build a session holder, pick a customer, wait for the panes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtTest import QTest

from desktop.qt.session import SessionHolder, system_browser
from desktop.qt.worker import Worker
from desktop.services.backend import Backend
from desktop.services.session import Session


def holder_for(
    worker: Worker,
    backend: Backend,
    launcher: Callable[[str], bool] = system_browser,
    locale: str = "en-US",
    **fields: Any,
) -> SessionHolder:
    """A holder of one session on `backend`; `fields` are the Session's (mode, cache, ...)."""
    return SessionHolder(Session(backend=backend, **fields), worker, launcher, locale)


def select_row(window: Any, row: int, timeout_ms: int = 10000) -> None:
    """Choose the customer in `row` of the list, as a click would, and return once every tab
    has taken it (after the window's selection debounce), i.e. is loading or shown."""
    window.customers.select_row(row)
    customer = window.customers.current_customer()
    waited = 0
    while any(pane.customer is not customer for pane in window.panes()):
        if waited > timeout_ms:
            raise TimeoutError("the tabs did not take the chosen customer")
        QTest.qWait(5)
        waited += 5
