"""What every link in the app offers: open it (and say truly whether it opened), copy it, open
it in a private window. The link policy is the holder's: nothing here opens a link itself.

When the browser could not be started the user still needs the link: a small window says so
and shows it, selectable, with Copy link. It is not modal, and nothing waits for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customers import Customer, PortalLink
from desktop.qt.session import SessionHolder
from desktop.services.browser import LinkOutcome
from desktop.ui.widgets.announce import announce
from desktop.ui.widgets.html_view import SafeTextBrowser

translate = QCoreApplication.translate


def copy_link(url: str) -> None:
    QGuiApplication.clipboard().setText(url)


class LaunchFailedDialog(QDialog):
    """The browser did not open `url`: says so, and offers the link to copy."""

    def __init__(self, url: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("links", "The browser did not open"))
        self.url = url
        layout = QVBoxLayout(self)
        # Without a name the sentence is whole: "the link" put into it read "開啟 連結" in
        # Chinese, the space the name needs left before a word of its own script.
        if what:
            said = translate(
                "links",
                "Partner Desk could not open {0} in your browser: no browser started. Copy the "
                "link and open it in a browser yourself.",
            ).format(what)
        else:
            said = translate(
                "links",
                "Partner Desk could not open the link in your browser: no browser started. Copy "
                "the link and open it in a browser yourself.",
            )
        text = QLabel(said)
        text.setTextFormat(Qt.TextFormat.PlainText)  # names come from API data
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.link = QLineEdit(url)
        self.link.setReadOnly(True)
        self.link.setAccessibleName(translate("links", "Link"))
        self.link.setCursorPosition(0)
        text.setBuddy(self.link)
        self.copy = QPushButton(translate("links", "&Copy link"))
        self.copy.clicked.connect(self._copy)
        row.addWidget(self.link, 1)
        row.addWidget(self.copy)
        layout.addLayout(row)
        self.copied = QLabel()
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self.link.setFocus()
        self.link.selectAll()

    def _copy(self) -> None:
        copy_link(self.url)
        self.copied.setText(translate("links", "Link copied."))
        announce(self.copy, self.copied.text())


def report(outcome: LinkOutcome, what: str = "") -> str:
    """The status line for `outcome`; `what` names the link ("Exchange admin center")."""
    if outcome.refused is not None:
        if what:
            return translate("links", "{0} was not opened: {1}").format(what, outcome.refused)
        return translate("links", "The link was not opened: {0}").format(outcome.refused)
    if outcome.failed:
        if what:
            return translate("links", "{0} was not opened: the browser did not start.").format(what)
        return translate("links", "The link was not opened: the browser did not start.")
    if outcome.private:  # said so: the walk could not tell which window it had asked for
        if what:
            return translate("links", "Opened {0} in a private window.").format(what)
        return translate("links", "Opened in a private window.")
    if what:
        return translate("links", "Opened {0} in your browser.").format(what)
    return translate("links", "Opened in your browser.")


async def open_link(
    holder: SessionHolder,
    link: str | PortalLink,
    parent: QWidget | None,
    customer: Customer | None = None,
    private: bool = False,
    what: str = "",
) -> LinkOutcome:
    """Open `link` through the holder's policy; when the browser did not start, show the link
    to copy (a window of `parent`'s, unless it has gone by then)."""
    if isinstance(link, PortalLink):
        outcome = await holder.open_portal(link, customer, private=private)
    else:
        outcome = await holder.open_link(link, customer, private=private)
    if parent is not None:
        # Said to a screen reader: a link opened (or refused) was otherwise silent, its line
        # only in the status bar; assertive when it did not open, the user must act.
        announce(parent, report(outcome, what), assertive=not outcome.opened)
    if outcome.failed and outcome.url:
        dialog = LaunchFailedDialog(outcome.url, what, parent)
        dialog.show()
    return outcome


def add_link_actions(
    menu: QMenu,
    holder: SessionHolder,
    url: str | None,
    open_private: Callable[[], object],
) -> tuple[QAction, QAction]:
    """Copy link and Open in a private window, for `url` (None: both disabled). The private
    window is offered only where a default browser we know was found."""
    copy = menu.addAction(translate("links", "&Copy link"))
    copy.setShortcut(QKeySequence.StandardKey.Copy)
    copy.setEnabled(bool(url))
    if url:
        copy.triggered.connect(lambda: copy_link(url))
    available = holder.can_open_private()
    private = menu.addAction(
        translate("links", "Open in a &private window")
        if available
        # Greyed out without a word left the walk guessing why.
        else translate(
            "links", "Open in a private window (your default browser is not one we know)"
        )
    )
    private.setEnabled(bool(url) and available)
    private.triggered.connect(open_private)
    return copy, private


def wire_text_links(
    view: SafeTextBrowser,
    holder: SessionHolder,
    say: Callable[[str], None],
    customer: Callable[[], Customer | None] = lambda: None,
    say_opened: bool = True,
) -> None:
    """Links in `view` (posts) open through the holder, on a click or in a private window
    from their menu; `say` gets the status line (with `say_opened` False, only when the link
    did not open); `customer`: whose page the view is."""
    view.private_available = holder.can_open_private

    def go(url: str, private: bool) -> None:
        async def run() -> None:
            outcome = await open_link(holder, url, view.window(), customer(), private)
            if say_opened or not outcome.opened:
                say(report(outcome))

        holder.worker.spawn(run())

    view.link_activated.connect(lambda url: go(url, False))
    view.private_requested.connect(lambda url: go(url, True))
