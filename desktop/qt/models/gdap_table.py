"""Qt models of the GDAP window: the partner's relationships and one relationship's groups.

Role names are Microsoft's English product names in every language (domain/gdap.py says why).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject

from desktop.domain.gdap import (
    ENDED,
    PENDING,
    AccessAssignment,
    GdapRelationship,
    ending_soon,
    expires_in,
    extension_days,
    role_names,
    status_order,
)
from desktop.qt.dates import date_text
from desktop.qt.models.table import (
    QT_TRANSLATE_NOOP,
    Column,
    RecordTableModel,
    labelled,
    text_column,
)
from desktop.qt.text_limits import NAME_CHARS
from desktop.qt.words import (
    NOTHING,
    expiry_word,
    extension_word,
    gdap_status_word,
    roles_text,
)

CUSTOMER, NAME, STATUS, ROLES, ENDS = range(5)
GROUP, MEMBER, GROUP_ROLES, ASSIGNMENT_STATUS = range(4)

_CONTEXT: Final = "GdapModel"
# Filters of the window: which statuses each covers ("" = every status). "pending": not yet
# approved by a customer, drafts ("created") included.
FILTERS: Final[Mapping[str, frozenset[str] | None]] = {
    "": None,
    "active": frozenset({"active"}),
    "pending": PENDING,
    "ended": ENDED,
}

assignment_status_label = labelled(
    {
        "active": QT_TRANSLATE_NOOP("GdapModel", "Active"),
        "pending": QT_TRANSLATE_NOOP("GdapModel", "Being assigned"),
        "deleting": QT_TRANSLATE_NOOP("GdapModel", "Being removed"),
        "deleted": QT_TRANSLATE_NOOP("GdapModel", "Removed"),
        "error": QT_TRANSLATE_NOOP("GdapModel", "Failed"),
    },
    _CONTEXT,
)


def no_customer_yet() -> str:
    """What stands for the customer of a relationship no customer has approved yet: one
    awaiting approval, or a draft not yet sent for it (its status says which)."""
    return QCoreApplication.translate("GdapModel", "No customer yet")


def customer_text(rel: GdapRelationship) -> str:
    if not rel.has_customer:
        return no_customer_yet()
    return rel.customer_name or rel.customer_tenant_id


def ends_text(rel: GdapRelationship, now: datetime | None = None) -> str:
    """When it ends, and whether Microsoft extends it: "12/05/2027 · Extends automatically by
    180 days"; only a relationship that does not extend itself is said to expire."""
    if rel.end is None:
        return NOTHING
    day = date_text(rel.end, day=True)
    if not rel.active:
        return day
    extends = extension_days(rel)
    if extends:
        return f"{day} · {extension_word(extends)}"
    left = expires_in(rel, now)
    if left is not None:
        return f"{day} · {expiry_word(left)}"
    return day


def status_text(rel: GdapRelationship) -> str:
    """The status in words; a status the app does not know reads "Other status"."""
    return gdap_status_word(rel.status)


def _end_key(rel: GdapRelationship) -> datetime | None:
    return rel.end


class GdapRelationshipModel(RecordTableModel[GdapRelationship]):
    """Every relationship of the partner. Roles: `RecordRole` gives the GdapRelationship."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[GdapRelationship]] = [
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Customer"),
                customer_text,
                limit=NAME_CHARS,
                tooltip=lambda r: r.customer_tenant_id,
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Relationship"),
                lambda r: r.display_name,
                limit=NAME_CHARS,
                tooltip=lambda r: r.id,
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Status"),
                status_text,
                lambda r: (status_order(r.status), r.status),
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Roles"),
                lambda r: roles_text(r.role_ids),
                tooltip=lambda r: "\n".join(role_names(r.role_ids)),
            ),
            Column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Ends"),
                ends_text,
                _end_key,
            ),
        ]
        super().__init__(columns, parent, key=lambda r: r.id, tie_column=CUSTOMER)

    def set_filter(self, name: str) -> None:
        statuses = FILTERS.get(name)
        if name == "soon":
            self.set_predicate(ending_soon)
        elif name == "other":
            known = {s for v in FILTERS.values() if v for s in v}
            self.set_predicate(lambda r: r.status not in known)
        elif statuses is None:
            self.set_predicate(None)
        else:
            self.set_predicate(lambda r: r.status in statuses)


class AccessAssignmentModel(RecordTableModel[AccessAssignment]):
    """One relationship's security groups and their roles. Group names come from `names`
    (the user's own groups); other groups show their object id."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.names: Mapping[str, str] = {}
        self.names_known = False  # False: the names call failed (no User.Read, say)
        columns: list[Column[AccessAssignment]] = [
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Security group"),
                self.group_text,
                limit=NAME_CHARS,
                tooltip=self._group_tooltip,
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "You"),
                self.member_text,
                tooltip=self._group_tooltip,
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Roles"),
                lambda a: roles_text(a.role_ids),
                tooltip=lambda a: "\n".join(role_names(a.role_ids)),
            ),
            text_column(
                QT_TRANSLATE_NOOP("RecordTableModel", "Status"),
                lambda a: assignment_status_label(a.status),
            ),
        ]
        super().__init__(columns, parent, key=lambda a: a.id)

    def set_assignments(
        self, rows: list[AccessAssignment], names: Mapping[str, str] | None
    ) -> None:
        """`names`: the user's own groups by lower-case id; None when they could not be read."""
        self.names = dict(names or {})
        self.names_known = names is not None
        self.set_rows(rows)

    def is_mine(self, assignment: AccessAssignment) -> bool:
        return assignment.container_id.lower() in self.names

    def group_text(self, assignment: AccessAssignment) -> str:
        """The group's name where it is one of the user's, else its object id."""
        return self.names.get(assignment.container_id.lower(), assignment.container_id)

    def member_text(self, assignment: AccessAssignment) -> str:
        if self.is_mine(assignment):
            return QCoreApplication.translate("GdapModel", "Member")
        if not self.names_known:
            return QCoreApplication.translate("GdapModel", "Unknown")
        return QCoreApplication.translate("GdapModel", "Not a member")

    def _group_tooltip(self, assignment: AccessAssignment) -> str:
        if self.is_mine(assignment):
            return assignment.container_id
        if not self.names_known:
            return QCoreApplication.translate(
                "GdapModel", "Group names could not be read: its object id is shown."
            )
        return QCoreApplication.translate(
            "GdapModel",
            "A security group of your partner tenant that you are not a member of: Partner "
            "Desk can read the names of your own groups only. Its object id is shown; find it "
            "in the Entra admin center (Groups).",
        )
