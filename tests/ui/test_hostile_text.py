"""Hostile text (markup, images of local files and loopback URLs, RTL overrides, 100 KB) is
shown literally by every view, tooltip and dialog, and never makes Qt load a resource.

The trap is real: an ``<img>`` naming a FIFO would block the UI thread in ``open()`` if Qt
rendered it; a helper process notices any reader (and lets it go, so a regression fails
instead of hanging), and a loopback HTTP server records any request.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPoint,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from jobtracker.db import open_database
from jobtracker.mail.accounts import MailAccount
from jobtracker.mail.scan import ScanOutcome
from jobtracker.mail.suggest import SuggestionDraft
from jobtracker.tracker import (
    ApplicationInput,
    ContactInput,
    InterviewInput,
    SortKey,
    Tracker,
)
from jobtracker.tracker.inputs import SnapshotInput
from jobtracker.ui.applications.applications_model import COLUMN_OF
from jobtracker.ui.importing.import_url_dialog import ImportUrlDialog
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.widgets.formatting import isolate, literal, plain_tooltip
from jobtracker.ui.widgets.markdown_render import render

from .helpers import NOW, TODAY
from .loopback import LoopbackServer

RTL = "\u202e"
# What must never reach Qt's HTML renderer unescaped; each value below carries some of it.
MARKERS = ("<img", "<h1", "<b>bold", '<a href="x"', '<a href="file:')


# Runs in its own process: a UI thread blocked in open() holds the GIL, so a thread of this
# process could not let it go.
WATCHER = """
import errno, os, sys, time
fifo, log = sys.argv[1], sys.argv[2]
while True:
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno != errno.ENXIO:  # ENXIO: no reader, as it should be
            raise
    else:
        # A reader appeared: note it and close at once, so its read ends (EOF) and the
        # UI thread goes on to fail the test rather than hang.
        with open(log, "a") as out:
            out.write("reader\\n")
        os.close(fd)
    time.sleep(0.002)
"""


class FifoTrap:
    """A FIFO that records whether anything ever opened it for reading."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "f"
        self._log = folder / "readers.log"
        os.mkfifo(self.path)
        self._log.touch()
        self._watcher = subprocess.Popen([sys.executable, "-c", WATCHER, str(self.path),
                                          str(self._log)])

    @property
    def readers(self) -> int:
        """How many times something opened the FIFO for reading."""
        return len(self._log.read_text().splitlines())

    def close(self) -> None:
        self._watcher.kill()
        self._watcher.wait(5)


@pytest.fixture
def fifo() -> Iterator[FifoTrap]:
    # A short path, so even a 60-character stage name can hold an <img> naming it.
    with tempfile.TemporaryDirectory(prefix="jt", dir="/tmp") as folder:
        trap = FifoTrap(Path(folder))
        yield trap
        assert trap._watcher.poll() is None, "the FIFO watcher died"
        trap.close()


def markup(fifo: FifoTrap, server: LoopbackServer, tag: str) -> str:
    """Markup with images of the FIFO and of the loopback server, a heading and a link."""
    return (f'<b>bold</b> {tag}<img src="file://{fifo.path}">'
            f'<img src="{server.url("/" + tag + ".png")}"><h1>{tag}</h1>'
            f'<a href="file://{fifo.path}">{RTL}link</a>')


def short(fifo: FifoTrap, tag: str) -> str:
    """A value for a field of at most 60 characters that still names the FIFO."""
    text = f'<img src="{fifo.path}">{tag}'
    assert len(text) <= 60
    return text


