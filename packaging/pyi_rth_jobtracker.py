"""PyInstaller runtime hook: runs in the frozen app before ``jobtracker``'s own code.

Alembic imports the migration scripts from source files inside the bundle; without this,
Python would write ``__pycache__`` folders into the installed app (``/opt/jobtracker``), which
a package removal then leaves behind, and which a read-only install cannot hold anyway.
"""

import sys

sys.dont_write_bytecode = True
