"""Files in and out: CSV, the JSON export, iCalendar, vCard, and text for the terminal."""
