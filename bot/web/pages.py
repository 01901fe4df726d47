"""The statistics page (charts drawn from handlers/stats.py) and the procurement lists."""

from __future__ import annotations

import math
from datetime import date, timedelta

from aiohttp import web

from bot.web.charts import Bar, Series, columns, hbar, nice_max, rate_color
from bot.web.server import ctx_of, render
from handlers.render import fmt_qty
from handlers.stats import breakdown, figures, fmt_duration, fmt_rate, period, requests_in, weekly_flow
from storage.db import unit_of_work
from storage.views import procurement_page, requests_since

PERIODS = {"week": "本周", "month": "本月", "year": "今年", "all": "累计"}
WEEKS = 12
NEW_COLOR, DONE_COLOR, OVERDUE_COLOR = "#2f6fde", "#1f9d55", "#d64545"


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"


async def stats(request: web.Request) -> web.Response:
    """GET /stats?period=…: figures, charts and per-department / per-group tables."""
    ctx = ctx_of(request)
    key = request.query.get("period", "year")
    key = key if key in PERIODS else "year"
    now = ctx.clock.now()
    sla = ctx.services.sla
    p = period(key, now, sla)
    week_start = period("week", now, sla).start
    assert week_start is not None
    with unit_of_work(ctx.engine) as session:
        reqs = requests_in(session, p)
        recent = requests_since(session=session, since=week_start - timedelta(weeks=WEEKS - 1))
    total = figures(reqs, sla, now)
    per_dep = breakdown(reqs, lambda r: r.department or "未分派", sla, now)
    groups = ctx.group_names()
    per_group = breakdown(reqs, lambda r: groups.get(r.group_id, r.group_id), sla, now)
    by_size = sorted(per_dep.items(), key=lambda kv: (-kv[1].collected, kv[0]))
    rate_bars = [
        Bar(
            dep,
            f.resolution_rate or 0.0,
            f"{_pct(f.resolution_rate)}（{f.resolved}/{f.base}）",
            rate_color(f.resolution_rate),
            f"{dep}：办结 {f.resolved} 件 / 有效诉求 {f.base} 件",
        )
        for dep, f in sorted(by_size, key=lambda kv: -(kv[1].resolution_rate or 0))
        if f.base
    ]
    overdue = sorted(((d, f.overdue) for d, f in per_dep.items() if f.overdue), key=lambda x: (-x[1], x[0]))
    top, step = nice_max(max([n for _, n in overdue] + [1]))
    flow = weekly_flow(recent, sla, now, WEEKS)
    charts = {
        "rate": hbar(
            rate_bars,
            max_value=1.0,
            ticks=[(t / 4, f"{t * 25}%") for t in range(5)],
            label="各部门办结率",
        )
        if rate_bars
        else None,
        "flow": columns(
            [w.label for w in flow],
            [Series("新增", [w.new for w in flow], NEW_COLOR), Series("办结", [w.resolved for w in flow], DONE_COLOR)],
            label=f"最近{WEEKS}周每周新增与办结",
        ),
        "overdue": hbar(
            [Bar(d, n, f"{n} 件", OVERDUE_COLOR) for d, n in overdue],
            max_value=top,
            ticks=[(step * i, f"{step * i:g}") for i in range(int(top / step) + 1)],
            label="各部门超期件数",
        )
        if overdue
        else None,
    }
    return render(
        request,
        "stats.html",
        title="统计",
        active="stats",
        key=key,
        periods=PERIODS,
        p=p,
        total=total,
        per_dep=by_size,
        per_group=sorted(per_group.items(), key=lambda kv: -kv[1].collected),
        charts=charts,
        flow_new=sum(w.new for w in flow),
        flow_done=sum(w.resolved for w in flow),
        fmt_rate=fmt_rate,
        fmt_duration=fmt_duration,
        pct=_pct,
    )


def _day(d: date, today: date) -> str:
    """6月30日, with the year when it is not this year."""
    return (f"{d.year}年" if d.year != today.year else "") + f"{d.month}月{d.day}日"


async def procurement(request: web.Request) -> web.Response:
    """GET /procurement: buyers' lists with their items, deadlines and contact phones."""
    ctx = ctx_of(request)
    group = request.query.get("group", "")
    page_arg = request.query.get("page", "1")
    page = max(1, int(page_arg)) if page_arg.isdigit() else 1
    size = 20
    with unit_of_work(ctx.engine) as session:
        lists, items, total = procurement_page(
            session=session, group_id=group or None, offset=(page - 1) * size, limit=size
        )
    today = ctx.clock.now().astimezone(ctx.tz).date()
    groups = ctx.group_names()
    cards = []
    for plist in lists:
        if plist.closed_at is not None:
            closed = plist.closed_at.astimezone(ctx.tz).date()
            due, due_class = f"已于 {_day(closed, today)} 采购完成", "closed"
        elif plist.deadline is None:
            due, due_class = "未注明截止日期", "muted"
        elif plist.deadline < today:
            due, due_class = f"已于 {_day(plist.deadline, today)} 截止", "closed"
        elif plist.deadline == today:
            due, due_class = "今天截止", "soon"
        else:
            days = (plist.deadline - today).days
            due, due_class = f"{_day(plist.deadline, today)} 截止（还有 {days} 天）", "soon" if days <= 3 else "open"
        cards.append(
            {
                "plist": plist,
                "goods": items.get(plist.id or 0, []),
                "group": groups.get(plist.group_id, plist.group_id),
                "due": due,
                "due_class": due_class,
            }
        )
    return render(
        request,
        "procurement.html",
        title="采购清单",
        active="procurement",
        cards=cards,
        total=total,
        page=page,
        pages=max(1, math.ceil(total / size)),
        group=group,
        groups=groups,
        qty=fmt_qty,
    )


def setup(app: web.Application) -> None:
    app.router.add_get("/stats", stats, name="stats")
    app.router.add_get("/procurement", procurement, name="procurement")
