# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_PreferencesDialog(object):
    def setupUi(self, PreferencesDialog):
        if not PreferencesDialog.objectName():
            PreferencesDialog.setObjectName(u"PreferencesDialog")
        self.mainLayout = QVBoxLayout(PreferencesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(PreferencesDialog)
        self.tabs.setObjectName(u"tabs")
        self.generalTab = QWidget()
        self.generalTab.setObjectName(u"generalTab")
        self.generalLayout = QVBoxLayout(self.generalTab)
        self.generalLayout.setSpacing(12)
        self.generalLayout.setObjectName(u"generalLayout")
        self.dataGroup = QGroupBox(self.generalTab)
        self.dataGroup.setObjectName(u"dataGroup")
        self.dataForm = QFormLayout(self.dataGroup)
        self.dataForm.setObjectName(u"dataForm")
        self.dataForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dataForm.setHorizontalSpacing(12)
        self.dataFileLabel = QLabel(self.dataGroup)
        self.dataFileLabel.setObjectName(u"dataFileLabel")

        self.dataForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dataFileLabel)

        self.dataFileLayout = QHBoxLayout()
        self.dataFileLayout.setObjectName(u"dataFileLayout")
        self.dataFileEdit = QLineEdit(self.dataGroup)
        self.dataFileEdit.setObjectName(u"dataFileEdit")
        self.dataFileEdit.setReadOnly(True)

        self.dataFileLayout.addWidget(self.dataFileEdit)

        self.openFolderButton = QPushButton(self.dataGroup)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.dataFileLayout.addWidget(self.openFolderButton)


        self.dataForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dataFileLayout)

        self.dataFileError = QLabel(self.dataGroup)
        self.dataFileError.setObjectName(u"dataFileError")
        self.dataFileError.setText(u"")
        self.dataFileError.setWordWrap(True)
        self.dataFileError.setVisible(False)

        self.dataForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dataFileError)


        self.generalLayout.addWidget(self.dataGroup)

        self.remindersGroup = QGroupBox(self.generalTab)
        self.remindersGroup.setObjectName(u"remindersGroup")
        self.remindersForm = QFormLayout(self.remindersGroup)
        self.remindersForm.setObjectName(u"remindersForm")
        self.remindersForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.remindersForm.setHorizontalSpacing(12)
        self.followUpDaysLabel = QLabel(self.remindersGroup)
        self.followUpDaysLabel.setObjectName(u"followUpDaysLabel")

        self.remindersForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.followUpDaysLabel)

        self.followUpDaysSpin = QSpinBox(self.remindersGroup)
        self.followUpDaysSpin.setObjectName(u"followUpDaysSpin")
        self.followUpDaysSpin.setMinimum(0)
        self.followUpDaysSpin.setMaximum(90)

        self.remindersForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.followUpDaysSpin)

        self.followUpDaysError = QLabel(self.remindersGroup)
        self.followUpDaysError.setObjectName(u"followUpDaysError")
        self.followUpDaysError.setText(u"")
        self.followUpDaysError.setWordWrap(True)
        self.followUpDaysError.setVisible(False)

        self.remindersForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.followUpDaysError)

        self.noReplyDaysLabel = QLabel(self.remindersGroup)
        self.noReplyDaysLabel.setObjectName(u"noReplyDaysLabel")

        self.remindersForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noReplyDaysLabel)

        self.noReplyDaysSpin = QSpinBox(self.remindersGroup)
        self.noReplyDaysSpin.setObjectName(u"noReplyDaysSpin")
        self.noReplyDaysSpin.setMinimum(1)
        self.noReplyDaysSpin.setMaximum(365)
        self.noReplyDaysSpin.setValue(21)

        self.remindersForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noReplyDaysSpin)


        self.generalLayout.addWidget(self.remindersGroup)

        self.appearanceGroup = QGroupBox(self.generalTab)
        self.appearanceGroup.setObjectName(u"appearanceGroup")
        self.appearanceForm = QFormLayout(self.appearanceGroup)
        self.appearanceForm.setObjectName(u"appearanceForm")
        self.appearanceForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.appearanceForm.setHorizontalSpacing(12)
        self.themeLabel = QLabel(self.appearanceGroup)
        self.themeLabel.setObjectName(u"themeLabel")

        self.appearanceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(self.appearanceGroup)
        self.themeCombo.setObjectName(u"themeCombo")

        self.appearanceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.themeCombo)

        self.themeError = QLabel(self.appearanceGroup)
        self.themeError.setObjectName(u"themeError")
        self.themeError.setText(u"")
        self.themeError.setWordWrap(True)
        self.themeError.setVisible(False)

        self.appearanceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.themeError)

        self.dateFormatLabel = QLabel(self.appearanceGroup)
        self.dateFormatLabel.setObjectName(u"dateFormatLabel")

        self.appearanceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateFormatLabel)

        self.dateFormatCombo = QComboBox(self.appearanceGroup)
        self.dateFormatCombo.setObjectName(u"dateFormatCombo")

        self.appearanceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateFormatCombo)

        self.dateFormatError = QLabel(self.appearanceGroup)
        self.dateFormatError.setObjectName(u"dateFormatError")
        self.dateFormatError.setText(u"")
        self.dateFormatError.setWordWrap(True)
        self.dateFormatError.setVisible(False)

        self.appearanceForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateFormatError)


        self.generalLayout.addWidget(self.appearanceGroup)

        self.generalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.generalLayout.addItem(self.generalSpacer)

        self.tabs.addTab(self.generalTab, "")
        self.stagesTab = QWidget()
        self.stagesTab.setObjectName(u"stagesTab")
        self.stagesLayout = QVBoxLayout(self.stagesTab)
        self.stagesLayout.setObjectName(u"stagesLayout")
        self.stagesHint = QLabel(self.stagesTab)
        self.stagesHint.setObjectName(u"stagesHint")
        self.stagesHint.setWordWrap(True)

        self.stagesLayout.addWidget(self.stagesHint)

        self.stagesRow = QHBoxLayout()
        self.stagesRow.setObjectName(u"stagesRow")
        self.stagesList = QListWidget(self.stagesTab)
        self.stagesList.setObjectName(u"stagesList")

        self.stagesRow.addWidget(self.stagesList)

        self.stageButtons = QVBoxLayout()
        self.stageButtons.setObjectName(u"stageButtons")
        self.addStageButton = QPushButton(self.stagesTab)
        self.addStageButton.setObjectName(u"addStageButton")

        self.stageButtons.addWidget(self.addStageButton)

        self.renameStageButton = QPushButton(self.stagesTab)
        self.renameStageButton.setObjectName(u"renameStageButton")

        self.stageButtons.addWidget(self.renameStageButton)

        self.colorStageButton = QPushButton(self.stagesTab)
        self.colorStageButton.setObjectName(u"colorStageButton")

        self.stageButtons.addWidget(self.colorStageButton)

        self.removeStageButton = QPushButton(self.stagesTab)
        self.removeStageButton.setObjectName(u"removeStageButton")

        self.stageButtons.addWidget(self.removeStageButton)

        self.upStageButton = QPushButton(self.stagesTab)
        self.upStageButton.setObjectName(u"upStageButton")

        self.stageButtons.addWidget(self.upStageButton)

        self.downStageButton = QPushButton(self.stagesTab)
        self.downStageButton.setObjectName(u"downStageButton")

        self.stageButtons.addWidget(self.downStageButton)

        self.stageButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.stageButtons.addItem(self.stageButtonsSpacer)


        self.stagesRow.addLayout(self.stageButtons)


        self.stagesLayout.addLayout(self.stagesRow)

        self.stageFollowUpRow = QFormLayout()
        self.stageFollowUpRow.setObjectName(u"stageFollowUpRow")
        self.stageFollowUpRow.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.stageFollowUpRow.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.stageFollowUpLabel = QLabel(self.stagesTab)
        self.stageFollowUpLabel.setObjectName(u"stageFollowUpLabel")

        self.stageFollowUpRow.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stageFollowUpLabel)

        self.stageFollowUpSpin = QSpinBox(self.stagesTab)
        self.stageFollowUpSpin.setObjectName(u"stageFollowUpSpin")
        self.stageFollowUpSpin.setMinimum(0)
        self.stageFollowUpSpin.setMaximum(90)

        self.stageFollowUpRow.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stageFollowUpSpin)


        self.stagesLayout.addLayout(self.stageFollowUpRow)

        self.tabs.addTab(self.stagesTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(PreferencesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dataFileLabel.setBuddy(self.dataFileEdit)
        self.followUpDaysLabel.setBuddy(self.followUpDaysSpin)
        self.noReplyDaysLabel.setBuddy(self.noReplyDaysSpin)
        self.themeLabel.setBuddy(self.themeCombo)
        self.dateFormatLabel.setBuddy(self.dateFormatCombo)
        self.stageFollowUpLabel.setBuddy(self.stageFollowUpSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PreferencesDialog)
        self.buttonBox.accepted.connect(PreferencesDialog.accept)
        self.buttonBox.rejected.connect(PreferencesDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(PreferencesDialog)
    # setupUi

    def retranslateUi(self, PreferencesDialog):
        PreferencesDialog.setWindowTitle(QCoreApplication.translate("PreferencesDialog", u"Preferences", None))
        self.dataGroup.setTitle(QCoreApplication.translate("PreferencesDialog", u"Your data", None))
        self.dataFileLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Data file", None))
        self.openFolderButton.setText(QCoreApplication.translate("PreferencesDialog", u"Open &folder", None))
        self.remindersGroup.setTitle(QCoreApplication.translate("PreferencesDialog", u"Reminders", None))
        self.followUpDaysLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Default follow-&up", None))
        self.followUpDaysSpin.setSuffix(QCoreApplication.translate("PreferencesDialog", u" days after applying", None))
        self.followUpDaysSpin.setSpecialValueText(QCoreApplication.translate("PreferencesDialog", u"No reminder", None))
        self.noReplyDaysLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&No reply after", None))
#if QT_CONFIG(tooltip)
        self.noReplyDaysSpin.setToolTip(QCoreApplication.translate("PreferencesDialog", u"An open application with no stage change for this long is flagged in Today and can be moved to Ghosted in one click", None))
#endif // QT_CONFIG(tooltip)
        self.noReplyDaysSpin.setSuffix(QCoreApplication.translate("PreferencesDialog", u" days without a stage change", None))
        self.appearanceGroup.setTitle(QCoreApplication.translate("PreferencesDialog", u"Appearance", None))
        self.themeLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Theme", None))
        self.dateFormatLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Date &format", None))
        self.tabs.setTabText(self.tabs.indexOf(self.generalTab), QCoreApplication.translate("PreferencesDialog", u"General", None))
        self.stagesHint.setText(QCoreApplication.translate("PreferencesDialog", u"Stage changes apply to every application when you press OK; Edit \u203a Undo takes them back.", None))
#if QT_CONFIG(accessibility)
        self.stagesList.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Stages", None))
#endif // QT_CONFIG(accessibility)
        self.addStageButton.setText(QCoreApplication.translate("PreferencesDialog", u"&Add\u2026", None))
        self.renameStageButton.setText(QCoreApplication.translate("PreferencesDialog", u"&Rename\u2026", None))
        self.colorStageButton.setText(QCoreApplication.translate("PreferencesDialog", u"&Colour\u2026", None))
        self.removeStageButton.setText(QCoreApplication.translate("PreferencesDialog", u"Re&move\u2026", None))
#if QT_CONFIG(tooltip)
        self.removeStageButton.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Remove a stage no application is or was ever in", None))
#endif // QT_CONFIG(tooltip)
        self.upStageButton.setText(QCoreApplication.translate("PreferencesDialog", u"Move &up", None))
        self.downStageButton.setText(QCoreApplication.translate("PreferencesDialog", u"Move &down", None))
        self.stageFollowUpLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Follow up after a move to this stage:", None))
        self.stageFollowUpSpin.setSuffix(QCoreApplication.translate("PreferencesDialog", u" days", None))
        self.stageFollowUpSpin.setSpecialValueText(QCoreApplication.translate("PreferencesDialog", u"Keep the follow-up date", None))
        self.tabs.setTabText(self.tabs.indexOf(self.stagesTab), QCoreApplication.translate("PreferencesDialog", u"Stages", None))
    # retranslateUi

