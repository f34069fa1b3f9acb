"""The catalogues: complete, compiled, loaded; the pseudo-locale; which language is chosen."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.config import i18n
from desktop.config.i18n import catalogues
from desktop.qt import translators
from desktop.services.filing import SEVERITIES, validate
from desktop.store import Draft

translate = QCoreApplication.translate


@pytest.fixture
def language(qapp) -> Iterator[object]:
    """Install a language for one test; the shared QApplication is left as it was."""

    def use(code: str) -> translators.Active:
        translators.uninstall(qapp)
        return translators.install(qapp, code)

    yield use
    translators.uninstall(qapp)


# -- complete and compiled ------------------------------------------------------------------------


def test_catalogues_are_complete_and_compiled() -> None:
    """lupdate over the source finds nothing new or gone, nothing is unfinished, every .qm is
    what lrelease makes of its .ts (run `make translations` after changing a text)."""
    assert catalogues.problems() == []


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the catalogues the check looks at instead of the committed ones."""
    folder = tmp_path / "translations"
    shutil.copytree(i18n.catalogue_path("de").parent, folder)
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    return folder


def _edit_first_message(ts: Path, change) -> None:
    tree = ET.parse(ts)  # noqa: S314 - our own catalogue
    message = next(tree.getroot().iter("message"))
    change(tree.getroot(), message)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def test_the_check_finds_an_unfinished_entry(scratch: Path) -> None:
    def unfinish(_root: ET.Element, message: ET.Element) -> None:
        message.find("translation").set("type", "unfinished")

    _edit_first_message(scratch / "partner-desk_zh_TW.ts", unfinish)
    found = catalogues.problems()
    assert any(p.startswith("partner-desk_zh_TW.ts: unfinished:") for p in found), found


def test_the_check_finds_a_missing_entry(scratch: Path) -> None:
    def remove(root: ET.Element, message: ET.Element) -> None:
        for context in root.iter("context"):
            if message in list(context):
                context.remove(message)

    _edit_first_message(scratch / "partner-desk_de.ts", remove)
    found = catalogues.problems()
    assert any(p.startswith("partner-desk_de.ts: not in the catalogue:") for p in found), found


def test_the_check_finds_a_stale_qm(scratch: Path) -> None:
    def retranslate(_root: ET.Element, message: ET.Element) -> None:
        message.find("translation").text = "geändert"

    _edit_first_message(scratch / "partner-desk_de.ts", retranslate)
    assert "partner-desk_de.qm is older than partner-desk_de.ts: run 'make translations'" in (
        catalogues.problems()
    )


# -- loaded ---------------------------------------------------------------------------------------


def test_english_spells_out_its_plurals(language) -> None:
    active = language("en")
    assert active.catalogue
    assert active.wire == "en-US"
    assert translate("CustomerList", "%Ln customer(s)", "", 1) == "1 customer"
    assert translate("CustomerList", "%Ln customer(s)", "", 5) == "5 customers"
    assert translate("HealthPane", "%n service(s) degraded or down", "", 1) == (
        "1 service degraded or down"
    )
    assert translators.self_check() == []


def test_german_with_qt_s_own_texts_and_german_numbers(language) -> None:
    active = language("de")
    assert (active.code, active.wire, active.catalogue, active.qt_catalogue) == (
        "de",
        "de-DE",
        True,
        True,
    )
    assert translate("MainWindow", "Service &health") == "&Dienstintegrität"
    assert translate("CustomerList", "%Ln customer(s)", "", 1) == "1 Kunde"
    assert translate("CustomerList", "%Ln customer(s)", "", 1234) == "1.234 Kunden"
    assert translate("QPlatformTheme", "Cancel") == "Abbrechen"  # from qtbase_de.qm
    assert QLocale().toString(1234567) == "1.234.567"
    assert translators.self_check() == []


