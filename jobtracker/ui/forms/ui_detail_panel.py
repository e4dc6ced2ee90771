# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'detail_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QFrame, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QStackedWidget, QTabWidget, QToolButton, QVBoxLayout,
    QWidget)

class Ui_DetailPanel(object):
    def setupUi(self, DetailPanel):
        if not DetailPanel.objectName():
            DetailPanel.setObjectName(u"DetailPanel")
        self.panelLayout = QVBoxLayout(DetailPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(DetailPanel)
        self.pages.setObjectName(u"pages")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.noSelectionLabel = QLabel(self.emptyPage)
        self.noSelectionLabel.setObjectName(u"noSelectionLabel")
        self.noSelectionLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.noSelectionLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.noSelectionLabel)

        self.pages.addWidget(self.emptyPage)
        self.contentPage = QWidget()
        self.contentPage.setObjectName(u"contentPage")
        self.contentLayout = QVBoxLayout(self.contentPage)
        self.contentLayout.setObjectName(u"contentLayout")
        self.headerLabel = QLabel(self.contentPage)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.headerLabel.setText(u"")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contentLayout.addWidget(self.headerLabel)

        self.stageLayout = QHBoxLayout()
        self.stageLayout.setObjectName(u"stageLayout")
        self.stageLabel = QLabel(self.contentPage)
        self.stageLabel.setObjectName(u"stageLabel")

        self.stageLayout.addWidget(self.stageLabel)

        self.stageCombo = QComboBox(self.contentPage)
        self.stageCombo.setObjectName(u"stageCombo")

        self.stageLayout.addWidget(self.stageCombo)

        self.stageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stageLayout.addItem(self.stageSpacer)

        self.lastChangeLabel = QLabel(self.contentPage)
        self.lastChangeLabel.setObjectName(u"lastChangeLabel")
        self.lastChangeLabel.setText(u"")

        self.stageLayout.addWidget(self.lastChangeLabel)


        self.contentLayout.addLayout(self.stageLayout)

        self.tabs = QTabWidget(self.contentPage)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsTabLayout = QVBoxLayout(self.detailsTab)
        self.detailsTabLayout.setObjectName(u"detailsTabLayout")
        self.detailsScroll = QScrollArea(self.detailsTab)
        self.detailsScroll.setObjectName(u"detailsScroll")
        self.detailsScroll.setWidgetResizable(True)
        self.detailsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailsScrollContents = QWidget()
        self.detailsScrollContents.setObjectName(u"detailsScrollContents")
        self.detailsScrollLayout = QVBoxLayout(self.detailsScrollContents)
        self.detailsScrollLayout.setObjectName(u"detailsScrollLayout")
        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.detailsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detailsForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.titleLabel = QLabel(self.detailsScrollContents)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.detailsScrollContents)
        self.titleEdit.setObjectName(u"titleEdit")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(self.detailsScrollContents)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setText(u"")
        self.titleError.setWordWrap(True)
        self.titleError.setVisible(False)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.companyLabel = QLabel(self.detailsScrollContents)
        self.companyLabel.setObjectName(u"companyLabel")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(self.detailsScrollContents)
        self.companyEdit.setObjectName(u"companyEdit")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companyEdit)

        self.companyError = QLabel(self.detailsScrollContents)
        self.companyError.setObjectName(u"companyError")
        self.companyError.setText(u"")
        self.companyError.setWordWrap(True)
        self.companyError.setVisible(False)

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.companyError)

        self.locationLabel = QLabel(self.detailsScrollContents)
        self.locationLabel.setObjectName(u"locationLabel")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(self.detailsScrollContents)
        self.locationEdit.setObjectName(u"locationEdit")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.locationError = QLabel(self.detailsScrollContents)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setText(u"")
        self.locationError.setWordWrap(True)
        self.locationError.setVisible(False)

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.locationError)

        self.remoteLabel = QLabel(self.detailsScrollContents)
        self.remoteLabel.setObjectName(u"remoteLabel")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remoteLabel)

        self.remoteCombo = QComboBox(self.detailsScrollContents)
        self.remoteCombo.setObjectName(u"remoteCombo")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remoteCombo)

        self.remoteError = QLabel(self.detailsScrollContents)
        self.remoteError.setObjectName(u"remoteError")
        self.remoteError.setText(u"")
        self.remoteError.setWordWrap(True)
        self.remoteError.setVisible(False)

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.remoteError)

        self.employmentTypeLabel = QLabel(self.detailsScrollContents)
        self.employmentTypeLabel.setObjectName(u"employmentTypeLabel")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.employmentTypeLabel)

        self.employmentTypeCombo = QComboBox(self.detailsScrollContents)
        self.employmentTypeCombo.setObjectName(u"employmentTypeCombo")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.employmentTypeCombo)

        self.employmentTypeError = QLabel(self.detailsScrollContents)
        self.employmentTypeError.setObjectName(u"employmentTypeError")
        self.employmentTypeError.setText(u"")
        self.employmentTypeError.setWordWrap(True)
        self.employmentTypeError.setVisible(False)

        self.detailsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.employmentTypeError)

        self.salaryLabel = QLabel(self.detailsScrollContents)
        self.salaryLabel.setObjectName(u"salaryLabel")

        self.detailsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.salaryLabel)

        self.salaryLayout = QGridLayout()
        self.salaryLayout.setObjectName(u"salaryLayout")
        self.salaryMinEdit = QLineEdit(self.detailsScrollContents)
        self.salaryMinEdit.setObjectName(u"salaryMinEdit")

        self.salaryLayout.addWidget(self.salaryMinEdit, 0, 0, 1, 1)

        self.salaryDash = QLabel(self.detailsScrollContents)
        self.salaryDash.setObjectName(u"salaryDash")
        self.salaryDash.setText(u"\u2013")

        self.salaryLayout.addWidget(self.salaryDash, 0, 1, 1, 1)

        self.salaryMaxEdit = QLineEdit(self.detailsScrollContents)
        self.salaryMaxEdit.setObjectName(u"salaryMaxEdit")

        self.salaryLayout.addWidget(self.salaryMaxEdit, 0, 2, 1, 1)

        self.salaryCurrencyCombo = QComboBox(self.detailsScrollContents)
        self.salaryCurrencyCombo.setObjectName(u"salaryCurrencyCombo")
        self.salaryCurrencyCombo.setEditable(True)

        self.salaryLayout.addWidget(self.salaryCurrencyCombo, 1, 0, 1, 1)

        self.salaryPeriodCombo = QComboBox(self.detailsScrollContents)
        self.salaryPeriodCombo.setObjectName(u"salaryPeriodCombo")

        self.salaryLayout.addWidget(self.salaryPeriodCombo, 1, 2, 1, 1)


        self.detailsForm.setLayout(10, QFormLayout.ItemRole.FieldRole, self.salaryLayout)

        self.salaryError = QLabel(self.detailsScrollContents)
        self.salaryError.setObjectName(u"salaryError")
        self.salaryError.setText(u"")
        self.salaryError.setWordWrap(True)
        self.salaryError.setVisible(False)

        self.detailsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.salaryError)

        self.urlLabel = QLabel(self.detailsScrollContents)
        self.urlLabel.setObjectName(u"urlLabel")

        self.detailsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlLayout = QHBoxLayout()
        self.urlLayout.setObjectName(u"urlLayout")
        self.urlEdit = QLineEdit(self.detailsScrollContents)
        self.urlEdit.setObjectName(u"urlEdit")

        self.urlLayout.addWidget(self.urlEdit)

        self.openUrlButton = QToolButton(self.detailsScrollContents)
        self.openUrlButton.setObjectName(u"openUrlButton")

        self.urlLayout.addWidget(self.openUrlButton)


        self.detailsForm.setLayout(12, QFormLayout.ItemRole.FieldRole, self.urlLayout)

        self.urlError = QLabel(self.detailsScrollContents)
        self.urlError.setObjectName(u"urlError")
        self.urlError.setText(u"")
        self.urlError.setWordWrap(True)
        self.urlError.setVisible(False)

        self.detailsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.urlError)

        self.sourceLabel = QLabel(self.detailsScrollContents)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.detailsForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceEdit = QLineEdit(self.detailsScrollContents)
        self.sourceEdit.setObjectName(u"sourceEdit")

        self.detailsForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.sourceEdit)

        self.sourceError = QLabel(self.detailsScrollContents)
        self.sourceError.setObjectName(u"sourceError")
        self.sourceError.setText(u"")
        self.sourceError.setWordWrap(True)
        self.sourceError.setVisible(False)

        self.detailsForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.sourceError)

        self.priorityLabel = QLabel(self.detailsScrollContents)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.detailsForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.prioritySpin = QSpinBox(self.detailsScrollContents)
        self.prioritySpin.setObjectName(u"prioritySpin")
        self.prioritySpin.setMinimum(1)
        self.prioritySpin.setMaximum(5)

        self.detailsForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.prioritySpin)

        self.priorityError = QLabel(self.detailsScrollContents)
        self.priorityError.setObjectName(u"priorityError")
        self.priorityError.setText(u"")
        self.priorityError.setWordWrap(True)
        self.priorityError.setVisible(False)

        self.detailsForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.priorityError)

        self.tagsLabel = QLabel(self.detailsScrollContents)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.detailsForm.setWidget(18, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.tagsEdit = QLineEdit(self.detailsScrollContents)
        self.tagsEdit.setObjectName(u"tagsEdit")

        self.detailsForm.setWidget(18, QFormLayout.ItemRole.FieldRole, self.tagsEdit)

        self.tagsError = QLabel(self.detailsScrollContents)
        self.tagsError.setObjectName(u"tagsError")
        self.tagsError.setText(u"")
        self.tagsError.setWordWrap(True)
        self.tagsError.setVisible(False)

        self.detailsForm.setWidget(19, QFormLayout.ItemRole.FieldRole, self.tagsError)

        self.appliedOnLabel = QLabel(self.detailsScrollContents)
        self.appliedOnLabel.setObjectName(u"appliedOnLabel")

        self.detailsForm.setWidget(20, QFormLayout.ItemRole.LabelRole, self.appliedOnLabel)

        self.appliedOnLayout = QHBoxLayout()
        self.appliedOnLayout.setObjectName(u"appliedOnLayout")
        self.appliedOnEdit = QDateEdit(self.detailsScrollContents)
        self.appliedOnEdit.setObjectName(u"appliedOnEdit")
        self.appliedOnEdit.setCalendarPopup(True)

        self.appliedOnLayout.addWidget(self.appliedOnEdit)

        self.clearAppliedButton = QToolButton(self.detailsScrollContents)
        self.clearAppliedButton.setObjectName(u"clearAppliedButton")

        self.appliedOnLayout.addWidget(self.clearAppliedButton)


        self.detailsForm.setLayout(20, QFormLayout.ItemRole.FieldRole, self.appliedOnLayout)

        self.appliedOnError = QLabel(self.detailsScrollContents)
        self.appliedOnError.setObjectName(u"appliedOnError")
        self.appliedOnError.setText(u"")
        self.appliedOnError.setWordWrap(True)
        self.appliedOnError.setVisible(False)

        self.detailsForm.setWidget(21, QFormLayout.ItemRole.FieldRole, self.appliedOnError)

        self.followUpOnLabel = QLabel(self.detailsScrollContents)
        self.followUpOnLabel.setObjectName(u"followUpOnLabel")

        self.detailsForm.setWidget(22, QFormLayout.ItemRole.LabelRole, self.followUpOnLabel)

        self.followUpLayout = QHBoxLayout()
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpOnEdit = QDateEdit(self.detailsScrollContents)
        self.followUpOnEdit.setObjectName(u"followUpOnEdit")
        self.followUpOnEdit.setCalendarPopup(True)

        self.followUpLayout.addWidget(self.followUpOnEdit)

        self.clearFollowUpButton = QToolButton(self.detailsScrollContents)
        self.clearFollowUpButton.setObjectName(u"clearFollowUpButton")

        self.followUpLayout.addWidget(self.clearFollowUpButton)


        self.detailsForm.setLayout(22, QFormLayout.ItemRole.FieldRole, self.followUpLayout)

        self.followUpOnError = QLabel(self.detailsScrollContents)
        self.followUpOnError.setObjectName(u"followUpOnError")
        self.followUpOnError.setText(u"")
        self.followUpOnError.setWordWrap(True)
        self.followUpOnError.setVisible(False)

        self.detailsForm.setWidget(23, QFormLayout.ItemRole.FieldRole, self.followUpOnError)

        self.documentsLabel = QLabel(self.detailsScrollContents)
        self.documentsLabel.setObjectName(u"documentsLabel")

        self.detailsForm.setWidget(24, QFormLayout.ItemRole.LabelRole, self.documentsLabel)

        self.documentsLayout = QVBoxLayout()
        self.documentsLayout.setObjectName(u"documentsLayout")
        self.documentsList = QListWidget(self.detailsScrollContents)
        self.documentsList.setObjectName(u"documentsList")
        self.documentsList.setMaximumHeight(90)

        self.documentsLayout.addWidget(self.documentsList)

        self.documentButtons = QGridLayout()
        self.documentButtons.setObjectName(u"documentButtons")
        self.attachResumeButton = QPushButton(self.detailsScrollContents)
        self.attachResumeButton.setObjectName(u"attachResumeButton")

        self.documentButtons.addWidget(self.attachResumeButton, 0, 0, 1, 1)

        self.attachCoverButton = QPushButton(self.detailsScrollContents)
        self.attachCoverButton.setObjectName(u"attachCoverButton")

        self.documentButtons.addWidget(self.attachCoverButton, 0, 1, 1, 1)

        self.detachButton = QPushButton(self.detailsScrollContents)
        self.detachButton.setObjectName(u"detachButton")

        self.documentButtons.addWidget(self.detachButton, 1, 0, 1, 1)

        self.docSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.documentButtons.addItem(self.docSpacer, 0, 2, 1, 1)


        self.documentsLayout.addLayout(self.documentButtons)


        self.detailsForm.setLayout(24, QFormLayout.ItemRole.FieldRole, self.documentsLayout)

        self.documentsError = QLabel(self.detailsScrollContents)
        self.documentsError.setObjectName(u"documentsError")
        self.documentsError.setText(u"")
        self.documentsError.setWordWrap(True)
        self.documentsError.setVisible(False)

        self.detailsForm.setWidget(25, QFormLayout.ItemRole.FieldRole, self.documentsError)


        self.detailsScrollLayout.addLayout(self.detailsForm)

        self.detailsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailsScrollLayout.addItem(self.detailsSpacer)

        self.detailsScroll.setWidget(self.detailsScrollContents)

        self.detailsTabLayout.addWidget(self.detailsScroll)

        self.tabs.addTab(self.detailsTab, "")
        self.activityTab = QWidget()
        self.activityTab.setObjectName(u"activityTab")
        self.activityTabLayout = QVBoxLayout(self.activityTab)
        self.activityTabLayout.setObjectName(u"activityTabLayout")
        self.activityTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.activityTab, "")
        self.contactsTab = QWidget()
        self.contactsTab.setObjectName(u"contactsTab")
        self.contactsTabLayout = QVBoxLayout(self.contactsTab)
        self.contactsTabLayout.setObjectName(u"contactsTabLayout")
        self.tabs.addTab(self.contactsTab, "")
        self.postingTab = QWidget()
        self.postingTab.setObjectName(u"postingTab")
        self.postingTabLayout = QVBoxLayout(self.postingTab)
        self.postingTabLayout.setObjectName(u"postingTabLayout")
        self.tabs.addTab(self.postingTab, "")

        self.contentLayout.addWidget(self.tabs)

        self.pages.addWidget(self.contentPage)

        self.panelLayout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.stageLabel.setBuddy(self.stageCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.companyLabel.setBuddy(self.companyEdit)
        self.locationLabel.setBuddy(self.locationEdit)
        self.remoteLabel.setBuddy(self.remoteCombo)
        self.employmentTypeLabel.setBuddy(self.employmentTypeCombo)
        self.salaryLabel.setBuddy(self.salaryMinEdit)
        self.urlLabel.setBuddy(self.urlEdit)
        self.sourceLabel.setBuddy(self.sourceEdit)
        self.priorityLabel.setBuddy(self.prioritySpin)
        self.tagsLabel.setBuddy(self.tagsEdit)
        self.appliedOnLabel.setBuddy(self.appliedOnEdit)
        self.followUpOnLabel.setBuddy(self.followUpOnEdit)
        self.documentsLabel.setBuddy(self.documentsList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DetailPanel)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(DetailPanel)
    # setupUi

    def retranslateUi(self, DetailPanel):
        self.noSelectionLabel.setText(QCoreApplication.translate("DetailPanel", u"Select an application to see and edit its details.", None))
        self.stageLabel.setText(QCoreApplication.translate("DetailPanel", u"S&tage", None))
#if QT_CONFIG(tooltip)
        self.stageCombo.setToolTip(QCoreApplication.translate("DetailPanel", u"Move to another stage (recorded with today's date)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.detailsTab.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Details", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("DetailPanel", u"&Title", None))
        self.companyLabel.setText(QCoreApplication.translate("DetailPanel", u"&Company", None))
        self.locationLabel.setText(QCoreApplication.translate("DetailPanel", u"&Location", None))
        self.remoteLabel.setText(QCoreApplication.translate("DetailPanel", u"&Remote", None))
        self.employmentTypeLabel.setText(QCoreApplication.translate("DetailPanel", u"&Employment", None))
        self.salaryLabel.setText(QCoreApplication.translate("DetailPanel", u"&Salary", None))
        self.salaryMinEdit.setPlaceholderText(QCoreApplication.translate("DetailPanel", u"min", None))
#if QT_CONFIG(accessibility)
        self.salaryMinEdit.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Salary minimum", None))
#endif // QT_CONFIG(accessibility)
        self.salaryMaxEdit.setPlaceholderText(QCoreApplication.translate("DetailPanel", u"max", None))
#if QT_CONFIG(accessibility)
        self.salaryMaxEdit.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Salary maximum", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.salaryCurrencyCombo.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Salary currency", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.salaryPeriodCombo.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Salary period", None))
#endif // QT_CONFIG(accessibility)
        self.urlLabel.setText(QCoreApplication.translate("DetailPanel", u"Posting &URL", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("DetailPanel", u"https://\u2026", None))
        self.openUrlButton.setText(QCoreApplication.translate("DetailPanel", u"Open", None))
#if QT_CONFIG(tooltip)
        self.openUrlButton.setToolTip(QCoreApplication.translate("DetailPanel", u"Open posting in browser", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.openUrlButton.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Open posting in browser", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText(QCoreApplication.translate("DetailPanel", u"S&ource", None))
        self.sourceEdit.setPlaceholderText(QCoreApplication.translate("DetailPanel", u"e.g. LinkedIn, referral", None))
        self.priorityLabel.setText(QCoreApplication.translate("DetailPanel", u"&Priority", None))
#if QT_CONFIG(tooltip)
        self.prioritySpin.setToolTip(QCoreApplication.translate("DetailPanel", u"1 = low, 5 = high", None))
#endif // QT_CONFIG(tooltip)
        self.tagsLabel.setText(QCoreApplication.translate("DetailPanel", u"T&ags", None))
        self.tagsEdit.setPlaceholderText(QCoreApplication.translate("DetailPanel", u"comma separated", None))
        self.appliedOnLabel.setText(QCoreApplication.translate("DetailPanel", u"Applied o&n", None))
        self.clearAppliedButton.setText(QCoreApplication.translate("DetailPanel", u"Clear", None))
#if QT_CONFIG(tooltip)
        self.clearAppliedButton.setToolTip(QCoreApplication.translate("DetailPanel", u"Clear applied date", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.clearAppliedButton.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Clear applied date", None))
#endif // QT_CONFIG(accessibility)
        self.followUpOnLabel.setText(QCoreApplication.translate("DetailPanel", u"&Follow up", None))
        self.clearFollowUpButton.setText(QCoreApplication.translate("DetailPanel", u"Clear", None))
#if QT_CONFIG(tooltip)
        self.clearFollowUpButton.setToolTip(QCoreApplication.translate("DetailPanel", u"Clear follow-up date", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.clearFollowUpButton.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Clear follow-up date", None))
#endif // QT_CONFIG(accessibility)
        self.documentsLabel.setText(QCoreApplication.translate("DetailPanel", u"&Documents", None))
#if QT_CONFIG(tooltip)
        self.documentsList.setToolTip(QCoreApplication.translate("DetailPanel", u"Drop a resume or cover letter here", None))
#endif // QT_CONFIG(tooltip)
        self.attachResumeButton.setText(QCoreApplication.translate("DetailPanel", u"Attach &resume\u2026", None))
        self.attachCoverButton.setText(QCoreApplication.translate("DetailPanel", u"Attach co&ver letter\u2026", None))
        self.detachButton.setText(QCoreApplication.translate("DetailPanel", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.detachButton.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Remove document", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("DetailPanel", u"Details", None))
#if QT_CONFIG(accessibility)
        self.activityTab.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Activity", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.activityTab), QCoreApplication.translate("DetailPanel", u"Activit&y", None))
#if QT_CONFIG(accessibility)
        self.contactsTab.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Contacts", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.contactsTab), QCoreApplication.translate("DetailPanel", u"Contacts", None))
#if QT_CONFIG(accessibility)
        self.postingTab.setAccessibleName(QCoreApplication.translate("DetailPanel", u"Posting", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.postingTab), QCoreApplication.translate("DetailPanel", u"Posting", None))
        pass
    # retranslateUi

