# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backups_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_BackupsPage(object):
    def setupUi(self, BackupsPage):
        if not BackupsPage.objectName():
            BackupsPage.setObjectName(u"BackupsPage")
        self.backupsLayout = QVBoxLayout(BackupsPage)
        self.backupsLayout.setObjectName(u"backupsLayout")
        self.backupsHint = QLabel(BackupsPage)
        self.backupsHint.setObjectName(u"backupsHint")
        self.backupsHint.setWordWrap(True)

        self.backupsLayout.addWidget(self.backupsHint)

        self.backupsRow = QVBoxLayout()
        self.backupsRow.setObjectName(u"backupsRow")
        self.backupsTree = QTreeWidget(BackupsPage)
        self.backupsTree.setObjectName(u"backupsTree")
        self.backupsTree.setAlternatingRowColors(True)
        self.backupsTree.setRootIsDecorated(False)
        self.backupsTree.setUniformRowHeights(True)
        self.backupsTree.setAllColumnsShowFocus(True)

        self.backupsRow.addWidget(self.backupsTree)

        self.backupButtons = QHBoxLayout()
        self.backupButtons.setObjectName(u"backupButtons")
        self.backupNowButton = QPushButton(BackupsPage)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.backupButtons.addWidget(self.backupNowButton)

        self.restoreButton = QPushButton(BackupsPage)
        self.restoreButton.setObjectName(u"restoreButton")

        self.backupButtons.addWidget(self.restoreButton)

        self.openBackupsFolderButton = QPushButton(BackupsPage)
        self.openBackupsFolderButton.setObjectName(u"openBackupsFolderButton")

        self.backupButtons.addWidget(self.openBackupsFolderButton)

        self.backupButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupButtons.addItem(self.backupButtonsSpacer)


        self.backupsRow.addLayout(self.backupButtons)


        self.backupsLayout.addLayout(self.backupsRow)

        self.keepRow = QHBoxLayout()
        self.keepRow.setObjectName(u"keepRow")
        self.keepLabel = QLabel(BackupsPage)
        self.keepLabel.setObjectName(u"keepLabel")

        self.keepRow.addWidget(self.keepLabel)

        self.keepSpin = QSpinBox(BackupsPage)
        self.keepSpin.setObjectName(u"keepSpin")
        self.keepSpin.setMinimum(1)
        self.keepSpin.setMaximum(365)
        self.keepSpin.setValue(14)

        self.keepRow.addWidget(self.keepSpin)

        self.keepSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.keepRow.addItem(self.keepSpacer)


        self.backupsLayout.addLayout(self.keepRow)

        self.backupsStatus = QLabel(BackupsPage)
        self.backupsStatus.setObjectName(u"backupsStatus")
        self.backupsStatus.setTextFormat(Qt.TextFormat.PlainText)
        self.backupsStatus.setWordWrap(True)
        self.backupsStatus.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupsLayout.addWidget(self.backupsStatus)

#if QT_CONFIG(shortcut)
        self.keepLabel.setBuddy(self.keepSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.backupsTree, self.backupNowButton)
        QWidget.setTabOrder(self.backupNowButton, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.openBackupsFolderButton)
        QWidget.setTabOrder(self.openBackupsFolderButton, self.keepSpin)

        self.retranslateUi(BackupsPage)

        QMetaObject.connectSlotsByName(BackupsPage)
    # setupUi

    def retranslateUi(self, BackupsPage):
        self.backupsHint.setText(QCoreApplication.translate("BackupsPage", u"A copy of your data is taken once a day when JobTracker opens or closes. Restoring a backup keeps a copy of the current data first.", None))
        ___qtreewidgetitem = self.backupsTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("BackupsPage", u"Applications", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("BackupsPage", u"Size", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("BackupsPage", u"Kind", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("BackupsPage", u"When", None))
#if QT_CONFIG(accessibility)
        self.backupsTree.setAccessibleName(QCoreApplication.translate("BackupsPage", u"Backups", None))
#endif // QT_CONFIG(accessibility)
        self.backupNowButton.setText(QCoreApplication.translate("BackupsPage", u"Back up &now", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupsPage", u"&Restore\u2026", None))
        self.openBackupsFolderButton.setText(QCoreApplication.translate("BackupsPage", u"Open &folder", None))
        self.keepLabel.setText(QCoreApplication.translate("BackupsPage", u"&Keep the last", None))
#if QT_CONFIG(accessibility)
        self.keepSpin.setAccessibleName(QCoreApplication.translate("BackupsPage", u"Daily backups to keep", None))
#endif // QT_CONFIG(accessibility)
        self.keepSpin.setSuffix(QCoreApplication.translate("BackupsPage", u" daily backups", None))
        self.backupsStatus.setText("")
        pass
    # retranslateUi

