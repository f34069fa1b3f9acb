"""Closing the app does not wait for calls a silent server holds."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

from desktop.qt.worker import Worker


def test_the_worker_waits_a_bounded_while_for_calls_in_flight(qapp) -> None:
    worker = Worker()
    held = threading.Event()
    started = threading.Event()

    finished = threading.Event()

    def stuck() -> None:  # a read that only its timeout would end
        started.set()
        held.wait(30)
        finished.set()

    worker.run(stuck)
    assert started.wait(5)
    worker.shutdown(wait=True, timeout=0.5)
    # It returned while the call was still blocked: it did not wait the call out (which
    # would have taken the call's 30 s).
    assert not finished.is_set()
    held.set()
    # The call returns now; its thread must end before `worker` goes, so the worker is deleted
    # here, on the GUI thread. Left to the pool's thread, the last reference (the job's done
    # callback) was dropped there while the GUI thread delivered the job's queued end to the
    # same object: a segfault in about one run in three.
    assert finished.wait(5)
    worker.shutdown(wait=True, timeout=5)


def test_the_app_exits_with_its_code_while_a_call_is_still_blocked() -> None:
    script = textwrap.dedent(
        """
        import threading, time
        from desktop import app
        threading.Thread(target=time.sleep, args=(60,)).start()  # not a daemon: joined at exit
        raise SystemExit(app._leave(3))
        """
    )
    # Joining the 60 s sleeper at exit would run past the timeout and raise.
    done = subprocess.run([sys.executable, "-c", script], timeout=45)
    assert done.returncode == 3


def test_a_windowed_executable_without_streams_runs_a_command_and_leaves() -> None:
    # PyInstaller's windowed exe and pythonw start with no stdout or stderr (None): `clouds`
    # wrote to None, and `_leave` flushed None with a call in flight (issue 20).
    script = textwrap.dedent(
        """
        import sys, threading, time
        sys.stdout = sys.stderr = None
        from desktop import app
        code = app.main(["clouds"])
        threading.Thread(target=time.sleep, args=(60,)).start()
        raise SystemExit(app._leave(code + 5))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=45, capture_output=True)
    assert done.returncode == 5, done.stderr.decode(errors="replace")
    assert done.stdout == b""  # nowhere to write here: nothing leaks to the inherited pipe


def test_a_windowed_executable_without_streams_starts_the_window(tmp_path) -> None:
    # The window's start, as the windowed exe starts it (no stdout, no stderr): the self-test
    # drives it end to end and the app leaves through `_leave` with its exit code.
    script = textwrap.dedent(
        """
        import sys
        sys.stdout = sys.stderr = None
        from desktop import app
        raise SystemExit(app.main(["--self-test", "--customers", "20"]))
        """
    )
    env = {**os.environ, "PARTNER_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], timeout=120, capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout == b""
