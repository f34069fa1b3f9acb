"""Incident posts keep their paragraphs and line breaks on screen, in each of Microsoft's forms."""

from __future__ import annotations

import re

import pytest

from desktop.domain.health import HealthIssue
from desktop.qt.session import SessionHolder
from desktop.sandbox import Sandbox
from desktop.sandbox.incidents import BR, TEXT, P
from desktop.ui.panes.incidents import IncidentsPane


@pytest.mark.parametrize("form", [TEXT, BR, P])
def test_each_field_of_a_post_is_a_line_of_its_own(
    qtbot, holder: SessionHolder, sandbox: Sandbox, form: str
) -> None:
    pane = IncidentsPane(holder)
    qtbot.addWidget(pane)
    # Ended, with a final update (the last post of a published review has no "End time").
    issue = next(
        i
        for i in sandbox.data.pool
        if i.form == form and i.status in ("ServiceRestored", "FalsePositive")
    )
    pane.detail.setHtml(pane.issue_html(HealthIssue.from_json(issue.graph)))
    lines = pane.detail.toPlainText().splitlines()
    # "Title:", "User impact:", "Start time:"/"End time:" begin lines: never run together.
    for label in ("Title: ", "User impact: ", "End time: "):
        assert any(line.startswith(label) for line in lines), (form, label)
    assert not any(re.search(r"\S\s+(User impact|End time): ", line) for line in lines)


def test_a_text_post_with_a_link_keeps_both(qtbot, holder: SessionHolder, sandbox: Sandbox) -> None:
    pane = IncidentsPane(holder)
    qtbot.addWidget(pane)
    issue = next(
        i
        for i in sandbox.data.pool
        if i.form == TEXT and any("<a href" in str(p["description"]) for p in i.posts)
    )
    html = pane.issue_html(HealthIssue.from_json(issue.graph))
    pane.detail.setHtml(html)
    lines = pane.detail.toPlainText().splitlines()
    assert any(
        line.startswith("More info: For more information, see this article") for line in lines
    )
    assert '<a href="https://learn.microsoft.com/' in html
