"""Files in and out: CSV, JSON backup (later iCalendar, vCard)."""
