"""The user's language put in place in Qt: our catalogue and Qt's own as translators, the
default QLocale (dates, numbers, plural rules), the pseudo-locale's translator, and the
self-test's check that the language asked for is the one on screen. What the languages are
and how a choice resolves is `desktop.config.i18n` (no Qt).

Qt's own strings (dialog buttons, the file dialog, key names) come from Qt's catalogues
(`qtbase_<lang>.qm`), found where `QLibraryInfo` says Qt keeps them. The few those lack in a
language we ship are in ours (`desktop.config.i18n.qt_gaps`), which Qt asks first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.config.i18n import (
    LANGUAGE_INFO,
    PSEUDO,
    Language,
    catalogue_path,
    pseudo,
    resolve,
    wire_locale,
)

log = logging.getLogger(__name__)


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


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

    def isEmpty(self) -> bool:
        return False


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
    code = resolve(choice, QLocale.system().uiLanguages())
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
    # Looked up through variables (and not by the name lupdate and tests/i18n watch): literal
    # calls here would put these messages in our catalogue.
    lookup = QCoreApplication.translate
    tab, plural, qt_text = _PROBES
    problems: list[str] = []
    if not active.catalogue:
        problems.append(f"the {active.code} catalogue did not load")
    elif active.code == "en":
        one = lookup(*plural, 1)
        if one != "1 customer":
            problems.append(f"English plurals are not applied: {one!r}")
    elif active.code == PSEUDO:
        if not lookup(*tab).startswith("["):
            problems.append("the pseudo-locale does not translate")
    else:
        if lookup(*tab) == tab[1]:
            problems.append(f"the {active.code} catalogue does not translate the window")
        if not active.qt_catalogue or lookup(*qt_text) == qt_text[1]:
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
