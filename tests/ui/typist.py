"""Child process for the crash test: types into the real dialog, or restores the draft.

    python typist.py type PATH     # types typist.json key by key, printing "typed N"
    python typist.py restore PATH  # prints the newest draft in PATH as JSON
The sandbox is not needed: support topics fail fast (nothing listens), so the product field is
free text, which also exercises that path.
"""

from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import asdict
from pathlib import Path

import qasync
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.auth import AuthError, FailedSignIn
from desktop.config.clouds import sandbox_profile
from desktop.qt.worker import Worker
from desktop.services.backend import Backend
from desktop.store import Draft, DraftStore
from desktop.ui.dialogs.new_request import NewRequestDialog
from tests.ui.driving import holder_for

TEXT = json.loads(Path(__file__).with_suffix(".json").read_text())


async def type_into(store: DraftStore) -> None:
    worker = Worker()
    holder = holder_for(
        worker=worker,
        backend=Backend(
            sandbox_profile("https://127.0.0.1:9"),
            FailedSignIn(AuthError("nothing is sent", "signed_out")),
        ),
        drafts=store,
    )
    dialog = NewRequestDialog(holder, store, Draft.new("tenant-1", "Contoso"))
    dialog.show()
    typed = 0
    for widget, text in ((dialog.title_edit, TEXT[0]), (dialog.description, TEXT[1])):
        for char in text:
            QTest.keyClicks(widget, char)
            typed += 1
            print(f"typed {typed}", flush=True)
            await asyncio.sleep(0.02)
    await asyncio.sleep(3600)  # wait to be killed


def main() -> None:
    mode, path = sys.argv[1], Path(sys.argv[2])
    store = DraftStore(path)
    if mode == "restore":
        drafts = store.all()
        print(json.dumps(asdict(drafts[0]) if drafts else {}))
        return
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(type_into(store))


if __name__ == "__main__":
    main()
