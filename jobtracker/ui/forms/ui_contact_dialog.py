# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ContactDialog(object):
    def setupUi(self, ContactDialog):
        if not ContactDialog.objectName():
            ContactDialog.setObjectName(u"ContactDialog")
        self.mainLayout = QVBoxLayout(ContactDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(ContactDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ContactDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(ContactDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setText(u"")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.companyLabel = QLabel(ContactDialog)
        self.companyLabel.setObjectName(u"companyLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(ContactDialog)
        self.companyEdit.setObjectName(u"companyEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companyEdit)

        self.companyError = QLabel(ContactDialog)
        self.companyError.setObjectName(u"companyError")
        self.companyError.setText(u"")
        self.companyError.setWordWrap(True)
        self.companyError.setVisible(False)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.companyError)

        self.roleLabel = QLabel(ContactDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleEdit = QLineEdit(ContactDialog)
        self.roleEdit.setObjectName(u"roleEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleEdit)

        self.roleError = QLabel(ContactDialog)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setText(u"")
        self.roleError.setWordWrap(True)
        self.roleError.setVisible(False)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.roleError)

        self.emailLabel = QLabel(ContactDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(ContactDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.emailError = QLabel(ContactDialog)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setText(u"")
        self.emailError.setWordWrap(True)
        self.emailError.setVisible(False)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.emailError)

        self.phoneLabel = QLabel(ContactDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ContactDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.phoneError = QLabel(ContactDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setText(u"")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneError)

        self.linkedinUrlLabel = QLabel(ContactDialog)
        self.linkedinUrlLabel.setObjectName(u"linkedinUrlLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.linkedinUrlLabel)

        self.linkedinUrlEdit = QLineEdit(ContactDialog)
        self.linkedinUrlEdit.setObjectName(u"linkedinUrlEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.linkedinUrlEdit)

        self.linkedinUrlError = QLabel(ContactDialog)
        self.linkedinUrlError.setObjectName(u"linkedinUrlError")
        self.linkedinUrlError.setText(u"")
        self.linkedinUrlError.setWordWrap(True)
        self.linkedinUrlError.setVisible(False)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.linkedinUrlError)

        self.notesLabel = QLabel(ContactDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(ContactDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.notesError = QLabel(ContactDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setText(u"")
        self.notesError.setWordWrap(True)
        self.notesError.setVisible(False)

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.notesError)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ContactDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.companyLabel.setBuddy(self.companyEdit)
        self.roleLabel.setBuddy(self.roleEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.linkedinUrlLabel.setBuddy(self.linkedinUrlEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactDialog)
        self.buttonBox.accepted.connect(ContactDialog.accept)
        self.buttonBox.rejected.connect(ContactDialog.reject)

        QMetaObject.connectSlotsByName(ContactDialog)
    # setupUi

    def retranslateUi(self, ContactDialog):
        ContactDialog.setWindowTitle(QCoreApplication.translate("ContactDialog", u"Contact", None))
        self.nameLabel.setText(QCoreApplication.translate("ContactDialog", u"&Name", None))
        self.companyLabel.setText(QCoreApplication.translate("ContactDialog", u"&Company", None))
        self.roleLabel.setText(QCoreApplication.translate("ContactDialog", u"&Role", None))
        self.roleEdit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"e.g. Recruiter", None))
        self.emailLabel.setText(QCoreApplication.translate("ContactDialog", u"&E-mail", None))
        self.phoneLabel.setText(QCoreApplication.translate("ContactDialog", u"&Phone", None))
        self.linkedinUrlLabel.setText(QCoreApplication.translate("ContactDialog", u"&LinkedIn / URL", None))
        self.linkedinUrlEdit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"https://\u2026", None))
        self.notesLabel.setText(QCoreApplication.translate("ContactDialog", u"N&otes", None))
    # retranslateUi

