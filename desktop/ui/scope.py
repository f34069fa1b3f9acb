"""The scope box and the tags dialog: favourites and tags on customers, and the scope they give
the list and the dashboard.

The tags' state is `desktop.qt.tags.TagIndex`; here are the widgets that show and edit it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.qt.models.customers import FAVOURITE
from desktop.qt.tags import ALL, FAVOURITES, TAG_PREFIX, TagIndex
from desktop.qt.text_limits import elide
from desktop.ui.widgets.clear_button import enable_clear_button

# The state's names too, for the windows that show a scope (desktop.qt.tags owns them).
__all__ = [
    "ALL",
    "FAVOURITES",
    "TAG_PREFIX",
    "ScopeBox",
    "TagIndex",
    "TagsDialog",
    "parse_tags",
    "scope_placeholder",
]


def parse_tags(text: str) -> set[str]:
    """ "vip, Berlin office ,, vip" -> {"vip", "Berlin office"}: commas separate tags."""
    return {" ".join(part.split()) for part in text.split(",") if part.strip()}


class ScopeBox(QComboBox):
    """All customers / ★ Favourites / one entry per tag with its count.

    Signals: scope_changed(str) when the choice changes (not when its members do: listen to
    `TagIndex.changed` for that). The choice survives the list of tags changing; a tag nobody
    carries any more falls back to all customers.
    """

    scope_changed = Signal(str)

    def __init__(self, index: TagIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setAccessibleName(self.tr("Scope"))
        self.setAccessibleDescription(self.tr("Show all customers, favourites or one tag"))
        self.setToolTip(self.tr("Which customers: all, favourites, or those with a tag"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._scope = ALL
        index.changed.connect(self._refill)
        self.currentIndexChanged.connect(self._chosen)
        self._refill()

    @property
    def scope(self) -> str:
        return self._scope

    def set_scope(self, scope: str) -> None:
        found = self.findData(scope)
        self.setCurrentIndex(found if found >= 0 else 0)

    def _refill(self) -> None:
        keep = self._scope
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All customers"), ALL)
        self.addItem(
            self.tr("%1 Favourites (%Ln)", "", len(self.index.favourites)).replace("%1", FAVOURITE),
            FAVOURITES,
        )
        for name in sorted(self.index.by_tag, key=str.casefold):
            count = len(self.index.by_tag[name])
            self.addItem(self.tr("Tag: %1 (%Ln)", "", count).replace("%1", name), TAG_PREFIX + name)
        found = self.findData(keep)
        self.setCurrentIndex(found if found >= 0 else 0)
        self.blockSignals(False)
        self._chosen()

    def _chosen(self, _index: int = 0) -> None:
        scope = self.currentData() or ALL
        if scope != self._scope:
            self._scope = scope
            self.scope_changed.emit(scope)


def scope_placeholder(parent: QWidget | None = None) -> QComboBox:
    """What the scope box shows before its tags are known (disabled): the window's first paint
    holds its place, so the search field does not narrow when the real one arrives."""
    box = QComboBox(parent)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.addItem(QCoreApplication.translate("ScopeBox", "All customers"))
    box.addItem(
        QCoreApplication.translate("ScopeBox", "%1 Favourites (%Ln)", "", 0).replace(
            "%1", FAVOURITE
        )
    )
    box.setEnabled(False)
    return box


# Room a dialog's layout leaves around its label, for the first sizing before it is shown.
_MARGIN = 11


class TagsDialog(QDialog):
    """Edit one customer's tags: comma-separated, with the tags in use offered as you type."""

    def __init__(
        self, customer: str, current: list[str], known: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags of {0}").format(elide(customer)))
        caption = QLabel(
            self.tr("Tags, separated by commas (for example: VIP, Berlin office). Empty for none.")
        )
        caption.setWordWrap(True)
        self._caption = caption
        self.edit = QLineEdit(", ".join(current))
        self.edit.setAccessibleName(self.tr("Tags"))
        enable_clear_button(self.edit)
        caption.setBuddy(self.edit)
        completer = _LastTagCompleter(known, self.edit)
        self.edit.setCompleter(completer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(440, 0)
        self._fit_caption()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_caption()

    def _fit_caption(self) -> None:
        # A window's layout gives a wrapped label the height of one line (Qt does not ask a
        # top-level for height-for-width): the German text lost its second line. As tall as
        # its lines at the width it has now, which also keeps the dialog from shrinking below.
        caption = self._caption
        width = caption.width() if caption.isVisible() else self.width() - 2 * _MARGIN
        caption.setMinimumHeight(caption.heightForWidth(max(width, 1)))

    def tags(self) -> set[str]:
        return parse_tags(self.edit.text())


class _LastTagCompleter(QCompleter):
    """Completes the tag after the last comma, keeping the ones before it."""

    def __init__(self, known: list[str], edit: QLineEdit) -> None:
        super().__init__(known, edit)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._edit = edit

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        head, _, _tail = self._edit.text().rpartition(",")
        chosen = str(index.data())
        return f"{head}, {chosen}" if head else chosen
