"""How much remote text a widget is given: API text is cut before any label, cell, tooltip or
window title takes it. No Qt: plain strings in, plain strings out.

Qt lays a label's text out whole, whatever part of it shows: a huge company name in the
window's header froze the GUI thread when the customer was selected (issue 16). The one
helper here, `elide`, is what the models and the presenter call wherever text from Microsoft
(or whoever answers in its place) meets a widget. HTML views have their own cut
(`desktop.ui.widgets.html_view.escaped`, 20,000 characters, with break opportunities).
"""

from __future__ import annotations

from typing import Final

# Names: a company, a domain, a GDAP relationship, a security group. Entra caps a tenant's and
# a group's display name at 256 characters and DNS a domain at 253, and GDAP a relationship's
# name at 50; nothing real is longer, and a table cell or a header line shows far less.
NAME_CHARS: Final = 256
# Titles and longer one-off text: incident, request and message titles, tooltips, window
# titles, status-bar lines, an error's detail. A few screens of text at most: anything longer
# is no longer read, and laying out 4,096 characters takes Qt well under a millisecond.
TEXT_CHARS: Final = 4096

ELLIPSIS: Final = "…"


def elide(text: str, limit: int = NAME_CHARS) -> str:
    """`text` itself if it has at most `limit` characters, else its first `limit - 1` and "…".

    Never splits a surrogate pair's halves apart (text that kept them from JSON escapes) and
    never ends on a combining mark's base without the mark: the cut moves left to a character
    boundary a reader would see.
    """
    if len(text) <= limit:
        return text
    end = max(limit - 1, 0)
    # Combining marks belong to the character before them: cut before the base as well.
    while 0 < end < len(text) and _joins_previous(text[end]):
        end -= 1
    return text[:end] + ELLIPSIS


def _joins_previous(char: str) -> bool:
    """True for a character drawn together with the one before it (a combining mark, a
    variation selector, a zero-width joiner, a low surrogate)."""
    code = ord(char)
    return (
        0x0300 <= code <= 0x036F  # combining diacritical marks
        or 0x1AB0 <= code <= 0x1AFF
        or 0x1DC0 <= code <= 0x1DFF
        or 0x20D0 <= code <= 0x20FF
        or 0xFE20 <= code <= 0xFE2F
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or code == 0x200D  # zero-width joiner
        or 0xDC00 <= code <= 0xDFFF  # the second half of a surrogate pair
    )
