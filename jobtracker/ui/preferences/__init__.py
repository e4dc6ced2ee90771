"""The Preferences dialog and its pages (general, stages, backups, mail accounts)."""
