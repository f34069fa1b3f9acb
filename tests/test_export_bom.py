"""`partner-desk export --format csv` writes no byte order mark; `--bom` writes one for Excel
on Windows (issue 18, defect 11). The bytes, to a file and to standard output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop import cli
from desktop.sandbox import Sandbox

BOM = b"\xef\xbb\xbf"


def test_csv_has_no_bom_unless_asked(capsys, sandbox: Sandbox, tmp_path: Path):
    plain, marked = tmp_path / "plain.csv", tmp_path / "marked.csv"
    base = ["export", "customers", "--sandbox-url", sandbox.url, "--format", "csv"]
    assert cli.main([*base, "--out", str(plain)]) == 0
    assert cli.main([*base, "--bom", "--out", str(marked)]) == 0
    assert plain.read_bytes().startswith(b"tenantId,")
    assert marked.read_bytes() == BOM + plain.read_bytes()
    assert any(not c.isascii() for c in marked.read_bytes().decode("utf-8-sig"))


def test_bom_on_standard_output_and_not_with_json(sandbox: Sandbox):
    argv = [sys.executable, "-m", "desktop", "export", "customers", "--sandbox-url", sandbox.url]
    out = subprocess.run([*argv, "--bom"], capture_output=True, timeout=120, check=True).stdout
    assert out.startswith(BOM + b"tenantId,")
    wrong = subprocess.run([*argv, "--bom", "--format", "json"], capture_output=True, timeout=120)
    assert wrong.returncode == 2
    assert b"--bom" in wrong.stderr
