"""The user's language: the catalogues loaded, the locale of dates and numbers, the locale sent
to Partner Center, and a pseudo-locale for layout tests. The translation commands
(`python -m desktop.config.i18n update|compile|check`) are in `desktop.config.i18n.catalogues`.

Shipped: English (the source text; its catalogue only spells out the plural forms, so
"%n customer(s)" reads "1 customer"), German and Traditional Chinese (Taiwan). The choice is
`Settings.language` ("" follows the system), overridden for one run by `--lang`; `--lang
pseudo` lengthens every string by about 40 % with accented letters in brackets, keeping the
placeholders (%n, %1, {0}), markup and mnemonics, to find layouts that clip or overflow.

Qt's own strings (dialog buttons, the file dialog, key names) come from Qt's catalogues
(`qtbase_<lang>.qm`), found where `QLibraryInfo` says Qt keeps them. The few those lack in a
language we ship are in ours (`desktop.config.i18n.qt_gaps`), which Qt asks first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.config.resources import translations_dir
from desktop.config.settings import LANGUAGES

log = logging.getLogger(__name__)

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


def resolve(choice: str, system: Sequence[str] | None = None) -> str:
    """The language code to use for `choice` ("" follows `system`, a list of BCP 47 tags in
    order of preference, by default the OS's; anything unsupported gives English)."""
    if choice == PSEUDO or choice in LANGUAGE_INFO:
        return choice
    tags = QLocale.system().uiLanguages() if system is None else system
    for tag in tags:
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


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


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


class PseudoTranslator(QTranslator):
    """Translates every message (Qt's own too) into its pseudo form."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return pseudo(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


# -- installing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Active:
    """The language in effect: what was loaded, for the self-test and the log."""

    choice: str  # what the user or --lang asked for ("" = the system)
    code: str  # resolved: "en", "de", "zh_TW" or "pseudo"
    wire: str  # X-Locale
    catalogue: bool  # our .qm loaded (or the pseudo translator installed)
    qt_catalogue: bool  # Qt's qtbase_<code>.qm loaded (English needs none)


def install(app: QCoreApplication, choice: str) -> Active:
    """Load the translators for `choice` into `app` and set the default QLocale.

    Call before any widget exists: texts are read when widgets are built. A missing catalogue
    is logged and the app runs in English, never stops.
    """
    code = resolve(choice)
    translators: list[QTranslator] = []
    qt_loaded = code in ("en", PSEUDO)
    if code in LANGUAGE_INFO:
        info = LANGUAGE_INFO[code]
        QLocale.setDefault(_locale_for(info))
        if code != "en":
            qt = QTranslator(app)
            # Where Qt keeps its catalogues: PySide6's folder, or the bundle's copy of it.
            if qt.load(f"qtbase_{code}", str(qt_translations_dir())):
                translators.append(qt)
                qt_loaded = True
            else:
                log.warning("Qt's catalogue qtbase_%s.qm not found", code)
        ours = QTranslator(app)
        loaded = ours.load(str(catalogue_path(code)))
        if loaded:
            translators.append(ours)
        else:
            log.warning("catalogue %s not found: run 'make translations'", catalogue_path(code))
    else:
        translators.append(PseudoTranslator(app))
        loaded = True
    for translator in translators:
        app.installTranslator(translator)
    _KEEP_ALIVE[:] = translators  # for `uninstall`, and so Python never collects one
    active = Active(choice, code, wire_locale(code), loaded, qt_loaded)
    _ACTIVE[:] = [active]
    log.info("language %s (asked: %r), X-Locale %s", code, choice, active.wire)
    return active


_KEEP_ALIVE: list[QTranslator] = []
_ACTIVE: list[Active] = []


def self_check() -> list[str]:
    """For --self-test: whether the language in effect is the one on screen, Qt's texts too."""
    if not _ACTIVE:
        return ["no language installed"]
    active = _ACTIVE[0]
    translate = QCoreApplication.translate
    # Looked up through variables: literal calls here would put these messages in our catalogue.
    tab, plural, qt_text = _PROBES
    problems: list[str] = []
    if not active.catalogue:
        problems.append(f"the {active.code} catalogue did not load")
    elif active.code == "en":
        one = translate(*plural, 1)
        if one != "1 customer":
            problems.append(f"English plurals are not applied: {one!r}")
    elif active.code == PSEUDO:
        if not translate(*tab).startswith("["):
            problems.append("the pseudo-locale does not translate")
    else:
        if translate(*tab) == tab[1]:
            problems.append(f"the {active.code} catalogue does not translate the window")
        if not active.qt_catalogue or translate(*qt_text) == qt_text[1]:
            problems.append(f"Qt's own {active.code} texts (qtbase_{active.code}.qm) are missing")
    return problems


# (context, text[, disambiguation]) of messages every language has: a tab of the main window,
# a plural, and a Qt button.
_PROBES = (
    ("MainWindow", "&Overview"),
    ("CustomerList", "%Ln customer(s)", ""),
    ("QPlatformTheme", "Cancel"),
)


def _locale_for(info: Language) -> QLocale:
    """The language's locale; for English, the system's region keeps its date order."""
    if info.code == "en":
        system = QLocale.system()
        if system.language() == QLocale.Language.English:
            return system
    return QLocale(info.qt_locale)


def active() -> Active | None:
    """The language `install` put in place, or None before it ran."""
    return _ACTIVE[0] if _ACTIVE else None


def uninstall(app: QCoreApplication) -> None:
    """Remove what `install` added (tests switch languages in one process)."""
    for translator in _KEEP_ALIVE:
        app.removeTranslator(translator)
    _KEEP_ALIVE.clear()
    _ACTIVE.clear()
    QLocale.setDefault(QLocale.system())
