"""Deadlines (delivery / submission cut-offs) in messages; meetings and reminder times (see nlp.when)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache

from nlp.datecore import DATE_PARTS, TIME_RE, N, add_months, month_end, resolve_date, shift_months, small_int
from nlp.lunar import LUNAR_RE, lunar_date, next_lunar
from nlp.numbers import normalize_lite
from nlp.rxprefix import alternation_with_leads, run_guard
from nlp.when import extract_meeting, parse_when

__all__ = ["extract_meeting", "parse_when", "resolve_deadline"]

_CN = r"[一二三四五六七八九十两]{1,3}"
# The leading look-ahead lets the engine skip most positions quickly (≈4× faster on chat text).
_DEADLINE_LEAD = r"(?=[\d一二三四五六七八九十两半本这下上当今明后大次隔即周星礼每月年端中春国元清劳五正腊臘冬除])"
_DEADLINE_PARTS = [
    r"(?P<dur>(?P<dn>\d{1,3}|"
    + _CN
    + r"|半)\s*个?\s*(?P<du>工作日|天|日|周|星期|礼拜|月)\s*(?:时间)?\s*(?:之内|以内|内))",
    r"(?P<pm>" + N + r")\s*月份?\s*(?P<pp>上旬|中旬|下旬|初|中|底|末)",
    r"(?P<pbm>" + N + r")\s*月份?\s*(?=之前|以前|前)",
    r"(?P<rm>本月|这个月|当月|下个?月|下下个?月|次月|月)\s*(?P<rp>上旬|中旬|下旬|初|中|底|末)",
    r"(?<![\d月一二三四五六七八九十两本这当个次])(?P<bx>上旬|中旬|下旬)",
    r"(?P<rmd>本月|这个月|当月|下个?月|次月)\s*(?P<rmdd>" + N + r")\s*[日号]",
    r"(?P<mi>本月|这个月|当月)\s*(?:之内|以内|内)",
    r"(?P<qt>本|这个|当前|当|[一二三四1-4]|第[一二三四1-4]个?)\s*季度\s*(?P<qte>末|底|内|前)",
    r"(?P<fest>端午节?|中秋节?|春节|国庆节?|元旦|清明节?|劳动节|五一|元宵节?)\s*(?=之前|以前|前|放假前)",
    r"(?P<yr>今年年底|今年底|本年底|(?<![\d一二三四五六七八九十两几半多])(?:年底|年末|年内))",
    r"(?:每个?月)\s*(?P<em>" + N + r")\s*[日号]",
    r"(?P<wk>本|这|这个|下|下个|下下)\s*(?:周|星期|礼拜)(?![一二三四五六日天1-7])(?P<wke>末|内|之内|以内|底)?",
    r"(?P<wkend>周末)",
    r"(?<![\d月.])(?P<dd>\d{1,2}|" + _CN + r")\s*日\s*(?=之前|以前|前|截止|止)",
    r"(?<=截至|截止|止于)\s*(?P<ddc>\d{1,2})\s*[日号](?!\d)",
    r"(?P<few>这两天|这几天|近两天|这一两天)",
    r"(?P<mon>" + N + r")\s*月份?(?=\s*(?:交货|到货|供货|交付|发货))",
    r"(?<![\d.])(?P<dm>1[0-2]|0?[1-9])\.(?P<dmd>[0-3]?\d)(?![\d.])(?=\s*(?:之前|以前|前|截止))",
    LUNAR_RE,  # 腊月二十前, 正月初八前送到
    *DATE_PARTS,
]
_DEADLINE_RE = "(?:" + "|".join(_DEADLINE_PARTS) + ")"  # the plain alternation: what _DEADLINE matches
# a match starting with a digit has at most 4 of them, then a unit, 月/日/号/年 or a date separator; each part that
# starts with a group also behind its own first-character look-ahead (the same matches, fewer branch attempts)
_DEADLINE = re.compile(
    _DEADLINE_LEAD
    + run_guard(digits=(4, r"个工天日周星礼月季号年\-/."))
    + "(?:"
    + alternation_with_leads(_DEADLINE_PARTS)
    + ")"
)
_SKIP = re.compile(
    r"\s*(?:[（(][^）)\n]{0,8}[）)])?\s*(?:(?:" + TIME_RE + r")|下班|中午|上午|下午|晚上|当天|24时|24点)?\s*"
)
_AFTER_STRONG = re.compile(
    r"(?:能不能|能否|可不可以|可以|能|就|必须|务必|一定)?"  # 7月上旬能不能交, 明天能送到
    r"(?:之前|以前|前(?!往|来|去)|为止|截止|截至|止|之内|以内|内|交货|到货|交付|送达|发货|供货|交齐|到厂|进场|入库|到库|"
    r"送到|送过来|送来|送|来拿|来提|提货|拿货|到位|装完|出货|交车|"
    r"完成|提交|报送|上报|报名|申报|要货|结束|交|为(?:申报|报名|受理|征集)期?)"
)
_AFTER_WEAK = re.compile(r"(?:就|必须|一定|务必)?(?:要|需要|需|左右)")
_RANGE_START = re.compile(r"\s*(?:起|开始)?\s*(?:至|到|—|–|-|~|～|－)\s*(?:\d|[一二三四五六七八九十本下月今明])")
_RANGE_END = re.compile(r"(?:至|到|—|–|-|~|～)\s*$")
_BEFORE = re.compile(
    r"(?:截止|截至|最迟|最晚|不晚于|交货期|交期|交货|到货|送达|交付|期限|完成时间|报名|申报|提交|报送|填报|顺延|延长|"
    r"要货|送货|供货|须于|需于|请于|务必于|务必在|请在|须在|需在|应于|要求)"
    r"(?:时间|日期|期限|期|日)?\s*(?:截止)?\s*[:：为是在于到至]*\s*(?:本月|下个?月)?\s*$"
)
_CONTEXT = re.compile(
    r"申请|受理|征集|交货|到货|要货|发货|供货|截止|报名|申报|报送|填报|提交|交付|采购|求购|收购|需要|急需|清单"
)
# a quotation cut-off is weaker than a delivery date in the same message
_QUOTE_CUTOFF = re.compile(r"(?:报价|询价|比价)(?:截止|截至)?(?:时间|日期)?\s*[:：为是在于到至]*\s*$")
_FEST_AFTER = re.compile(r"\s*(?:之|以)?前[^,，。;；!！]{0,6}?(?:送|到|交|完成|提交|报|发|供|结|付|要|备|收|进场|入库)")
_NEGATIVE_AFTER = re.compile(r"\s*(?:召开|举行|举办|开会|开展|开幕|参加|出席|集合|见面|见|在|于|开始|起)")


@cache
def _workday_fn():  # type: ignore[no-untyped-def]
    try:
        from chinese_calendar import is_workday  # type: ignore[import-untyped]

        def fn(d: date) -> bool:
            try:
                return bool(is_workday(d))
            except NotImplementedError:
                return d.weekday() < 5

        return fn
    except ImportError:  # pragma: no cover
        return lambda d: d.weekday() < 5


def _add_workdays(d: date, n: int) -> date:
    is_workday = _workday_fn()
    while n > 0:
        d += timedelta(days=1)
        if is_workday(d):
            n -= 1
    return d


_LUNAR_FESTIVALS = {"春节": (1, 1), "元宵": (1, 15), "端午": (5, 5), "中秋": (8, 15)}  # lunar month, day
_FIXED_FESTIVALS = {"国庆": (10, 1), "元旦": (1, 1), "劳动": (5, 1), "五一": (5, 1), "清明": (4, 5)}


def _festival(name: str, today: date) -> date | None:
    """The next occurrence (on or after today) of a festival named in `name`."""
    key = name if name == "春节" else name.rstrip("节")
    if key in _FIXED_FESTIVALS:
        mo, dy = _FIXED_FESTIVALS[key]
        cand = date(today.year, mo, dy)
        return cand if cand >= today else date(today.year + 1, mo, dy)
    lunar = _LUNAR_FESTIVALS.get(key)
    return next_lunar(*lunar, today) if lunar else None


def _period(year: int, month: int, p: str) -> date:
    if p in ("上旬", "初"):
        return date(year, month, 10)
    if p == "中":
        return date(year, month, 15)
    if p == "中旬":
        return date(year, month, 20)
    return month_end(year, month)


def _resolve(m: re.Match[str], today: date) -> tuple[date | None, int]:
    """(date, inherent score): 3 when the expression itself is a cut-off (…内, 周末), else 0."""
    g = m  # g["name"]: the group, None when it took no part (no dict of every group is built)
    if g["dur"]:
        du, raw = g["du"], g["dn"]
        n = 0.5 if raw == "半" else small_int(raw)
        if n is None:
            return None, 0
        if du == "工作日":
            return _add_workdays(today, int(n)), 3
        if du == "月":
            if n == 0.5:
                return today + timedelta(days=15), 3
            return shift_months(today, int(n)), 3
        days = int(n * 7) if du in ("周", "星期", "礼拜") else int(n)
        return today + timedelta(days=days), 3
    if g["pm"]:
        mo = small_int(g["pm"])
        if mo is None or not 1 <= mo <= 12:
            return None, 0
        y = today.year + (1 if date(today.year, mo, 1) < add_months(today, -2) else 0)
        return _period(y, mo, g["pp"]), 0
    if g["pbm"]:
        mo = small_int(g["pbm"])
        if mo is None or not 1 <= mo <= 12:
            return None, 0
        y = today.year + (1 if date(today.year, mo, 1) < add_months(today, -2) else 0)
        return date(y, mo, 1) - timedelta(days=1), 3
    if g["rm"]:
        rm = g["rm"].replace("个", "")
        shift = {"下月": 1, "次月": 1, "下下月": 2}.get(rm, 0)
        first = add_months(today, shift)
        return _period(first.year, first.month, g["rp"]), 0
    if g["bx"]:  # a bare 旬 is this month's, or next month's once it is over
        d = _period(today.year, today.month, g["bx"])
        if d < today:
            nxt = add_months(today, 1)
            d = _period(nxt.year, nxt.month, g["bx"])
        return d, 0
    if g["rmd"]:
        shift = 0 if g["rmd"] in ("本月", "这个月", "当月") else 1
        first = add_months(today, shift)
        dy = small_int(g["rmdd"])
        try:
            return (first.replace(day=dy) if dy else None), 0
        except ValueError:
            return None, 0
    if g["mi"]:
        return month_end(today.year, today.month), 3
    if g["qt"]:
        q = small_int(g["qt"].replace("第", "").replace("个", ""))
        q = q if q else (today.month - 1) // 3 + 1
        if not 1 <= q <= 4:
            return None, 0
        end = month_end(today.year, q * 3)
        if g["qte"] == "前":
            end = month_end(today.year, q * 3 - 3) if q > 1 else date(today.year - 1, 12, 31)
        if end < add_months(today, -2):
            end = end.replace(year=end.year + 1)
        return end, 3 if g["qte"] in ("内", "前") else 0
    if g["lnm"] or g["lnm2"] or g["eve"]:
        return lunar_date(g["lnm"] or g["lnm2"], g["lnd"] or g["lnd2"], today, eve=bool(g["eve"])), 0
    if g["fest"]:
        fest = _festival(g["fest"], today)  # "五一前送到": by the day before the festival
        return (fest - timedelta(days=1) if fest else None), 0
    if g["em"]:
        dy = small_int(g["em"])
        if dy is None or not 1 <= dy <= 31:
            return None, 0
        first = today if dy >= today.day else add_months(today, 1)
        try:
            return first.replace(day=dy), 0
        except ValueError:
            return None, 0
    if g["yr"]:
        return date(today.year, 12, 31), (3 if "内" in g["yr"] else 0)
    if g["wk"]:
        monday = today - timedelta(days=today.weekday())
        p = g["wk"].replace("个", "")
        weeks = {"本": 0, "这": 0, "下": 1, "下下": 2}[p]
        return monday + timedelta(days=7 * weeks + 6), (3 if g["wke"] else 0)
    if g["wkend"]:
        return today + timedelta(days=(6 - today.weekday()) % 7), 0
    if g["dd"] or g["ddc"]:
        dy = small_int(g["dd"] or g["ddc"])
        if dy is None or not 1 <= dy <= 31:
            return None, 0
        if dy >= today.day:
            try:
                return today.replace(day=dy), 0
            except ValueError:
                return None, 0
        nxt = add_months(today, 1)
        try:
            return nxt.replace(day=dy), 0
        except ValueError:
            return None, 0
    if g["few"]:  # 这两天要: within two days
        return today + timedelta(days=2), 0
    if g["mon"]:  # 8月份交货: by the end of that month
        mo = small_int(g["mon"])
        if mo is None or not 1 <= mo <= 12:
            return None, 0
        return month_end(today.year + (1 if date(today.year, mo, 1) < add_months(today, -2) else 0), mo), 0
    if g["dm"]:  # 7.20前
        try:
            d = date(today.year, int(g["dm"]), int(g["dmd"]))
        except ValueError:
            return None, 0
        return (d if d >= add_months(today, -2) else d.replace(year=d.year + 1)), 0
    return resolve_date(m, today), 0


def resolve_deadline(text: str, now: datetime) -> date | None:
    """The delivery / submission cut-off stated in `text`, resolved against the posting time `now`.

    Only dates marked as a cut-off count (…前/之前/内/截止/交货/到货/报名/申报/报送…); meeting dates are ignored.
    """
    s = normalize_lite(text)
    today = now.date()
    best: tuple[int, date] | None = None
    pending_range = 0
    context = None
    for m in _DEADLINE.finditer(s):
        d, score = _resolve(m, today)
        if d is None:
            continue
        rest = s[m.end() : m.end() + 40]
        if _RANGE_START.match(rest):
            pending_range = 3 if _BEFORE.search(s[max(0, m.start() - 16) : m.start()]) else 2
            if m.group("rel") in ("即日", "今天", "今日"):
                if context is None:
                    context = bool(_CONTEXT.search(s))
                pending_range = 3 if context else 2  # "即日起至7月15日": an application window
            continue
        if m.group("fest") and not _FEST_AFTER.match(rest):
            continue  # "春节前抽检将加大频次": a festival is a cut-off only for a delivery or a submission
        skip = _SKIP.match(rest)
        after = rest[skip.end() :] if skip else rest
        before = s[max(0, m.start() - 16) : m.start()]
        if _AFTER_STRONG.match(after) or _BEFORE.search(before):
            score = 3
        elif _RANGE_END.search(before) and pending_range:
            score = max(score, 3 if pending_range == 3 else 0)
        elif score == 0 and _AFTER_WEAK.match(after):
            score = 2
        elif score == 0 and not _NEGATIVE_AFTER.match(after):
            if context is None:
                context = bool(_CONTEXT.search(s))
            if context and (m.group("pm") or m.group("rm") or m.group("yr") or m.group("wkend") or m.group("rel")):
                score = 1
        if score == 3 and _QUOTE_CUTOFF.search(before):
            score = 2
        pending_range = 0
        if score > 0 and (best is None or score > best[0]):
            best = (score, d)
    return best[1] if best else None
