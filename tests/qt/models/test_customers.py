"""The customer list: type-ahead filter against a naive reference, sorting, the Health column.

The filter's documented semantics (`CustomerTableModel.set_filter`): the text is normalised
(NFKC) and casefolded, then split on whitespace; a customer is shown when every word is a
substring of its name, domain or tenant id, normalised and casefolded the same way. The model
gets there incrementally (narrowing while the user types); the reference here does the obvious
full scan.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.domain.customer_health import Failure, HealthSummary
from desktop.domain.customers import Customer
from desktop.domain.enums import Severity
from desktop.qt.collation import name_collator
from desktop.qt.models.customer_cells import health_tooltip
from desktop.qt.models.customers import (
    DOMAIN,
    HEALTH,
    NAME,
    RELATIONSHIP,
    TENANT,
    CustomerTableModel,
    relationship_label,
)
from desktop.qt.models.table import RecordRole, SortRole, StatusRole
from desktop.qt.words import health_count_word
from tests.qt.models.support import Signals, check_model

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


def customer(name: str, domain: str, tenant: str, relationship: str = "reseller") -> Customer:
    return Customer.from_json(
        {
            "id": tenant,
            "companyProfile": {"tenantId": tenant, "companyName": name, "domain": domain},
            "relationshipToPartner": relationship,
        }
    )


SAMPLE = [
    customer("Contoso GmbH", "contoso.onmicrosoft.com", "11111111-aaaa-4000-8000-000000000001"),
    customer(
        "Müller & Söhne KG", "muellersoehne.onmicrosoft.com", "22222222-bbbb-4000-8000-000000000002"
    ),
    customer(
        "Straßenbau AG",
        "strassenbau.onmicrosoft.com",
        "33333333-cccc-4000-8000-000000000003",
        "advisor",
    ),
    customer("北京科技有限公司", "bjkeji.onmicrosoft.com", "44444444-dddd-4000-8000-000000000004"),
    customer(
        "株式会社トヨタ",
        "toyota-jp.onmicrosoft.com",
        "55555555-eeee-4000-8000-000000000005",
        "none",
    ),
    customer(
        "fabrikam",
        "Fabrikam.onmicrosoft.com",
        "66666666-ffff-4000-8000-000000000006",
        "syndication",
    ),
]


def names(model: CustomerTableModel) -> list[str]:
    return [c.company_name for c in model.records()]


def filled(records: list[Customer] = SAMPLE) -> CustomerTableModel:
    model = CustomerTableModel()
    model.set_rows(records)
    return model


# --- reference implementations -----------------------------------------------------------------


def fold(text: str) -> str:
    """Typed text: NFKC, casefolded, German umlauts written out, Latin accents dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return strip_accents(text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))


def strip_accents(text: str) -> str:
    loose = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in loose if not 0x300 <= ord(c) < 0x370))


def field_forms(text: str) -> list[str]:
    """A field is searched with umlauts written out and with every accent dropped."""
    return [fold(text), strip_accents(unicodedata.normalize("NFKC", text).casefold())]


def tenant_word(word: str) -> bool:
    return all(c in "0123456789abcdef-" for c in word) and sum(c != "-" for c in word) >= 4


def matches(c: Customer, text: str) -> bool:
    fields = [*field_forms(c.company_name), *field_forms(c.domain)]
    return all(
        any(word in f for f in fields) or (tenant_word(word) and word in c.tenant_id.lower())
        for word in reference_words(text)
    )


GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def reference_words(text: str) -> list[str]:
    """As a partner pastes a query: a GUID out of a URL or braces, quotes and brackets around
    a word dropped ("㈱" folds to "(株)", which finds 株式会社)."""
    words = []
    for word in fold(text).split():
        guid = GUID.search(word)
        bare = guid.group(0) if guid else word.strip("{}()[]<>\"'“”‘’«»,;")
        if bare:
            words.append(bare)
    return words


COLLATOR = name_collator()


