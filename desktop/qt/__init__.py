"""Qt without widgets: the worker, app state objects, item models (DESIGN.md)."""
