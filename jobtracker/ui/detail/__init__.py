"""The detail pane of one application: details, timeline, interviews, notes, tasks, posting."""
