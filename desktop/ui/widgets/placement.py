"""Windows that open within the screen, where and as large as the user left them.

A window asks for a size (the main window 1280x800, the dashboard 1400x820) that a 1366x768
laptop cannot show once the task bar and title bar are counted; a size saved on a large
monitor is as bad after the laptop is undocked. Every window is therefore fitted into its
screen's available geometry before it shows (`fit_rect`), whatever it asked for or restored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and borders the window manager adds around the client area; a frame
# is not known before the first show.
FRAME_ALLOWANCE = QSize(16, 40)


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """`rect` made no larger than `available` and moved into it (the same when it fits)."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    x = min(max(rect.x(), available.x()), available.x() + available.width() - width)
    y = min(max(rect.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def client_area(available: QRect) -> QRect:
    """What a window's client area may take of `available`, its frame counted."""
    inner = available.size() - FRAME_ALLOWANCE
    return QRect(
        available.topLeft() + QPoint(FRAME_ALLOWANCE.width() // 2, FRAME_ALLOWANCE.height() - 8),
        inner,
    )


def default_rect(size: QSize, available: QRect) -> QRect:
    """A window of `size` centred in `available`, shrunk to fit it with its frame."""
    area = client_area(available)
    fitted = size.boundedTo(area.size())
    rect = QRect(QPoint(0, 0), fitted)
    rect.moveCenter(area.center())
    return fit_rect(rect, area)


def available_geometry(window: QWidget) -> QRect:
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


class WindowMemory:
    """The saved layout of the windows (`desktop.config.layout`): name → Qt's saved state.

    `save` hands a copy of everything to `saver`, which writes it off the GUI thread.
    """

    def __init__(
        self,
        values: Mapping[str, str] | None = None,
        saver: Callable[[dict[str, str]], object] | None = None,
    ) -> None:
        self.values: dict[str, str] = dict(values or {})
        self._saver = saver

    def state(self, name: str) -> QByteArray | None:
        text = self.values.get(name)
        if not text:
            return None
        data = QByteArray.fromBase64(QByteArray(text.encode("ascii", "ignore")))
        return data if not data.isEmpty() else None

    def keep(self, name: str, data: QByteArray) -> None:
        self.values[name] = bytes(data.toBase64().data()).decode("ascii")

    def save(self) -> None:
        if self._saver is not None:
            self._saver(dict(self.values))

    def place(self, window: QWidget, name: str, default: QSize) -> None:
        """Before the first show: as the user left it (`remember`), else `default`, and
        within the available screen either way."""
        saved = self.state(f"{name}/geometry")
        if saved is not None and window.restoreGeometry(saved):
            window.setGeometry(fit_rect(window.geometry(), client_area(available_geometry(window))))
            return
        window.setGeometry(default_rect(default, available_geometry(window)))

    def remember(self, window: QWidget, name: str) -> None:
        self.keep(f"{name}/geometry", window.saveGeometry())
