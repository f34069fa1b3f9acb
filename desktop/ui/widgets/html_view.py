"""A read-only rich-text view for sanitized remote HTML: never loads anything remote."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget


class SafeTextBrowser(QTextEdit):
    """A read-only text view that refuses every resource load and hands activated links to
    the caller. A link's context menu offers Copy link and Open in a private window.

    For a screen reader it is a read-only text with a keyboard caret, not a QTextBrowser: Qt
    exposes a QTextBrowser as static text (a "label" over AT-SPI), which Orca reads only
    whole, and Down said nothing. Here the arrows move a caret line by line, headings and
    tables stay HTML (their text attributes exposed), Tab leaves the view (Qt's browser stopped
    on each link without a focus event: a silent stop), and Return on a link opens it.

    Signals:
        anchorClicked(QUrl): a link was clicked, or Return pressed on it (as QTextBrowser's).
        link_activated(str): the same link, encoded; the receiver applies the link policy.
        private_requested(str): "Open in a private window" was chosen for a link; the same.
    """

    anchorClicked = Signal(QUrl)  # noqa: N815 (QTextBrowser's name, kept)
    link_activated = Signal(str)
    private_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.setTabChangesFocus(True)
        mute_unfocused_selection(self)
        self._pressed_anchor = ""
        self.anchorClicked.connect(lambda url: self.link_activated.emit(_encoded(url)))
        # Whether a private window can open (the receiver knows the browser); off until told.
        self.private_available: Callable[[], bool] = lambda: False

    def link_under_caret(self) -> str:
        """The href of the link the keyboard caret is in (or just before), or ""."""
        cursor = self.textCursor()
        href = cursor.charFormat().anchorHref()
        if not href and not cursor.atBlockEnd():  # the caret before a link's first letter
            cursor.movePosition(cursor.MoveOperation.NextCharacter)
            href = cursor.charFormat().anchorHref()
        return href

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            href = self.link_under_caret()
            if href:
                self.anchorClicked.emit(QUrl(href))
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_anchor = self.anchorAt(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dragged = self.textCursor().hasSelection()  # text selected, not a link clicked
        super().mouseReleaseEvent(event)  # (Qt selects a link released on: not a drag)
        anchor = self.anchorAt(event.position().toPoint())
        pressed, self._pressed_anchor = self._pressed_anchor, ""
        left = event.button() == Qt.MouseButton.LeftButton
        if left and anchor and anchor == pressed and not dragged:
            self.anchorClicked.emit(QUrl(anchor))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        on_link = bool(self.anchorAt(event.position().toPoint()))
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if on_link else Qt.CursorShape.IBeamCursor
        )

    def link_at(self, pos: QPoint, keyboard: bool = False) -> str:
        """The link under `pos` (viewport coordinates), or with `keyboard` the one the
        keyboard's caret is in."""
        href = self.link_under_caret() if keyboard else self.anchorAt(pos)
        return _encoded(QUrl(href)) if href else ""

    def link_menu(self, pos: QPoint, keyboard: bool = False) -> QMenu:
        """The context menu at `pos`: on a link, Copy link and Open in a private window
        first, then the usual Copy and Select All."""
        scrolled = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(pos + scrolled)  # it takes document coordinates
        url = self.link_at(pos, keyboard)
        if url:
            for action in menu.actions():
                if action.objectName() == "link-copy":  # ours copies the link as it opens
                    menu.removeAction(action)
            first = menu.actions()[0] if menu.actions() else None
            copy = menu.addAction(QCoreApplication.translate("SafeTextBrowser", "Copy link"))
            copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(url))
            private = menu.addAction(
                QCoreApplication.translate("SafeTextBrowser", "Open in a private window")
            )
            private.setEnabled(self.private_available())
            private.triggered.connect(lambda: self.private_requested.emit(url))
            if first is not None:
                menu.insertActions(first, [copy, private])
                menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        menu = self.link_menu(event.pos(), keyboard)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # popup, not exec: a nested event loop would re-enter the qasync loop.
        menu.popup(event.globalPos())

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Images, style sheets, anything: the sanitizer removed them, and this makes sure.
        return None


def mute_unfocused_selection(view: QWidget) -> None:
    """Text selected in `view` while it lacks the focus in the inactive colours: a pale blend
    of the highlight into the background, under the ordinary text colour.

    Qt's text views draw a selection in the palette's Inactive colours when they lack the
    focus, but Fusion's Inactive highlight is its Active one: a selection left in a pane read
    as bright as the one being made where the keyboard is."""
    palette = view.palette()
    active = QPalette.ColorGroup.Active
    highlight = palette.color(active, QPalette.ColorRole.Highlight)
    base = palette.color(active, QPalette.ColorRole.Base)
    mix = 0.3  # of the highlight
    pale = QColor(
        round(highlight.red() * mix + base.red() * (1 - mix)),
        round(highlight.green() * mix + base.green() * (1 - mix)),
        round(highlight.blue() * mix + base.blue() * (1 - mix)),
    )
    inactive = QPalette.ColorGroup.Inactive
    palette.setColor(inactive, QPalette.ColorRole.Highlight, pale)
    text = palette.color(active, QPalette.ColorRole.Text)
    palette.setColor(inactive, QPalette.ColorRole.HighlightedText, text)
    view.setPalette(palette)


def _encoded(url: QUrl) -> str:
    # Encoded as written: toString() decodes "%20" to a space, which the link policy
    # refuses, and the browser would have to encode again.
    return bytes(url.toEncoded().data()).decode("ascii")


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
