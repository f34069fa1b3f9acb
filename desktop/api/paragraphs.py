"""Line breaks and paragraphs of post text that arrives as "Html" but is written as plain text.

Most of Graph's issue posts have `contentType` "Html" and content that is plain text laid out
with newlines: "Title: ...\\n\\nUser Impact: ...\\n\\nMore info: ..." (the examples of
learn.microsoft.com/graph/api/serviceannouncement-list-issues). HTML collapses newlines, so
shown as HTML such a post reads as one run-on paragraph. Others are real markup (`<p>`, `<br>`),
where a newline is only the source's layout. Some are both: text with blank lines and a link.

`paragraphs` takes sanitized markup (balanced tags; text never holds a raw "<") and turns the
newlines that lay out text into structure: a blank line (two or more newlines) is a paragraph
break, a single newline a line break. Newlines that only sit between block tags
(`</p>\\n<p>`), at the start or end of a block, or beside a `<br>` add nothing; `<pre>` keeps
its text as it is. Where a paragraph cannot be split (inside a link or bold text) a blank line
becomes two line breaks. No Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAG = re.compile(r'(<(?:[^>"]|"[^"]*")*>)')
_NEWLINES = re.compile(r"(\n+)")
_BLANKS_AROUND_NEWLINES = re.compile(r"[ \t]*\n[ \t]*")

# Elements that hold paragraphs (a run of text in one may be wrapped in <p>), those that are a
# paragraph themselves, those that only structure others, and text kept as written.
_FLOW = frozenset({"div", "td", "th", "li", "blockquote"})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_STRUCTURE = frozenset({"ul", "ol", "table", "thead", "tbody", "tfoot", "tr"})
_VOID = frozenset({"br", "hr", "wbr", "img", "col"})
_BLOCK = _FLOW | _PARAGRAPH | _STRUCTURE | {"pre", "hr"}


@dataclass
class _Frame:
    name: str  # "" for the top level, which holds paragraphs like a <div>
    kind: str  # "flow", "paragraph", "structure", "pre" or "inline"
    run_start: int | None = None  # flow: where its current run of inline content begins
    wrapped: bool = False  # flow: that run has been split into <p> elements
    has_content: bool = False  # paragraph: text seen since it opened


def _kind(name: str) -> str:
    if name in _FLOW:
        return "flow"
    if name in _PARAGRAPH:
        return "paragraph"
    if name in _STRUCTURE:
        return "structure"
    if name == "pre":
        return "pre"
    return "inline"


class _Layout:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.stack = [_Frame("", "flow")]
        self.pending = 0  # newlines seen since the last content, not yet placed
        self.absorb = 0  # newlines a <br> just made stand for already

    # -- where we are -----------------------------------------------------------------------

    def _holder(self) -> _Frame:
        """The innermost element that holds text as paragraphs or is a paragraph."""
        return next(f for f in reversed(self.stack) if f.kind in ("flow", "paragraph"))

    def _in_pre(self) -> bool:
        return any(f.kind == "pre" for f in self.stack)

    # -- content ----------------------------------------------------------------------------

    def _content(self) -> None:
        """Text or an inline element comes: place the pending breaks before it."""
        holder, inner = self._holder(), self.stack[-1]
        started = holder.run_start is not None if holder.kind == "flow" else holder.has_content
        if started and self.pending and inner.kind != "structure":
            blank = self.pending >= 2
            if blank and inner is holder and holder.kind == "flow":
                if not holder.wrapped:
                    assert holder.run_start is not None
                    self.out.insert(holder.run_start, "<p>")
                    holder.wrapped = True
                self.out.append("</p><p>")
            elif blank and inner is holder and holder.name == "p":
                self.out.append("</p><p>")
            else:
                self.out.append("<br><br>" if blank else "<br>")
        self.pending = self.absorb = 0
        if holder.kind == "flow" and holder.run_start is None:
            holder.run_start = len(self.out)
        holder.has_content = True

    def _end_run(self) -> None:
        """A block starts or ends: the current run of inline content (if any) is over."""
        holder = self.stack[-1]
        if holder.kind == "flow":
            if holder.wrapped:
                self.out.append("</p>")
            holder.run_start, holder.wrapped = None, False
        self.pending = self.absorb = 0

    def text(self, text: str) -> None:
        if self._in_pre():
            self.out.append(text)
            return
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" in text:
            text = _BLANKS_AROUND_NEWLINES.sub("\n", text)
        for piece in _NEWLINES.split(text):
            if not piece:
                continue
            if piece[0] == "\n":
                count = len(piece) - self.absorb
                self.absorb = 0
                self.pending += max(count, 0)
            elif piece.strip():
                self._content()
                self.out.append(piece)
            else:
                self.out.append(piece)  # spaces: HTML collapses them anyway

    def tag(self, tag: str) -> None:
        closing = tag.startswith("</")
        name = tag.lstrip("</").split(None, 1)[0].rstrip("/>").lower() if len(tag) > 2 else ""
        if name == "br":
            if self.pending == 1:
                self.pending = 0  # "line\n<br>": the newline was the source's layout
            self._content()
            self.out.append(tag)
            self.absorb = 1  # and so is one newline after it
            return
        if name in _BLOCK:
            self._end_run()
            if closing:
                self._close(name)
            else:
                self.out.append(tag)
                if name not in _VOID:
                    self.stack.append(_Frame(name, _kind(name)))
            return
        if closing:
            self._close(name)
            return
        self._content()
        self.out.append(tag)
        if name not in _VOID:
            self.stack.append(_Frame(name, "inline"))

    def _close(self, name: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].name == name:
                while len(self.stack) > depth:
                    frame = self.stack.pop()
                    if frame.kind == "flow" and frame.wrapped:
                        self.out.append("</p>")
                self.out.append(f"</{name}>")
                if self.stack[-1].kind == "flow" and name in _BLOCK:
                    self.pending = self.absorb = 0
                return
        self.out.append(f"</{name}>")  # nothing to close: keep it, as the sanitizer gave it

    def finish(self) -> str:
        while len(self.stack) > 1:
            self._close(self.stack[-1].name)
        self._end_run()
        return "".join(self.out)


def paragraphs(markup: str) -> str:
    """`markup` with the newlines of its text turned into paragraphs and line breaks."""
    if "\n" not in markup and "\r" not in markup:
        return markup
    layout = _Layout()
    for i, part in enumerate(_TAG.split(markup)):
        if i % 2:
            layout.tag(part)
        elif part:
            layout.text(part)
    return layout.finish()
