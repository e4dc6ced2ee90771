# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mail_accounts_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_MailAccountsPage(object):
    def setupUi(self, MailAccountsPage):
        if not MailAccountsPage.objectName():
            MailAccountsPage.setObjectName(u"MailAccountsPage")
        self.mainLayout = QVBoxLayout(MailAccountsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MailAccountsPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.keyringLabel = QLabel(MailAccountsPage)
        self.keyringLabel.setObjectName(u"keyringLabel")
        self.keyringLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.keyringLabel.setText(u"")
        self.keyringLabel.setWordWrap(True)
        self.keyringLabel.setVisible(False)

        self.mainLayout.addWidget(self.keyringLabel)

        self.accountsList = QListWidget(MailAccountsPage)
        self.accountsList.setObjectName(u"accountsList")

        self.mainLayout.addWidget(self.accountsList)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.addButton = QPushButton(MailAccountsPage)
        self.addButton.setObjectName(u"addButton")

        self.buttonsLayout.addWidget(self.addButton)

        self.editButton = QPushButton(MailAccountsPage)
        self.editButton.setObjectName(u"editButton")

        self.buttonsLayout.addWidget(self.editButton)

        self.removeButton = QPushButton(MailAccountsPage)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsLayout.addWidget(self.removeButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.mainLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(MailAccountsPage)

        QMetaObject.connectSlotsByName(MailAccountsPage)
    # setupUi

    def retranslateUi(self, MailAccountsPage):
        self.introLabel.setText(QCoreApplication.translate("MailAccountsPage", u"JobTracker reads these mailboxes on this computer, only when you choose Scan Mail, and proposes stage changes from the replies to your applications. Passwords are kept in your system's keyring, never in JobTracker's files.", None))
#if QT_CONFIG(accessibility)
        self.accountsList.setAccessibleName(QCoreApplication.translate("MailAccountsPage", u"Mail accounts", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("MailAccountsPage", u"&Add\u2026", None))
        self.editButton.setText(QCoreApplication.translate("MailAccountsPage", u"&Edit\u2026", None))
        self.removeButton.setText(QCoreApplication.translate("MailAccountsPage", u"&Remove", None))
        pass
    # retranslateUi

