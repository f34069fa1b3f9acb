"""How many requests a sweep keeps in flight: a setting's default, the headless one and the GUI's.

Apart from `desktop.services.backend` so that the settings and the command line can name them
without importing the network clients (which the window's first paint does not wait for).
"""

import contextlib
import threading
from collections.abc import Iterator
from typing import Final

# Requests in flight during a sweep. Chosen by bench/sweep.py (1,000 customers, 50 ms latency,
# 2-core machine, parse gate in place): 8 → 6.8 s (ratio 1.07 to the ideal), 16 → 3.4 s (1.08),
# 32 → 1.8 s (1.11), 64 → 1.1 s (1.35, CPU-bound: parsing, not waiting). One at a time: 53 s.
# 32 keeps near-ideal scaling with headroom and half the burst Partner Center's per-partner
# limits see at 64. Partners can change it in settings or with --concurrency.
DEFAULT_CONCURRENCY: Final = 32
# The window's sweeps use fewer: every thread that runs Python competes with the GUI thread for
# the GIL, and a Python timer on the GUI thread waited up to 140-150 ms for it at 32 in flight
# against 39-63 ms at 16 (bench/dashboard.py, 1,000 customers, 50 ms latency, a loaded 2-core
# machine; at 10,000: 65 ms against 137 ms at 24). 16 is also nearer the ideal (ratio 1.12-1.15
# against 1.33: at 32 the process was CPU-bound), for a longer sweep (3.5 s against 2.1 s).
# Headless exports have no GUI to starve and keep 32.
GUI_CONCURRENCY: Final = 16
# The most a setting or --concurrency may ask for; the window's worker keeps that many threads
# at most for its sweeps' calls (desktop.qt.worker), made as they are needed.
MAX_CONCURRENCY: Final = 128


# At most two threads run CPU-bound Python of a sweep at a time (parsing answers, MSAL's work
# on a token): waiting here does not hold the GIL, so the GUI thread competes with two such
# threads, not with every thread in flight. With 32 parsing at once the GUI thread queued for
# the GIL 67-79 ms (bench/gui_stall.py); with 16 redeeming tokens, 98 ms at p99.
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
