"""Shared helpers for the Qt model tests: a signal recorder, a Python model check, the C locale."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex
from pytestqt.modeltest import ModelTester


@dataclass
class Signals:
    """Everything a model emitted that a view reacts to, recorded in order."""

    resets: int = 0
    layouts: int = 0
    # (top row, left column, bottom row, right column, roles) of each dataChanged
    changed: list[tuple[int, int, int, int, list[int]]] = field(default_factory=list)

    @classmethod
    def on(cls, model: QAbstractItemModel) -> Signals:
        signals = cls()
        model.modelReset.connect(signals._reset)
        model.layoutChanged.connect(signals._layout)
        model.dataChanged.connect(signals._changed)
        return signals

    def _reset(self) -> None:
        self.resets += 1

    def _layout(self, *_: object) -> None:
        self.layouts += 1

    def _changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        self.changed.append((top.row(), top.column(), bottom.row(), bottom.column(), list(roles)))

    def changed_rows(self) -> set[int]:
        return {row for top, _, bottom, _, _ in self.changed for row in range(top, bottom + 1)}

    def clear(self) -> None:
        self.resets = self.layouts = 0
        self.changed.clear()


def check_model(model: QAbstractItemModel) -> None:
    """pytest-qt's Python model tester, run once and detached.

    Inside a Hypothesis example it raises at once (the C++ tester of the `qtmodeltester`
    fixture reports through Qt warnings at the end of the test, which Hypothesis cannot shrink).
    """
    tester = ModelTester(None)
    try:
        tester.check(model, force_py=True)
    finally:
        tester._cleanup()


@contextmanager
def c_locale() -> Iterator[QLocale]:
    """The C locale as Qt's default, so rendered dates have a known form."""
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        yield QLocale()
    finally:
        QLocale.setDefault(previous)
