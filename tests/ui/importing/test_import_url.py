"""Import from URL: the dialog against a real loopback server, paste, drop, the Posting tab."""

from __future__ import annotations

import datetime as dt
import socket
import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from jobtracker.ui.importing.import_url_dialog import ImportUrlDialog, url_from_text
from jobtracker.ui.mainwindow.main_window import MainWindow
from jobtracker.ui.widgets.contrast import error_color
from jobtracker.ui.widgets.posting_browser import PostingBrowser
from jobtracker.ui.widgets.theme import apply_theme
from tests.ui.dialog_checks import (
    fit_problems,
    labels_without_mnemonic,
    text_scale,
    unnamed_inputs,
)
from tests.ui.helpers import TODAY, add_apps
from tests.ui.loopback import LoopbackServer, corpus_page

GOOGLE = "google-standard-jsonld.html"
NEW_PARAGRAPH = "Remote work is possible two days a week."
FETCH_TIMEOUT_MS = 10_000


def fetch_preview(qtbot: QtBot, window: MainWindow, url: str) -> ImportUrlDialog:
    """Open the dialog on ``url``, press Fetch and wait for the preview."""
    dialog = window.import_from_url(url)
    qtbot.mouseClick(dialog.ui.fetchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported is not None and not dialog.fetching,
                    timeout=FETCH_TIMEOUT_MS)
    return dialog


def import_app(qtbot: QtBot, window: MainWindow, url: str) -> int:
    """Import ``url`` through the dialog and save it; the new application's id."""
    dialog = fetch_preview(qtbot, window, url)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.application_id is not None
    return dialog.application_id


def changed_page() -> str:
    return corpus_page(GOOGLE).replace('services.</p>"',
                                       f'services.</p><p>{NEW_PARAGRAPH}</p>"')


def test_import_through_the_dialog(qtbot: QtBot, fetch_window: MainWindow,
                                   loopback: LoopbackServer, db_path: Path) -> None:
    window = fetch_window
    url = loopback.url(f"/examples/{GOOGLE}")
    qtbot.mouseClick(window.empty_state.import_button, Qt.MouseButton.LeftButton)
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.urlEdit.setText(url)
    qtbot.mouseClick(dialog.ui.fetchButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.busyWidget.isVisible()
    assert "Fetching the posting from 127.0.0.1" in dialog.ui.statusLabel.text()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=FETCH_TIMEOUT_MS)
    ui = dialog.ui
    assert not ui.busyWidget.isVisible()
    assert (ui.titleEdit.text(), ui.companyEdit.text()) == ("Software Engineer", "Google")
    assert ui.locationEdit.text() == "Mountain View, CA, US"
    assert ui.employmentTypeCombo.currentData() == "contract"
    assert (ui.salaryMinEdit.text(), ui.salaryCurrencyCombo.currentText(),
            ui.salaryPeriodCombo.currentData()) == ("40", "USD", "hour")
    assert "diversity of perspectives" in ui.descriptionBrowser.toPlainText()
    assert isinstance(ui.descriptionBrowser, PostingBrowser)
    assert not ui.duplicateFrame.isVisible()
    assert ui.stageCombo.currentText() == "Saved"
    # The user corrects a field before saving.
    ui.titleEdit.clear()
    qtbot.keyClicks(ui.titleEdit, "Software Engineer (Contract)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    app_id = dialog.application_id
    assert app_id is not None
    assert window.detail.application_id == app_id
    detail = window.tracker.get_application(app_id)
    assert (detail.title, detail.company, detail.stage) == (
        "Software Engineer (Contract)", "Google", "Saved")
    assert len(detail.snapshots) == 1
    [copy] = window.tracker.posting_snapshots(app_id)
    assert copy.source_url == url and copy.http_status == 200
    assert "diversity of perspectives" in (copy.description_text or "")
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM posting_snapshot").fetchone() == (1,)
    # The Posting tab shows the archived copy.
    window.detail.ui.tabs.setCurrentWidget(window.detail.ui.postingTab)
    posting = window.detail.posting
    assert "diversity of perspectives" in posting.ui.postingBrowser.toPlainText()
    assert url in posting.ui.infoLabel.text()
    # Undo moves it to the trash, like any added application.
    window.undo_action.trigger()
    assert window.tracker.get_application(app_id).deleted_at is not None


def test_http_errors_are_shown_plainly(qtbot: QtBot, fetch_window: MainWindow,
                                       loopback: LoopbackServer) -> None:
    dialog = fetch_window.import_from_url(loopback.url("/nowhere"))
    dialog.fetch()
    qtbot.waitUntil(lambda: not dialog.fetching, timeout=FETCH_TIMEOUT_MS)
    text = dialog.ui.statusLabel.text()
    assert "HTTP 404" in text and "Traceback" not in text
    assert dialog.imported is None and not dialog.save_button.isEnabled()
    dialog.ui.urlEdit.setText(loopback.page("/empty", "<html><body>Hello</body></html>"))
    dialog.fetch()
    qtbot.waitUntil(lambda: not dialog.fetching, timeout=FETCH_TIMEOUT_MS)
    assert "no job posting" in dialog.ui.statusLabel.text()
    assert fetch_window.tracker.count_applications() == 0


def test_cancel_a_stalled_fetch_without_freezing(qtbot: QtBot, fetch_window: MainWindow,
                                                 loopback: LoopbackServer) -> None:
    window = fetch_window
    dialog = window.import_from_url(loopback.stall("/slow"))
    dialog.fetch()
    assert loopback.stalled.wait(5), "the request never reached the server"
    assert dialog.fetching and dialog.ui.busyWidget.isVisible()
    # The event loop keeps running while the server stalls.
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=1000)
    qtbot.mouseClick(dialog.ui.cancelFetchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.fetching and dialog.ui.fetchButton.isEnabled()
                    and not dialog.ui.busyWidget.isVisible(), timeout=1000)
    assert not loopback.release.is_set()  # the server still stalls
    assert "Stopped" in dialog.ui.statusLabel.text()
    timer.stop()
    # Closing in the middle of a stalled fetch does not wait for the network either.
    dialog.fetch()
    started = time.monotonic()
    dialog.reject()
    assert time.monotonic() - started < 0.5
    assert not dialog.isVisible()
    assert window.tracker.count_applications() == 0


