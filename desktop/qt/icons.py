"""The app's icon as Qt shows it, from the files `desktop.config.resources` finds.

Apart from the resource paths, which stay Qt-free for headless commands and the bundle's build
script.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon

from desktop.config.resources import app_icon_files, tray_template_file


def app_icon() -> QIcon:
    """The window/taskbar icon; an empty icon (Qt's default) if the files are missing."""
    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    return icon


def tray_icon(platform: str = sys.platform) -> QIcon | None:
    """The tray's icon where it differs from the window's: on macOS a template image (a mask,
    which the menu bar draws in its own colour, dark or light); None elsewhere, and when the
    file is missing (the window's icon then)."""
    if platform != "darwin":
        return None
    path = tray_template_file()
    if not path.is_file():
        return None
    icon = QIcon(str(path))
    icon.setIsMask(True)
    return icon
