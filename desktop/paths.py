"""Every directory the app writes, in one place. No Qt.

platformdirs gives the right place on Windows, macOS and Linux. `PARTNER_DESK_HOME` moves all
of them under one folder: tests use it so nothing touches the real home, and a portable install
can use it too.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "PartnerDesk"
APP_AUTHOR = "PartnerDesk"


def _home() -> Path | None:
    value = os.environ.get("PARTNER_DESK_HOME")
    return Path(value) if value else None


def _dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    else:
        finder = {
            "config": platformdirs.user_config_path,
            "data": platformdirs.user_data_path,
            "cache": platformdirs.user_cache_path,
            "logs": platformdirs.user_log_path,
        }[kind]
        path = finder(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
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