def health_key(summary: HealthSummary | None) -> int | None:
    return None if summary is None or summary.failure else summary.worst


def sort_keys(health: dict[str, HealthSummary]) -> dict[int, Callable[[Customer], Any]]:
    return {
        NAME: lambda c: COLLATOR.sortKey(c.company_name),
        DOMAIN: lambda c: c.domain.casefold(),
        RELATIONSHIP: lambda c: relationship_label(c.relationship).casefold(),
        TENANT: lambda c: c.tenant_id.casefold(),
        HEALTH: lambda c: health_key(health.get(c.tenant_id)),
    }


def reference_order(
    records: list[Customer], column: int, descending: bool, health: dict[str, HealthSummary]
) -> list[int]:
    """Indices into `records`: ties by name (ascending, then load order); missing last."""
    key = sort_keys(health)[column]
    by_name = sorted(range(len(records)), key=lambda n: COLLATOR.sortKey(records[n].company_name))
    present = [n for n in by_name if key(records[n]) is not None]
    missing = [n for n in by_name if key(records[n]) is None]
    return sorted(present, key=lambda n: key(records[n]), reverse=descending) + missing


# --- strategies --------------------------------------------------------------------------------

# Mixed case, umlauts and both sharp s (ß, ẞ: casefold to "ss"), Chinese, Japanese kana and
# kanji, the Turkish dotted I (casefolds to two code points), Greek sigma, a ligature, digits,
# and other spellings of the same letters: a combining diaeresis, full-width Latin, half-width
# katakana with its voiced mark (ﾄﾞ is ド), ㈱ (株).
ALPHABET = "aAbBsSzZ äöüÄÖÜßẞ 中国科技京 株式会社トヨタひら İıΣσς ﬁ 09-. \u0308ＡｂＳ ﾄﾖﾀﾞ ㈱"
REAL_NAMES = [
    "Contoso GmbH",
    "CONTOSO Ltd",
    "Müller & Söhne KG",
    "MÜLLER Logistik",
    "Straße Bau AG",
    "STRASSE Logistik",
    "Großhandel Weiß",
    "北京科技有限公司",
    "上海贸易",
    "株式会社トヨタ",
    "ひらがな商事",
    "İstanbul Dış Ticaret",
    "ΣΟΦΙΑ Α.Ε.",
    "fabrikam",
    unicodedata.normalize("NFD", "Müller Bäckerei"),
    "ＣＯＮＴＯＳＯ株式会社",
    "㈱トヨタ",
    "ﾄﾖﾀ商事",
]
company_names = st.sampled_from(REAL_NAMES) | st.text(ALPHABET, max_size=10)
domains = st.text("abcmsuz0-", min_size=1, max_size=8).map(lambda s: f"{s}.onmicrosoft.com")
relationships = st.sampled_from(["reseller", "advisor", "none", "microsoft_support", "newKind"])
customers = st.lists(
    st.builds(
        customer,
        name=company_names,
        domain=domains,
        tenant=st.uuids().map(str),
        relationship=relationships,
    ),
    max_size=14,
    unique_by=lambda c: c.tenant_id,
)
summaries = st.none() | st.builds(
    HealthSummary,
    worst=st.sampled_from([s for s in Severity if s is not Severity.UNKNOWN]),
    degraded=st.integers(0, 4),
    incidents=st.integers(0, 3),
    error=st.sampled_from(["", "", "", "No GDAP access"]),
)


def case_mix(text: str, flips: list[bool]) -> str:
    return "".join(
        ch.swapcase() if n < len(flips) and flips[n] else ch for n, ch in enumerate(text)
    )


@st.composite
def queries(draw: st.DrawFn, records: list[Customer]) -> str:
    """Random text, or pieces of the customers' own fields in changed case, joined by spaces."""
    if not records or draw(st.booleans()):
        return draw(st.text(ALPHABET + " \t\u00a0", max_size=8))
    words = []
    for _ in range(draw(st.integers(1, 3))):
        c = draw(st.sampled_from(records))
        source = draw(st.sampled_from([c.company_name, c.domain, c.tenant_id]))
        start = draw(st.integers(0, len(source)))
        piece = source[start : draw(st.integers(start, len(source)))]
        words.append(case_mix(piece, draw(st.lists(st.booleans(), max_size=len(piece)))))
    return draw(st.sampled_from([" ", "  ", "\t"])).join(words)


