"""Small shared pieces: background work, combos, completers, item views, icons, formatting."""
