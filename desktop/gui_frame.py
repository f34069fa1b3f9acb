"""Start-up's first part: the window's frame with the cached list, shown and painted before the
asyncio (qasync) loop exists; desktop.gui starts that loop and the rest right after.

Importing asyncio and qasync took 25-39 ms before the first paint (docs/PERFORMANCE.md,
"Start-up"): nothing here imports them. Where start-up waits for the worker (the files it
opens, the cached list it reads) or for the list's first paint, the GUI thread runs Qt's own
event loop meanwhile (`Worker.result_of`, `CustomerList.wait_painted`), never a blocking wait.
`Start.close` closes what start-up opened, whatever happened.
"""

from __future__ import annotations

import argparse
from concurrent import futures
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from desktop.gui_sandbox import offline_backend, start_sandbox
from desktop.store.db import DatabaseError, StoreError

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale

    from desktop.config.settings import Settings
    from desktop.domain.customers import Customer
    from desktop.gui_instance import Claim
    from desktop.gui_sandbox import Embedded
    from desktop.qt.collation import NameRanks
    from desktop.qt.translators import Active
    from desktop.qt.worker import Job, Worker
    from desktop.services.backend import Backend
    from desktop.store import DraftStore, Tags
    from desktop.ui.main_window import MainWindow


class Opened:
    """The cache, opened on the worker at start-up, and the source this run reads and writes."""

    def __init__(
        self, cache: Any, source: str, offline: tuple[Backend, str, str] | None = None
    ) -> None:
        self.cache = cache
        self.source = source
        self.offline = offline  # --offline: the cache-only backend, its source and mode


class Shown:
    """The frame on screen (`Start.show_frame`): what start-up goes on with."""

    def __init__(
        self,
        window: MainWindow,
        opened: Opened,
        settings: Settings,
        language: Active,
        listed: int,
        drafts: Job[DraftStore],
        tags: Job[Tags],
        sandbox: Job[Embedded] | None,
    ) -> None:
        self.window = window
        self.opened = opened
        self.settings = settings
        self.language = language
        self.listed = listed  # customers in the list at its first paint
        self.drafts = drafts  # the stores being opened, and the embedded sandbox being started
        self.tags = tags
        self.sandbox = sandbox


