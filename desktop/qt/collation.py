"""How names sort: by the user's language, as in a phone book, not by code point."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt


def name_collator(locale: QLocale | None = None) -> QCollator:
    """A caseless collator for `locale` (default: the app's language, `QLocale()`).

    The "C" locale (no language chosen, as under tests or a bare environment) collates by code
    point, which put "Bäckerei" and "Álvarez" after "Zeta"; English's rules then, which place
    accented letters with their base letters as every European language does.
    """
    locale = QLocale() if locale is None else locale
    if locale.language() == QLocale.Language.C:
        locale = QLocale("en_US")
    collator = QCollator(locale)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator
