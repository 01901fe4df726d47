"""Estimated statutory holidays for years the official calendar does not cover yet.

The State Council publishes each year's schedule late in the year before, and `chinese_calendar` knows only the
years published when it was released. For a later year the bot would otherwise count 春节 and 国庆 as working days
and call requests overdue in the middle of the holiday. The estimate follows the rules of 全国年节及纪念日放假办法
(2025) and how the schedules of recent years applied them:

- 元旦, 清明, 端午 and 中秋 are one day, joined to the weekend as the schedules do: a Tuesday takes Monday with it,
  a Thursday Friday, and a holiday on a weekend is made up on the Monday after;
- 春节 runs from 除夕 to 初七, 劳动节 from May 1 to 5, 国庆 from October 1 to 7 (to the 8th when 中秋 falls in
  the week, as in 2020 and 2025).

Make-up working weekends are not guessed. Set `sla.extra_holidays` / `sla.extra_workdays` once the real schedule is
out to make it exact.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

_FIRST, _LAST = 1901, 2099  # the years lunardate converts


def _qingming(year: int) -> date:
    """清明 (April 4 or 5): the solar term by the usual formula for 2000-2099 (Y·0.2422 + C − ⌊Y/4⌋, C = 4.81)."""
    y = year % 100
    return date(year, 4, int(y * 0.2422 + 4.81) - y // 4)


def _joined(day: date) -> set[date]:
    """A one-day holiday with the day the schedules join to it."""
    weekday = day.weekday()
    if weekday == 1:  # Tuesday: Monday off too
        return {day, day - timedelta(days=1)}
    if weekday == 3:  # Thursday: Friday off too
        return {day, day + timedelta(days=1)}
    if weekday >= 5:  # on a weekend: the Monday after
        return {day, day + timedelta(days=7 - weekday)}
    return {day}


def _run(start: date, days: int) -> set[date]:
    return {start + timedelta(days=i) for i in range(days)}


@lru_cache(maxsize=32)
def estimated_holidays(year: int) -> frozenset[date] | None:
    """The days off in `year` by the statutory rules, or None outside the years the lunar calendar covers."""
    if not _FIRST <= year <= _LAST:
        return None
    from lunardate import LunarDate  # type: ignore[import-untyped]

    def lunar(month: int, day: int) -> date:
        return LunarDate(year, month, day).to_solar_date()

    spring = lunar(1, 1)
    mid_autumn = lunar(8, 15)
    off = _run(spring - timedelta(days=1), 8)  # 除夕 … 初七
    off |= _run(date(year, 5, 1), 5)
    national = 8 if date(year, 10, 1) <= mid_autumn <= date(year, 10, 8) else 7
    off |= _run(date(year, 10, 1), national)
    for day in (date(year, 1, 1), _qingming(year), lunar(5, 5)):
        off |= _joined(day)
    if mid_autumn < date(year, 10, 1):
        off |= _joined(mid_autumn)
    return frozenset(d for d in off if d.year == year)


def estimated_workday(day: date) -> bool | None:
    """Whether `day` is a working day by the estimate (Monday to Friday outside the holidays), or None when the
    year is beyond the estimate too."""
    holidays = estimated_holidays(day.year)
    if holidays is None:
        return None
    return day.weekday() < 5 and day not in holidays
