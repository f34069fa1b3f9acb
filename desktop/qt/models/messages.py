"""Message center tables: one customer's planned changes, and every customer's, one row per
message with the customers it concerns. Both list action dates first, soonest first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Final, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt

from desktop.domain.service_messages import PlannedChange, ServiceMessage, action_first_key
from desktop.qt.dates import LONG, SHORT, date_text
from desktop.qt.models.table import (
    QT_TRANSLATE_NOOP,
    Column,
    RecordTableModel,
    labelled,
    text_column,
)

R = TypeVar("R")

_CONTEXT: Final = "MessageTableModel"
category_label = labelled(
    {
        "preventOrFixIssue": QT_TRANSLATE_NOOP("MessageTableModel", "Prevent or fix issue"),
        "planForChange": QT_TRANSLATE_NOOP("MessageTableModel", "Plan for change"),
        "stayInformed": QT_TRANSLATE_NOOP("MessageTableModel", "Stay informed"),
        "unknownFutureValue": QT_TRANSLATE_NOOP("MessageTableModel", "Other"),
    },
    _CONTEXT,
)
severity_label = labelled(
    {
        "normal": QT_TRANSLATE_NOOP("MessageTableModel", "Normal"),
        "high": QT_TRANSLATE_NOOP("MessageTableModel", "High"),
        "critical": QT_TRANSLATE_NOOP("MessageTableModel", "Critical"),
    },
    _CONTEXT,
)


def day_column(header: str, when: Callable[[R], datetime | None]) -> Column[R]:
    return Column(
        header,
        # The day alone: Microsoft's dates fall at a fixed hour that means nothing to the reader,
        # and the title needs the width.
        lambda r: date_text(when(r), day=True),
        when,
        tooltip=lambda r: date_text(when(r), LONG),
    )


def action_day_text(
    value: datetime | None,
    now: datetime | None = None,
    form: QLocale.FormatType = SHORT,
) -> str:
    """The action date, saying in words when it has passed: such posts sort first (soonest
    first) and must not read as the most urgent ones still ahead."""
    text = date_text(value, form, day=True)
    if value is None or value >= (now or datetime.now(timezone.utc)):
        return text
    return QCoreApplication.translate("MessageTableModel", "%1 (passed)").replace("%1", text)


def action_column(header: str, when: Callable[[R], datetime | None]) -> Column[R]:
    return Column(
        header,
        lambda r: action_day_text(when(r)),
        when,
        # The column may be too narrow for "(passed)": the tooltip says it in full.
        tooltip=lambda r: action_day_text(when(r), form=LONG),
    )


def major_mark(message: ServiceMessage) -> str:
    """A word, not only a symbol: read out by screen readers and clear in any font."""
    return (
        QCoreApplication.translate("MessageTableModel", "Major") if message.is_major_change else ""
    )


def services_text(message: ServiceMessage) -> str:
    return ", ".join(message.services)


# Per customer: columns of MessageTableModel.
TITLE, CATEGORY, SERVICES, ACTION_BY, MAJOR, LAST_UPDATE, ID = range(7)


def _message_columns() -> tuple[Column[ServiceMessage], ...]:
    return (
        text_column(
            QT_TRANSLATE_NOOP("RecordTableModel", "Title"),
            lambda m: m.title,
            tooltip=lambda m: m.title,
        ),
        text_column(
            QT_TRANSLATE_NOOP("RecordTableModel", "Category"),
            lambda m: category_label(m.category),
            tooltip=lambda m: category_label(m.category),
        ),
        text_column(
            QT_TRANSLATE_NOOP("RecordTableModel", "Services"), services_text, tooltip=services_text
        ),
        action_column(
            QT_TRANSLATE_NOOP("RecordTableModel", "Action required by"),
            lambda m: m.action_required_by,
        ),
        Column(
            QT_TRANSLATE_NOOP("RecordTableModel", "Major change"),
            major_mark,
            lambda m: not m.is_major_change,  # major first when sorted ascending
        ),
        day_column(QT_TRANSLATE_NOOP("RecordTableModel", "Last update"), lambda m: m.last_modified),
        text_column(QT_TRANSLATE_NOOP("RecordTableModel", "ID"), lambda m: m.id),
    )


class MessageTableModel(RecordTableModel[ServiceMessage]):
    """One customer's message center. Natural order (sort column -1): messages with an action
    date first, soonest first, then the rest, most recently changed first. `RecordRole` gives
    the ServiceMessage. A category Microsoft adds later shows as sent."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            _message_columns(), parent, key=lambda m: m.id, natural_key=action_first_key
        )


# Across customers: columns of PlannedChangesModel.
(
    P_TITLE,
    P_CATEGORY,
    P_SERVICES,
    P_ACTION_BY,
    P_MAJOR,
    P_CUSTOMERS,
    P_LAST_UPDATE,
    P_ID,
) = range(8)


class PlannedChangesModel(RecordTableModel[PlannedChange]):
    """Each message once with how many customers it concerns (their names in the tooltip's
    place: the dashboard lists them beside). Natural order: action dates first, soonest first.
    `RecordRole` gives the PlannedChange."""

    def __init__(self, parent: QObject | None = None) -> None:
        def count(change: PlannedChange) -> str:
            return QLocale().toString(len(change.tenants))

        super().__init__(
            (
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Title"),
                    lambda c: c.message.title,
                    tooltip=lambda c: c.message.title,
                ),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Category"),
                    lambda c: category_label(c.message.category),
                ),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Services"),
                    lambda c: services_text(c.message),
                    tooltip=lambda c: services_text(c.message),
                ),
                action_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Action required by"),
                    lambda c: c.message.action_required_by,
                ),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Major change"),
                    lambda c: major_mark(c.message),
                    lambda c: not c.message.is_major_change,
                ),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Customers"),
                    count,
                    lambda c: len(c.tenants),
                    alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                ),
                day_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Last update"),
                    lambda c: c.message.last_modified,
                ),
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "ID"), lambda c: c.message.id),
            ),
            parent,
            key=lambda c: c.message.id,
            natural_key=lambda c: action_first_key(c.message),
        )
