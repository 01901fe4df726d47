"""Which requester an official's reply addresses: the one it @-mentions, or the one it names at its start (张总，…) or
by company (蜀香那边查了…); that requester's request for the official's department."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from handlers.framework import Context
from handlers.matching import best_of, char_pairs, overlap
from handlers.references import Link
from nlp.officials import official_title
from storage.ledger import ACTIVE, list_requests, requests_involving
from storage.messages import get_raw_by_pk, recent_messages
from storage.models import Request


def mentioned_requester(ctx: Context) -> Link | None:
    """An official @-mentions a requester: that requester's active request (department, then topic)."""
    if not ctx.message.mention_ids:
        return None
    active = list_requests(session=ctx.session, statuses=ACTIVE, group_id=ctx.message.room_id, newest_first=True)
    for wxid in dict.fromkeys(ctx.message.mention_ids):  # several requesters: the first one's (handlers/several.py)
        link = addressed_requester(ctx, active, wxid)
        if link is not None:
            return link
    return None


def addressed_requester(ctx: Context, active: list[Request], wxid: str, *, need_topic: bool = False) -> Link | None:
    """The request of the requester `wxid` an @-mention addresses, of the group's `active` ones (with `need_topic`,
    only one sharing a word with the message). When the message @-mentions several requesters (a reply to two people
    at once), each one's requests not yet answered come first: the words of the whole reply would otherwise draw an
    older request that shares them with another's part."""
    mine = [r for r in active if r.requester_id == wxid]
    several = len({r.requester_id for r in active if r.requester_id in ctx.message.mention_ids}) > 1
    pending = [r for r in mine if r.status == "open"] if several else []
    return theirs(ctx, pending or mine, "mention", need_topic=need_topic)


_NAME_SEPARATORS = ("-", "－", "—", "_")
_VOCATIVE_REACH = 6  # the name opens the answer: "张总，…", "收到张总，…", "好的李总 …"


@lru_cache(maxsize=4096)
def _persons(display_name: str) -> tuple[str, ...]:
    """The person part of a "单位-姓名" nickname (张总 of 蜀香食品-张总), or each of its words when it gives a name
    and the form the group calls them by (李安 Amy, 马国栋 马总); empty when it has none."""
    for sep in _NAME_SEPARATORS:
        if sep in display_name:
            person = display_name.rsplit(sep, 1)[1].strip()
            return tuple(part for part in person.split() if len(part) >= 2)
    return ()


def _named_at_start(opening: str, display_name: str) -> bool:
    """The opening of an answer names the person of `display_name` within its first few characters."""
    return any(0 <= opening.find(p) <= _VOCATIVE_REACH for p in _persons(display_name))


_CJK2 = re.compile(r"[\u4e00-\u9fff]{2}")
_GENERIC_LEAD = frozenset({"园区", "四川", "成都", "重庆", "中国", "川西", "川南", "川北", "绵阳", "德阳", "种植"})


@lru_cache(maxsize=4096)
def _company(display_name: str) -> re.Pattern[str] | None:
    """How an answer names a requester's company: the first two characters of the 单位 of "蜀香食品-刘总", before
    那边 / 这边 / 的 / 厂 / 家 (蜀香那边查了, 恒力的贷款不抽了); None for a short or generic 单位."""
    for sep in _NAME_SEPARATORS:
        if sep in display_name:
            org = display_name.split(sep, 1)[0].strip()
            lead = org[:2]
            if len(org) >= 3 and _CJK2.fullmatch(lead) and lead not in _GENERIC_LEAD:
                return re.compile(re.escape(lead) + r"[\u4e00-\u9fff]{0,2}?(?:那边|这边|那里|的|厂|家|公司)")
            return None
    return None


_COMPANY_REACH = 16  # the company is named early: "蜀香那边查了…", "跟农商行谈妥了 恒力的贷款不抽了"


def named_requester(ctx: Context) -> Link | None:
    """An official opens the answer with a requester's name, without an @ ("收到张总，已经通知物业…"), or names
    their company early on (蜀香那边查了): that requester's active request in the group, as for an @-mention, or an
    empty link when none of theirs fits (the reply is for them, not for another's request). Several requesters so
    named: None."""
    text = ctx.analysis.text
    opening = text[: _VOCATIVE_REACH + 4]
    active = list_requests(session=ctx.session, statuses=ACTIVE, group_id=ctx.message.room_id, newest_first=True)
    named = [r for r in active if _named_at_start(opening, r.requester_name)]
    if not named:
        named = [r for r in active if (c := _company(r.requester_name)) and c.search(text, 0, _COMPANY_REACH)]
    if len({r.requester_id for r in named}) != 1:
        return None
    return theirs(ctx, named, "named") or Link()  # the one named, on no request of theirs: nobody else's either


_CALLED_REACH = timedelta(days=2)  # an ask that opens with an official's name waits this long for their reply
_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def called_official(ctx: Context, statuses: tuple[str, ...]) -> Link | None:
    """The group's latest request in the last two days that opened by calling this official by name, without an @
    ("马站长，今年油茶低改还有补贴没得？"): the official's reply that shares a word with it answers it."""
    me = ctx.message.sender_name or ""
    names = _persons(me) or ((me,) if _BARE_NAME.fullmatch(me) else ())
    if not names:
        return None
    since = ctx.message.timestamp - _CALLED_REACH
    group = list_requests(session=ctx.session, statuses=statuses, group_id=ctx.message.room_id, newest_first=True)
    called = [r for r in group if r.created_at >= since and any(0 <= r.text.find(n) <= 2 for n in names)]
    return best_of(ctx, called, "called", need_topic=True) if called else None  # on a word of it


