"""CSV formula injection after a separator (issue 16, item 9): German Excel reads a CSV with ";"
as its separator, so `Contoso;=cmd|' /C calc'!A0;` in one of our comma-separated cells became a
live formula cell of its own. Every way a spreadsheet may cut our file into cells is tried:
by ",", ";" or tab (quotes honoured, and naively without), and line by line."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.sandbox import Sandbox
from desktop.services.export import render

ATTACK = "Contoso;=cmd|' /C calc'!A0;"
HOSTILE = [
    ATTACK,
    "Contoso,=1+1",
    "Contoso\t=1+1",
    "Contoso\n=1+1",
    "Contoso\r\n@SUM(1+1)*cmd|' /C calc'!A0",
    'Contoso; "=HYPERLINK(""https://evil.example"")"',
    "Contoso;   -2+3+cmd|' /C calc'!A0",
    "Contoso;+cmd|' /C calc'!A0",
    "Contoso;\x00=1+1",
    "Contoso;\t=1+1",
    ";=1;=2;;=3",
    "=1;=2",
    '"=1+1"',
    " =1+1",
]
# What a spreadsheet may skip at the start of a cell before it looks for a formula.
SKIPPED = ' "\t\r\n\x00'
FORMULA = ("=", "+", "-", "@")


def cells_as_read(text: str) -> Iterator[tuple[str, str]]:
    """(how it was read, cell) for every cell of `text` as each kind of reader cuts it."""
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for cell in row:
                yield f"csv {delimiter!r}", cell
    for line in re.split(r"\r\n|\r|\n", text):
        for delimiter in (",", ";", "\t"):
            for cell in line.split(delimiter):
                yield f"naive {delimiter!r}", cell


def live_formulas(text: str) -> list[tuple[str, str]]:
    return [
        (how, cell[:60])
        for how, cell in cells_as_read(text)
        if cell.lstrip(SKIPPED).startswith(FORMULA)
    ]


def customers_csv(name: str) -> str:
    rows = [
        {
            "tenantId": "3b33e682-00c3-41ee-9dd2-a548adf56438",
            "companyName": name,
            "domain": "contoso.onmicrosoft.com",
            "relationship": "reseller",
        }
    ]
    return render(rows, "customers", "csv")


@pytest.mark.parametrize("name", HOSTILE, ids=repr)
def test_no_reader_finds_a_formula(name: str) -> None:
    text = customers_csv(name)
    assert live_formulas(text) == []
    # Read as written (commas, quotes honoured), the name is intact but for the quotes added.
    shown = list(csv.reader(io.StringIO(text, newline="")))[1][1]
    assert shown.replace("'", "") == name.replace("'", "")


def test_the_attack_reads_as_text_in_german_excel() -> None:
    text = customers_csv(ATTACK)
    cells = next(
        row
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=";")
        if "'=cmd" in "".join(row)
    )
    assert any(cell.startswith("'=cmd|") for cell in cells), cells


def test_a_name_without_formula_characters_is_unchanged() -> None:
    for name in ("Contoso; Fabrikam, Ltd", "Müller & Söhne KG\tBerlin", "a=b", "x;y\nz"):
        shown = list(csv.reader(io.StringIO(customers_csv(name), newline="")))[1][1]
        assert shown == name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="=+-@;,\t\r\n \"'\x00ab|!", max_size=24))
def test_any_mix_of_separators_and_formula_characters(name: str) -> None:
    text = customers_csv(name)
    assert live_formulas(text) == []
    shown = list(csv.reader(io.StringIO(text, newline="")))[1][1]
    assert shown.replace("'", "") == name.replace("'", "")


# -- end to end: `partner-desk export` of a sandbox whose customer carries the attack ---------


def test_export_writes_no_formula_for_any_separator(tmp_path: Path) -> None:
    out = tmp_path / "customers.csv"
    with Sandbox(customers=3, seed=5, company_names={0: ATTACK, 1: "Fabrikam,@SUM(1)"}) as sb:
        code = main(["export", "customers", "--sandbox-url", sb.url, "--out", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "calc" in text  # the name was exported
    assert live_formulas(text) == []