# --- the filter --------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(data=st.data(), records=customers)
def test_filter_matches_the_reference(qapp, data, records):
    model = filled(records)
    text = data.draw(queries(records), label="text")
    model.set_filter(text)
    order = reference_order(records, NAME, False, {})
    assert model.records() == [records[n] for n in order if matches(records[n], text)]
    assert model.visible() == model.rowCount()
    assert model.total() == len(records)
    for row, c in enumerate(model.records()):
        assert model.row_of(c.tenant_id) == row
    hidden = [c for c in records if not matches(c, text)]
    assert all(model.row_of(c.tenant_id) is None for c in hidden)
    check_model(model)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), records=customers)
def test_typing_and_deleting_keeps_matching_the_reference(qapp, data, records):
    """Each keystroke, forward or back, as a search box sends them (exercises narrowing)."""
    model = filled(records)
    order = reference_order(records, NAME, False, {})
    typed = ""
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        target = data.draw(queries(records), label="target")
        keep = data.draw(st.integers(0, len(typed)), label="keep")
        steps = [typed[:n] for n in range(len(typed) - 1, keep - 1, -1)]  # backspaces
        steps += [typed[:keep] + target[:n] for n in range(1, len(target) + 1)]
        for typed in steps:
            model.set_filter(typed)
            assert model.records() == [records[n] for n in order if matches(records[n], typed)]
    model.set_filter("")
    assert model.records() == [records[n] for n in order]


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    records=customers.filter(bool),
    new_names=st.lists(company_names, min_size=1, max_size=3),
)
def test_renamed_rows_are_matched_again_by_the_next_filter(qapp, data, records, new_names):
    """update_rows keeps rows in place; the next keystroke filters on the new names."""
    model = filled(records)
    order = reference_order(records, NAME, False, {})  # the last sort placed the rows
    first = data.draw(queries(records), label="first")
    model.set_filter(first)
    renamed = dict(zip(data.draw(st.permutations(range(len(records)))), new_names, strict=False))
    current = [
        replace(c, company_name=renamed[n]) if n in renamed else c for n, c in enumerate(records)
    ]
    by_tenant = {c.tenant_id: c for c in current}
    model.update_rows(lambda c: by_tenant[c.tenant_id])
    assert model.all_records() == current
    extended = first + data.draw(st.sampled_from(["", " ", "a", "s", "ß", "中"]), label="more")
    model.set_filter(extended)
    assert model.records() == [current[n] for n in order if matches(current[n], extended)]
    model.resort()
    placed = reference_order(current, NAME, False, {})
    assert model.records() == [current[n] for n in placed if matches(current[n], extended)]


def test_every_word_must_match_in_some_field(qapp):
    model = filled()
    model.set_filter("gmbh CONTOSO")  # order of words does not matter
    assert names(model) == ["Contoso GmbH"]
    model.set_filter("contoso onmicrosoft 11111111")  # name, domain and tenant id
    assert names(model) == ["Contoso GmbH"]
    model.set_filter("gmbhcontoso")
    assert names(model) == []
    model.set_filter("kgmuellersoehne")  # a word never spans two fields
    assert names(model) == []


def test_filter_is_caseless_across_scripts(qapp):
    model = filled()
    model.set_filter("STRASSENBAU")
    assert names(model) == ["Straßenbau AG"]  # ß casefolds to ss, in the name and the domain
    model.set_filter("straße")
    assert names(model) == ["Straßenbau AG"]
    model.set_filter("MÜLLER")
    assert names(model) == ["Müller & Söhne KG"]
    model.set_filter("科技")
    assert names(model) == ["北京科技有限公司"]
    model.set_filter("トヨタ")
    assert names(model) == ["株式会社トヨタ"]
    model.set_filter("FABRIKAM")
    assert names(model) == ["fabrikam"]
    model.set_filter("no such customer")
    assert model.rowCount() == 0
    assert (model.visible(), model.total()) == (0, len(SAMPLE))


