"""Admin commands: /assign, /resolve, /reopen, /list, /stats."""

from __future__ import annotations

from handlers import lifecycle
from handlers.framework import ADMIN, Context, Router
from handlers.render import STATUS_ZH, cut_list, request_line
from handlers.stats import PERIOD_WORDS, breakdown, figures, period, render_figures, requests_in

router = Router("admin")


def resolve_department(ctx: Context, name: str) -> str | None:
    """A department by canonical name or alias (exact first, then the NLP's fuzzy lookup)."""
    found = ctx.services.directory.canonical_department(name)
    if found:
        return found
    lookup = getattr(ctx.services.analyzer, "department_of", None)
    return lookup(name) if lookup else None


@router.command(
    "assign",
    "交办",
    usage="/assign 编号 部门",
    summary="把诉求交办给部门（名称或简称均可）",
    permission=ADMIN,
    takes_request=True,
)
def assign(ctx: Context) -> None:
    """Route or reassign a request."""
    req = ctx.request
    assert req is not None
    dep = resolve_department(ctx, ctx.args.split(" ")[0]) if ctx.args else None
    if dep is None:
        names = "、".join(d.name for d in ctx.services.policy.departments)
        ctx.reply(f"用法：/assign 编号 部门\n没有找到部门「{ctx.args}」。可选：{names}")
        return
    if dep == req.department:
        ctx.reply(f"诉求 #{req.id} 已由 {dep} 负责，无需重复交办。")
        return
    note = ctx.args.partition(" ")[2]
    text, mentions = lifecycle.assign(ctx.session, req, dep, lifecycle.Actor.of(ctx), note=note)
    ctx.reply(text, mention_ids=mentions, room_id=req.group_id)


@router.command(
    "resolve", "办结", usage="/resolve 编号 [说明]", summary="直接办结诉求", permission=ADMIN, takes_request=True
)
def resolve(ctx: Context) -> None:
    """Resolve at once."""
    req = ctx.request
    assert req is not None
    if req.status in ("resolved", "cancelled"):
        ctx.reply(f"诉求 #{req.id} 当前为「{STATUS_ZH[req.status]}」，无需办结。")
        return
    lifecycle.resolve(ctx.session, req, lifecycle.Actor.of(ctx), note=ctx.args or "管理员办结")
    ctx.reply(f"诉求 #{req.id} 已办结。")


@router.command(
    "reopen", "重办", usage="/reopen 编号 [原因]", summary="重新打开诉求", permission=ADMIN, takes_request=True
)
def reopen(ctx: Context) -> None:
    """Reopen a resolved, answered or cancelled request."""
    req = ctx.request
    assert req is not None
    if req.status == "open":
        ctx.reply(f"诉求 #{req.id} 本来就是「待答复」状态。")
        return
    lifecycle.reopen(ctx.session, req, lifecycle.Actor.of(ctx), note=ctx.args or "管理员重新打开")
    ctx.reply(f"诉求 #{req.id} 已重新打开，请 {req.department or '责任部门'} 跟进。")


_LIST_FILTERS = {
    "open": ("open",),
    "待答复": ("open",),
    "未答复": ("open",),
    "answered": ("answered",),
    "已答复": ("answered",),
    "overdue": ("open",),
    "超期": ("open",),
    "all": (),
    "全部": (),
    "resolved": ("resolved",),
    "已办结": ("resolved",),
}


@router.command(
    "list",
    "台账",
    usage="/list [open|answered|overdue|all] [部门]",
    summary="查看台账（默认未办结）",
    permission=ADMIN,
)
def list_ledger(ctx: Context) -> None:
    """List requests by status and department."""
    words = ctx.args.split()
    kind, dep = "active", None
    for w in words:
        if w.lower() in _LIST_FILTERS:
            kind = w.lower()
        else:
            dep = resolve_department(ctx, w)
            if dep is None:
                ctx.reply(f"用法：/list [open|answered|overdue|all] [部门]\n无法识别「{w}」。")
                return
    from storage.ledger import ACTIVE, list_requests

    statuses = ACTIVE if kind == "active" else _LIST_FILTERS[kind]
    reqs = list_requests(session=ctx.session, statuses=statuses or None, department=dep, newest_first=True)
    sla, tz = ctx.services.sla, ctx.services.policy.bot.tz
    overdue = {r.id for r in reqs if sla.is_overdue(r.status, r.created_at, r.department, ctx.now)}
    if kind in ("overdue", "超期"):
        reqs = [r for r in reqs if r.id in overdue]
    title = {"active": "未办结", "all": "全部"}.get(kind, kind)
    head = f"台账（{title}{'，' + dep if dep else ''}）共 {len(reqs)} 件"
    if not reqs:
        ctx.reply(head + "。")
        return
    lines = [request_line(r, tz, overdue=r.id in overdue) for r in reqs]
    ctx.reply("\n".join([head + "：", *cut_list(lines, 15)]))


@router.command(
    "stats", "统计", usage="/stats [本周|本月|今年|all]", summary="统计收集、答复、办结情况", permission=ADMIN
)
def stats(ctx: Context) -> None:
    """Figures for a period, overall and per department."""
    word = ctx.args.strip() or "今年"
    key = PERIOD_WORDS.get(word.lower())
    if key is None:
        ctx.reply("用法：/stats [本周|本月|今年|all]")
        return
    sla = ctx.services.sla
    p = period(key, ctx.now, sla)
    reqs = requests_in(ctx.session, p)
    lines = [f"{p.label}诉求统计", *render_figures(figures(reqs, sla, ctx.now))]
    per_dep = breakdown(reqs, lambda r: r.department or "未分派", sla, ctx.now)
    if per_dep:
        lines.append("分部门：")
        dep_lines = [
            f"{dep} 收集{f.collected} 办结{f.resolved} 办结率"
            f"{(f'{f.resolution_rate * 100:.0f}%' if f.resolution_rate is not None else '—')} 超期{f.overdue}"
            for dep, f in sorted(per_dep.items(), key=lambda kv: -kv[1].collected)
        ]
        lines += cut_list(dep_lines, 10)
    ctx.reply("\n".join(lines))


@router.command("unlinked", "待关联", usage="/unlinked", summary="查看未能关联到诉求的部门答复", permission=ADMIN)
def unlinked(ctx: Context) -> None:
    """Departments' answers the bot could not tie to a request (link them with "#N" or /answer)."""
    from handlers.render import fmt_time, shorten
    from storage.messages import unlinked as unlinked_answers

    rows = unlinked_answers(session=ctx.session, limit=30)
    if not rows:
        ctx.reply("没有未关联的部门答复。")
        return
    tz = ctx.services.policy.bot.tz
    lines = [f"{fmt_time(r.ts, tz)} {r.sender_name}：{shorten(r.text, 30)}" for r in rows]
    head = f"未关联到诉求的部门答复 {len(rows)} 条（可回复「#编号 …」或用 /answer 关联）："
    ctx.reply("\n".join([head, *cut_list(lines, 10)]))