def theirs(ctx: Context, requests: list[Request], rule: str, *, need_topic: bool = False) -> Link | None:
    """Of the requests of the requester an official addresses, those for the official's department (or for none);
    a request for another department only on a shared topic (no "which one?" over other departments' requests)."""
    dep = ctx.sender.department  # None for a body that is no department (集群办): any request of theirs …
    if dep is None:  # … but one they @-put to someone else (@交通运输局-陈科) is not for 交警大队 to answer
        requests = [r for r in requests if not _put_to_others(ctx, r)] or requests
    same_dep = [r for r in requests if dep is None or r.department in (dep, None) or _put_to(ctx, r)]
    if same_dep:
        link = best_of(ctx, same_dep, rule, need_topic=need_topic)
        # on no shared word, a request of their own department before one no department owns (根腐病 asked of
        # 农技中心, not the earlier ask to sum up every office's policies)
        own = [r for r in same_dep if dep is not None and r.department == dep]
        if link and link.request and link.request.department is None and own and not overlap(ctx, link.request):
            return best_of(ctx, own, rule, need_topic=need_topic)
        return link
    # another department's request only on a word they share: "好的谢总，后面有需要随时找我" after 谢总 withdrew the
    # request to this department answers none of 谢总's others
    return best_of(ctx, [r for r in requests if overlap(ctx, r)], rule, need_topic=True)


def _mentioned_in(ctx: Context, req: Request) -> tuple[str, ...]:
    """Whom the message raising `req` @-mentioned."""
    raw = get_raw_by_pk(session=ctx.session, pk=req.source_message_id) if req.source_message_id else None
    return tuple(raw.mention_ids or ()) if raw is not None else ()


def _put_to(ctx: Context, req: Request) -> bool:
    """The request @-mentioned this official: put to them, though routed by its remit to another office (营业执照加
    经营范围 asked of 市监局 is 行政审批局's), so their reply (这个是审批局办的，已转给…) is about it."""
    return ctx.message.sender_id in _mentioned_in(ctx, req)


def _put_to_others(ctx: Context, req: Request) -> bool:
    """The request @-mentioned others and not this official."""
    mentioned = _mentioned_in(ctx, req)
    return bool(mentioned) and ctx.message.sender_id not in mentioned


_ASKING = re.compile(r"[?？]|来着|多少|怎么|咋|啥|什么|哪|吗|呢\W*$")
_ASKED_REACH = timedelta(minutes=30)


def asker_right_before(ctx: Context, dep: str) -> Request | None:
    """The request, to `dep` or to no one, of the member whose question is the group's message right before the
    official's reply, when the reply echoes it (一包兑多少水来着 → 一包兑一喷雾器水…): that asker's, not a fresh
    ask of someone else's raised a little earlier."""
    rows = recent_messages(
        session=ctx.session, room_id=ctx.message.room_id, at=ctx.message.timestamp, exclude_pk=ctx.raw_id, limit=1
    )
    if not rows or rows[0].request_id is not None or rows[0].sender_id == ctx.message.sender_id:
        return None
    row = rows[0]
    if ctx.message.timestamp - row.ts > _ASKED_REACH or not _ASKING.search(row.text):
        return None
    if len(char_pairs(row.text) & char_pairs(ctx.analysis.text)) < 2:
        return None
    theirs = requests_involving(session=ctx.session, wechat_id=row.sender_id, statuses=ACTIVE)
    mine = [r for r in theirs if r.group_id == ctx.message.room_id and r.requester_id == row.sender_id]
    mine = [r for r in mine if r.department in (dep, None)]
    return max(mine, key=lambda r: r.created_at) if mine else None


def mentioned_departments(ctx: Context) -> set[str]:
    """The departments of the officials the message @-mentions."""
    directory = ctx.services.directory
    people = zip(ctx.message.mention_ids, ctx.mention_names, strict=False)
    return {d for wxid, name in people if (d := directory.person(wxid, name).department)}


def asked_of_sender(ctx: Context, req: Request) -> bool:
    """The request @-mentioned the answering official, quoted them, or (one known only as 黄站长) named them: a body
    that is no department answers what was put to it."""
    name = ctx.message.sender_name
    if not name:
        return False
    return f"@{name}" in req.text or f"「{name}：" in req.text or (official_title(name) and name in req.text)


_TAKES_ON = re.compile(r"(?:专班|我们|我这边)[^，。,.!?！？]{0,4}(?:来)?(?:牵头|统筹|负责对接|来协调)")


def taken_on(ctx: Context, link: Link) -> bool:
    """The office replies to the requester of an ask of no one office that it takes it on (专班来牵头…再给你们答复)."""
    req = link.request
    return (
        req is not None
        and req.department is None
        and link.rule == "mention"
        and bool(_TAKES_ON.search(ctx.analysis.text))
    )
