"""Partner Desk: a support console for Microsoft Cloud Solution Provider partners."""

# The one place the version is written: pyproject.toml reads it (hatch's dynamic version).
# Asking importlib.metadata instead slowed every start, before the first window.
__version__ = "0.1.0"
