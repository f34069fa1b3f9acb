"""Download review on the Incidents tab, against the sandbox: the dialog's proposal, the saved
Word document, the opener, "not published yet", errors and cancel."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from desktop.config.paths import downloads_dir
from desktop.domain.health import HealthIssue
from desktop.qt.models.table import RecordRole
from desktop.sandbox import Sandbox
from desktop.sandbox.incidents import Issue
from desktop.ui.dialogs.review_download import has_review, proposed_name
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.incidents import IncidentsPane

from .test_main_window import load, row_of

REPORTS = "/graph/v1.0/admin/serviceAnnouncement/issues/"


class Opener:
    """Stands in for the system's app: records what would have been opened."""

    def __init__(self, result: bool = True) -> None:
        self.opened: list[Path] = []
        self.result = result

    def __call__(self, path: Path) -> bool:
        self.opened.append(path)
        return self.result


def open_reviewed(qtbot, window: MainWindow, sandbox: Sandbox) -> tuple[IncidentsPane, Issue]:
    """Select a customer and, on its Incidents tab, an issue whose review is published."""
    tenant, issue = next(
        (c.tenant_id, i)
        for c in sandbox.data.customers
        if c.has_gdap
        for i in sandbox.data.issue_objects(c.tenant_id)
        if i.has_report
    )
    load(qtbot, window, row_of(window, lambda c: c.tenant_id == tenant))
    pane = window.incidents
    pane.filters["resolved"].setChecked(True)
    assert pane.select_issue(issue.id)
    return pane, issue


def messages(pane: IncidentsPane) -> list[str]:
    seen: list[str] = []
    pane.status_message.connect(seen.append)
    return seen


def test_only_a_published_review_offers_the_download(
    qtbot, window: MainWindow, sandbox: Sandbox
) -> None:
    pane, _issue = open_reviewed(qtbot, window, sandbox)
    assert pane.review_button.isEnabled()
    assert "Post-incident review" in pane.detail.toPlainText()
    shown = []
    for row in range(pane.model.rowCount()):
        pane.view.selectRow(row)
        record = pane.view.currentIndex().data(RecordRole)
        assert isinstance(record, HealthIssue)
        assert pane.review_button.isEnabled() == has_review(record)
        shown.append(has_review(record))
    assert True in shown
    assert False in shown


