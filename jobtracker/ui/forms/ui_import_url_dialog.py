# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_url_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from jobtracker.ui.widgets.posting_browser import PostingBrowser

class Ui_ImportUrlDialog(object):
    def setupUi(self, ImportUrlDialog):
        if not ImportUrlDialog.objectName():
            ImportUrlDialog.setObjectName(u"ImportUrlDialog")
        self.mainLayout = QVBoxLayout(ImportUrlDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.urlLayout = QHBoxLayout()
        self.urlLayout.setObjectName(u"urlLayout")
        self.urlLabel = QLabel(ImportUrlDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.urlLayout.addWidget(self.urlLabel)

        self.urlEdit = QLineEdit(ImportUrlDialog)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setClearButtonEnabled(True)

        self.urlLayout.addWidget(self.urlEdit)

        self.fetchButton = QPushButton(ImportUrlDialog)
        self.fetchButton.setObjectName(u"fetchButton")

        self.urlLayout.addWidget(self.fetchButton)


        self.mainLayout.addLayout(self.urlLayout)

        self.busyWidget = QWidget(ImportUrlDialog)
        self.busyWidget.setObjectName(u"busyWidget")
        self.busyWidget.setVisible(False)
        self.busyLayout = QHBoxLayout(self.busyWidget)
        self.busyLayout.setObjectName(u"busyLayout")
        self.busyLayout.setContentsMargins(0, 0, 0, 0)
        self.progressBar = QProgressBar(self.busyWidget)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)

        self.busyLayout.addWidget(self.progressBar)

        self.cancelFetchButton = QPushButton(self.busyWidget)
        self.cancelFetchButton.setObjectName(u"cancelFetchButton")

        self.busyLayout.addWidget(self.cancelFetchButton)


        self.mainLayout.addWidget(self.busyWidget)

        self.statusLabel = QLabel(ImportUrlDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.setText(u"")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.handWidget = QWidget(ImportUrlDialog)
        self.handWidget.setObjectName(u"handWidget")
        self.handWidget.setVisible(False)
        self.handLayout = QHBoxLayout(self.handWidget)
        self.handLayout.setObjectName(u"handLayout")
        self.handLayout.setContentsMargins(0, 0, 0, 0)
        self.enterByHandButton = QPushButton(self.handWidget)
        self.enterByHandButton.setObjectName(u"enterByHandButton")

        self.handLayout.addWidget(self.enterByHandButton)

        self.handSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.handLayout.addItem(self.handSpacer)


        self.mainLayout.addWidget(self.handWidget)

        self.emptyStateLabel = QLabel(ImportUrlDialog)
        self.emptyStateLabel.setObjectName(u"emptyStateLabel")
        self.emptyStateLabel.setTextFormat(Qt.TextFormat.RichText)
        self.emptyStateLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.emptyStateLabel)

        self.previewWidget = QWidget(ImportUrlDialog)
        self.previewWidget.setObjectName(u"previewWidget")
        self.previewWidget.setVisible(False)
        self.previewLayout = QHBoxLayout(self.previewWidget)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.leftColumn.setContentsMargins(0, 0, 0, 0)
        self.duplicateFrame = QFrame(self.previewWidget)
        self.duplicateFrame.setObjectName(u"duplicateFrame")
        self.duplicateFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicateFrame.setVisible(False)
        self.duplicateLayout = QVBoxLayout(self.duplicateFrame)
        self.duplicateLayout.setObjectName(u"duplicateLayout")
        self.duplicateHeading = QLabel(self.duplicateFrame)
        self.duplicateHeading.setObjectName(u"duplicateHeading")
        self.duplicateHeading.setWordWrap(True)

        self.duplicateLayout.addWidget(self.duplicateHeading)

        self.duplicateList = QListWidget(self.duplicateFrame)
        self.duplicateList.setObjectName(u"duplicateList")
        self.duplicateList.setMaximumHeight(84)

        self.duplicateLayout.addWidget(self.duplicateList)

        self.duplicateButtons = QHBoxLayout()
        self.duplicateButtons.setObjectName(u"duplicateButtons")
        self.openExistingButton = QPushButton(self.duplicateFrame)
        self.openExistingButton.setObjectName(u"openExistingButton")

        self.duplicateButtons.addWidget(self.openExistingButton)

        self.addSnapshotButton = QPushButton(self.duplicateFrame)
        self.addSnapshotButton.setObjectName(u"addSnapshotButton")

        self.duplicateButtons.addWidget(self.addSnapshotButton)

        self.saveAnywayButton = QPushButton(self.duplicateFrame)
        self.saveAnywayButton.setObjectName(u"saveAnywayButton")

        self.duplicateButtons.addWidget(self.saveAnywayButton)

        self.duplicateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.duplicateButtons.addItem(self.duplicateSpacer)


        self.duplicateLayout.addLayout(self.duplicateButtons)


        self.leftColumn.addWidget(self.duplicateFrame)

        self.previewForm = QFormLayout()
        self.previewForm.setObjectName(u"previewForm")
        self.previewForm.setHorizontalSpacing(12)
        self.previewForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(self.previewWidget)
        self.titleLabel.setObjectName(u"titleLabel")

        self.previewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.previewWidget)
        self.titleEdit.setObjectName(u"titleEdit")

        self.previewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(self.previewWidget)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setText(u"")
        self.titleError.setWordWrap(True)
        self.titleError.setVisible(False)

        self.previewForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.companyLabel = QLabel(self.previewWidget)
        self.companyLabel.setObjectName(u"companyLabel")

        self.previewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(self.previewWidget)
        self.companyEdit.setObjectName(u"companyEdit")

        self.previewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companyEdit)

        self.companyError = QLabel(self.previewWidget)
        self.companyError.setObjectName(u"companyError")
        self.companyError.setText(u"")
        self.companyError.setWordWrap(True)
        self.companyError.setVisible(False)

        self.previewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.companyError)

        self.locationLabel = QLabel(self.previewWidget)
        self.locationLabel.setObjectName(u"locationLabel")

        self.previewForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(self.previewWidget)
        self.locationEdit.setObjectName(u"locationEdit")

        self.previewForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.locationError = QLabel(self.previewWidget)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setText(u"")
        self.locationError.setWordWrap(True)
        self.locationError.setVisible(False)

        self.previewForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.locationError)

        self.remoteLabel = QLabel(self.previewWidget)
        self.remoteLabel.setObjectName(u"remoteLabel")

        self.previewForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remoteLabel)

        self.remoteCombo = QComboBox(self.previewWidget)
        self.remoteCombo.setObjectName(u"remoteCombo")

        self.previewForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remoteCombo)

        self.employmentTypeLabel = QLabel(self.previewWidget)
        self.employmentTypeLabel.setObjectName(u"employmentTypeLabel")

        self.previewForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.employmentTypeLabel)

        self.employmentTypeCombo = QComboBox(self.previewWidget)
        self.employmentTypeCombo.setObjectName(u"employmentTypeCombo")

        self.previewForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.employmentTypeCombo)

        self.salaryLabel = QLabel(self.previewWidget)
        self.salaryLabel.setObjectName(u"salaryLabel")

        self.previewForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.salaryLabel)

        self.salaryLayout = QHBoxLayout()
        self.salaryLayout.setObjectName(u"salaryLayout")
        self.salaryMinEdit = QLineEdit(self.previewWidget)
        self.salaryMinEdit.setObjectName(u"salaryMinEdit")

        self.salaryLayout.addWidget(self.salaryMinEdit)

        self.salaryDash = QLabel(self.previewWidget)
        self.salaryDash.setObjectName(u"salaryDash")
        self.salaryDash.setText(u"\u2013")

        self.salaryLayout.addWidget(self.salaryDash)

        self.salaryMaxEdit = QLineEdit(self.previewWidget)
        self.salaryMaxEdit.setObjectName(u"salaryMaxEdit")

        self.salaryLayout.addWidget(self.salaryMaxEdit)

        self.salaryCurrencyCombo = QComboBox(self.previewWidget)
        self.salaryCurrencyCombo.setObjectName(u"salaryCurrencyCombo")
        self.salaryCurrencyCombo.setEditable(True)

        self.salaryLayout.addWidget(self.salaryCurrencyCombo)

        self.salaryPeriodCombo = QComboBox(self.previewWidget)
        self.salaryPeriodCombo.setObjectName(u"salaryPeriodCombo")

        self.salaryLayout.addWidget(self.salaryPeriodCombo)


        self.previewForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.salaryLayout)

        self.salaryError = QLabel(self.previewWidget)
        self.salaryError.setObjectName(u"salaryError")
        self.salaryError.setText(u"")
        self.salaryError.setWordWrap(True)
        self.salaryError.setVisible(False)

        self.previewForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.salaryError)

        self.applyUrlLabel = QLabel(self.previewWidget)
        self.applyUrlLabel.setObjectName(u"applyUrlLabel")

        self.previewForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.applyUrlLabel)

        self.applyUrlEdit = QLineEdit(self.previewWidget)
        self.applyUrlEdit.setObjectName(u"applyUrlEdit")

        self.previewForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.applyUrlEdit)

        self.applyUrlError = QLabel(self.previewWidget)
        self.applyUrlError.setObjectName(u"applyUrlError")
        self.applyUrlError.setText(u"")
        self.applyUrlError.setWordWrap(True)
        self.applyUrlError.setVisible(False)

        self.previewForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.applyUrlError)

        self.stageLabel = QLabel(self.previewWidget)
        self.stageLabel.setObjectName(u"stageLabel")

        self.previewForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(self.previewWidget)
        self.stageCombo.setObjectName(u"stageCombo")

        self.previewForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.stageError = QLabel(self.previewWidget)
        self.stageError.setObjectName(u"stageError")
        self.stageError.setText(u"")
        self.stageError.setWordWrap(True)
        self.stageError.setVisible(False)

        self.previewForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.stageError)


        self.leftColumn.addLayout(self.previewForm)

        self.warningsLabel = QLabel(self.previewWidget)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.warningsLabel.setText(u"")
        self.warningsLabel.setWordWrap(True)
        self.warningsLabel.setVisible(False)

        self.leftColumn.addWidget(self.warningsLabel)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.previewLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.rightColumn.setContentsMargins(0, 0, 0, 0)
        self.descriptionLabel = QLabel(self.previewWidget)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.rightColumn.addWidget(self.descriptionLabel)

        self.descriptionBrowser = PostingBrowser(self.previewWidget)
        self.descriptionBrowser.setObjectName(u"descriptionBrowser")

        self.rightColumn.addWidget(self.descriptionBrowser)


        self.previewLayout.addLayout(self.rightColumn)


        self.mainLayout.addWidget(self.previewWidget)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ImportUrlDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.urlLabel.setBuddy(self.urlEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.companyLabel.setBuddy(self.companyEdit)
        self.locationLabel.setBuddy(self.locationEdit)
        self.remoteLabel.setBuddy(self.remoteCombo)
        self.employmentTypeLabel.setBuddy(self.employmentTypeCombo)
        self.salaryLabel.setBuddy(self.salaryMinEdit)
        self.applyUrlLabel.setBuddy(self.applyUrlEdit)
        self.stageLabel.setBuddy(self.stageCombo)
        self.descriptionLabel.setBuddy(self.descriptionBrowser)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportUrlDialog)

        QMetaObject.connectSlotsByName(ImportUrlDialog)
    # setupUi

    def retranslateUi(self, ImportUrlDialog):
        ImportUrlDialog.setWindowTitle(QCoreApplication.translate("ImportUrlDialog", u"Import from URL", None))
        self.urlLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Address", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("ImportUrlDialog", u"Paste the link to a job posting (https://\u2026)", None))
        self.fetchButton.setText(QCoreApplication.translate("ImportUrlDialog", u"&Fetch", None))
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("ImportUrlDialog", u"Fetching", None))
#endif // QT_CONFIG(accessibility)
        self.cancelFetchButton.setText(QCoreApplication.translate("ImportUrlDialog", u"&Stop", None))
