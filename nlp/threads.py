"""A requester's open thread: what they write soon after raising a request is usually about that request.

"网络的事还没人来看，今天早上又断了两回" from someone who asked the park about the network yesterday adds to that
request; it is no new one (LABELS.md: follow-ups and nudges are chatter). A message that would be a request
becomes a follow-up when its sender raised a request to the same department in the same group within
`FOLLOW_UP_WINDOW` (or within a week when it names a subject word of that request: 网络 … 网络), and it asks
nothing of its own (no ask, no question, no new issue) and names no other subject (停车 yesterday, 路灯 today: a
new request).

Plain data, like `nlp.officials`: the message handler passes the sender's latest active request from the ledger;
`clusterbot eval` and `classify` keep the requests they predicted, per group and sender.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, lru_cache

from nlp.normalize import to_simplified
from nlp.route import department_of
from nlp.vocab import dict_rows, lexicon

FOLLOW_UP_WINDOW = timedelta(days=3)
_DETAIL_WINDOW = timedelta(hours=2)  # "补充一下" this soon after the sender's request adds to it
_SAME_MATTER_WINDOW = timedelta(days=7)  # a report on the same matter (a subject word in common) follows it this long
# part fixed, part not (东边那半截亮了，靠河那一段还是黑的，麻烦再看看): how their request stands, this long after it
_PARTIAL_WINDOW = timedelta(days=14)
_IMPATIENT = re.compile(r"到底(?:啥时候|什么时候|哪天|好久)")  # 网络还是卡 扩容到底啥时候弄
# pointing back at an earlier ask (上次说的那个事, 年前反映过的, 到底啥时候): the same matter, this long after the
# request, when the sender asks nothing new (上回说的增容我们定了…要准备啥子资料: a new question)
_POINTS_BACK = re.compile(
    r"那个(?:事|问题)|那件事|的事(?:情)?(?:也|还|呢|[，,\s])|(?:上次|上回|之前|前面|上周|年前|节前)(?:说|问|提|反映)(?:的|过)"
    rf"|{_IMPATIENT.pattern}"
)
_BACK_WINDOW = timedelta(days=30)
# a further ask (还有个事麻烦下, 另外想问下, 顺便问下): another matter, unless it shares the request's subject
_FURTHER_ASK = re.compile(r"顺便|顺带|另外|还有个|还有一个|还有件|再问个|还想问")  # (再问一下: asked again)
_PARTIAL_REPORT = re.compile(
    r"(?:好|亮|通|修|补|换|清|弄好|修好|补好)了[^。？?]{0,30}?(?:还是|仍然|依然|还)(?:不|没|黑|坏|积|堵|漏|停|断|烂|臭|有)"
)
# asking how the request stands (有进展吗, 到哪一步了, 复核过了没, 有说法了吗): only a request already made has one
_STANDING = re.compile(
    r"进展|进度|到哪一?步|走到哪|(?:复核|审核|审批|核查|核实|验收|检查|复查)(?:过|完|好)了?(?:没有|没得|没|吗|么)"
    r"|有(?:说法|准信|回音|下文|眉目)了?(?:吗|没有|没|么)"
    r"|(?:能|会|可以)(?:到|到账|拨|拨付|拨下来|下来|发|批下来)(?:吧|吗|么|不)"  # 12月上旬能到吧？ after the answer
)
# asking when or whether the outcome comes: 方案啥时候能出, 批下来没有 (with _STANDING: 到哪一步了, 有进展吗)
_PROGRESS = re.compile(
    r"(?:啥时候|什么时候|何时|好久|多久|哪天|周几|星期几|礼拜几|几号)(?:能|可以|会|才|给|能够)?"
    r"(?:出|批|发|下来|办好|办完|弄好|搞好|建好|落实|开工|动工|通|装|修|"
    r"送电|通电|施工|安排|"
    r"有结果|有消息|答复|回复|到|来|过来)"
    r"|(?:出来|[批办发拨]下来|办好|有结果|落实|到位|到账)了?(?:没有|没得|没|吗|嘛|么)"
    r"|怎么样了|咋样了|等(?:好久|多久|多长时间)"  # 要换调压箱，那要等好久嘛？
    r"|(?:开始|起)[^，。,.!?！？]{0,10}了(?:吧|吗|没)"  # 今天开始末班车延后了吧: whether the promised change began
    r"|(?:今天|明天|上午|下午|这周)(?:能|会)(?:来|过来|到)(?:吗|不|么|嘛)"  # 消防验收今天能来吗？: the visit asked for
    r"|来不来|到不到|来了没"  # 吸污车今天来不来哦: whether the promised visit comes
    r"|(?:能用|能刷|能进|开通|弄好|搞好)了(?:吗|没有|没|么)"  # 门禁今晚能用了吗: whether the change is in place
    r"|[修补换装通清挖拉拨退批]了(?:没有|没得|没|吗|么)"  # X103的坑补了没有, 钱重新拨了么: whether it was done
    r"|(?:那块|那部分|那一块|那一项|那个|的事|的问题)呢[?？!！。\s]*$"  # 学徒培训补贴那块呢？: what about the rest
)
# a question or an invitation put to the group (今晚谁去撸串, 有没有人拼车, 周六打球吗): a "+1 / 算我一个" answers it
_ASKS_GROUP = re.compile(r"[?？]|谁|有没有人|有人|哪位|吗|[么嘛不没]\W*$|举(?:个|一下|下)?手|扣(?:个)?1|接龙|报个数")
# a cluster's trade (冷链, 物流): shared by most of its requests, so no sign that two are about one matter
_SECTORS = frozenset({"冷链", "物流", "食品", "医药", "中药材", "药材", "制造", "电商", "园区"})
# someone to come
_ARRIVAL = re.compile(r"来不来|来了没|(?:啥时候|什么时候|哪天|周几|几号|几点)(?:能)?(?:来|过来)(?!的)")
# the sender did what the department asked and wants it checked (整改完了…麻烦安排复查): the same matter goes on
# (not 预审的小刘说…: who spoke; nor 显示审核中: where it stands)
_RECHECK = re.compile(
    r"(?:整改|改|弄|补|修)(?:完|好)了?[^？?]{0,80}?(?:复查|复核|复检|复验|验收|回访)"
    r"|(?:发|交|提交|上传|报|传)(?:到|给|过去|上去)?[^，。？?]{0,8}了[^？?]{0,40}?(?:核查|审核|复核|过目|核实|复查|验收|预审)(?![的中])"
    r"|(?:发|交|提交|上传)(?:到|给|过去|上去)?[^，。？?]{0,8}了[，,\s]*(?:麻烦|请)[^？?]{0,10}看"
)
_NEXT_STEP = re.compile(r"找哪|找谁|哪个部门|哪里办|去哪")
_ADDS = re.compile(r"补充(?:一下|下|一点|两句|一句|说明)|再补充|另外补充")  # the sender says it adds to what they said
# hurrying it along (not 尽快 / 抓紧: every new request says them)
_URGE = re.compile(
    r"快点|快一点|催一下|催下|催一哈|帮忙催|帮催|催催|加快|早点|回一下|回下话|回个话|回复一下|有没有人管(?!过)|有人管没"
    r"|那个[^。？?]{0,12}(?:帮忙|麻烦)看(?:一下|下|看|一哈)"  # 技改补贴那个，付科帮忙看一下嘛: the ask on it
    r"|(?:那|就)麻烦[^，。?？]{0,4}安排"  # 好的，那麻烦韦工安排，我们配合: the office's offer taken up
)
# nothing has happened yet about it (网络的事还没人来看, 一直没人管, 报上去还没动静): it points back at an ask
_WAITING = re.compile(
    r"(?:还|一直|都)没(?:有)?人(?:来|管|理|处理|联系|回)|(?:还|一直)没(?:有)?(?:动静|消息|回音|回复|答复|下文|回信|回话)"
    r"|(?:还|一直)没(?:有)?(?:联系|找|通知|打电话给)(?:我们|我)"  # 客户经理还没联系我们哦
    r"|到底有没有人(?:管|来|理|处理)"
    r"|有没有人管(?:管|一下|吗|啊|嘛|哦|呀|呢|哈|[?？!！\s]|$)"  # 那个有没有人管管啊: nothing done
)
# features of an ask of its own, a question, or a report that the trouble is back or not over
_ASKS = ("ask", "can_q", "new_issue", "question", "unresolved", "still", "res_partial")


# the utilities a matter may be about, by the words that name them or their failures (网最近老断, 又跳闸, 停水)
_UTILITIES = (
    (
        "网",
        re.compile(
            r"网络|宽带|网速|断网|没网|光纤|wifi|信号|网(?![上站页点格购红店商关])[^，。,.！!？?\s]{0,4}?[断卡掉慢通]"
        ),
    ),
    ("电", re.compile(r"停电|断电|跳闸|没电|来电|供电|电压|变压器|增容|电力")),
    ("水", re.compile(r"停水|断水|没水|来水|供水|水压|自来水|水管|水表")),
    ("气", re.compile(r"燃气|天然气|停气|断气|气压|供气")),
)


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """When a sender last raised a request in a group, to which department it went, and the words of its matter
    (its subject words, 路灯/车位/网络; empty when unknown)."""

    at: datetime
    department: str | None
    matter: frozenset[str] = frozenset()
    text: str = ""  # as written, when known: a subject word in it (村道) is of its matter though no topic holds it


def is_follow_up(
    open_request: OpenRequest | None, now: datetime, department: str | None, present: Container[str], text: str
) -> bool:
    """A would-be request to `department` only adds to the sender's open request (see the module docstring)."""
    if open_request is None or (department is not None and open_request.department != department):
        return False
    age = now - open_request.at
    partial = _PARTIAL_REPORT.search(text) is not None
    back = _POINTS_BACK.search(text) is not None
    window = _PARTIAL_WINDOW if partial else _BACK_WINDOW if back else _SAME_MATTER_WINDOW
    if not timedelta(0) <= age < window:
        return False
    theirs = open_request.matter - _SECTORS if not adds_detail(text) else frozenset()
    mine = [w for w in subjects(present) if w not in _SECTORS] if theirs else ()
    if mine and theirs.isdisjoint(mine) and not any(w in open_request.text for w in mine):
        return False  # another subject for the same department (停车 yesterday, 路灯 today): a new request
    if _FURTHER_ASK.search(text) and theirs.isdisjoint(mine):
        return False  # 葛科，还有个事麻烦下，我们车间那台蒸汽锅炉年检到期了…: a further ask, not the one before
    if partial:
        return (
            True  # what the fix left (5栋门口是好了，但是后面仓库那边还是积水，麻烦再安排看看): their request goes on
        )
    same_utility = bool(utilities(text) & utilities(open_request.text)) if back else False
    if back and (mine or same_utility) and (_standing(text) or not _questions(present, text)):
        return True  # 上次说的那个路灯的事，有进展没: weeks on, the sender points back at the same matter
    if age >= _SAME_MATTER_WINDOW:
        return False
    if age >= FOLLOW_UP_WINDOW and not mine:
        return False  # after a few days only a word of the same matter (网络 … 网络) ties it to the request
    if age < _DETAIL_WINDOW and adds_detail(text):
        return True  # "补充一下：…不知道能不能先报" minutes after the ask: its details, questions and all
    if asks_recheck(text):
        return True  # 变更材料网上交了，节后麻烦安排核查: their step done, the office's next one asked
    # when the outcome comes (村道啥时候能修), unless a new cut (啥时候来电) or a next step put to someone (找哪个办)
    new = outage(text) or "来电" in text or _NEXT_STEP.search(text)
    pending = (_STANDING, _URGE, _WAITING) if new else (_STANDING, _URGE, _WAITING, _PROGRESS)
    if age < FOLLOW_UP_WINDOW and any(rx.search(text) is not None for rx in pending):
        # 用地的事麻烦帮忙看看进度, 复核过了没, 麻烦催一下 within days: how their request on that matter stands (not
        # 啥时候来电: a new cut; nor 施工许可…能帮问问进度吗 a week after an ask on 燃气管道 for the same 厂房)
        return True
    return not _asks(present, text)


