"""The terminal table: columns line up by display width (CJK wide, combining marks)."""

import datetime as dt
import unicodedata

from jobtracker.exchange.text_output import format_table
from jobtracker.tracker import ApplicationRow
from jobtracker.vocabulary import StageKind


def _row(app_id: int, company: str, title: str, location: str | None = None) -> ApplicationRow:
    day = dt.date(2026, 11, 1)
    return ApplicationRow(
        app_id, company, title, 1, "Applied", StageKind.OPEN, None, day, day, location, None, None,
        None, None, None, None, 3, (), None, None, None, None, 0,
        dt.datetime(2026, 11, 1, tzinfo=dt.UTC), dt.datetime(2026, 11, 1, tzinfo=dt.UTC), None)


def _columns(text: str) -> int:
    """An independent measure of terminal columns, to check the table against."""
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_display_width_counts_wide_characters_twice_and_combining_marks_not_at_all():
    from jobtracker.exchange.text_output import display_width

    assert display_width("abc") == 3
    assert display_width("東京") == 4
    assert display_width("ＡＢ") == 4          # fullwidth
    assert display_width("Cafe\u0301") == 4    # e + combining acute
    assert display_width("") == 0


def test_fit_width_cuts_and_pads_by_columns():
    from jobtracker.exchange.text_output import display_width, fit_width

    assert fit_width("東京都港区", 6) == "東京… "  # a wide character never cut in half
    assert display_width(fit_width("東京都港区", 6)) == 6
    assert fit_width("Cafe\u0301s", 5) == "Cafe\u0301s"
    assert fit_width("Cafe\u0301 au lait", 5) == "Cafe\u0301…"
    assert fit_width("ab", 4) == "ab  "


def test_columns_line_up_with_cjk_text():
    rows = [_row(1, "株式会社メルカリ", "バックエンドエンジニア", "東京"),
            _row(2, "Acme", "Engineer", "Berlin"),
            _row(3, "Société Générale", "De\u0301veloppeur", "Paris")]
    lines = format_table(rows, width=200).splitlines()
    starts = {_columns(line[:line.index(stage)]) for line in lines[1:]
              for stage in ["Applied"]}
    assert len(starts) == 1, lines  # the Stage column starts at the same column on every row
    assert _columns(lines[0][:lines[0].index("Stage")]) == starts.pop()


def test_a_narrow_terminal_cuts_wide_text_by_columns():
    rows = [_row(1, "株式会社メルカリ" * 2, "バックエンドエンジニア" * 3, "東京都港区六本木" * 3),
            _row(2, "Acme", "Engineer", "Berlin")]
    lines = format_table(rows, width=80).splitlines()
    assert all(_columns(line) <= 80 for line in lines), lines
    assert "…" in lines[1]
    assert _columns(lines[1][:lines[1].index("Applied")]) == _columns(
        lines[2][:lines[2].index("Applied")])


def test_stats_line_up_stage_names_in_wide_characters(tracker) -> None:
    from jobtracker.exchange.text_output import format_stats
    from jobtracker.tracker import ApplicationInput

    tracker.rename_stage("Saved", "保存済み")
    tracker.add_application(ApplicationInput(title="Engineer", company="Acme"))
    text = format_stats(tracker.stats())
    by_stage = text.split("Funnel")[0].splitlines()[1:]
    assert len(by_stage) > 2 and len({_columns(line) for line in by_stage}) == 1, text
