"""Lunar-calendar dates as chat writes them around the Spring Festival (腊月二十前, 正月初八, 除夕), resolved to
Gregorian dates with `lunardate`."""

from __future__ import annotations

from datetime import date, timedelta

from lunardate import LunarDate

__all__ = ["LUNAR_RE", "lunar_date", "next_lunar"]

_DAY = r"初[一二三四五六七八九十]|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|三十|卅"
#: 正月/腊月/冬月 with any day; another month only with a day name that is lunar by itself (八月初二, 五月廿三).
LUNAR_RE = (
    r"(?:(?P<lnm>正|腊|臘|冬)月\s*(?P<lnd>" + _DAY + r")"
    r"|(?P<lnm2>[二三四五六七八九]|十一?)月\s*(?P<lnd2>初[一二三四五六七八九十]|廿[一二三四五六七八九]?)"
    r"|(?P<eve>除夕|大年三十|年三十))"
)
_MONTHS = {"正": 1, "腊": 12, "臘": 12, "冬": 11, "十": 10, "十一": 11}
_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def _day(word: str) -> int | None:
    if word in ("三十", "卅"):
        return 30
    if word[0] == "初":
        return 10 if word[1] == "十" else _DIGITS[word[1]]
    if word[0] == "廿":
        return 20 + (_DIGITS[word[1]] if len(word) > 1 else 0)
    if word.startswith("二十"):
        return 20 + (_DIGITS[word[2]] if len(word) > 2 else 0)
    if word[0] == "十":
        return 10 + (_DIGITS[word[1]] if len(word) > 1 else 0)
    return None


def _solar(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of lunar year/month/day; a 30th in a 29-day month is its last day (腊月三十 = 除夕)."""
    for d in (day, day - 1) if day == 30 else (day,):
        try:
            return LunarDate(year, month, d).to_solar_date()
        except ValueError:
            continue
    return None


def lunar_date(month_word: str | None, day_word: str | None, today: date, *, eve: bool = False) -> date | None:
    """The next occurrence of a lunar date (on or after about two months ago), or None when it cannot be read."""
    if eve:
        month, day = 12, 30
    else:
        if not month_word or not day_word:
            return None
        month = _MONTHS.get(month_word) or _DIGITS.get(month_word)
        day = _day(day_word)
        if month is None or day is None:
            return None
    return _first_since(month, day, today, today - timedelta(days=60))


def next_lunar(month: int, day: int, today: date) -> date | None:
    """The first Gregorian date on or after `today` that falls on lunar month/day (春节 is 1/1, 中秋 8/15)."""
    return _first_since(month, day, today, today)


def _first_since(month: int, day: int, today: date, since: date) -> date | None:
    """The first date on or after `since` that falls on lunar month/day, in the lunar years around `today`."""
    try:
        this_year = LunarDate.from_solar_date(today.year, today.month, today.day).year
    except ValueError:
        return None
    for year in (this_year - 1, this_year, this_year + 1):
        found = _solar(year, month, day)
        if found is not None and found >= since:
            return found
    return None
