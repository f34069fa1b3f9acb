"""Every example says where it comes from (examples/SOURCES.md), and every source row names a
file that is there, is JSON, and is exercised by a test."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import EXAMPLES

SOURCES = (EXAMPLES / "SOURCES.md").read_text(encoding="utf-8")
FILES = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.json"))
TESTS = "\n".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
# Rows: | `file.json` | page | read at | changes |, under a heading naming the folder.
ROW = re.compile(r"^\| `([a-z0-9_]+\.json)` \|(.*)$", re.M)


def _rows() -> dict[str, str]:
    rows: dict[str, str] = {}
    folder = ""
    for line in SOURCES.splitlines():
        heading = re.search(r"\(`([a-z_]+)/`\)", line) if line.startswith("## ") else None
        if heading:
            folder = heading.group(1)
        match = ROW.match(line)
        if match:
            rows[f"{folder}/{match.group(1)}"] = match.group(2)
    return rows


def test_every_example_has_a_source_row_and_every_row_a_file():
    assert FILES, "no examples found"
    assert sorted(_rows()) == FILES


def test_every_source_names_a_microsoft_page_or_says_none_is_published():
    for name, row in _rows().items():
        page = row.split("|")[0]
        assert "https://learn.microsoft.com/" in page or "https://docs.microsoft.com/" in page, name
        if "publishes no example" in row:
            assert "constructed" in row, name  # built by hand: the note says so
        else:
            assert re.search(r"[0-9a-f]{7,40}", row), f"{name}: no commit it was read at"


def test_every_example_is_json_and_used_by_a_test():
    for name in FILES:
        json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        assert f'"{name}"' in TESTS, f"{name} is not served by any test"
