"""`python -m desktop.sandbox` prints its URL, serves, and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str]) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "desktop.sandbox", "--port", "0", *args]
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    out, err = proc.communicate(timeout=10)
    assert out == ""  # exactly one line
    if os.name == "posix":
        assert proc.returncode == 0, err


def test_cli_prints_the_listening_line_and_serves_https(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    args = ["--customers", "15", "--seed", "4", "--latency-ms", "1", "--ca-out", str(ca)]
    with run(args) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("sandbox listening on https://127.0.0.1:")
            url = line.strip().rsplit(" ", 1)[1]
            # The CA file is written before the line: a reader of the line can pin it at once.
            assert ca.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
            with requests.Session() as http:
                http.verify, http.trust_env = str(ca), False
                info = http.get(url + "/_sandbox/info", timeout=5).json()
                assert http.get(url + "/_sandbox/ca.pem", timeout=5).content == ca.read_bytes()
            assert info["customers"] == 15
            assert info["seed"] == 4
            assert info["tls"] is True
        finally:
            stop(proc)


def test_cli_without_tls_and_with_the_sign_in_knobs() -> None:
    args = ["--customers", "3", "--no-tls", "--auto-approve", "--consented", "all",
            "--consent-delay-s", "2", "--token-latency-ms", "1"]  # fmt: skip
    with run(args) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("sandbox listening on http://127.0.0.1:")
            url = line.strip().rsplit(" ", 1)[1]
            with requests.Session() as http:
                http.trust_env = False
                assert http.get(url + "/_sandbox/info", timeout=5).json()["tls"] is False
                assert http.get(url + "/_sandbox/ca.pem", timeout=5).status_code == 404
                found = http.get(url + "/organizations/v2.0/.well-known/openid-configuration")
                assert found.json()["token_endpoint"] == f"{url}/organizations/oauth2/v2.0/token"
        finally:
            stop(proc)
