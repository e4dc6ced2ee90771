"""Generated from ui/*.ui and resources/jobtracker.qrc; do not edit."""
