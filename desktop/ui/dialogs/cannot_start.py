"""Why Partner Desk cannot start, in words a user can act on: which folder or file, and what to
do. For a folder it must write (drafts, tags, the cache, settings) that it cannot, and for a
store another program keeps locked. Shown as a message box where there is a screen; the same
sentence (in English) goes to stderr and the log either way (`desktop.gui`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.config.paths import cannot_write, folder_of, reason
from desktop.store.db import BUSY, BUSY_BUDGET_S, UNWRITABLE, StoreError, local_problem

translate = QCoreApplication.translate


@dataclass(frozen=True)
class StartProblem:
    """`line`: the English sentence for stderr and the log; `text`: the same, translated."""

    line: str
    text: str


def folder_names() -> dict[str, str]:
    return {
        "data": translate("CannotStart", "data folder (drafts, tags and sign-ins)"),
        "config": translate("CannotStart", "settings folder"),
        "cache": translate("CannotStart", "cache folder"),
        "logs": translate("CannotStart", "log folder"),
    }


def _unwritable(kind: str | None, folder: Path, why: str) -> str:
    name = folder_names().get(kind or "", translate("CannotStart", "folder"))
    return translate(
        "CannotStart",
        "Partner Desk cannot write to its {0}:\n{1}\n\n({2})\n\nMake this folder writable for "
        "your user account, or set PARTNER_DESK_HOME to a folder that is, then start Partner "
        "Desk again.",
    ).format(name, folder, why)


def for_folder(kind: str, folder: Path, why: str) -> StartProblem:
    """One of the app's folders cannot be written (`desktop.config.paths.unwritable`)."""
    line = "partner-desk: " + cannot_write(kind, folder, why)
    return StartProblem(line, _unwritable(kind, folder, why))


def for_error(error: BaseException) -> StartProblem:
    """A store or file that failed while the window opened."""
    line = "partner-desk: " + local_problem(error)
    if isinstance(error, StoreError):
        if error.problem == BUSY:
            text = translate(
                "CannotStart",
                "Another program keeps a file of Partner Desk locked:\n{0}\n\nIt stayed locked "
                "for {1} seconds. Close the other program (another Partner Desk window?), then "
                "start Partner Desk again.",
            ).format(error.path, int(BUSY_BUDGET_S))
            return StartProblem(line, text)
        if error.problem == UNWRITABLE:
            found = folder_of(error.path)
            kind, folder = found if found is not None else (None, error.path.parent)
            return StartProblem(line, _unwritable(kind, folder, error.why))
    elif isinstance(error, OSError) and error.filename:
        found = folder_of(error.filename)
        if found is not None:
            return StartProblem(line, _unwritable(found[0], found[1], reason(error)))
    detail = line.removeprefix("partner-desk: ")
    return StartProblem(
        line, translate("CannotStart", "Partner Desk could not start:\n{0}").format(detail)
    )


def message_box(problem: StartProblem, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("CannotStart", "Partner Desk cannot start"),
        problem.text,
        QMessageBox.StandardButton.Close,
        parent,
    )
    # The path can be selected and copied (to paste into a file manager or a ticket).
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def show(problem: StartProblem) -> None:
    """The message box, modal: returns when the user closed it."""
    message_box(problem).exec()