#if QT_CONFIG(tooltip)
        self.cancelFetchButton.setToolTip(QCoreApplication.translate("ImportUrlDialog", u"Stop fetching", None))
#endif // QT_CONFIG(tooltip)
        self.enterByHandButton.setText(QCoreApplication.translate("ImportUrlDialog", u"Enter it by &hand\u2026", None))
#if QT_CONFIG(tooltip)
        self.enterByHandButton.setToolTip(QCoreApplication.translate("ImportUrlDialog", u"Open New Application with this address filled in", None))
#endif // QT_CONFIG(tooltip)
        self.emptyStateLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"<p>Paste the address of one job posting, then press <b>Fetch</b>. It works with job boards, application links from Greenhouse, Lever, Ashby, Workable and similar systems, and any page that describes its posting as a schema.org JobPosting.</p><p>You can check and correct everything before it is saved.</p>", None))
        self.duplicateHeading.setText(QCoreApplication.translate("ImportUrlDialog", u"You may already track this job", None))
#if QT_CONFIG(accessibility)
        self.duplicateList.setAccessibleName(QCoreApplication.translate("ImportUrlDialog", u"Applications that may be this posting", None))
#endif // QT_CONFIG(accessibility)
        self.openExistingButton.setText(QCoreApplication.translate("ImportUrlDialog", u"&Open existing", None))
        self.addSnapshotButton.setText(QCoreApplication.translate("ImportUrlDialog", u"Update e&xisting", None))
