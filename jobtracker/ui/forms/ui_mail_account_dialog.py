# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mail_account_dialog.ui'
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
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_MailAccountDialog(object):
    def setupUi(self, MailAccountDialog):
        if not MailAccountDialog.objectName():
            MailAccountDialog.setObjectName(u"MailAccountDialog")
        self.mainLayout = QVBoxLayout(MailAccountDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formScroll = QScrollArea(MailAccountDialog)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.formScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.formScroll.setWidgetResizable(True)
        self.formPage = QWidget()
        self.formPage.setObjectName(u"formPage")
        self.formLayout = QFormLayout(self.formPage)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.addressLabel = QLabel(self.formPage)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.formPage)
        self.addressEdit.setObjectName(u"addressEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.providerNote = QLabel(self.formPage)
        self.providerNote.setObjectName(u"providerNote")
        self.providerNote.setText(u"")
        self.providerNote.setWordWrap(True)
        self.providerNote.setVisible(False)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.providerNote)

        self.nameLabel = QLabel(self.formPage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.formPage)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.formPage)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setText(u"")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.hostLabel = QLabel(self.formPage)
        self.hostLabel.setObjectName(u"hostLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(self.formPage)
        self.hostEdit.setObjectName(u"hostEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.hostError = QLabel(self.formPage)
        self.hostError.setObjectName(u"hostError")
        self.hostError.setText(u"")
        self.hostError.setWordWrap(True)
        self.hostError.setVisible(False)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hostError)

        self.portLabel = QLabel(self.formPage)
        self.portLabel.setObjectName(u"portLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portSpin = QSpinBox(self.formPage)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(993)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.portError = QLabel(self.formPage)
        self.portError.setObjectName(u"portError")
        self.portError.setText(u"")
        self.portError.setWordWrap(True)
        self.portError.setVisible(False)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.portError)

        self.securityLabel = QLabel(self.formPage)
        self.securityLabel.setObjectName(u"securityLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.securityLabel)

        self.securityCombo = QComboBox(self.formPage)
        self.securityCombo.setObjectName(u"securityCombo")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.securityCombo)

        self.securityWarning = QLabel(self.formPage)
        self.securityWarning.setObjectName(u"securityWarning")
        self.securityWarning.setText(u"")
        self.securityWarning.setWordWrap(True)
        self.securityWarning.setVisible(False)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.securityWarning)

        self.securityError = QLabel(self.formPage)
        self.securityError.setObjectName(u"securityError")
        self.securityError.setText(u"")
        self.securityError.setWordWrap(True)
        self.securityError.setVisible(False)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.securityError)

        self.userLabel = QLabel(self.formPage)
        self.userLabel.setObjectName(u"userLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(self.formPage)
        self.userEdit.setObjectName(u"userEdit")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.userError = QLabel(self.formPage)
        self.userError.setObjectName(u"userError")
        self.userError.setText(u"")
        self.userError.setWordWrap(True)
        self.userError.setVisible(False)

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.userError)

        self.passwordLabel = QLabel(self.formPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.formPage)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.keyringNote = QLabel(self.formPage)
        self.keyringNote.setObjectName(u"keyringNote")
        self.keyringNote.setText(u"")
        self.keyringNote.setWordWrap(True)
        self.keyringNote.setVisible(True)

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.keyringNote)

        self.passwordError = QLabel(self.formPage)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setText(u"")
        self.passwordError.setWordWrap(True)
        self.passwordError.setVisible(False)

        self.formLayout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.passwordError)

        self.foldersLabel = QLabel(self.formPage)
        self.foldersLabel.setObjectName(u"foldersLabel")

        self.formLayout.setWidget(16, QFormLayout.ItemRole.LabelRole, self.foldersLabel)

        self.foldersEdit = QLineEdit(self.formPage)
        self.foldersEdit.setObjectName(u"foldersEdit")
        self.foldersEdit.setText(u"INBOX")

        self.formLayout.setWidget(16, QFormLayout.ItemRole.FieldRole, self.foldersEdit)

        self.foldersError = QLabel(self.formPage)
        self.foldersError.setObjectName(u"foldersError")
        self.foldersError.setText(u"")
        self.foldersError.setWordWrap(True)
        self.foldersError.setVisible(False)

        self.formLayout.setWidget(17, QFormLayout.ItemRole.FieldRole, self.foldersError)

        self.formScroll.setWidget(self.formPage)

        self.mainLayout.addWidget(self.formScroll)

        self.testLayout = QHBoxLayout()
        self.testLayout.setObjectName(u"testLayout")
        self.testButton = QPushButton(MailAccountDialog)
        self.testButton.setObjectName(u"testButton")
        self.testButton.setAutoDefault(False)

        self.testLayout.addWidget(self.testButton)

        self.testBusy = QProgressBar(MailAccountDialog)
        self.testBusy.setObjectName(u"testBusy")
        self.testBusy.setMinimum(0)
        self.testBusy.setMaximum(0)
        self.testBusy.setTextVisible(False)
        self.testBusy.setVisible(False)
        self.testBusy.setMaximumWidth(120)

        self.testLayout.addWidget(self.testBusy)

        self.testSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.testLayout.addItem(self.testSpacer)


        self.mainLayout.addLayout(self.testLayout)

        self.testResult = QLabel(MailAccountDialog)
        self.testResult.setObjectName(u"testResult")
        self.testResult.setTextFormat(Qt.TextFormat.PlainText)
        self.testResult.setText(u"")
        self.testResult.setWordWrap(True)
        self.testResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.testResult)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(MailAccountDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.addressLabel.setBuddy(self.addressEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.securityLabel.setBuddy(self.securityCombo)
        self.userLabel.setBuddy(self.userEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.foldersLabel.setBuddy(self.foldersEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MailAccountDialog)
        self.buttonBox.accepted.connect(MailAccountDialog.accept)
        self.buttonBox.rejected.connect(MailAccountDialog.reject)

        QMetaObject.connectSlotsByName(MailAccountDialog)
    # setupUi

    def retranslateUi(self, MailAccountDialog):
        MailAccountDialog.setWindowTitle(QCoreApplication.translate("MailAccountDialog", u"Mail Account", None))
        self.addressLabel.setText(QCoreApplication.translate("MailAccountDialog", u"E-mail &address", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("MailAccountDialog", u"you@example.com", None))
        self.nameLabel.setText(QCoreApplication.translate("MailAccountDialog", u"&Name", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("MailAccountDialog", u"e.g. Personal", None))
        self.hostLabel.setText(QCoreApplication.translate("MailAccountDialog", u"IMAP se&rver", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("MailAccountDialog", u"imap.example.com", None))
        self.portLabel.setText(QCoreApplication.translate("MailAccountDialog", u"&Port", None))
        self.securityLabel.setText(QCoreApplication.translate("MailAccountDialog", u"&Security", None))
        self.userLabel.setText(QCoreApplication.translate("MailAccountDialog", u"&User name", None))
        self.userEdit.setPlaceholderText(QCoreApplication.translate("MailAccountDialog", u"often the e-mail address", None))
        self.passwordLabel.setText(QCoreApplication.translate("MailAccountDialog", u"Pass&word", None))
        self.foldersLabel.setText(QCoreApplication.translate("MailAccountDialog", u"&Folders", None))
        self.foldersEdit.setPlaceholderText(QCoreApplication.translate("MailAccountDialog", u"INBOX, Applications", None))
#if QT_CONFIG(tooltip)
        self.foldersEdit.setToolTip(QCoreApplication.translate("MailAccountDialog", u"The folders to read, separated by commas", None))
#endif // QT_CONFIG(tooltip)
        self.testButton.setText(QCoreApplication.translate("MailAccountDialog", u"&Test Connection", None))
    # retranslateUi

