"""Every directory the app writes, in one place. No Qt.

platformdirs gives the right place on Windows, macOS and Linux. `PARTNER_DESK_HOME` moves all
of them under one folder: tests use it so nothing touches the real home, and a portable install
can use it too.

What is in them is the user's alone (drafts, tags, the cache of customers' health, the log): on
Linux and macOS the app's folders are made 0700 and its files 0600, and folders and files left
more open by an older version are tightened when the folder is first used in a run. On Windows
the profile's ACLs already keep other users out; nothing is changed there.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import stat
import threading
from pathlib import Path

import platformdirs

APP_NAME = "PartnerDesk"
APP_AUTHOR = "PartnerDesk"

# Each folder's name and what it holds, for a message that names the folder the user must fix.
FOLDERS = {
    "data": ("data folder", "drafts, tags and sign-ins"),
    "config": ("settings folder", "the settings"),
    "cache": ("cache folder", "the data kept for offline use"),
    "logs": ("log folder", "the log"),
}

PRIVATE_DIR = stat.S_IRWXU  # 0700
PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR  # 0600

log = logging.getLogger(__name__)

_tightened: set[Path] = set()
_tightened_lock = threading.Lock()


def _home() -> Path | None:
    value = os.environ.get("PARTNER_DESK_HOME")
    return Path(value) if value else None


def _path(kind: str) -> Path:
    home = _home()
    if home is not None:
        return home / kind
    finder = {
        "config": platformdirs.user_config_path,
        "data": platformdirs.user_data_path,
        "cache": platformdirs.user_cache_path,
        "logs": platformdirs.user_log_path,
    }[kind]
    return finder(APP_NAME, APP_AUTHOR)


def planned(kind: str) -> Path:
    """Where the folder of `kind` ("data", "config", "cache", "logs") is, without making it:
    for naming a folder that cannot be made."""
    return _path(kind)


def _dir(kind: str) -> Path:
    path = _path(kind)
    home = _home()
    try:
        if home is not None and not home.exists():
            home.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    except OSError as error:
        # Named as the folder that could not be made, not the ancestor mkdir stopped at
        # (`~/.local`): the message then says which of our folders, and what it holds.
        raise OSError(error.errno, error.strerror, str(path)) from error
    _tighten_once(path)
    return path


def config_dir() -> Path:
    return _dir("config")


def data_dir() -> Path:
    return _dir("data")


def cache_dir() -> Path:
    return _dir("cache")


def log_dir() -> Path:
    return _dir("logs")


def downloads_dir() -> Path:
    """Where a download is first proposed: the user's Downloads folder (under
    PARTNER_DESK_HOME when set, so tests never propose the real one). Not created here unless
    under PARTNER_DESK_HOME: the user chooses the final place."""
    home = _home()
    if home is not None:
        path = home / "downloads"
        path.mkdir(parents=True, exist_ok=True)
        return path
    return platformdirs.user_downloads_path()


# -- private files ----------------------------------------------------------------------------


def private_file(path: Path) -> None:
    """`path` made (empty, when missing) and tightened to 0600 before a library opens it.

    SQLite gives a database's `-wal` and `-shm` files the mode of the database file itself, so
    a database created 0600 here keeps its journal private too. Raises OSError when the file
    cannot be made (a folder that is not writable)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        tighten(path)
    else:
        os.close(fd)


def tighten(path: Path) -> None:
    """Take group and other access away from one file or folder of ours (POSIX only), so a
    folder ends 0700 and a file 0600 (or less, if the user took more away).

    A file that is not ours (another user's, which chmod refuses) is left as it is, and logged.
    """
    if os.name != "posix":
        return
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            return  # never follow a link planted in our folders to chmod its target
        # Only taken away, never given: a folder the user made read-only stays read-only.
        if stat.S_IMODE(mode) & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & ~0o077)
    except FileNotFoundError:
        return
    except OSError as error:
        log.warning("could not make %s private: %s", path, error.strerror or error)


def _tighten_once(folder: Path) -> None:
    """The folder, its app-named parent (platformdirs' Linux log folder is
    `~/.local/state/PartnerDesk/log`) and everything below, once per folder and run."""
    if os.name != "posix":
        return
    with _tightened_lock:
        if folder in _tightened:
            return
        _tightened.add(folder)
    if folder.parent.name == APP_NAME:
        tighten(folder.parent)
    tighten(folder)
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            tighten(Path(root, name))


# -- folders that cannot be written -----------------------------------------------------------


def folder_of(path: str | os.PathLike[str] | None) -> tuple[str, Path] | None:
    """Which of the app's folders `path` is in (or is): its kind and the folder, else None."""
    if path is None:
        return None
    try:
        target = Path(path).absolute()
    except (TypeError, ValueError):
        return None
    for kind in FOLDERS:
        folder = _path(kind).absolute()
        if target == folder or folder in target.parents:
            return kind, folder
    home = _home()
    if home is not None and (target == home.absolute() or target in home.absolute().parents):
        return "data", home
    return None


def unwritable(
    kinds: tuple[str, ...] = ("data", "config", "cache"),
) -> tuple[str, Path, str] | None:
    """The first of the app's folders that cannot be written: its kind, path and why (the
    system's words), else None. Probes with a real file (permission bits say nothing about a
    read-only file system, an ACL or a full disk). Makes the folders it checks."""
    for kind in kinds:
        path = _path(kind)
        try:
            path = _dir(kind)
            probe = path / f".probe-{secrets.token_hex(4)}"
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
            try:
                # A byte too: on a full disk an empty file can still be made. (No fsync:
                # file systems reserve the space at write, and a sync costs every command.)
                os.write(fd, b"\0")
            finally:
                os.close(fd)
                os.unlink(probe)
        except OSError as error:
            return kind, path, reason(error)
    return None


def reason(error: OSError) -> str:
    """The system's words for an OSError, without the Python around them."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EROFS:
        return "read-only file system"
    if error.errno == errno.ENOSPC:
        return "no space left on the disk"
    if error.errno == errno.ENOTDIR:  # a file where a folder of the path should be
        return "a file is in the way"
    return (error.strerror or type(error).__name__).lower()


def cannot_write(kind: str, folder: Path, why: str, path: Path | None = None) -> str:
    """One sentence for the command line and the log (the window translates its own); `path`,
    when given and deeper than the folder itself, is named too."""
    name, holds = FOLDERS.get(kind, ("folder", "its files"))
    deeper = path is not None and folder not in (path, path.parent)
    where = f"{path} in the {name} {folder}" if deeper else f"the {name} {folder}"
    fix = (
        "Free space on that disk"
        if why == "no space left on the disk"
        else "Make it writable for your user account"
    )
    return (
        f"cannot write to {where} ({why}); Partner Desk keeps {holds} there. {fix}, or set "
        "PARTNER_DESK_HOME to a folder that is writable, then start again."
    )
