"""Free-text lifecycle: officials' answers and completion reports, requesters' confirmations,
"not solved" replies and "+1 / 同问" co-requests, linked to requests without threads."""

from __future__ import annotations

import re
from datetime import timedelta

from handlers import lifecycle
from handlers.addressing import asked_of_sender, mentioned_departments, taken_on
from handlers.followups import record_nudge, status_line
from handlers.framework import OFFICIAL, Context, Router
from handlers.linking import (
    Link,
    ask_which,
    just_linked_elsewhere,
    link_for_official,
    link_for_requester,
    nudges_another,
)
from handlers.matching import new_subject, other_subject, overlap, same_matter
from handlers.metoo import WE_TOO, agrees_first, join, link_me_too, right_after_request
from handlers.several import answer_further
from handlers.supplied import names_own_list
from handlers.transfers import routed_there, transfer_target
from nlp.resolution import ends_asking
from nlp.withdrawal import dropped_or_met_alone, withdraws
from storage.groups import officials_of
from storage.models import Request

router = Router("answers")
_SKIP_LABELS = ("procurement", "request")


def _apply(ctx: Context, link: Link) -> bool:
    """True when linked; asks which request is meant on a tie; False when nothing fits."""
    if link.ambiguous:
        ask_which(ctx, link.ambiguous)
        ctx.label = ctx.analysis.label
        return True
    if link.request is None:
        return False
    ctx.request_id = link.request.id
    return True


_ANOTHER_ASK = re.compile(r"顺便|顺带|另外|还有个|还有一个|还有件|再问|还想问")  # a further ask, not "still not solved"


def _requester_unresolved(ctx: Context) -> bool:
    a = ctx.analysis
    if not a.unresolved or ctx.sender.is_official or a.label == "procurement":
        return False
    # 我们也是，基地的工人也都是坐公交来的，中午那一段根本没车: joining the ask right before, not their own trouble
    return not (agrees_first(a.text) and right_after_request(ctx) is not None)


@router.message(_requester_unresolved, name="not_solved")
def not_solved(ctx: Context) -> bool | None:
    """ "未解决 / 还没解决" from the requester reopens their answered or resolved request.

    A message the classifier reads as a new request ("补贴到现在还没到账，能帮忙查一下吗") is one only when it
    names no request (#N, a quote) and is not about the matter of the requester's own request: then the
    request handler registers it."""
    if ctx.analysis.label == "request" and _ANOTHER_ASK.search(ctx.analysis.text):
        return False  # 「…光纤这周升级」 那顺便看下我们仓库的WiFi: another ask, registered as a request
    if names_own_list(ctx):
        return False  # 叉车报价收到三家了，货架还没人报: the sender's own list still wanting goods
    link = link_for_requester(ctx)
    new_matter = link.ambiguous or (link.request is not None and not same_matter(ctx, link.request))
    if ctx.analysis.label == "request" and link.rule == "own" and new_matter:
        return False
    mine = link.request if link.rule == "own" else None
    if mine is not None and (other_subject(ctx, mine) or new_subject(ctx, mine)):
        return False  # B区又没水了 from a requester whose open request is about a loan: not that one
    # "@市监局-赵股长 …免得印出来又不行", "请问商务局，…补贴今年还有没有？" to another department: not their
    # request to 人社局
    others = mentioned_departments(ctx) | set(ctx.analysis.departments_named) if mine is not None else set()
    if others and mine is not None and mine.department not in others:
        return False
    if link.request is None and not link.ambiguous:
        return False  # nothing of theirs to reopen: a new request, or nothing for the ledger
    if not _apply(ctx, link) or link.request is None:
        return None
    req = link.request
    if req.requester_id != ctx.sender.wechat_id:
        return False
    if req.status == "open":  # 网络的事还没人来看: nothing done yet, so a nudge; they hear where it stands
        record_nudge(ctx, req)
        ctx.reply(f"@{ctx.message.sender_name} {status_line(ctx, req)}", mention_ids=[ctx.message.sender_id])
        return None
    if req.status not in ("answered", "resolved"):
        return None
    lifecycle.reopen(ctx.session, req, lifecycle.Actor.of(ctx), note=ctx.message.text)
    dep = req.department or "责任部门"
    ctx.reply(f"诉求 #{req.id} 已重新打开，请 {dep} 继续跟进。", mention_ids=[])


def _requester_withdraws(ctx: Context) -> bool:
    a = ctx.analysis
    if ctx.sender.is_official or a.label == "procurement" or ends_asking(a.text):  # 那个不用了吧？ asks
        return False
    return withdraws(a.text)


