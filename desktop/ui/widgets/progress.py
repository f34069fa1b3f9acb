"""A progress bar that never paints synchronously.

`QProgressBar.setValue` repaints at once (`repaint()`, not `update()`) whenever the shown value
changes, once per sweep batch: most of a sweep's worst stalls. With updates disabled for the
change the repaint is skipped; `update()` then paints the bar with the next frame, with
everything else.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


class ProgressBar(QProgressBar):
    def setValue(self, value: int) -> None:
        if value == self.value():
            return
        self.setUpdatesEnabled(False)
        try:
            super().setValue(value)
        finally:
            self.setUpdatesEnabled(True)
        self.update()