def _asks(present: Container[str], text: str) -> bool:
    """The message asks something (a question, an ask, a problem still there)."""
    return any(f in present for f in _ASKS) or "?" in text or "？" in text


def _questions(present: Container[str], text: str) -> bool:
    """The message puts a question (要准备啥子资料？), not only an ask (节后帮我们看下嘛)."""
    return any(f in present for f in ("question", "can_q", "procedure")) or "?" in text or "？" in text


def _standing(text: str) -> bool:
    """The message asks how a request stands, urges it or waits on it (有进展没, 麻烦催一下, 到底啥时候)."""
    return any(rx.search(text) is not None for rx in (_STANDING, _URGE, _WAITING, _PROGRESS, _IMPATIENT))


def subjects(present: Mapping[str, object] | Container[str]) -> list[str]:
    """The subject words (gov_topic: 路灯, 车位, 网络 …) among a message's features (a dict of them; a plain set of
    feature names has no words)."""
    got = present.get("gov_topic") if type(present) is dict else None  # the analyzer's dict: no ABC check per call
    return got.words("gov_topic") if got is not None and hasattr(got, "words") else []  # type: ignore[union-attr]


class RequestsBySender:
    """The latest predicted request of each sender in each group of a stream of records, and their latest to each
    department (as the ledger answers `open_request`: handlers.framework.latest_open_request)."""

    __slots__ = ("_latest",)

    def __init__(self) -> None:
        self._latest: dict[tuple[str, str], dict[str | None, OpenRequest]] = {}

    def of(self, group: str, sender: str | None) -> Callable[[str | None], OpenRequest | None] | None:
        """The sender's latest request in the group to a department (their latest of all when they have none to
        it), if they have any."""
        mine = self._latest.get((group, sender)) if sender else None
        if not mine:
            return None
        latest = max(mine.values(), key=lambda r: r.at)
        return lambda department=None: mine.get(department, latest) if department is not None else latest

    def note(
        self,
        group: str,
        sender: str | None,
        at: datetime,
        department: str | None,
        matter: frozenset[str] = frozenset(),
        text: str = "",
    ) -> None:
        """The sender raised a request now (to `department`, about the subject words `matter`, in `text`)."""
        if sender:
            self._latest.setdefault((group, sender), {})[department] = OpenRequest(at, department, matter, text)


