"""How the user left the windows: sizes, splitters, column widths and sort. No Qt.

Kept apart from the settings (`desktop.config.settings`): it changes at every close, holds
Qt's own opaque blobs (base64 text here), and losing it costs nothing but a default layout, so
a file that cannot be read is simply ignored. Written atomically like the settings.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from desktop.config.paths import config_dir

log = logging.getLogger(__name__)

# Qt's saved states are a few hundred bytes; anything much larger is not ours.
MAX_VALUE_CHARS = 16_384


def layout_path() -> Path:
    return config_dir() / "layout.json"


def load(path: Path | None = None) -> dict[str, str]:
    """Name → saved state; empty when there is none or it cannot be read."""
    try:
        # Inside the try: on a home that cannot be made, naming the folder already fails.
        raw = json.loads((path or layout_path()).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("window layout unreadable (%s); default layout", type(error).__name__)
        return {}
    if not isinstance(raw, dict):
        return {}
    return {
        k: v
        for k, v in raw.items()
        if isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_VALUE_CHARS
    }


def save(values: Mapping[str, str], path: Path | None = None) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file. A folder
    that cannot be written costs only the layout: logged, not raised."""
    try:
        _write(values, path or layout_path())
    except OSError as error:
        log.warning("window layout not saved (%s)", type(error).__name__)


def _write(values: Mapping[str, str], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".layout-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(dict(values), handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
