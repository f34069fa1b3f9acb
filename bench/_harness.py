"""Shared bench plumbing: start the sandbox in its own process, read its stats, print JSON."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests

# url -> the CA file the sandbox there wrote (--ca-out), for this process's own requests.
_CA_FILES: dict[str, str] = {}


@contextlib.contextmanager
def sandbox_process(*args: str) -> Iterator[str]:
    """`python -m desktop.sandbox --port 0 --auto-approve --consented all ARGS`; yields its
    https URL, stops it afterwards. ARGS may repeat an option to override it."""
    folder = tempfile.TemporaryDirectory(prefix="bench-sandbox-")
    ca_file = str(Path(folder.name) / "ca.pem")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.sandbox",
            "--port",
            "0",
            "--auto-approve",
            "--consented",
            "all",
            "--ca-out",
            ca_file,
            *args,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("sandbox listening on "):
            raise RuntimeError(f"sandbox did not start: {line!r}")
        url = line.rsplit(" ", 1)[1]
        _CA_FILES[url] = ca_file
        yield url
    finally:
        folder.cleanup()
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


_BUSY = """
import time
end = time.monotonic() + {seconds}
while time.monotonic() < end:
    pass
"""


@contextlib.contextmanager
def busy(processes: int, seconds: float = 900.0) -> Iterator[None]:
    """`processes` other programs keeping a core busy each (a tight Python loop, ended after
    `seconds` whatever happens to us), as Teams, Outlook and a browser do beside the app."""
    code = _BUSY.format(seconds=seconds)
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(processes)]
    try:
        yield
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


def ca_pem(url: str) -> bytes:
    """The CA certificate of the sandbox process at `url`."""
    return Path(_CA_FILES[url]).read_bytes()


def signed_in(url: str, concurrency: int, token_dir: Path | None = None, **kwargs: Any) -> Any:
    """A Backend signed in to the sandbox at `url` (MSAL, device code the sandbox approves),
    its tokens kept in `token_dir` (a fresh temporary folder when None: a cold start)."""
    from desktop.services.backend import Backend

    folder = token_dir or Path(tempfile.mkdtemp(prefix="bench-tokens-"))
    return Backend.for_sandbox(
        url, ca_pem=ca_pem(url), token_dir=folder, concurrency=concurrency, **kwargs
    )


def stats(url: str) -> dict[str, Any]:
    with requests.get(
        f"{url}/_sandbox/stats", timeout=10, verify=_CA_FILES.get(url, True)
    ) as response:
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)
