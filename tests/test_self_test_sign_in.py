"""`--self-test` proves the sign-in stack: msal, msal-extensions and the platform's encrypted
store (desktop.auth.stack), and says so in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import msal
import msal_extensions
import pytest
from msal_extensions import FilePersistence

from desktop.auth import stack


def test_the_line_names_the_versions_and_the_store() -> None:
    report = stack.check()
    assert report.problems == ()
    assert report.line.startswith(
        f"self-test sign-in stack: msal {msal.__version__}, "
        f"msal-extensions {msal_extensions.__version__}, store: "
    )
    # This machine's store, or the plain file with the reason there is none.
    assert f"store: {stack.store_name()} (encrypted)" in report.line or (
        sys.platform == "linux" and "store: plaintext file (no keyring: " in report.line
    )


class Broken:
    """An encrypted persistence that cannot be used (no gi module, no D-Bus session, ...)."""

    def __init__(self, location: Path, platform: str) -> None:
        raise ImportError("No module named 'gi'")


def test_no_keyring_on_linux_is_said_and_is_no_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stack, "_encrypted_persistence", Broken)
    report = stack.check(platform="linux")
    assert report.problems == ()
    assert "store: plaintext file (no keyring: No module named 'gi'; " in report.line
    # Nothing the bundle check greps for as a broken import.
    assert "ImportError" not in report.line
    assert "Traceback" not in report.line


@pytest.mark.parametrize(("platform", "name"), [("win32", "DPAPI"), ("darwin", "Keychain")])
def test_dpapi_or_the_keychain_failing_is_a_failure(
    monkeypatch: pytest.MonkeyPatch, platform: str, name: str
) -> None:
    monkeypatch.setattr(stack, "_encrypted_persistence", Broken)
    monkeypatch.setitem(sys.modules, "msal.broker", sys.modules["msal"])  # not this check's
    report = stack.check(platform=platform)
    assert any(problem.startswith(f"{name} failed: ") for problem in report.problems)
    assert f"store: {name} FAILED" in report.line


def test_msal_extensions_missing_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "msal_extensions", None)  # import raises ImportError
    report = stack.check()
    assert len(report.problems) == 1
    assert report.problems[0].startswith("msal-extensions cannot be imported: ")


def test_a_store_that_gives_back_something_else_is_found(tmp_path: Path) -> None:
    class Garbling(FilePersistence):  # type: ignore[misc]
        def load(self) -> Any:
            return super().load()[::-1]

    assert stack._round_trip(FilePersistence(str(tmp_path / "ok.bin"))) is None
    assert "something else" in (stack._round_trip(Garbling(str(tmp_path / "bad.bin"))) or "")


def test_the_self_test_prints_the_line(tmp_path: Path) -> None:
    env = {**os.environ, "PARTNER_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from desktop.app import main; raise SystemExit(main())",
            "--self-test",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert any(line.startswith("self-test sign-in stack: msal ") for line in lines), done.stdout
    assert lines[-1].startswith("self-test ok")
    # The user's real token cache was not touched: nothing of ours in the data folder.
    assert not list(tmp_path.rglob("token_cache*"))
