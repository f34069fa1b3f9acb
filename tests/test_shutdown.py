"""Closing the app does not wait for calls a silent server holds."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

from desktop.worker import Worker


def test_the_worker_waits_a_bounded_while_for_calls_in_flight(qapp) -> None:
    worker = Worker()
    held = threading.Event()
    started = threading.Event()

    def stuck() -> None:  # a read that only its timeout would end
        started.set()
        held.wait(30)

    worker._pool.submit(stuck)
    assert started.wait(5)
    began = time.monotonic()
    worker.shutdown(wait=True, timeout=0.5)
    took = time.monotonic() - began
    held.set()
    assert took < 5  # bounded (generous: a loaded machine), not the 30 s of the call


def test_the_app_exits_with_its_code_while_a_call_is_still_blocked() -> None:
    script = textwrap.dedent(
        """
        import threading, time
        from desktop import app
        threading.Thread(target=time.sleep, args=(60,)).start()  # not a daemon: joined at exit
        raise SystemExit(app._leave(3))
        """
    )
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], timeout=50)
    assert done.returncode == 3
    assert time.monotonic() - began < 30