def test_text_that_looks_the_same_matches(qapp):
    decomposed = unicodedata.normalize("NFD", "Müller Bäckerei")
    model = filled(
        [
            customer(decomposed, "mb.onmicrosoft.com", "71000000-0000-4000-8000-000000000001"),
            customer(
                "ＣＯＮＴＯＳＯ株式会社",
                "cj.onmicrosoft.com",
                "72000000-0000-4000-8000-000000000002",
            ),
            customer("㈱トヨタ", "ty.onmicrosoft.com", "73000000-0000-4000-8000-000000000003"),
            customer("ﾄﾖﾀ商事", "ts.onmicrosoft.com", "74000000-0000-4000-8000-000000000004"),
            customer("Müller GmbH", "mg.onmicrosoft.com", "75000000-0000-4000-8000-000000000005"),
        ]
    )
    model.set_filter("müller")  # typed precomposed, sent decomposed
    assert names(model) == [decomposed, "Müller GmbH"]
    model.set_filter(unicodedata.normalize("NFD", "MÜLLER"))
    assert names(model) == [decomposed, "Müller GmbH"]
    model.set_filter("contoso")  # full-width Latin in a Japanese name
    assert names(model) == ["ＣＯＮＴＯＳＯ株式会社"]
    model.set_filter("株式会社")
    assert names(model) == ["ＣＯＮＴＯＳＯ株式会社"]
    model.set_filter("株")  # ㈱ is (株)
    assert names(model) == ["㈱トヨタ", "ＣＯＮＴＯＳＯ株式会社"]
    model.set_filter("トヨタ")  # and ﾄﾖﾀ is トヨタ
    assert names(model) == ["㈱トヨタ", "ﾄﾖﾀ商事"]
    model.set_filter("ﾄﾖ")
    assert names(model) == ["㈱トヨタ", "ﾄﾖﾀ商事"]


FORMS = ("NFC", "NFD", "NFKC", "NFKD")


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    records=customers,
    data_form=st.sampled_from(FORMS),
    query_form=st.sampled_from(FORMS),
)
def test_filter_ignores_how_the_letters_are_encoded(qapp, data, records, data_form, query_form):
    """Independent of the reference: re-encoding names or query never changes the result."""
    text = data.draw(queries(records), label="text")
    model = filled(records)
    model.set_filter(text)
    shown = {c.tenant_id for c in model.records()}
    recoded = [
        replace(c, company_name=unicodedata.normalize(data_form, c.company_name)) for c in records
    ]
    other = filled(recoded)
    other.set_filter(unicodedata.normalize(query_form, text))
    assert {c.tenant_id for c in other.records()} == shown


def test_filter_resets_only_when_the_words_change(qapp):
    model = filled()
    signals = Signals.on(model)
    model.set_filter("con")
    assert signals.resets == 1
    model.set_filter("con ")  # the same words
    model.set_filter("  CON ")
    assert signals.resets == 1
    assert model.filter_text() == "  con "
    model.set_filter("gmb")
    assert signals.resets == 2
    assert names(model) == ["Contoso GmbH"]


def test_text_and_extra_filter_combine(qapp):
    model = filled()
    model.set_filter("onmicrosoft")
    model.set_extra_filter(lambda c: c.relationship == "reseller")
    assert names(model) == ["Contoso GmbH", "Müller & Söhne KG", "北京科技有限公司"]
    model.set_filter("onmicrosoft k")  # narrows what both filters let through (not fabrikam)
    assert names(model) == ["Müller & Söhne KG", "北京科技有限公司"]
    model.set_filter("")
    assert len(names(model)) == 3
    model.set_extra_filter(None)
    assert model.rowCount() == len(SAMPLE)


