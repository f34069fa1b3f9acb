"""The GUI half of the composition root: QApplication, the qasync loop, the sandbox, the window.

Kept apart from `desktop.app` so headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.config.log_hold import hold
from desktop.gui_args import build_parser
from desktop.gui_failures import Failures
from desktop.gui_frame import Shown, Start
from desktop.gui_sandbox import Embedded, sign_in_to_sandbox
from desktop.store.db import DatabaseError, StoreError

if TYPE_CHECKING:  # imported when the window's frame is on screen
    from desktop.qt.worker import Worker

log = logging.getLogger(__name__)


# Drives the shown window instead of waiting for the user to close it (the self-test, the
# screenshot script): gets the MainWindow and the failures so far, returns the exit code.
Scenario = Callable[[Any, Failures], Awaitable[int]]


def run(
    argv: Sequence[str], scenario: Scenario | None = None, single_instance: bool | None = None
) -> int:
    """`single_instance`: hand over to a running Partner Desk, or listen for later starts
    (desktop.gui_instance). By default only a run that a user drives: not the self-test, the
    start-up probes or a scenario, which benches and tests start many of at once."""
    args = build_parser().parse_args(list(argv))
    args.argv = list(argv)  # handed to a running Partner Desk as it was given
    if single_instance is None:
        probes = args.self_test or args.startup_probe or args.startup_probe_cached
        single_instance = not probes and scenario is None
    args.single_instance = single_instance
    if args.self_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The log file is attached once the window has painted (`_log_to_file`); its records
    # are kept until then.
    hold(logging.DEBUG if args.debug else logging.INFO)
    failures = Failures()
    sys.excepthook = failures.excepthook
    threading.excepthook = failures.thread_hook

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from desktop.qt.icons import app_icon

    qt_log = logging.getLogger("qt")

    def qt_message(kind: QtMsgType, _context: object, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
        }.get(kind, logging.ERROR)
        qt_log.log(level, "%s", message)

    qInstallMessageHandler(qt_message)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "partner-desk"])
    assert isinstance(app, QApplication)
    app.setApplicationName("Partner Desk")
    app.setOrganizationName("PartnerDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    from desktop.ui.widgets.tab_text import fix_tab_text

    fix_tab_text(app)
    # The crash reporter (its dialog's module) is made once the window has painted
    # (`_report_crashes`); what fails before is logged, and shown then.
    # A folder that cannot be written (a read-only or full disk) no longer stops the start: the
    # stores it holds live in memory for this run and the window says so (desktop.gui_stores).
    # The sweep engine's handle (and the network stack its module imports) is attached once
    # the window has painted: no sweep starts before.
    start = Start(app, args, app_worker(engine=False))
    try:
        # The cached list on screen first, before asyncio and qasync are imported (25-39 ms).
        shown = start.show_frame()
        _log_to_file(args)
        if shown is None:
            from desktop.gui_instance import say_handed_over

            say_handed_over(args)
            return 0
        import asyncio

        import qasync

        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(failures.loop_handler)
        with loop:
            code: int = loop.run_until_complete(_main(app, args, failures, scenario, start, shown))
    except (StoreError, OSError, DatabaseError) as error:
        # A store locked by another program, a file that cannot be written: said, not a crash.
        from desktop.ui.dialogs import cannot_start

        _log_to_file(args)
        log.error("cannot start", exc_info=True)
        start.close()  # before the message: its files and the worker's threads
        return _cannot_start(app, args, functools.partial(cannot_start.for_error, error), scenario)
    finally:
        start.close()  # done already when the loop ran (`_main`)
        _log_to_file(args)  # done already unless the frame failed
        from desktop.qt import heap

        heap.collect_automatically()  # the app's loop has ended: Python's own collection again
    return code


def _log_to_file(args: argparse.Namespace) -> None:
    """The log file from now on, with the records kept since start-up began (once)."""
    from desktop.config.logs import setup_logging

    setup_logging(logging.DEBUG if args.debug else logging.INFO)


def _cannot_start(
    app: Any, args: argparse.Namespace, problem: Callable[[], Any], scenario: Scenario | None
) -> int:
    """Say why Partner Desk cannot start: a line on stderr and in the log, and a message box
    where there is a screen (and a user: not under --self-test or a scenario). Exit code 1."""
    from PySide6.QtGui import QGuiApplication

    from desktop.qt import translators

    if not translators.active():
        language = args.lang
        if language is None:
            try:
                from desktop.config import settings as settings_store

                language = settings_store.load().language
            except OSError:
                language = ""
        translators.install(app, language)
    found = problem()
    log.error("%s", found.line)
    print(found.line, file=sys.stderr, flush=True)
    headless = QGuiApplication.platformName() in ("offscreen", "minimal")
    if not (headless or args.self_test or scenario is not None):
        from desktop.ui.dialogs import cannot_start

        cannot_start.show(found)
    return 1


async def _main(
    app: Any,
    args: argparse.Namespace,
    failures: Failures,
    scenario: Scenario | None,
    start: Start,
    shown: Shown,
) -> int:
    """Start-up from the frame's first paint (`desktop.gui_frame`) on, and the app's run."""
    import asyncio

    from desktop.qt import heap

    worker, instance = start.worker, start.instance
    window, opened, settings, language = shown.window, shown.opened, shown.settings, shown.language
    listed = shown.listed
    cache = opened.cache
    try:
        _report_crashes(failures, show_dialogs=not args.self_test and scenario is None)
        attach_engine(worker)
        from desktop.qt.session import SessionHolder
        from desktop.services.session import Session

        drafts = await shown.drafts
        tags = await shown.tags
        account = ""
        if opened.offline is not None:
            backend, source, mode = opened.offline
        else:
            embedded: Embedded | None = None
            if shown.sandbox is not None:
                embedded = await shown.sandbox
                sandbox = embedded.sandbox
                url, mode = sandbox.url, "sandbox"
            else:
                url, mode = args.sandbox_url, "external sandbox"
            # Signing in (MSAL, the sandbox's Entra over TLS) after the first paint, off the GUI.
            backend = await sign_in_to_sandbox(window, worker, url, embedded, args, language.wire)
            account = getattr(getattr(backend.tokens, "account", None), "username", "")
            source = opened.source
        session = Session(
            backend=backend,
            mode=mode,
            account=account,
            source=source,
            cache=cache,
            drafts=drafts,
            tags=tags,
            offline=args.offline,
        )
        holder = SessionHolder(session, worker, locale=language.wire)
        # Which browser "Open in a private window" starts: looked up once, off the GUI thread.
        worker.spawn(holder.detect_browser())
        window.complete(holder, settings)
        if instance is not None:
            instance.attach(window)  # later starts' command lines act on this window
        worker.failed.connect(functools.partial(_say_failure, window))
        if listed:
            heap.collect_on_gui_thread()  # the list has painted, and the window is whole
        else:
            worker.spawn(_after_first_paint(window))
        if args.startup_probe_cached:
            if not listed:  # the cached list was not read in time: it follows the first load
                cached = asyncio.get_running_loop().create_future()
                window.directory.cached_shown.connect(
                    lambda n, _fetched: None if cached.done() else cached.set_result(n)
                )
                window.directory.loaded.connect(
                    lambda n: None if cached.done() else cached.set_result(-n)
                )
                worker.spawn(window.start(restore_account=False))
                count = await cached
                window.repaint()  # painted, rows and all, before the line (as the bare window)
                print(f"startup-probe: cached list shown {count}", flush=True)
            window.repaint()
            print("startup-probe: window complete", flush=True)
            heap.collect_on_gui_thread()
            window.close()
            return 0
        if args.startup_probe:
            await asyncio.sleep(0)  # let the loop deliver the first expose and paint
            print("startup-probe: window shown", flush=True)
            window.close()
            return 0
        unsaved = [s.unsaved for s in (drafts, tags, cache) if s.unsaved is not None]
        if unsaved:
            window.show_unsaved(unsaved)
        notices = (drafts.notice, cache.notice, tags.notice)
        for notice in (*settings.problems, *(n.message for n in notices if n is not None)):
            if notice:
                window.show_status(notice, 15000)
        from desktop.config.logs import file_problem

        if file_problem() is not None:
            from PySide6.QtCore import QCoreApplication

            text = QCoreApplication.translate("CannotStart", "No log file this time: {0}")
            window.show_status(text.format(file_problem()), 15000)
        closed = asyncio.get_running_loop().create_future()
        app.lastWindowClosed.connect(lambda: None if closed.done() else closed.set_result(None))
        if args.self_test:
            from desktop.self_test import self_test

            scenario = self_test
        if scenario is not None:
            return await scenario(window, failures)
        # A saved account signs in silently; the sandbox meanwhile, and if that fails.
        worker.spawn(window.start(restore_account=not (args.sandbox_url or args.offline)))
        worker.spawn(_verify_cache(window, worker, cache))
        from desktop.qt.interrupt import Interrupts

        # Ctrl+C in the terminal, or SIGTERM: the windows close as if the user closed them (a
        # second one, while closing hangs, leaves anyway).
        interrupts = Interrupts(
            app.closeAllWindows, lambda: None if closed.done() else closed.set_result(None)
        )
        interrupts.install()
        try:
            await closed
        finally:
            interrupts.uninstall()
        window.holder.close()
        return 0
    except (StoreError, OSError, DatabaseError):
        start.close_window()
        raise
    finally:
        start.close()


def app_worker(engine: bool = True) -> Worker:
    """The worker as the app runs it (and the benches measure it): health sweeps in the sweep
    engine's process (`desktop.services.engine`, started at the first sweep), and after each
    batch a sweep delivers, the heap settles (`desktop.qt.heap.settle`)."""
    from desktop.qt import heap
    from desktop.qt.worker import Worker

    worker = Worker(after_batch=heap.settle)
    if engine:
        attach_engine(worker)
    return worker


def attach_engine(worker: Worker) -> None:
    """Give `worker` the sweep engine's handle (its process starts at the first sweep)."""
    from desktop.services.engine import Engine

    worker.engine = Engine()


def _report_crashes(failures: Failures, show_dialogs: bool) -> None:
    """From now on what nobody caught is shown in the crash dialog (with what already was)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.dialogs.crash import CrashReporter

    failures.attach(CrashReporter(QApplication.activeWindow, show_dialogs=show_dialogs))


def _say_failure(window: Any, error: BaseException) -> None:
    """A failure of the services or of signing in that escaped a click handler: on the status
    line, in the one presenter's words (the worker's `failed`)."""
    from desktop.ui.errors import explain

    explained = explain(error)
    window.show_status(f"{explained.title}: {explained.detail}", 15000)


async def _after_first_paint(window: Any) -> None:
    from desktop.qt import heap

    await window.customers.painted()
    heap.collect_on_gui_thread()


async def _verify_cache(window: Any, worker: Any, cache: Any) -> None:
    """The cache's integrity check, skipped at opening to show the window sooner."""
    import asyncio

    await asyncio.sleep(2)  # after the first paint and the cached list
    notice = await worker.run(cache.verify)
    if notice is not None:
        window.show_status(notice.message, 15000)
