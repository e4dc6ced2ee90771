"""File ▸ Export: interviews and tasks to an iCalendar file, contacts to vCards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jobtracker.errors import JobTrackerError
from jobtracker.paths import refuse_database_target
from jobtracker.tracker import Tracker
from jobtracker.ui.widgets.formatting import literal


def export_ics(tracker: Tracker, path: Path) -> int:
    """Write every interview and dated task to ``path``; returns how many."""
    # Imported when used: icalendar costs about 0.2 s of start-up otherwise.
    from jobtracker.exchange.ics_export import write_ics
    from jobtracker.exchange.whole_file import whole_binary_file

    refuse_database_target(path, tracker.db.path)
    entries = tracker.calendar_entries()
    with whole_binary_file(path) as out:  # never half a file, nor a clobbered old one
        return write_ics(entries, out)


def export_vcards(tracker: Tracker, path: Path) -> int:
    """Write every contact to ``path``; returns how many."""
    from jobtracker.exchange.vcard_export import write_vcards
    from jobtracker.exchange.whole_file import whole_text_file

    refuse_database_target(path, tracker.db.path)
    contacts = tracker.list_contacts()
    with whole_text_file(path, newline="") as out:  # never half a file, nor a clobbered old one
        return write_vcards(contacts, out)


def _failure(error: OSError | JobTrackerError) -> str:
    """One plain line for a failed export; a full disk says which and how much is free."""
    from jobtracker.diskspace import full_folder, full_message, no_room

    full = no_room(error)
    if full is not None:
        return full_message(full, full_folder(full, None))
    return str(error)


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
    except (OSError, JobTrackerError) as error:
        QMessageBox.warning(parent, parent.tr("Not exported"), literal(_failure(error)))
        return None
    QMessageBox.information(parent, parent.tr("Exported"), literal(parent.tr(
        "%1 interviews and tasks were written to %2.").replace("%1", str(count)).replace(
        "%2", str(path))))
    return path


def export_vcards_dialog(parent: QWidget, tracker: Tracker) -> Path | None:
    """Ask for a file and export the contacts to it; returns the file written."""
    path = _ask(parent, parent.tr("Export Contacts"), "contacts.vcf",
                parent.tr("vCard file (*.vcf)"), ".vcf")
    if path is None:
        return None
    try:
        count = export_vcards(tracker, path)
    except (OSError, JobTrackerError) as error:
        QMessageBox.warning(parent, parent.tr("Not exported"), literal(_failure(error)))
        return None
    QMessageBox.information(parent, parent.tr("Exported"), literal(parent.tr(
        "%1 contacts were written to %2.").replace("%1", str(count)).replace("%2", str(path))))
    return path
