"""Unexpected errors from a slot, a task or a thread: logged, shown redacted, survived."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtWidgets import QApplication, QPushButton

from desktop.gui_failures import Failures
from desktop.ui.dialogs.crash import CrashDialog, CrashReporter

TOKEN = "eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4eHh4eHh4eCJ9.c2lnbmF0dXJl"


def dialogs() -> list[CrashDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]


def test_errors_from_anywhere_are_reported_redacted(qtbot, qloop, monkeypatch):
    reporter = CrashReporter(lambda: None)
    monkeypatch.setattr("sys.excepthook", reporter._excepthook)
    monkeypatch.setattr(threading, "excepthook", reporter._thread_hook)
    qloop.set_exception_handler(reporter.loop_handler)

    # A slot: Qt hands the exception to sys.excepthook and carries on.
    button = QPushButton()
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise RuntimeError(f"slot failed with Bearer {TOKEN}")

    button.clicked.connect(broken_slot)
    button.click()
    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=5000)
    dialog = dialogs()[0]
    assert "slot failed" in dialog.report.toPlainText()
    assert TOKEN not in dialog.report.toPlainText()
    dialog.reject()

    # A worker thread.
    def broken_thread() -> None:
        raise ValueError(f"thread failed, access_token={TOKEN}")

    thread = threading.Thread(target=broken_thread, name="worker-7")
    thread.start()
    thread.join()

    # An asyncio task nobody awaited.
    async def broken_task() -> None:
        raise KeyError("task failed")

    task = asyncio.ensure_future(broken_task())
    qtbot.waitUntil(task.done, timeout=5000)
    del task  # the loop reports a never-retrieved exception when the task is collected
    import gc

    gc.collect()
    qtbot.waitUntil(lambda: len(reporter.reports) == 3, timeout=5000)
    text = "\n".join(reporter.reports)
    assert "worker-7" in text
    assert "task failed" in text
    assert TOKEN not in text
    # One dialog at a time, and the app is still responsive.
    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=5000)
    dialogs()[0].reject()
    qloop.set_exception_handler(None)


def test_what_failed_before_the_reporter_existed_is_reported_once_it_does(qtbot):
    """desktop.gui makes the reporter once the window has painted; a failure before that is
    logged then, and handed to the reporter (dialog and all) when it comes."""
    failures = Failures()
    failures.record("an error in a worker thread", RuntimeError(f"bad token {TOKEN}"))
    reporter = CrashReporter(lambda: None, show_dialogs=False)
    failures.attach(reporter)
    failures.record("ValueError in a Qt slot", ValueError("later"))
    assert len(reporter.reports) == 2
    assert "RuntimeError" in reporter.reports[0]
    assert "ValueError" in reporter.reports[1]
    assert TOKEN not in reporter.reports[0]
    failures.attach(CrashReporter(lambda: None, show_dialogs=False))
    assert len(failures.reporter.reports) == 0  # each failure reported once
