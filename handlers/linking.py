"""Linking replies to requests (WeChat groups have no threads).

In order of strength: an explicit "#N"; a WeChat quote of the request or of the bot's acknowledgement (both in
handlers/references.py); an official @-mentioning the requester, or naming them or their company (张总，… / 蜀香那边
查了…; handlers/addressing.py); an official of department D answering the most recent unanswered request routed to D
(or to no one) in that group, when the topics agree (or, whatever the words, the request the group raised just
before); a requester's acknowledgement linked to their own latest unresolved request whose department or topic it
names. When two requests fit equally, nothing is guessed: the caller asks which one.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from handlers.addressing import (
    asker_right_before,
    called_official,
    mentioned_departments,
    mentioned_requester,
    named_requester,
)
from handlers.framework import Context
from handlers.matching import best_of, char_pairs, names_an_answered, other_zone, overlap, topics_of
from handlers.references import Link, explicit, quoted
from nlp.threads import matter_words, outage, specific_words, utilities, without_asks_after
from nlp.withdrawal import withdraws
from storage.ledger import ACTIVE, get_request, list_requests, requests_involving
from storage.messages import recent_messages
from storage.models import Request

# 我们的也坐上了, 蜀味源这边也正常了; 确实 昨晚车回来顺利进门了 (agreeing with whoever spoke before)
_ECHO = re.compile(r"(?:我们|我家|这边|我们的|咱们|我们厂)[^，。,.!！？?]{0,3}也|^\s*确实")
_BACK_REF = re.compile(r"问题|诉求|这事|那事|这个事|那个事|的事|上次|之前")  # words pointing back at a matter raised


def department_latest(ctx: Context, *, statuses: tuple[str, ...] = ("open",)) -> Link | None:
    """The most recent request routed to the official's department (or to no one) in this group, when topics
    agree; or, whatever the words, the request the group just raised (发个照片来看看 half an hour after
    叶子发黄了咋个整)."""
    dep = ctx.sender.department
    if dep is None:
        return None
    group = list_requests(session=ctx.session, statuses=statuses, group_id=ctx.message.room_id, newest_first=True)
    # one routed to no one yet is anyone's to answer; one in another zone of the park (C区) is no one's here (B区)
    cands = [r for r in group if r.department in (dep, None) and not other_zone(ctx, r)]
    link = best_of(ctx, cands, "department", need_topic=True)
    fresh = cands[0] if cands and cands[0].status == "open" else None
    if link is not None and link.request not in (None, fresh) and link.request.status != "open" and fresh is not None:
        # "A区刚才是上级线路碰线" 40 minutes after "刚才A区突然闪断了一下": the group's fresh ask it echoes, not an
        # answered one that shares a word (设备) with it
        said = char_pairs(ctx.analysis.text, letters=True)
        echo = len(said & char_pairs(fresh.text, letters=True))
        if echo > len(said & char_pairs(link.request.text, letters=True)) and _just_raised(ctx, fresh):
            return Link(fresh, "department")
    if link is not None or not cands or ctx.analysis.label != "answer":
        return link
    asked = asker_right_before(ctx, dep)
    if asked is not None:
        return Link(asked, "department")  # 一包兑一喷雾器水 right after "一包兑多少水来着" of an earlier asker
    alone = len(cands) == 1 or ctx.message.timestamp - cands[1].created_at > _JUST_RAISED  # none other this recent
    named = alone and bool(matter_words(ctx.analysis.topics))  # a matter of its own, maybe an answered ask's
    answered = list_requests(session=ctx.session, statuses=("answered",), group_id=ctx.message.room_id) if named else []
    answered = [r for r in answered if r.department == dep]
    if answered and names_an_answered(ctx, answered, cands[0]):
        return None  # 食堂的事…谈了: the answered ask it names, not the one just raised
    if (alone or not ctx.analysis.topics) and _just_raised(ctx, cands[0], adjacent=not alone):
        return Link(cands[0], "department")
    return None


_JUST_RAISED = timedelta(hours=3)  # an official's answer this soon after the group's latest request answers it


def _just_raised(ctx: Context, req: Request, *, adjacent: bool = False) -> bool:
    """The request is the group's latest, raised within _JUST_RAISED before the message and among the group's last
    few messages (an answer to a question the ledger missed, asked in between, is not its answer); with `adjacent`
    (another request to the department is as recent, and the answer has no words of its own: 必须，近一年的), the
    message right before the answer is about it."""
    if not timedelta(0) <= ctx.message.timestamp - req.created_at <= _JUST_RAISED:
        return False
    latest = list_requests(session=ctx.session, group_id=ctx.message.room_id, newest_first=True, limit=1)
    if not latest or latest[0].id != req.id:
        return False
    recent = recent_messages(
        session=ctx.session,
        room_id=ctx.message.room_id,
        at=ctx.message.timestamp,
        exclude_pk=ctx.raw_id,
        limit=1 if adjacent else 3,
    )
    return any(row.request_id == req.id for row in recent)


def own_request(ctx: Context) -> Link | None:
    """A requester's acknowledgement: their own unresolved request (one they raised, not one they joined) whose
    department or topic it names, or the one the bot last asked them to confirm; a bare "好了，谢谢" with nothing to
    tell their requests apart asks which. A message on other topics links nothing, but "问题还没解决" or "有进展吗"
    points back at a requester's only one, and a fix told in other words with thanks or a word pointing back
    (烂根止住了 谢谢站长, 这事解决了) at their only answered one; a message naming a utility (来电了) only at requests
    about it."""
    involved = requests_involving(session=ctx.session, wechat_id=ctx.message.sender_id)
    # only active requests they raised: the requester's handlers act on nothing else (one they joined with "+1"
    # would take a withdrawal meant for their own)
    cands = [r for r in involved if r.requester_id == ctx.message.sender_id and r.status in ACTIVE]
    cands = [r for r in cands if r.group_id == ctx.message.room_id] or cands
    a = ctx.analysis
    # what a confirmation confirms is not what it asks after (已经正常了👌 网络那个也麻烦催一下: not the network)
    confirms = without_asks_after(a.text) if a.resolution or a.thanks else None
    told = a.text if confirms is None else confirms
    said, said_pairs = utilities(told), char_pairs(told)
    if said:  # 来电了 speaks of the power: not of their request about a flooded road
        cands = [r for r in cands if said & utilities(r.text)]
        # 来电了 after 停电了 (told in the group, or asked about in a request they joined): that outage, not their
        # request for 增容 (unless it names it: 增容昨天送上电了)
        named = specific_words(t for t in a.topics if t in told)
        since = ctx.message.timestamp - _JOINED_CUT_REACH
        joined = [r for r in involved if r.requester_id != ctx.message.sender_id and r.created_at >= since]
        cut = any(outage(r.text) in said for r in joined)
        if cands and (cut or _after_outage(ctx, said)) and not any(named & topics_of(r) for r in cands):
            cands = [r for r in cands if outage(r.text) in said]
    if not cands:
        return None
    named = set(ctx.analysis.departments_named) | mentioned_departments(ctx)  # @应急局许队 …刚才那个问题撤回哈
    thanked = ctx.services.officials.for_room(ctx.session, ctx.message.room_id).addressed(ctx.analysis.text)
    if thanked:  # "感谢陈科！": the department of the official it names
        named.add(thanked)

    heard = [t for r in cands if (t := _last_heard(r))]
    newest = max(heard) if heard else None  # the department answered, or "问题解决了吗？" was asked, last of this one

    def relevance(r: Request) -> int:
        return 3 * (r.department in named) + overlap(ctx, r, confirms)

    dropping = withdraws(a.text)
    if a.resolution and not dropping and _confirmed_before(ctx, involved, cands, confirms):
        return None  # 药真管用，黄精现在都好了 days after 打了药，叶子没再长黑斑了: thanks again for a fix confirmed

    def score(r: Request) -> tuple[int, int, int, int, int, int]:
        # what it names; on a tie, one still unanswered when the ask is dropped (满分学习那个不用回了，我撤回: not the
        # answered one), one answered within hours (门开了，车已经进来了 half an hour after the answer to the ask about
        # the gate, not the ask about a ditch whose fix the bot asked them to confirm days ago), the one asked to
        # confirm, then the one it echoes most (冷藏车备案下来了，4台都能白天进城了: the ask about 4台冷藏车…白天进不了
        # 二环, not the follow-up about 新能源车), then the one heard last
        rel = relevance(r)
        echo = len(said_pairs & char_pairs(r.text)) if rel else 0
        pending = 1 if dropping and r.status == "open" else 0
        # 没事了…先不问了 half an hour after asking: the ask just made, not one of days ago
        just_asked = 1 if pending and ctx.message.timestamp - r.created_at <= _JUST_ASKED else 0
        heard = _last_heard(r)
        fresh = 1 if heard is not None and ctx.message.timestamp - heard <= _FRESH else 0
        last = 1 if newest and heard == newest else 0
        return rel, pending + just_asked, fresh, 1 if r.confirm_asked_at else 0, echo, last

    # 问题还没解决, 那个事还没消息; 这个问题解决了 (thanking 刘老师, whom the ledger knows as 税务局小刘); 撤回撤回，
    # 发错群了，这是要问深圳那边的 (what it names is why: the ask is theirs)
    back = (a.unresolved or a.resolution) and _BACK_REF.search(a.text) is not None
    points_back = a.nudge or back or dropping
    topics = a.topics if confirms is None else [t for t in a.topics if t in confirms]
    if topics and not any(map(relevance, cands)) and not (len(cands) == 1 and points_back):
        own = [r for r in cands if r.status == "answered"]
        if (
            a.resolution
            and (a.thanks or back)
            and not a.need_met
            and len(own) == 1
            and thanked in (None, own[0].department)
        ):
            # 烂根止住了 谢谢站长, 9号我们照常生产，这事解决了: the fix of their one answered request, in other words
            return Link(own[0], "own")
        return Link()  # about something else (屋顶光伏装好了 from a requester of 增容 and 停车位): no link, no question
    if _ECHO.search(a.text) and not any(map(relevance, cands)):
        return Link()  # 我们的也坐上了: the same as what others just said, not one of their own requests
    scored = sorted(((score(r), r) for r in cands), key=lambda p: (*(-x for x in p[0]), -(p[1].id or 0)))
    top = scored[0][0]
    if top == (0, 0, 0, 0, 0, 0) and len(cands) > 1:
        answered = [r for r in cands if r.status == "answered"]
        if len(answered) == 1:
            return Link(answered[0], "own")
        return Link(None, "own", cands)
    tied = [r for s, r in scored if s == top]
    if len(tied) > 1:
        return Link(None, "own", tied)
    return Link(scored[0][1], "own")


def nudges_another(ctx: Context, req: Request) -> bool:
    """The sender has another active request in the group the message's words are about (已经正常了👌 网络那个也麻烦
    催一下): what it hurries along is that one, not the rest of `req`."""
    mine = requests_involving(session=ctx.session, wechat_id=ctx.message.sender_id, statuses=ACTIVE)
    return any(r.id != req.id and r.group_id == ctx.message.room_id and overlap(ctx, r) for r in mine)


_JUST_SAID = timedelta(minutes=30)
_JUST_ASKED = timedelta(hours=3)  # a withdrawal this soon after an ask takes that ask back


def just_linked_elsewhere(ctx: Context, req: Request) -> bool:
    """The group's message right before, this soon, was about another of the sender's requests (小周 passed the fire
    check on to 住建局, then "谢谢小周"): a thanks now is for that, not a confirmation of `req`."""
    rows = recent_messages(
        session=ctx.session, room_id=ctx.message.room_id, at=ctx.message.timestamp, exclude_pk=ctx.raw_id, limit=1
    )
    if not rows or rows[0].request_id in (None, req.id) or ctx.message.timestamp - rows[0].ts > _JUST_SAID:
        return False
    other = get_request(session=ctx.session, no=rows[0].request_id)
    return other is not None and other.requester_id == ctx.message.sender_id


_OUTAGE_REACH = timedelta(hours=24)
_JOINED_CUT_REACH = timedelta(days=3)  # a cut asked about in a request they joined (同问) is over when 来电了
_FRESH = timedelta(hours=2)  # an answer this recent is what a requester's "好了，谢谢" most likely confirms


def _after_outage(ctx: Context, said: frozenset[str]) -> bool:
    """An outage of one of the utilities `said` was reported in the group in the last day, outside any request
    (停电通知, 停电开始了): a "来电了" now tells that it is over."""
    since = ctx.message.timestamp - _OUTAGE_REACH
    rows = recent_messages(
        session=ctx.session, room_id=ctx.message.room_id, at=ctx.message.timestamp, exclude_pk=ctx.raw_id, limit=60
    )
    return any(r.ts >= since and r.request_id is None and outage(r.text) in said for r in rows)


def _last_heard(req: Request) -> datetime | None:
    """When the requester last heard of the request: the bot asked them to confirm, or the department answered."""
    times = [t for t in (req.confirm_asked_at, req.first_answer_at) if t is not None]
    return max(times) if times else None


def link_for_official(ctx: Context, *, completion: bool = False) -> Link:
    """Link an official's answer or completion report."""
    statuses = ACTIVE if completion else ("open",)
    for finder in (explicit, quoted, mentioned_requester, named_requester):
        link = finder(ctx)
        if link is not None:
            return link
    if _addresses_someone_else(ctx):
        return Link()  # @蜀通冷链-罗经理 …: the answer is for a member with no request in the ledger
    link = called_official(ctx, statuses)
    if link is not None:
        return link
    link = department_latest(ctx, statuses=statuses)
    if link is None and not completion:
        link = department_latest(ctx, statuses=("answered",))
    if link is None:
        link = topic_anywhere(ctx, statuses=statuses)
    return link or Link()