def test_filter_set_before_the_rows_arrive_applies_to_them(qapp):
    model = CustomerTableModel()
    model.set_filter("fab")
    model.set_rows(SAMPLE)
    assert names(model) == ["fabrikam"]


def test_model_tester_through_filtering_sorting_and_health(qtmodeltester):
    model = CustomerTableModel()
    qtmodeltester.check(model)
    model.set_rows(SAMPLE)
    model.set_filter("o")
    model.set_filter("on")
    model.set_filter("x")
    model.set_filter("")
    model.set_extra_filter(lambda c: c.relationship != "none")
    for column in range(5):
        model.sort(column, DESC)
    model.set_health_many({c.tenant_id: HealthSummary(2, 1, 1) for c in SAMPLE[:3]})
    model.resort()
    model.clear_health()
    model.set_rows([])
    model.set_rows(SAMPLE[::-1])
    check_model(model)


# --- sorting -----------------------------------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(
    data=st.data(),
    records=customers,
    column=st.sampled_from([NAME, DOMAIN, RELATIONSHIP, TENANT, HEALTH]),
    descending=st.booleans(),
)
def test_sort_by_each_column_matches_sorted(qapp, data, records, column, descending):
    health = {
        c.tenant_id: s
        for c in records
        if (s := data.draw(summaries, label=f"health {c.tenant_id[:4]}")) is not None
    }
    model = filled(records)
    model.set_health_many(health)
    model.sort(column, DESC if descending else ASC)
    order = reference_order(records, column, descending, health)
    assert model.records() == [records[n] for n in order]
    text = data.draw(queries(records), label="text")
    model.set_filter(text)
    assert model.records() == [records[n] for n in order if matches(records[n], text)]
    if column == HEALTH:
        ranks = [model.index(row, HEALTH).data(SortRole) for row in range(model.rowCount())]
        known = [r for r in ranks if r is not None]
        assert ranks == known + [None] * (len(ranks) - len(known))
        assert known == sorted(known, reverse=descending)
    check_model(model)


def test_health_sorts_by_severity_with_unknown_last(qapp):
    model = filled()
    t = [c.tenant_id for c in SAMPLE]
    model.set_health_many(
        {
            t[0]: HealthSummary(3, 2, 1),
            t[1]: HealthSummary(0, 0, 0),
            t[2]: HealthSummary(2, 1, 0, error="No GDAP access"),
            t[3]: HealthSummary(1, 0, 1),
            t[5]: HealthSummary(2, 1, 1),
        }
    )
    model.sort(HEALTH, DESC)
    assert names(model) == [
        "Contoso GmbH",
        "fabrikam",
        "北京科技有限公司",
        "Müller & Söhne KG",
        "Straßenbau AG",  # no access and not loaded: last either way, by name
        "株式会社トヨタ",
    ]
    model.sort(HEALTH, ASC)
    assert names(model)[:4] == [
        "Müller & Söhne KG",
        "北京科技有限公司",
        "fabrikam",
        "Contoso GmbH",
    ]


def test_default_sort_is_by_name(qapp):
    model = filled()
    assert model.sort_state() == (NAME, ASC)
    assert names(model) == sorted((c.company_name for c in SAMPLE), key=str.casefold)


