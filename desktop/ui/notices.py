"""Where notices reach the user: a tray message and a badge in the status bar.

`desktop.services.notices.NoticeBook` decides *what* is news (each new issue and each status change
once, ever); this module only shows it. One Microsoft issue usually touches many customers, so
a sweep's notices are grouped by issue: one tray message says "EX123456 touches 14 customers"
rather than fourteen balloons. The badge counts unread notices; its menu lists the recent ones
(each opens its customer) until "Mark all as read".
"""

from __future__ import annotations

import functools
import logging
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon, QToolButton, QWidget

from desktop.qt.icons import tray_icon
from desktop.qt.models.age import age_text
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import TEXT_CHARS, elide
from desktop.qt.words import status_word
from desktop.services.notices import DUE, Notice, NoticeBook, by_issue

# The menu stays a menu, not a log: the dashboard shows everything.
MENU_LIMIT = 20


# lupdate reads the literal context of each call; a helper around it would hide the texts.
translate = QCoreApplication.translate


class Notices(QObject):
    """The notices' texts with a count in them.

    lupdate keeps the plural forms of `self.tr(text, "", n)` only: a `QCoreApplication.translate`
    whose count is not a literal loses them, or the whole message. The class names the context.
    """

    def touches(self, n: int) -> str:
        return self.tr("Touches %Ln customer(s): ", "", n)

    def changes(self, n: int) -> str:
        return self.tr("%n service health change(s)", "", n)

    def issue_line(self, n: int) -> str:
        return self.tr("{0}: {1} (%Ln customer(s))", "", n)

    def customers(self, n: int) -> str:
        return self.tr("%Ln customer(s)", "", n)


def _due_date(notice: Notice) -> str:
    """A `due` notice's action date in the user's locale."""
    from desktop.domain.parsing import parse_time
    from desktop.qt.dates import date_text

    try:
        return date_text(parse_time(notice.new_status)) or elide(notice.new_status)
    except ValueError:
        return elide(notice.new_status)


@functools.cache
def _texts() -> Notices:
    return Notices()


def notice_line(notice: Notice, name: str) -> str:
    """One notice as a line: "Contoso — EX123: Mail delayed (Service restored)"; for a planned
    change, "14 customers — MC123: Retirement of … (action by 01/12/2026)"."""
    name, title = elide(name), elide(notice.title, TEXT_CHARS)
    if notice.kind == DUE:
        count = len(notice.tenants)
        who = name if count == 1 else _texts().customers(count)
        what = translate("Notices", "action by {0}").format(_due_date(notice))
        return f"{who} — {elide(notice.issue_id)}: {title} ({what})"
    if notice.kind == "new":
        what = translate("Notices", "new {0}").format(
            translate("Notices", "advisory")
            if notice.classification == "advisory"
            else translate("Notices", "incident")
        )
    else:
        what = elide(status_word(notice.new_status))
    return f"{name} — {elide(notice.issue_id)}: {title} ({what})"


def group_message(notices: list[Notice], name_of: Callable[[str], str]) -> tuple[str, str]:
    """The tray title and body for one sweep's notices, grouped by issue (API text cut to a
    length the tray and the menu lay out at once)."""
    groups = by_issue(notices)

    def name(tenant: str) -> str:
        return elide(name_of(tenant))

    if len(groups) == 1:
        (issue_id, kind, _old, new_status), members = next(iter(groups.items()))
        first = members[0]
        issue_id, first_title = elide(issue_id), elide(first.title, TEXT_CHARS)
        if kind == DUE:
            tenants = first.tenants
            title = translate("Notices", "Action due {0}: {1} {2}").format(
                _due_date(first), issue_id, first_title
            )
            body = _texts().touches(len(tenants)) + ", ".join(name(t) for t in tenants[:3])
            return title, body + ("…" if len(tenants) > 3 else "")
        title = (
            translate("Notices", "New issue {0}: {1}")
            if kind == "new"
            else translate("Notices", "{0} changed: {1}")
        ).format(issue_id, first_title)
        if len(members) == 1:
            body = name(first.tenant_id)
        else:
            names = ", ".join(name(n.tenant_id) for n in members[:3])
            body = _texts().touches(len(members)) + names
            if len(members) > 3:
                body += "…"
        if kind == "status":
            body += "\n" + elide(status_word(new_status))
        return title, body
    title = _texts().changes(len(groups))
    lines = []
    for (issue_id, _kind, _old, _new), members in list(groups.items())[:4]:
        count = sum(len(m.tenants) for m in members)
        lines.append(
            _texts().issue_line(count).format(elide(issue_id), elide(members[0].title, TEXT_CHARS))
        )
    if len(groups) > 4:
        lines.append("…")
    return title, "\n".join(lines)


log = logging.getLogger(__name__)


