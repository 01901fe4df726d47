"""Shared pieces for date/time parsing: small numbers, calendar arithmetic, point dates and times of day."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from nlp.numbers import parse_number
from nlp.rxprefix import run_guard

__all__ = [
    "DATE_GUARD",
    "DATE_PARTS",
    "DATE_RE",
    "TIME_RE",
    "add_months",
    "month_end",
    "resolve_date",
    "resolve_time",
    "shift_months",
    "small_int",
    "weekday_date",
]

#: A 1–2 digit number or a small Chinese numeral (月/日/点 values).
N = r"(?:\d{1,2}|[一二三四五六七八九十两〇零]{1,3})"
_CN = r"[一二三四五六七八九十两〇零]{1,3}"
_WD = "一二三四五六日天1234567"
WEEKDAY_INDEX = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6} | {str(i): i - 1 for i in range(1, 8)}

#: Point dates. Groups: y/ym/yd, m/d, sm/sd (6.30, 6/30), rel, wp/wd, dom.
DATE_PARTS = [
    r"(?P<y>\d{4}|[二〇零一三四五六七八九]{4})\s*[年\-/.]\s*(?P<ym>\d{1,2}|" + _CN + r")\s*[月\-/.]\s*"
    r"(?P<yd>\d{1,2}|" + _CN + r")(?!\d)\s*[日号]?",
    r"(?P<m>" + N + r")\s*月份?\s*(?:(?P<d>\d{1,2})(?![\d.:：])\s*[日号]?"
    r"|(?P<dc>" + _CN + r")\s*(?:[日号]|(?=(?:之|以)?前)))",  # 七月十五前: a day in numerals before 前
    r"(?<![\d.:/：])(?P<sm>\d{1,2})[./](?P<sd>\d{1,2})(?![\d%])(?![.:/]\d)",
    r"(?P<rel>大后天|后天|明天|明日|明早|明晚|今天|今日|今晚|今早|当天|当日|即日|次日|隔天)",
    r"(?P<wp>本|这|这个|下|下个|下下|下下个|上|上个)?\s*(?:周|星期|礼拜)(?P<wd>[一二三四五六日天]|[1-7](?![\d.]))",
    r"(?<![\d月.])(?P<dom>\d{1,2}|" + _CN + r")\s*号",
]
DATE_RE = "(?:" + "|".join(DATE_PARTS) + ")"  # the alternatives of DATE_PARTS
#: A look-ahead for DATE_RE: a match starting with a digit has at most 4 of them, then 年/月/号 or a separator;
#: one starting with blanks has 周/星期/礼拜 after them.
DATE_GUARD = run_guard(digits=(4, r"年\-/.月号"), blanks="周星礼")

#: A time of day: "下午3点", "9:30", "上午九点半", "14时30分", "晚上8点一刻".
TIME_RE = (
    r"(?P<ampm>凌晨|早上|早晨|清晨|上午|早|中午|午后|下午|傍晚|晚上|今晚|明晚|晚|夜里|夜间)?\s*"
    r"(?:(?P<hh>\d{1,2})\s*[:：]\s*(?P<mm>\d{2})(?!\d)"
    r"|(?P<h>\d{1,2}|" + _CN + r")\s*[点时](?:\s*(?P<mi>半|一刻|三刻|\d{1,2}|" + _CN + r")\s*分?)?)"
)
_REL_DAYS = {
    "今天": 0, "今日": 0, "今晚": 0, "今早": 0, "当天": 0, "当日": 0, "即日": 0,
    "明天": 1, "明日": 1, "明早": 1, "明晚": 1, "次日": 1, "隔天": 1, "后天": 2, "大后天": 3,
}  # fmt: skip
_SPECIAL_MINUTES = {"半": 30, "一刻": 15, "三刻": 45}
_PM = {"中午", "午后", "下午", "傍晚", "晚上", "今晚", "明晚", "晚", "夜里", "夜间"}


@lru_cache(maxsize=1024)
def small_int(s: str | None) -> int | None:
    """Parse a small Arabic or Chinese number ("30", "三十", "两") to int."""
    if not s:
        return None
    v = parse_number(s)
    if v is None or v != v.to_integral_value():
        return None
    return int(v)


def month_end(year: int, month: int) -> date:
    """Last day of the month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    """First day of the month `n` months after d's month."""
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def shift_months(d: date, n: int) -> date:
    """Same day `n` months later, clamped to the month's last day (1月31日 + 1 → 2月28日)."""
    first = add_months(d, n)
    return min(first.replace(day=1) + timedelta(days=d.day - 1), month_end(first.year, first.month))


