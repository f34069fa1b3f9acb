"""Settings: round trip, atomic writes, and files that are broken, old or from the future."""

from __future__ import annotations

import json

import pytest

from desktop.config import settings as settings_mod
from desktop.config.settings import SCHEMA_VERSION, Settings, load, save


def test_defaults_when_there_is_no_file(tmp_path):
    s = load(tmp_path / "settings.json")
    assert s == Settings()
    assert s.cloud == "sandbox"
    assert s.client_id == ""  # no client id of anybody else's is built in
    assert s.problems == ()


def test_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    wanted = Settings(
        cloud="usgov",
        client_id="0b6f7a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b",
        tenant="contoso.onmicrosoft.com",
        account="agent@contoso.com",
        concurrency=16,
        language="de",
        allow_plaintext_token_cache=False,
    )
    save(wanted, path)
    assert load(path) == wanted
    assert json.loads(path.read_text())["version"] == SCHEMA_VERSION
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


@pytest.mark.parametrize("content", ["", "{", "[1, 2]", "null", "\x00\x01"])
def test_a_broken_file_gives_defaults_and_says_so(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content)
    s = load(path)
    assert s == Settings()
    assert s.problems


def test_bad_fields_are_reset_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {"version": 1, "cloud": "mars", "concurrency": 0, "language": "de", "tenant": "x y"}
        )
    )
    s = load(path)
    assert (s.cloud, s.concurrency, s.tenant) == (
        "sandbox",
        Settings().concurrency,
        "organizations",
    )
    assert s.language == "de"  # the good field survives
    assert len(s.problems) == 3


def test_a_newer_file_keeps_what_it_can(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 99, "cloud": "china", "future": {"x": 1}}))
    s = load(path)
    assert s.cloud == "china"
    assert any("newer" in p for p in s.problems)


def test_a_version_0_file_is_migrated(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"cloud": "global", "clientId": "0b6f7a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b"})
    )
    s = load(path)
    assert s.client_id == "0b6f7a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b"
    assert s.version == SCHEMA_VERSION


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save(Settings(cloud="global"), path)

    def boom(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(settings_mod.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        save(Settings(cloud="china"), path)
    assert load(path).cloud == "global"
    assert list(tmp_path.iterdir()) == [path]
