"""`python -m desktop.i18n update|compile|check`: see `desktop.i18n.catalogues`."""

import sys

from desktop.i18n.catalogues import main

sys.exit(main())
