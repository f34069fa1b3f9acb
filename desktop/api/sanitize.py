"""Incident posts are HTML from a remote service: clean them before anything renders them. No Qt.

Ammonia (through nh3) does the parsing and cleaning; we choose the policy: a small set of text
tags, no images or media (no remote loads), no styles or event handlers, and links kept only when
the cloud's link policy allows them for the customer the post is shown for - other links become
plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

import nh3

from desktop.api.links import check_url
from desktop.api.paragraphs import paragraphs
from desktop.config.clouds import CloudProfile
from desktop.domain.parsing import clean_text

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


def _filter_for(
    cloud: CloudProfile, sharepoint: tuple[str, ...]
) -> Callable[[str, str, str], str | None]:
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return value if check_url(value, cloud, sharepoint) is None else None
        return value

    return keep


def sanitize_html(
    content: str,
    cloud: CloudProfile,
    *,
    content_type: str = "html",
    sharepoint: Iterable[str] = (),
) -> str:
    """Safe HTML for display. Text laid out with newlines (plain-text posts, and most "Html"
    ones) keeps its paragraphs and line breaks (paragraphs.py).

    `sharepoint`: the SharePoint tenant names of the customer the post is shown for. Its own
    SharePoint stays a link; another tenant's (`https://evil-tenant.sharepoint.com/fix.exe`
    in an incident post) becomes text, as does every SharePoint link where no customer is."""
    content = clean_text(content)  # Ammonia takes UTF-8: half a surrogate pair is refused
    if content_type.lower() != "html":
        return paragraphs(layout_safe(html.escape(content)))
    # NUL and other C0 controls have no business in a post; Ammonia would keep some of them.
    content = "".join(ch for ch in content if ch in "\t\n\r" or ord(ch) >= 32)
    cleaned = nh3.clean(
        content,
        tags=_TAGS,
        clean_content_tags=_DROP_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=_filter_for(cloud, tuple(sharepoint)),
        url_schemes={"https"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # Last: the markup is balanced, and nested no deeper than MAX_DEPTH (each piece of text
    # looks up its enclosing elements).
    return paragraphs(layout_safe(cleaned))


# What Qt cannot lay out in reasonable time, measured (tests/hostile/test_html.py): a run of
# text without a break opportunity is quadratic (100 KB: 1.2 s; a 1 MB post froze the GUI
# thread for two minutes), and so is nesting (10,000 <b>: 1.4 s; 20,000 <div>: 11 s). No real
# post comes near either limit; one that passes them gets a zero-width space (a break
# opportunity) every MAX_RUN characters of text, and its elements deeper than MAX_DEPTH are
# unwrapped (their text kept).
MAX_RUN = 1000
MAX_DEPTH = 64
_TAG = re.compile(r'(<(?:[^>"]|"[^"]*")*>)')
_LONG_RUN = re.compile(rf"[^\s]{{{MAX_RUN + 1},}}")
_CHARACTER = re.compile(r"&#?\w+;|.", re.DOTALL)
_VOID = frozenset({"br", "hr", "wbr", "img", "col"})


def layout_safe(markup: str) -> str:
    """`markup` (serialised HTML: tags balanced, text never holding a raw "<" or ">") with
    overlong runs of text broken and elements nested past MAX_DEPTH unwrapped."""
    if len(markup) <= MAX_RUN:
        return markup
    parts = _TAG.split(markup)  # text at even positions, tags at odd ones
    kept: list[bool] = []
    depth = 0
    for i in range(1, len(parts), 2):
        tag = parts[i]
        name = tag.lstrip("</").split(None, 1)[0].rstrip("/>").lower() if len(tag) > 2 else ""
        if name in _VOID:
            continue
        if tag.startswith("</"):
            if kept.pop() if kept else True:
                depth -= 1
            else:
                parts[i] = ""
        else:
            keep = depth < MAX_DEPTH
            kept.append(keep)
            if keep:
                depth += 1
            else:
                parts[i] = ""
    for i in range(0, len(parts), 2):
        if len(parts[i]) > MAX_RUN:
            parts[i] = _LONG_RUN.sub(_break_run, parts[i])
    return "".join(parts)


def _break_run(match: re.Match[str]) -> str:
    characters = _CHARACTER.findall(match.group(0))
    return "\u200b".join(
        "".join(characters[i : i + MAX_RUN]) for i in range(0, len(characters), MAX_RUN)
    )


def html_to_text(content: str) -> str:
    """The readable text of a post (for titles, previews and exports): breaks as newlines,
    paragraphs apart by a blank line."""
    content = _BREAK.sub("\n", clean_text(content))
    content = _PARAGRAPH_END.sub("\n\n", content)
    text = html.unescape(nh3.clean(content, tags=set()))
    return _BLANK_LINES.sub("\n\n", text).strip()


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"</(?:p|div|li|h[1-6])\s*>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