@router.message(_requester_withdraws, name="withdrawal")
def withdrawal(ctx: Context) -> bool | None:
    """The requester withdraws a request: cancelled ("面点培训不用安排了，我们在职校报上名了"). After an answer, one
    saying the need is met ("补贴到账了，不用再催了") confirms it (resolved, by the confirmation handler), unless they
    met it themselves (…我们跟隔壁谈好了) or dropped the plan behind it (扩建推到明年再说，撤回哈): cancelled."""
    link = link_for_requester(ctx)
    req = link.request
    if req is None or req.requester_id != ctx.sender.wechat_id or req.status not in ("open", "answered"):
        return False  # not about one of their requests: let the other handlers look at it
    text = ctx.analysis.text
    if req.status == "answered" and ctx.analysis.resolution and not dropped_or_met_alone(text):
        return False
    ctx.request_id = req.id
    lifecycle.cancel(ctx.session, req, lifecycle.Actor.of(ctx), note=ctx.message.text)
    ctx.reply(f"诉求 #{req.id} 已按您的意思撤销。如需恢复，请联系管理员。")


def _official_completion(ctx: Context) -> bool:
    return ctx.analysis.resolution and ctx.analysis.label not in _SKIP_LABELS


@router.message(_official_completion, name="completion_report", permission=OFFICIAL)
def completion_report(ctx: Context) -> None:
    """A department reports completion: stays answered, the requester is asked to confirm."""
    link = link_for_official(ctx, completion=True)
    if not _apply(ctx, link) or link.request is None:
        return
    req = link.request
    if req.status in ("resolved", "cancelled"):
        return
    text = lifecycle.report_completion(ctx.session, req, lifecycle.Actor.of(ctx), ctx.message.text)
    ctx.reply(text, mention_ids=[req.requester_id])
    answer_further(ctx, req, completion=True)


def _requester_ack(ctx: Context) -> bool:
    a = ctx.analysis
    if not a.resolution or ctx.sender.is_official:
        return False
    # 执照办下来了，谢谢方姐！另外想问下税务局…: a confirmation, then another ask (registered after it)
    return a.label not in _SKIP_LABELS or (a.label == "request" and further_ask(a.text) is not None)


def further_ask(text: str) -> str | None:
    """What the text asks after turning to a further ask (…谢谢方姐！另外想问下税务局…), if it turns to one."""
    m = _ANOTHER_ASK.search(text)
    return text[m.start() :] if m is not None and m.start() > 0 else None


@router.message(_requester_ack, name="requester_ack")
def requester_ack(ctx: Context) -> bool | None:
    """The requester confirms it is solved (or withdraws because the need is met): resolved; a further ask in the
    message is then registered by the request handler."""
    _confirm(ctx)
    return False if ctx.analysis.label == "request" else None


def _confirm(ctx: Context) -> None:
    link = link_for_requester(ctx)
    if not _apply(ctx, link) or link.request is None:
        return
    req = link.request
    if req.requester_id != ctx.sender.wechat_id or req.status in ("resolved", "cancelled"):
        return
    if req.status == "open" and ctx.message.timestamp - req.created_at < _TOO_SOON and not overlap(ctx, req):
        return  # 桥早修好了啊, minutes after their ask and before any answer: arguing with a peer, no fix of it
    if ctx.analysis.nudge and further_ask(ctx.analysis.text) is None and not nudges_another(ctx, req):
        return  # 退税到账了，谢谢！单证备案那个有结论了吗？: one part came, the rest is still asked after
    lifecycle.resolve(ctx.session, req, lifecycle.Actor.of(ctx), note=ctx.message.text)
    ctx.reply(f"诉求 #{req.id} 已办结，感谢反馈！")


_TOO_SOON = timedelta(hours=1)  # a fix of an unanswered request told this soon must name what was fixed
_THANKS_CONFIRM = timedelta(days=7)  # thanks this soon after the bot asked to confirm a reported fix confirm it
_THUMBS_CONFIRM = timedelta(hours=2)  # and a thumbs-up alone ([强][强]) this soon
_THUMBS = re.compile(r"\[(?:强|OK|好的|抱拳|握手|鼓掌|胜利|赞)\]|[👍👌🙏💪]")


def _thanks_after_a_reported_fix(ctx: Context) -> bool:
    a = ctx.analysis
    if a.label != "chatter" or a.unresolved or a.nudge or ctx.sender.is_official:
        return False
    return a.thanks or _thumbs_only(ctx)


def _thumbs_only(ctx: Context) -> bool:
    """Only a thumbs-up or thanks sticker ([强][强], 👍): no words."""
    return not ctx.analysis.text.strip() and _THUMBS.search(ctx.message.text) is not None


