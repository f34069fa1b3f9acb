"""Issue 18, defect 5: the search finds customers by every domain known for them, not by one or
two hex digits inside their tenant ids, however umlauts and accents are typed; names sort by
the language's rules ("Bäckerei" among the B's)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

from desktop.domain.customers import Customer
from desktop.qt.models.customers import DOMAIN, NAME, CustomerTableModel

TOOLTIP = Qt.ItemDataRole.ToolTipRole

ROWS = [
    Customer(
        "0a1b2c3d-1111-4000-8000-000000000001", "Zeta Logistics", "zeta.onmicrosoft.com", "reseller"
    ),
    Customer(
        "0a1b2c3d-2222-4000-8000-000000000002", "Bäckerei Müller", "bm1.onmicrosoft.com", "reseller"
    ),
    Customer(
        "0a1b2c3d-3333-4000-8000-000000000003",
        "Schäfer GmbH",
        "schaefer.onmicrosoft.com",
        "advisor",
    ),
    Customer(
        "0a1b2c3d-4444-4000-8000-000000000004",
        "Álvarez y Asociados",
        "alv.onmicrosoft.com",
        "reseller",
    ),
    Customer(
        "0a1b2c3d-5555-4000-8000-000000000005", "Baumann AG", "baumann.onmicrosoft.com", "reseller"
    ),
    Customer(
        "0a1b2c3d-6666-4000-8000-000000000006", "Mueller Bau", "muebau.onmicrosoft.com", "reseller"
    ),
]


def names(model: CustomerTableModel) -> list[str]:
    return [c.company_name for c in model.records()]


def filled() -> CustomerTableModel:
    model = CustomerTableModel()
    model.set_rows(ROWS)
    return model


def found(model: CustomerTableModel, text: str) -> set[str]:
    model.set_filter(text)
    return set(names(model))


def test_umlauts_and_accents_are_found_however_they_are_typed(qapp):
    model = filled()
    assert found(model, "muller") == {"Bäckerei Müller"}
    assert found(model, "mueller") == {"Bäckerei Müller", "Mueller Bau"}
    assert found(model, "müller") == {"Bäckerei Müller", "Mueller Bau"}
    assert found(model, "backerei") == {"Bäckerei Müller"}
    assert found(model, "baeckerei") == {"Bäckerei Müller"}
    assert found(model, "schafer") == {"Schäfer GmbH"}
    assert found(model, "alvarez") == {"Álvarez y Asociados"}
    assert found(model, "ÁLVAREZ") == {"Álvarez y Asociados"}


def test_typing_an_umlaut_letter_by_letter(qapp):
    model = filled()
    for text in ("m", "mü", "mül", "müll", "mülle", "müller"):
        model.set_filter(text)
    assert set(names(model)) == {"Bäckerei Müller", "Mueller Bau"}


def test_one_or_two_hex_characters_do_not_match_tenant_ids(qapp):
    model = filled()
    # Every tenant id holds "1", "a", "0a": only names and domains count for them.
    assert found(model, "1") == {"Bäckerei Müller"}  # bm1.onmicrosoft.com
    assert found(model, "a") == set(names(filled()))  # every name has an "a"
    assert found(model, "0a") == set()
    assert found(model, "3333") == {"Schäfer GmbH"}  # four hex digits: inside the id
    assert found(model, "0a1b2c3d-3333-4000-8000-000000000003") == {"Schäfer GmbH"}
    assert found(model, "0A1B2C3D-5555") == {"Baumann AG"}


def test_typing_on_into_a_tenant_id_fragment_finds_it(qapp):
    """At three digits a word looks only in names and domains; the fourth also looks in ids,
    so the visible rows must not be narrowed from the three-digit result."""
    model = filled()
    for text in ("4", "44", "444"):
        model.set_filter(text)
        assert names(model) == []
    model.set_filter("4444")
    assert names(model) == ["Álvarez y Asociados"]


def test_domains_learnt_for_a_customer_are_searched(qapp):
    model = filled()
    assert found(model, "zeta-logistik.de") == set()
    model.add_domains(ROWS[0].tenant_id, ("zeta-logistik.de", "mail.zeta-logistik.de"))
    assert found(model, "zeta-logistik.de") == {"Zeta Logistics"}
    assert found(model, "mail.zeta") == {"Zeta Logistics"}
    assert model.domains(ROWS[0].tenant_id) == ("zeta-logistik.de", "mail.zeta-logistik.de")
    tooltip = model.index(model.row_of(ROWS[0].tenant_id), DOMAIN).data(TOOLTIP)
    assert tooltip.splitlines() == [
        "zeta.onmicrosoft.com",
        "zeta-logistik.de",
        "mail.zeta-logistik.de",
    ]


def test_a_domain_learnt_while_a_search_is_shown_counts_from_the_next_keystroke(qapp):
    model = filled()
    model.set_filter("contoso")
    assert names(model) == []
    model.add_domains(ROWS[4].tenant_id, ("contoso-baumann.de",))
    model.set_filter("contoso-")  # narrows the empty result only if it forgets the new domain
    assert names(model) == ["Baumann AG"]


def test_names_sort_by_the_language_not_by_code_point(qapp):
    before = QLocale()
    for locale in (QLocale(QLocale.Language.C), QLocale("de_DE"), QLocale("en_US")):
        QLocale.setDefault(locale)
        try:
            model = filled()
        finally:
            QLocale.setDefault(before)
        assert names(model) == [
            "Álvarez y Asociados",
            "Bäckerei Müller",
            "Baumann AG",
            "Mueller Bau",
            "Schäfer GmbH",
            "Zeta Logistics",
        ], locale.name()
        model.sort(NAME, Qt.SortOrder.DescendingOrder)
        assert names(model)[0] == "Zeta Logistics"


def test_customers_of_the_same_name_differ_in_their_tooltip_and_domain(qapp):
    twins = [
        Customer(
            "0a1b2c3d-7777-4000-8000-000000000007",
            "Cabinet Bernard",
            "cb.onmicrosoft.com",
            "reseller",
        ),
        Customer(
            "0a1b2c3d-8888-4000-8000-000000000008",
            "Cabinet Bernard",
            "cb800.onmicrosoft.com",
            "reseller",
        ),
    ]
    model = CustomerTableModel()
    model.set_rows(twins)
    tips = [model.index(row, NAME).data(TOOLTIP) for row in range(2)]
    assert tips == ["Cabinet Bernard\ncb.onmicrosoft.com", "Cabinet Bernard\ncb800.onmicrosoft.com"]
    assert [model.index(row, DOMAIN).data() for row in range(2)] == [
        "cb.onmicrosoft.com",
        "cb800.onmicrosoft.com",
    ]