def test_second_import_shows_the_duplicate_warning(qtbot: QtBot, fetch_window: MainWindow,
                                                   loopback: LoopbackServer) -> None:
    window = fetch_window
    url = loopback.url(f"/examples/{GOOGLE}")
    first = import_app(qtbot, window, url)
    [other] = add_apps(window.tracker, ("Designer", "Nimbus"))
    window.refresh()
    window.applications.select_id(other)
    dialog = fetch_preview(qtbot, window, url)
    ui = dialog.ui
    assert ui.duplicateFrame.isVisible()
    assert ui.duplicateList.count() == 1
    assert ui.duplicateList.item(0).text() == (
        "You saved this on 28 November — Software Engineer at Google (Saved)")
    assert not dialog.save_button.isEnabled()
    # Open existing: the tracked application is selected, nothing new is saved.
    qtbot.mouseClick(ui.openExistingButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.detail.application_id == first
    assert window.tracker.count_applications() == 2
    # Save anyway keeps a second one.
    dialog = fetch_preview(qtbot, window, url)
    assert dialog.ui.duplicateFrame.isVisible()
    qtbot.mouseClick(dialog.ui.saveAnywayButton, Qt.MouseButton.LeftButton)
    assert dialog.application_id not in (None, first)
    assert window.tracker.count_applications() == 3


def test_reimport_keeps_a_new_copy_and_shows_what_changed(
        qtbot: QtBot, fetch_window: MainWindow, loopback: LoopbackServer) -> None:
    window = fetch_window
    url = loopback.page("/job/42", corpus_page(GOOGLE))
    app_id = import_app(qtbot, window, url)
    loopback.page("/job/42", changed_page())
    dialog = fetch_preview(qtbot, window, url)
    assert dialog.ui.duplicateFrame.isVisible()
    qtbot.mouseClick(dialog.ui.addSnapshotButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.tracker.count_applications() == 1
    assert len(window.tracker.posting_snapshots(app_id)) == 2
    assert window.detail.application_id == app_id
    assert window.detail.ui.tabs.currentWidget() is window.detail.ui.postingTab
    posting = window.detail.posting
    assert posting.ui.changesBrowser.isVisible()
    assert "(lines added: 1, removed: 0)" in posting.changes_summary
    assert NEW_PARAGRAPH in posting.ui.changesBrowser.toPlainText()


def test_paste_opens_the_dialog_and_fetches(qtbot: QtBot, fetch_window: MainWindow,
                                            loopback: LoopbackServer) -> None:
    window = fetch_window
    url = loopback.url(f"/examples/{GOOGLE}")
    QGuiApplication.clipboard().setText(url)
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # In a text field Ctrl+V pastes as usual.
    assert window.search.text() == url
    assert window.import_dialog is None
    window.search.clear()
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.urlEdit.text() == url
    assert dialog.fetching  # pasting a link is the request to import it
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=FETCH_TIMEOUT_MS)
    assert dialog.ui.titleEdit.text() == "Software Engineer"
    dialog.reject()
    # The dialog also picks the link up from the clipboard when opened from the menu.
    window.import_action.trigger()
    assert window.import_dialog is not None
    assert window.import_dialog.ui.urlEdit.text() == url
    assert not window.import_dialog.fetching  # the menu waits for Fetch
    window.import_dialog.reject()
    QGuiApplication.clipboard().setText("not a link")
    window.activateWindow()
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sidebar)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.import_dialog is None or not window.import_dialog.isVisible()
    assert "no web address" in window.statusBar().currentMessage()


