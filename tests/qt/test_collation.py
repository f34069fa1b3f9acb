"""Names ranked by a language's collation (`NameRanks`): made on a worker thread, in the order the
GUI thread's collator gives; equal names (by the collator) share a rank; names merged in later
take their place."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from PySide6.QtCore import QLocale

from desktop.qt.collation import NameRanks, collation_name, name_collator, ranks_made

NAMES = [
    "Zeta AB",
    "Örebro Bygg",
    "Bäckerei Müller",
    "Baumann AG",
    "Oslo AS",
    "BÄCKEREI MÜLLER",
    "Ångström",
    "Aalto",
    "北京科技",
    "上海貿易",
    "台北電腦",
    "中華電信",
    "乙方",
    "Álvarez y Asociados",
    "株式会社トヨタ",
    "Straße Bau",
    "STRASSE BAU",
    "",
    "0 Nought",
]


def collator_order(names: list[str], locale: QLocale) -> list[str]:
    """The names as the GUI thread's collator sorts them (stable: ties in the given order)."""
    return sorted(names, key=name_collator(locale).sortKey)


def rank_order(names: list[str], ranks: NameRanks) -> list[str]:
    return sorted(names, key=ranks.rank)


@pytest.mark.parametrize("language", ["de_DE", "zh_TW", "sv_SE", "en_US"])
def test_ranks_made_on_a_worker_thread_order_as_the_collator(qapp, language):
    locale = QLocale(language)
    with ThreadPoolExecutor(1) as pool:
        ranks = pool.submit(NameRanks.of, NAMES, locale).result()
    assert ranks.locale == collation_name(locale)
    assert rank_order(NAMES, ranks) == collator_order(NAMES, locale)
    assert all(isinstance(ranks.rank(n), int) for n in NAMES)


def test_the_languages_differ_so_the_ranks_do(qapp):
    """zh_TW puts Chinese first, by strokes; Swedish Ö after Z; German Ö with the O's."""
    orders = {
        language: rank_order(NAMES, NameRanks.of(NAMES, QLocale(language)))
        for language in ("de_DE", "zh_TW", "sv_SE")
    }
    assert orders["zh_TW"][:3] == ["", "0 Nought", "乙方"]
    assert orders["sv_SE"].index("Örebro Bygg") > orders["sv_SE"].index("Zeta AB")
    assert orders["de_DE"].index("Örebro Bygg") < orders["de_DE"].index("Zeta AB")
    assert len(set(map(tuple, orders.values()))) == 3


def test_names_the_collator_holds_equal_share_a_rank(qapp):
    ranks = NameRanks.of(NAMES, QLocale("de_DE"))
    assert ranks.rank("Bäckerei Müller") == ranks.rank("BÄCKEREI MÜLLER")
    collator = name_collator(QLocale("de_DE"))
    for a in NAMES:
        for b in NAMES:
            assert (ranks.rank(a) == ranks.rank(b)) == (collator.compare(a, b) == 0), (a, b)


@pytest.mark.parametrize("language", ["de_DE", "zh_TW"])
@pytest.mark.parametrize("split", [1, 4, 12, 18])
def test_names_merged_in_later_take_their_place(qapp, language, split):
    """A few names go in one by one (binary search), many by ranking everything again: the same
    order either way, with equal names joining their rank."""
    locale = QLocale(language)
    first, later = NAMES[:split], [*NAMES[split:], "bäckerei müller", "Aaa", "龍"]
    ranks = NameRanks.of(first, locale).with_names(later, name_collator(locale))
    everything = first + later
    assert rank_order(everything, ranks) == collator_order(everything, locale)
    assert ranks.rank("bäckerei müller") == ranks.rank("BÄCKEREI MÜLLER")


def test_merging_names_already_ranked_gives_the_same_ranks(qapp):
    ranks = NameRanks.of(NAMES, QLocale("de_DE"))
    assert ranks.with_names(NAMES[3:], name_collator(QLocale("de_DE"))) is ranks


def test_ranks_cover_only_their_names_and_language(qapp):
    ranks = NameRanks.of(NAMES, QLocale("de_DE"))
    assert ranks.covers(NAMES, collation_name(QLocale("de_DE")))
    assert not ranks.covers(NAMES, collation_name(QLocale("zh_TW")))
    assert not ranks.covers([*NAMES, "Neu"], collation_name(QLocale("de_DE")))
    assert ranks.missing(["Neu", "Aalto", "Neu"]) == ["Neu"]


def test_no_language_ranks_as_english(qapp):
    """The "C" locale (tests, a bare environment) collates as English: "Bäckerei" with the B's."""
    c = QLocale(QLocale.Language.C)
    assert collation_name(c) == collation_name(QLocale("en_US"))
    assert rank_order(NAMES, NameRanks.of(NAMES, c)) == collator_order(NAMES, QLocale("en_US"))


def test_a_ranking_job_is_taken_only_when_it_ended_well(qapp):
    ranks = NameRanks.of(NAMES)
    ended: Future[NameRanks | None] = Future()
    assert ranks_made(None) is None
    assert ranks_made(ended) is None  # not done: the list ranks its names itself
    assert ranks_made(ended, wait=0.01) is None
    ended.set_result(ranks)
    assert ranks_made(ended) is ranks
    failed: Future[NameRanks | None] = Future()
    failed.set_exception(RuntimeError("no"))
    assert ranks_made(failed) is None
