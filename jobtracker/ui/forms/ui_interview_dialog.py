# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'interview_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_InterviewDialog(object):
    def setupUi(self, InterviewDialog):
        if not InterviewDialog.objectName():
            InterviewDialog.setObjectName(u"InterviewDialog")
        self.mainLayout = QVBoxLayout(InterviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(InterviewDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(InterviewDialog)
        self.kindCombo.setObjectName(u"kindCombo")
        self.kindCombo.setEditable(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.kindError = QLabel(InterviewDialog)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setText(u"")
        self.kindError.setWordWrap(True)
        self.kindError.setVisible(False)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindError)

        self.startsAtLabel = QLabel(InterviewDialog)
        self.startsAtLabel.setObjectName(u"startsAtLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startsAtLabel)

        self.startsAtEdit = QDateTimeEdit(InterviewDialog)
        self.startsAtEdit.setObjectName(u"startsAtEdit")
        self.startsAtEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startsAtEdit)

        self.startsAtError = QLabel(InterviewDialog)
        self.startsAtError.setObjectName(u"startsAtError")
        self.startsAtError.setText(u"")
        self.startsAtError.setWordWrap(True)
        self.startsAtError.setVisible(False)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.startsAtError)

        self.timezoneLabel = QLabel(InterviewDialog)
        self.timezoneLabel.setObjectName(u"timezoneLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.timezoneLabel)

        self.timezoneCombo = QComboBox(InterviewDialog)
        self.timezoneCombo.setObjectName(u"timezoneCombo")
        self.timezoneCombo.setEditable(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.timezoneCombo)

        self.timezoneError = QLabel(InterviewDialog)
        self.timezoneError.setObjectName(u"timezoneError")
        self.timezoneError.setText(u"")
        self.timezoneError.setWordWrap(True)
        self.timezoneError.setVisible(False)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.timezoneError)

        self.durationLabel = QLabel(InterviewDialog)
        self.durationLabel.setObjectName(u"durationLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.durationLabel)

        self.durationSpin = QSpinBox(InterviewDialog)
        self.durationSpin.setObjectName(u"durationSpin")
        self.durationSpin.setMinimum(5)
        self.durationSpin.setMaximum(1440)
        self.durationSpin.setSingleStep(15)
        self.durationSpin.setValue(60)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.durationSpin)

        self.durationError = QLabel(InterviewDialog)
        self.durationError.setObjectName(u"durationError")
        self.durationError.setText(u"")
        self.durationError.setWordWrap(True)
        self.durationError.setVisible(False)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.durationError)

        self.locationLabel = QLabel(InterviewDialog)
        self.locationLabel.setObjectName(u"locationLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(InterviewDialog)
        self.locationEdit.setObjectName(u"locationEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.locationError = QLabel(InterviewDialog)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setText(u"")
        self.locationError.setWordWrap(True)
        self.locationError.setVisible(False)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.locationError)

        self.meetingUrlLabel = QLabel(InterviewDialog)
        self.meetingUrlLabel.setObjectName(u"meetingUrlLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.meetingUrlLabel)

        self.meetingUrlEdit = QLineEdit(InterviewDialog)
        self.meetingUrlEdit.setObjectName(u"meetingUrlEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.meetingUrlEdit)

        self.meetingUrlError = QLabel(InterviewDialog)
        self.meetingUrlError.setObjectName(u"meetingUrlError")
        self.meetingUrlError.setText(u"")
        self.meetingUrlError.setWordWrap(True)
        self.meetingUrlError.setVisible(False)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.meetingUrlError)

        self.interviewersLabel = QLabel(InterviewDialog)
        self.interviewersLabel.setObjectName(u"interviewersLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.interviewersLabel)

        self.interviewersEdit = QLineEdit(InterviewDialog)
        self.interviewersEdit.setObjectName(u"interviewersEdit")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.interviewersEdit)

        self.interviewersError = QLabel(InterviewDialog)
        self.interviewersError.setObjectName(u"interviewersError")
        self.interviewersError.setText(u"")
        self.interviewersError.setWordWrap(True)
        self.interviewersError.setVisible(False)

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.interviewersError)

        self.outcomeLabel = QLabel(InterviewDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(InterviewDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.outcomeError = QLabel(InterviewDialog)
        self.outcomeError.setObjectName(u"outcomeError")
        self.outcomeError.setText(u"")
        self.outcomeError.setWordWrap(True)
        self.outcomeError.setVisible(False)

        self.formLayout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.outcomeError)

        self.notesLabel = QLabel(InterviewDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(16, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(InterviewDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(16, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.notesError = QLabel(InterviewDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setText(u"")
        self.notesError.setWordWrap(True)
        self.notesError.setVisible(False)

        self.formLayout.setWidget(17, QFormLayout.ItemRole.FieldRole, self.notesError)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(InterviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.startsAtLabel.setBuddy(self.startsAtEdit)
        self.timezoneLabel.setBuddy(self.timezoneCombo)
        self.durationLabel.setBuddy(self.durationSpin)
        self.locationLabel.setBuddy(self.locationEdit)
        self.meetingUrlLabel.setBuddy(self.meetingUrlEdit)
        self.interviewersLabel.setBuddy(self.interviewersEdit)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InterviewDialog)
        self.buttonBox.accepted.connect(InterviewDialog.accept)
        self.buttonBox.rejected.connect(InterviewDialog.reject)

        QMetaObject.connectSlotsByName(InterviewDialog)
    # setupUi

    def retranslateUi(self, InterviewDialog):
        InterviewDialog.setWindowTitle(QCoreApplication.translate("InterviewDialog", u"Interview", None))
        self.kindLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Kind", None))
        self.startsAtLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Starts", None))
        self.timezoneLabel.setText(QCoreApplication.translate("InterviewDialog", u"Time &zone", None))
        self.durationLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Duration", None))
        self.durationSpin.setSuffix(QCoreApplication.translate("InterviewDialog", u" min", None))
        self.locationLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Place", None))
        self.locationEdit.setPlaceholderText(QCoreApplication.translate("InterviewDialog", u"Office address", None))
        self.meetingUrlLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Video link", None))
        self.meetingUrlEdit.setPlaceholderText(QCoreApplication.translate("InterviewDialog", u"https://\u2026", None))
        self.interviewersLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Interviewers", None))
        self.interviewersEdit.setPlaceholderText(QCoreApplication.translate("InterviewDialog", u"Names, comma separated", None))
        self.outcomeLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Outcome", None))
        self.notesLabel.setText(QCoreApplication.translate("InterviewDialog", u"&Notes", None))
    # retranslateUi

