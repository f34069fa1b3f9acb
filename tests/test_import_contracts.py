"""The project's own import-linter contract (tests/contracts.py) breaks when it should."""

from __future__ import annotations

import textwrap
from pathlib import Path

import grimp
import pytest

from tests.contracts import ForbiddenSubmoduleContract


def _package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def _check(root: Path, monkeypatch: pytest.MonkeyPatch, package: str) -> list[dict[str, object]]:
    monkeypatch.syspath_prepend(str(root))
    graph = grimp.build_graph(package, include_external_packages=True, cache_dir=None)
    contract = ForbiddenSubmoduleContract(
        name="no widgets",
        session_options={},
        contract_options={
            "source_modules": [f"{package}.qt"],
            "forbidden_submodules": ["PySide6.QtWidgets"],
        },
    )
    found: list[dict[str, object]] = contract.check(graph, verbose=False).metadata["found"]
    return found


def test_a_widget_import_through_another_module_inside_a_function_breaks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package(
        tmp_path,
        {
            "pkg_broken/__init__.py": "",
            "pkg_broken/qt/__init__.py": "",
            "pkg_broken/qt/model.py": "from pkg_broken import helper\n",
            "pkg_broken/helper.py": """
                from PySide6.QtCore import QObject


                def make() -> None:
                    from PySide6 import (
                        QtWidgets,
                    )
            """,
        },
    )
    found = _check(tmp_path, monkeypatch, "pkg_broken")
    assert [(item["source"], item["chain"]) for item in found] == [
        ("pkg_broken.qt.model", ["pkg_broken.qt.model", "pkg_broken.helper"])
    ]


def test_qtcore_and_qtgui_keep_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _package(
        tmp_path,
        {
            "pkg_kept/__init__.py": "",
            "pkg_kept/qt/__init__.py": "import PySide6.QtCore\n",
            "pkg_kept/qt/model.py": "from PySide6.QtGui import QIcon\nfrom PySide6 import QtCore\n",
            "pkg_kept/ui.py": "from PySide6.QtWidgets import QWidget\n",
        },
    )
    assert _check(tmp_path, monkeypatch, "pkg_kept") == []