def safe_date(y: int, m: int | None, d: int | None) -> date | None:
    """date(y, m, d) or None when invalid."""
    if m is None or d is None or not (1 <= m <= 12) or not (1 <= d <= 31):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def infer_year(today: date, m: int, d: int, past_days: int = 60) -> date | None:
    """Month-day without year: this year, or next year when it is more than `past_days` ago."""
    cand = safe_date(today.year, m, d)
    if cand is None:
        cand = safe_date(today.year + 1, m, d)
        return cand
    if cand < today - timedelta(days=past_days):
        return safe_date(today.year + 1, m, d)
    return cand


def weekday_date(today: date, prefix: str | None, wd: int) -> date:
    """Date of weekday `wd` (0=Mon): 本/这 → this week, 下 → next week, bare → next on/after today."""
    monday = today - timedelta(days=today.weekday())
    p = (prefix or "").replace("个", "")
    if p in ("本", "这"):
        return monday + timedelta(days=wd)
    if p == "下":
        return monday + timedelta(days=7 + wd)
    if p == "下下":
        return monday + timedelta(days=14 + wd)
    if p == "上":
        return monday + timedelta(days=wd - 7)
    delta = (wd - today.weekday()) % 7
    return today + timedelta(days=delta)


_DATE_GROUPS = ("y", "ym", "yd", "m", "d", "dc", "sm", "sd", "rel", "wp", "wd", "dom")


def resolve_date(
    m: re.Match[str], today: date, past_days: int = 60, groups: dict[str, str | None] | None = None
) -> date | None:
    """Resolve a DATE_RE match against `today`; `groups` may pass `m.groupdict()` when already made."""
    if groups is None:
        y, ym, yd, mo_s, d_s, dc, sm, sd, rel, wp, wd, dom = m.group(*_DATE_GROUPS)
    else:
        y, ym, yd, mo_s, d_s, dc, sm, sd, rel, wp, wd, dom = map(groups.get, _DATE_GROUPS)
    if y:
        yr = small_int(y) if y.isdigit() else int("".join(str(small_int(c) or 0) for c in y))
        return safe_date(yr or today.year, small_int(ym), small_int(yd))
    if mo_s:
        mo, dy = small_int(mo_s), small_int(d_s or dc)
        if mo is None or dy is None or safe_date(2024, mo, dy) is None:
            return None
        return infer_year(today, mo, dy, past_days)
    if sm:
        mo, dy = int(sm), int(sd)  # type: ignore[arg-type]
        if safe_date(2024, mo, dy) is None:
            return None
        return infer_year(today, mo, dy, past_days)
    if rel:
        return today + timedelta(days=_REL_DAYS[rel])
    if wd:
        return weekday_date(today, wp, WEEKDAY_INDEX[wd])
    if dom:
        dy = small_int(dom)
        if dy is None or not 1 <= dy <= 31:
            return None
        if dy >= today.day:
            return safe_date(today.year, today.month, dy)
        nxt = add_months(today, 1)
        return safe_date(nxt.year, nxt.month, dy)
    return None


def resolve_time(m: re.Match[str], default_pm: bool = True) -> tuple[int, int] | None:
    """(hour, minute) of a TIME_RE match, 24h; bare 1–6 o'clock means afternoon when `default_pm`."""
    ampm, hh, mm, h_s, raw = m.group("ampm", "hh", "mm", "h", "mi")
    if hh:
        h, mi = int(hh), int(mm)
    else:
        h_ = small_int(h_s)
        if h_ is None:
            return None
        h = h_
        mi = _SPECIAL_MINUTES[raw] if raw in _SPECIAL_MINUTES else (small_int(raw) if raw else 0)
        if mi is None:
            return None
    if ampm in _PM:
        if ampm == "中午":
            if h < 6:
                h += 12
        elif h < 12:
            h += 12
    elif ampm in ("凌晨",) and h == 12:
        h = 0
    elif ampm is None and not hh and default_pm and 1 <= h <= 6:
        h += 12
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    return (0, mi) if h == 24 else (h, mi)
