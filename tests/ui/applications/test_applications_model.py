import datetime as dt

from PySide6.QtCore import QModelIndex, Qt

from jobtracker.tracker import ApplicationFilter, ApplicationInput, Tracker
from jobtracker.tracker.rows import SortKey
from jobtracker.ui.applications.applications_model import (
    COLUMN_OF,
    FOLLOW_UP_COLUMN,
    PAGE_SIZE,
    ApplicationsModel,
    IdRole,
    OverdueRole,
    StageColorRole,
)
from tests.ui.helpers import TODAY


def fill(tracker: Tracker, count: int) -> None:
    from jobtracker.tracker import ApplicationRecord

    records = [ApplicationRecord(ApplicationInput(f"Engineer {n:04d}", f"Company {n % 37}",
                                                  priority=1 + n % 5))
               for n in range(count)]
    tracker.import_records(records)


def test_model_passes_modeltester(qtmodeltester, tracker: Tracker) -> None:
    fill(tracker, 30)
    tracker.add_application(ApplicationInput("Dev", "Acme", salary_min=5_000_000,
                                             salary_max=6_000_000, salary_currency="EUR",
                                             salary_period="year",
                                             follow_up_on=TODAY - dt.timedelta(days=2)))
    model = ApplicationsModel(tracker, today=lambda: TODAY)
    qtmodeltester.check(model)
    model.sort(COLUMN_OF[SortKey.COMPANY], Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    model.set_search("dev")
    qtmodeltester.check(model)


def test_model_pages_in(qtmodeltester, tracker: Tracker) -> None:
    fill(tracker, PAGE_SIZE * 2 + 10)
    model = ApplicationsModel(tracker, today=lambda: TODAY)
    assert model.rowCount() == PAGE_SIZE
    assert model.total == PAGE_SIZE * 2 + 10
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total
    assert not model.canFetchMore(QModelIndex())
    ids = [model.index(row, 0).data(IdRole) for row in range(model.rowCount())]
    assert len(set(ids)) == len(ids)
    qtmodeltester.check(model)


def test_sort_is_done_by_the_core(tracker: Tracker) -> None:
    fill(tracker, 20)
    model = ApplicationsModel(tracker, today=lambda: TODAY)
    model.sort(COLUMN_OF[SortKey.TITLE], Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, COLUMN_OF[SortKey.TITLE]).data() for r in range(model.rowCount())]
    assert titles == sorted(titles)
    model.sort(COLUMN_OF[SortKey.TITLE], Qt.SortOrder.DescendingOrder)
    assert model.index(0, COLUMN_OF[SortKey.TITLE]).data() == "Engineer 0019"


def test_filters_and_search(tracker: Tracker) -> None:
    fill(tracker, 10)
    tracker.add_application(ApplicationInput("Gardener", "Green Thumb"))
    model = ApplicationsModel(tracker, today=lambda: TODAY)
    model.set_search("garden")
    assert model.rowCount() == 1 and model.total == 1
    model.set_filter(ApplicationFilter(stages=("Applied",)))
    assert model.rowCount() == 0


def test_overdue_follow_up_is_highlighted(tracker: Tracker) -> None:
    late = tracker.add_application(ApplicationInput(
        "Late", "Acme", follow_up_on=TODAY - dt.timedelta(days=1)))
    tracker.add_application(ApplicationInput("Fine", "Acme",
                                             follow_up_on=TODAY + dt.timedelta(days=1)))
    model = ApplicationsModel(tracker, today=lambda: TODAY)
    row = model.row_of(late)
    assert row is not None
    index = model.index(row, FOLLOW_UP_COLUMN)
    assert index.data(OverdueRole) is True
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "overdue" in index.data(Qt.ItemDataRole.ToolTipRole)
    other = model.index(1 - row, FOLLOW_UP_COLUMN)
    assert other.data(OverdueRole) is False
    assert model.index(row, COLUMN_OF[SortKey.STAGE]).data(StageColorRole) == "#8E8E93"


def test_salary_column_sorts_like_the_command_line(tracker: Tracker) -> None:
    # Yearly amounts within one currency, currencies grouped, no salary last.
    for title, amount, currency, period in [("none", None, None, None),
                                            ("eur year", 7_000_000, "EUR", "year"),
                                            ("usd hour", 6_000, "USD", "hour"),
                                            ("usd year", 11_000_000, "USD", "year"),
                                            ("eur month", 800_000, "EUR", "month")]:
        tracker.add_application(ApplicationInput(title, "Acme", salary_min=amount,
                                                 salary_currency=currency,
                                                 salary_period=period))
    model = ApplicationsModel(tracker, today=lambda: TODAY)
    model.sort(COLUMN_OF[SortKey.SALARY], Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, COLUMN_OF[SortKey.TITLE]).data() for r in range(model.rowCount())]
    assert titles == ["eur year", "eur month", "usd year", "usd hour", "none"]


def test_search_finds_a_tag_and_cplusplus(tracker: Tracker) -> None:
    tracker.add_application(ApplicationInput("Backend", "Acme", tags=("fintech",)))
    tracker.add_application(ApplicationInput("C++ Developer", "Initech"))
    tracker.add_application(ApplicationInput("C Developer", "Globex"))
    model = ApplicationsModel(tracker, today=lambda: TODAY)
    model.set_search("fintech")
    assert model.total == 1 and model.index(0, COLUMN_OF[SortKey.TITLE]).data() == "Backend"
    model.set_search("C++")
    assert model.total == 1
    assert model.index(0, COLUMN_OF[SortKey.TITLE]).data() == "C++ Developer"
