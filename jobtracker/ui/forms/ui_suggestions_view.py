# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'suggestions_view.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListView,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_SuggestionsView(object):
    def setupUi(self, SuggestionsView):
        if not SuggestionsView.objectName():
            SuggestionsView.setObjectName(u"SuggestionsView")
        self.mainLayout = QVBoxLayout(SuggestionsView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.summaryLabel = QLabel(SuggestionsView)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)

        self.topLayout.addWidget(self.summaryLabel)

        self.scanButton = QPushButton(SuggestionsView)
        self.scanButton.setObjectName(u"scanButton")

        self.topLayout.addWidget(self.scanButton)

        self.topLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.topLayout)

        self.progressRow = QWidget(SuggestionsView)
        self.progressRow.setObjectName(u"progressRow")
        self.progressRow.setVisible(False)
        self.progressLayout = QHBoxLayout(self.progressRow)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressLayout.setContentsMargins(0, 0, 0, 0)
        self.progressLabel = QLabel(self.progressRow)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.progressLabel.setText(u"")

        self.progressLayout.addWidget(self.progressLabel)

        self.progressBar = QProgressBar(self.progressRow)
        self.progressBar.setObjectName(u"progressBar")

        self.progressLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(self.progressRow)
        self.cancelButton.setObjectName(u"cancelButton")

        self.progressLayout.addWidget(self.cancelButton)


        self.mainLayout.addWidget(self.progressRow)

        self.pages = QStackedWidget(SuggestionsView)
        self.pages.setObjectName(u"pages")
        self.listPage = QWidget()
        self.listPage.setObjectName(u"listPage")
        self.listLayout = QVBoxLayout(self.listPage)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.suggestionsList = QListView(self.listPage)
        self.suggestionsList.setObjectName(u"suggestionsList")

        self.listLayout.addWidget(self.suggestionsList)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.acceptButton = QPushButton(self.listPage)
        self.acceptButton.setObjectName(u"acceptButton")

        self.actionsLayout.addWidget(self.acceptButton)

        self.editButton = QPushButton(self.listPage)
        self.editButton.setObjectName(u"editButton")

        self.actionsLayout.addWidget(self.editButton)

        self.createButton = QPushButton(self.listPage)
        self.createButton.setObjectName(u"createButton")

        self.actionsLayout.addWidget(self.createButton)

        self.dismissButton = QPushButton(self.listPage)
        self.dismissButton.setObjectName(u"dismissButton")

        self.actionsLayout.addWidget(self.dismissButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.listLayout.addLayout(self.actionsLayout)

        self.pages.addWidget(self.listPage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTop = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTop)

        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setText(u"")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.setupLayout = QHBoxLayout()
        self.setupLayout.setObjectName(u"setupLayout")
        self.setupLeft = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.setupLayout.addItem(self.setupLeft)

        self.setupButton = QPushButton(self.emptyPage)
        self.setupButton.setObjectName(u"setupButton")

        self.setupLayout.addWidget(self.setupButton)

        self.setupRight = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.setupLayout.addItem(self.setupRight)


        self.emptyLayout.addLayout(self.setupLayout)

        self.emptyBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottom)

        self.pages.addWidget(self.emptyPage)

        self.mainLayout.addWidget(self.pages)


        self.retranslateUi(SuggestionsView)

        QMetaObject.connectSlotsByName(SuggestionsView)
    # setupUi

    def retranslateUi(self, SuggestionsView):
        self.scanButton.setText(QCoreApplication.translate("SuggestionsView", u"&Scan Mail", None))
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("SuggestionsView", u"Scan progress", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("SuggestionsView", u"Stop Sca&n", None))
#if QT_CONFIG(accessibility)
        self.suggestionsList.setAccessibleName(QCoreApplication.translate("SuggestionsView", u"Mail suggestions", None))
#endif // QT_CONFIG(accessibility)
        self.acceptButton.setText(QCoreApplication.translate("SuggestionsView", u"A&ccept", None))
        self.editButton.setText(QCoreApplication.translate("SuggestionsView", u"Ed&it\u2026", None))
        self.createButton.setText(QCoreApplication.translate("SuggestionsView", u"C&reate Application", None))
        self.dismissButton.setText(QCoreApplication.translate("SuggestionsView", u"&Dismiss", None))
        self.setupButton.setText(QCoreApplication.translate("SuggestionsView", u"Set Up a &Mail Account\u2026", None))
        pass
    # retranslateUi

