"""Incident posts are HTML from a remote service: clean them before anything renders them. No Qt.

Ammonia (through nh3) does the parsing and cleaning; we choose the policy: a small set of text
tags, no images or media (no remote loads), no styles or event handlers, and links kept only when
the cloud's link policy allows them - other links become plain text.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import nh3

from desktop.api.links import check_url
from desktop.clouds import CloudProfile
from desktop.models.records import clean_text

_TAGS = {
    "a",
    "b",
    "blockquote",
    "br",
    "code",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
# Content of these is dropped entirely, not shown as text.
_DROP_CONTENT = {"script", "style", "noscript", "template", "iframe", "object", "title"}
_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}


def _filter_for(cloud: CloudProfile) -> Callable[[str, str, str], str | None]:
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return value if check_url(value, cloud) is None else None
        return value

    return keep


def sanitize_html(content: str, cloud: CloudProfile, *, content_type: str = "html") -> str:
    """Safe HTML for display. Plain-text posts are escaped and keep their line breaks."""
    content = clean_text(content)  # Ammonia takes UTF-8: half a surrogate pair is refused
    if content_type.lower() != "html":
        return html.escape(content).replace("\n", "<br>")
    # NUL and other C0 controls have no business in a post; Ammonia would keep some of them.
    content = "".join(ch for ch in content if ch in "\t\n\r" or ord(ch) >= 32)
    return nh3.clean(
        content,
        tags=_TAGS,
        clean_content_tags=_DROP_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=_filter_for(cloud),
        url_schemes={"https"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def html_to_text(content: str) -> str:
    """The readable text of a post (for titles, previews and exports)."""
    text = nh3.clean(clean_text(content).replace("<br>", "\n").replace("<br/>", "\n"), tags=set())
    return html.unescape(text).strip()
