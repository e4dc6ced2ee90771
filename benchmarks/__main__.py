"""``python -m benchmarks``: every case, interleaved A/B, a table of medians and ratios."""

import sys

from benchmarks.cases import main

sys.exit(main())
