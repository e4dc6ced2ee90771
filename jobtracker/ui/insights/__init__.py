"""Views that look across the search: Today, the dashboard and its charts, the calendar."""
