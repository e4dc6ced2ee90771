# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'posting_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

from jobtracker.ui.widgets.posting_browser import PostingBrowser

class Ui_PostingPanel(object):
    def setupUi(self, PostingPanel):
        if not PostingPanel.objectName():
            PostingPanel.setObjectName(u"PostingPanel")
        self.panelLayout = QVBoxLayout(PostingPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(PostingPanel)
        self.pages.setObjectName(u"pages")
        self.noPostingPage = QWidget()
        self.noPostingPage.setObjectName(u"noPostingPage")
        self.noPostingLayout = QVBoxLayout(self.noPostingPage)
        self.noPostingLayout.setObjectName(u"noPostingLayout")
        self.noPostingLabel = QLabel(self.noPostingPage)
        self.noPostingLabel.setObjectName(u"noPostingLabel")
        self.noPostingLabel.setWordWrap(True)
        self.noPostingLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.noPostingLayout.addWidget(self.noPostingLabel)

        self.pages.addWidget(self.noPostingPage)
        self.postingPage = QWidget()
        self.postingPage.setObjectName(u"postingPage")
        self.postingPageLayout = QVBoxLayout(self.postingPage)
        self.postingPageLayout.setObjectName(u"postingPageLayout")
        self.postingPageLayout.setContentsMargins(0, 0, 0, 0)
        self.snapshotLayout = QHBoxLayout()
        self.snapshotLayout.setObjectName(u"snapshotLayout")
        self.snapshotLabel = QLabel(self.postingPage)
        self.snapshotLabel.setObjectName(u"snapshotLabel")

        self.snapshotLayout.addWidget(self.snapshotLabel)

        self.snapshotCombo = QComboBox(self.postingPage)
        self.snapshotCombo.setObjectName(u"snapshotCombo")
        self.snapshotCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.snapshotLayout.addWidget(self.snapshotCombo)

        self.snapshotSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.snapshotLayout.addItem(self.snapshotSpacer)

        self.checkOnlineButton = QPushButton(self.postingPage)
        self.checkOnlineButton.setObjectName(u"checkOnlineButton")

        self.snapshotLayout.addWidget(self.checkOnlineButton)


        self.postingPageLayout.addLayout(self.snapshotLayout)

        self.infoLabel = QLabel(self.postingPage)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setText(u"")
        self.infoLabel.setWordWrap(True)
        self.infoLabel.setTextFormat(Qt.TextFormat.RichText)
        self.infoLabel.setOpenExternalLinks(True)
        self.infoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.postingPageLayout.addWidget(self.infoLabel)

        self.checkLayout = QHBoxLayout()
        self.checkLayout.setObjectName(u"checkLayout")
        self.checkProgress = QProgressBar(self.postingPage)
        self.checkProgress.setObjectName(u"checkProgress")
        self.checkProgress.setMaximum(0)
        self.checkProgress.setTextVisible(False)
        self.checkProgress.setVisible(False)
        self.checkProgress.setMaximumWidth(120)

        self.checkLayout.addWidget(self.checkProgress)

        self.checkStatusLabel = QLabel(self.postingPage)
        self.checkStatusLabel.setObjectName(u"checkStatusLabel")
        self.checkStatusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.checkStatusLabel.setText(u"")
        self.checkStatusLabel.setWordWrap(True)
        self.checkStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.checkLayout.addWidget(self.checkStatusLabel)

        self.stopCheckButton = QPushButton(self.postingPage)
        self.stopCheckButton.setObjectName(u"stopCheckButton")
        self.stopCheckButton.setVisible(False)

        self.checkLayout.addWidget(self.stopCheckButton)


        self.postingPageLayout.addLayout(self.checkLayout)

        self.changesBrowser = PostingBrowser(self.postingPage)
        self.changesBrowser.setObjectName(u"changesBrowser")
        self.changesBrowser.setVisible(False)
        self.changesBrowser.setMaximumHeight(170)

        self.postingPageLayout.addWidget(self.changesBrowser)

        self.postingBrowser = PostingBrowser(self.postingPage)
        self.postingBrowser.setObjectName(u"postingBrowser")

        self.postingPageLayout.addWidget(self.postingBrowser)

        self.pages.addWidget(self.postingPage)

        self.panelLayout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.snapshotLabel.setBuddy(self.snapshotCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PostingPanel)

        QMetaObject.connectSlotsByName(PostingPanel)
    # setupUi

    def retranslateUi(self, PostingPanel):
        self.noPostingLabel.setText(QCoreApplication.translate("PostingPanel", u"No archived copy of the posting yet. Applications imported from a URL keep one here, even after the posting disappears online.", None))
        self.snapshotLabel.setText(QCoreApplication.translate("PostingPanel", u"Cop&y", None))
#if QT_CONFIG(tooltip)
        self.snapshotCombo.setToolTip(QCoreApplication.translate("PostingPanel", u"Which archived copy of the posting to show", None))
#endif // QT_CONFIG(tooltip)
        self.checkOnlineButton.setText(QCoreApplication.translate("PostingPanel", u"Check if still &online", None))
#if QT_CONFIG(tooltip)
        self.checkOnlineButton.setToolTip(QCoreApplication.translate("PostingPanel", u"Fetch the posting again; a changed copy is kept beside the old one", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.checkProgress.setAccessibleName(QCoreApplication.translate("PostingPanel", u"Checking", None))
#endif // QT_CONFIG(accessibility)
        self.stopCheckButton.setText(QCoreApplication.translate("PostingPanel", u"Stop", None))
#if QT_CONFIG(accessibility)
        self.changesBrowser.setAccessibleName(QCoreApplication.translate("PostingPanel", u"What changed", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.postingBrowser.setAccessibleName(QCoreApplication.translate("PostingPanel", u"Archived posting", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

