"""Remote HTML and hostile text where Qt renders rich text: the sanitizer's output, the
SafeTextBrowser views, the incident detail, and the labels and tooltips that show API data.

"Nothing remote loads": the sanitizer leaves no element that loads anything, the browser view
is never asked for a resource once the HTML is sanitized (and answers None when it is asked),
and no label or tooltip turns API text into an <img> that Qt would load from a file or, on
Windows, a UNC path (\\\\host\\share: an SMB connection that hands over the user's NTLM hash).
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocumentFragment
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.api.links import check_url
from desktop.api.sanitize import MAX_DEPTH, MAX_RUN, html_to_text, sanitize_html
from desktop.auth import AuthError, FailedSignIn
from desktop.config.clouds import GLOBAL, sandbox_profile
from desktop.domain.customers import Customer
from desktop.domain.gdap import GdapRelationship
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import clean_text
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.services.backend import Backend
from desktop.ui.widgets.html_view import SafeTextBrowser, field_table
from tests.ui.driving import holder_for, select_row

from .corpus import POSTS, TEXT

HOSTILE_HTML = {**POSTS, **{f"text: {k}": v for k, v in TEXT.items()}}
# The sanitizer's policy (desktop/api/sanitize.py): text tags, links, table spans; nothing else.
TAGS = {"a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "li", "ol", "p", "pre", "span", "strong", "sub", "sup", "table", "tbody",
        "td", "th", "thead", "tr", "u", "ul"}  # fmt: skip
ATTRIBUTES = {("a", "href"), ("a", "title"), ("a", "rel"), ("td", "colspan"),
              ("td", "rowspan"), ("th", "colspan"), ("th", "rowspan")}  # fmt: skip


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)
        if tag not in ("br", "hr"):
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "hr"):
            self.depth -= 1


@pytest.mark.parametrize("content", list(HOSTILE_HTML.values()), ids=list(HOSTILE_HTML))
def test_sanitized_html_keeps_text_tags_and_allowed_links_only(content: str) -> None:
    clean = sanitize_html(content, GLOBAL)
    clean.encode("utf-8")
    seen = Elements()
    seen.feed(clean)
    seen.close()
    assert set(seen.tags) <= TAGS, set(seen.tags) - TAGS
    # Nothing Qt needs minutes to lay out (see layout_safe).
    assert seen.deepest <= MAX_DEPTH
    assert longest_run(clean) <= MAX_RUN + 10  # an entity counts as one character
    for tag, name, value in seen.attrs:
        assert (tag, name) in ATTRIBUTES, (tag, name, value)
        if name == "href":
            assert value is not None
            assert check_url(value, GLOBAL) is None, value
    # As plain text the same content is escaped whole.
    plain = sanitize_html(content, GLOBAL, content_type="text")
    text_only = Elements()
    text_only.feed(plain)
    assert set(text_only.tags) <= {"br"}
    html_to_text(content).encode("utf-8")


class RecordingBrowser(SafeTextBrowser):
    """SafeTextBrowser that notes every resource Qt asks it for (and still refuses it)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.answers: list[Any] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 (Qt's name)
        self.asked.append(name.toString() if isinstance(name, QUrl) else str(name))
        answer = super().loadResource(kind, name)
        self.answers.append(answer)
        return answer


@pytest.mark.parametrize("content", list(HOSTILE_HTML.values()), ids=list(HOSTILE_HTML))
def test_the_view_is_asked_for_nothing_once_html_is_sanitized(qtbot: QtBot, content: str) -> None:
    view = RecordingBrowser()
    qtbot.addWidget(view)
    view.setHtml(sanitize_html(content, GLOBAL))
    view.resize(400, 300)
    view.show()
    qtbot.wait(1)  # one layout and paint pass
    assert view.asked == []
    # What made a 1 MB post take 115 s to lay out: one run of text with nowhere to break.
    # Every run the view got has a break opportunity within MAX_RUN characters.
    block = view.document().begin()
    while block.isValid():
        runs = re.split(r"[\s\u200b]+", block.text())
        assert max(map(len, runs), default=0) <= MAX_RUN
        block = block.next()


@pytest.mark.parametrize(
    "content",
    [POSTS["remote image"], POSTS["image srcset"], POSTS["css url"], TEXT["img UNC path"],
     TEXT["img local file"]],
)  # fmt: skip
def test_even_unsanitized_html_loads_nothing_in_the_view(qtbot: QtBot, content: str) -> None:
    view = RecordingBrowser()
    qtbot.addWidget(view)
    view.setHtml(content)
    view.show()
    qtbot.wait(1)
    assert view.asked, "Qt did not ask: the test would prove nothing"
    assert view.answers == [None] * len(view.asked)  # every ask refused: nothing loaded


# -- the incident detail: the pane's own HTML around a hostile issue --------------------------


@pytest.fixture
def holder(qapp: object) -> Iterator[SessionHolder]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    worker = Worker()
    # Nothing is fetched: a backend that could not sign in anywhere is enough.
    error = AuthError("not signed in", "signed_out")
    backend = Backend(sandbox_profile("https://127.0.0.1:9"), FailedSignIn(error))
    yield holder_for(worker=worker, backend=backend, mode="sandbox", launcher=lambda _u: True)
    worker.shutdown(wait=True)
    backend.close()
    asyncio.set_event_loop(None)


@pytest.mark.parametrize("value", list(HOSTILE_HTML.values()), ids=list(HOSTILE_HTML))
def test_the_incident_detail_shows_hostile_text_as_text(
    qtbot: QtBot, holder: SessionHolder, value: str
) -> None:
    from desktop.ui.panes.incidents import IncidentsPane

    # Even "<b>" * 350,000, shown escaped, is one unbroken run: `escaped` breaks it (it took
    # Qt minutes to lay out before).
    pane = IncidentsPane(holder)
    qtbot.addWidget(pane)
    issue = HealthIssue.from_json(
        {
            "id": "EX1",
            "title": value,
            "service": value,
            "feature": value,
            "impactDescription": value,
            "status": value,
            "posts": [
                {"createdDateTime": "2026-11-20T12:00:00Z", "postType": value,
                 "description": {"contentType": "html", "content": value}},
                {"createdDateTime": "2026-11-20T11:00:00Z",
                 "description": {"contentType": "text", "content": value}},
            ],
        }
    )  # fmt: skip
    view = RecordingBrowser()
    qtbot.addWidget(view)
    view.setHtml(pane.issue_html(issue))
    view.show()
    qtbot.wait(1)
    assert view.asked == []
    if "\x00" not in value and len(value) < 1000:
        # The title is shown as written, markup and all (Qt shows U+FFFD for a lone surrogate).
        first_line = clean_text(value).strip().splitlines()[0] if value.strip() else ""
        assert first_line.strip() in view.toPlainText()


def longest_run(text: str) -> int:
    """The longest stretch without a break opportunity (whitespace or a tag)."""
    return max((len(run) for run in re.split(r"[\s\u200b]+|<[^>]*>", text)), default=0)


def test_the_incident_detail_has_no_run_too_long_to_lay_out(
    holder: SessionHolder, qtbot: QtBot
) -> None:
    from desktop.ui.panes.incidents import IncidentsPane

    pane = IncidentsPane(holder)
    qtbot.addWidget(pane)
    title = TEXT["1 MB"]
    issue = HealthIssue.from_json(
        {"id": "EX1", "title": title,
         "posts": [{"description": {"contentType": "html", "content": POSTS["1 MB"]}}]}
    )  # fmt: skip
    assert longest_run(title) == len(title)
    assert longest_run(pane.issue_html(issue)) <= 20_000


def test_field_tables_escape_their_values(qtbot: QtBot) -> None:
    view = RecordingBrowser()
    qtbot.addWidget(view)
    rows = [(k, v) for k, v in TEXT.items() if len(v) < 1000]
    view.setHtml(field_table(view.palette(), ("<h1>heading</h1>", rows)))
    view.show()
    qtbot.wait(1)
    assert view.asked == []
    assert TEXT["img remote"] in view.toPlainText()
    assert "<h1>heading</h1>" in view.toPlainText()


# -- labels and tooltips: Qt guesses rich text from the text itself ----------------------------


@pytest.fixture(scope="module")
def local_image() -> Iterator[str]:
    """A 240 px image at a short local path, and the <img> that names it."""
    with tempfile.TemporaryDirectory(prefix="pd") as folder:
        path = Path(folder) / "i.png"
        image = QImage(240, 240, QImage.Format.Format_RGB32)
        image.fill(QColor("red"))
        assert image.save(str(path))
        yield f'<img src="{path.as_uri()}">'


def loads_the_image(text: str) -> bool:
    """Whether a QLabel (what a tooltip is) showing `text` loads the 240 px image."""
    label = QLabel()
    label.setText(text)
    return label.sizeHint().height() >= 240


def test_the_probe_detects_a_loaded_image(qapp: object, local_image: str) -> None:
    assert loads_the_image(local_image)
    assert not loads_the_image("Contoso")
    plain = QLabel()
    plain.setTextFormat(plain.textFormat().PlainText)
    plain.setText(local_image)
    assert plain.sizeHint().height() < 240  # shown as text: the fix is that simple


def model_tooltips(local_image: str) -> dict[str, str]:
    from desktop.qt.models.customers import GDAP, CustomerTableModel
    from desktop.qt.models.dashboard import HealthGridModel
    from desktop.qt.models.health import ServiceHealthModel
    from desktop.qt.models.portals import PortalModel

    tid = "3f2f1c2e-1111-4222-8333-444455556666"
    customer = Customer(tid, local_image, local_image, "reseller")
    tooltips: dict[str, str] = {}
    grid = HealthGridModel()
    grid.add([(customer, [ServiceHealth("Exchange", "Exchange", "serviceOperational")], 0, "")])
    tooltips["dashboard grid: company name"] = grid.index(0, 0).data(3)
    health = ServiceHealthModel()
    health.set_rows([ServiceHealth("Exchange", "Exchange", local_image)])
    tooltips["service health: status"] = health.index(0, 1).data(3)
    portals = PortalModel()
    from desktop.api.links import portal_links

    portals.set_rows([x for x in portal_links(GLOBAL, customer) if x.portal_id == "m365"])
    tooltips["portals: why a link is refused"] = portals.index(0, 2).data(3)
    customers = CustomerTableModel()
    customers.set_rows([customer])
    customers.set_gdap(
        {tid: GdapRelationship("r", local_image, tid, "", "active", "", "", None, None)}
    )
    tooltips["customers: GDAP relationship name"] = customers.index(0, GDAP).data(3)
    return tooltips


# Where each tooltip is built (they all go through desktop.qt.models.table.plain_tooltip).
TOOLTIP_BUGS = {
    "dashboard grid: company name": "desktop/qt/models/dashboard.py",
    "service health: status": "desktop/qt/models/health.py",
    "portals: why a link is refused": "desktop/qt/models/portals.py",
    "customers: GDAP relationship name": "desktop/qt/models/customers.py",
}


@pytest.mark.parametrize("which", list(TOOLTIP_BUGS))
def test_tooltips_with_api_text_load_no_image(qapp: object, local_image: str, which: str) -> None:
    tip = model_tooltips(local_image)[which]
    # The API text is in the tooltip (as text, escaped or not): the probe is meaningful.
    assert local_image in QTextDocumentFragment.fromHtml(tip).toPlainText() or local_image in tip
    assert not loads_the_image(tip)


def test_an_error_message_loads_no_image(qapp: object, local_image: str) -> None:
    from desktop.api.errors import ApiError
    from desktop.ui.errors import explain
    from desktop.ui.widgets.banner import MessagePanel

    error = ApiError(f"Denied {local_image}", status=400, code="BadRequest", url="https://x")
    explained = explain(error, "service health")
    assert local_image in explained.detail
    panel = MessagePanel()
    panel.show_message(explained.title, explained.detail, explained.retry)
    assert panel.detail.sizeHint().height() < 240


def test_the_selected_customers_name_loads_no_image(
    qtbot: QtBot, qapp: object, local_image: str
) -> None:
    from desktop.sandbox import Sandbox
    from desktop.ui.main_window import MainWindow

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    sandbox = Sandbox(customers=3, seed=5, company_names={0: local_image}, consented="all").start()
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, concurrency=2)  # the CA fetched, as --sandbox-url
    holder = holder_for(worker=worker, backend=backend, mode="sandbox", launcher=lambda _u: True)
    try:
        window = MainWindow(holder)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.directory.loaded, timeout=20000):
            worker.spawn(window.load_customers())
        model = window.customers.model
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == local_image)
        select_row(window, row)
        assert window.header.title.text() == local_image  # the API text reached the label
        assert window.header.title.sizeHint().height() < 240
    finally:
        window.cancel_sweep()
        window.close()
        worker.shutdown(wait=True)
        backend.close()
        sandbox.stop()
        asyncio.set_event_loop(None)