#if QT_CONFIG(tooltip)
        self.addSnapshotButton.setToolTip(QCoreApplication.translate("ImportUrlDialog", u"Keep this copy of the posting with the existing application and show what changed", None))
#endif // QT_CONFIG(tooltip)
        self.saveAnywayButton.setText(QCoreApplication.translate("ImportUrlDialog", u"Save &anyway", None))
        self.titleLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Title", None))
        self.companyLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Company", None))
        self.locationLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Location", None))
        self.remoteLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Remote", None))
        self.employmentTypeLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Employment", None))
        self.salaryLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Salary", None))
        self.salaryMinEdit.setPlaceholderText(QCoreApplication.translate("ImportUrlDialog", u"min", None))
#if QT_CONFIG(accessibility)
        self.salaryMinEdit.setAccessibleName(QCoreApplication.translate("ImportUrlDialog", u"Minimum salary", None))
#endif // QT_CONFIG(accessibility)
        self.salaryMaxEdit.setPlaceholderText(QCoreApplication.translate("ImportUrlDialog", u"max", None))
#if QT_CONFIG(accessibility)
        self.salaryMaxEdit.setAccessibleName(QCoreApplication.translate("ImportUrlDialog", u"Maximum salary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.salaryCurrencyCombo.setAccessibleName(QCoreApplication.translate("ImportUrlDialog", u"Salary currency", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.salaryPeriodCombo.setAccessibleName(QCoreApplication.translate("ImportUrlDialog", u"Salary period", None))
#endif // QT_CONFIG(accessibility)
        self.applyUrlLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"&Apply URL", None))
        self.applyUrlEdit.setPlaceholderText(QCoreApplication.translate("ImportUrlDialog", u"https://\u2026", None))
        self.stageLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"Sta&ge", None))
#if QT_CONFIG(tooltip)
        self.stageCombo.setToolTip(QCoreApplication.translate("ImportUrlDialog", u"Saved: you are considering it. Applied: you sent an application today.", None))
#endif // QT_CONFIG(tooltip)
        self.descriptionLabel.setText(QCoreApplication.translate("ImportUrlDialog", u"Archived &description", None))
#if QT_CONFIG(accessibility)
        self.descriptionBrowser.setAccessibleName(QCoreApplication.translate("ImportUrlDialog", u"Archived description", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