def _drop(window: MainWindow, mime: QMimeData) -> bool:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    enter = QDragEnterEvent(QPoint(200, 200), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(200, 200), actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_drop_a_link_opens_the_dialog_and_fetches(qtbot: QtBot, fetch_window: MainWindow,
                                                  loopback: LoopbackServer) -> None:
    window = fetch_window
    url = loopback.url(f"/examples/{GOOGLE}")
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    assert _drop(window, mime)
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.urlEdit.text() == url
    assert dialog.fetching
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=FETCH_TIMEOUT_MS)
    assert dialog.ui.titleEdit.text() == "Software Engineer"
    dialog.reject()
    # A plain-text link works too; other text and local files are refused.
    text = QMimeData()
    text.setText(f"  {url}\n")
    assert _drop(window, text)
    assert window.import_dialog is not None and window.import_dialog.fetching
    window.import_dialog.reject()
    words = QMimeData()
    words.setText("hello world")
    assert not _drop(window, words)
    local = QMimeData()
    local.setUrls([QUrl.fromLocalFile("/tmp/resume.pdf")])
    assert not _drop(window, local)


def test_check_online_when_the_posting_is_gone(qtbot: QtBot, fetch_window: MainWindow,
                                               loopback: LoopbackServer) -> None:
    window = fetch_window
    url = loopback.page("/job/7", corpus_page(GOOGLE))
    app_id = import_app(qtbot, window, url)
    loopback.page("/job/7", "<h1>Gone</h1>", status=404)
    window.detail.ui.tabs.setCurrentWidget(window.detail.ui.postingTab)
    posting = window.detail.posting
    qtbot.mouseClick(posting.ui.checkOnlineButton, Qt.MouseButton.LeftButton)
    assert posting.ui.checkProgress.isVisible()
    qtbot.waitUntil(lambda: "No longer online" in posting.ui.checkStatusLabel.text(),
                    timeout=FETCH_TIMEOUT_MS)
    text = posting.ui.checkStatusLabel.text()
    assert text.startswith("No longer online (HTTP 404) — your copy from ")
    assert text.endswith(" is kept.")
    assert not posting.ui.checkProgress.isVisible()
    assert len(window.tracker.posting_snapshots(app_id)) == 1
    assert "diversity of perspectives" in posting.ui.postingBrowser.toPlainText()