def test_download_saves_the_document_and_opens_it(
    qtbot, window: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    pane, issue = open_reviewed(qtbot, window, sandbox)
    opener = pane.review.open_file = Opener()
    seen = messages(pane)
    running: list[bool] = []
    pane.review.running_changed.connect(running.append)
    pane.review_button.click()
    qtbot.waitUntil(lambda: pane.review.dialog is not None, timeout=5000)
    dialog = pane.review.dialog
    assert dialog is not None
    proposed = Path(dialog.selectedFiles()[0])
    assert proposed == downloads_dir() / f"{issue.id} post-incident review.docx"
    # Nothing downloads while the user chooses where: the button does not offer to cancel it
    # (the dialog has its own Cancel).
    assert pane.review_button.text() == "Do&wnload review…"
    assert running == []
    target = tmp_path / "review.docx"
    name = dialog.findChild(QLineEdit, "fileNameEdit")  # the non-native dialog, offscreen
    assert name is not None
    name.setText(str(target))  # as if typed
    dialog.accept()
    qtbot.waitUntil(lambda: bool(opener.opened), timeout=10000)
    assert opener.opened == [target]
    data = target.read_bytes()
    assert data == issue.report()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
    assert [p.name for p in tmp_path.iterdir()] == ["review.docx"]  # no temporary file left
    qtbot.waitUntil(lambda: any(m.startswith("Saved as") for m in seen))
    assert running == [True, False]
    # Short enough for the status bar beside the notices: the file's name, not its path.
    assert seen[-1] == "Saved as review.docx."
    assert "Do&wnload review" in pane.review_button.text()
    assert pane.review_button.isEnabled()


def test_cancelling_the_dialog_saves_nothing(
    qtbot, window: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    pane, _issue = open_reviewed(qtbot, window, sandbox)
    opener = pane.review.open_file = Opener()
    pane.review_button.click()
    qtbot.waitUntil(lambda: pane.review.dialog is not None, timeout=5000)
    pane.review_button.click()  # "Cancel download" closes the dialog too
    qtbot.waitUntil(lambda: not pane.review.running, timeout=5000)
    assert opener.opened == []
    assert not any(downloads_dir().iterdir())


def test_not_published_yet_is_explained(
    qtbot, window: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    pane, issue = open_reviewed(qtbot, window, sandbox)
    opener = pane.review.open_file = Opener()
    seen = messages(pane)
    # Graph's status says published, its incidentReport does not have it (yet): a 404.
    sandbox.inject(REPORTS + issue.id, "error", status=404, shape="graph")
    target = tmp_path / "review.docx"
    with qtbot.waitSignal(
        pane.review.running_changed, timeout=10000, check_params_cb=lambda r: not r
    ):
        window.holder.worker.spawn(pane.review.run(pane.customer.tenant_id, issue, target))
    assert seen[-1].startswith("Microsoft has not published the review yet.")
    assert not target.exists()
    assert opener.opened == []


def test_a_failed_download_or_save_says_why(
    qtbot, window: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    pane, issue = open_reviewed(qtbot, window, sandbox)
    pane.review.open_file = Opener()
    seen = messages(pane)
    sandbox.inject(REPORTS + issue.id, "error", status=403, shape="graph")
    with qtbot.waitSignal(
        pane.review.running_changed, timeout=10000, check_params_cb=lambda r: not r
    ):
        window.holder.worker.spawn(
            pane.review.run(pane.customer.tenant_id, issue, tmp_path / "a.docx")
        )
    assert seen[-1].startswith(f"The review of {issue.id} was not downloaded.")
    missing = tmp_path / "no such folder" / "b.docx"
    with qtbot.waitSignal(
        pane.review.running_changed, timeout=10000, check_params_cb=lambda r: not r
    ):
        window.holder.worker.spawn(pane.review.run(pane.customer.tenant_id, issue, missing))
    assert seen[-1].startswith("The review could not be saved to")
    assert list(tmp_path.iterdir()) == []


def test_cancel_during_the_download(
    qtbot, window: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    pane, issue = open_reviewed(qtbot, window, sandbox)
    opener = pane.review.open_file = Opener()
    seen = messages(pane)
    sandbox.inject(REPORTS + issue.id, "delay", delay_s=1.0)
    target = tmp_path / "review.docx"
    window.holder.worker.spawn(pane.review.run(pane.customer.tenant_id, issue, target))
    qtbot.waitUntil(lambda: any(m.startswith("Downloading") for m in seen), timeout=5000)
    assert pane.review_button.text() == "Cancel download"
    pane.review_button.click()
    qtbot.waitUntil(lambda: not pane.review.running, timeout=10000)
    assert seen[-1] == "Download cancelled."
    assert not target.exists()
    assert opener.opened == []


def test_a_review_past_the_cap_is_refused_in_words(
    qtbot, window: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.api import graph

    pane, issue = open_reviewed(qtbot, window, sandbox)
    pane.review.open_file = Opener()
    seen = messages(pane)
    monkeypatch.setattr(graph, "MAX_REPORT_BYTES", 1000)  # the sandbox's reviews are ~2 KB
    with qtbot.waitSignal(
        pane.review.running_changed, timeout=10000, check_params_cb=lambda r: not r
    ):
        window.holder.worker.spawn(
            pane.review.run(pane.customer.tenant_id, issue, tmp_path / "big.docx")
        )
    assert seen[-1] == (
        f"The review of {issue.id} was not downloaded: The file is larger than 0.001 MB, "
        "the most Partner Desk downloads."
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("issue_id", "name"), [("EX1", "EX1"), ("../x", "x"), ("", "issue")])
def test_proposed_name_is_a_plain_file_name(issue_id: str, name: str) -> None:
    issue = HealthIssue(
        issue_id, "", "", "", "", "incident", "", "postIncidentReviewPublished",
        None, None, None, True, "",
    )  # fmt: skip
    assert proposed_name(issue) == f"{name} post-incident review.docx"


@pytest.mark.parametrize(
    ("language", "name", "look_in", "file_type", "cancel"),
    [
        ("de", "Bericht nach dem Vorfall", "&Suchen in:", "Dateien des &Typs:", "Abbrechen"),
        ("zh_TW", "事件後報告", "尋找於(&L)：", "檔案型態(&T)：", "取消"),
    ],
    indirect=["language"],
)
def test_the_save_dialog_speaks_the_users_language(
    language,
    qtbot,
    window: MainWindow,
    sandbox: Sandbox,
    name: str,
    look_in: str,
    file_type: str,
    cancel: str,
) -> None:
    """The proposed file name in the words of the Incidents tab, and Qt's own labels and
    buttons (Qt's catalogue, completed by ours where it lacks them) in the same language."""
    pane, issue = open_reviewed(qtbot, window, sandbox)
    pane.review.open_file = Opener()
    pane.review_button.click()
    qtbot.waitUntil(lambda: pane.review.dialog is not None, timeout=5000)
    dialog = pane.review.dialog
    assert dialog is not None
    assert Path(dialog.selectedFiles()[0]).name == f"{issue.id} {name}.docx"
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == look_in
    assert labels["fileTypeLabel"] == file_type
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert cancel in [b.text() for b in buttons.buttons()]
    dialog.reject()
    qtbot.waitUntil(lambda: not pane.review.running, timeout=5000)
