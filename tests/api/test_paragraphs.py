"""Posts written as text with newlines keep their paragraphs; markup posts stay as they were."""

from __future__ import annotations

import pytest

from desktop.api.paragraphs import paragraphs
from desktop.api.sanitize import html_to_text, sanitize_html
from desktop.config.clouds import GLOBAL

# Microsoft's published example (learn.microsoft.com/graph/api/serviceannouncement-list-issues).
GRAPH_EXAMPLE = (
    "Title: Limited number of users unable to send or receive email through the Exchange Online "
    "service\n\nUser Impact: Users may be unable to send or receive email through the Exchange "
    "Online service."
)


def test_graphs_example_becomes_two_paragraphs() -> None:
    shown = sanitize_html(GRAPH_EXAMPLE, GLOBAL)
    assert shown == (
        "<p>Title: Limited number of users unable to send or receive email through the Exchange "
        "Online service</p><p>User Impact: Users may be unable to send or receive email through "
        "the Exchange Online service.</p>"
    )


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("one line", "one line"),
        ("a\nb", "a<br>b"),
        ("a\n\nb", "<p>a</p><p>b</p>"),
        ("a\n\n\n\nb\nc", "<p>a</p><p>b<br>c</p>"),
        ("a\r\n\r\nb", "<p>a</p><p>b</p>"),
        ("a  \n \t \n  b", "<p>a</p><p>b</p>"),  # a line of blanks is a blank line
        ("\n\nleading and trailing\n\n", "leading and trailing"),
    ],
)
def test_text(markup: str, expected: str) -> None:
    assert paragraphs(markup) == expected


@pytest.mark.parametrize(
    "markup",
    [
        "Title: A<br><br>Impact: B",  # Microsoft's <br> posts, as before
        "<p>Title: A</p><p>Impact: B<br>Start: 1</p>",
        "<table><tbody><tr><td>x</td></tr></tbody></table>",
    ],
)
def test_markup_without_newlines_is_untouched(markup: str) -> None:
    assert paragraphs(markup) == markup


def test_newlines_between_blocks_are_only_layout() -> None:
    assert paragraphs("<p>Title: A</p>\n<p>B</p>\n") == "<p>Title: A</p><p>B</p>"
    assert paragraphs("<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>") == (
        "<ul><li>one</li><li>two</li></ul>"
    )
    assert paragraphs("<p>\nA\n</p>") == "<p>A</p>"


def test_newline_beside_a_br_is_not_a_second_break() -> None:
    assert paragraphs("a<br>\nb") == "a<br>b"
    assert paragraphs("a\n<br>b") == "a<br>b"
    assert paragraphs("a<br>\n\nb") == "a<br><br>b"


def test_text_with_a_link_keeps_paragraphs_around_and_inside_the_link() -> None:
    post = 'Title: A\n\nMore info: see <a href="https://x">this\narticle</a>.\n\nEnd'
    assert paragraphs(post) == (
        '<p>Title: A</p><p>More info: see <a href="https://x">this<br>article</a>.</p><p>End</p>'
    )
    # A blank line inside bold text cannot end the paragraph: two breaks instead.
    assert paragraphs("<b>a\n\nb</b>") == "<b>a<br><br>b</b>"


def test_blank_line_inside_a_paragraph_splits_it() -> None:
    assert paragraphs("<p>a\n\nb</p>") == "<p>a</p><p>b</p>"
    assert paragraphs("<h3>a\n\nb</h3>") == "<h3>a<br><br>b</h3>"


def test_containers_hold_paragraphs_of_their_own() -> None:
    assert paragraphs("<div>a\n\nb</div>\n\nc") == "<div><p>a</p><p>b</p></div>c"
    assert paragraphs("intro\n\n<p>para</p>\n\nafter\n\nend") == (
        "intro<p>para</p><p>after</p><p>end</p>"
    )
    assert paragraphs("<ul><li>a\nb</li></ul>") == "<ul><li>a<br>b</li></ul>"


def test_pre_keeps_its_newlines() -> None:
    assert paragraphs("<pre>a\n\nb</pre>\n\nc") == "<pre>a\n\nb</pre>c"


def test_sanitized_text_post_with_a_link_outside_the_policy() -> None:
    post = (
        'Title: Users can\'t sign in\n\nMore info: <a href="javascript:alert(1)">here</a> or '
        '<a href="https://learn.microsoft.com/x">docs</a>\n\n<script>alert(1)</script>Next'
    )
    shown = sanitize_html(post, GLOBAL)
    assert "script" not in shown
    assert "javascript" not in shown
    assert shown.startswith("<p>Title: Users can't sign in</p><p>More info: ")
    assert '<a href="https://learn.microsoft.com/x" rel="noopener noreferrer">docs</a>' in shown
    assert shown.endswith("<p>Next</p>")


def test_plain_text_content_type_is_escaped_then_laid_out() -> None:
    shown = sanitize_html("a <b> & c\n\nnext\nline", GLOBAL, content_type="text")
    assert shown == "<p>a &lt;b&gt; &amp; c</p><p>next<br>line</p>"


def test_html_to_text_keeps_paragraphs_of_every_form() -> None:
    text = "Title: A\n\nImpact: B"
    assert html_to_text(text) == text
    assert html_to_text("Title: A<br><br>Impact: B") == text
    assert html_to_text("<p>Title: A</p>\n<p>Impact: B</p>") == text
