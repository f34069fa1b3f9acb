"""The GUI composition root: what start-up does besides building the window."""

from __future__ import annotations

import gc

from desktop.gui import collect_again


def test_collection_resumes_after_start_up_with_start_up_objects_frozen():
    gc.disable()  # as `desktop.app.main` does before the GUI imports
    try:
        collect_again()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        frozen = gc.get_freeze_count()
        collect_again()  # already running: nothing more is frozen (frozen objects still die)
        assert gc.get_freeze_count() <= frozen
    finally:
        gc.enable()
        gc.unfreeze()