def big(text: str) -> str:
    """``text`` then filler to about 100 KB."""
    return text + "\n" + ("Lorem ipsum " + RTL + "dolor. ") * (100_000 // 19)


def seed(tracker: Tracker, fifo: FifoTrap, server: LoopbackServer) -> int:
    """Hostile values in every kind of user or imported text; returns the application id."""
    title = f'<b>bold</b> Platform Engineer<img src="file://{fifo.path}">'
    assert len(title) <= 300
    tracker.rename_stage("Applied", short(fifo, "Applied"))
    tracker.rename_stage("Rejected", short(fifo, "Rej"))
    tracker.add_stage(f"<h1>{RTL}Stage</h1>")
    app_id = tracker.add_application(ApplicationInput(
        title=title, company=f"{RTL}<h1>Acme</h1> <b>bold</b>",
        stage=short(fifo, "Applied"), location=markup(fifo, server, "loc")[:300],
        applied_on=TODAY - dt.timedelta(days=40), follow_up_on=TODAY - dt.timedelta(days=2),
        url="https://example.com/job?<b>bold</b>", source="<b>bold</b> board",
        tags=(short(fifo, "tag"), "<b>bold</b>", RTL + "rtl"), priority=5,
        description=big(markup(fifo, server, "desc"))))
    closed = tracker.add_application(ApplicationInput(
        title=f'<a href="x">{RTL}Closed</a><img src="file://{fifo.path}">',
        company="<h1>Rejecter</h1>", applied_on=TODAY - dt.timedelta(days=30)))
    tracker.move_stage(closed, "Screening", on=TODAY - dt.timedelta(days=30))
    tracker.move_stage(closed, short(fifo, "Rej"))
    trashed = tracker.add_application(ApplicationInput(title=title, company="<b>bold</b> Bin"))
    tracker.delete_application(trashed)
    tracker.add_note(app_id, big(
        f"# Note\n\n![alt <b>bold</b>]({fifo.path})\n\n![remote]({server.url('/note.png')})\n\n"
        f'<img src="file://{fifo.path}">\n\n[a link](file://{fifo.path})\n\n'
        + markup(fifo, server, "note")))
    tracker.add_note(app_id, f"![]({fifo.path})")
    tracker.add_interview(app_id, InterviewInput(
        kind=short(fifo, "kind"),
        starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(10), dt.UTC),
        timezone="UTC", location=markup(fifo, server, "place")[:300],
        interviewers=big(markup(fifo, server, "who")), notes=big(markup(fifo, server, "inotes"))))
    tracker.add_task(f'<b>bold</b> task<img src="file://{fifo.path}">',
                     due_on=TODAY - dt.timedelta(days=1), application_id=app_id)
    contact = tracker.add_contact(ContactInput(
        name=f'<b>bold</b> Jane<img src="file://{fifo.path}">', company="<h1>Acme</h1>",
        role=markup(fifo, server, "role")[:200], email="jane@example.com",
        notes=big(markup(fifo, server, "cnotes"))))
    tracker.link_contact(app_id, contact)
    document = fifo.path.parent / "<h1>CV of R&D.txt"  # no "/" in a file name
    document.write_text("CV")
    tracker.attach_document(app_id, document)
    tracker.add_posting_snapshot(app_id, SnapshotInput(
        source_url="https://example.com/job", fetched_at=NOW, title=title,
        # Unsanitised on purpose: a JSON backup can bring any HTML back in.
        description_html=markup(fifo, server, "posting") + f"<p>{RTL}text</p>",
        description_text=big(markup(fifo, server, "ptext"))))
    tracker.add_posting_snapshot(app_id, SnapshotInput(
        source_url="https://example.com/job", fetched_at=NOW + dt.timedelta(hours=1),
        title=title + " v2", description_html="<p>changed</p>",
        description_text=markup(fifo, server, "ptext2")))
    account = f'<b>bold</b><img src="{fifo.path}">'
    tracker.save_mail_account(MailAccount(name=account, host="127.0.0.1", port=1143,
                                          security="plain", user="me"))
    tracker.save_scan(ScanOutcome(
        account_name=account, states=(), messages_read=1, cancelled=False, notes=(),
        suggestions=(SuggestionDraft(
            message_id="<x@y>", date=NOW, sender=f"<b>bold</b> <img src='file://{fifo.path}'>",
            subject=markup(fifo, server, "subject"), application_id=app_id, kind="rejection",
            proposed_stage="Rejected", interview_at=None,
            reason=f'rejection: "<b>bold</b><img src=\'file://{fifo.path}\'>"'),)))
    return app_id


def rich(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt renders ``text`` as HTML."""
    if text_format == Qt.TextFormat.PlainText:
        return False
    return text_format == Qt.TextFormat.RichText or QtGui_Qt.mightBeRichText(text)


def problems_of(where: str, text: str | None,
                text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> list[str]:
    """Why ``text`` is not shown literally (an empty list when it is)."""
    if not text or not rich(text, text_format):
        return []
    return [f"{where}: {text[:160]!r}" for marker in MARKERS if marker in text][:1]


def columns(model: QAbstractItemModel) -> int:
    # A list model's columnCount() is private in PySide6: it has one.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())


def tooltip_problems(window: MainWindow) -> list[str]:
    """Tooltips of widgets, actions and every item of every view in the window."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        found += problems_of(f"tooltip of {type(widget).__name__} {widget.objectName()}",
                             widget.toolTip())
    for action in window.findChildren(QAction):
        found += problems_of(f"tooltip of action {action.text()!r}", action.toolTip())
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(min(model.rowCount(QModelIndex()), 100)):
            for column in range(columns(model)):
                value = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                found += problems_of(f"ToolTipRole of {type(model).__name__} ({row}, {column})",
                                     value if isinstance(value, str) else None)
    return found


