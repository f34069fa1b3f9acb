"""How names sort: by the user's language, as in a phone book, not by code point.

Collating is dear: at 10,000 names, making their `QCollatorSortKey`s and sorting them took
28 ms, against 5 ms for casefolded strings, on the GUI thread before the first paint. So a list
is ranked once (`NameRanks`: each name's place as an int), on the worker while it loads, and the
table sorts by those ints.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping
from concurrent import futures
from typing import Final

from PySide6.QtCore import QCollator, QLocale, Qt


def collation_locale(locale: QLocale | None = None) -> QLocale:
    """The locale names are collated by for `locale` (default: the app's language, `QLocale()`).

    The "C" locale (no language chosen, as under tests or a bare environment) collates by code
    point, which put "Bäckerei" and "Álvarez" after "Zeta"; English's rules then, which place
    accented letters with their base letters as every European language does.
    """
    locale = QLocale() if locale is None else locale
    return QLocale("en_US") if locale.language() == QLocale.Language.C else locale


def name_collator(locale: QLocale | None = None) -> QCollator:
    """A caseless collator for `locale` (default: the app's language), see `collation_locale`.

    QCollator is not to be shared between threads: each thread makes its own.
    """
    collator = QCollator(collation_locale(locale))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def collation_name(locale: QLocale | None = None) -> str:
    """Which rules `name_collator(locale)` follows: two collators of one name order alike."""
    return collation_locale(locale).bcp47Name()


# Merging names into ranks: one at a time while they are few (a binary search of collator
# compares each), else ranking everything again (each name's sort key once) is cheaper.
_MERGE_SHARE: Final = 8


class NameRanks:
    """Each name's place among the names ranked, by one locale's collation: sort by the int.

    Names the collator holds equal ("ACME", "acme") share a rank, so a sort by rank keeps their
    ties as a sort by sort key did. Immutable: `with_names` gives new ranks. Made on any thread
    (the worker, while a list loads), used on another.
    """

    __slots__ = ("_classes", "_ranks", "locale")

    def __init__(self, locale: str, classes: list[str], ranks: dict[str, int]) -> None:
        self.locale = locale  # `collation_name` of the collator that ranked them
        self._classes = classes  # one name per rank, in order
        self._ranks = ranks

    @classmethod
    def of(cls, names: Iterable[str], locale: QLocale | None = None) -> NameRanks:
        """Rank `names` by `name_collator(locale)` (blocks: a worker thread for long lists).

        On a thread other than the GUI's, pass the locale: the app's language is the GUI's.
        """
        collator = name_collator(locale)
        compare = collator.compare
        distinct = list(dict.fromkeys(names))
        # Casefolded first (Python's own string compare), so that the collator's sort, which
        # is adaptive, finds most names in order already: a third of the time of making and
        # sorting every name's QCollatorSortKey (20 ms against 60 at 10,000 names).
        distinct.sort(key=str.casefold)
        distinct.sort(key=functools.cmp_to_key(compare))
        classes: list[str] = []
        ranks: dict[str, int] = {}
        previous = None
        for name in distinct:
            if previous is None or compare(previous, name) != 0:
                classes.append(name)
            ranks[name] = len(classes) - 1
            previous = name
        return cls(collation_name(locale), classes, ranks)

    def __len__(self) -> int:
        return len(self._ranks)

    def __contains__(self, name: object) -> bool:
        return name in self._ranks

    def rank(self, name: str) -> int:
        """The place of `name` (KeyError if it was not ranked: see `with_names`)."""
        return self._ranks[name]

    @property
    def ranks(self) -> Mapping[str, int]:
        return self._ranks

    def missing(self, names: Iterable[str]) -> list[str]:
        """The distinct names of `names` that have no rank here."""
        ranks = self._ranks
        return [n for n in dict.fromkeys(names) if n not in ranks]

    def covers(self, names: Iterable[str], locale: str) -> bool:
        """Whether these ranks were made for `locale` and rank every one of `names`."""
        ranks = self._ranks
        return self.locale == locale and all(n in ranks for n in names)

    def with_names(self, names: Iterable[str], collator: QCollator) -> NameRanks:
        """These ranks with `names` among them (`collator`: this thread's, for `locale`).

        Ranks may change (a name between two others moves those after it): the caller sorts
        by the new ones. A few new names go in by binary search; many, and every name is
        ranked again.
        """
        new = self.missing(names)
        if not new:
            return self
        if len(new) * _MERGE_SHARE > len(self._ranks):
            return NameRanks.of([*self._ranks, *new], collator.locale())
        collate = functools.cmp_to_key(collator.compare)
        classes = list(self._classes)
        joined: dict[str, str] = {}  # new name -> the name of the class it joins
        for name in sorted(new, key=collate):
            at = bisect.bisect_left(classes, collate(name), key=collate)
            if at < len(classes) and collator.compare(name, classes[at]) == 0:
                joined[name] = classes[at]
            else:
                classes.insert(at, name)
        place = {name: i for i, name in enumerate(classes)}
        renumbered = [place[name] for name in self._classes]
        ranks = {name: renumbered[r] for name, r in self._ranks.items()}
        for name in new:
            ranks[name] = place[joined.get(name, name)]
        return NameRanks(self.locale, classes, ranks)


def ranks_made(job: futures.Future[NameRanks | None] | None, wait: float = 0) -> NameRanks | None:
    """What a ranking job on the worker made, waiting at most `wait` seconds for it; None if it
    is not done, or failed: the list then ranks its names itself."""
    if job is None:
        return None
    if wait > 0:
        futures.wait([job], timeout=wait)
    if not job.done() or job.cancelled() or job.exception() is not None:
        return None
    return job.result()
