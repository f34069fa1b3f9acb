"""Customers → GDAP relationships: every relationship of the partner, its roles by name, the
security groups that hold them, and the invitation link of those awaiting the customer.

Group names: an access assignment names its security group by object id only. The group lives
in the partner's tenant, and reading it (`GET /groups/{id}`) needs GroupMember.Read.All, which
Partner Desk does not ask for; `me/transitiveMemberOf` needs only User.Read and names the
groups the user is in - the ones that matter to them ("which of my groups has which role").
So those show by name, marked as the user's, and the others by id (API.md section 3).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts import AuthError
from desktop.backend import ApiError, Backend
from desktop.models.gdap import AccessAssignment, invitable, is_pending
from desktop.models.gdap_table import (
    ASSIGNMENT_STATUS,
    CUSTOMER,
    ENDS,
    GROUP,
    GROUP_ROLES,
    MEMBER,
    NAME,
    ROLES,
    STATUS,
    AccessAssignmentModel,
    GdapRelationshipModel,
    awaiting_customer,
    status_text,
)
from desktop.models.records import GdapRelationship
from desktop.models.table import RecordRole
from desktop.ui.context import AppContext
from desktop.ui.errors import explain
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns
from desktop.worker import Superseded

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Groups:
    """One relationship's access assignments, and the names of the user's own groups (None
    with `names_error` when they could not be read)."""

    assignments: list[AccessAssignment]
    skipped: int
    names: dict[str, str] | None
    names_error: str = ""


class GdapWindow(QWidget):
    """The partner's GDAP relationships in every status, with a detail area for the selected one.

    Signals:
        show_customer(str): the tenant id of the relationship the user opened (Enter).
        link_result(str): after Copy link or Open: what happened, in words.
    """

    show_customer = Signal(str)
    link_result = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.lane = ctx.worker.lane()
        self.loaded = False
        self._skipped = 0  # relationships that would not parse
        self.setWindowTitle(self.tr("GDAP relationships"))
        self.model = GdapRelationshipModel(self)
        self.filter = QComboBox()
        for text, key in (
            (self.tr("Every status"), ""),
            (self.tr("Active"), "active"),
            (self.tr("Ending soon, not extended automatically"), "soon"),
            (self.tr("Awaiting customer approval"), "pending"),
            (self.tr("Ended (expiring, expired, terminated)"), "ended"),
            (self.tr("Other statuses"), "other"),
        ):
            self.filter.addItem(text, key)
        self.filter.currentIndexChanged.connect(self._filter)
        caption = QLabel(self.tr("&Show:"))
        caption.setBuddy(self.filter)
        self.count = QLabel()
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.clicked.connect(lambda: self.ctx.worker.spawn(self.load(refresh=True)))
        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.reload_button)

        self.view = RecordTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("GDAP relationships"))
        self.view.setAccessibleDescription(
            self.tr("Enter opens the relationship's customer in the main window.")
        )
        setup_table(self.view)
        size_columns(self.view, stretch=ROLES)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(self._open_customer)

        self.details = self._build_details()
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.view)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.filter, self.view)
        QWidget.setTabOrder(self.view, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.groups)
        self.resize(1200, 720)
        self._show_selected(None)

    def _build_details(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected relationship"))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # names come from API data
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invite_label = QLabel(self.tr("&Invitation link:"))
        self.invite = QLineEdit()
        self.invite.setReadOnly(True)
        self.invite.setAccessibleName(self.tr("Invitation link"))
        self.invite_label.setBuddy(self.invite)
        self.copy_button = QPushButton(self.tr("&Copy link"))
        self.copy_button.clicked.connect(self.copy_link)
        self.open_button = QPushButton(self.tr("&Open in browser"))
        self.open_button.clicked.connect(lambda: self.ctx.worker.spawn(self.open_link()))
        self.invite_hint = QLabel(
            self.tr(
                "Send this link to a Global Administrator of the customer: they approve the "
                "relationship in the Microsoft 365 admin center."
            )
        )
        self.invite_hint.setWordWrap(True)
        invite_row = QHBoxLayout()
        invite_row.addWidget(self.invite_label)
        invite_row.addWidget(self.invite, 1)
        invite_row.addWidget(self.copy_button)
        invite_row.addWidget(self.open_button)
        self.invite_box = QWidget()
        invite_layout = QVBoxLayout(self.invite_box)
        invite_layout.setContentsMargins(0, 0, 0, 0)
        invite_layout.addLayout(invite_row)
        invite_layout.addWidget(self.invite_hint)

        self.groups_model = AccessAssignmentModel(self)
        self.groups = RecordTable()
        self.groups.setModel(self.groups_model)
        self.groups.setAccessibleName(self.tr("Security groups and their roles"))
        setup_table(self.groups)
        # A relationship has a handful of assignments: fitting them to their text is cheap.
        size_columns(self.groups, stretch=GROUP_ROLES, contents=[GROUP, MEMBER, ASSIGNMENT_STATUS])
        self.groups_caption = QLabel(self.tr("Security &groups with roles in this relationship:"))
        self.groups_caption.setBuddy(self.groups)
        self.groups_note = QLabel()
        self.groups_note.setTextFormat(Qt.TextFormat.PlainText)
        self.groups_note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.summary)
        layout.addWidget(self.invite_box)
        layout.addWidget(self.groups_caption)
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.groups_note)
        return box

    # -- loading ----------------------------------------------------------------------------

    async def load(self, refresh: bool = False) -> None:
        """Every relationship (kept by the backend; `refresh` reads them again)."""
        backend = self.ctx.backend
        if not backend.cloud.gdap:
            self.model.set_rows([])
            self.view.set_placeholder(
                self.tr("GDAP relationships cannot be read in the {0}.").format(backend.cloud.name)
            )
            self.count.setText("")
            return
        self.count.setText(self.tr("Loading…"))
        self.view.set_placeholder(self.tr("Loading…"))
        try:
            parsed = await self.ctx.worker.run(backend.gdap_all, None, refresh)
        except (ApiError, AuthError) as error:
            explained = explain(error, self.tr("GDAP relationships"))
            self.model.set_rows([])
            self.view.set_placeholder(f"{explained.title}\n{explained.detail}")
            self.count.setText(explained.title)
            return
        if backend is not self.ctx.backend:
            return  # the account changed meanwhile: the next load is for the new one
        current = self.current()
        self.model.set_rows(parsed.items)
        self.loaded = True
        self._skipped = len(parsed.errors)
        for problem in parsed.errors:
            log.warning("GDAP relationship not shown: %s", problem)
        self._filter()
        self._fit_columns()
        row = self.model.row_of_key(current.id) if current else None
        self.view.selectRow(row if row is not None else 0)

    def _fit_columns(self) -> None:
        """Customer, name, status and end fitted to their widest text among the first rows
        (a partner may have thousands: fitting to every row would measure them all)."""
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        pad = metrics.averageCharWidth() * 3
        limits = {CUSTOMER: 34, NAME: 34, STATUS: 26, ENDS: 56}  # in average characters
        rows = min(self.model.rowCount(), 300)
        for column, chars in limits.items():
            texts = [str(self.model.index(r, column).data() or "") for r in range(rows)]
            texts.append(str(self.model.headerData(column, Qt.Orientation.Horizontal) or ""))
            if column == CUSTOMER:
                texts.append(awaiting_customer())
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            header.resizeSection(column, min(widest + pad, metrics.averageCharWidth() * chars))

    def _filter(self) -> None:
        self.model.set_filter(str(self.filter.currentData()))
        shown, total = self.model.rowCount(), len(self.model.all_records())
        text = (
            self.tr("%1 of %2 shown")
            .replace("%1", QLocale().toString(shown))
            .replace("%2", QLocale().toString(total))
        )
        if self._skipped:
            text += " · " + self.tr("%n could not be read (see the log)", "", self._skipped)
        self.count.setText(text)
        self.view.set_placeholder(
            self.tr("No GDAP relationship has this status.")
            if total
            else self.tr("This partner has no GDAP relationships.")
        )
        if shown and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        elif not shown:
            self._show_selected(None)

    # -- the selected relationship ------------------------------------------------------------

    def current(self) -> GdapRelationship | None:
        rel = self.view.currentIndex().data(RecordRole)
        return rel if isinstance(rel, GdapRelationship) else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rel = current.data(RecordRole) if current.isValid() else None
        self._show_selected(rel if isinstance(rel, GdapRelationship) else None)

    def _show_selected(self, rel: GdapRelationship | None) -> None:
        self.details.setEnabled(rel is not None)
        if rel is None:
            self.lane.cancel()
            self.summary.setText(self.tr("Choose a relationship to see its security groups."))
            self.invite_box.hide()
            self.groups_model.set_assignments([], {})
            self.groups.set_placeholder("")
            self.groups_note.setText("")
            return
        parts = [rel.display_name, rel.customer_name or rel.customer_tenant_id, status_text(rel)]
        self.summary.setText(
            " · ".join(p for p in parts if p)
            + "\n"
            + self.tr("Relationship id: {0}").format(rel.id)
        )
        link = self.ctx.backend.invitation_link(rel.id) if invitable(rel) else None
        self.invite_box.setVisible(is_pending(rel))
        self.invite.setText(link or "")
        self.invite.setCursorPosition(0)  # the start says where it goes
        if rel.status == "created":
            why = self.tr(
                "Not locked for approval yet: finish the request in Partner Center, then its "
                "invitation link works."
            )
        else:
            why = self.tr("No invitation link in this cloud: send it from Partner Center.")
        self.invite.setPlaceholderText("" if link else why)
        self.invite_hint.setVisible(bool(link))
        self.copy_button.setEnabled(bool(link))
        self.open_button.setEnabled(bool(link))
        self.groups_model.set_assignments([], {})
        self.groups.set_placeholder(self.tr("Loading…"))
        self.groups_note.setText("")
        self.ctx.worker.spawn(self._load_groups(rel))

    async def _load_groups(self, rel: GdapRelationship) -> None:
        backend = self.ctx.backend
        try:
            groups = await self.lane.run(lambda _cancel: fetch_groups(backend, rel.id))
        except Superseded:
            return
        except (ApiError, AuthError) as error:
            explained = explain(error, self.tr("security groups"))
            self.groups.set_placeholder(f"{explained.title}\n{explained.detail}")
            return
        if self.current() is None or self.current().id != rel.id:  # type: ignore[union-attr]
            return
        self.groups_model.set_assignments(groups.assignments, groups.names)
        if is_pending(rel) or rel.status in ("approved", "activating"):
            empty = self.tr(
                "None yet: security groups get roles once the customer has approved the "
                "relationship and it is active."
            )
        else:
            empty = self.tr("No security group has roles in this relationship.")
        self.groups.set_placeholder(empty)
        notes = []
        if groups.names is None:
            notes.append(
                self.tr(
                    "Group names could not be read ({0}): groups are shown by object id. "
                    "Partner Desk reads the names of your own groups with the Microsoft Graph "
                    "permission User.Read in your partner tenant."
                ).format(groups.names_error)
            )
        elif groups.assignments and not any(
            self.groups_model.is_mine(a) for a in groups.assignments
        ):
            notes.append(
                self.tr(
                    "You are in none of these groups: this relationship gives you no access. "
                    "Groups you are not in are shown by object id."
                )
            )
        elif groups.assignments:
            notes.append(
                self.tr(
                    "Groups you are not in are shown by object id: reading other groups' "
                    "names would need a directory permission Partner Desk does not ask for."
                )
            )
        if groups.skipped:
            notes.append(
                self.tr("%n assignment(s) could not be read (see the log).", "", groups.skipped)
            )
        self.groups_note.setText("\n".join(notes))

    # -- actions ------------------------------------------------------------------------------

    def copy_link(self) -> None:
        link = self.invite.text()
        if link:
            QGuiApplication.clipboard().setText(link)
            self.link_result.emit(self.tr("Invitation link copied."))

    async def open_link(self) -> None:
        link = self.invite.text()
        if not link:
            return
        reason = await self.ctx.open_link(link)
        self.link_result.emit(
            self.tr("Could not open the link: {0}").format(reason)
            if reason
            else self.tr("Opened the invitation in the browser.")
        )

    def _open_customer(self, index: QModelIndex) -> None:
        rel = index.data(RecordRole)
        if isinstance(rel, GdapRelationship) and rel.has_customer:
            self.show_customer.emit(rel.customer_tenant_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lane.cancel()
        self.hide()
        event.ignore()  # kept for the next time; its opener owns it


def fetch_groups(backend: Backend, relationship_id: str) -> Groups:
    """Worker thread: the assignments, then the names of the user's own groups (kept by the
    backend after the first time). A failure of the names leaves ids, never the groups."""
    parsed = backend.access_assignments(relationship_id)
    for error in parsed.errors:
        log.warning("access assignment not shown: %s", error)
    try:
        names: dict[str, str] | None = backend.my_group_names()
        why = ""
    except (ApiError, AuthError) as error:
        names, why = None, explain(error).title
    return Groups(parsed.items, len(parsed.errors), names, why)


class GdapWindowOpener(QObject):
    """The Customers menu's "GDAP relationships…" and the window it opens (made at first use).

    `select_tenant` shows a customer in the main window; `session_changed` is the account's
    signal: the window then reads the new account's relationships when next shown.
    """

    def __init__(
        self,
        ctx: AppContext,
        menu: QMenu,
        select_tenant: Callable[[str], object],
        session_changed: SignalInstance,
        status: Callable[[str], object],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window: GdapWindow | None = None
        self._parent = parent
        self._select = select_tenant
        self._status = status
        self.action = QAction(self.tr("&GDAP relationships…"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.action.triggered.connect(self.show)
        parent.addAction(self.action)
        menu.addAction(self.action)
        session_changed.connect(self._session_changed)

    def show(self) -> GdapWindow:
        if self.window is None:
            self.window = GdapWindow(self.ctx, self._parent)
            self.window.show_customer.connect(self._select)
            self.window.link_result.connect(self._status)
        first = not self.window.loaded
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.ctx.worker.spawn(self.window.load(refresh=not first))
        return self.window

    def _session_changed(self, _session: object) -> None:
        if self.window is not None:
            self.window.hide()
            self.window.loaded = False
            self.window.model.set_rows([])
