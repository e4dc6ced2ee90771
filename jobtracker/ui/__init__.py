"""The Qt desktop application: every module that imports PySide6 lives in this package."""
