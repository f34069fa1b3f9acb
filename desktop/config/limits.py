"""How many requests a sweep keeps in flight: a setting's default, the headless one and the GUI's.

Apart from `desktop.services.backend` so that the settings and the command line can name them
without importing the network clients (which the window's first paint does not wait for).
"""

import contextlib
import threading
from collections.abc import Iterator
from typing import Final

# Requests in flight during a sweep: 32 keeps near-ideal scaling with headroom (at 64 the sweep
# turns CPU-bound) and half the burst Partner Center's per-partner limits see at 64. Partners
# can change it in settings or with --concurrency.
DEFAULT_CONCURRENCY: Final = 32
# The window's sweeps use fewer: every thread that runs Python competes with the GUI thread for
# the GIL, and at 32 the GUI thread stalled (and the process was CPU-bound); a longer sweep is
# the price. Headless exports have no GUI to starve and keep 32.
GUI_CONCURRENCY: Final = 16
# The most a setting or --concurrency may ask for; the window's worker keeps that many threads
# at most for its sweeps' calls (desktop.qt.worker), made as they are needed.
MAX_CONCURRENCY: Final = 128


# At most two threads run CPU-bound Python of a sweep at a time (parsing answers, MSAL's work
# on a token): waiting here does not hold the GIL, so the GUI thread competes with two such
# threads, not with every thread in flight.
CPU_GATE: Final = threading.BoundedSemaphore(2)
_holding = threading.local()


@contextlib.contextmanager
def cpu_work() -> Iterator[None]:
    """Hold the CPU gate for this thread (not re-entrant: the gate is never nested)."""
    with CPU_GATE:
        _holding.held = True
        try:
            yield
        finally:
            _holding.held = False


@contextlib.contextmanager
def waiting() -> Iterator[None]:
    """Inside `cpu_work`, around a network wait: the gate goes to another thread meanwhile."""
    if not getattr(_holding, "held", False):
        yield
        return
    _holding.held = False
    CPU_GATE.release()
    try:
        yield
    finally:
        CPU_GATE.acquire()
        _holding.held = True
