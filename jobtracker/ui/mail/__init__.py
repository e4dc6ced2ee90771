"""Mail in the window: scanning accounts, the Inbox of suggestions, the account dialog."""