def asks_progress(text: str) -> bool:
    """The text asks when or whether an outcome comes (方案啥时候能出, 批下来没有, 到哪一步了), hurries it along
    (能不能快点嘛, 麻烦催一下), or says nothing has happened yet (还没人来看, 一直没动静)."""
    return any(rx.search(text) is not None for rx in (_PROGRESS, _STANDING, _URGE, _WAITING))


def asks_recheck(text: str) -> bool:
    """The text reports the sender's part done and asks for it to be checked (整改完了…麻烦安排复查)."""
    return _RECHECK.search(text) is not None


def asks_arrival(text: str) -> bool:
    """The text asks whether or when someone comes (吸污车今天来不来, 帮办员元旦后哪天来)."""
    return _ARRIVAL.search(text) is not None


def adds_detail(text: str) -> bool:
    """The sender says the message adds to what they said before (补充一下, 再补充)."""
    return _ADDS.search(text) is not None


def asks_the_group(text: str) -> bool:
    """The text puts a question or an invitation to the group (今晚谁去撸串, 周六有人打球吗, 还在车间的举个手)."""
    return _ASKS_GROUP.search(text) is not None


@cache
def _generic() -> frozenset[str]:
    """dicts/generic.txt: words the notices and many requests of a cluster share (补贴, 申报, 中药材)."""
    return frozenset(w for row in dict_rows("generic.txt") for w in row)


