"""Only desktop/store touches SQLite: no other module imports sqlite3 or reaches for a store's
connection. Read from the sources (AST), so an import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent
STORE = PACKAGE / "store"

# What reaching into a connection looks like: its methods, and the names the stores keep it by.
CONNECTION_NAMES = frozenset(
    {
        "execute",
        "executemany",
        "executescript",
        "cursor",
        "_db",
        "_transaction",
        "_reading",
        "_commit",
    }
)


def outside_the_store() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if STORE not in p.parents)


def sqlite_uses(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [f"{where} imports {a.name}" for a in node.names if _sqlite(a.name)]
        elif isinstance(node, ast.ImportFrom) and _sqlite(node.module or ""):
            found.append(f"{where} imports from {node.module}")
        elif isinstance(node, ast.Attribute) and node.attr in CONNECTION_NAMES:
            found.append(f"{where} uses .{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "sqlite3":
            found.append(f"{where} names sqlite3")
    return found


def _sqlite(module: str) -> bool:
    return module.split(".")[0] in ("sqlite3", "_sqlite3")


def test_no_module_outside_the_store_touches_sqlite_or_a_connection():
    paths = outside_the_store()
    assert len(paths) > 100  # the whole package was read
    found = [use for path in paths for use in sqlite_uses(path)]
    assert found == []


def test_the_check_finds_what_it_looks_for():
    """The test above would pass on a reader that finds nothing: this one shows it finds."""
    sample = PACKAGE / "store" / "cache.py"
    found = sqlite_uses(sample)
    assert any("imports sqlite3" in use for use in found)
    assert any("uses ._db" in use for use in found)
    assert any("uses ._transaction" in use for use in found)
