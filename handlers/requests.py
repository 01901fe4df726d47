"""New requests (诉求) are registered, routed and acknowledged in the group."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

from handlers.addressing import mentioned_departments
from handlers.answers import further_ask
from handlers.followups import record_nudge, status_line
from handlers.framework import Context, Router
from handlers.metoo import join, joined_ask
from handlers.supplied import names_own_list
from nlp.officials import official_title
from nlp.threads import asks_arrival, asks_progress, asks_recheck, matter_words, specific_words
from storage.groups import officials_of
from storage.ledger import create_request, get_request, requests_involving
from storage.models import Request, RequestCreate

router = Router("requests")


def _is_request(ctx: Context) -> bool:
    if ctx.analysis.label != "request" or ctx.sender.is_official or ctx.sender.runs_group:
        return False
    return not _updates_own_list(ctx)


def _updates_own_list(ctx: Context) -> bool:
    """艾条马哥那边供上了，护理床和熏蒸机还在找，有渠道的继续帮忙介绍下: the buyer's update on their own open list,
    put to the members (no department named, no official @-mentioned: @曾科 is one, though not heard from yet),
    asks no department for anything."""
    if ctx.analysis.departments_named or mentioned_departments(ctx) or any(map(official_title, ctx.mention_names)):
        return False
    if _ASKS_GOVERNMENT.search(ctx.analysis.text):
        return False  # …同李家坪黄精基地合作搞研学游…请问政府呢边有冇咩支持政策？: put to the government
    return names_own_list(ctx)


_ASKS_GOVERNMENT = re.compile(r"政府|部门|政策|领导")


@router.message(_is_request, name="register_request")
def register_request(ctx: Context) -> None:
    """Register the request, route it, and acknowledge with its number and department."""
    same = joined_ask(ctx, ctx.message.timestamp - _PROGRESS_WINDOW)
    if same is not None:  # "孙师傅说的停车场那个事 我们也是": the same ask as a member's (not a nudge of their own)
        ctx.request_id = same.id
        join(ctx, same)
        return
    if _nudge(ctx):
        return
    a = ctx.analysis
    department = a.department
    tail = further_ask(a.text) if a.resolution else None
    if tail:  # 执照办下来了，谢谢方姐！另外想问下税务局…: the ask is the part after the confirmation
        department = ctx.services.analyzer.route(tail) or department
    _register(ctx, ctx.message.text, department, a.topics)


@router.command(
    "request",
    "诉求",
    "登记诉求",
    usage="/request 内容",
    summary="登记一件诉求（机器人没有自动登记时使用）",
)
def request_command(ctx: Context) -> None:
    """Register the text after the command as the sender's request: for a need the classifier did not take for one."""
    text = ctx.args.strip()
    if len(text) < 4:
        ctx.reply("用法：/request 内容，例如「/request 厂门口的路灯坏了一个月了，请管委会安排维修」。")
        return
    now = ctx.message.timestamp.astimezone(ctx.services.policy.bot.tz)
    a = ctx.services.analyzer.analyze(text, now=now, role="enterprise", mentions=ctx.mention_names)
    department = a.department or ctx.services.analyzer.route(text, mentions=ctx.mention_names)
    _register(ctx, text, department, a.topics)


def _register(ctx: Context, text: str, department: str | None, topics: Iterable[str]) -> None:
    """Store the request and acknowledge it in the group, mentioning the department's officials there."""
    msg = ctx.message
    req = create_request(
        session=ctx.session,
        data=RequestCreate(
            group_id=msg.room_id,
            requester_id=msg.sender_id,
            requester_name=msg.sender_name,
            organisation=ctx.sender.organisation,
            text=text,
            department=department,
            created_at=msg.timestamp,
            source_message_id=ctx.raw_id,
            topics=" ".join(sorted(topics)),
        ),
    )
    ctx.label = "request"
    ctx.request_id = req.id
    if department:
        officials = officials_of(session=ctx.session, group_id=msg.room_id, department=department)
        others = [m for m in officials if m.wechat_id != msg.sender_id]
        reply = f"已登记诉求 #{req.id}，转 {department} 办理。"
        if others:
            reply += " " + " ".join(f"@{m.display_name}" for m in others) + " 请跟进。"
        mentions = [msg.sender_id, *(m.wechat_id for m in others)]
    else:
        reply = f"已登记诉求 #{req.id}，责任单位待管理员分派。"
        mentions = [msg.sender_id]
    ctx.reply(f"@{msg.sender_name} {reply}", mention_ids=mentions)


