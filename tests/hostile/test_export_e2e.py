"""End to end: hostile company names served by the sandbox over HTTP, read by the clients and
written by `partner-desk export` to CSV and JSON files."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.parsing import clean_text
from desktop.sandbox import Sandbox
from desktop.services.export import COLUMNS

from .corpus import TEXT

NAMES = dict(enumerate(TEXT.values()))
# What a spreadsheet runs as a formula when a cell starts with it (OWASP CSV injection, plus
# NUL from OWASP ASVS 5.0 V1.2.10).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")


@pytest.fixture(autouse=True)
def _big_fields() -> Iterator[None]:
    """Python's csv reader refuses fields over 128 KB; the 1 MB names are meant to be read."""
    old = csv.field_size_limit(4 * 1024 * 1024)
    yield
    csv.field_size_limit(old)


@pytest.fixture(scope="module")
def hostile_sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=len(NAMES) + 2, seed=5, company_names=NAMES, consented="all") as sb:
        yield sb


def expected_names(sb: Sandbox) -> dict[str, str]:
    return {c.tenant_id: clean_text(c.company_name) for c in sb.data.customers}


def export(sb: Sandbox, what: str, fmt: str, out: Path) -> None:
    code = main(["export", what, "--format", fmt, "--sandbox-url", sb.url, "--out", str(out)])
    assert code in (0, 3)  # 3: some customers (no GDAP) failed, with error rows


def test_csv_export_neutralises_every_formula(hostile_sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "customers.csv"
    export(hostile_sandbox, "customers", "csv", out)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(COLUMNS["customers"])
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_START), repr(cell[:40])
    names = {row[0]: row[1] for row in rows[1:]}
    wanted = expected_names(hostile_sandbox)
    assert names.keys() == wanted.keys()
    for tenant, name in wanted.items():
        shown = names[tenant]
        # The value is intact: only quotes are added where a formula would start (at the
        # start, or after a separator: test_csv_separators.py).
        if name.startswith(FORMULA_START):
            assert shown.startswith("'"), repr(name[:40])
        assert shown.replace("'", "") == name.replace("'", ""), repr(name[:40])


def test_json_export_round_trips_every_name(hostile_sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "customers.json"
    export(hostile_sandbox, "customers", "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {d["tenantId"]: d["companyName"] for d in data} == expected_names(hostile_sandbox)


def test_health_export_carries_the_names_safely(hostile_sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "health.csv"
    export(hostile_sandbox, "health", "csv", out)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["tenantId"] for r in rows} == set(expected_names(hostile_sandbox))
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(FORMULA_START), repr(cell[:40])