@router.message(_thanks_after_a_reported_fix, name="thanks_confirms")
def thanks_confirms(ctx: Context) -> bool | None:
    """After a reported fix the bot asked about, the requester's thanks with no doubt or question ("看到了，稳当得很，
    谢谢谢主任") or a thumbs-up alone soon after ([强][强]) confirms it: resolved, as "已解决" would."""
    link = link_for_requester(ctx)
    req = link.request
    reach = _THANKS_CONFIRM if ctx.analysis.thanks else _THUMBS_CONFIRM
    if (
        req is None
        or req.requester_id != ctx.sender.wechat_id
        or req.status != "answered"
        or req.confirm_asked_at is None
        or not req.confirm_asked_at <= ctx.message.timestamp <= req.confirm_asked_at + reach
        or "?" in ctx.analysis.text
        or "？" in ctx.analysis.text
        or _thanks_someone_else(ctx, req)
        or just_linked_elsewhere(ctx, req)
    ):
        return False  # thanks for a promise, or for nothing the ledger tracks
    ctx.request_id = req.id
    lifecycle.resolve(ctx.session, req, lifecycle.Actor.of(ctx), note=ctx.message.text)
    ctx.reply(f"诉求 #{req.id} 已办结，感谢反馈！")
    return None


_TITLED = re.compile(r"([\u4e00-\u9fff])(主任|科长|局长|站长|经理|书记|科|工)")  # 刘主任, 陈科: a person thanked


def _thanks_someone_else(ctx: Context, req: Request) -> bool:
    """The thanks names an official (辛苦刘主任) and none of the request's department in the group is called so: it is
    for something else (a meeting), not the fix the bot asked about."""
    titled = {m.group(0) for m in _TITLED.finditer(ctx.analysis.text)}
    if not titled or not req.department:
        return False
    officials = officials_of(session=ctx.session, group_id=req.group_id, department=req.department)
    names = [m.display_name for m in officials]
    return bool(names) and not any(t in n or (t[0] in n and t[1:] in n) for t in titled for n in names)


def _me_too(ctx: Context) -> bool:
    a = ctx.analysis
    if ctx.sender.is_official or a.joke:  # "…把我们电费也停一个月 哈哈哈" joins no request
        return False
    if a.label in _SKIP_LABELS:  # a request that opens with a +1 and turns to an ask of its own joins first
        return a.label == "request" and agrees_first(a.text) and further_ask(a.text) is not None
    if a.me_too:
        return True
    return a.label == "chatter" and (WE_TOO.match(a.text) is not None or right_after_request(ctx) is not None)


@router.message(_me_too, name="me_too")
def me_too(ctx: Context) -> bool | None:
    """ "+1 / 同问 / 我们也需要" makes the sender's company a co-requester, never a new request; when it goes on to an
    ask of its own ("同问陈姐 另外想问下农业局…"), that ask is then registered by the request handler."""
    further = ctx.analysis.label == "request"  # the filter lets a request through only with an ask of its own
    link = link_me_too(ctx)
    if _apply(ctx, link) and link.request is not None:
        join(ctx, link.request)
    return False if further else None


def _official_answer(ctx: Context) -> bool:
    return ctx.analysis.label == "answer"


@router.message(_official_answer, name="official_answer", permission=OFFICIAL)
def official_answer(ctx: Context) -> None:
    """A department's answer moves the linked request to answered (routing may reassign it). An official of a body
    that is no department (集群办, 区营商办) answers only by routing it to one, or what was put to them (an @-mention of
    them in the request): their other replies (报告厅在新建那栋) are no department's answer. An authority missing from
    departments.json (交警大队, 发改委) answers as one does."""
    answering = ctx.sender.department is not None or ctx.sender.authority
    link = None
    if not answering and transfer_target(ctx) is None:
        link = link_for_official(ctx)
        if link.request is None or not (asked_of_sender(ctx, link.request) or taken_on(ctx, link)):
            return
        # @区营商办-何静 …能不能有个人统一帮我们对接: asked of them, they answer it; an ask of no one office
        # (研学游…要搵边个部门？) that the 专班 takes on ("专班来牵头…再给你们答复") is theirs to answer
        answering = True
    link = link or link_for_official(ctx)
    if not _apply(ctx, link) or link.request is None:
        return
    target = transfer_target(ctx)  # passed on: to their ask already routed there, unless #N or a quote names one
    req = link.request if not target or link.rule in ("ref", "quote") else routed_there(ctx, link.request, target)
    if req.status == "cancelled":
        return
    ctx.request_id = req.id
    actor = lifecycle.Actor.of(ctx)
    if target and target != req.department:
        text, mentions = lifecycle.assign(ctx.session, req, target, actor, note=ctx.message.text)
        ctx.reply(text, mention_ids=mentions)
    elif target is None and ctx.sender.department and req.department not in (None, ctx.sender.department):
        # another department answered it substantively: it owns the request now
        lifecycle.assign(ctx.session, req, ctx.sender.department or "", actor, note="由答复部门认领")
    if not answering:
        return  # the cluster office routed it, as an admin assigns: no department has answered yet
    several = req.department is None and ctx.services.analyzer.no_single_owner(req.text)  # no claim on those
    lifecycle.record_answer(ctx.session, req, actor, ctx.message.text, claim=not several)
    if target is None:  # a transfer moves one request; an answer may answer several ("两个一起回")
        answer_further(ctx, req)
