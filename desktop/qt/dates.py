"""Every date and time the app shows, in the user's locale and time zone: one formatter.

Which instant a value stands for is decided in `desktop.domain.dates`; Qt's locale writes it.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale

from desktop.domain.dates import shown_seconds

SHORT = QLocale.FormatType.ShortFormat
LONG = QLocale.FormatType.LongFormat


def date_text(
    value: object, form: QLocale.FormatType = SHORT, *, day: bool = False, missing: str = ""
) -> str:
    """`value` (a datetime, or seconds since 1970) in the user's locale and local time: the
    date and time, or with `day` the date alone (for end and action dates, whose hour means
    nothing to the reader); `missing` when there is nothing to show."""
    seconds = shown_seconds(value)
    if seconds is None:
        return missing
    local = QDateTime.fromMSecsSinceEpoch(int(seconds * 1000))
    return QLocale().toString(local.date() if day else local, form)
