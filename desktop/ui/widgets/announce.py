"""What a screen reader says without the focus moving: one way to say it, for the whole app.

A label's text changing, a status line, a red error under a field: a screen reader reads none
of them unless it is told. `announce` tells it, as the platform's own "live region" does: an
announcement event (Qt 6.8+: AT-SPI `Object:Announcement` on Linux, which Orca speaks; a UIA
notification on Windows, NVDA; an `NSAccessibilityAnnouncementRequestedNotification` on macOS,
VoiceOver). Polite waits for what is being said; assertive interrupts it (errors).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


class Announcements(QObject):
    """Every announcement made, as it is made: for tests and logs (Qt binds no way to watch
    accessibility events from Python).

    Signals:
        made(QWidget, str, bool): the widget it is about, the text, whether assertive.
    """

    made = Signal(QWidget, str, bool)


_announcements: Announcements | None = None


def announcements() -> Announcements:
    global _announcements
    if _announcements is None:
        _announcements = Announcements()
    return _announcements


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have a screen reader say `text`, about `widget` (whose window it is spoken in).
    Assertive interrupts: only for what the user must act on now (an error)."""
    text = text.strip()
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    announcements().made.emit(widget, text, assertive)
