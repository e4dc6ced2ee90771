"""Entry point for ``python -m jobtracker``."""

import sys

from jobtracker.cli import main

sys.exit(main())
