"""Who is who in a group: the officials its members address by name; and what the group just saw (the latest
official notice, the latest message), which the next message is read against.

A member writes "王科长，我那十亩桔梗…" or "黄主任 能不能推到周六" without an @. The group has seen 商务局-王科长 and
园区管委会-黄主任 post before, so the request is for 商务局 or 园区管委会. `Officials` learns the ways each
official is addressed from the nicknames seen in the group (王科长 and 王科; 张站 and 张站长) and finds the one a
text addresses. It is plain data: the analyzer reads it, and whoever sees the group's messages fills it (the
message handler from the stored messages, `clusterbot eval` and `classify` from the records before).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

NOTICE_LABELS = frozenset({"policy", "meeting"})
NOTICE_WINDOW = timedelta(hours=3)  # a question this soon after an official's notice is about it
# title → the other ways it is said: 王科长 is also 王科, 张站 is also 张站长
_SHORT_LONG = (("科长", "科"), ("站长", "站"), ("局长", "局"), ("所长", "所"))
_PERSON = re.compile(r"^[\u4e00-\u9fff]{1,3}$")
# common surnames: an official named in full (政务服务中心-陈敏) is thanked as 陈姐, 陈哥 or 陈老师
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
    "陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_TITLES = ("科", "站", "局", "所", "长", "主任", "经理", "总", "工", "师傅", "老师", "书记", "队")  # 科长 ends in 长


def official_title(name: str) -> bool:
    """A bare name that only an official bears in these groups: a surname and an office title (曾科, 唐站长, 王局),
    as WeChat writes "@曾科" for a member the group has not heard from yet."""
    return len(name) >= 2 and name[0] in _SURNAMES and _OFFICE_TITLE.fullmatch(name, 1) is not None


_OFFICE_TITLE = re.compile(r"科长?|局长?|站长|所长|书记|股长|处长")


def address_forms(person: str) -> list[str]:
    """How an official called `person` (the part of the nickname after 单位-) is addressed in the chat: the forms
    of their name and title, then the forms the companies make up for them (`guessed_forms`); a name and the form
    the group calls them by (唐建国 唐站长) give the forms of both."""
    named = [f for part in person.split() for f in _named_forms(part)]
    return list(dict.fromkeys(f for f in (*named, *guessed_forms(person)) if len(f) >= 2))


def _named_forms(person: str) -> list[str]:
    person = person.strip()
    if not _PERSON.match(person) or len(person) < 2:
        return []
    forms = [person]
    for long, short in _SHORT_LONG:
        if person.endswith(long) and len(person) > len(long):
            forms.append(person[: -len(long)] + short)
        elif person.endswith(short) and long != short and len(person) > len(short):
            forms.append(person[: -len(short)] + long)
    return forms


def guessed_forms(person: str) -> list[str]:
    """Forms made from a surname: 税务局小刘 is thanked as 刘老师, 供电所老李 as 李师傅, 物业老马 as 马哥; 陈敏 is 陈姐,
    陈哥, 陈老师, 陈科 or 陈工 to the companies. Another official's own name or title (交通局-陈科) takes precedence."""
    if len(parts := person.split()) > 1:  # 唐建国 唐站长: a name and the form the group calls them by
        return list(dict.fromkeys(f for part in parts for f in guessed_forms(part)))
    person = person.strip()
    if not _PERSON.match(person) or len(person) < 2 or (len(person) != 2 and person[0] in "小老"):
        return []
    if person[0] in "小老":
        return [person[1] + title for title in ("老师", "师傅", "工", "哥", "姐")]
    if person[0] in _SURNAMES and not person.endswith(_TITLES):
        return [person[0] + title for title in ("姐", "哥", "老师", "科", "工")]
    return []


