"""What a table model is declared with: the roles, `Column`s and their helpers, and the fast
path for a painting delegate (`multiData`). The model itself is desktop.qt.models.table."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Generic, TypeVar

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, Qt

from desktop.domain.enums import Severity
from desktop.qt.dates import LONG, date_text
from desktop.qt.text_limits import TEXT_CHARS, elide

R = TypeVar("R")


_USER: Final = int(Qt.ItemDataRole.UserRole)
RecordRole: Final = _USER + 1
"""The record object of the row (same for every column)."""
SortRole: Final = _USER + 2
"""The column's native sort value (str, int, datetime…); None means "sorts last"."""
StatusRole: Final = _USER + 3
"""The cell's `Severity` (desktop.domain.enums), as its badge shows it; None for no badge."""

# Plain ints: `data()` receives an int, and int == int is the cheapest comparison there is.
DISPLAY_ROLE: Final = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP_ROLE: Final = int(Qt.ItemDataRole.ToolTipRole)
DECORATION_ROLE: Final = int(Qt.ItemDataRole.DecorationRole)
ACCESSIBLE_ROLE: Final = int(Qt.ItemDataRole.AccessibleTextRole)
ALIGNMENT_ROLE: Final = int(Qt.ItemDataRole.TextAlignmentRole)

# What `QStyledItemDelegate::initStyleOption` asks for, in this order, with one `multiData` call
# per painted cell (Qt 6). tests/qt/models/test_table.py checks the order against the Qt we ship.
DELEGATE_ROLES: Final = tuple(
    int(role)
    for role in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
    )
)
SPAN_ALIGNMENT, SPAN_DECORATION, SPAN_DISPLAY = 1, 4, 5


def delegate_entries(span: Any) -> tuple[Any, Any, Any] | None:
    """(display, decoration, alignment) entries when `span` is a painting delegate's, else None.

    The delegate reuses one span from cell to cell, so a fast path must set every entry it
    ever fills, to None where a cell has nothing (tests/qt/models/test_dashboard.py paints both
    ways and compares); the font, colour, check and background entries our models never fill.
    (`span` is Any: PySide's stubs give it neither length, indexing nor iteration.)
    """
    if len(span) != len(DELEGATE_ROLES):
        return None
    display, decoration, alignment = span[SPAN_DISPLAY], span[SPAN_DECORATION], span[SPAN_ALIGNMENT]
    if (display.role(), decoration.role(), alignment.role()) != (
        DISPLAY_ROLE,
        DECORATION_ROLE,
        ALIGNMENT_ROLE,
    ):
        return None
    return display, decoration, alignment


def fill_span(data: Callable[[Any, int], Any], index: Any, span: Any) -> None:
    """What `QAbstractItemModel::multiData` does, in one call into Python rather than one per role.

    Why it matters: a model's `data()` is Python, and every call from C++ into Python takes the
    GIL. While a sweep's threads hold it, a repaint that asks 500 cells for 7 roles each waits
    3,500 times, and the grid's repaints stalled; asking once per cell waits a seventh as often.
    """
    for entry in span:
        entry.setData(data(index, entry.role()))


TR_CONTEXT: Final = "RecordTableModel"
LEFT: Final = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for lupdate, which matches this name; translated later where shown.

    Qt's own marker is typed as returning `object`, which would leak `Any` into every header.
    """
    return source


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: an untranslated header and functions of the record for each role."""

    header: str  # source text marked with QT_TRANSLATE_NOOP("RecordTableModel", ...)
    display: Callable[[R], str]
    sort_key: Callable[[R], Any]  # native comparable; None sorts last in either order
    tooltip: Callable[[R], str] | None = None
    decoration: Callable[[R], Any] | None = None  # a QIcon, QColor or QPixmap
    accessible: Callable[[R], str] | None = None
    status: Callable[[R], Severity | None] | None = None  # the StatusRole
    alignment: Qt.AlignmentFlag = LEFT


def text_column(
    header: str, text: Callable[[R], str], *, limit: int = TEXT_CHARS, **roles: Any
) -> Column[R]:
    """A column showing text, sorted without regard to case; API text is cut to `limit`
    characters (`text_limits.NAME_CHARS` for names) for the cell and its sort key."""

    def shown(record: R) -> str:
        return elide(text(record), limit)

    return Column(header, shown, lambda r: shown(r).casefold(), **roles)


def date_column(header: str, when: Callable[[R], datetime | None]) -> Column[R]:
    return Column(
        header,
        lambda r: date_text(when(r)),
        when,
        tooltip=lambda r: date_text(when(r), LONG),
    )


def cut_text(text: Any) -> Any:
    """Every cell's text within `TEXT_CHARS`, whatever its column does: a status or a label
    shown as Microsoft sent it is API text too (names are cut shorter by their columns)."""
    if isinstance(text, str) and len(text) > TEXT_CHARS:
        return elide(text, TEXT_CHARS)
    return text


def plain_tooltip(text: Any) -> Any:
    """A tooltip that shows its text as text.

    Qt shows a tooltip as rich text when its first line looks like HTML, so API text (a company
    name, a relationship name, a status) holding `<img src=...>` made Qt load that file, over
    SMB for a UNC path on Windows. Such text is escaped into explicit rich text.
    """
    if not isinstance(text, str):
        return text
    text = elide(text, TEXT_CHARS)  # API text: a tooltip lays out whole, like a label
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def labelled(labels: Mapping[str, str], context: str) -> Callable[[str], str]:
    """A function from a value to its translated label; values without one are shown as sent."""

    def label(value: str) -> str:
        source = labels.get(value)
        return value if source is None else QCoreApplication.translate(context, source)

    return label
