"""The app's heap policy: Python's cyclic garbage collector runs on the GUI thread, and only there.

Left automatic, a collection runs in whichever thread happens to allocate past the threshold:
during a sweep, that is one of the sweep's threads, and the garbage it frees may hold Qt objects
(a closed window's timers, a model) whose C++ side must die on the thread that owns them. Qt then
warns ("Timers cannot be stopped from another thread") or crashes. So, as Qt applications in
Python have long done (Anki among them), automatic collection is off while the app runs and a
timer on the GUI thread collects each generation when Python would have.

Everything alive once start-up is over, and after each batch a sweep delivers, is moved out of
the collector's sight (`gc.freeze`): a sweep keeps hundreds of thousands of objects alive, and a
full collection walking them all held the GIL long enough to stall the window
(docs/PERFORMANCE.md, GUI stalls). Frozen objects are still freed by reference counting.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

# How often the GUI thread looks at the collector's counts: often enough that cyclic garbage
# does not pile up during a sweep, rarely enough to cost nothing when idle.
CHECK_EVERY_MS = 500


class _Collector(QObject):
    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(collect_due)


_collector: _Collector | None = None


def collect_due() -> None:
    """Collect each generation whose count passed its threshold, as automatic collection would."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):  # the oldest due: collecting it collects the younger ones too
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


def collect_on_gui_thread() -> None:
    """From now on the collector runs on this (the GUI) thread only. What start-up made is
    frozen first: modules, classes, the window. Again later: nothing more happens."""
    global _collector
    if _collector is not None:
        return
    gc.collect(1)  # start-up's young cyclic garbage, before the rest is frozen with it
    gc.freeze()
    gc.disable()
    _collector = _Collector(QCoreApplication.instance())
    _collector.timer.start()


def settle() -> None:
    """After a batch of a sweep (on the GUI thread): its young garbage collected, what it left
    alive frozen, so that no later collection walks it again."""
    gc.collect(1)
    gc.freeze()


def collect_automatically() -> None:
    """Back to Python's automatic collection (the app's event loop has ended)."""
    global _collector
    if _collector is not None:
        _collector.timer.stop()
        _collector.deleteLater()
        _collector = None
    gc.enable()


def collecting_on_gui_thread() -> bool:
    return _collector is not None and _collector.timer.isActive()
