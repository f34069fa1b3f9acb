"""Rebuild Qt's ICU data library (`libicudata.so.NN`) with only the items Qt can use.

On Linux the PySide6 wheels ship ICU, and its data library is 32 MB: a quarter of the bundle.
Qt draws on ICU for case mapping, normalisation, collation (QCollator), time-zone names (the
"Central European Standard Time" in a long date, which the tables' tooltips show: kept in every
language) and the converters of legacy text encodings. Everything else in the data (currency,
language, region and unit names, number spell-out, transliteration, per-locale formats, the CJK
and South-East Asian word dictionaries) serves ICU's own formatting APIs, which Qt does not
call: Qt formats dates and numbers with its own CLDR tables. Dropped too: the 200 legacy code
pages (the app decodes text in Python, never through QStringDecoder) and per-language collation
tailorings (QCollator falls back to the root order; the app sorts in Python). What is left is
~6 MB; a lookup of a removed item falls back to ICU's root data, as for a locale ICU lacks.

Windows and macOS bundles are unaffected: there Qt uses the system's ICU or Foundation.

    python installer/linux/trim_icu.py LIBICUDATA OUT_DIR   # prints the new library's path

`build.spec` calls `trim()`; it needs binutils (`as`, `ld`, `nm`, `readelf`), which
PyInstaller needs on Linux anyway. Without them the caller keeps the original library.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

# Locale-specific resource bundles ("de.res", "zh_Hant_TW.res", "sr_Latn.res"); the shared
# ones are camelCase or longer words ("root", "pool", "supplementalData", "zoneinfo64").
_LOCALE_BUNDLE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res")
# Trees whose only users are ICU's formatting and transliteration APIs.
_DROPPED_TREES = {"curr", "lang", "region", "unit", "rbnf", "translit"}
# Per-locale collation tailorings fall back to the root collation, which stays.
_ROOT_ONLY_TREES = {"coll"}
_ALIGN = 16


def keep_item(name: str) -> bool:
    """Whether an item of the ICU data package (e.g. "icudt73l/coll/de.res") is kept."""
    parts = name.split("/")[1:]
    leaf = parts[-1]
    if len(parts) == 1:
        if leaf.endswith(".cnv"):  # legacy code pages; Qt's UTF-8/16/32 and Latin-1 are its own
            return False
        if leaf == "unames.icu":  # Unicode character names: u_charName, unused by Qt
            return False
        return not _LOCALE_BUNDLE.fullmatch(leaf)
    tree = parts[0]
    if tree in _DROPPED_TREES:
        return False
    if tree in _ROOT_ONLY_TREES:
        return not _LOCALE_BUNDLE.fullmatch(leaf)
    if tree == "brkitr":  # keep the break rules, drop the big word dictionaries
        return not leaf.endswith(".dict")
    return True


def _run(*command: str) -> str:
    # Fixed binutils commands on paths this module made or was given: no shell, no user input.
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603


def read_package(library: Path) -> tuple[str, bytes]:
    """The data symbol's name ("icudt73_dat") and its bytes, an ICU common-data package."""
    symbols = [
        line.split() for line in _run("nm", "-D", "-S", "--defined-only", str(library)).splitlines()
    ]
    value, size, name = next(
        (int(s[0], 16), int(s[1], 16), s[3])
        for s in symbols
        if len(s) == 4 and re.fullmatch(r"icudt\d+_dat", s[3])
    )
    for line in _run("readelf", "-lW", str(library)).splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, vaddr, filesz = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if vaddr <= value < vaddr + filesz:
                start = offset + value - vaddr
                return name, library.read_bytes()[start : start + size]
    raise ValueError(f"{library}: {name} is in no loaded segment")


def filter_package(data: bytes) -> tuple[bytes, int, int]:
    """A package with the kept items only; also (items kept, items before)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":  # magic, UDataInfo.dataFormat
        raise ValueError("not an ICU common data package")
    if data[8] != 0:  # UDataInfo.isBigEndian
        raise ValueError("only little-endian ICU data is handled")
    toc = data[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(toc)]
    items = []
    for (name_offset, data_offset), end in zip(entries, ends, strict=True):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        if keep_item(name):
            items.append((name.encode("ascii") + b"\0", toc[data_offset:end]))
    # Same layout as icupkg writes: count, (name, data) offset pairs, names, aligned items.
    names_start = 4 + 8 * len(items)
    names = b"".join(name for name, _ in items)
    position = names_start + len(names)
    position += -position % _ALIGN
    table, blobs = [], []
    name_position = names_start
    for name, blob in items:
        table.append(struct.pack("<II", name_position, position))
        name_position += len(name)
        padded = blob + b"\0" * (-len(blob) % _ALIGN)
        blobs.append(padded)
        position += len(padded)
    body = struct.pack("<I", len(items)) + b"".join(table) + names
    body += b"\0" * (-len(body) % _ALIGN)
    return data[:header_size] + body + b"".join(blobs), len(items), count


def trim(library: Path, out_dir: Path) -> Path:
    """Write the trimmed library under `out_dir` with the original's name; return its path."""
    for tool in ("as", "ld", "nm", "readelf"):
        if shutil.which(tool) is None:
            raise FileNotFoundError(f"{tool} (binutils) is needed to rebuild {library.name}")
    symbol, package = read_package(library)
    trimmed, kept, total = filter_package(package)
    out_dir.mkdir(parents=True, exist_ok=True)
    data_file = out_dir / f"{symbol}.bin"
    data_file.write_bytes(trimmed)
    source = out_dir / f"{symbol}.s"
    source.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, STT_OBJECT\n"
        f"\t.balign {_ALIGN}\n"
        f"{symbol}:\n"
        f'\t.incbin "{data_file}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",%progbits\n',
        encoding="ascii",
    )
    obj = out_dir / f"{symbol}.o"
    result = out_dir / library.name
    _run("as", "-o", str(obj), str(source))
    _run("ld", "-shared", "-z", "noexecstack", "-soname", library.name, "-o", str(result), str(obj))
    print(
        f"trim_icu: {library.name} {library.stat().st_size / 1e6:.1f} MB -> "
        f"{result.stat().st_size / 1e6:.1f} MB ({kept} of {total} items)"
    )
    return result


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