class Officials:
    """Address forms of a group's officials → their canonical department; the group's latest notice and message."""

    __slots__ = ("_cut", "_forms", "_guessed", "_last", "_notice")

    def __init__(self) -> None:
        self._forms: dict[str, str] = {}
        self._guessed: set[str] = set()  # the forms held by a guess (guessed_forms), not by an official's own name
        self._notice: tuple[str, datetime] | None = None  # the department and time of the latest notice
        self._cut: datetime | None = None  # the time of the latest notice announcing a cut (停电通知)
        self._last: tuple[str, bool, str | None, datetime] | None = None  # latest message: label, official, who, when

    def heard(self, label: str, official: bool, sender: str | None, at: datetime) -> None:
        """The group's latest message: its label, whether an official sent it, who sent it and when."""
        self._last = (label, official, sender, at)

    def previous(self, now: datetime, sender: str | None) -> tuple[str, bool] | None:
        """(label, sent by an official) of the group's latest message, when another member posted it within
        NOTICE_WINDOW before `now`: a reply reads differently after a request than after a notice."""
        if self._last is None:
            return None
        label, official, who, at = self._last
        if sender is not None and who == sender:
            return None
        return (label, official) if _recent(at, now) else None

    def posted(self, department: str | None, at: datetime, *, interruption: bool = False) -> None:
        """An official of `department` posted a notice (policy or meeting) in the group at `at`; `interruption`: it
        announces a cut of power, water or gas (Analysis.interruption)."""
        if department:
            self._notice = (department, at)
        if interruption:
            self._cut = at

    def recent_interruption(self, now: datetime) -> bool:
        """An official announced a cut of power, water or gas within NOTICE_WINDOW before `now`: the remarks that
        follow (又停？冷库咋整) react to it."""
        return self._cut is not None and _recent(self._cut, now)

    def recent_notice(self, now: datetime) -> str | None:
        """The department whose official posted a notice in the group within NOTICE_WINDOW before `now`."""
        if self._notice is None:
            return None
        department, at = self._notice
        return department if _recent(at, now) else None

    def learn(self, person: str | None, department: str | None) -> None:
        """Remember an official seen in the group: `person` as in 商务局-王科长 → 王科长, and their department.

        A form two departments share (two 王科长) is dropped: it no longer says who is meant.
        """
        if not person or not department:
            return
        guessed = guessed_forms(person)
        for form in address_forms(person):
            known = self._forms.get(form)
            if known is None:
                self._forms[form] = department
                if form in guessed:
                    self._guessed.add(form)
            elif known != department and (form in self._guessed) == (form in guessed):
                self._forms[form] = ""  # two officials named alike, or two guesses alike
            elif known != department and form in self._guessed:
                self._forms[form] = department  # 交通局-陈科 is 陈科, whatever 陈敏 of another office is called
                self._guessed.discard(form)

    def learn_unplaced(self, person: str | None) -> None:
        """Remember an official of no known department seen in the group (区营商办-刘主任): their forms (刘主任) no
        longer name one department, whoever else bears them."""
        guessed = guessed_forms(person) if person else []
        for form in address_forms(person) if person else ():
            if form not in guessed or form not in self._forms or form in self._guessed:
                self._forms[form] = ""

    def opens(self, text: str) -> bool:
        """The text opens by naming one of the group's officials (王站长 我们那片柴胡…): it speaks to them."""
        head = text.lstrip("@ ")[:6]
        return any(head.startswith(form) for form in self._forms) if self._forms else False

    def addressed(self, text: str) -> str | None:
        """The department of the one official the text addresses by name; None for none or several."""
        found = {dept for form, dept in self._forms.items() if form in text}
        if len(found) != 1:
            return None
        dept = found.pop()
        return dept or None


def _recent(at: datetime, now: datetime) -> bool:
    """`at` lies within NOTICE_WINDOW before `now` (a naive and an aware time are not comparable: not recent)."""
    try:
        return timedelta(0) <= now - at <= NOTICE_WINDOW
    except TypeError:
        return False


def record_group(record: dict) -> str:
    """The group a record was posted in: its "room", "group" or "cluster" field."""
    return str(record.get("room") or record.get("group") or record.get("cluster") or "")


class OfficialsByGroup:
    """One `Officials` per group in a stream of records (their "room", "group" or "cluster" field)."""

    __slots__ = ("_by_group",)

    def __init__(self) -> None:
        self._by_group: dict[str, Officials] = {}

    def of(self, record: dict) -> Officials:
        """The officials of the record's group."""
        key = record_group(record)
        got = self._by_group.get(key)
        if got is None:
            got = self._by_group[key] = Officials()
        return got
