"""The selected GDAP relationship: its invitation link (awaiting approval) and the partner's
security groups that hold its roles, loaded off the GUI thread.

Group names: an access assignment names its security group by object id only. The group lives
in the partner's tenant, and reading it (`GET /groups/{id}`) needs GroupMember.Read.All, which
Partner Desk does not ask for (learn.microsoft.com/graph/api/group-get); `me/transitiveMemberOf`
needs only User.Read (learn.microsoft.com/graph/api/user-list-transitivememberof) and names the
groups the user is in - the ones that matter to them ("which of my groups has which role"). So
those show by name, marked as the user's, and the others by id (API.md section 3).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.gdap import AccessAssignment, GdapRelationship, invitable, is_pending
from desktop.qt.models.gdap_table import (
    ASSIGNMENT_STATUS,
    GROUP,
    GROUP_ROLES,
    MEMBER,
    AccessAssignmentModel,
    status_text,
)
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import elide
from desktop.qt.worker import Superseded
from desktop.services.accounts import AuthError
from desktop.services.backend import ApiError, Backend
from desktop.ui.errors import explain
from desktop.ui.widgets.link_actions import report
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Groups:
    """One relationship's access assignments, and the names of the user's own groups (None
    with `names_error` when they could not be read)."""

    assignments: list[AccessAssignment]
    skipped: int
    names: dict[str, str] | None
    names_error: str = ""


class RelationshipDetail(QGroupBox):
    """One relationship: summary, invitation link (Copy, Open) and security groups.

    Signals:
        link_result(str): after Copy link or Open: what happened, in words.
    """

    link_result = Signal(str)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected relationship"))
        self.holder = holder
        self.lane = holder.worker.lane()
        self.relationship: GdapRelationship | None = None
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
        self.open_button.clicked.connect(lambda: self.holder.worker.spawn(self.open_link()))
        # The customer's administrator signs in to accept: a private window keeps the
        # partner's own sign-in out of it.
        self.private_button = QPushButton(self.tr("Open in a &private window"))
        self.private_button.clicked.connect(
            lambda: self.holder.worker.spawn(self.open_link(private=True))
        )
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
        invite_row.addWidget(self.private_button)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.invite_box)
        layout.addWidget(self.groups_caption)
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.groups_note)

    def show_relationship(self, rel: GdapRelationship | None) -> None:
        """Show `rel` (None: nothing chosen) and load its security groups off the GUI thread."""
        self.relationship = rel
        self.setEnabled(rel is not None)
        if rel is None:
            self.lane.cancel()
            self.summary.setText(self.tr("Choose a relationship to see its security groups."))
            self.invite_box.hide()
            self.groups_model.set_assignments([], {})
            self.groups.set_placeholder("")
            self.groups_note.setText("")
            return
        parts = [
            elide(rel.display_name),
            elide(rel.customer_name or rel.customer_tenant_id),
            elide(status_text(rel)),
        ]
        self.summary.setText(
            " · ".join(p for p in parts if p)
            + "\n"
            + self.tr("Relationship id: {0}").format(rel.id)
        )
        link = self.holder.session.backend.invitation_link(rel.id) if invitable(rel) else None
        self.invite_box.setVisible(is_pending(rel))
        self.invite.setText(link or "")
        self.invite.setCursorPosition(0)  # the start says where it goes
        if rel.status == "created":
            why = self.tr(
                "Not yet sent for approval: finish the request in Partner Center, then the "
                "invitation link appears here."
            )
        else:
            why = self.tr("No invitation link in this cloud: send it from Partner Center.")
        self.invite.setPlaceholderText("" if link else why)
        self.invite_hint.setVisible(bool(link))
        self.copy_button.setEnabled(bool(link))
        self.open_button.setEnabled(bool(link))
        self.private_button.setEnabled(bool(link) and self.holder.can_open_private())
        self.groups_model.set_assignments([], {})
        self.groups.set_placeholder(self.tr("Loading…"))
        self.groups_note.setText("")
        self.holder.worker.spawn(self._load_groups(rel))

    async def _load_groups(self, rel: GdapRelationship) -> None:
        backend = self.holder.session.backend
        try:
            groups = await self.lane.run(lambda _cancel: fetch_groups(backend, rel.id))
        except Superseded:
            return
        except (ApiError, AuthError) as error:
            explained = explain(error, self.tr("security groups"))
            self.groups.set_placeholder(f"{explained.title}\n{explained.detail}")
            return
        if self.relationship is None or self.relationship.id != rel.id:
            return  # another one was chosen meanwhile
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

    def copy_link(self) -> None:
        link = self.invite.text()
        if link:
            QGuiApplication.clipboard().setText(link)
            self.link_result.emit(self.tr("Invitation link copied."))

    async def open_link(self, private: bool = False) -> None:
        link = self.invite.text()
        if not link:
            return
        # Not through link_actions.open_link: the link and Copy link are in this window already.
        outcome = await self.holder.open_link(link, private=private)
        if outcome.refused:
            self.link_result.emit(self.tr("Could not open the link: {0}").format(outcome.refused))
        elif outcome.failed:
            # The link stays in the box above, with Copy link beside it.
            self.link_result.emit(report(outcome))
        else:
            self.link_result.emit(self.tr("Opened the invitation in the browser."))


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