# --- health ------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    data=st.data(),
    records=customers.filter(bool),
    column=st.sampled_from([NAME, DOMAIN, TENANT, HEALTH]),
    descending=st.booleans(),
)
def test_health_updates_repaint_cells_and_move_nothing(qapp, data, records, column, descending):
    tenants = [c.tenant_id for c in records]
    before = {t: s for t in tenants if (s := data.draw(summaries)) is not None}
    model = filled(records)
    model.set_health_many(before)
    model.sort(column, DESC if descending else ASC)
    model.set_filter(data.draw(queries(records), label="text"))
    shown = model.records()
    held = [QPersistentModelIndex(model.index(row, NAME)) for row in range(model.rowCount())]

    update = data.draw(
        st.dictionaries(st.sampled_from([*tenants, "not-a-customer"]), summaries, max_size=8),
        label="update",
    )
    signals = Signals.on(model)
    model.set_health_many(update)

    after = {**before, **update}
    after = {t: s for t, s in after.items() if s is not None}
    assert model.records() == shown  # same rows in the same order, even sorted by health
    assert [i.row() for i in held] == list(range(len(shown)))
    assert (signals.resets, signals.layouts) == (0, 0)
    really_changed = {
        row for row, c in enumerate(shown) if before.get(c.tenant_id) != after.get(c.tenant_id)
    }
    assert signals.changed_rows() == really_changed
    for _, left, _, right, roles in signals.changed:
        assert (left, right) == (HEALTH, HEALTH)
        assert {DISPLAY, SortRole, StatusRole} <= set(roles)
    for row, c in enumerate(shown):
        summary = after.get(c.tenant_id)
        assert model.health(c.tenant_id) == summary
        assert model.index(row, HEALTH).data() == health_count_word(summary)
        assert model.index(row, HEALTH).data(SortRole) == health_key(summary)

    model.resort()
    order = reference_order(records, column, descending, after)
    text = model.filter_text()
    assert model.records() == [records[n] for n in order if matches(records[n], text)]
    if column != HEALTH:
        assert model.records() == shown
    check_model(model)


LATER = "a1a1a1a1-0000-4000-8000-0000000000aa"  # arrives in a later list


def test_health_is_kept_across_a_refreshed_list(qapp):
    model = filled()
    tenant = SAMPLE[0].tenant_id
    model.set_health(tenant, HealthSummary(2, 3, 1))
    model.set_health(LATER, HealthSummary(3, 1, 1))
    model.set_rows([*SAMPLE, customer("Later Ltd", "later.onmicrosoft.com", LATER)])
    assert model.health(tenant) == HealthSummary(2, 3, 1)
    assert model.index(model.row_of(tenant), HEALTH).data().startswith("Degraded")
    assert model.index(model.row_of(LATER), HEALTH).data() == "Down"


def test_setting_the_same_health_again_signals_nothing(qapp):
    model = filled()
    tenant = SAMPLE[1].tenant_id
    model.set_health(tenant, HealthSummary(1, 0, 1))
    signals = Signals.on(model)
    model.set_health(tenant, HealthSummary(1, 0, 1))
    model.set_health(SAMPLE[2].tenant_id, None)  # was not loaded, still is not
    assert signals.changed == []


def test_clear_health(qapp):
    model = filled()
    model.set_health_many({c.tenant_id: HealthSummary(0, 0, 0) for c in SAMPLE[:4]})
    signals = Signals.on(model)
    model.clear_health()
    assert all(model.health(c.tenant_id) is None for c in SAMPLE)
    assert len(signals.changed_rows()) == 4
    assert {model.index(row, HEALTH).data() for row in range(model.rowCount())} == {"—"}
    assert signals.resets == 0


# --- what the cells say ------------------------------------------------------------------------


def test_health_cell_texts_and_roles(qapp):
    model = filled(SAMPLE[:1])
    tenant = SAMPLE[0].tenant_id
    cell = model.index(0, HEALTH)
    cases = [
        (None, "—", "Service health not loaded yet", None),
        (HealthSummary(0, 0, 0), "OK", "0 service(s) not operational\n0 active issue(s)", 0),
        (HealthSummary(1, 0, 2), "Advisory", "0 service(s) not operational\n2 active issue(s)", 1),
        (
            HealthSummary(2, 3, 1),
            "Degraded (3)",
            "3 service(s) not operational\n1 active issue(s)",
            2,
        ),
        (HealthSummary(3, 5, 4), "Down (5)", "5 service(s) not operational\n4 active issue(s)", 3),
    ]
    for summary, text, tooltip, severity in cases:
        model.set_health(tenant, summary)
        assert cell.data() == text == health_count_word(summary)
        assert cell.data(TOOLTIP) == tooltip == health_tooltip(summary)
        assert cell.data(ACCESSIBLE) == f"Health: {text}"
        assert cell.data(StatusRole) == cell.data(SortRole) == severity
        assert severity is None or isinstance(cell.data(StatusRole), Severity)
    # Not known: its word, the reason as the tooltip, the grey badge, and last in a sort.
    for failure, text in [
        (Failure.NO_ACCESS, "No access"),
        (Failure.NOT_CONSENTED, "Not allowed"),
        (Failure.ERROR, "Error"),
    ]:
        model.set_health(tenant, HealthSummary.failed(failure, "No GDAP access"))
        assert cell.data() == text == health_count_word(model.health(tenant))
        assert cell.data(TOOLTIP) == "No GDAP access"
        assert cell.data(StatusRole) == Severity.UNKNOWN
        assert cell.data(SortRole) is None