def _addresses_someone_else(ctx: Context) -> bool:
    """The official @-mentions a member who is no official (and, as mentioned_requester found, has no request here)."""
    people = zip(ctx.message.mention_ids, ctx.mention_names, strict=False)
    return any(not ctx.services.directory.person(wxid, name).is_official for wxid, name in people)


def topic_anywhere(ctx: Context, *, statuses: tuple[str, ...]) -> Link | None:
    """An official answering a request routed elsewhere (or not routed): only on a clear topic match."""
    cands = [
        r
        for r in list_requests(session=ctx.session, statuses=statuses, group_id=ctx.message.room_id, newest_first=True)
        if r.department != ctx.sender.department
    ]
    scored = sorted(((overlap(ctx, r), r) for r in cands), key=lambda p: (-p[0], -(p[1].id or 0)))
    if not scored or scored[0][0] < 2:
        return None
    tied = [r for score, r in scored if score == scored[0][0]]
    return Link(None, "topic", tied) if len(tied) > 1 else Link(tied[0], "topic")


def _confirmed_before(ctx: Context, involved: list[Request], cands: list[Request], confirms: str | None) -> bool:
    """A fix told of a matter that one of the requester's resolved requests in the group shares more than any
    active one: that fix was confirmed already."""
    me, room = ctx.message.sender_id, ctx.message.room_id
    done = [r for r in involved if r.requester_id == me and r.status == "resolved" and r.group_id == room]
    again = max((overlap(ctx, r, confirms) for r in done), default=0)
    return again > 0 and again > max(overlap(ctx, r, confirms) for r in cands)


def link_for_requester(ctx: Context) -> Link:
    """Link a requester's acknowledgement, "not solved" or nudge."""
    for finder in (explicit, quoted, own_request):
        link = finder(ctx)
        if link is not None:
            return link
    return Link()


def ask_which(ctx: Context, candidates: list[Request]) -> None:
    """Ask in the group which request is meant, instead of guessing."""
    from handlers.render import shorten

    listed = "；".join(f"#{r.id} {shorten(r.text, 16)}" for r in candidates[:5])
    ctx.reply(
        f"@{ctx.message.sender_name} 请问您说的是哪一条诉求？{listed}。"
        f"请带上编号再发一次，例如「#{candidates[0].id} …」。",
        mention_ids=[ctx.message.sender_id],
    )
