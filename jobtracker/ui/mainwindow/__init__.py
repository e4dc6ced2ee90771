"""The main window and what runs around it: app start, single instance, reminders, errors."""