class Start:
    """What start-up started, opened and showed, from the worker's first jobs to the painted
    frame (`show_frame`); desktop.gui goes on from there, and `close` ends it all."""

    def __init__(self, app: Any, args: argparse.Namespace, worker: Worker) -> None:
        self.app = app
        self.args = args
        self.worker = worker
        self.instance: Claim | None = None
        self.window: MainWindow | None = None
        self.jobs: list[Future[Any]] = []
        self.drafts_job: Job[DraftStore] | None = None
        self.tags_job: Job[Tags] | None = None
        self.cache_job: Job[Opened] | None = None
        self.sandbox_job: Job[Embedded] | None = None
        self._closed = False

    def show_frame(self) -> Shown | None:
        """Start the file reads, show the window's frame with the cached list, and return once
        the list has painted (on `--startup-probe-cached`, saying so). None: another Partner
        Desk took the command line (`desktop.gui_instance`), and nothing was opened."""
        args, worker = self.args, self.worker
        if args.single_instance:
            from desktop.gui_instance import claim

            # One window per user and data folder: a second start hands over before it opens
            # anything (stores, sandbox), and leaves.
            self.instance = claim(worker, args.argv)
            if self.instance.handed_over:
                return None
        from desktop import gui_stores
        from desktop.config import layout as layout_store

        # Every file read the frame needs (and the embedded sandbox's start) begins now, on the
        # worker, together, and the cached customer list is read while the window's modules
        # import. One after the other, they kept the cached list off the screen longer.
        settings_job = worker.run(gui_stores.load_settings)
        layout_job = worker.run(layout_store.load)
        self.cache_job = cache_job = worker.run(_open_cache, args)
        # Read once the cache is open, by a job of its own: the GUI thread imports meanwhile
        # (waiting for the opening first, it sat idle 10-20 ms).
        cached_list = worker.run(_read_cached, cache_job)
        if not (args.offline or args.sandbox_url):
            # Key, certificates, data and the listening socket are made off the GUI thread.
            self.sandbox_job = worker.run(start_sandbox, max(1, args.customers))
        self.jobs = [settings_job, layout_job, cache_job, cached_list]
        if self.sandbox_job is not None:
            self.jobs.append(self.sandbox_job)
        try:
            from PySide6.QtCore import QLocale

            from desktop.qt import translators
            from desktop.ui.main_window import MainWindow
            from desktop.ui.widgets.placement import WindowMemory

            settings = worker.result_of(settings_job)
            # Before the first widget: texts are read when widgets are built.
            chosen = settings.language if args.lang is None else args.lang
            language = translators.install(self.app, chosen)
            # The cached list's names ranked by that language as soon as the list is read, on
            # the worker: collating 10,000 names took the GUI thread 28 ms before the first
            # paint.
            ranks = worker.run(_rank_cached, cached_list, QLocale())
            self.jobs.append(ranks)
            opened = worker.result_of(cache_job)  # a cache that cannot open stops here
            # The window's frame with the cached list first; the tabs, menus, account and the
            # network clients right after its first paint: the cached list shows sooner.
            # Saved off the GUI thread at close (the worker finishes its jobs before the app
            # ends).
            memory = WindowMemory(
                worker.result_of(layout_job), lambda values: worker.run(layout_store.save, values)
            )
            self.window = window = MainWindow(memory=memory)
            if args.open_customer:
                window.open_customer(args.open_customer)
            window.set_cached_list(opened.source, cached_list, ranks)
            window.show()
            listed = window.customers.model.total()
            if listed:
                window.customers.wait_painted()
                if args.startup_probe_cached:
                    print(f"startup-probe: cached list shown {listed}", flush=True)
        except (StoreError, OSError, DatabaseError):
            self.close_window()
            raise
        # The drafts and the tags (their stores' modules, their files) once the list is on
        # screen: the window's next step waits for them.
        self.drafts_job = drafts_job = worker.run(gui_stores.open_drafts)
        self.tags_job = tags_job = worker.run(gui_stores.open_tags)
        self.jobs += [drafts_job, tags_job]
        return Shown(
            window, opened, settings, language, listed, drafts_job, tags_job, self.sandbox_job
        )

    def close_window(self) -> None:
        """Start-up failed: the frame goes; the message replaces it (desktop.gui.run)."""
        if self.window is not None:
            self.window.close()

    def close(self) -> None:
        """Close what start-up opened (once): a start-up that failed half-way still closes
        what its other jobs opened. (A wait, not an await: the loop may be stopping, or not
        exist yet, and they are file opens, done in milliseconds.)"""
        if self._closed:
            return
        self._closed = True
        from desktop.qt.worker import SHUTDOWN_WAIT_S

        if self.instance is not None:
            self.instance.close()
        futures.wait(self.jobs, timeout=SHUTDOWN_WAIT_S)
        drafts, opened, tags = map(_result, (self.drafts_job, self.cache_job, self.tags_job))
        self.worker.shutdown(wait=True)
        for store in (drafts, opened.cache if opened is not None else None, tags):
            if store is not None:
                store.close()
        started = _result(self.sandbox_job)
        if started is not None:
            started.sandbox.stop()


def _open_cache(args: argparse.Namespace) -> Opened:
    """Open the cache and name this run's source (blocks: worker thread)."""
    from desktop.gui_stores import open_cache
    from desktop.store.cache import sandbox_source

    cache = open_cache()
    if args.offline:
        offline = offline_backend(cache, args)
        return Opened(cache, offline[1], offline)
    if args.sandbox_url:
        return Opened(cache, sandbox_source(args.sandbox_url))
    return Opened(cache, sandbox_source(customers=max(1, args.customers)))


def _read_cached(opening: Future[Opened]) -> tuple[list[Customer], float | None]:
    """The cached customer list of this run's source, once `opening` has opened the cache
    (blocks: worker thread; started after `opening`, so it never waits for a free thread)."""
    opened = opening.result()
    return opened.cache.customers(opened.source)  # type: ignore[no-any-return]


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


def _result(job: Future[Any] | None) -> Any:
    """A start-up job's value if it ended well (for closing what it opened), else None."""
    if job is not None and job.done() and not job.cancelled() and job.exception() is None:
        return job.result()
    return None
