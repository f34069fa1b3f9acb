"""An incident post naming another tenant's SharePoint (issue 16, item 11), through the real
window: a tampering proxy in front of the sandbox adds an issue whose post links
`https://evil-tenant.sharepoint.com/.../fix.exe` and the customer's own SharePoint admin
center. The pane shows the first as text and the second as a link, and a click on either goes
through the link policy with the customer's context: the foreign one never reaches the
browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue
from desktop.qt.models.table import RecordRole
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.ui.main_window import MainWindow
from tests.hostile.tampering import TamperingProxy
from tests.hostile.test_sharepoint import EVIL, with_issue
from tests.ui.driving import holder_for, select_row


@pytest.fixture
def proxied(sandbox: Sandbox) -> Iterator[TamperingProxy]:
    with TamperingProxy(sandbox) as proxy:
        yield proxy


@pytest.fixture
def proxied_window(
    qtbot, qloop, launcher, proxied: TamperingProxy, sandbox: Sandbox, tmp_path: Path
) -> Iterator[MainWindow]:
    worker = Worker()
    backend = Backend.for_sandbox(
        proxied.url, ca_pem=sandbox.ca_pem, concurrency=8, token_dir=tmp_path
    )
    holder = holder_for(worker=worker, backend=backend, mode="sandbox", launcher=launcher)
    win = MainWindow(holder)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.directory.loaded, timeout=30000):
        holder.worker.spawn(win.load_customers())
    yield win
    win.cancel_sweep()
    win.close()
    worker.shutdown(wait=True)
    backend.close()


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_another_tenants_sharepoint_in_a_post_is_text_and_never_opens(
    qtbot, proxied_window: MainWindow, proxied: TamperingProxy, sandbox: Sandbox, launcher
) -> None:
    window = proxied_window
    model = window.customers.model
    row = next(
        r
        for r in range(model.rowCount())
        if sandbox.data.graph_allowed(model.index(r, 0).data(RecordRole).tenant_id)
    )
    customer: Customer = model.index(row, 0).data(RecordRole)
    own = customer.domain.split(".")[0]
    proxied.rewrite = with_issue(own)
    select_row(window, row)
    pane = window.incidents
    qtbot.waitUntil(lambda: pane.state in ("ready", "error"), timeout=20000)
    assert pane.state == "ready", pane.error
    window.tabs.setCurrentWidget(pane)
    assert pane.select_issue("EX999001")
    issue = pane.view.currentIndex().data(RecordRole)
    assert isinstance(issue, HealthIssue)
    links = hrefs(pane.detail.toHtml())
    assert not [h for h in links if "evil-tenant" in h], links
    assert any(h.startswith(f"https://{own}-admin.sharepoint.com/") for h in links), links
    assert "fix.exe" in pane.detail.toPlainText()  # the words stay, as text

    said: list[str] = []
    pane.status_message.connect(said.append)
    # A click on the foreign address (as a crafted post or a stale view would give it).
    pane.detail.anchorClicked.emit(QUrl(EVIL))
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert launcher.opened == []
    assert "another tenant" in said[-1]
    # The customer's own admin center and sites open (a path with "%20" too).
    own_links = [
        f"https://{own}-admin.sharepoint.com/_layouts/15/online/AdminHome.aspx",
        f"https://{own}.sharepoint.com/sites/it/Shared%20Documents/Forms/AllItems.aspx",
    ]
    for link in own_links:
        pane.detail.anchorClicked.emit(QUrl(link))
    qtbot.waitUntil(lambda: len(launcher.opened) == 2, timeout=5000)
    assert sorted(launcher.opened) == sorted(own_links)
