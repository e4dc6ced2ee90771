"""Reading the user's own mailbox over IMAP, locally, into suggested stage changes (no Qt)."""
