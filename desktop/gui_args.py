"""The GUI's command line: `partner-desk` with no command (desktop.gui runs what it asks).

Kept apart from desktop.gui so that the composition root stays a size one can read (issue 17:
no module in desktop/ over 500 lines).
"""

from __future__ import annotations

import argparse

from desktop import __version__
from desktop.config.i18n import CHOICES
from desktop.config.limits import GUI_CONCURRENCY
from desktop.gui_sandbox import DEFAULT_SANDBOX_CUSTOMERS

_HEADLESS_HELP = """\
headless commands (each has --help):
  partner-desk export         every customer's health, incidents, requests... as CSV or JSON
  partner-desk consent        allow Partner Desk in one customer or in every customer
  partner-desk request new    file a service request for a customer
  partner-desk request filed  note Microsoft's number of a request filed from a draft
  partner-desk drafts         the service-request drafts kept on this machine
  partner-desk clouds         the cloud profiles as JSON
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partner-desk",
        # Raw text (for the epilog's columns): the lines are broken here.
        description="Partner Desk: customers, service health, incidents, admin portals and\n"
        "service requests for Microsoft CSP partners. With no command it opens the window.",
        # Every headless command (desktop.app.HEADLESS; tests/test_help.py keeps them listed),
        # one a line: found here, not only in the README.
        epilog=_HEADLESS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"partner-desk {__version__}")
    parser.add_argument(
        "--sandbox-url", metavar="URL", help="attach to a running sandbox-compatible server"
    )
    parser.add_argument(
        "--customers",
        type=int,
        default=DEFAULT_SANDBOX_CUSTOMERS,
        help="customers in the embedded sandbox (default %(default)s)",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=GUI_CONCURRENCY,
        help="requests in flight during sweeps (default %(default)s)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, load a customer and every tab, then exit",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="no network: open the data of the last live run from the local cache "
        "(the embedded sandbox of --customers, --sandbox-url's server, or else the last "
        "account or sandbox used)",
    )
    parser.add_argument(
        "--lang",
        choices=CHOICES,
        help="the interface language for this run (default: the setting, else the system's); "
        "'pseudo' lengthens every text to test layouts",
    )
    parser.add_argument(
        "--open-customer",
        metavar="TENANT",
        help="select this customer (tenant id or default domain) once the list is in; with "
        "Partner Desk already running, its window does it",
    )
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    # bench/frozen_startup.py: print a line once the window is shown, then quit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    # bench/startup.py: print a line once the cached customer list is on screen, then quit.
    parser.add_argument("--startup-probe-cached", action="store_true", help=argparse.SUPPRESS)
    return parser