def test_check_online_keeps_a_changed_copy_and_shows_the_diff(
        qtbot: QtBot, fetch_window: MainWindow, loopback: LoopbackServer) -> None:
    window = fetch_window
    url = loopback.page("/job/9", corpus_page(GOOGLE))
    app_id = import_app(qtbot, window, url)
    posting = window.detail.posting
    # Unchanged: said so, no second copy.
    posting.check_online()
    qtbot.waitUntil(lambda: "unchanged" in posting.ui.checkStatusLabel.text(),
                    timeout=FETCH_TIMEOUT_MS)
    assert len(window.tracker.posting_snapshots(app_id)) == 1
    assert not posting.ui.changesBrowser.isVisible()
    # Changed: a second copy, selected, with what changed highlighted.
    loopback.page("/job/9", changed_page())
    posting.check_online()
    qtbot.waitUntil(lambda: "it changed" in posting.ui.checkStatusLabel.text(),
                    timeout=FETCH_TIMEOUT_MS)
    assert len(window.tracker.posting_snapshots(app_id)) == 2
    assert posting.ui.snapshotCombo.count() == 2 and posting.ui.snapshotCombo.isEnabled()
    assert posting.ui.snapshotCombo.currentIndex() == 0
    assert "(latest)" in posting.ui.snapshotCombo.currentText()
    window.detail.ui.tabs.setCurrentWidget(window.detail.ui.postingTab)
    assert posting.ui.changesBrowser.isVisible()
    assert NEW_PARAGRAPH in posting.ui.changesBrowser.toPlainText()
    assert NEW_PARAGRAPH in posting.ui.postingBrowser.toPlainText()
    # The combo shows the older copy, without the new paragraph.
    posting.ui.snapshotCombo.setCurrentIndex(1)
    assert NEW_PARAGRAPH not in posting.ui.postingBrowser.toPlainText()
    assert not posting.ui.changesBrowser.isVisible()


def test_posting_browser_loads_nothing_and_resolves_links() -> None:
    browser = PostingBrowser()
    browser.base_url = QUrl("https://jobs.example.com/postings/1")
    browser.setHtml('<p>Hi</p><img src="https://tracker.example.com/pixel.gif">')
    # A blank stand-in, not nothing: given nothing, Qt would read a local path itself.
    stand_in = browser.loadResource(2, QUrl("https://tracker.example.com/pixel.gif"))
    assert isinstance(stand_in, QImage) and stand_in.size() == QSize(1, 1)
    assert browser.loadResource(3, QUrl("file:///etc/passwd")) == QByteArray()
    assert browser.link_target(QUrl("/apply")) == QUrl("https://jobs.example.com/apply")
    assert browser.link_target(QUrl("javascript:alert(1)")) is None
    assert browser.link_target(QUrl("file:///etc/passwd")) is None


def test_url_from_text() -> None:
    assert url_from_text(" https://example.com/job/1 \n") == "https://example.com/job/1"
    assert url_from_text("ftp://example.com/x") is None
    assert url_from_text("see https://example.com") is None
    assert url_from_text("https://") is None


def test_keyboard_only_import_as_applied(qtbot: QtBot, fetch_window: MainWindow,
                                         loopback: LoopbackServer) -> None:
    window = fetch_window
    window.import_action.trigger()  # Ctrl+I
    dialog = window.import_dialog
    assert dialog is not None
    dialog.ui.urlEdit.clear()
    qtbot.keyClicks(dialog.ui.urlEdit, loopback.url(f"/examples/{GOOGLE}"))
    qtbot.keyClick(dialog.ui.urlEdit, Qt.Key.Key_Return)  # Enter fetches
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=FETCH_TIMEOUT_MS)
    dialog.ui.stageCombo.setCurrentIndex(dialog.ui.stageCombo.findData("Applied"))
    qtbot.keyClick(dialog.ui.titleEdit, Qt.Key.Key_Return)  # now Enter saves
    assert not dialog.isVisible()
    detail = window.tracker.get_application(dialog.application_id)
    assert (detail.stage, detail.applied_on) == ("Applied", TODAY)
    assert detail.follow_up_on == TODAY + dt.timedelta(days=window.settings.follow_up_days())


# -- empty state, failure and Enter it by hand -----------------------------------------------


