"""The ledger pages: the filtered, paged table; one request with its messages and audit trail;
admin status changes; the .xlsx and CSV exports of whatever the filters select."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web
from multidict import MultiMapping
from sqlmodel import Session

from bot.web.auth import admin_only
from bot.web.server import WebContext, ctx_of, render, session_of
from handlers.commands import EVENT_ZH
from handlers.manage import ACTIONS, apply_action, web_actor
from handlers.stats import period
from handlers.workbook import csv_text, deadline_text, export_filename, ledger_entries, xlsx_bytes
from storage.db import unit_of_work
from storage.ledger import ACTIVE, co_requesters, events_of, get_request
from storage.messages import messages_of_request
from storage.models import OutboxBase, Request
from storage.outbox import enqueue
from storage.views import UNASSIGNED, find_requests, ledger_departments

PAGE_SIZE = 20
STATUS_FILTERS = {
    "active": "未办结",
    "open": "待答复",
    "answered": "已答复",
    "resolved": "已办结",
    "cancelled": "已撤销",
}
PERIODS = {"all": "全部", "week": "本周", "month": "本月", "year": "今年"}
LABEL_ZH = {
    "request": "诉求",
    "answer": "答复",
    "command": "命令",
    "procurement": "采购",
    "policy": "政策",
    "meeting": "会议",
    "chatter": "其他",
}
ANSWER_KINDS = ("answered", "answer", "completed")


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class LedgerFilter:
    """The ledger filters, read from (and written back to) the query string."""

    group: str = ""
    department: str = ""
    status: str = ""
    overdue: bool = False
    period: str = "all"
    start: date | None = None
    end: date | None = None
    q: str = ""
    page: int = 1

    @classmethod
    def parse(cls, query: MultiMapping[str]) -> LedgerFilter:
        page = query.get("page", "1")
        return cls(
            group=query.get("group", "").strip(),
            department=query.get("department", "").strip(),
            status=query.get("status", "") if query.get("status", "") in STATUS_FILTERS else "",
            overdue=query.get("overdue") == "1",
            period=query.get("period", "all") if query.get("period", "all") in PERIODS else "all",
            start=_date(query.get("from")),
            end=_date(query.get("to")),
            q=query.get("q", "").strip()[:100],
            page=max(1, int(page)) if page.isdigit() else 1,
        )

    def query(self, **change: Any) -> str:
        """The query string for these filters with some changed (page resets unless given)."""
        f = replace(self, **{"page": 1, **change})
        args = {
            "group": f.group,
            "department": f.department,
            "status": f.status,
            "overdue": "1" if f.overdue else "",
            "period": "" if f.period == "all" else f.period,
            "from": f.start.isoformat() if f.start else "",
            "to": f.end.isoformat() if f.end else "",
            "q": f.q,
            "page": str(f.page) if f.page > 1 else "",
        }
        return urlencode({k: v for k, v in args.items() if v})

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) != f.default for f in fields(self) if f.name != "page")

    def storage_args(self, ctx: WebContext, now: datetime) -> dict[str, Any]:
        """Keyword arguments for storage.views.find_requests."""
        statuses: tuple[str, ...] = ()
        if self.status == "active":
            statuses = ACTIVE
        elif self.status:
            statuses = (self.status,)
        if self.overdue:
            statuses = tuple(s for s in statuses or ("open",) if s == "open") or ("none",)
        p = period(self.period, now, ctx.services.sla)
        created_from, created_to = p.start, p.end
        if self.start:
            created_from = datetime.combine(self.start, time(0), tzinfo=ctx.tz)
        if self.end:
            created_to = datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=ctx.tz)
        q = self.q.lstrip("#＃")
        return {
            "statuses": statuses or None,
            "department": self.department or None,
            "group_id": self.group or None,
            "created_from": created_from,
            "created_to": created_to,
            "number": int(q) if q.isdigit() and len(q) < 10 else None,
            "search": self.q or None,
        }


def select_requests(
    session: Session, ctx: WebContext, f: LedgerFilter, now: datetime, *, paged: bool = True
) -> tuple[list[Request], int]:
    """The requests the filters select (one page of them when `paged`), and the total."""
    args = f.storage_args(ctx, now)
    offset, limit = ((f.page - 1) * PAGE_SIZE, PAGE_SIZE) if paged else (0, None)
    if not f.overdue:
        return find_requests(session=session, offset=offset, limit=limit, **args)
    sla = ctx.services.sla
    reqs, _ = find_requests(session=session, **args)
    reqs = [r for r in reqs if sla.is_overdue(r.status, r.created_at, r.department, now)]
    return (reqs[offset : offset + limit] if limit else reqs), len(reqs)


async def ledger(request: web.Request) -> web.Response:
    """GET /ledger: the table with filters and paging."""
    ctx = ctx_of(request)
    f = LedgerFilter.parse(request.query)
    now = ctx.clock.now()
    sla = ctx.services.sla
    with unit_of_work(ctx.engine) as session:
        reqs, total = select_requests(session, ctx, f, now)
        known = ledger_departments(session=session)
    groups = ctx.group_names()
    rows = [
        {
            "req": r,
            "overdue": sla.is_overdue(r.status, r.created_at, r.department, now),
            "deadline": deadline_text(r, sla),
            "group": groups.get(r.group_id, r.group_id),
        }
        for r in reqs
    ]
    departments = ctx.departments() + [d for d in known if d not in ctx.departments()]
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return render(
        request,
        "ledger.html",
        title="问题台账",
        active="ledger",
        rows=rows,
        total=total,
        f=f,
        page=min(f.page, pages),
        pages=pages,
        groups=groups,
        departments=departments,
        unassigned=UNASSIGNED,
        statuses=STATUS_FILTERS,
        periods=PERIODS,
    )


def _download(body: bytes, filename: str, content_type: str) -> web.Response:
    disposition = f"attachment; filename=\"ledger.{filename.rsplit('.', 1)[-1]}\"; filename*=UTF-8''{quote(filename)}"
    return web.Response(body=body, content_type=content_type, headers={"Content-Disposition": disposition})


async def export(request: web.Request) -> web.Response:
    """GET /ledger/export.xlsx|csv: the 台账 of the filtered requests."""
    ctx = ctx_of(request)
    fmt = request.match_info["fmt"]
    f = LedgerFilter.parse(request.query)
    now = ctx.clock.now()
    with unit_of_work(ctx.engine) as session:
        reqs, _ = select_requests(session, ctx, f, now, paged=False)
        entries = ledger_entries(session=session, requests=list(reversed(reqs)), sla=ctx.services.sla, now=now)
    name = export_filename(now, ctx.tz, fmt)
    if fmt == "csv":
        return _download(csv_text(entries).encode("utf-8"), name, "text/csv")
    return _download(xlsx_bytes(entries), name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _number(request: web.Request) -> int:
    raw = request.match_info["no"]
    if not raw.isdigit() or len(raw) > 9:
        raise web.HTTPNotFound()
    return int(raw)


async def request_page(request: web.Request) -> web.Response:
    """GET /requests/{no}: one request with its messages, answers and audit trail."""
    ctx = ctx_of(request)
    no = _number(request)
    now = ctx.clock.now()
    sla = ctx.services.sla
    with unit_of_work(ctx.engine) as session:
        req = get_request(session=session, no=no)
        if req is None:
            raise web.HTTPNotFound()
        events = events_of(session=session, request_id=no)
        messages = messages_of_request(session=session, request_id=no)
        co = co_requesters(session=session, request_id=no)
    web_session = session_of(request)
    flash, web_session.flash = web_session.flash, None
    return render(
        request,
        "request.html",
        title=f"诉求 #{no}",
        active="ledger",
        req=req,
        group=ctx.group_names().get(req.group_id, req.group_id),
        overdue=sla.is_overdue(req.status, req.created_at, req.department, now),
        first_due=sla.first_response_due(req.created_at, req.department),
        resolution_due=sla.resolution_due(req.created_at, req.department),
        deadline=deadline_text(req, sla),
        events=events,
        answers=[e for e in events if e.kind in ANSWER_KINDS],
        messages=messages,
        co=co,
        event_zh=EVENT_ZH,
        label_zh=LABEL_ZH,
        departments=ctx.departments(),
        actions=ACTIONS,
        flash=flash,
    )


@admin_only
async def request_action(request: web.Request) -> web.StreamResponse:
    """POST /requests/{no}/action: resolve, reopen, cancel or assign (admins; audited)."""
    ctx = ctx_of(request)
    no = _number(request)
    form = await request.post()
    action = str(form.get("action", ""))
    note = str(form.get("note", "")).strip()[:200]
    department = str(form.get("department", "")).strip() or None
    if department is not None and department not in ctx.departments():
        department = ctx.services.directory.canonical_department(department)
    now = ctx.clock.now()
    with unit_of_work(ctx.engine) as session:
        req = get_request(session=session, no=no)
        if req is None:
            raise web.HTTPNotFound()
        outcome = apply_action(session, req, action, web_actor(now), department=department, note=note)
        if outcome.ok and outcome.announcement and form.get("notify") == "1":
            enqueue(
                session=session,
                data=OutboxBase(room_id=req.group_id, text=outcome.announcement, mention_ids=list(outcome.mention_ids)),
                at=now,
                purpose="web",
            )
    ctx.wake_outbox()
    session_of(request).flash = (outcome.ok, outcome.message)
    raise web.HTTPSeeOther(f"/requests/{no}")


async def index(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther("/ledger")


def setup(app: web.Application) -> None:
    app.router.add_get("/", index, name="index")
    app.router.add_get("/ledger", ledger, name="ledger")
    app.router.add_get(r"/ledger/export.{fmt:xlsx|csv}", export, name="export")
    app.router.add_get("/requests/{no}", request_page, name="request")
    app.router.add_post("/requests/{no}/action", request_action, name="request_action")
