"""Drive the real app offscreen on sample data and write PNGs of each view to docs/screenshots/.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out DIR]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from jobtracker import demo, file_backups
from jobtracker.tracker import ApplicationInput, Tracker
from jobtracker.ui.applications.applications_view import CUSTOM
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.contacts.contact_dialog import ContactDialog
from jobtracker.ui.detail.interview_dialog import InterviewDialog
from jobtracker.ui.importing.import_url_dialog import ImportUrlDialog
from jobtracker.ui.mainwindow.app import make_application
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.preferences.preferences_dialog import PreferencesDialog
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets.theme import apply_theme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from damaged_shots import shoot_damaged
from insight_shots import shoot_insights
from mail_shots import shoot_mail

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)  # the window's default size


def settle(app: QApplication) -> None:
    """Let layouts, lazy fetches and repaints finish."""
    for _ in range(5):
        app.processEvents()


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    """Save a picture of ``widget``."""
    settle(app)
    widget.grab().save(str(path))
    print(path)


def shoot_dialog(app: QApplication, dialog: QDialog, path: Path) -> None:
    """Show a dialog modelessly, picture it, close it."""
    dialog.show()
    dialog.adjustSize()
    grab(app, dialog, path)
    dialog.close()


def make_sample(path: Path) -> Tracker:
    """A database with sample applications (contacts included) and one trashed application."""
    tracker = Tracker.open(path)
    demo.populate(tracker, 150, seed=0)
    trashed = tracker.add_application(ApplicationInput("Old posting", "Nimbus Labs"))
    tracker.delete_application(trashed)
    return tracker


POSTING_HTML = (
    "<p>Nimbus Labs builds the scheduling platform that 4,000 clinics rely on every day. "
    "We are looking for a <b>Platform Engineer</b> to make our deployments boring.</p>"
    "<h3>What you will do</h3><ul><li>Own our Kubernetes clusters and the CI/CD pipeline"
    "</li><li>Cut build times and cloud costs</li><li>Mentor two junior engineers</li></ul>"
    "<h3>What you bring</h3><ul><li>4+ years running production systems</li>"
    "<li>Terraform, Python or Go</li></ul>"
    '<p>Questions? <a href="https://nimbus.example/careers">See our careers page</a>.</p>'
    '<img src="https://tracker.example/pixel.gif">')
CHANGED_HTML = POSTING_HTML.replace("Mentor two junior engineers",
                                    "Mentor three junior engineers").replace(
    "<li>Terraform, Python or Go</li>", "<li>Terraform, Python or Go</li>"
    "<li>On-call one week in six</li>")


def posting_page(description: str) -> bytes:
    """A posting page with JSON-LD, as a job board would serve it."""
    data = {
        "@context": "https://schema.org/", "@type": "JobPosting", "title": "Platform Engineer",
        "description": description, "datePosted": "2026-11-20",
        "employmentType": "FULL_TIME", "jobLocationType": "TELECOMMUTE",
        "hiringOrganization": {"@type": "Organization", "name": "Nimbus Labs"},
        "applicantLocationRequirements": {"@type": "Country", "name": "Germany"},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                       "value": {"@type": "QuantitativeValue", "minValue": 70000,
                                 "maxValue": 85000, "unitText": "YEAR"}},
    }
    return (f"<html><head><title>Platform Engineer</title><script type=\"application/ld+json\">"
            f"{json.dumps(data)}</script></head><body></body></html>").encode()


@contextmanager
def posting_server(pages: dict[str, bytes]) -> Iterator[str]:
    """Serve ``pages`` on 127.0.0.1 (the screenshots import through the real fetch)."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, b"not found")
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def wait_for(app: QApplication, done: Callable[[], bool], limit: float = 15.0) -> None:
    """Process events until ``done()`` (a background fetch finished)."""
    end = time.monotonic() + limit
    while not done():
        if time.monotonic() > end:
            raise SystemExit("a fetch did not finish in time")
        app.processEvents()
        time.sleep(0.01)


