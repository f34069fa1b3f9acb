"""The Tags dialog's explanation is read whole in every language (issue 18, defect 16): its
second line was cut off, the dialog sized for one line of a wrapped label."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from desktop.ui.scope import TagsDialog


@pytest.mark.parametrize("language", ["en", "de", "zh_TW"], indirect=True)
@pytest.mark.parametrize("width", [440, 300])
def test_the_label_is_never_cut_off(qtbot, language: object, width: int) -> None:
    dialog = TagsDialog("Contoso Pharmaceuticals", ["VIP"], ["VIP", "Berlin"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(width, dialog.height())
    caption = dialog.findChild(QLabel)
    assert caption is not None
    assert caption.wordWrap()
    qtbot.waitUntil(lambda: caption.width() <= width)
    # As tall as its wrapped lines need at the width it has.
    qtbot.waitUntil(
        lambda: caption.height() >= caption.heightForWidth(caption.width()), timeout=5000
    )
    # And the dialog grows to hold them: the line edit below the label, not over it.
    qtbot.waitUntil(
        lambda: dialog.edit.geometry().top() > caption.geometry().bottom(), timeout=5000
    )
