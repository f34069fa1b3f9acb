"""The translation commands, kept out of the app's start-up (they need lupdate and lrelease):

    uv run python -m desktop.config.i18n update   # lupdate: desktop/ into resources/translations
    uv run python -m desktop.config.i18n compile  # lrelease: every .ts to its .qm (both committed)
    uv run python -m desktop.config.i18n check    # exit 1: a .ts unfinished/stale or a .qm stale

`make translations` runs update and compile. The .qm files are committed, so a fresh clone runs
translated without Qt's tools; `tests/i18n/test_catalogues.py` fails when they are stale.
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.config.i18n import LANGUAGE_INFO, TRANSLATED, catalogue_path
from desktop.config.resources import translations_dir

ROOT = Path(__file__).resolve().parents[3]
SOURCES = ROOT / "desktop"


def ts_files() -> dict[str, Path]:
    """Every catalogue source by language code: the translated ones and English."""
    return {code: catalogue_path(code, ".ts") for code in ("en", *TRANSLATED)}


def _tool(name: str) -> str:
    """PySide6's lupdate/lrelease: the venv's entry point beside this Python, else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return f"pyside6-{name}"


def source_files(root: Path = SOURCES) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path, code: str, sources: Sequence[Path] | None = None) -> None:
    """Merge the messages of `sources` (default: desktop/) into `ts`, dropping vanished ones."""
    files = [str(p) for p in (sources if sources is not None else source_files())]
    command = [
        _tool("lupdate"),
        "-silent",
        "-extensions",
        "py",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en_US",
        "-target-language",
        LANGUAGE_INFO[code].qt_locale,
    ]
    if code == "en":
        command.append("-pluralonly")
    subprocess.run([*command, *files, "-ts", str(ts)], check=True)  # noqa: S603 - our own tool


def lrelease(ts: Path, qm: Path) -> None:
    command = [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True)  # noqa: S603 - our own tool and files


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool


def read_ts(path: Path) -> dict[Message, list[str] | None]:
    """Every message of a .ts and its translation forms; None when unfinished or empty."""
    messages: dict[Message, list[str] | None] = {}
    # Our own catalogues, from this checkout: not untrusted input.
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            numerus = message.get("numerus") == "yes"
            key = Message(
                name, message.findtext("source") or "", message.findtext("comment") or "", numerus
            )
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                messages[key] = None
                continue
            if numerus:
                forms = [form.text or "" for form in translation.iter("numerusform")]
            else:
                forms = [translation.text or ""]
            messages[key] = forms if forms and all(forms) else None
    return messages


def problems(root: Path = ROOT) -> list[str]:
    """What is wrong with the committed catalogues, as sentences; empty when all is well."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for code, ts in ts_files().items():
            if not ts.exists():
                found.append(f"{ts.name} is missing: run 'make translations-update'")
                continue
            committed = read_ts(ts)
            fresh_ts = folder / ts.name
            fresh_ts.write_bytes(ts.read_bytes())
            lupdate(fresh_ts, code)
            fresh = read_ts(fresh_ts)
            for message in sorted(set(fresh) - set(committed), key=repr):
                found.append(
                    f"{ts.name}: not in the catalogue: {message.context}: {message.source!r}"
                )
            for message in sorted(set(committed) - set(fresh), key=repr):
                found.append(
                    f"{ts.name}: no longer in the source: {message.context}: {message.source!r}"
                )
            for message, forms in sorted(committed.items(), key=lambda kv: repr(kv[0])):
                if forms is None:
                    found.append(f"{ts.name}: unfinished: {message.context}: {message.source!r}")
            qm = ts.with_suffix(".qm")
            fresh_qm = folder / qm.name
            lrelease(ts, fresh_qm)
            if not qm.exists():
                found.append(f"{qm.name} is missing: run 'make translations'")
            elif not filecmp.cmp(qm, fresh_qm, shallow=False):
                found.append(f"{qm.name} is older than {ts.name}: run 'make translations'")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop.config.i18n", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("update", "compile", "check"))
    args = parser.parse_args(argv)
    if args.command == "update":
        translations_dir().mkdir(parents=True, exist_ok=True)
        for code, ts in ts_files().items():
            lupdate(ts, code)
            print(f"updated {ts.relative_to(ROOT)}")
        return 0
    if args.command == "compile":
        for ts in ts_files().values():
            lrelease(ts, ts.with_suffix(".qm"))
            print(f"compiled {ts.with_suffix('.qm').relative_to(ROOT)}")
        return 0
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    if not found:
        print("translations complete and compiled")
    return 1 if found else 0
