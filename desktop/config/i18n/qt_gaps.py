"""Qt's own texts that Qt's catalogues lack in a language we ship, translated in ours.

Our catalogue is installed after Qt's (desktop.qt.translators.install), so Qt asks it first:
a message here, under Qt's context and with Qt's source text, replaces or completes Qt's. Found by
opening Qt's dialogs in each language (tests/ui/test_review_download.py checks the save
dialog): qtbase_zh_TW.qm has the file dialog's Qt 4 labels ("Look in:") but not Qt 6's, which
carry a mnemonic, so the save dialog said "Look in:" and "Files of type:" in English among
Chinese labels. German has them; ours say the same as Qt's.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for lupdate under Qt's own `context`."""
    return text


QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
