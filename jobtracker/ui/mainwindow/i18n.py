"""Typed translation markers that pyside6-lupdate recognises by name."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction under ``context``; translate it where it is shown."""
    del context  # only lupdate reads it
    return text
