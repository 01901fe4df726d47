"""Meeting announcements and admin reminder times: `extract_meeting`, `parse_when`."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from nlp.datecore import DATE_GUARD, DATE_RE, TIME_RE, infer_year, resolve_date, resolve_time, small_int
from nlp.numbers import normalize_lite
from nlp.rxprefix import run_guard, with_first_chars
from nlp.types import MeetingInfo

__all__ = ["extract_meeting", "parse_when"]

_DATE_LEAD = r"(?=[\d一二三四五六七八九十两〇零大后明今当即次隔本这下上周星礼])"
_TIME_LEAD = r"(?=[\d一二三四五六七八九十两〇零凌早清上中午下傍晚今明夜])"
_DATE = re.compile(_DATE_LEAD + DATE_GUARD + "(?:" + DATE_RE + ")")
# a time starting with a digit has at most 2 of them before 点/时 or a colon
_TIME = re.compile(_TIME_LEAD + run_guard(digits=(2, ":：点时")) + "(?:" + TIME_RE + ")")
_GAP = re.compile(r"\s*(?:[（(][^）)\n]{0,8}[）)])?\s*[,，]?\s*")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})")
_RELATIVE = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|[一二三四五六七八九十两]{1,3}|半)\s*个?\s*(?P<half>半)?\s*"
    r"(?P<u>小时|钟头|分钟|分|天|日|周|星期|礼拜)\s*(?:之后|以后|后)"
)
_CUTOFF_AFTER = re.compile(r"\s*(?:[（(][^）)\n]{0,8}[）)])?\s*(?:之前|以前|前|截止|止|为止|内)")
_CUTOFF_BEFORE = re.compile(r"(?:截止|截至|报名|最迟|不晚于)[^，。,；;\n]{0,4}$")
_PLACE_KEY = re.compile(
    r"(?:会议地点|活动地点|培训地点|地点|地址|会场)\s*[:：为是]?\s*(?P<p>[^，。；;,\n！!？?]{2,40})"
)
_PLACE_AT = re.compile(
    r"[\s，,]*(?:在|于|到)\s*(?P<p>(?![\d一二三四五六七八九十明今后下本周星]).{2,40}?)"
    r"(?=召开|举行|举办|开会|集合|参加|进行|开展|见面|见|碰头|组织|开[^，。；;,\n]{0,12}(?:会|培训|课|讲座)"
    r"|[，。；;,\n！!？?（(]|$)"
)
_ONLINE = re.compile(
    r"腾讯会议|钉钉会议|钉钉直播|钉钉|飞书会议|飞书|视频会议|网络会议|线上会议|线上|zoom|Zoom|ZOOM|视频号直播"
)
_TITLE = re.compile(  # behind a look-ahead for the first characters (nlp/rxprefix.py): the same matches, faster
    with_first_chars(
        r"[《【「“\"](?P<t>[^》】」”\"\n]{2,30}?(?:会|会议|培训|活动|讲座|论坛|宣讲|沙龙|课堂|讲堂|观摩|开放日|直播))"
        r"[》】」”\"]"
        r"|(?:召开|举办|举行|组织|开展)(?P<t2>[^，。；;,\n！!？?]{2,25}?(?:座谈会|宣讲会|对接会|招聘会|推进会|联席会议|"
        r"培训班|培训会|培训|讲座|论坛|会议|活动|会))"
    )
)
# a gathering named without 召开/举办 (提醒：今天下午2:30银企对接会): the words right before its noun
_GATHERING = re.compile(
    r"(?P<t>(?:\d{4}年度?)?[\u4e00-\u9fff]{0,12}?(?P<n>对接会|座谈会|宣讲会|培训会|推进会|招聘会|联席会议|培训班|讲座|论坛|观摩会|现场会|"
    r"交流会|说明会|发布会|洽谈会|推介会|恳谈会|协调会|调度会|辅导会|动员会|部署会|研讨会|分析会|评审会|见面会|年会|"
    r"大会(?!议)|培训(?![费补贴券证班会中基机学])))"  # 大会议室 is a room
)
_TITLE_CUT = re.compile(
    r".*(?:在|于|召开|举办|举行|组织|开展|参加|关于|[上下中]午|晚上|今天|明天|后天|周.|[日号]|(?<=[室厅楼场地心园馆站议村镇])[开办]|^开(?![放发])|^午的?|^一?个"
    r"|(?:^|[〇一二三四五六七八九十两])[点时](?:钟|半|整)?|^起|分钟后?|开班的)"  # the rest of a time: (9)点…, 两点半…
)
# a clause that is nothing but a room or a floor: 政务中心三楼3号会议室, 区政府三楼
_ROOM_CLAUSE = re.compile(
    r"(?:^|[，,。；;\s])(?P<p>[^，,。；;\s！!？?]{2,18}(?:会议室|报告厅|大厅|会场|多功能厅|培训室|[一二三四五六七八九十\d]楼))"
    r"(?=[，,。；;\s！!？?]|$)"
)
_NOT_A_ROOM = re.compile(r"不是|请|注意|直接|^了|别走错")  # directions to a room, not the room itself
_PAIRS = (("“", "”"), ("「", "」"), ("《", "》"), ("‘", "’"), ("【", "】"))  # marks that come in pairs
_MARKS = ' "' + "".join(a + b for a, b in _PAIRS)  # marks a title may open without closing (举办“食品企业…培训)
_PLACE_TRIM = re.compile(r"(?:召开|举行|举办|开会|参加|进行|开展)$")
# A change to an announced gathering: what follows the marker is the new time or place.
_CANCEL = re.compile(r"取消|不开了|不再召开|停开|暂停举办|暂停召开|另行通知|时间待定")
_POSTPONE = re.compile(r"延期|推迟|改期|顺延|延后")
_SHIFT = re.compile(r"(?:推迟|延后|顺延|延期)(?P<n>\d+|[一二两三四五六七八九十半])个?(?P<u>天|日|小时|钟头|周|星期)")
_SAME = re.compile(r"^(?:不变|照旧|同前|不改|同上|还是|待定|另行)")
_MOVE = re.compile(  # behind a first-character look-ahead, like _TITLE
    with_first_chars(
        r"(?:改期|延期|顺延|推迟|提前|改|调整|换|挪|变更|更改|移)(?:到|至|为|成|在)"
        r"|(?:改期|延期|顺延|推迟|提前)(?=[\s,，]*[\d一二三四五六七八九十两明后下本周星])"
    )
)
_PLACE_CUT = re.compile(r"[，。；;,\n！!？?（(]|召开|举行|举办|开会|进行")
_PLACE_WORD = re.compile(r"地点|会场|会议室|报告厅|大厅|厅|室|楼|线上|腾讯会议|钉钉|中心")


def _tz_combine(d: date, t: time, now: datetime) -> datetime:
    return datetime.combine(d, t, tzinfo=now.tzinfo)


def _time_after(s: str, pos: int, rel: str | None) -> tuple[int, int] | None:
    gap = _GAP.match(s, pos)
    m = _TIME.match(s, gap.end() if gap else pos)
    if not m:
        return None
    hm = resolve_time(m)
    if hm and rel in ("今晚", "明晚") and hm[0] < 12:
        hm = (hm[0] + 12, hm[1])
    return hm


def parse_when(text: str, now: datetime) -> datetime | None:
    """A reminder time typed by an admin ("明天9点", "周五下午3点", "3小时后", "2026-07-01 09:00").

    Returns a datetime in now's timezone, always after `now`, or None when not parsable.
    """
    s = normalize_lite(text).strip()
    rel = _RELATIVE.search(s)
    if rel:
        raw = rel.group("n")
        n = 0.5 if raw == "半" else float(raw) if raw[0].isdigit() else small_int(raw)
        if n is None:
            return None
        n += 0.5 if rel.group("half") else 0
        unit = rel.group("u")
        minutes = {"小时": 60, "钟头": 60, "分钟": 1, "分": 1, "天": 1440, "日": 1440}.get(unit, 10080)
        return now + timedelta(minutes=n * minutes)
    iso = _ISO.search(s)
    if iso:
        y, mo, d, h, mi = (int(x) for x in iso.groups())
        try:
            dt = datetime(y, mo, d, h, mi, tzinfo=now.tzinfo)
        except ValueError:
            return None
        return dt if dt > now else None
    today = now.date()
    dm = _DATE.search(s)
    if dm:
        d = resolve_date(dm, today, past_days=0)
        if d is None:
            return None
        relw = dm.group("rel")
        hm = _time_after(s, dm.end(), relw)
        if hm is None:
            tm = _TIME.search(s, dm.end())
            hm = resolve_time(tm) if tm else None
        if hm is None:
            hm = (20, 0) if relw in ("今晚", "明晚") else (9, 0)
        dt = _tz_combine(d, time(*hm), now)
        if dt <= now:
            if dm.group("wd") and not dm.group("wp"):
                dt += timedelta(days=7)
            elif dm.group("m") or dm.group("sm"):
                nd = infer_year(today, d.month, d.day, past_days=0)
                dt = _tz_combine(nd.replace(year=nd.year + (1 if nd <= today else 0)), time(*hm), now) if nd else dt
            elif dm.group("dom"):
                return None
        return dt if dt > now else None
    tm = _TIME.search(s)
    if not tm:
        return None
    hm = resolve_time(tm, default_pm=False)
    if hm is None:
        return None
    dt = _tz_combine(today, time(*hm), now)
    if dt <= now:
        if (
            tm.group("ampm") is None
            and not tm.group("hh")
            and hm[0] < 12
            and _tz_combine(today, time(hm[0] + 12, hm[1]), now) > now
        ):
            return _tz_combine(today, time(hm[0] + 12, hm[1]), now)
        dt += timedelta(days=1)
    return dt


def _meeting_start(s: str, now: datetime) -> datetime | None:
    today = now.date()
    for dm in _DATE.finditer(s):
        if _CUTOFF_AFTER.match(s, dm.end()) or _CUTOFF_BEFORE.search(s[max(0, dm.start() - 10) : dm.start()]):
            continue
        d = resolve_date(dm, today)
        if d is None:
            continue
        hm = _time_after(s, dm.end(), dm.group("rel"))
        if hm is None:
            near = _TIME.search(s, dm.end(), dm.end() + 14)
            hm = resolve_time(near) if near else None
        dt = _tz_combine(d, time(*(hm or (0, 0))), now)
        if dm.group("wd") and not dm.group("wp") and hm and dt < now:
            dt += timedelta(days=7)
        return dt
    tm = _TIME.search(s)
    if tm:
        hm = resolve_time(tm)
        if hm:
            dt = _tz_combine(today, time(*hm), now)
            return dt if dt >= now else dt + timedelta(days=1)
    return None


def _meeting_place(s: str) -> str | None:
    m = _PLACE_KEY.search(s)
    if m:
        return _PLACE_TRIM.sub("", m.group("p").strip()) or None
    for tm in _TIME.finditer(s):
        pm = _PLACE_AT.match(s, tm.end())
        if pm:
            return _PLACE_TRIM.sub("", pm.group("p").strip())
    for dm in _DATE.finditer(s):
        gap = _GAP.match(s, dm.end())
        pm = _PLACE_AT.match(s, gap.end() if gap else dm.end())
        if pm:
            return _PLACE_TRIM.sub("", pm.group("p").strip())
    om = _ONLINE.search(s)
    if om:
        return om.group(0)
    for rm in _ROOM_CLAUSE.finditer(s):  # 今天下午2:30银企对接会，政务中心三楼3号会议室，…: a clause that is a room
        place = _room(rm.group("p"))
        if place:
            return place
    return None


def _room(clause: str) -> str | None:
    """A room clause without the time before it (上午10点管委会二楼), 在 or 请准时到; None for directions
    (是三楼不是四楼)."""
    clause = clause.rsplit("到", 1)[-1]
    if _NOT_A_ROOM.search(clause):
        return None
    start = 0
    while m := (_DATE.match(clause, start) or _TIME.match(clause, start)):
        start = m.end()
    place = clause[start:].lstrip("在于")
    return place if len(place) >= 3 else None


def _changed(
    s: str, now: datetime
) -> tuple[str | None, datetime | None, datetime | None, str | None, timedelta | None]:
    """(change, original time, new time, new place, offset) of a notice that changes an earlier one."""
    move = _MOVE.search(s)
    shift = _SHIFT.search(s)
    if shift and (was := _meeting_start(s[: shift.start()], now)):
        n = 0.5 if shift.group("n") == "半" else small_int(shift.group("n")) or 0
        days = {"小时": 0, "钟头": 0, "周": 7, "星期": 7}.get(shift.group("u"), 1)
        step = timedelta(days=n * days) if days else timedelta(hours=n)
        return "reschedule", was, was + step, None, step
    starts = _meeting_start(s[move.end() :], now) if move else None  # the new time, when moved
    if _CANCEL.search(s) or (_POSTPONE.search(s) and starts is None):
        return "cancel", _meeting_start(s, now), None, None, None
    if not move:
        return None, None, _meeting_start(s, now), _meeting_place(s), None
    before, after = s[: move.start()], s[move.end() :]
    place = _meeting_place(after)
    if place is None and starts is None and _PLACE_WORD.search(after[:20]):
        place = _PLACE_TRIM.sub("", _PLACE_CUT.split(after, 1)[0].strip()) or None
    if starts is None and (place is None or _SAME.match(place)):
        return None, None, _meeting_start(s, now), _meeting_place(s), None
    return ("reschedule" if starts else "relocate"), _meeting_start(before, now), starts, place, None


def extract_meeting(text: str, now: datetime) -> MeetingInfo | None:
    """Date+time, place and title of an announced gathering; None when neither a time nor a place is found.

    A date without a time of day gives midnight of that day. A notice that reschedules, relocates or cancels
    an earlier one says so in `change`, with the original time in `was` when stated.
    """
    s = normalize_lite(text)
    change, was, starts, place, step = _changed(s, now)
    if place and _SAME.match(place):
        place = None
    if starts is None and place is None and change is None:
        return None
    tm = _TITLE.search(s)
    title = (tm.group("t") or tm.group("t2")).strip(_MARKS) if tm else _gathering(s)
    if title and title.startswith("的"):  # 明天的…座谈会, 召开的…座谈会
        title = title[1:].strip(_MARKS) if len(title) > 3 else None
    for left, right in _PAIRS:  # 夏季促就业”专场招聘会: a quote cut in two loses its marks
        if title and title.count(left) != title.count(right):
            title = title.replace(left, "").replace(right, "")
    return MeetingInfo(starts, place, title, change, was, step)  # starts_at, place, title, change, was, shift


def _gathering(s: str) -> str | None:
    """The gathering a notice names without a title mark or 召开 (今天下午2:30银企对接会 → 银企对接会): the first
    named one (not the bare 对接会 of a heading 【对接会通知】), else the first bare one."""
    bare = None
    for m in _GATHERING.finditer(s):
        title = _TITLE_CUT.sub("", m.group("t"))
        if len(title) > len(m.group("n")):
            return title
        if bare is None and len(title) >= 3:
            bare = title
    return bare
