"""Commands for everyone, requesters and officials: /my, /show, /cancel, /done, /answer."""

from __future__ import annotations

from handlers import lifecycle
from handlers.framework import ADMIN, DEPARTMENT, REQUESTER, Context, Router
from handlers.render import STATUS_ZH, cut_list, fmt_time, request_line
from storage.ledger import ACTIVE, co_requesters, events_of, requests_involving

router = Router("commands")

EVENT_ZH = {
    "created": "登记",
    "answered": "答复",
    "answer": "补充答复",
    "completed": "反馈办理完成",
    "resolved": "办结",
    "reopened": "重新打开",
    "cancelled": "撤销",
    "assigned": "交办",
    "co_requester": "加入共同诉求",
    "reminded": "催办",
    "escalated": "督办",
}


@router.command("my", "我的", usage="/my", summary="查看我提交或参与的诉求")
def my_requests(ctx: Context) -> None:
    """List the sender's requests, open ones first."""
    reqs = requests_involving(session=ctx.session, wechat_id=ctx.sender.wechat_id)
    if not reqs:
        ctx.reply("您还没有登记过诉求。直接在群里描述问题即可登记。")
        return
    tz = ctx.services.policy.bot.tz
    sla = ctx.services.sla
    reqs.sort(key=lambda r: (r.status not in ACTIVE, -(r.id or 0)))
    lines = [request_line(r, tz, overdue=sla.is_overdue(r.status, r.created_at, r.department, ctx.now)) for r in reqs]
    ctx.reply("\n".join([f"您的诉求共 {len(reqs)} 件：", *cut_list(lines)]))


@router.command("show", "查看", usage="/show 编号", summary="查看一件诉求的详情和办理记录", takes_request=True)
def show_request(ctx: Context) -> None:
    """Details of one request with its audit trail."""
    req = ctx.request
    assert req is not None and req.id is not None
    tz = ctx.services.policy.bot.tz
    overdue = ctx.services.sla.is_overdue(req.status, req.created_at, req.department, ctx.now)
    due = ctx.services.sla.first_response_due(req.created_at, req.department)
    lines = [
        f"诉求 #{req.id}（{STATUS_ZH.get(req.status, req.status)}{'，已超期' if overdue else ''}）",
        f"提出：{req.organisation or req.requester_name}（{req.requester_name}） {fmt_time(req.created_at, tz)}",
        f"内容：{req.text}",
        f"责任单位：{req.department or '未分派'}；答复时限：{fmt_time(due, tz)}",
    ]
    co = co_requesters(session=ctx.session, request_id=req.id)
    if co:
        lines.append("共同诉求方：" + "、".join(c.organisation or c.name for c in co))
    trail = [
        f"{fmt_time(e.at, tz)} {e.actor_name or '系统'} {EVENT_ZH.get(e.kind, e.kind)}"
        + (f"：{e.note[:30]}" if e.note and e.kind not in ("created",) else "")
        for e in events_of(session=ctx.session, request_id=req.id)
    ]
    lines += ["办理记录：", *cut_list(trail, 8)]
    ctx.reply("\n".join(lines))


@router.command(
    "cancel",
    "撤销",
    usage="/cancel 编号 [原因]",
    summary="撤销诉求（本人提交的；管理员可撤销任意诉求）",
    permission=REQUESTER | ADMIN,
    takes_request=True,
)
def cancel_request(ctx: Context) -> None:
    """Withdraw a request."""
    req = ctx.request
    assert req is not None
    if req.status == "cancelled":
        ctx.reply(f"诉求 #{req.id} 已经是撤销状态。")
        return
    lifecycle.cancel(ctx.session, req, lifecycle.Actor.of(ctx), note=ctx.args)
    ctx.reply(f"诉求 #{req.id} 已撤销。")


@router.command(
    "done",
    "已解决",
    usage="/done 编号",
    summary="提出人确认已解决；责任部门反馈办理完成",
    permission=REQUESTER | DEPARTMENT,
    takes_request=True,
)
def done(ctx: Context) -> None:
    """The requester confirms (resolved); a department reports completion (asks the requester)."""
    req = ctx.request
    assert req is not None
    if req.status in ("resolved", "cancelled"):
        ctx.reply(f"诉求 #{req.id} 当前为「{STATUS_ZH[req.status]}」，无需再确认。")
        return
    actor = lifecycle.Actor.of(ctx)
    if REQUESTER(ctx.sender, req):
        lifecycle.resolve(ctx.session, req, actor, note=ctx.args or "提出人确认已解决")
        ctx.reply(f"诉求 #{req.id} 已办结，感谢反馈！")
        return
    text = lifecycle.report_completion(ctx.session, req, actor, ctx.args or "部门反馈办理完成")
    ctx.reply(text, mention_ids=[req.requester_id])


@router.command(
    "answer",
    "答复",
    usage="/answer 编号 答复内容",
    summary="责任部门答复诉求（答复会推送到群里）",
    permission=DEPARTMENT | ADMIN,
    takes_request=True,
)
def answer(ctx: Context) -> None:
    """Record a department's answer and post it to the request's group."""
    req = ctx.request
    assert req is not None
    if not ctx.args:
        ctx.reply("用法：/answer 编号 答复内容")
        return
    if req.status == "cancelled":
        ctx.reply(f"诉求 #{req.id} 已撤销，无需答复。")
        return
    lifecycle.record_answer(ctx.session, req, lifecycle.Actor.of(ctx), ctx.args)
    who = ctx.sender.department or ctx.services.policy.bot.name
    text = f"@{req.requester_name} 【诉求 #{req.id} 答复】{who}：{ctx.args}"
    ctx.reply(text, mention_ids=[req.requester_id], room_id=req.group_id)