def notices_button(parent: QWidget) -> QToolButton:
    """The status bar's badge, before it has notices (disabled, "Notices")."""
    button = QToolButton(parent)
    button.setAutoRaise(True)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setAccessibleName(QCoreApplication.translate("NoticeCentre", "Notices"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setIcon(parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation))
    button.setText(QCoreApplication.translate("NoticeCentre", "Notices"))
    button.setEnabled(False)
    return button


async def load_recent(centre: NoticeCentre, holder: SessionHolder) -> None:
    """The notices of earlier runs into the badge's menu (as read)."""
    session = holder.session
    if session.cache is None or not session.source:
        return
    book = NoticeBook(session.cache, session.source)
    try:
        recent = await holder.worker.run(book.recent, 20)
    except Exception as error:
        log.warning("earlier notices unreadable: %s", error)
        return
    centre.load(recent)


class NoticeCentre(QObject):
    """The tray icon and the status-bar badge. Signals: open_customer(tenant id)."""

    open_customer = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        name_of: Callable[[str], str] | None = None,
        icon: QIcon | None = None,
        button: QToolButton | None = None,
        platform: str = sys.platform,
    ) -> None:
        """`button`: one `notices_button` made earlier (the window shows it from its first
        paint, so the status bar does not grow when the centre arrives).

        On macOS (`platform` "darwin") the tray icon is a template image in the menu bar, and
        clicking it opens `tray_menu`: Show Partner Desk, the notices, Quit. Elsewhere the
        tray is the window's icon, and a click on a message opens its customer."""
        super().__init__(parent)
        self.name_of = name_of or (lambda tenant: tenant)
        self.recent: list[tuple[float, Notice]] = []  # newest first
        self.unread = 0
        self.shown: list[tuple[str, str]] = []  # every tray message, for tests and the log
        self.button = button or notices_button(parent)
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(lambda: self._fill_menu())
        self.button.setMenu(self.menu)
        self._update_badge()
        self.tray_menu: QMenu | None = None
        if platform == "darwin":
            icon = tray_icon(platform) or icon
            self.tray_menu = self._build_tray_menu(parent)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon or parent.windowIcon(), self)
            self.tray.setToolTip(self.tr("Partner Desk"))
            if self.tray_menu is not None:
                self.tray.setContextMenu(self.tray_menu)
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        self._last_tenant = ""

    def load(self, recent: list[tuple[float, Notice]]) -> None:
        """Earlier notices (from the store) into the menu, read already."""
        merged = {(n.tenant_id, n.issue_id, n.new_status): (t, n) for t, n in recent}
        merged.update({(n.tenant_id, n.issue_id, n.new_status): (t, n) for t, n in self.recent})
        self.recent = sorted(merged.values(), key=lambda pair: -pair[0])[:MENU_LIMIT]
        self._update_badge()

    def add(self, notices: list[Notice]) -> None:
        if not notices:
            return
        now = time.time()
        self.recent = [(now, n) for n in reversed(notices)] + self.recent
        del self.recent[MENU_LIMIT:]
        self.unread += len(notices)
        self._update_badge()
        title, body = group_message(notices, self.name_of)
        self.shown.append((title, body))
        tenants = notices[0].tenants
        self._last_tenant = tenants[0] if tenants and len(by_issue(notices)) == 1 else ""
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 15000)

    def mark_read(self) -> None:
        self.unread = 0
        self._update_badge()

    def _update_badge(self) -> None:
        # The count is text, not only a colour: readable by screen readers and colour-blind users.
        # (No bell emoji: many Linux desktops and Windows 10 fonts draw it as an empty box.)
        if self.unread:
            self.button.setText(self.tr("%n new notice(s)", "", self.unread))
            self.button.setToolTip(self.tr("%n new service health notice(s)", "", self.unread))
            font = self.button.font()
            font.setBold(True)
            self.button.setFont(font)
        else:
            self.button.setText(self.tr("Notices"))
            self.button.setToolTip(self.tr("No new service health notices"))
            self.button.setFont(QFont())
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.setEnabled(bool(self.recent) or bool(self.unread))

    def _fill_menu(
        self,
        menu: QMenu | None = None,
        first: list[QAction] | None = None,
        last: list[QAction] | None = None,
    ) -> None:
        """The recent notices into `menu` (the badge's) between `first` and `last`, and Mark
        all as read."""
        menu = menu if menu is not None else self.menu
        menu.clear()  # deletes the notices' actions it owns, not `first`
        if first:
            menu.addActions(first)
            menu.addSeparator()
        for when, notice in self.recent:
            age = age_text(when)
            tenant = notice.tenants[0] if notice.tenants else ""
            action = QAction(f"{notice_line(notice, self.name_of(tenant))} · {age}", menu)
            action.triggered.connect(lambda _checked=False, t=tenant: self.open_customer.emit(t))
            menu.addAction(action)
        if not self.recent:
            empty = menu.addAction(self.tr("No notices yet"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Mark all as read"), self.mark_read)
        if last:
            menu.addSeparator()
            menu.addActions(last)
        for action in menu.actions():
            # Not moved by its text to the application menu (macOS), as a "Quit" would be.
            action.setMenuRole(QAction.MenuRole.NoRole)

    def _build_tray_menu(self, window: QWidget) -> QMenu:
        """The menu bar icon's menu on macOS: the window, the notices, and Quit. Its Quit is
        an action of its own without a role: the window's Quit (QuitRole) would be taken out
        of this menu into the application menu."""
        menu = QMenu(window)

        def show_window() -> None:
            window.showNormal() if window.isMinimized() else window.show()
            window.raise_()
            window.activateWindow()

        show = QAction(self.tr("Show Partner Desk"), self)
        show.triggered.connect(show_window)
        quit_app = QAction(self.tr("Quit Partner Desk"), self)
        quit_app.triggered.connect(lambda: QApplication.closeAllWindows())

        menu.aboutToShow.connect(lambda: self._fill_menu(menu, [show], [quit_app]))
        self._fill_menu(menu, [show], [quit_app])
        return menu

    def _tray_clicked(self) -> None:
        if self._last_tenant:
            self.open_customer.emit(self._last_tenant)
        self.mark_read()
