"""The detail editor of one application: every field, saved through undoable use cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QFileDialog,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from jobtracker import money
from jobtracker.errors import JobTrackerError, ValidationError
from jobtracker.tracker import ApplicationDetail
from jobtracker.ui.detail.activity_panel import ActivityPanel, FitRows, FitWidth
from jobtracker.ui.detail.contacts_panel import ContactsPanel
from jobtracker.ui.detail.interviews_panel import InterviewsPanel
from jobtracker.ui.detail.notes_panel import NotesPanel
from jobtracker.ui.detail.posting_panel import PostingPanel
from jobtracker.ui.detail.tasks_panel import TasksPanel
from jobtracker.ui.detail.timeline_widget import TimelineWidget
from jobtracker.ui.forms.ui_detail_panel import Ui_DetailPanel
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.choice_combos import fill_choice_combos
from jobtracker.ui.widgets.field_errors import FieldErrors
from jobtracker.ui.widgets.formatting import (
    amount_text,
    format_date,
    from_qdate,
    isolate,
    plain_tooltip,
    to_qdate,
)
from jobtracker.ui.widgets.tags_completer import TagsCompleter

NO_DATE = QDate(2000, 1, 1)  # the minimum of the date edits, shown as "None"
SALARY_FIELDS = ("salary_min", "salary_max", "salary_currency", "salary_period")


class DetailPanel(QWidget):
    """Shows and edits the application set with ``show_application``."""

    message = Signal(str)

    def __init__(self, editor: Editor, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DetailPanel()
        self.ui.setupUi(self)
        self._editor = editor
        self._today = today
        self._detail: ApplicationDetail | None = None
        self._loading = False
        self.setAcceptDrops(True)
        ui = self.ui
        font = ui.headerLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        ui.headerLabel.setFont(font)

        fill_choice_combos(ui.remoteCombo, ui.employmentTypeCombo, ui.salaryCurrencyCombo,
                           ui.salaryPeriodCombo)
        for edit in (ui.appliedOnEdit, ui.followUpOnEdit):
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("None"))
            edit.setDisplayFormat("yyyy-MM-dd")
        ui.openUrlButton.setEnabled(False)
        # Sideways scrolling never helps a form: the pane's minimum width fits it instead.
        self._details_fit = FitWidth(ui.detailsScroll)
        # Squeezed buttons and combos cut their text ("Cle", "Remov"): never below the hint.
        sized: tuple[tuple[QWidget, bool], ...] = (
            (ui.openUrlButton, False), (ui.clearAppliedButton, False),
            (ui.clearFollowUpButton, False), (ui.attachResumeButton, False),
            (ui.attachCoverButton, False), (ui.detachButton, False), (ui.stageCombo, False),
            (ui.salaryCurrencyCombo, True), (ui.salaryPeriodCombo, True))
        for sized_widget, grow in sized:
            policy = sized_widget.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.MinimumExpanding if grow
                                       else QSizePolicy.Policy.Minimum)
            sized_widget.setSizePolicy(policy)

        self._company_completer = QCompleter(self)
        self._company_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._company_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._company_model = QStringListModel(self)
        self._company_completer.setModel(self._company_model)
        ui.companyEdit.setCompleter(self._company_completer)
        self._tags_completer = TagsCompleter(ui.tagsEdit)

        self.errors = FieldErrors()
        for field, widget, error_label in (
                ("title", ui.titleEdit, ui.titleError), ("company", ui.companyEdit,
                                                         ui.companyError),
                ("location", ui.locationEdit, ui.locationError),
                ("remote", ui.remoteCombo, ui.remoteError),
                ("employment_type", ui.employmentTypeCombo, ui.employmentTypeError),
                ("salary_min", ui.salaryMinEdit, ui.salaryError),
                ("salary_max", ui.salaryMaxEdit, ui.salaryError),
                ("salary_currency", ui.salaryCurrencyCombo, ui.salaryError),
                ("salary_period", ui.salaryPeriodCombo, ui.salaryError),
                ("url", ui.urlEdit, ui.urlError), ("source", ui.sourceEdit, ui.sourceError),
                ("priority", ui.prioritySpin, ui.priorityError),
                ("tags", ui.tagsEdit, ui.tagsError),
                ("applied_on", ui.appliedOnEdit, ui.appliedOnError),
                ("follow_up_on", ui.followUpOnEdit, ui.followUpOnError),
                ("file", ui.documentsList, ui.documentsError)):
            self.errors.add(field, widget, error_label)

        # One Activity tab instead of four: the pane fits a 1024-px window with every tab
        # label whole, and the dated records of an application read top to bottom.
        self.activity = ActivityPanel(ui.activityTab)
        ui.activityTabLayout.addWidget(self.activity)
        self.timeline = TimelineWidget(editor, today=today)
        self.interviews = InterviewsPanel(editor)
        self.tasks = TasksPanel(editor, today=today)
        self.notes = NotesPanel(editor)
        for name, title, body in (("timeline", self.tr("Timeline"), self.timeline),
                                  ("interviews", self.tr("Interviews"), self.interviews),
                                  ("tasks", self.tr("Tasks"), self.tasks),
                                  ("notes", self.tr("Notes"), self.notes)):
            self.activity.add_section(name, title, body)
        self._rows_fits = [FitRows(view) for view in (self.timeline.tree, self.interviews.tree,
                                                      self.tasks.tree)]
        self.contacts = ContactsPanel(editor, parent=ui.contactsTab)
        ui.contactsTabLayout.addWidget(self.contacts)
        self.posting = PostingPanel(editor, parent=ui.postingTab)
        ui.postingTabLayout.addWidget(self.posting)
        self.posting.message.connect(self.message)

        text = self._commit_text
        ui.titleEdit.editingFinished.connect(lambda: text("title", ui.titleEdit.text()))
        ui.companyEdit.editingFinished.connect(lambda: text("company", ui.companyEdit.text()))
        ui.locationEdit.editingFinished.connect(lambda: text("location", ui.locationEdit.text()))
        ui.sourceEdit.editingFinished.connect(lambda: text("source", ui.sourceEdit.text()))
        ui.urlEdit.editingFinished.connect(lambda: text("url", ui.urlEdit.text()))
        ui.urlEdit.textChanged.connect(
            lambda value: ui.openUrlButton.setEnabled(value.strip().startswith(("http://",
                                                                                "https://"))))
        ui.tagsEdit.editingFinished.connect(self._commit_tags)
        ui.remoteCombo.activated.connect(
            lambda: self._commit({"remote": ui.remoteCombo.currentData()}))
        ui.employmentTypeCombo.activated.connect(
            lambda: self._commit({"employment_type": ui.employmentTypeCombo.currentData()}))
        ui.prioritySpin.valueChanged.connect(lambda value: self._commit({"priority": value}))
        for amount_edit in (ui.salaryMinEdit, ui.salaryMaxEdit):
            amount_edit.editingFinished.connect(self._commit_salary)
        ui.salaryCurrencyCombo.activated.connect(self._commit_salary)
        currency_edit = ui.salaryCurrencyCombo.lineEdit()
        if currency_edit is not None:
            currency_edit.editingFinished.connect(self._commit_salary)
        ui.salaryPeriodCombo.activated.connect(self._commit_salary)
        for edit, field in ((ui.appliedOnEdit, "applied_on"),
                            (ui.followUpOnEdit, "follow_up_on")):
            edit.editingFinished.connect(lambda e=edit, f=field: self._commit_date(f, e))
            edit.calendarWidget().clicked.connect(
                lambda _d, e=edit, f=field: self._commit_date(f, e))
        ui.clearAppliedButton.clicked.connect(lambda: self._clear_date("applied_on",
                                                                       ui.appliedOnEdit))
        ui.clearFollowUpButton.clicked.connect(lambda: self._clear_date("follow_up_on",
                                                                        ui.followUpOnEdit))
        ui.openUrlButton.clicked.connect(self._open_url)
        ui.stageCombo.activated.connect(self._stage_chosen)
        ui.attachResumeButton.clicked.connect(lambda: self._choose_document("resume"))
        ui.attachCoverButton.clicked.connect(lambda: self._choose_document("cover_letter"))
        ui.detachButton.clicked.connect(self._detach_document)
        self.show_application(None)

    # -- public ------------------------------------------------------------------------------

    def show_section(self, name: str) -> None:
        """Bring ``name`` into view: a tab (details, contacts, posting) or an Activity section."""
        tabs = self.ui.tabs
        pages = {"details": self.ui.detailsTab, "contacts": self.ui.contactsTab,
                 "posting": self.ui.postingTab}
        if name in pages:
            tabs.setCurrentWidget(pages[name])
            return
        tabs.setCurrentWidget(self.ui.activityTab)
        self.activity.reveal(name)

    @property
    def application_id(self) -> int | None:
        """The application shown."""
        return self._detail.id if self._detail else None

    @property
    def detail(self) -> ApplicationDetail | None:
        """What is shown, as last read."""
        return self._detail

    def show_application(self, application_id: int | None) -> None:
        """Show another application (or none); a note being written is saved first."""
        if self._detail is not None and application_id != self._detail.id:
            self.notes.save_draft()
            self.errors.clear_all()
        if application_id is None:
            self._detail = None
            self.ui.pages.setCurrentWidget(self.ui.emptyPage)
            return
        try:
            detail = self._editor.tracker.get_application(application_id)
        except JobTrackerError:
            detail = None
        if detail is None or detail.deleted_at is not None:
            # Gone (purged) or in the trash: the Trash view is where it can be seen.
            self._detail = None
            self.ui.pages.setCurrentWidget(self.ui.emptyPage)
            return
        self._detail = detail
        self.ui.pages.setCurrentWidget(self.ui.contentPage)
        self._fill()

    def reload(self) -> None:
        """Re-read the application after a change (fields showing an error keep their text)."""
        self.show_application(self.application_id)

    # -- filling -----------------------------------------------------------------------------

    def _fill(self) -> None:
        detail = self._detail
        assert detail is not None
        ui = self.ui
        self._loading = True
        try:
            ui.headerLabel.setText(f"{isolate(detail.title)} — {isolate(detail.company)}")
            ui.lastChangeLabel.setText(self.tr("since %1").replace(
                "%1", format_date(detail.last_change)))
            ui.stageCombo.clear()
            for stage in self._editor.tracker.stages():
                ui.stageCombo.addItem(stage.name, stage.name)
            ui.stageCombo.setCurrentIndex(ui.stageCombo.findData(detail.stage))
            self._company_model.setStringList(self._editor.tracker.company_names())
            self._tags_completer.set_tags(self._editor.tracker.tag_names())
            keep = self.errors.has_error
            for field, widget, value in (
                    ("title", ui.titleEdit, detail.title),
                    ("company", ui.companyEdit, detail.company),
                    ("location", ui.locationEdit, detail.location or ""),
                    ("source", ui.sourceEdit, detail.source or ""),
                    ("url", ui.urlEdit, detail.url or ""),
                    ("tags", ui.tagsEdit, ", ".join(detail.tags))):
                if not keep(field):
                    widget.setText(value)
            if not keep("remote"):
                ui.remoteCombo.setCurrentIndex(max(0, ui.remoteCombo.findData(detail.remote)))
            if not keep("employment_type"):
                ui.employmentTypeCombo.setCurrentIndex(
                    max(0, ui.employmentTypeCombo.findData(detail.employment_type)))
            if not any(keep(f) for f in SALARY_FIELDS):
                ui.salaryMinEdit.setText(amount_text(detail.salary_min, detail.salary_currency))
                ui.salaryMaxEdit.setText(amount_text(detail.salary_max, detail.salary_currency))
                found = ui.salaryCurrencyCombo.findData(detail.salary_currency)
                if found < 0 and detail.salary_currency:
                    ui.salaryCurrencyCombo.addItem(detail.salary_currency,
                                                   detail.salary_currency)
                    found = ui.salaryCurrencyCombo.count() - 1
                ui.salaryCurrencyCombo.setCurrentIndex(max(0, found))
                ui.salaryPeriodCombo.setCurrentIndex(
                    max(0, ui.salaryPeriodCombo.findData(detail.salary_period)))
            if not keep("priority"):
                ui.prioritySpin.setValue(detail.priority)
            for field, date_edit, day in (("applied_on", ui.appliedOnEdit, detail.applied_on),
                                          ("follow_up_on", ui.followUpOnEdit,
                                           detail.follow_up_on)):
                if not keep(field):
                    date_edit.setMaximumDate(to_qdate(self._today()) if field == "applied_on"
                                             else QDate(2100, 12, 31))
                    date_edit.setDate(to_qdate(day) if day else NO_DATE)
            ui.documentsList.clear()
            for document in detail.documents:
                role = {"resume": self.tr("Resume"), "cover_letter": self.tr("Cover letter")}.get(
                    document.role, self.tr("Other"))
                item = QListWidgetItem(f"{role}: {document.filename}")
                item.setData(Qt.ItemDataRole.UserRole, document.id)
                item.setToolTip(plain_tooltip(str(self._editor.tracker.document_path(
                    document.sha256))))
                ui.documentsList.addItem(item)
            ui.detachButton.setEnabled(bool(detail.documents))
        finally:
            self._loading = False
        self.timeline.show_detail(detail)
        self.interviews.show_detail(detail)
        self.tasks.show_detail(detail)
        self.notes.show_detail(detail)
        for name, entries in (("timeline", detail.events), ("interviews", detail.interviews),
                              ("tasks", detail.tasks), ("notes", detail.notes)):
            self.activity.sections[name].set_count(len(entries))
        self.contacts.show_detail(detail)
        self.posting.show_detail(detail)

    # -- committing edits --------------------------------------------------------------------

    def _commit(self, changes: dict[str, Any]) -> bool:
        """Save ``changes`` (field -> value) as one undoable edit; show refusals at the field."""
        if self._loading or self._detail is None:
            return False
        old = {field: self._current_value(field) for field in changes}
        for field in changes:
            self.errors.clear(field)
        if changes == old:
            return True
        try:
            self._editor.edit_application(self._detail.id, changes, old)
        except ValidationError as error:
            if not self.errors.show(error.field, error.reason):
                self.message.emit(str(error))
            return False
        return True

    def _current_value(self, field: str) -> Any:
        assert self._detail is not None
        return getattr(self._detail, field)

    def _commit_text(self, field: str, value: str) -> None:
        current = self._current_value(field) if self._detail else None
        if (value.strip() or None) == (current or None) and not self.errors.has_error(field):
            return
        self._commit({field: value})

    def _commit_tags(self) -> None:
        tags = tuple(part.strip() for part in self.ui.tagsEdit.text().split(",") if part.strip())
        if self._detail is not None and tuple(sorted(tags, key=str.casefold)) == tuple(
                sorted(self._detail.tags, key=str.casefold)):
            return
        self._commit({"tags": tags})

    def _commit_salary(self) -> None:
        if self._loading or self._detail is None:
            return
        ui = self.ui
        currency = (ui.salaryCurrencyCombo.currentText().strip().upper() or None)
        period = ui.salaryPeriodCombo.currentData()
        changes: dict[str, Any] = {"salary_currency": currency, "salary_period": period}
        for field, edit in (("salary_min", ui.salaryMinEdit), ("salary_max", ui.salaryMaxEdit)):
            text = edit.text().strip()
            if not text:
                changes[field] = None
                continue
            try:
                changes[field] = money.to_minor(money.parse_amount(text), currency or "USD")
            except ValueError as error:
                for other in SALARY_FIELDS:
                    self.errors.clear(other)
                self.errors.show(field, str(error))
                return
        for other in SALARY_FIELDS:
            self.errors.clear(other)
        self._commit(changes)

    def _commit_date(self, field: str, edit: QDateEdit) -> None:
        value = None if edit.date() == NO_DATE else from_qdate(edit.date())
        if self._detail is not None and value == self._current_value(field) and not (
                self.errors.has_error(field)):
            return
        self._commit({field: value})

    def _clear_date(self, field: str, edit: QDateEdit) -> None:
        edit.setDate(NO_DATE)
        self._commit_date(field, edit)

    def _stage_chosen(self) -> None:
        if self._detail is None:
            return
        stage = self.ui.stageCombo.currentData()
        if stage == self._detail.stage:
            return
        self.move_to_stage(stage)

    def move_to_stage(self, stage: str) -> None:
        """Record a move to ``stage`` today (undoable)."""
        if self._detail is None:
            return
        try:
            self._editor.move_stage(self._detail.id, stage)
        except ValidationError as error:
            self.message.emit(str(error))
            self.reload()

    # -- URL and documents -----------------------------------------------------------------

    def _open_url(self) -> None:
        url = QUrl(self.ui.urlEdit.text().strip())
        if url.scheme() in ("http", "https"):
            # Opening the posting is the user's explicit request: the browser does the fetching.
            QDesktopServices.openUrl(url)

    def _choose_document(self, role: str) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a document"), str(Path.home()),
            self.tr("Documents (*.pdf *.doc *.docx *.odt *.txt *.md);;All files (*)"))
        if name:
            self.attach(Path(name), role)

    def attach(self, path: Path, role: str = "resume") -> None:
        """Store ``path`` and attach it to the shown application."""
        if self._detail is None:
            return
        self.errors.clear("file")
        try:
            self._editor.attach_document(self._detail.id, path, role)
        except ValidationError as error:
            self.errors.show("file", error.reason)

    def _detach_document(self) -> None:
        item = self.ui.documentsList.currentItem()
        if self._detail is None or item is None:
            return
        document_id = int(item.data(Qt.ItemDataRole.UserRole))
        mine = [d for d in self._detail.documents if d.id == document_id]
        if not mine:
            return
        try:
            self._editor.detach_document(self._detail.id, mine[0],
                                         tuple(d.role for d in mine))
        except JobTrackerError as error:
            self.message.emit(str(error))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._detail is not None and event.mimeData().hasUrls() and all(
                url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            name = Path(url.toLocalFile()).name.lower()
            self.attach(Path(url.toLocalFile()), "cover_letter" if "cover" in name else "resume")
        event.acceptProposedAction()
