"""installer/linux/trim_icu.py: which ICU data items stay, and a package that still reads."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "trim_icu", ROOT / "installer" / "linux" / "trim_icu.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trim_icu = _load()


def package(items: dict[str, bytes]) -> bytes:
    """A little-endian ICU common-data package, laid out as icupkg does."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\0\0\0\0")
    header = struct.pack("<H2s", 32, b"\xda\x27") + info
    header += b"\0" * (32 - len(header))
    names = [f"icudt73l/{name}".encode() + b"\0" for name in items]
    position = 4 + 8 * len(items) + sum(map(len, names))
    position += -position % 16
    table, blobs, name_at = [], b"", 4 + 8 * len(items)
    for name, blob in zip(names, items.values(), strict=True):
        table.append(struct.pack("<II", name_at, position + len(blobs)))
        name_at += len(name)
        blobs += blob + b"\0" * (-len(blob) % 16)
    body = struct.pack("<I", len(items)) + b"".join(table) + b"".join(names)
    return header + body + b"\0" * (-len(body) % 16) + blobs


def read(data: bytes) -> dict[str, bytes]:
    """name -> item bytes (padding included), as ICU finds them."""
    toc = data[struct.unpack_from("<H", data, 0)[0] :]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(toc)]
    return {
        toc[n : toc.index(b"\0", n)].decode().split("/", 1)[1]: toc[d:end]
        for (n, d), end in zip(entries, ends, strict=True)
    }


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/root.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/uts46.nrm", True),
        ("icudt73l/cnvalias.icu", True),
        ("icudt73l/zone/de.res", True),  # long time-zone names in the tables' tooltips
        ("icudt73l/zone/zh_Hant_TW.res", True),
        ("icudt73l/coll/root.res", True),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/brkitr/word.brk", True),
        ("icudt73l/de.res", False),
        ("icudt73l/zh_Hant_TW.res", False),
        ("icudt73l/unames.icu", False),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/coll/de__PHONEBOOK.res", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/curr/en.res", False),
        ("icudt73l/unit/root.res", False),
    ],
)
def test_keep_item(name: str, kept: bool) -> None:
    assert trim_icu.keep_item(name) is kept


def test_filter_package_keeps_the_kept_items_intact() -> None:
    items = {
        "coll/de.res": b"tailoring",
        "coll/root.res": b"root collation data",
        "de.res": b"x" * 40,
        "root.res": b"root",
        "zone/de.res": b"Mitteleuropaeische Normalzeit",
    }
    original = package(items)
    assert read(original) == {k: v + b"\0" * (-len(v) % 16) for k, v in items.items()}
    trimmed, kept, total = trim_icu.filter_package(original)
    assert (kept, total) == (3, 5)
    assert trimmed[:32] == original[:32]  # the header is unchanged
    found = read(trimmed)
    assert sorted(found) == ["coll/root.res", "root.res", "zone/de.res"]
    for name, blob in found.items():
        assert blob.rstrip(b"\0") == items[name]
    # ICU reads items in place: each starts 16-byte aligned.
    toc = trimmed[32:]
    offsets = [struct.unpack_from("<II", toc, 4 + 8 * i)[1] for i in range(kept)]
    assert all(offset % 16 == 0 for offset in offsets)


def test_filter_package_refuses_other_data() -> None:
    with pytest.raises(ValueError, match="ICU"):
        trim_icu.filter_package(b"\x20\x00\xda\x27" + b"\0" * 60)


@pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or any(shutil.which(tool) is None for tool in ("as", "ld", "nm", "readelf")),
    reason="Linux with binutils only (the wheels ship ICU on Linux only)",
)
def test_trim_the_real_library(tmp_path: Path) -> None:
    import PySide6

    libraries = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not libraries:
        pytest.skip("this PySide6 ships no ICU")
    result = trim_icu.trim(libraries[0], tmp_path)
    assert result.name == libraries[0].name
    assert result.stat().st_size < libraries[0].stat().st_size / 3
    symbol, data = trim_icu.read_package(result)
    assert symbol.startswith("icudt")
    names = read(data)
    assert {"root.res", "zoneinfo64.res", "zone/de.res", "coll/ucadata.icu"} <= set(names)
