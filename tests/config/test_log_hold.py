"""Records logged before the log file is attached (the GUI's start-up) reach it, in order."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.config.log_hold import Held, hold
from desktop.config.logs import setup_logging


@pytest.fixture
def clean_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    monkeypatch.setenv("PARTNER_DESK_HOME", str(tmp_path))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    root.handlers = []
    yield root
    for handler in root.handlers:
        handler.close()
    root.handlers = handlers
    root.setLevel(level)


def test_records_held_before_the_file_go_to_it_first_and_once(clean_root):
    log = logging.getLogger("desktop.test_log_hold")
    hold(logging.INFO)
    log.debug("below the level")
    log.info("before the file")
    stop = threading.Event()
    count = [0]

    def keep_logging() -> None:  # another thread logs while the file is attached
        while not stop.is_set() or count[0] < 50:
            count[0] += 1
            log.info("line %d", count[0])

    thread = threading.Thread(target=keep_logging)
    thread.start()
    path = setup_logging(logging.INFO)
    log.info("after the file")
    stop.set()
    thread.join(10)
    assert not any(isinstance(h, Held) for h in clean_root.handlers)
    lines = path.read_text(encoding="utf-8").splitlines()
    messages = [line.split(": ", 1)[1] for line in lines]
    assert "below the level" not in messages
    assert messages[0] == "before the file"
    numbered = [m for m in messages if m.startswith("line ")]
    assert numbered == [f"line {n}" for n in range(1, count[0] + 1)]  # each once, in order
    assert "after the file" in messages
