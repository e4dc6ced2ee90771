"""JobTracker: an offline desktop tracker for a whole job search."""

__version__ = "0.1.0"
APP_NAME = "JobTracker"
