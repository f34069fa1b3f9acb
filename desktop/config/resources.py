"""Where the app's read-only resources are: from a source tree and from a PyInstaller bundle.

The one place that knows the layout. From source, `resources/` sits beside the `desktop`
package; in a frozen bundle `build.spec` copies it to `resources/` under `sys._MEIPASS` (the
bundle's `_internal` folder, or `Contents/Resources` in the macOS app). Everything else asks here
instead of building paths from `__file__`.

No Qt: headless commands and the bundle's build script use the paths too; the icon Qt shows
from these files is `desktop.qt.icons.app_icon`.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ICON_NAME = "partner-desk"
#: The PNG sizes `resources/icons/build_icons.py` renders; the window icon carries all of them
#: so every platform picks a crisp one (taskbar 16-32 px, Alt+Tab and docks 48-256 px).
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """`resource_path("icons", "partner-desk.svg")`; the file may not exist (see callers)."""
    return resources_dir().joinpath(*parts)


def icons_dir() -> Path:
    return resource_path("icons")


def translations_dir() -> Path:
    """Compiled `.qm` catalogues. Absent until translations are built: callers must cope."""
    return resource_path("translations")


def tray_template_file() -> Path:
    """The macOS menu bar's icon: a one-colour template image (desktop.qt.icons.tray_icon). Its
    name starts with the app icon's, so build.spec's copy of the icons takes it along."""
    return icons_dir() / f"{APP_ICON_NAME}-tray-template.svg"


def app_icon_files() -> list[Path]:
    """The app icon's PNG renderings that exist, smallest first; else the SVG, if present.

    PNGs first: Qt picks the nearest rendering per size and needs no SVG plugin for them.
    """
    pngs = [icons_dir() / f"{APP_ICON_NAME}-{size}.png" for size in APP_ICON_SIZES]
    found = [path for path in pngs if path.is_file()]
    svg = icons_dir() / f"{APP_ICON_NAME}.svg"
    return found or ([svg] if svg.is_file() else [])
