"""Another user on the same machine reads none of Partner Desk's files (issue 16, item 14).

Drafts, tags, the cache (with SQLite's `-wal` and `-shm`), settings and the log are 0600 in
0700 folders on Linux and macOS, whatever the umask, and files an older version left 0644 are
tightened when the app starts. (Windows: the profile's ACLs; nothing is changed there.)
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.config import paths
from desktop.config.logs import PrivateRotatingFileHandler
from desktop.store import Draft, DraftStore, Tags
from desktop.store.cache import Cache

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most common umask (022): what the app gets from a desktop session."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def everything_under(home: Path) -> dict[str, int]:
    return {str(p.relative_to(home)): mode(p) for p in sorted(home.rglob("*"))}


def test_stores_and_their_journals_are_private_while_open(open_umask):
    home = Path(os.environ["PARTNER_DESK_HOME"])
    drafts, tags, cache = DraftStore(), Tags(), Cache()
    try:
        drafts.save(Draft.new("t1", "Contoso", title="Mail down"))
        tags.add("t1", "VIP")
        with cache.writer("sandbox:test") as writer:
            writer.record("customers", None, failure="offline", when=1.0)
        found = everything_under(home)
        # Open, in WAL mode: each database has its -wal and -shm beside it now.
        for name in ("data/drafts.sqlite3", "data/tags.sqlite3", "cache/cache.sqlite3"):
            for suffix in ("", "-wal", "-shm"):
                assert found.pop(name + suffix) == 0o600, name + suffix
        assert found == {"data": 0o700, "cache": 0o700}
    finally:
        drafts.close()
        tags.close()
        cache.close()


def test_the_log_and_its_rotations_are_private(open_umask, tmp_path: Path):
    path = tmp_path / "partner-desk.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8")
    try:
        for n in range(12):
            handler.emit(logging.makeLogRecord({"msg": f"line {n} " + "x" * 40}))
    finally:
        handler.close()
    made = sorted(tmp_path.iterdir())
    assert [p.name for p in made] == [
        "partner-desk.log",
        "partner-desk.log.1",
        "partner-desk.log.2",
    ]
    assert {p.name: mode(p) for p in made} == dict.fromkeys((p.name for p in made), 0o600)


def test_files_an_older_version_left_open_are_tightened_at_start(open_umask, tmp_path: Path):
    """What an older Partner Desk left (0755 folders, 0644 files, a rotated log, a set-aside
    drafts file): after one start of the window everything is 0700 / 0600."""
    home = tmp_path / "home"
    old = {
        "data/drafts.sqlite3": None,
        "data/drafts.sqlite3.1700000000.bad": b"old drafts",
        "data/tags.sqlite3": None,
        "cache/cache.sqlite3": None,
        "config/settings.json": b"{}",
        "logs/partner-desk.log": b"old log\n",
        "logs/partner-desk.log.1": b"older log\n",
    }
    for name in ("data", "cache", "config", "logs"):
        (home / name).mkdir(parents=True)
        (home / name).chmod(0o755)
    previous = os.environ["PARTNER_DESK_HOME"]
    os.environ["PARTNER_DESK_HOME"] = str(home)
    try:
        DraftStore().close()  # real databases, made the way an older version made them ...
        Tags().close()
        Cache().close()
    finally:
        os.environ["PARTNER_DESK_HOME"] = previous
    for name, content in old.items():
        if content is not None:
            (home / name).write_bytes(content)
    for path in home.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # ... with an older version's modes
    env = dict(os.environ, PARTNER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--offline", "--startup-probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = everything_under(home)
    assert {name for name in old} <= set(found)
    loose = {name: oct(m) for name, m in found.items() if m & 0o077}
    assert loose == {}
    assert all(m == 0o700 for name, m in found.items() if (home / name).is_dir())


def test_a_link_planted_in_our_folder_is_not_followed_to_chmod_its_target(
    open_umask, tmp_path: Path
):
    target = tmp_path / "someone-elses.txt"
    target.write_text("not ours to change")
    target.chmod(0o644)
    data = Path(os.environ["PARTNER_DESK_HOME"]) / "data"
    data.mkdir()
    (data / "planted").symlink_to(target)
    paths.data_dir()
    assert mode(target) == 0o644
