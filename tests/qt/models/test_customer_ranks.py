"""The Name column sorts by ranks (`NameRanks`) made off the GUI thread while the list loads; the
model takes them only if they are for the app's language and rank every name, and ranks on its
own thread otherwise: a list without ranks, ranks of another language, names appended or renamed
later. Its keys are ints, never mixed with collator sort keys."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop.domain.customers import Customer
from desktop.qt.collation import NameRanks, collation_name, name_collator
from desktop.qt.models.customers import NAME, TENANT, CustomerTableModel, rank_names, sort_name
from desktop.qt.models.table import SortRole

NAMES = [
    "Zeta AB",
    "Örebro Bygg",
    "Bäckerei Müller",
    "Oslo AS",
    "Aalto",
    "北京科技",
    "上海貿易",
    "乙方",
    "BÄCKEREI MÜLLER",
    "中華電信",
]
CUSTOMERS = [Customer(f"t{n}", name, f"d{n}.example", "reseller") for n, name in enumerate(NAMES)]


@pytest.fixture
def language(qapp) -> Iterator[None]:
    """The app's language as `translators.install` sets it, back to the one before afterwards."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


def speak(language: str) -> None:
    QLocale.setDefault(QLocale(language))


def on_worker(customers: list[Customer], locale: QLocale) -> NameRanks:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(rank_names, customers, locale).result()


def collated(customers: list[Customer], locale: QLocale | None = None) -> list[str]:
    """Names as the collator orders them, equal ones in load order."""
    key = name_collator(locale).sortKey
    return [c.company_name for c in sorted(customers, key=lambda c: key(c.company_name))]


def shown(model: CustomerTableModel) -> list[str]:
    return [c.company_name for c in model.records()]


def name_keys(model: CustomerTableModel) -> list[object]:
    return [model.index(row, NAME).data(SortRole) for row in range(model.rowCount())]


@pytest.mark.parametrize("lang", ["de_DE", "zh_TW"])
def test_ranks_made_on_the_worker_sort_as_the_collator(language, lang):
    speak(lang)
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS, on_worker(CUSTOMERS, QLocale()))
    assert shown(model) == collated(CUSTOMERS)
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    # Descending keeps equal names in load order, as a sort by collator keys did.
    assert shown(model) == [
        c.company_name
        for c in sorted(
            CUSTOMERS, key=lambda c: name_collator().sortKey(c.company_name), reverse=True
        )
    ]
    assert all(type(k) is int for k in name_keys(model))


def test_ranks_for_the_language_and_every_name_are_taken_as_they_are(language):
    """Not made again on the GUI thread: ranks claiming the language are used, even backwards."""
    speak("de_DE")
    ranks = on_worker(CUSTOMERS, QLocale())
    backwards = {name: -rank for name, rank in ranks.ranks.items()}
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS, NameRanks(collation_name(), [], backwards))
    assert shown(model) == collated(list(reversed(CUSTOMERS)))[::-1]


@pytest.mark.parametrize(("made_for", "lang"), [("zh_TW", "de_DE"), ("de_DE", "zh_TW")])
def test_a_list_ranked_for_another_language_is_ranked_again(language, made_for, lang):
    """The cached list is read while the language is being chosen: ranks of another are not
    the app's order (zh_TW puts Chinese first, by strokes; German puts it last)."""
    speak(lang)
    foreign = on_worker(CUSTOMERS, QLocale(made_for))
    assert [
        c.company_name for c in sorted(CUSTOMERS, key=lambda c: foreign.rank(sort_name(c)))
    ] != (collated(CUSTOMERS))
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS, foreign)
    assert shown(model) == collated(CUSTOMERS)


def test_a_list_ranked_without_some_of_its_names_is_ranked_again(language):
    speak("de_DE")
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS, on_worker(CUSTOMERS[:4], QLocale()))
    assert shown(model) == collated(CUSTOMERS)


def test_a_list_without_ranks_is_ranked_on_the_gui_thread(language):
    speak("zh_TW")
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS)
    assert shown(model) == collated(CUSTOMERS)


def test_the_app_language_changing_between_lists_ranks_by_the_new_one(language):
    speak("de_DE")
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS)
    assert shown(model) == collated(CUSTOMERS)
    speak("zh_TW")
    model.set_rows(list(CUSTOMERS))
    assert shown(model) == collated(CUSTOMERS)
    assert shown(model)[0] == "乙方"


APPENDED = [
    Customer("n1", "Aaa First", "n1.example", "reseller"),
    Customer("n2", "bäckerei müller", "n2.example", "reseller"),  # equal to ranked names
    Customer("n3", "Mitte GmbH", "n3.example", "reseller"),
    Customer("n4", "龍", "n4.example", "reseller"),
    Customer("n5", "Zzz Last", "n5.example", "reseller"),
]


@pytest.mark.parametrize("lang", ["de_DE", "zh_TW"])
@pytest.mark.parametrize("count", [1, 2, len(APPENDED)])
def test_appended_names_sort_among_the_ranked_ones(language, lang, count):
    speak(lang)
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS, on_worker(CUSTOMERS, QLocale()))
    model.sort(NAME, Qt.SortOrder.AscendingOrder)  # the Name keys are made
    new = APPENDED[:count]
    assert model.append_records(new) == count
    assert shown(model) == [*collated(CUSTOMERS), *(c.company_name for c in new)]  # unsorted
    model.resort()
    assert shown(model) == collated(CUSTOMERS + new)
    assert all(type(k) is int for k in name_keys(model))
    model.sort(TENANT, Qt.SortOrder.AscendingOrder)  # ties by name, with the new ranks
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert shown(model) == collated(CUSTOMERS + new)


@pytest.mark.parametrize("name", ["Aaa Renamed", "aalto", "Mitte", "龍"])
def test_a_renamed_customer_sorts_by_its_new_name(language, name):
    speak("de_DE")
    model = CustomerTableModel()
    model.set_rows(CUSTOMERS, on_worker(CUSTOMERS, QLocale()))
    renamed = replace(CUSTOMERS[0], company_name=name)
    assert model.replace_records([renamed]) == 1
    model.resort()
    assert shown(model) == collated([renamed, *CUSTOMERS[1:]])
    assert all(type(k) is int for k in name_keys(model))