def specific_words(topics: Iterable[str]) -> set[str]:
    """The matter words (`matter_words`) that are not shared by a whole cluster's notices (补贴, 申报, 中药材)."""
    return matter_words(topics) - _SECTORS - _generic()


def matter_words(topics: Iterable[str]) -> set[str]:
    """The topics that say what a matter is (保险, 末班车), not the goods (黄精), a department (农业局) nor the people
    concerned (工人, 员工: hiring them and their subsidies are two matters) nor where they work (车间: a crane
    in the 车间 and the boss still in the 车间 at the weekend are no one matter)."""
    names = lexicon().names
    return {t for t in topics if t not in names and t not in _NO_MATTER and department_of(t) is None}


# the people concerned and where they work: no word of what a matter is
_NO_MATTER = frozenset(
    {"工人", "员工", "职工", "工人们", "人员", "人手", "司机", "骑手", "老板", "老板们", "车间", "厂里", "公司"}
)


_OUTAGE = re.compile(r"(?:停|没|断)(水|电|网|气)|(水|电|网|气)(?:又)?(?:停|断|没)")  # 又没水了, 网又断了


def outage(text: str) -> str | None:
    """The utility (水, 电, 网, 气) whose outage the text reports (又没水了, 网又断了, 停电开始了), if any."""
    m = _OUTAGE.search(text)
    return None if m is None else m.group(1) or m.group(2)


@lru_cache(maxsize=4096)
def utilities(text: str) -> frozenset[str]:
    """The utilities (网, 电, 水, 气) the text is about: "网通了" and "仓库区的网最近老断" are one matter (a request's
    text is kept as written: 園區網絡老是斷 is about the 网 too)."""
    low = to_simplified(text).lower()
    return frozenset(name for name, rx in _UTILITIES if rx.search(low))


_CLAUSES = re.compile(r"[^，,。.！!？?；;\s]+")


def without_asks_after(text: str) -> str:
    """The text without its clauses that ask after an outcome: what "已经正常了，网络那个也麻烦催一下" confirms."""
    return " ".join(c for c in _CLAUSES.findall(text) if not asks_progress(c))
