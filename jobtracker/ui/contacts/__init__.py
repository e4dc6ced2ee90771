"""The Contacts view: every person met, their model and their dialog."""
