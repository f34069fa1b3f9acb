"""Graph issue posts in both of Microsoft's forms, and post-incident reviews as Word files."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

import requests

from desktop.sandbox import Sandbox
from desktop.sandbox.incidents import BR, TEXT, P, compose

from .helpers import graph

ISSUES = "/graph/v1.0/admin/serviceAnnouncement/issues"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def contents(sb: Sandbox, form: str) -> list[str]:
    return [
        str(p["description"]["content"])  # type: ignore[index]
        for i in sb.data.pool
        if i.form == form
        for p in i.posts
    ]


def test_most_posts_are_text_with_newlines_as_in_graphs_examples(sb: Sandbox) -> None:
    forms = [i.form for i in sb.data.pool]
    assert forms.count(TEXT) > len(forms) / 2
    assert forms.count(BR)
    assert forms.count(P)
    text = contents(sb, TEXT)
    # Paragraphs are blank-line separated; no markup for breaks.
    assert all("<br" not in c and "<p>" not in c for c in text)
    assert all("\n\n" in c for c in text if c.count(":") > 2)
    assert any(re.search(r"Start time: [^\n]+\nEnd time: ", c) for c in text)  # a lone "\n"
    # Text with a link in it: a post with both newlines and a tag.
    assert any("\n\n" in c and '<a href="https://' in c for c in text)


def test_markup_posts_use_br_or_p(sb: Sandbox) -> None:
    assert all("<br><br>" in c and "\n" not in c for c in contents(sb, BR) if c.count(":") > 2)
    tagged = contents(sb, P)
    assert all(c.startswith("<p>") and c.endswith("</p>") for c in tagged)
    assert any("</p>\n<p>" in c for c in tagged)  # pretty-printed: newlines between tags
    assert any("<br>End time: " in c for c in tagged)


def test_compose_writes_one_content_in_three_forms() -> None:
    paragraphs = ["Title: A", "Start: 1\nEnd: 2"]
    assert compose(paragraphs, TEXT) == "Title: A\n\nStart: 1\nEnd: 2"
    assert compose(paragraphs, BR) == "Title: A<br><br>Start: 1<br>End: 2"
    assert compose(paragraphs, P) == "<p>Title: A</p>\n<p>Start: 1<br>End: 2</p>"


def test_every_pool_has_reviews_that_say_so_in_the_last_post(sb: Sandbox) -> None:
    reviewed = [i for i in sb.data.pool if i.status == "PostIncidentReviewPublished"]
    assert reviewed
    for issue in reviewed:
        assert not issue.active
        last = issue.posts[-1]
        assert last["postType"] == "Strategic"
        assert "post-incident report has been published" in str(last["description"])


def test_incident_report_is_a_word_document(sb: Sandbox, http: requests.Session) -> None:
    tid, reviewed = next(
        (c.tenant_id, i)
        for c in sb.data.customers
        if c.has_gdap
        for i in sb.data.issue_objects(c.tenant_id)
        if i.has_report
    )
    url = sb.url + f"{ISSUES}/{reviewed.id}/incidentReport"
    answer = http.get(url, headers=graph(sb, tid))
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/octet-stream"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as package:
        assert package.testzip() is None
        names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {"_rels/.rels", "word/document.xml"} <= set(names)
        types = package.read("[Content_Types].xml").decode()
        assert "wordprocessingml.document.main+xml" in types
        root = ElementTree.fromstring(package.read("word/document.xml"))  # noqa: S314 - ours
    text = "".join(t.text or "" for t in root.iter(f"{W}t"))
    assert f"Post-incident review {reviewed.id}" in text
    assert reviewed.template.title in text
    assert reviewed.template.root_cause in text
    # The same review is the same bytes every time (no timestamps inside).
    assert http.get(url, headers=graph(sb, tid)).content == answer.content


def test_no_report_is_graphs_404(sb: Sandbox, http: requests.Session) -> None:
    tid, plain = next(
        (c.tenant_id, i)
        for c in sb.data.customers
        if c.has_gdap
        for i in sb.data.issue_objects(c.tenant_id)
        if not i.has_report
    )
    answer = http.get(sb.url + f"{ISSUES}/{plain.id}/incidentReport", headers=graph(sb, tid))
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error["code"]
    assert plain.id in error["message"]
    assert error["innerError"]["request-id"]
    unknown = http.get(sb.url + f"{ISSUES}/EX000000/incidentReport", headers=graph(sb, tid))
    assert unknown.status_code == 404