_PROGRESS_WINDOW = timedelta(days=30)
# words pointing back at a question already asked (那个问题, 上次问的, 周一说的, …的事还麻烦再帮忙查查, …的事能不能给个
# 说法): with a topic of it, a nudge on it
_POINTS_BACK = re.compile(
    r"那个问题|那个事|这个事|这件事|问的那个|(?:上次|之前|前几天|上回|周[一二三四五六日天]|昨天|前天|上周|那天)(?:问|说|提|反映)的"
    r"|的事还?麻烦再|还麻烦再|再帮忙(?:查|催|问|跟)|的事(?:有人管|有没有人管|怎么样|咋样|有消息|有进展)"
    r"|的事[^，。？?]{0,8}给个(?:说法|准信|答复|回复|回话)"  # 人才公寓的事能不能年前给个说法
    r"|(?:看下|看一下|看看)?上面[^，。？?]{0,10}(?:的问题|的事|那个)"  # 孙主任 看下上面贴息贷款的问题
)
# "that" thing the department promised (那个名单, 那份方案, 上次说的): with no word of the matter, it can only mean
# the sender's one request to that department
_THAT_ONE = re.compile(
    r"那个|那份|那批|那笔|那张|上次说的|之前说的|说好的|你们[^，。,]{0,8}(?:来看过|看过了|来过了)"
    r"|(?:方案|图纸|报价单?|合同)(?:我们)?(?:看了|看过了|收到了|确认了)"  # 方案我们看了，没问题，啥时候能施工？
)
# the part of their last question left unanswered (那第二个问题呢, 另一个问题还没说): their latest request
_OTHER_PART = re.compile(r"(?:第[二两三四五2-5]|另一|另外一|后面那)个?(?:问题|问|点)|后一个(?:问题|问|点)|后一个?问题")
# (not 后一点: 把末班延后一点 asks to move it later)
# the part named by a word of it (那稳岗那个呢): a request of theirs holding that word
_NAMED_PART = re.compile(r"([\u4e00-\u9fff]{2,4})(?:那个|那块|那项|那笔)(?:呢|咋样|怎么样)")


def _part_asked(named: re.Match[str] | None, part: bool, mine: list[Request]) -> list[Request]:
    """The request whose other part the requester asks after: the one holding the word they name (稳岗 of
    "那稳岗那个呢"), else, for "那第二个问题呢", their latest."""
    if named is not None:
        return [req for req in mine if any(named[1][-k:] in req.text for k in (4, 3, 2))]
    return [max(mine, key=lambda req: req.created_at)] if part and mine else []


def _nudge(ctx: Context) -> bool:
    """A requester pointing back at their own existing request is not a new request: by its number ("#3 有进展吗？"),
    or by asking when or whether its outcome comes (方案啥时候能出) about a request of theirs to the same department
    (to any, when it points back: 总部落户政策那个问题有没有哪个部门能给讲一下), raised in this group in the last 30
    days, that shares a topic with it: a word of the matter (保险, 末班车) when it names one, not only the crop or the
    department (黄精 保险 is no nudge on 黄精 种植补贴), or that points at "that" thing (那个名单啥时候发) when they
    have only that one request there, or that asks after the other part of their question (那第二个问题呢). A
    co-requester's count as theirs. The requester is told where it stands."""
    for no in ctx.analysis.request_refs:
        req = get_request(session=ctx.session, no=no)
        if req is not None and req.requester_id == ctx.message.sender_id and req.status in ("open", "answered"):
            record_nudge(ctx, req)
            return True
    a = ctx.analysis
    named, part = _NAMED_PART.search(a.text), _OTHER_PART.search(a.text) is not None
    # 总部落户政策那个问题…, 那稳岗那个呢, 那第二个问题呢: their own question, whoever it went to
    back = part or named is not None or _POINTS_BACK.search(a.text) is not None
    recheck = asks_recheck(a.text)  # 整改完了…麻烦安排复查: what the department asked for is done
    if not back and (not a.department or not (asks_progress(a.text) or recheck)):
        return False
    since = ctx.message.timestamp - _PROGRESS_WINDOW
    mine = [
        req
        for req in requests_involving(
            session=ctx.session, wechat_id=ctx.message.sender_id, statuses=("open", "answered")
        )
        if req.group_id == ctx.message.room_id and (back or req.department == a.department) and req.created_at >= since
    ]
    asked = set(a.departments_named) | mentioned_departments(ctx)
    if back and asked:  # 请问商务局，县里之前说的快递进村补贴…: put to 商务局, not their ask of 人社局
        mine = [req for req in mine if req.department is None or req.department in asked]
    words = matter_words(a.topics) or set(a.topics)
    on_matter = [req for req in mine if words & set(req.topics.split())]
    fault = a.unresolved and specific_words(a.topics)  # 东门那个地磅又坏了: a new fault of another thing
    if not on_matter and len(mine) == 1 and not fault and (_THAT_ONE.search(a.text) or asks_arrival(a.text) or recheck):
        # 那个名单啥时候发: "that" thing; 吸污车今天来不来哦: whether the help comes, of the one department handling
        # their one request
        on_matter = mine
    if not on_matter:
        on_matter = _part_asked(named, part, mine)
    for req in on_matter:
        record_nudge(ctx, req)
        ctx.reply(f"@{ctx.message.sender_name} {status_line(ctx, req)}", mention_ids=[ctx.message.sender_id])
        return True
    return False
