"""Ctrl+C in the terminal (SIGINT) and SIGTERM end the running app cleanly (issue 18, defect
12): its windows close as the user would close them, exit code 0, no traceback. Before, SIGINT
did nothing until the next Python slot ran, and then raised KeyboardInterrupt inside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _log_has(log: Path, text: str, proc: subprocess.Popen[bytes], within_s: float) -> bool:
    deadline = time.monotonic() + within_s  # a guard against a hang, not a measurement
    while time.monotonic() < deadline and proc.poll() is None:
        if log.exists() and text in log.read_text(encoding="utf-8", errors="replace"):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_closes_the_app_cleanly(tmp_path: Path, number: int) -> None:
    env = {**os.environ, "PARTNER_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--customers", "20"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    log = tmp_path / "logs" / "partner-desk.log"
    try:
        # The window is up and waiting for the user.
        assert _log_has(log, "Ctrl+C or SIGTERM closes", proc, 60), "the app did not start"
        proc.send_signal(number)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err.decode(errors="replace")
    assert b"Traceback" not in err
    assert b"KeyboardInterrupt" not in err
    assert f"signal {int(number)}: closing" in log.read_text(encoding="utf-8")
