"""`jobtracker interview --at/--tz/--fold` as a real process, and how `show` gives the time."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.unit.cli.test_main import jt, ok

AMSTERDAM = ("--tz", "Europe/Amsterdam")


@pytest.fixture
def app(db_path: Path) -> Path:
    ok(jt(db_path, "add", "--title", "Engineer", "--company", "Acme"))
    return db_path


def _usage_error(result: subprocess.CompletedProcess[str], text: str) -> None:
    assert result.returncode == 2, result.stderr
    assert text in result.stderr
    assert "Traceback" not in result.stderr


def test_a_time_that_does_not_exist_is_refused_with_the_reason(app: Path) -> None:
    result = jt(app, "interview", "1", "--at", "2025-03-30 02:30", *AMSTERDAM)
    _usage_error(result, "--at: 02:30 on 2025-03-30 does not exist in Europe/Amsterdam: "
                         "clocks go from 02:00 to 03:00")
    assert json.loads(ok(jt(app, "show", "1", "--format", "json")))["interviews"] == []


def test_a_time_that_happens_twice_asks_for_fold_or_offset(app: Path) -> None:
    result = jt(app, "interview", "1", "--at", "2025-10-26 02:30", *AMSTERDAM)
    _usage_error(result, "--at: 02:30 on 2025-10-26 happens twice in Europe/Amsterdam")
    assert "--fold earlier for +02:00" in result.stderr
    assert "--fold later for +01:00" in result.stderr
    assert "--at '2025-10-26 02:30+02:00'" in result.stderr
    assert json.loads(ok(jt(app, "show", "1", "--format", "json")))["interviews"] == []

    ok(jt(app, "interview", "1", "--at", "2025-10-26 02:30", *AMSTERDAM, "--fold", "later"))
    ok(jt(app, "interview", "1", "--at", "2025-10-26 02:30", *AMSTERDAM, "--fold", "0"))
    ok(jt(app, "interview", "1", "--at", "2025-10-26 02:30+02:00", *AMSTERDAM))
    detail = json.loads(ok(jt(app, "show", "1", "--format", "json")))
    assert sorted((i["starts_at"], i["timezone"]) for i in detail["interviews"]) == [
        ("2025-10-26T02:30:00+01:00", "Europe/Amsterdam"),
        ("2025-10-26T02:30:00+02:00", "Europe/Amsterdam"),
        ("2025-10-26T02:30:00+02:00", "Europe/Amsterdam")]


def test_an_offset_the_zone_never_has_is_refused(app: Path) -> None:
    result = jt(app, "interview", "1", "--at", "2025-10-26 02:30+05:00", *AMSTERDAM)
    _usage_error(result, "+05:00 is not the offset of Europe/Amsterdam at 02:30 on 2025-10-26")
    _usage_error(jt(app, "interview", "1", "--at", "2025-10-26 02:30+02:00", "--fold", "1"),
                 "--fold: --at already gives the offset")
    _usage_error(jt(app, "interview", "1", "--at", "2025-10-26 02:30", *AMSTERDAM,
                    "--fold", "sometime"), "not earlier, later, 0 or 1")


def test_without_tz_this_computers_zone_is_used_and_kept(app: Path) -> None:
    env = {"TZ": "America/New_York"}
    _usage_error(jt(app, "interview", "1", "--at", "2025-03-09 02:30", env=env),
                 "02:30 on 2025-03-09 does not exist in America/New_York")
    ok(jt(app, "interview", "1", "--at", "2099-12-01 09:00", env=env))
    [interview] = json.loads(ok(jt(app, "show", "1", "--format", "json")))["interviews"]
    assert (interview["starts_at"], interview["timezone"]) == ("2099-12-01T09:00:00-05:00",
                                                               "America/New_York")


def test_show_gives_the_time_in_its_own_zone_never_bare_utc(app: Path) -> None:
    ok(jt(app, "interview", "1", "--at", "2099-12-01 14:30", *AMSTERDAM, "--kind", "Technical"))
    shown = ok(jt(app, "show", "1", env={"TZ": "Asia/Tokyo"}))
    assert "2099-12-01 14:30+01:00 Europe/Amsterdam  Technical" in shown
    exported = ok(jt(app, "export", "csv", env={"TZ": "Asia/Tokyo"}))
    assert ",2099-12-01T14:30:00+01:00," in exported
