# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'suggestion_edit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SuggestionEditDialog(object):
    def setupUi(self, SuggestionEditDialog):
        if not SuggestionEditDialog.objectName():
            SuggestionEditDialog.setObjectName(u"SuggestionEditDialog")
        self.mainLayout = QVBoxLayout(SuggestionEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.messageLabel = QLabel(SuggestionEditDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setVisible(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.applicationLabel = QLabel(SuggestionEditDialog)
        self.applicationLabel.setObjectName(u"applicationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.applicationLabel)

        self.applicationCombo = QComboBox(SuggestionEditDialog)
        self.applicationCombo.setObjectName(u"applicationCombo")
        self.applicationCombo.setEditable(True)
        self.applicationCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.applicationCombo)

        self.applicationError = QLabel(SuggestionEditDialog)
        self.applicationError.setObjectName(u"applicationError")
        self.applicationError.setText(u"")
        self.applicationError.setWordWrap(True)
        self.applicationError.setVisible(False)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.applicationError)

        self.stageLabel = QLabel(SuggestionEditDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(SuggestionEditDialog)
        self.stageCombo.setObjectName(u"stageCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.stageError = QLabel(SuggestionEditDialog)
        self.stageError.setObjectName(u"stageError")
        self.stageError.setText(u"")
        self.stageError.setWordWrap(True)
        self.stageError.setVisible(False)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.stageError)

        self.interviewCheck = QCheckBox(SuggestionEditDialog)
        self.interviewCheck.setObjectName(u"interviewCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.interviewCheck)

        self.interviewEdit = QDateTimeEdit(SuggestionEditDialog)
        self.interviewEdit.setObjectName(u"interviewEdit")
        self.interviewEdit.setCalendarPopup(True)
        self.interviewEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.interviewEdit)

        self.interviewError = QLabel(SuggestionEditDialog)
        self.interviewError.setObjectName(u"interviewError")
        self.interviewError.setText(u"")
        self.interviewError.setWordWrap(True)
        self.interviewError.setVisible(False)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.interviewError)


        self.mainLayout.addLayout(self.formLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(SuggestionEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.applicationLabel.setBuddy(self.applicationCombo)
        self.stageLabel.setBuddy(self.stageCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SuggestionEditDialog)
        self.buttonBox.accepted.connect(SuggestionEditDialog.accept)
        self.buttonBox.rejected.connect(SuggestionEditDialog.reject)

        QMetaObject.connectSlotsByName(SuggestionEditDialog)
    # setupUi

    def retranslateUi(self, SuggestionEditDialog):
        SuggestionEditDialog.setWindowTitle(QCoreApplication.translate("SuggestionEditDialog", u"Edit Suggestion", None))
        self.applicationLabel.setText(QCoreApplication.translate("SuggestionEditDialog", u"&Application", None))
        self.stageLabel.setText(QCoreApplication.translate("SuggestionEditDialog", u"&Stage", None))
        self.interviewCheck.setText(QCoreApplication.translate("SuggestionEditDialog", u"&Interview at", None))
    # retranslateUi

