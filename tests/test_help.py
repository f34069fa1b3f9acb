"""`partner-desk --help` names every headless command (issue 18, defect 16): it listed only
`export` and `clouds`, so `request new`, `consent` and `drafts` were found only by reading
the README."""

from __future__ import annotations

import subprocess
import sys

from desktop.app import HEADLESS


def test_help_lists_every_headless_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(out.split())  # argparse wraps lines where it likes
    for command in ("request new", "request filed", "consent", "drafts", "export", "clouds"):
        assert f"partner-desk {command}" in text, command
    for command in HEADLESS:
        assert f"partner-desk {command}" in text, command