def label_problems(root: QWidget) -> list[str]:
    """Labels under ``root`` that render user text as HTML."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        found += problems_of(f"QLabel {label.objectName() or label.parent().objectName()}",
                             label.text(), label.textFormat())
    return found


def shown_tooltips(window: MainWindow) -> list[str]:
    """Ask every visible item view for the tooltip of its first rows, as hovering does."""
    found: list[str] = []
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        for row in range(min(model.rowCount(QModelIndex()), 5)):
            for column in range(columns(model)):
                index = model.index(row, column)
                rect = view.visualRect(index)
                if not rect.isValid() or not view.viewport().rect().contains(rect.center()):
                    continue
                point = rect.center()
                event = QHelpEvent(QEvent.Type.ToolTip, point,
                                   view.viewport().mapToGlobal(point))
                QApplication.sendEvent(view.viewport(), event)
                if QToolTip.isVisible():
                    found += problems_of(f"QToolTip over {type(model).__name__} "
                                         f"({row}, {column})", QToolTip.text())
                QToolTip.hideText()
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.toolTip():
            QToolTip.showText(widget.mapToGlobal(QPoint(2, 2)), widget.toolTip(), widget)
            found += problems_of(f"QToolTip over {type(widget).__name__}", QToolTip.text())
            QToolTip.hideText()
    return found


def settle(qtbot: QtBot, window: MainWindow) -> None:
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(10)
    assert not window.grab().isNull()


def answer_box(seen: list[tuple[str, Qt.TextFormat]]) -> None:
    """Record the next message box's text and format when it shows, then say No/Cancel."""
    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, close)
            return
        seen.append((box.text(), box.textFormat()))
        box.grab()
        button = (box.button(QMessageBox.StandardButton.No)
                  or box.button(QMessageBox.StandardButton.Cancel))
        if button is not None:
            button.click()
        else:
            box.reject()

    QTimer.singleShot(0, close)


# The offscreen platform says these of every top-level window and message box it shows.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
def test_hostile_text_is_shown_literally_and_loads_nothing(
        qtbot: QtBot, make_window: Callable[[Path], MainWindow], db_path: Path,
        fifo: FifoTrap, loopback: LoopbackServer) -> None:
    with Tracker(open_database(db_path), today=lambda: TODAY, now=lambda: NOW) as tracker:
        app_id = seed(tracker, fifo, loopback)
    window = make_window(db_path)
    window.resize(1280, 800)
    settle(qtbot, window)
    problems: list[str] = []

    # An undoable action names the hostile title in the Undo action, menu and toolbar.
    window.editor.add_application(ApplicationInput(
        title=f'<b>bold</b> R&D<img src="file://{fifo.path}">', company="<h1>Undo</h1>"))
    settle(qtbot, window)
    assert "R&&D" in window.undo_action.text()  # "R&D" in the menu, no mnemonic on "D"

    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        settle(qtbot, window)
        problems += label_problems(window) + shown_tooltips(window)
        if window.current_view() == "board":
            board = window.view("board")
            for column in board.findChildren(QWidget, "boardColumn"):
                column.grab()

    window.show_view("applications")
    assert window.applications.select_id(app_id)
    settle(qtbot, window)
    header = window.detail.ui.headerLabel
    assert "<b>bold</b> Platform Engineer" in header.text()
    assert header.textFormat() == Qt.TextFormat.PlainText
    model = window.applications.model
    row = model.row_of(app_id)
    assert row is not None
    tip = model.data(model.index(row, COLUMN_OF[SortKey.TITLE]), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt; Platform Engineer&lt;img" in tip
    tabs = window.detail.ui.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(qtbot, window)
        problems += label_problems(window) + shown_tooltips(window)
    for browser in window.findChildren(QTextBrowser):
        if "<img" in browser.toHtml():
            problems.append(f"{browser.objectName() or browser.accessibleName()} shows an image")

    # Each note and each archived copy, shown in turn.
    notes = window.detail.notes
    tabs.setCurrentIndex(next(i for i in range(tabs.count())
                              if tabs.widget(i) is notes or tabs.widget(i).isAncestorOf(notes)))
    for row in range(notes.list.count()):
        notes.list.setCurrentRow(row)
        settle(qtbot, window)
        if "<img" in notes.viewer.toHtml():
            problems.append(f"note {row} renders an <img>")
    posting = window.detail.posting
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i) is posting
                              or tabs.widget(i).isAncestorOf(posting)))
    for index in range(posting.ui.snapshotCombo.count()):
        posting.ui.snapshotCombo.setCurrentIndex(index)
        settle(qtbot, window)
        problems += label_problems(posting)

    # Confirmations that quote a name the user typed.
    window.show_view("contacts")
    settle(qtbot, window)
    window.contacts.table.selectRow(0)
    seen: list[tuple[str, Qt.TextFormat]] = []
    answer_box(seen)
    window.contacts.delete_selected()
    assert seen, "no confirmation was asked"
    for text, text_format in seen:
        problems += problems_of("message box", text, text_format)

    problems += tooltip_problems(window)
    QToolTip.hideText()
    opened = fifo.readers
    assert (opened, loopback.hits, problems) == (0, {}, []), (
        f"the FIFO was opened {opened} times, the loopback server got {loopback.hits}, and "
        "these show markup:\n" + "\n".join(problems))


