# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_application_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_NewApplicationDialog(object):
    def setupUi(self, NewApplicationDialog):
        if not NewApplicationDialog.objectName():
            NewApplicationDialog.setObjectName(u"NewApplicationDialog")
        self.mainLayout = QVBoxLayout(NewApplicationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setHorizontalSpacing(12)
        self.titleLabel = QLabel(NewApplicationDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(NewApplicationDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(NewApplicationDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setText(u"")
        self.titleError.setWordWrap(True)
        self.titleError.setVisible(False)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.companyLabel = QLabel(NewApplicationDialog)
        self.companyLabel.setObjectName(u"companyLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(NewApplicationDialog)
        self.companyEdit.setObjectName(u"companyEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companyEdit)

        self.companyError = QLabel(NewApplicationDialog)
        self.companyError.setObjectName(u"companyError")
        self.companyError.setText(u"")
        self.companyError.setWordWrap(True)
        self.companyError.setVisible(False)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.companyError)

        self.stageLabel = QLabel(NewApplicationDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(NewApplicationDialog)
        self.stageCombo.setObjectName(u"stageCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.stageError = QLabel(NewApplicationDialog)
        self.stageError.setObjectName(u"stageError")
        self.stageError.setText(u"")
        self.stageError.setWordWrap(True)
        self.stageError.setVisible(False)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.stageError)

        self.appliedOnLabel = QLabel(NewApplicationDialog)
        self.appliedOnLabel.setObjectName(u"appliedOnLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.appliedOnLabel)

        self.appliedOnEdit = QDateEdit(NewApplicationDialog)
        self.appliedOnEdit.setObjectName(u"appliedOnEdit")
        self.appliedOnEdit.setCalendarPopup(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.appliedOnEdit)

        self.appliedOnError = QLabel(NewApplicationDialog)
        self.appliedOnError.setObjectName(u"appliedOnError")
        self.appliedOnError.setText(u"")
        self.appliedOnError.setWordWrap(True)
        self.appliedOnError.setVisible(False)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.appliedOnError)

        self.locationLabel = QLabel(NewApplicationDialog)
        self.locationLabel.setObjectName(u"locationLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(NewApplicationDialog)
        self.locationEdit.setObjectName(u"locationEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.locationError = QLabel(NewApplicationDialog)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setText(u"")
        self.locationError.setWordWrap(True)
        self.locationError.setVisible(False)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.locationError)

        self.urlLabel = QLabel(NewApplicationDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(NewApplicationDialog)
        self.urlEdit.setObjectName(u"urlEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.urlError = QLabel(NewApplicationDialog)
        self.urlError.setObjectName(u"urlError")
        self.urlError.setText(u"")
        self.urlError.setWordWrap(True)
        self.urlError.setVisible(False)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.urlError)

        self.priorityLabel = QLabel(NewApplicationDialog)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.prioritySpin = QSpinBox(NewApplicationDialog)
        self.prioritySpin.setObjectName(u"prioritySpin")
        self.prioritySpin.setMinimum(1)
        self.prioritySpin.setMaximum(5)
        self.prioritySpin.setValue(3)

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.prioritySpin)

        self.priorityError = QLabel(NewApplicationDialog)
        self.priorityError.setObjectName(u"priorityError")
        self.priorityError.setText(u"")
        self.priorityError.setWordWrap(True)
        self.priorityError.setVisible(False)

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.priorityError)

        self.followUpLabel = QLabel(NewApplicationDialog)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpLayout = QHBoxLayout()
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpCheck = QCheckBox(NewApplicationDialog)
        self.followUpCheck.setObjectName(u"followUpCheck")

        self.followUpLayout.addWidget(self.followUpCheck)

        self.followUpEdit = QDateEdit(NewApplicationDialog)
        self.followUpEdit.setObjectName(u"followUpEdit")
        self.followUpEdit.setCalendarPopup(True)

        self.followUpLayout.addWidget(self.followUpEdit)


        self.formLayout.setLayout(14, QFormLayout.ItemRole.FieldRole, self.followUpLayout)

        self.followUpError = QLabel(NewApplicationDialog)
        self.followUpError.setObjectName(u"followUpError")
        self.followUpError.setText(u"")
        self.followUpError.setWordWrap(True)
        self.followUpError.setVisible(False)

        self.formLayout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.followUpError)


        self.mainLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(0, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.MinimumExpanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(NewApplicationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.companyLabel.setBuddy(self.companyEdit)
        self.stageLabel.setBuddy(self.stageCombo)
        self.appliedOnLabel.setBuddy(self.appliedOnEdit)
        self.locationLabel.setBuddy(self.locationEdit)
        self.urlLabel.setBuddy(self.urlEdit)
        self.priorityLabel.setBuddy(self.prioritySpin)
        self.followUpLabel.setBuddy(self.followUpCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewApplicationDialog)
        self.buttonBox.accepted.connect(NewApplicationDialog.accept)
        self.buttonBox.rejected.connect(NewApplicationDialog.reject)

        QMetaObject.connectSlotsByName(NewApplicationDialog)
    # setupUi

    def retranslateUi(self, NewApplicationDialog):
        NewApplicationDialog.setWindowTitle(QCoreApplication.translate("NewApplicationDialog", u"New Application", None))
        self.titleLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"&Title", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("NewApplicationDialog", u"e.g. Backend Developer", None))
        self.companyLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"&Company", None))
        self.companyEdit.setPlaceholderText(QCoreApplication.translate("NewApplicationDialog", u"e.g. Acme GmbH", None))
        self.stageLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"&Stage", None))
        self.appliedOnLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"&Applied on", None))
        self.locationLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"&Location", None))
        self.locationEdit.setPlaceholderText(QCoreApplication.translate("NewApplicationDialog", u"City, country", None))
        self.urlLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"Posting &URL", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("NewApplicationDialog", u"https://\u2026", None))
        self.priorityLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"&Priority", None))
#if QT_CONFIG(tooltip)
        self.prioritySpin.setToolTip(QCoreApplication.translate("NewApplicationDialog", u"1 = low, 5 = high", None))
#endif // QT_CONFIG(tooltip)
        self.followUpLabel.setText(QCoreApplication.translate("NewApplicationDialog", u"&Follow up", None))
        self.followUpCheck.setText(QCoreApplication.translate("NewApplicationDialog", u"Remind me on", None))
#if QT_CONFIG(accessibility)
        self.followUpEdit.setAccessibleName(QCoreApplication.translate("NewApplicationDialog", u"Follow-up date", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

