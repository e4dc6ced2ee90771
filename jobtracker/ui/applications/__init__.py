"""The applications: table and model, board, delegates, new-application dialog, trash."""