def test_traditional_chinese(language) -> None:
    active = language("zh_TW")
    assert active.wire == "zh-TW"
    assert active.qt_catalogue
    assert translate("MainWindow", "Service &health") == "服務健康情況(&H)"
    assert translate("CustomerList", "%Ln customer(s)", "", 3) == "3 位客戶"
    assert QLocale().name() == "zh_TW"
    assert translators.self_check() == []


def test_marked_texts_are_found_under_the_context_they_are_looked_up_in(qapp) -> None:
    """Column headers, status labels and the filing's texts are marked in one place and
    translated in another: the context must be the same in both, or they stay English."""
    from desktop.qt import words
    from desktop.qt.models import customers, health, incidents, incidents_now, portals, requests
    from desktop.qt.models.table import TR_CONTEXT

    german = QTranslator()
    assert german.load(str(i18n.catalogue_path("de")))
    models = [
        customers.CustomerTableModel(),
        incidents_now.IncidentsNowModel(),
        health.ServiceHealthModel(),
        incidents.IssueTableModel(),
        portals.PortalModel(),
        requests.ServiceRequestModel(),
    ]
    missing = [
        (TR_CONTEXT, column.header)
        for model in models
        for column in model._columns
        if not german.translate(TR_CONTEXT, column.header)
    ]
    tables = (words._SEVERITY, words._FAILURE, words._STATUS, words._GDAP_STATUS)
    missing += [
        ("Words", s) for table in tables for s in table.values() if not german.translate("Words", s)
    ]
    bad = Draft.new("t", "n", title="", severity="x", description="", contact_email="@", cc="x")
    texts = [*SEVERITIES.values(), *(p.template for p in validate(bad))]
    missing += [("filing", t) for t in texts if not german.translate("filing", t)]
    assert missing == []


# -- the pseudo-locale ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kept",
    [
        "%n",
        "%Ln",
        "%1",
        "%L2",
        "%p",
        "{0}",
        "{name}",
        "<b>",
        "</b>",
        "&amp;",
        "&O",
        "(*.csv)",
        "\n",
    ],
)
def test_pseudo_keeps_placeholders_markup_and_mnemonics(kept: str) -> None:
    text = f"Open the portal {kept} of the customer"
    assert kept in i18n.pseudo(text)


def test_pseudo_is_longer_accented_and_bracketed() -> None:
    source = "Search name, domain or tenant ID"
    text = i18n.pseudo(source)
    assert text.startswith("[")
    assert text.endswith("]")
    assert len(text) >= 1.4 * len(source)
    assert not any(ch in text for ch in "aeiou")  # every ASCII vowel accented
    assert i18n.pseudo("") == ""


def test_the_pseudo_translator_translates_everything(language) -> None:
    active = language("pseudo")
    assert active.wire == "en-US"
    shown = translate("CustomerList", "%Ln customer(s)", "", 3)
    assert shown.startswith("[3 ")
    assert "çûšţöɱéŕ" in shown
    assert translate("QPlatformTheme", "Cancel").startswith("[Çåñçéļ")
    assert translators.self_check() == []


# -- which language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        ("de", ["zh-TW"], "de"),
        ("pseudo", ["de-DE"], "pseudo"),
        ("", ["de-CH", "en-US"], "de"),
        ("", ["zh-Hant-TW"], "zh_TW"),
        ("", ["zh-HK"], "zh_TW"),
        ("", ["zh-CN", "de-DE"], "de"),  # Simplified Chinese is not shipped
        ("", ["fr-FR"], "en"),
        ("", [], "en"),
    ],
)
def test_resolve(choice: str, system: list[str], expected: str) -> None:
    assert i18n.resolve(choice, system) == expected


def test_wire_locales() -> None:
    assert [i18n.wire_locale(c) for c in ("en", "de", "zh_TW", "pseudo")] == [
        "en-US",
        "de-DE",
        "zh-TW",
        "en-US",
    ]


def test_the_command_line_offers_each_shipped_language() -> None:
    from desktop.gui_args import build_parser

    for code in i18n.CHOICES:
        assert build_parser().parse_args(["--lang", code]).lang == code
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "ja"])
