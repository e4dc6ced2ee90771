"""The Qt desktop application: every module that imports PySide6 lives in this package."""

from jobtracker.ui.none_guard import keep_none_alive

# Before any Qt call: see none_guard for the PySide6 6.12 / Python 3.11 reference leak.
keep_none_alive()
