"""Shared bench plumbing: start the sandbox in its own process, read its stats, print JSON."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import requests


@contextlib.contextmanager
def sandbox_process(*args: str) -> Iterator[str]:
    """`python -m desktop.sandbox --port 0 ARGS`; yields its URL, stops it afterwards."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.sandbox", "--port", "0", *args],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("sandbox listening on "):
            raise RuntimeError(f"sandbox did not start: {line!r}")
        yield line.rsplit(" ", 1)[1]
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def stats(url: str) -> dict[str, Any]:
    with requests.get(f"{url}/_sandbox/stats", timeout=10) as response:
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)
