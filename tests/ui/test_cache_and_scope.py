"""The window on the local cache: cached start with ages, offline, notices, tags and scope."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.auth import AuthError
from desktop.config.clouds import sandbox_profile
from desktop.qt.models.customers import HEALTH, TAGS
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import ApiError, Backend
from desktop.services.notices import NoticeBook, NoticeRules
from desktop.services.offline import OfflineBackend
from desktop.store.cache import CUSTOMERS, ISSUES, Cache
from desktop.store.cache import HEALTH as HEALTH_KIND
from desktop.store.tags import Tags
from desktop.ui.main_window import MainWindow
from desktop.ui.scope import FAVOURITES, TAG_PREFIX
from tests.ui.driving import holder_for

SOURCE = "sandbox:test"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Cache, Tags]]:
    cache = Cache(tmp_path / "cache.sqlite3")
    tags = Tags(tmp_path / "tags.sqlite3")
    yield cache, tags
    cache.close()
    tags.close()


def make_window(qtbot, holder: SessionHolder) -> MainWindow:
    window = MainWindow(holder)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def live(qloop, sandbox: Sandbox, launcher, store) -> Iterator[SessionHolder]:
    cache, tags = store
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, concurrency=8)
    yield holder_for(
        worker=worker,
        backend=backend,
        launcher=launcher,
        cache=cache,
        source=SOURCE,
        tags=tags,
    )
    worker.shutdown(wait=True)
    backend.close()


def load(qtbot, window: MainWindow) -> int:
    with qtbot.waitSignal(window.directory.loaded, timeout=20000) as blocker:
        window.holder.worker.spawn(window.load_customers())
    return int(blocker.args[0])


def sweep_done(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.sweep.board.running, timeout=30000)


def test_the_cached_list_shows_first_with_its_age_then_the_live_one(qtbot, live, sandbox):
    cache = live.session.cache
    assert cache is not None
    real = Backend.for_sandbox(sandbox.url).customers().items
    stale = [replace(c, company_name=f"Cached {c.company_name}") for c in real[:5]]
    two_hours_ago = time.time() - 2 * 3600
    with cache.writer(SOURCE) as writer:
        writer.record(CUSTOMERS, None, items=stale, when=two_hours_ago)
        writer.record(HEALTH_KIND, stale[0].tenant_id, items=[], when=two_hours_ago)
        writer.record(ISSUES, stale[0].tenant_id, items=[], when=two_hours_ago)
    window = make_window(qtbot, live)
    shown: list[int] = []
    window.directory.cached_shown.connect(lambda n, _fetched: shown.append(n))
    with qtbot.waitSignal(window.directory.loaded, timeout=20000):
        live.worker.spawn(window.load_customers())
    assert shown == [5]  # the cached list came first
    model = window.customers.model
    assert model.total() == len(real)  # then the live one replaced it
    assert model.record(0).company_name.startswith("Cached") is False
    # The cached health of the first customer still shows, with its age, until swept.
    row = model.row_of(stale[0].tenant_id)
    assert row is not None
    tooltip = model.index(row, HEALTH).data(3)  # ToolTipRole
    assert "2 h ago" in tooltip or "h ago" in tooltip
    sweep_done(qtbot, window)
    # The live list and the sweep's health went to the cache for the next start.
    customers, fetched = cache.customers(SOURCE)
    assert len(customers) == len(real)
    assert fetched is not None
    assert fetched > two_hours_ago
    assert len(cache.health_all(SOURCE)) >= len(real) // 2
    window.close()


def test_a_list_read_during_start_up_is_in_the_first_paint(qtbot, live, sandbox):
    """`partner-desk` reads the cached list while the window's modules import; read by the time
    the window is built, its rows are in the window's first paint, and the first load shows it
    once (not a second read), then replaces it with the live list."""
    cache = live.session.cache
    assert cache is not None
    real = Backend.for_sandbox(sandbox.url).customers().items
    with cache.writer(SOURCE) as writer:
        writer.record(CUSTOMERS, None, items=real[:3], when=time.time() - 60)
    read = live.worker.run(cache.customers, SOURCE)
    read.result(timeout=10)
    window = MainWindow(live)
    qtbot.addWidget(window)
    window.set_cached_list(SOURCE, read)
    assert window.customers.model.total() == 3  # before show(): the first paint has them
    painted: list[bool] = []
    window.customers.view.painted.connect(lambda: painted.append(True))
    window.show()
    shown: list[int] = []
    window.directory.cached_shown.connect(lambda n, _fetched: shown.append(n))
    with qtbot.waitSignal(window.directory.loaded, timeout=20000):
        live.worker.spawn(window.load_customers())
    assert painted
    assert shown == [3]
    assert window.customers.model.total() == len(real)
    window.close()


def test_a_list_still_being_read_is_awaited_not_read_twice(qtbot, live, sandbox):
    cache = live.session.cache
    assert cache is not None
    listed = Backend.for_sandbox(sandbox.url).customers().items[:4]
    with cache.writer(SOURCE) as writer:
        writer.record(CUSTOMERS, None, items=listed, when=1.0)
    reads: list[str] = []
    gate = __import__("threading").Event()

    def slow_read(source: str):  # type: ignore[no-untyped-def]
        gate.wait(10)
        reads.append(source)
        return cache.customers(source)

    read = live.worker.run(slow_read, SOURCE)
    window = make_window(qtbot, live)
    window.set_cached_list(SOURCE, read)
    assert window.customers.model.total() == 0  # not read yet: nothing to put in
    shown: list[int] = []
    window.directory.cached_shown.connect(lambda n, _fetched: shown.append(n))
    live.worker.spawn(window.load_customers())
    gate.set()
    qtbot.waitUntil(lambda: shown == [4], timeout=10000)
    assert reads == [SOURCE]
    window.close()


def test_offline_opens_the_last_run_with_the_sandbox_stopped(qtbot, qloop, launcher, store):
    cache, tags = store
    with Sandbox(customers=15, seed=5, consented="all") as sandbox:
        backend = Backend.for_sandbox(sandbox.url, concurrency=4)
        worker = Worker()
        holder = holder_for(
            worker=worker, backend=backend, launcher=launcher, cache=cache, source=SOURCE, tags=tags
        )
        window = make_window(qtbot, holder)
        assert load(qtbot, window) == 15
        sweep_done(qtbot, window)
        healthy = {t for t, s in window.customers.model._health.items() if not s.error}
        window.close()
        worker.shutdown(wait=True)
        backend.close()
    assert not sandbox.running
    # Now with the sandbox gone: the same rows, read from the cache, nothing on the network.
    worker = Worker()
    offline = OfflineBackend(cache, SOURCE, sandbox_profile("http://127.0.0.1:9"))
    holder = holder_for(
        worker=worker,
        backend=offline,
        launcher=launcher,
        cache=cache,
        source=SOURCE,
        tags=tags,
        offline=True,
    )
    window = make_window(qtbot, holder)
    assert load(qtbot, window) == 15
    assert "Offline" in window.status.mode_label.text()
    model = window.customers.model
    assert {t for t, s in model._health.items() if not s.error} == healthy
    assert not window.sweep.board.running  # nothing swept offline
    # A customer with cached health: its tabs show it; what was never cached says so.
    tenant = sorted(healthy)[0]
    window.select_tenant(tenant)
    settled = ("ready", "error")
    qtbot.waitUntil(lambda: window.health.state in settled, timeout=10000)
    qtbot.waitUntil(lambda: window.overview.state in settled, timeout=10000)
    assert window.health.state == "ready"
    assert window.health.model.rowCount() > 0
    assert window.overview.state == "error"
    assert "offline" in str(window.overview.error)
    assert window.overview._message.title.text() == "Not available offline"
    # Said as a sentence (issue 18, defect 16: "...has no service requests for this.").
    qtbot.waitUntil(lambda: window.requests.state in settled, timeout=10000)
    assert window.requests._message.detail.text() == (
        "Partner Desk was started with --offline, and the local cache has no saved copy of "
        "the service requests. Start it without --offline to load it."
    )
    qtbot.waitUntil(lambda: window.portals.state in settled, timeout=10000)
    assert window.portals.model.rowCount() > 0  # built from the templates, no network
    window.close()
    worker.shutdown(wait=True)


def test_a_new_issue_is_noticed_once_in_the_tray_and_badge(qtbot, live, sandbox):
    cache = live.session.cache
    assert cache is not None
    backend = Backend.for_sandbox(sandbox.url)
    # A customer we can read with an active issue; the store "saw" it before that issue.
    for customer in backend.customers().items:
        try:
            issues = backend.issues(customer.tenant_id).items
        except (ApiError, AuthError):  # no GDAP access to this one
            continue
        active = [i for i in issues if i.active]
        if active:
            break
    else:
        pytest.fail("no customer with an active issue")
    book = NoticeBook(cache, SOURCE)
    assert book.observe(customer.tenant_id, [i for i in issues if i.id != active[0].id]) == []
    window = make_window(qtbot, live)
    # Only the issue's notice here: the planned-changes read that follows a sweep may notice a
    # major change too, and when it lands is a race (tests/test_message_notices.py covers it).
    window.account.settings = replace(window.account.settings, notify_major_days=0)
    load(qtbot, window)
    sweep_done(qtbot, window)
    centre = window.notices
    assert len(centre.shown) == 1
    title, body = centre.shown[0]
    assert active[0].id in title
    assert customer.company_name in body
    assert centre.unread == 1
    assert "1 new" in centre.button.text()
    # Opening it from the menu selects the customer; reading clears the badge.
    centre._fill_menu()
    centre.menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: window.current_customer() is not None, timeout=5000)
    assert window.current_customer().tenant_id == customer.tenant_id
    centre.mark_read()
    assert centre.unread == 0
    # The next sweep (scheduled or by hand) says nothing new.
    window.sweep.start(window.customers.model.all_records())
    sweep_done(qtbot, window)
    assert len(centre.shown) == 1
    window.close()


def test_favourites_and_tags_scope_the_list_and_the_dashboard(qtbot, live, tmp_path):
    window = make_window(qtbot, live)
    total = load(qtbot, window)
    sweep_done(qtbot, window)
    customers = window.customers
    first, second = (customers.model.record(r) for r in (0, 1))
    # Star the first with its shortcut action; tag the second.
    customers.select_row(0)
    qtbot.waitUntil(lambda: window.current_customer() is not None, timeout=5000)
    window.actions_by_name["favourite"].trigger()
    qtbot.waitUntil(lambda: first.tenant_id in window.tag_index.favourites, timeout=5000)
    assert window.actions_by_name["favourite"].isChecked()
    live.worker.spawn(window.tag_index.set_tags(second.tenant_id, {"VIP", "Berlin"}))
    qtbot.waitUntil(lambda: "VIP" in window.tag_index.by_tag, timeout=5000)
    assert customers.columns.is_shown(TAGS)
    row = customers.model.row_of(first.tenant_id)
    assert customers.model.index(row, TAGS).data().startswith("★")
    # The scope box lists them with counts and narrows the list.
    box = window.scope_box
    labels = [box.itemText(i) for i in range(box.count())]
    assert any("Favourites (1)" in text for text in labels)
    assert any("VIP (1)" in text for text in labels)
    box.set_scope(FAVOURITES)
    assert customers.model.visible() == 1
    assert customers.model.record(0).tenant_id == first.tenant_id
    box.set_scope(TAG_PREFIX + "VIP")
    assert [customers.model.record(0).tenant_id] == [second.tenant_id]
    assert "1 of" in customers.count.text()
    # The dashboard sweeps only the chosen tag, and exports what it found.
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    assert dashboard.scope == TAG_PREFIX + "VIP"
    assert dashboard.grid.rowCount() == 1
    assert list(dashboard.results) == [second.tenant_id]
    out = tmp_path / "health.csv"
    result: list[Path | None] = []
    live.worker.spawn(_export(dashboard, out, result))
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    # With a BOM, as Excel on Windows needs to read UTF-8 (issue 18, defect 11).
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows
    assert {r["tenantId"] for r in rows} == {second.tenant_id}
    assert set(rows[0]) >= {"tenantId", "companyName", "service", "status", "error"}
    out_json = tmp_path / "incidents.json"
    result.clear()
    live.worker.spawn(_export(dashboard, out_json, result, "incidents"))
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert all(item["tenantId"] == second.tenant_id for item in data)
    # Back to everyone; untagging removes the tag from the chooser.
    box.set_scope("")
    assert customers.model.visible() == total
    live.worker.spawn(window.tag_index.set_tags(second.tenant_id, set()))
    qtbot.waitUntil(lambda: "VIP" not in window.tag_index.by_tag, timeout=5000)
    assert not any("VIP" in box.itemText(i) for i in range(box.count()))
    window.close()


async def _export(dashboard, path: Path, result: list, what: str = "health") -> None:
    result.append(await dashboard.export(path, what))


def test_without_a_tag_store_the_window_works_and_says_why(qtbot, live):
    """Without a tag store the window works; the actions say why they cannot."""
    untagged = SessionHolder(replace(live.session, tags=None), live.worker, live.launcher)
    window = make_window(qtbot, untagged)
    load(qtbot, window)
    window.customers.select_row(0)
    live.worker.spawn(window.marks.edit_tags())
    qtbot.waitUntil(lambda: "not available" in window.statusBar().currentMessage(), timeout=5000)
    window.close()


def test_notification_settings_narrow_the_notices_and_set_the_refresh(qtbot, live):
    from PySide6.QtCore import Qt

    from desktop.ui.dialogs.notice_settings import NoticeSettingsDialog

    window = make_window(qtbot, live)
    settings = window.account.settings
    assert settings.refresh_minutes == 10
    assert window.sweep.board.refresh_min == 10
    assert window.marks.notice_rules() == NoticeRules()  # everything, by default
    dialog = NoticeSettingsDialog(
        settings,
        ["Exchange Online", "Microsoft Teams"],
        [("Every customer", ""), ("Favourites", FAVOURITES), ("Nobody", "none")],
    )
    qtbot.addWidget(dialog)
    assert dialog.chosen().notify_services == ()  # all checked: all services, new ones too
    teams = dialog.services.item(1)
    teams.setCheckState(Qt.CheckState.Unchecked)
    dialog.scope.setCurrentIndex(1)
    dialog.refresh.setValue(0)
    chosen = dialog.chosen()
    assert chosen.notify_services == ("Exchange Online",)
    assert chosen.notify_scope == FAVOURITES
    assert chosen.refresh_minutes == 0
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.services.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()  # no service at all: say "Nobody" instead
    window.account.save_settings(chosen)
    window.sweep.board.set_refresh(chosen.refresh_minutes)
    window.tag_index.favourites = {"t-1"}
    rules = window.marks.notice_rules()
    assert rules.allows("t-1", "exchange online")
    assert not rules.allows("t-1", "Microsoft Teams")
    assert not rules.allows("t-2", "Exchange Online")
    assert window.sweep.board.refresh_min == 0
    window.account.save_settings(replace(chosen, notify_scope="none", notify_services=()))
    assert not window.marks.notice_rules().allows("t-1", "Exchange Online")
    window.close()
