"""SLA deadlines on the Chinese working-day calendar: weekends, statutory holidays, make-up workdays,
years the package does not know, config additions, hour limits and per-department limits."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

import pytest

from bot.config import ConfigError, Settings, load_settings
from handlers.policy import Duration, SlaLimits
from handlers.sla import SlaClock, WorkCalendar
from tests.time.conftest import at


def clock(settings: Settings, **sla) -> SlaClock:
    for k, v in sla.items():
        setattr(settings.sla, k, v)
    return SlaClock(settings)


@pytest.mark.parametrize(
    ("created", "days", "due", "why"),
    [
        ("06-05 10:00", 2, "06-10", "Friday: Monday and Tuesday are the two working days"),
        ("06-06 10:00", 2, "06-10", "a Saturday request starts counting on Monday"),
        ("04-30 10:00", 2, "05-08", "Labour Day 5/1-5/5 is off: Wednesday 5/6 and Thursday 5/7"),
        ("05-08 10:00", 1, "05-10", "Saturday 5/9 is a make-up workday"),
        ("06-05 10:00", 1, "06-09", "an ordinary Saturday is not"),
        ("09-19 10:00", 1, "09-21", "Sunday 9/20 is a make-up workday before National Day"),
        ("09-30 10:00", 2, "10-10", "National Day 10/1-10/7 is off: Thursday 10/8 and Friday 10/9"),
        ("09-30 10:00", 3, "10-11", "…and Saturday 10/10 is a make-up workday"),
        ("06-18 10:00", 1, "06-23", "Dragon Boat Festival Friday 6/19 is off"),
    ],
)
@pytest.mark.parametrize("end", ["end_of_day", "same_time"])
def test_first_response_deadline_in_working_days(settings: Settings, created, days, due, why, end) -> None:
    """`due` is the day after the last working day: the deadline is its midnight (end_of_day), or the time of day the
    request was raised on the last working day (same_time, the shipped config)."""
    sla = clock(settings, first_response=Duration(working_days=days), working_days_end=end)
    deadline = sla.first_response_due(at(*created.split()), "商务局")
    last_day = (at(due) - timedelta(days=1)).strftime("%m-%d")
    assert deadline == (at(due) if end == "end_of_day" else at(last_day, created.split()[1])), why
    assert not sla.is_overdue("open", at(*created.split()), "商务局", deadline.replace(microsecond=0) - _second())
    assert sla.is_overdue("open", at(*created.split()), "商务局", deadline)
    assert not sla.is_overdue("answered", at(*created.split()), "商务局", deadline)


def _second():
    from datetime import timedelta

    return timedelta(seconds=1)


def test_statutory_calendar_workdays_and_holidays() -> None:
    cal = WorkCalendar()
    assert not cal.is_workday(date(2026, 10, 1))  # National Day
    assert not cal.is_workday(date(2026, 5, 1))  # Labour Day
    assert cal.is_workday(date(2026, 5, 9))  # Saturday, make-up workday
    assert cal.is_workday(date(2026, 10, 10))  # Saturday, make-up workday
    assert not cal.is_workday(date(2026, 6, 13))  # ordinary Saturday
    assert cal.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)


def test_year_beyond_the_lunar_calendar_falls_back_to_monday_to_friday_with_one_warning(caplog) -> None:
    cal = WorkCalendar()
    with caplog.at_level(logging.WARNING, logger="handlers.sla"):
        assert cal.is_workday(date(2101, 10, 3))  # a Monday: no holiday data and no estimate, so a working day
        assert not cal.is_workday(date(2101, 10, 1))  # Saturday
        assert cal.add_working_days(date(2101, 9, 30), 1) == date(2101, 10, 3)
    warnings = [r for r in caplog.records if "2101" in r.getMessage()]
    assert len(warnings) == 1 and "Monday to Friday" in warnings[0].getMessage()


def test_unpublished_year_estimates_the_statutory_holidays_with_one_warning(caplog) -> None:
    cal = WorkCalendar()
    with caplog.at_level(logging.WARNING, logger="handlers.sla"):
        assert not cal.is_workday(date(2027, 10, 1))  # National Day, a Friday
        assert not cal.is_workday(date(2027, 10, 7))  # …to the 7th
        assert cal.is_workday(date(2027, 10, 8))
        assert not cal.is_workday(date(2027, 2, 5))  # 除夕 2027
        assert not cal.is_workday(date(2027, 2, 12))  # 初七
        assert cal.is_workday(date(2027, 2, 15))
        assert not cal.is_workday(date(2027, 6, 9))  # 端午, a Wednesday
        assert cal.add_working_days(date(2027, 4, 30), 1) == date(2027, 5, 6)  # 劳动节 5/1-5/5
        assert not cal.is_workday(date(2031, 4, 7))  # 清明 2031 is a Saturday: the Monday after
        assert cal.is_workday(date(2099, 10, 12))
    warnings = [r for r in caplog.records if "2027" in r.getMessage()]
    assert len(warnings) == 1 and "estimating" in warnings[0].getMessage()


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_estimate_gives_the_published_weekdays_off(year: int) -> None:
    """The rules the estimate follows reproduce every weekday off of the schedules published under the 2025 rules."""
    import chinese_calendar

    from handlers.holidays import estimated_holidays

    estimate = estimated_holidays(year)
    assert estimate is not None
    days = [date(year, 1, 1) + timedelta(days=i) for i in range(365)]
    published = {d for d in days if d.weekday() < 5 and not chinese_calendar.is_workday(d)}
    assert {d for d in estimate if d.weekday() < 5} == published


def test_config_adds_holidays_and_workdays(settings: Settings) -> None:
    sla = clock(
        settings,
        first_response=Duration(working_days=1),
        extra_holidays=["2026-06-08"],  # e.g. a local holiday on Monday
        extra_workdays=["2026-06-13"],  # and a Saturday worked instead
        working_days_end="end_of_day",
    )
    assert sla.first_response_due(at("06-05", "10:00"), None) == at("06-10")  # Monday off → Tuesday
    assert sla.first_response_due(at("06-12", "10:00"), None) == at("06-14")  # Saturday counts


def test_hour_limits_and_per_department_limits_inherit_defaults(settings: Settings) -> None:
    settings.sla.per_department = {"交通运输局": SlaLimits.model_validate({"first_response": "4h"})}
    settings.sla.working_days_end = "end_of_day"
    sla = SlaClock(settings)
    assert sla.first_response_due(at("06-12", "20:00"), "交通运输局") == at("06-13", "00:00")  # hours run on weekends
    assert sla.limits("交通运输局").resolution == settings.sla.resolution  # not set: the default applies
    assert sla.first_response_due(at("06-12", "20:00"), "商务局") == at("06-17")  # 2 working days by default


def test_duration_text_forms() -> None:
    assert Duration.model_validate("24h").hours == 24
    assert Duration.model_validate("2 working days").working_days == 2
    assert Duration.model_validate("3 工作日").working_days == 3
    with pytest.raises(ValueError):
        Duration.model_validate("soon")


@pytest.mark.parametrize(
    ("snippet", "field"),
    [
        ("digests:\n  daily: {cron: '0 25 * * *'}\n", "digests.daily.cron"),
        ("digests:\n  weekly: {cron: 'every monday'}\n", "digests.weekly.cron"),
        ("reminders:\n  quiet_start: '9pm'\n", "reminders.quiet_start"),
    ],
)
def test_bad_schedule_config_names_the_field(tmp_path, snippet: str, field: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(snippet, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert field in str(err.value)


def test_cron_weekday_numbers_follow_crontab() -> None:
    from handlers.schedule import cron_trigger, fire_times

    monday = cron_trigger("0 9 * * 1", at("06-08").tzinfo)  # type: ignore[arg-type]
    fires = fire_times(monday, at("06-07"), at("06-21"))
    assert [f.strftime("%a %d %H:%M") for f in fires] == ["Mon 08 09:00", "Mon 15 09:00"]
    sunday = cron_trigger("30 20 * * 0,7", at("06-08").tzinfo)  # type: ignore[arg-type]
    assert [f.strftime("%a %d") for f in fire_times(sunday, at("06-08"), at("06-15"))] == ["Sun 14"]
    assert isinstance(fires[0], datetime)
