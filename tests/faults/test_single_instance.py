"""One Partner Desk per user and data folder (issue 18, defect 4).

Real processes: a first Partner Desk (driven through desktop.gui.run's scenario hook, with the
single-instance hand-over on, as a user's start has it) and a second start with
`--open-customer`. The second hands its command line over and exits 0 saying so; the first
brings its (minimised) window forward and selects the customer. A socket file left by a
crashed Partner Desk does not stop the next one from listening.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 120.0

FIRST = textwrap.dedent(
    """
    import asyncio, sys
    from desktop.gui import run

    async def scenario(window, failures):
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(window.load_customers(), 90)
        wanted = window.directory.customers[3]
        window.showMinimized()
        print("ready", wanted.tenant_id, wanted.domain, flush=True)
        deadline = loop.time() + 90
        while True:
            current = window.customers.current_customer()
            if current is not None and current.tenant_id == wanted.tenant_id:
                break
            if loop.time() > deadline:
                print("not selected", flush=True)
                return 1
            await asyncio.sleep(0.02)
        print("selected", current.tenant_id, "minimized", window.isMinimized(), flush=True)
        print("failures", failures.messages, flush=True)
        window.close()
        return 0

    sys.exit(run(sys.argv[1:], scenario=scenario, single_instance=True))
    """
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the stale socket is a Unix file")


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


class Lines:
    """A process's stdout, line by line, read on a thread so a wait can have a hang guard."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        stream = process.stdout
        threading.Thread(target=lambda: [self._queue.put(x) for x in stream], daemon=True).start()

    def next_starting(self, prefix: str) -> str:
        while True:
            line = self._queue.get(timeout=HANG_GUARD_S)
            if line.startswith(prefix):
                return line.strip()


def _stale_socket() -> Path:
    """What a crashed Partner Desk leaves: its socket file, with nobody listening."""
    from PySide6.QtCore import QDir

    from desktop.qt.single_instance import server_name

    path = Path(QDir.tempPath()) / server_name()
    with socket.socket(socket.AF_UNIX) as stale:
        stale.bind(str(path))
    assert path.exists()
    return path


@pytest.mark.parametrize("crashed_before", [False, True], ids=["fresh", "stale socket"])
def test_a_second_start_hands_over_and_the_first_window_opens_the_customer(
    crashed_before: bool, tmp_path: Path
):
    stale = _stale_socket() if crashed_before else None
    log = (tmp_path / "first.err").open("w")
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, "--customers", "6"],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        with first:
            lines = Lines(first)
            _, tenant, domain = lines.next_starting("ready").split()
            second = subprocess.run(
                [sys.executable, "-m", "desktop", "--customers", "6", "--open-customer", domain],
                cwd=ROOT,
                env=_env(),
                capture_output=True,
                text=True,
                timeout=HANG_GUARD_S,
                check=False,
            )
            assert "Traceback" not in second.stderr
            assert second.returncode == 0, second.stderr
            assert "already running" in second.stderr
            assert domain in second.stderr
            assert lines.next_starting("selected") == f"selected {tenant} minimized False"
            assert lines.next_starting("failures") == "failures []"
            assert first.wait(HANG_GUARD_S) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        log.close()
        if stale is not None:
            stale.unlink(missing_ok=True)