def test_text_cells_and_record_role(qapp):
    model = filled(SAMPLE[2:3])
    c = SAMPLE[2]
    assert [model.index(0, col).data() for col in range(4)] == [
        "Straßenbau AG",
        "strassenbau.onmicrosoft.com",
        "Advisor",
        c.tenant_id,
    ]
    # Its rank among the names by the language's rules (desktop.qt.collation), whatever the
    # case: the same name in capitals has the same rank.
    model.append_records([replace(c, tenant_id="t-caps", company_name="STRAẞENBAU AG")])
    ranks = {model.index(row, NAME).data(SortRole) for row in range(2)}
    assert len(ranks) == 1
    assert isinstance(next(iter(ranks)), int)
    for col in range(5):
        assert model.index(0, col).data(RecordRole) is c
    assert model.record(0) is c
    headers = [model.headerData(col, Qt.Orientation.Horizontal) for col in range(5)]
    assert headers == ["Name", "Domain", "Relationship", "Tenant ID", "Health"]


def test_relationship_labels_in_plain_words(qapp):
    assert relationship_label("reseller") == "Reseller"
    assert relationship_label("microsoft_support") == "Microsoft support"
    assert relationship_label("none") == "None"
    assert relationship_label("unknown") == "Unknown"
    assert relationship_label("brandNewKind") == "brandNewKind"  # shown as it came


# --- everything at once ------------------------------------------------------------------------

EXTRA_FILTERS: dict[str, Callable[[Customer], bool] | None] = {
    "none": None,
    "resellers": lambda c: c.relationship == "reseller",
    "short names": lambda c: len(c.company_name) < 6,
}


