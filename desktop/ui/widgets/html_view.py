"""A read-only rich-text view for sanitized remote HTML: never loads anything remote."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget


class SafeTextBrowser(QTextBrowser):
    """QTextBrowser that refuses every resource load and hands clicked links to the caller.

    Signals:
        link_activated(str): a link was clicked; the receiver applies the link policy.
    """

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Encoded as written: toString() decodes "%20" to a space, which the link policy
        # refuses, and the browser would have to encode again.
        self.anchorClicked.connect(
            lambda url: self.link_activated.emit(bytes(url.toEncoded().data()).decode("ascii"))
        )

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Images, style sheets, anything: the sanitizer removed them, and this makes sure.
        return None


Field = tuple[str, str]

# Qt lays out a run of text without a break opportunity in quadratic time: API text shown
# escaped gets a zero-width space every MAX_RUN characters of such a run, as
# desktop.api.sanitize does for posts.
MAX_RUN = 1000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def breakable(text: str) -> str:
    """`text` with a break opportunity (U+200B) in every run longer than MAX_RUN characters."""
    if len(text) <= MAX_RUN:
        return text
    return _LONG_RUN.sub(
        lambda m: "\u200b".join(
            m.group(0)[i : i + MAX_RUN] for i in range(0, len(m.group(0)), MAX_RUN)
        ),
        text,
    )


# A field (a title, a status) longer than this is not read by anyone; laying it out is what
# costs, even with break opportunities. The rest is cut, and says so.
MAX_SHOWN = 20_000


def escaped(text: str) -> str:
    """Plain API text as HTML: escaped, cut past MAX_SHOWN, safe for Qt's layout."""
    if len(text) > MAX_SHOWN:
        text = text[:MAX_SHOWN] + " …"
    return html.escape(breakable(text))


def field_table(palette: QPalette, *sections: tuple[str, Sequence[Field]]) -> str:
    """Label/value rows as one HTML table, so values line up even across headed sections.

    A section with an empty heading has none; empty values show as a dash.
    """
    e = html.escape
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    rows = []
    for heading, fields in sections:
        if heading:
            rows.append(
                f'<tr><td colspan="2" style="padding-top: 12px"><b>{e(heading)}</b></td></tr>'
            )
        rows.extend(
            f'<tr><td style="color: {muted}; padding-right: 16px">{e(label)}</td>'
            f"<td>{escaped(value or '—')}</td></tr>"
            for label, value in fields
        )
    return f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'


def history_entry(palette: QPalette, heading: str, body_html: str) -> str:
    """One post or note of a history: a shaded heading bar (already escaped) and its body."""
    shade = palette.color(QPalette.ColorRole.Window).name()
    return (
        f'<table width="100%" cellspacing="0" cellpadding="4" '
        f'style="margin-top: 10px; background-color: {shade}">'
        f'<tr><td>{heading}</td></tr></table><div style="margin: 4px 4px 0 4px">{body_html}</div>'
    )
