"""The GUI half of the composition root: QApplication, the qasync loop, the sandbox, the window.

Kept apart from `desktop.app` so headless commands never import Qt.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import sys
import threading
from collections.abc import Awaitable, Callable, Sequence
from concurrent import futures
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.config.logs import file_problem, setup_logging
from desktop.gui_args import build_parser
from desktop.gui_failures import Failures
from desktop.gui_sandbox import (
    Embedded,
    offline_backend,
    sign_in_to_sandbox,
    start_sandbox,
)
from desktop.self_test import self_test
from desktop.store.db import DatabaseError, StoreError

if TYPE_CHECKING:  # imported when the window's frame is on screen
    from PySide6.QtCore import QLocale

    from desktop.domain.customers import Customer
    from desktop.qt.collation import NameRanks
    from desktop.qt.worker import Worker
    from desktop.services.backend import Backend

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
    setup_logging(logging.DEBUG if args.debug else logging.INFO)
    failures = Failures()
    sys.excepthook = failures.excepthook
    threading.excepthook = failures.thread_hook

    import qasync
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
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(failures.loop_handler)
    try:
        with loop:
            code: int = loop.run_until_complete(_main(app, args, failures, scenario))
    except (StoreError, OSError, DatabaseError) as error:
        # A store locked by another program, a file that cannot be written: said, not a crash.
        from desktop.ui.dialogs import cannot_start

        log.error("cannot start", exc_info=True)
        return _cannot_start(app, args, functools.partial(cannot_start.for_error, error), scenario)
    finally:
        from desktop.qt import heap

        heap.collect_automatically()  # the app's loop has ended: Python's own collection again
    return code


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
    app: Any, args: argparse.Namespace, failures: Failures, scenario: Scenario | None
) -> int:
    from desktop import gui_stores
    from desktop.config import layout as layout_store
    from desktop.qt import heap
    from desktop.qt.worker import SHUTDOWN_WAIT_S
    from desktop.store import DraftStore
    from desktop.store.cache import Cache
    from desktop.store.tags import Tags

    # The sweep engine's handle (and the network stack its module imports) is attached once
    # the window has painted: no sweep starts before.
    worker = app_worker(engine=False)
    window: Any = None
    instance: Any = None
    if args.single_instance:
        from desktop.gui_instance import claim, say_handed_over

        # One window per user and data folder: a second start hands over before it opens
        # anything (stores, sandbox), and leaves.
        instance = await claim(worker, args.argv)
        if instance.handed_over:
            say_handed_over(args)
            worker.shutdown(wait=True)
            return 0
    drafts: DraftStore | None = None
    cache: Cache | None = None
    tags: Tags | None = None
    # Every file read (and the embedded sandbox's start) begins now, on the worker, together,
    # and the cached customer list is read while the window's modules import. One after the
    # other, they kept the cached list off the screen longer.
    settings_job = worker.run(gui_stores.load_settings)
    layout_job = worker.run(layout_store.load)
    drafts_job = worker.run(gui_stores.open_drafts)
    tags_job = worker.run(gui_stores.open_tags)
    cache_job = worker.run(_open_cache, args)
    sandbox_job = None
    if not (args.offline or args.sandbox_url):
        # Key, certificates, data and the listening socket are made off the GUI thread.
        sandbox_job = worker.run(start_sandbox, max(1, args.customers))
    jobs: list[Future[Any]] = [
        j
        for j in (settings_job, layout_job, drafts_job, tags_job, cache_job, sandbox_job)
        if j is not None
    ]
    try:
        opened = await cache_job
        cache = opened.cache
        cached_list = worker.run(cache.customers, opened.source)
        jobs.append(cached_list)
        from PySide6.QtCore import QLocale

        from desktop.qt import translators
        from desktop.ui.main_window import MainWindow
        from desktop.ui.widgets.placement import WindowMemory

        settings = await settings_job
        # Before the first widget: texts are read when widgets are built.
        language = translators.install(app, settings.language if args.lang is None else args.lang)
        # The cached list's names ranked by that language as soon as the list is read, on the
        # worker: collating 10,000 names took the GUI thread 28 ms before the first paint.
        ranks = worker.run(_rank_cached, cached_list, QLocale())
        jobs.append(ranks)
        # The window's frame with the cached list first; the tabs, menus, account and the
        # network clients right after its first paint: the cached list shows sooner.
        # Saved off the GUI thread at close (the worker finishes its jobs before the app ends).
        memory = WindowMemory(
            await layout_job, lambda values: worker.run(layout_store.save, values)
        )
        window = MainWindow(memory=memory)
        if args.open_customer:
            window.open_customer(args.open_customer)
        window.set_cached_list(opened.source, cached_list, ranks)
        window.show()
        listed = window.customers.model.total()
        if listed:
            await window.customers.painted()
            if args.startup_probe_cached:
                print(f"startup-probe: cached list shown {listed}", flush=True)
        _report_crashes(failures, show_dialogs=not args.self_test and scenario is None)
        attach_engine(worker)
        from desktop.qt.session import SessionHolder
        from desktop.services.session import Session

        drafts = await drafts_job
        tags = await tags_job
        account = ""
        if opened.offline is not None:
            backend, source, mode = opened.offline
        else:
            embedded: Embedded | None = None
            if sandbox_job is not None:
                embedded = await sandbox_job
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
                shown = asyncio.get_running_loop().create_future()
                window.directory.cached_shown.connect(
                    lambda n, _fetched: None if shown.done() else shown.set_result(n)
                )
                window.directory.loaded.connect(
                    lambda n: None if shown.done() else shown.set_result(-n)
                )
                worker.spawn(window.start(restore_account=False))
                count = await shown
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
        if file_problem() is not None:
            from PySide6.QtCore import QCoreApplication

            text = QCoreApplication.translate("CannotStart", "No log file this time: {0}")
            window.show_status(text.format(file_problem()), 15000)
        closed = asyncio.get_running_loop().create_future()
        app.lastWindowClosed.connect(lambda: None if closed.done() else closed.set_result(None))
        if args.self_test:
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
        if window is not None:  # the frame is up; the message replaces it (desktop.gui.run)
            window.close()
        raise
    finally:
        if instance is not None:
            instance.close()
        # A start-up that failed half-way still closes what its other jobs opened. (A wait, not
        # an await: the loop may be stopping, and they are file opens, done in milliseconds.)
        futures.wait(jobs, timeout=SHUTDOWN_WAIT_S)
        drafts, tags = _result(drafts_job, drafts), _result(tags_job, tags)
        opened_anyway = _result(cache_job, None)
        if cache is None and opened_anyway is not None:
            cache = opened_anyway.cache
        worker.shutdown(wait=True)
        if drafts is not None:
            drafts.close()
        if cache is not None:
            cache.close()
        if tags is not None:
            tags.close()
        started = _result(sandbox_job, None) if sandbox_job is not None else None
        if started is not None:
            started.sandbox.stop()


class _Opened:
    """The cache, opened on the worker at start-up, and the source this run reads and writes."""

    def __init__(
        self, cache: Any, source: str, offline: tuple[Backend, str, str] | None = None
    ) -> None:
        self.cache = cache
        self.source = source
        self.offline = offline  # --offline: the cache-only backend, its source and mode


def _open_cache(args: argparse.Namespace) -> _Opened:
    """Open the cache and name this run's source (blocks: worker thread)."""
    from desktop.gui_stores import open_cache
    from desktop.store.cache import sandbox_source

    cache = open_cache()
    if args.offline:
        offline = offline_backend(cache, args)
        return _Opened(cache, offline[1], offline)
    if args.sandbox_url:
        return _Opened(cache, sandbox_source(args.sandbox_url))
    return _Opened(cache, sandbox_source(customers=max(1, args.customers)))


def _rank_cached(
    read: Future[tuple[list[Customer], float | None]], locale: QLocale
) -> NameRanks | None:
    """The names of the cached list being `read`, ranked for the Name column by `locale` once
    read (blocks: worker thread; started after `read`, so it never waits for a free thread);
    None if the read failed (which the window learns from the read)."""
    from desktop.qt.models.customers import rank_names

    try:
        customers, _fetched = read.result()
    except Exception:
        return None
    return rank_names(customers, locale)


def _result(job: Future[Any], default: Any) -> Any:
    """A start-up job's value if it ended well (for closing what it opened), else `default`."""
    if job.done() and not job.cancelled() and job.exception() is None:
        return job.result()
    return default


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
    await asyncio.sleep(2)  # after the first paint and the cached list
    notice = await worker.run(cache.verify)
    if notice is not None:
        window.show_status(notice.message, 15000)
