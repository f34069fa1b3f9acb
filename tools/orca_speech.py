"""A speech server for Orca that writes what Orca would say to a file instead of speaking.

tools/screen_reader_walk.py copies it next to Orca's preferences and names it as Orca's
`speechServerFactory`: Orca imports it with its own Python (/usr/bin/python3, where the `orca`
package is), never the project's venv. Each utterance is one line: the time (CLOCK_MONOTONIC,
the clock the walk reads too), a tab, the kind, a tab, the text, to the file named by
ORCA_TRANSCRIPT. No speech-dispatcher is started: the walk runs where there is no sound.
"""

from __future__ import annotations

import os
import time
from typing import Any

from orca import speechserver


def _write(kind: str, text: object) -> None:
    line = " ".join(str(text).split())
    if not line:
        return
    with open(os.environ["ORCA_TRANSCRIPT"], "a", encoding="utf-8") as out:
        out.write(f"{time.monotonic():.3f}\t{kind}\t{line}\n")


class SpeechServer(speechserver.SpeechServer):  # type: ignore[misc]
    """What Orca's speech module asks of a server; everything but speech is a no-op."""

    _only: SpeechServer | None = None

    @staticmethod
    def getFactoryName() -> str:
        return "Transcript"

    @staticmethod
    def getSpeechServers() -> list[SpeechServer]:
        return [SpeechServer.getSpeechServer()]

    @staticmethod
    def getSpeechServer(info: Any = None) -> SpeechServer:
        if SpeechServer._only is None:
            SpeechServer._only = SpeechServer()
        return SpeechServer._only

    @staticmethod
    def shutdownActiveServers() -> None:
        pass

    def getInfo(self) -> list[str]:
        return ["Transcript", "transcript"]

    def getVoiceFamilies(self) -> list[Any]:
        return []

    def speak(self, text: Any = None, acss: Any = None, interrupt: bool = True) -> None:
        if text is not None:
            _write("say", text)

    def speakCharacter(self, character: Any, acss: Any = None) -> None:
        _write("char", character)

    def speakKeyEvent(self, event: Any, acss: Any = None) -> None:
        _write("key", getattr(event, "event_string", event))

    def sayAll(self, utteranceIterator: Any, progressCallback: Any) -> None:
        for context, _acss in utteranceIterator:
            _write("say", context.utterance)
