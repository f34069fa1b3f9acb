"""`python -m desktop` runs the app like the `partner-desk` script (and is PyInstaller's entry)."""

import sys

from desktop.app import main

sys.exit(main())