@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
def test_a_hostile_posting_imported_from_a_url_is_shown_literally(
        qtbot: QtBot, fetch_window: MainWindow, fifo: FifoTrap,
        loopback: LoopbackServer) -> None:
    """The issue's case: a job board's JSON-LD title names a FIFO, through Import from URL."""
    window = fetch_window
    title = f'Platform Engineer<img src="file://{fifo.path}">'
    posting = {
        "@context": "https://schema.org", "@type": "JobPosting", "title": title,
        "datePosted": "2026-11-20",
        "hiringOrganization": {"@type": "Organization", "name": "<h1>Acme</h1>"},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": markup(fifo, loopback, "city")[:200]}},
        "description": markup(fifo, loopback, "desc") + f"<p>{RTL}Build things.</p>",
    }
    url = loopback.page("/jobs/1", "<html><head><title>Job</title><script type="
                        f'"application/ld+json">{json.dumps(posting)}</script></head>'
                        "<body><p>Job</p></body></html>")
    problems: list[str] = []

    def fetch() -> ImportUrlDialog:
        dialog = window.import_from_url(url, start=True)
        qtbot.waitUntil(lambda: dialog.imported is not None and not dialog.fetching,
                        timeout=10_000)
        dialog.grab()
        return dialog

    dialog = fetch()
    assert dialog.ui.titleEdit.text() == title
    problems += label_problems(dialog) + tooltip_problems(window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    app_id = dialog.application_id
    assert app_id is not None
    settle(qtbot, window)
    header = window.detail.ui.headerLabel
    assert header.text().startswith(title)
    problems += label_problems(window) + tooltip_problems(window)
    problems += shown_tooltips(window)

    again = fetch()  # now it is a duplicate of the saved one: the list names it
    assert again.duplicates
    problems += label_problems(again) + tooltip_problems(window)
    again.reject()

    opened = fifo.readers
    images = {path: n for path, n in loopback.hits.items() if path != "/jobs/1"}
    assert (opened, images, problems) == (0, {}, []), (
        f"the FIFO was opened {opened} times, the loopback server got {images}, and "
        "these show markup:\n" + "\n".join(problems))


def test_the_helpers_escape_only_what_qt_would_render() -> None:
    assert plain_tooltip("R&D — 3 < 5") == "R&D — 3 < 5"  # Qt shows this as written already
    tip = plain_tooltip("<b>bold</b> & co\nline two")
    assert tip == "<p style='white-space:pre-wrap'>&lt;b&gt;bold&lt;/b&gt; &amp; co\nline two</p>"
    assert "&amp;lt;b&amp;gt;" in plain_tooltip("&lt;b&gt;")  # shown as typed, not as "<b>"
    assert len(plain_tooltip("x" * 100_000)) < 2100
    assert literal("Saved") == "Saved"
    assert isolate("Acme") == "Acme"
    assert isolate(f"\u2069{RTL}Evil") == f"\u2068{RTL}Evil\u2069"  # cannot close it early
    note = render(f"![the plan](/dev/zero) [![logo](x.png)](https://e.com) {RTL}")
    assert "<img" not in note
    assert '<a href="/dev/zero">[image: the plan]</a>' in note
    assert '<a href="https://e.com">[image: logo]</a>' in note