class CustomerListMachine(RuleBasedStateMachine):
    """Random sequences of what the window does, against a shadow of the documented behaviour.

    The shadow keeps `placed` (every record index in the order of the last sort) and `visible`.
    Filters recompute membership over `placed`; sorts recompute `placed`; updates of records
    or health move nothing and change no membership until the next filter or sort.
    """

    def __init__(self) -> None:
        super().__init__()
        self.model = CustomerTableModel()
        self.signals = Signals.on(self.model)
        self.records: list[Customer] = []
        self.health: dict[str, HealthSummary] = {}
        self.text = ""
        self.condition: Callable[[Customer], bool] | None = None
        self.sort = (NAME, False)
        self.placed: list[int] = []
        self.visible: list[int] = []
        self.stale = False  # records changed since the last full filter

    def passes(self, n: int) -> bool:
        c = self.records[n]
        return matches(c, self.text) and (self.condition is None or self.condition(c))

    def refilter(self) -> None:
        self.visible = [n for n in self.placed if self.passes(n)]
        self.stale = False

    def place(self) -> None:
        self.placed = reference_order(self.records, *self.sort, self.health)
        self.refilter()

    @initialize(records=customers.filter(lambda found: len(found) > 2))
    def first_rows(self, records: list[Customer]) -> None:
        self.set_rows(records)

    @rule(records=customers)
    def set_rows(self, records: list[Customer]) -> None:
        self.model.set_rows(records)
        self.records = list(records)
        self.place()

    @rule(data=st.data())
    def type_text(self, data: st.DataObject) -> None:
        text = data.draw(queries(self.records) | st.sampled_from(["", " ", "a", "on", "ss"]))
        if data.draw(st.booleans(), label="extend"):
            text = self.text + text
        words_changed = text.casefold().split() != self.text.casefold().split()
        self.model.set_filter(text)
        self.text = text
        if words_changed or self.stale:
            self.refilter()

    @rule(name=st.sampled_from(sorted(EXTRA_FILTERS)))
    def extra_filter(self, name: str) -> None:
        self.condition = EXTRA_FILTERS[name]
        self.model.set_extra_filter(self.condition)
        self.refilter()

    @rule(column=st.sampled_from([NAME, DOMAIN, RELATIONSHIP, TENANT, HEALTH]), desc=st.booleans())
    def sort_by(self, column: int, desc: bool) -> None:
        self.model.sort(column, DESC if desc else ASC)
        self.sort = (column, desc)
        self.place()

    @rule()
    def resort(self) -> None:
        self.model.resort()
        self.place()

    @precondition(lambda self: bool(self.records))
    @rule(data=st.data())
    def rename(self, data: st.DataObject) -> None:
        n = data.draw(st.integers(0, len(self.records) - 1), label="row")
        field = data.draw(st.sampled_from(["company_name", "domain", "relationship"]))
        value = data.draw(company_names if field == "company_name" else relationships)
        old = self.records[n]
        new = replace(old, **{field: value})
        self.records[n] = new
        count = self.model.replace_records([new])
        assert count == (new != old)
        self.stale = self.stale or new != old

    @rule(data=st.data())
    def health_arrives(self, data: st.DataObject) -> None:
        tenants = [c.tenant_id for c in self.records] + ["elsewhere"]
        update = data.draw(st.dictionaries(st.sampled_from(tenants), summaries, max_size=5))
        self.signals.clear()
        self.model.set_health_many(update)
        assert (self.signals.resets, self.signals.layouts) == (0, 0)
        assert all(left == right == HEALTH for _, left, _, right, _ in self.signals.changed)
        for tenant, summary in update.items():
            if summary is None:
                self.health.pop(tenant, None)
            else:
                self.health[tenant] = summary

    @invariant()
    def rows_are_the_shadow_rows(self) -> None:
        model = self.model
        assert model.records() == [self.records[n] for n in self.visible]
        assert model.all_records() == self.records
        assert (model.visible(), model.total()) == (len(self.visible), len(self.records))
        for row, c in enumerate(model.records()):
            summary = self.health.get(c.tenant_id)
            assert model.health(c.tenant_id) == summary
            assert model.index(row, HEALTH).data() == health_count_word(summary)
            assert model.index(row, NAME).data() == c.company_name

    def teardown(self) -> None:
        check_model(self.model)


def test_customer_list_state_machine(qapp):
    run_state_machine_as_test(
        CustomerListMachine,
        settings=settings(max_examples=60, stateful_step_count=20, deadline=None),
    )


def test_the_search_text_is_built_at_the_first_search_and_kept_current(qapp):
    from desktop.domain.customers import Customer
    from desktop.qt.models.customers import CustomerTableModel

    model = CustomerTableModel()
    model.set_rows([Customer("t1", "Contoso", "contoso.example", "reseller")])
    assert model._search is None  # the first paint does not wait for it
    model.append_records([Customer("t2", "Fabrikam", "fabrikam.example", "reseller")])
    model.replace_records([Customer("t1", "Contoso Süd", "contoso.example", "reseller")])
    model.set_filter("contoso sued")  # the replaced name, not the first one
    assert [c.tenant_id for c in model.records()] == ["t1"]
    model.set_filter("fabrikam")
    assert [c.tenant_id for c in model.records()] == ["t2"]
    model.append_records([Customer("t3", "Fabrikam Two", "f2.example", "reseller")])
    model.resort()
    assert [c.tenant_id for c in model.records()] == ["t2", "t3"]
