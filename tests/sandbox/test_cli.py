"""`python -m desktop.sandbox` prints its URL, serves, and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def test_cli_prints_the_listening_line_and_serves() -> None:
    command = [sys.executable, "-m", "desktop.sandbox", "--port", "0", "--customers", "15",
               "--seed", "4", "--latency-ms", "1"]  # fmt: skip
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("sandbox listening on http://127.0.0.1:")
            url = line.strip().rsplit(" ", 1)[1]
            with requests.Session() as http:
                info = http.get(url + "/_sandbox/info", timeout=5).json()
            assert info["customers"] == 15
            assert info["seed"] == 4
        finally:
            proc.terminate()
            out, err = proc.communicate(timeout=10)
        assert out == ""  # exactly one line
        if os.name == "posix":
            assert proc.returncode == 0, err
