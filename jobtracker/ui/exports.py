"""File ▸ Export: interviews and tasks to an iCalendar file, contacts to vCards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jobtracker.tracker import Tracker


def export_ics(tracker: Tracker, path: Path) -> int:
    """Write every interview and dated task to ``path``; returns how many."""
    # Imported when used: icalendar costs about 0.2 s of start-up otherwise.
    from jobtracker.exchange.ics_export import write_ics

    entries = tracker.calendar_entries()
    with path.open("wb") as out:
        return write_ics(entries, out)


def export_vcards(tracker: Tracker, path: Path) -> int:
    """Write every contact to ``path``; returns how many."""
    from jobtracker.exchange.vcard_export import write_vcards

    with path.open("w", encoding="utf-8", newline="") as out:
        return write_vcards(tracker.list_contacts(), out)


def _ask(parent: QWidget, title: str, name: str, pattern: str, suffix: str) -> Path | None:
    chosen, _selected = QFileDialog.getSaveFileName(parent, title, name, pattern)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def export_ics_dialog(parent: QWidget, tracker: Tracker) -> Path | None:
    """Ask for a file and export the calendar to it; returns the file written."""
    path = _ask(parent, parent.tr("Export Interviews to Calendar"), "jobtracker.ics",
                parent.tr("iCalendar file (*.ics)"), ".ics")
    if path is None:
        return None
    try:
        count = export_ics(tracker, path)
    except OSError as error:
        QMessageBox.warning(parent, parent.tr("Not exported"), str(error))
        return None
    QMessageBox.information(parent, parent.tr("Exported"), parent.tr(
        "%1 interviews and tasks were written to %2.").replace("%1", str(count)).replace(
        "%2", str(path)))
    return path


def export_vcards_dialog(parent: QWidget, tracker: Tracker) -> Path | None:
    """Ask for a file and export the contacts to it; returns the file written."""
    path = _ask(parent, parent.tr("Export Contacts"), "contacts.vcf",
                parent.tr("vCard file (*.vcf)"), ".vcf")
    if path is None:
        return None
    try:
        count = export_vcards(tracker, path)
    except OSError as error:
        QMessageBox.warning(parent, parent.tr("Not exported"), str(error))
        return None
    QMessageBox.information(parent, parent.tr("Exported"), parent.tr(
        "%1 contacts were written to %2.").replace("%1", str(count)).replace("%2", str(path)))
    return path
