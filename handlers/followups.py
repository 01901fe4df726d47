"""A requester asking after their request ("有进展吗？", "修好了没有") gets its status, and the ask is recorded."""

from __future__ import annotations

from handlers.framework import Context, Router
from handlers.linking import ask_which, link_for_requester
from handlers.reminders import fmt_deadline
from handlers.render import shorten
from nlp.threads import adds_detail
from storage.ledger import add_event
from storage.models import Request

router = Router("followups")


def _asks_after(ctx: Context) -> bool:
    a = ctx.analysis
    return a.nudge and a.label == "chatter" and not ctx.sender.is_official


def status_line(ctx: Context, req: Request) -> str:
    """Where the request stands, for the requester: who has it, whether answered, the deadline."""
    dep = req.department or "责任部门"
    head = f"诉求 #{req.id}（{shorten(req.text, 16)}）"
    if req.status == "open":
        due = ctx.services.sla.first_response_due(req.created_at, req.department)
        owner = f"已转 {req.department}" if req.department else "待管理员分派"
        late = "已超过答复时限，系统会催办" if ctx.now >= due else f"答复时限 {fmt_deadline(due, ctx.services)}"
        return f"{head}{owner}，尚未答复，{late}。"
    if req.status == "answered":
        ask = "请您确认是否已解决（回复“已解决”或“还没解决”）。" if req.confirm_asked_at else "请留意部门的后续消息。"
        return f"{head}{dep}已答复，{ask}"
    return f"{head}已办结。如问题仍在，请回复“还没解决”。"


def record_nudge(ctx: Context, req: Request) -> None:
    """Record the sender's ask on the request; the message counts as chatter, not a new request."""
    add_event(
        session=ctx.session,
        request=req,
        at=ctx.message.timestamp,
        kind="nudge",
        actor_id=ctx.message.sender_id,
        actor_name=ctx.message.sender_name,
        note=ctx.message.text,
        message_id=ctx.raw_id,
    )
    ctx.request_id = req.id
    ctx.label = "chatter"


@router.message(_asks_after, name="asks_after")
def asks_after(ctx: Context) -> bool | None:
    """Record the nudge on the requester's own request and tell them where it stands."""
    link = link_for_requester(ctx)
    if link.ambiguous:  # several of their requests fit: ask which, change nothing
        ask_which(ctx, link.ambiguous)
        ctx.label = "chatter"
        return None
    req = link.request
    if req is None or req.status == "cancelled" or req.requester_id != ctx.sender.wechat_id:
        return False  # not one of theirs: nothing to say
    record_nudge(ctx, req)
    if adds_detail(ctx.analysis.text):  # 补充一下，坏的是北门进口那根杆: noted on the request, no status needed
        ctx.reply(
            f"@{ctx.message.sender_name} 已补充到诉求 #{req.id}（{shorten(req.text, 16)}）。",
            mention_ids=[ctx.message.sender_id],
        )
        return None
    ctx.reply(f"@{ctx.message.sender_name} {status_line(ctx, req)}", mention_ids=[ctx.message.sender_id])
    return None
