"""The user's language, without Qt: the shipped languages, how a choice resolves, where their
catalogues are, the locale sent to Partner Center, and the pseudo-locale's text for layout
tests. Loading the catalogues into Qt (translators, the default QLocale) is
`desktop.qt.translators`; the translation commands (`python -m desktop.config.i18n
update|compile|check`) are in `desktop.config.i18n.catalogues`.

Shipped: English (the source text; its catalogue only spells out the plural forms, so
"%n customer(s)" reads "1 customer"), German and Traditional Chinese (Taiwan). The choice is
`Settings.language` ("" follows the system), overridden for one run by `--lang`; `--lang
pseudo` lengthens every string by about 40 % with accented letters in brackets, keeping the
placeholders (%n, %1, {0}), markup and mnemonics, to find layouts that clip or overflow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.config.resources import translations_dir
from desktop.config.settings import LANGUAGES

CATALOGUE = "partner-desk"
PSEUDO = "pseudo"
#: What `--lang` accepts: the setting's values (but "" for the system is the default) and
#: the pseudo-locale.
CHOICES = (*(code for code in LANGUAGES if code), PSEUDO)
#: Languages with a full catalogue (lupdate writes every message; English has plurals only).
TRANSLATED = ("de", "zh_TW")


@dataclass(frozen=True)
class Language:
    code: str  # as the catalogues are named: "en", "de", "zh_TW"
    native: str  # its own name, for the language menu (never translated)
    qt_locale: str  # QLocale name: dates, numbers, plural rules
    wire: str  # the X-Locale header sent to Partner Center (BCP 47)


LANGUAGE_INFO: dict[str, Language] = {
    "en": Language("en", "English", "en_US", "en-US"),
    "de": Language("de", "Deutsch", "de_DE", "de-DE"),
    "zh_TW": Language("zh_TW", "繁體中文（台灣）", "zh_TW", "zh-TW"),
}
assert set(LANGUAGE_INFO) == {code for code in LANGUAGES if code}, "settings.LANGUAGES drifted"


def resolve(choice: str, system: Sequence[str]) -> str:
    """The language code to use for `choice` ("" follows `system`, the OS's BCP 47 tags in
    order of preference; anything unsupported gives English)."""
    if choice == PSEUDO or choice in LANGUAGE_INFO:
        return choice
    for tag in system:
        parts = tag.replace("_", "-").split("-")
        language = parts[0].lower()
        rest = {p.upper() for p in parts[1:]}
        if language == "zh":
            # Traditional script, or a region that writes it; Simplified Chinese is not shipped.
            if rest & {"HANT", "TW", "HK", "MO"}:
                return "zh_TW"
            continue
        if language in LANGUAGE_INFO:
            return language
    return "en"


def wire_locale(code: str) -> str:
    """The X-Locale for a resolved language code (the pseudo-locale speaks English)."""
    info = LANGUAGE_INFO.get(code)
    return info.wire if info is not None else "en-US"


def catalogue_path(code: str, suffix: str = ".qm") -> Path:
    return translations_dir() / f"{CATALOGUE}_{code}{suffix}"


# -- the pseudo-locale ----------------------------------------------------------------------------

_ACCENTED = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
        strict=True,
    )
)
# Kept as they are: Qt (%1, %n, %p) and str.format placeholders, markup, entities, a mnemonic
# with its letter (Alt+letter must still work), file dialog patterns, line breaks.
_KEEP = re.compile(
    r"%L?\d+|%L?[a-zA-Z]|%%|\{[^{}]*\}|<[^<>]*>|&[a-zA-Z]+;|&#\d+;|&&|&\w|\(\*\.[^)]*\)|\n"
)
PSEUDO_GROWTH = 0.4


def pseudo(text: str) -> str:
    """`text` accented, bracketed and ~40 % longer: "[Šéåŕçĥ çûšţöɱéŕš ~~~~~~]"."""
    if not text:
        return text
    out: list[str] = []
    position = 0
    for match in _KEEP.finditer(text):
        out.append(_accent(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(_accent(text[position:]))
    body = "".join(out)
    # The brackets count towards the growth; a short label still gets at least one "~".
    padding = max(1, round(len(text) * PSEUDO_GROWTH) - 2)
    return f"[{body} {'~' * padding}]" if padding > 1 else f"[{body}~]"


def _accent(text: str) -> str:
    return "".join(_ACCENTED.get(ch, ch) for ch in text)
