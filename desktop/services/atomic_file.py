"""Files the user asked for (exports, reviews), written whole or not at all. No Qt.

`partner-desk export --out FILE` used to write `FILE.partial`, then rename it: a predictable name
in a folder others may write (a shared or temporary folder), where a symlink planted under that
name sent the export to wherever it pointed (issue 16). Here the temporary file is made by
`tempfile.mkstemp` in the target's folder: a random name opened with O_CREAT | O_EXCL (a
planted file or link is never opened, never written through) and mode 0600 (nobody else reads
the export while it is written, nor after: it stays the user's). It is flushed to the disk,
then renamed over the target with `os.replace`, which replaces a link at the target rather than
following it. A failure, a cancel or Ctrl+C removes the temporary file and leaves the target
as it was.

One writer for every such file: the command line's exports, the dashboard's export and the
post-incident review download.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_binary", "atomic_text", "write_bytes", "write_text"]


@contextlib.contextmanager
def _temporary(path: Path) -> Iterator[int]:
    """A new file beside `path` (its descriptor), renamed to `path` when the block ends
    normally and removed otherwise."""
    target = Path(path)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        yield fd
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def atomic_text(path: Path, encoding: str = "utf-8", newline: str = "") -> Iterator[IO[str]]:
    """A text stream whose content becomes `path` when the block ends without an error."""
    with _temporary(path) as fd, os.fdopen(fd, "w", encoding=encoding, newline=newline) as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


@contextlib.contextmanager
def atomic_binary(path: Path) -> Iterator[IO[bytes]]:
    """A binary stream whose content becomes `path` when the block ends without an error."""
    with _temporary(path) as fd, os.fdopen(fd, "wb") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_text(path, encoding) as out:
        out.write(text)


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_binary(path) as out:
        out.write(data)
