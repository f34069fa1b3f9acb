"""Partner Desk: a support console for Microsoft Cloud Solution Provider partners."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("partner-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