def closed_port_url() -> str:
    """An address on 127.0.0.1 where nothing listens: the connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/jobs/7"


def fail_fetch(qtbot: QtBot, window: MainWindow, url: str) -> ImportUrlDialog:
    dialog = window.import_from_url(url)
    assert not dialog.ui.handWidget.isVisible()  # offered only once something went wrong
    qtbot.mouseClick(dialog.ui.fetchButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.fetching, timeout=FETCH_TIMEOUT_MS)
    assert dialog.imported is None
    # The message in the theme's error colour, right under the address, and a way on.
    assert dialog.ui.statusLabel.isVisible()
    assert error_color().name() in dialog.ui.statusLabel.styleSheet()
    assert dialog.ui.statusLabel.y() < dialog.ui.handWidget.y()
    assert dialog.ui.enterByHandButton.isVisible()
    return dialog


def enter_by_hand(qtbot: QtBot, window: MainWindow, dialog: ImportUrlDialog,
                  url: str) -> int:
    qtbot.mouseClick(dialog.ui.enterByHandButton, Qt.MouseButton.LeftButton)
    hand = dialog.hand_dialog
    assert hand is not None and hand.isVisible() and not dialog.isVisible()
    assert hand.ui.urlEdit.text() == url  # the address is kept
    qtbot.keyClicks(hand.ui.titleEdit, "Platform Engineer")
    qtbot.keyClicks(hand.ui.companyEdit, "Initech")
    qtbot.mouseClick(hand.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert not hand.isVisible()
    app_id = dialog.application_id
    assert app_id is not None
    detail = window.tracker.get_application(app_id)
    assert (detail.title, detail.company, detail.url) == ("Platform Engineer", "Initech", url)
    assert window.detail.application_id == app_id  # selected like an imported one
    window.editor.stack.undo()  # one undoable action, like New Application
    assert window.tracker.count_applications() == 0
    return app_id


def test_empty_state_explains_what_works(qtbot: QtBot, fetch_window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("not an address")
    dialog = fetch_window.import_from_url()
    qtbot.waitExposed(dialog)
    text = dialog.ui.emptyStateLabel.text()
    assert dialog.ui.emptyStateLabel.isVisible()
    assert all(word in text for word in ("Greenhouse", "Lever", "Ashby", "Workable",
                                         "JobPosting"))
    assert dialog.focusWidget() is dialog.ui.urlEdit  # focused once the dialog is active
    assert not dialog.ui.previewWidget.isVisible() and not dialog.ui.statusLabel.isVisible()
    # Sized to what it shows: no big blank before a fetch.
    assert dialog.height() < 400
    assert not unnamed_inputs(dialog) and not labels_without_mnemonic(dialog)
    dialog.reject()


def test_enter_by_hand_after_a_404(qtbot: QtBot, fetch_window: MainWindow,
                                   loopback: LoopbackServer) -> None:
    url = loopback.url("/jobs/gone")
    dialog = fail_fetch(qtbot, fetch_window, url)
    assert "HTTP 404" in dialog.ui.statusLabel.text()
    enter_by_hand(qtbot, fetch_window, dialog, url)


def test_enter_by_hand_after_a_network_error(qtbot: QtBot, fetch_window: MainWindow) -> None:
    url = closed_port_url()
    dialog = fail_fetch(qtbot, fetch_window, url)
    assert "Traceback" not in dialog.ui.statusLabel.text()
    enter_by_hand(qtbot, fetch_window, dialog, url)


def test_enter_by_hand_after_stop_and_cancel(qtbot: QtBot, fetch_window: MainWindow,
                                             loopback: LoopbackServer) -> None:
    url = loopback.stall("/slow")
    dialog = fetch_window.import_from_url(url)
    dialog.fetch()
    assert dialog.ui.busyWidget.isVisible() and dialog.ui.cancelFetchButton.isVisible()
    qtbot.mouseClick(dialog.ui.cancelFetchButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.enterByHandButton.isVisible()
    qtbot.mouseClick(dialog.ui.enterByHandButton, Qt.MouseButton.LeftButton)
    hand = dialog.hand_dialog
    assert hand is not None and hand.ui.urlEdit.text() == url
    hand.reject()  # Cancel there closes both; nothing saved
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert fetch_window.tracker.count_applications() == 0


@pytest.mark.parametrize("theme", ("light", "dark"))
@pytest.mark.parametrize("scale", (1.0, 1.5, 2.0), ids=lambda s: f"{s:.0%}")
def test_fits_at_every_text_size(qtbot: QtBot, fetch_window: MainWindow,
                                 loopback: LoopbackServer, scale: float, theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    try:
        with text_scale(scale):
            dialog = fetch_window.import_from_url(loopback.url("/jobs/gone"))
            qtbot.waitExposed(dialog)
            assert not fit_problems(dialog), "empty"
            dialog.fetch()
            qtbot.waitUntil(lambda: not dialog.fetching, timeout=FETCH_TIMEOUT_MS)
            assert not fit_problems(dialog), "failed"
            dialog.ui.urlEdit.setText(loopback.url(f"/examples/{GOOGLE}"))
            dialog.fetch()
            qtbot.waitUntil(lambda: dialog.imported is not None, timeout=FETCH_TIMEOUT_MS)
            assert not fit_problems(dialog), "preview"
            assert not unnamed_inputs(dialog)
            dialog.reject()
    finally:
        apply_theme(app, "light")
