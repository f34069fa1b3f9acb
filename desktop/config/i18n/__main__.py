"""`python -m desktop.config.i18n update|compile|check`: see `desktop.config.i18n.catalogues`."""

import sys

from desktop.config.i18n.catalogues import main

sys.exit(main())
