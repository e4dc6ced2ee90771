"""Importing a posting from a URL into a new application."""
