"""How the customer search compares text: one fold for what is typed and what is searched.
No Qt, no I/O.

A support engineer types a name the way the keyboard in front of them allows: "muller",
"mueller" or "müller" for Müller, "backerei" for Bäckerei, "alvarez" for Álvarez. Each field
is therefore searched in two forms (`forms`): with the German umlauts written out (ü → ue) and
with every accent dropped (ü → u). What is typed is folded once (`fold`): umlauts written out,
other accents dropped. "müller" and "mueller" both fold to "mueller", found in the first form;
"muller" is found in the second.

Only the Latin combining accents (U+0300–U+036F) are dropped: the voicing marks of Japanese kana
(ド is ト plus U+3099) change the word, not its accent, and stay.
"""

from __future__ import annotations

import re
import string
import unicodedata
from typing import Final

# After casefolding: "ß" and "ẞ" are "ss" already.
_WRITTEN_OUT: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_NO_ACCENTS: Final = dict.fromkeys(range(0x300, 0x370))  # str.translate: drop them
# A character no one types into a search box, so a word never matches across two fields.
FIELD_SEPARATOR: Final = "\n"
# A typed word matches inside a tenant id only from this many hex digits on: one or two digits
# are in almost every GUID, so "1" or "ab" listed every customer.
TENANT_ID_MIN_HEX: Final = 4
_HEX: Final = frozenset(string.hexdigits)


def _unaccented(text: str) -> str:
    if text.isascii():
        return text
    loose = unicodedata.normalize("NFKD", text)
    bare = loose.translate(_NO_ACCENTS)
    if len(bare) == len(loose):
        return text  # no accent (Chinese, Japanese…): as it was, without recomposing it
    return unicodedata.normalize("NFC", bare)


def _caseless(text: str) -> str:
    # NFKC first: "ü" sent decomposed, full-width "ＣＯＮＴＯＳＯ", half-width "ﾄﾖﾀ" and "㈱"
    # look like what was typed but are other code points until normalised.
    if text.isascii():
        return text.lower()  # the same as casefold for ASCII, and much faster
    return unicodedata.normalize("NFKC", text).casefold()


def fold(text: str) -> str:
    """Typed text as the search compares it: caseless, umlauts written out, accents dropped."""
    caseless = _caseless(text)
    if caseless.isascii():
        return caseless
    return _unaccented(caseless.translate(_WRITTEN_OUT))


def forms(text: str) -> tuple[str, ...]:
    """The forms of a field a folded word is looked for in (one when they are the same)."""
    caseless = _caseless(text)
    if caseless.isascii():
        return (caseless,)
    written = caseless.translate(_WRITTEN_OUT)
    if len(written) == len(caseless):  # no umlaut: both forms are the same
        return (_unaccented(caseless),)
    return (_unaccented(written), _unaccented(caseless))


def search_key(*fields: str) -> str:
    """Every form of every field, apart: a folded word is found in it as a substring."""
    return FIELD_SEPARATOR.join(form for field in fields for form in forms(field))


_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_WRAPPING = "{}()[]<>\"'“”‘’«»,;"


def query_words(text: str) -> tuple[str, ...]:
    """The folded words to look for in `text`, as a partner pastes them: a tenant id in braces
    (`{7361a80e-…}`, as PowerShell and the registry write it), or a whole URL that carries one
    (a portal's `?tid=` or `delegatedOrg=`), is looked for as the bare id."""
    words = []
    for word in fold(text).split():
        guid = _GUID.search(word)
        stripped = guid.group(0) if guid else word.strip(_WRAPPING)
        if stripped:
            words.append(stripped)
    return tuple(words)


def is_tenant_id_word(word: str) -> bool:
    """Whether a folded word is looked for in tenant ids: hex digits (and the GUID's dashes)
    with at least `TENANT_ID_MIN_HEX` digits. Anywhere in the id, not only at its start:
    a fragment copied from a log or a URL is as likely as the first characters."""
    digits = 0
    for ch in word:
        if ch in _HEX:
            digits += 1
        elif ch != "-":
            return False
    return digits >= TENANT_ID_MIN_HEX
