"""An import-linter contract the built-in ones cannot express: no import of a SUBMODULE of an
external package (`desktop.qt` may use QtCore and QtGui, never `PySide6.QtWidgets`).

import-linter squashes an external package into one node (`PySide6`), so its `forbidden`
contract accepts only whole packages. This one reads the import statements themselves: every
module the sources import, directly or through other modules of the project, is checked for a
statement that names a forbidden submodule (`from PySide6.QtWidgets import ...`,
`from PySide6 import QtWidgets`, `import PySide6.QtWidgets`), inside functions too. Registered
in pyproject.toml (`contract_types`); `lint-imports` runs from the repository root, which
import-linter puts on `sys.path`.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def imported_names(tree: ast.Module, line: int) -> Iterator[str]:
    """The dotted names the import statement starting at `line` brings in."""
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) != line:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


class ForbiddenSubmoduleContract(Contract):
    """`source_modules` (and their descendants) import no `forbidden_submodules`, even through
    other modules of the project."""

    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_submodules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        sources: set[str] = set()
        for source in self.source_modules:
            sources |= {source, *graph.find_descendants(source)}
        roots = {source.split(".")[0] for source in self.source_modules}
        reached: dict[str, str] = {}  # project module -> a source that reaches it
        for source in sorted(sources):
            for module in [source, *sorted(graph.find_upstream_modules(source))]:
                if module.split(".")[0] in roots:
                    reached.setdefault(module, source)
        externals = {item.split(".")[0] for item in self.forbidden_submodules}
        found: list[dict[str, Any]] = []
        trees: dict[str, ast.Module] = {}
        for module, source in sorted(reached.items()):
            for external in sorted(externals):
                if external not in graph.modules:
                    continue
                for detail in graph.get_import_details(importer=module, imported=external):
                    if module not in trees:
                        trees[module] = _parse(module)
                    names = set(imported_names(trees[module], detail["line_number"]))
                    for forbidden in self.forbidden_submodules:
                        if any(_within(name, forbidden) for name in names):
                            chain = (
                                graph.find_shortest_chain(importer=source, imported=module)
                                if module != source
                                else None
                            )
                            found.append(
                                {
                                    "source": source,
                                    "chain": list(chain) if chain else [module],
                                    "line_number": detail["line_number"],
                                    "line_contents": detail["line_contents"],
                                    "forbidden": forbidden,
                                }
                            )
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for item in check.metadata["found"]:
            output.print_error(f"{item['source']} is not allowed to import {item['forbidden']}:")
            output.new_line()
            path = " -> ".join(item["chain"])
            output.print_error(
                f"-   {path}: line {item['line_number']}: {item['line_contents']}", bold=False
            )
            output.new_line()


def _parse(module: str) -> ast.Module:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise LookupError(f"no source for {module}")
    return ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