def shoot_import(app: QApplication, window: MainWindow, theme: str, out: Path) -> None:
    """The Import from URL preview, its duplicate warning, and the Posting tab with changes."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        os.environ.pop(name, None)
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    pages = {"/jobs/platform-engineer": posting_page(POSTING_HTML)}
    with posting_server(pages) as origin:
        url = f"{origin}/jobs/platform-engineer"
        dialog: ImportUrlDialog = window.import_from_url(url)
        dialog.fetch()
        wait_for(app, lambda: not dialog.fetching)
        grab(app, dialog, out / f"import-preview-{theme}.png")
        dialog.save()
        settle(app)
        again = window.import_from_url(url)
        again.fetch()
        wait_for(app, lambda: not again.fetching)
        grab(app, again, out / f"import-duplicate-{theme}.png")
        again.reject()
        settle(app)
        pages["/jobs/platform-engineer"] = posting_page(CHANGED_HTML)
        window.detail.ui.tabs.setCurrentWidget(window.detail.ui.postingTab)
        posting = window.detail.posting
        posting.check_online()
        wait_for(app, lambda: posting.ui.checkOnlineButton.isEnabled())
        grab(app, window, out / f"posting-{theme}.png")
        window.detail.ui.tabs.setCurrentIndex(0)


def add_sample_tasks(window: MainWindow) -> None:
    """A few tasks on the selected application: overdue, upcoming, undated and done."""
    application_id = window.detail.application_id
    if application_id is None:
        return
    tracker = window.tracker
    today = tracker.today()
    for title, days in (("Send the take-home exercise", -2), ("Prepare system design", 3),
                        ("Ask about the on-call rota", None)):
        tracker.add_task(title, application_id=application_id,
                         due_on=None if days is None else today + dt.timedelta(days=days))
    done = tracker.add_task("Thank-you note to the panel", application_id=application_id,
                            due_on=today - dt.timedelta(days=4))
    tracker.set_task_done(done)
    window.refresh()


def shoot_theme(app: QApplication, theme: str, out: Path, work: Path) -> None:
    """Every view in one theme."""
    apply_theme(app, theme)
    settings = Settings(QSettings(str(work / f"settings-{theme}.ini"),
                                  QSettings.Format.IniFormat))
    empty = Tracker.open(work / f"empty-{theme}.db")
    window = MainWindow(empty, settings)
    window.resize(*SIZE)
    window.show()
    grab(app, window, out / f"empty-state-{theme}.png")
    window.close()
    empty.close()

    tracker = make_sample(work / f"sample-{theme}.db")
    window = MainWindow(tracker, settings)
    window.resize(*SIZE)
    window.show()
    settle(app)
    window.applications.table.selectRow(0)
    ui = window.detail.ui
    tabs = ui.tabs
    shots: list[tuple[str, Callable[[], object]]] = [
        ("applications", lambda: tabs.setCurrentWidget(ui.detailsTab)),
        ("timeline", lambda: window.detail.show_section("timeline")),
        ("interviews", lambda: window.detail.show_section("interviews")),
        ("tasks", lambda: window.detail.show_section("tasks")),
        ("notes", lambda: window.detail.show_section("notes")),
        ("linked-contacts", lambda: tabs.setCurrentWidget(ui.contactsTab)),
    ]
    # Pick an application with notes and interviews so those tabs show something.
    for row in range(window.applications.model.rowCount()):
        app_row = window.applications.model.application(row)
        if app_row.notes_count and app_row.next_interview:
            window.applications.table.selectRow(row)
            break
    add_sample_tasks(window)
    for name, prepare in shots:
        prepare()
        grab(app, window, out / f"{name}-{theme}.png")
    view = window.applications
    tabs.setCurrentWidget(ui.detailsTab)
    view.date_filter.setCurrentIndex(view.date_filter.findData(CUSTOM))
    view.applied_from_edit.setDate(view.applied_to_edit.date().addDays(-60))
    view.date_filter.activated.emit(view.date_filter.currentIndex())
    grab(app, window, out / f"custom-range-{theme}.png")
    view.date_filter.setCurrentIndex(0)
    view.date_filter.activated.emit(0)
    window.search.setText("data")
    window._apply_search()  # no need to wait for the debounce in a script
    grab(app, window, out / f"search-{theme}.png")
    window.search.clear()
    window._apply_search()
    window.show_view("contacts")
    grab(app, window, out / f"contacts-{theme}.png")
    window.show_view("trash")
    grab(app, window, out / f"trash-{theme}.png")
    window.show_view("applications")
    shoot_import(app, window, theme, out)

    shoot_dialog(app, NewApplicationDialog(lambda draft: 0, stages=tracker.stages(),
                                           companies=tracker.company_names(),
                                           today=dt.date.today(), follow_up_days=7,
                                           parent=window), out / f"new-application-{theme}.png")
    shoot_dialog(app, InterviewDialog(window), out / f"interview-dialog-{theme}.png")
    shoot_dialog(app, ContactDialog(window), out / f"contact-dialog-{theme}.png")
    prefs = PreferencesDialog(tracker, settings, window)
    prefs.show()
    grab(app, prefs, out / f"preferences-{theme}.png")
    prefs.ui.tabs.setCurrentIndex(1)
    grab(app, prefs, out / f"preferences-stages-{theme}.png")
    prefs.close()
    shoot_backups(app, window, settings, theme, out)
    window.close()
    window.tracker.close()


def shoot_backups(app: QApplication, window: MainWindow, settings: Settings, theme: str,
                  out: Path) -> None:
    """Preferences › Backups with a week of daily backups, a manual one and a pre-restore copy."""
    path = window.tracker.db.path
    now = dt.datetime.now().astimezone()
    for days in range(6, -1, -1):
        file_backups.backup_if_due(path, now=now - dt.timedelta(days=days, hours=days % 3))
    file_backups.make_backup(path, now=now - dt.timedelta(days=2, hours=-3))
    file_backups.make_backup(path, kind="pre-restore", now=now - dt.timedelta(days=4, hours=-1))
    prefs = PreferencesDialog(window.tracker, settings, window)
    prefs.ui.tabs.setCurrentIndex(prefs.backups_tab_index)
    prefs.show()
    grab(app, prefs, out / f"preferences-backups-{theme}.png")
    prefs.close()


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    themes = ("light", "dark") if args.theme == "both" else (args.theme,)
    with tempfile.TemporaryDirectory() as work:
        for theme in themes:
            shoot_theme(app, theme, args.out, Path(work))
            shoot_insights(app, theme, args.out, Path(work))  # board, Today, dashboard, calendar
            shoot_mail(app, theme, args.out, Path(work))  # inbox, Preferences › Mail, account
            shoot_damaged(app, theme, args.out, Path(work))  # the damaged-file banner
        shoot_large_text(app, args.out, Path(work))
    return 0


def shoot_large_text(app: QApplication, out: Path, work: Path) -> None:
    """The main window and a dialog at 150% text size: nothing may be clipped."""
    apply_theme(app, "light")
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * 1.5)
    app.setFont(font)
    settings = Settings(QSettings(str(work / "settings-large.ini"), QSettings.Format.IniFormat))
    tracker = make_sample(work / "sample-large.db")
    window = MainWindow(tracker, settings)
    window.resize(*SIZE)
    window.show()
    settle(app)
    window.applications.table.selectRow(0)
    grab(app, window, out / "large-text-applications.png")
    shoot_dialog(app, NewApplicationDialog(lambda draft: 0, stages=tracker.stages(),
                                           companies=[], today=dt.date.today(),
                                           follow_up_days=7, parent=window),
                 out / "large-text-new-application.png")
    window.close()
    window.tracker.close()
    font.setPointSizeF(normal)
    app.setFont(font)


if __name__ == "__main__":
    raise SystemExit(main())
