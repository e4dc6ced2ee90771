"""Combos of the fixed choices: remote policy, employment type, currency, salary period."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from jobtracker.vocabulary import EmploymentType, RemotePolicy, SalaryPeriod

COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "JPY",
                     "INR")  # fmt: skip


def fill_choice_combos(
    remote: QComboBox, employment: QComboBox, currency: QComboBox, period: QComboBox
) -> None:
    """Fill the four combos; each item's data is the stored value (None for "not stated")."""
    remote.addItem(QCoreApplication.translate("Choices", "Not stated"), None)
    for policy, label in (
        (RemotePolicy.REMOTE, QCoreApplication.translate("Choices", "Remote")),
        (RemotePolicy.HYBRID, QCoreApplication.translate("Choices", "Hybrid")),
        (RemotePolicy.ONSITE, QCoreApplication.translate("Choices", "On-site")),
    ):
        remote.addItem(label, policy.value)
    employment.addItem(QCoreApplication.translate("Choices", "Not stated"), None)
    for kind, label in (
        (EmploymentType.FULL_TIME, QCoreApplication.translate("Choices", "Full-time")),
        (EmploymentType.PART_TIME, QCoreApplication.translate("Choices", "Part-time")),
        (EmploymentType.CONTRACT, QCoreApplication.translate("Choices", "Contract")),
        (EmploymentType.TEMPORARY, QCoreApplication.translate("Choices", "Temporary")),
        (EmploymentType.INTERNSHIP, QCoreApplication.translate("Choices", "Internship")),
        (EmploymentType.VOLUNTEER, QCoreApplication.translate("Choices", "Volunteer")),
        (EmploymentType.OTHER, QCoreApplication.translate("Choices", "Other")),
    ):
        employment.addItem(label, kind.value)
    currency.addItem("", None)
    for code in COMMON_CURRENCIES:
        currency.addItem(code, code)
    period.addItem("", None)
    for span, label in (
        (SalaryPeriod.YEAR, QCoreApplication.translate("Choices", "per year")),
        (SalaryPeriod.MONTH, QCoreApplication.translate("Choices", "per month")),
        (SalaryPeriod.WEEK, QCoreApplication.translate("Choices", "per week")),
        (SalaryPeriod.DAY, QCoreApplication.translate("Choices", "per day")),
        (SalaryPeriod.HOUR, QCoreApplication.translate("Choices", "per hour")),
    ):
        period.addItem(label, span.value)
