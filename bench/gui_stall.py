"""GUI stall benchmark: how late the event loop runs while the detail panes load.

Opens the real `MainWindow` on a sandbox in its own process (default 250 customers, 50 ms
latency), lets the health sweep of the customer list run, and selects customers one after the
other, waiting for every tab to settle each time. Meanwhile a 5 ms `QTimer` records how late each
tick fires: lateness is the time the GUI thread was busy with something else, the stall a user
feels as a frozen window. The baseline is the same timer on the same window with nothing loading,
measured first in the same process. Prints one JSON line. Target: worst stall <= 50 ms.

    uv run python bench/gui_stall.py
    uv run python bench/gui_stall.py --quick     # CI: fewer customers and selections
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import qasync
from _harness import emit, sandbox_process, signed_in
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.gui import app_worker
from desktop.qt.session import SessionHolder
from desktop.self_test import show_customer
from desktop.services.backend import GUI_CONCURRENCY
from desktop.services.session import Session
from desktop.ui.main_window import MainWindow

TARGET_MAX_MS = 50.0
TICK_MS = 5


class LatenessProbe:
    """A fast timer; each tick's delay beyond its interval is a GUI-thread stall."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self.samples.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        return list(self.samples)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now


def summary(samples: list[float], prefix: str) -> dict[str, float]:
    ordered = sorted(samples) or [0.0]
    return {
        f"{prefix}max_ms": round(ordered[-1], 1),
        f"{prefix}p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 1),
        f"{prefix}median_ms": round(statistics.median(ordered), 2),
    }


async def measure(url: str, selections: int, baseline_s: float) -> dict[str, object]:
    worker = app_worker()  # as the app tunes it (its heap policy)
    backend = signed_in(url, GUI_CONCURRENCY)  # as the window
    window = MainWindow(SessionHolder(Session(backend, mode="external sandbox"), worker))
    window.resize(1280, 800)
    window.show()
    probe = LatenessProbe()
    try:
        probe.start()
        await asyncio.sleep(baseline_s)
        idle = probe.stop()

        probe.start()
        started = time.perf_counter()
        count = await window.load_customers()
        rows = min(selections, count)
        for row in range(rows):
            await show_customer(window, row)
        busy_s = time.perf_counter() - started
        loading = probe.stop()
    finally:
        window.cancel_sweep()
        window.close()
        worker.shutdown(wait=True)
        backend.close()
    return {
        "bench": "gui_stall",
        "customers": count,
        "selections": rows,
        "busy_s": round(busy_s, 2),
        "ticks": len(loading),
        **summary(loading, ""),
        **summary(idle, "baseline_"),
        "target_max_ms": TARGET_MAX_MS,
        "pass": max(loading, default=0.0) <= TARGET_MAX_MS,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=250)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--selections", type=int, default=25)
    parser.add_argument("--quick", action="store_true", help="fewer customers, for CI")
    args = parser.parse_args()
    if args.quick:
        args.customers, args.selections = 100, 8
    app = QApplication.instance() or QApplication([sys.argv[0]])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with (
        sandbox_process(
            "--customers", str(args.customers), "--latency-ms", str(args.latency_ms)
        ) as url,
        loop,
    ):
        record = loop.run_until_complete(measure(url, args.selections, baseline_s=1.0))
    emit(record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
