"""Bare baselines: what the same work costs without JobTracker (raw sqlite3, bare PySide6)."""
