"""The app's icon as Qt shows it, from the files `desktop.config.resources` finds.

Apart from the resource paths, which stay Qt-free for headless commands and the bundle's build
script.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop.config.resources import app_icon_files


def app_icon() -> QIcon:
    """The window/taskbar icon; an empty icon (Qt's default) if the files are missing."""
    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    return icon
