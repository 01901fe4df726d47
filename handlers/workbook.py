"""The 问题台账 as government offices keep it: rows in their column order, as .xlsx or CSV.

Shared by the chat command (/export) and the web dashboard, so both hand out the same file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from sqlmodel import Session

from handlers.commands import EVENT_ZH
from handlers.render import STATUS_ZH, fmt_time, shorten
from handlers.sla import SlaClock
from storage.models import CoRequester, Request, RequestEvent
from storage.views import co_requesters_by_request, events_by_request

COLUMNS = (
    "序号",
    "企业",
    "诉求内容",
    "类型",
    "责任单位",
    "登记时间",
    "办理时限",
    "办理进展",
    "状态",
    "办结时间",
    "回访情况",
)
WIDTHS = (7, 18, 46, 11, 13, 17, 19, 46, 12, 17, 20)
WRAPPED = {"企业", "诉求内容", "办理进展", "回访情况", "办理时限"}

CATEGORY = {
    "商务局": "市场开拓",
    "税务局": "税费政策",
    "市场监管局": "质量监管",
    "经信局": "工业运行",
    "交通运输局": "交通物流",
    "人社局": "用工人才",
    "行政审批局": "审批服务",
    "自然资源局": "用地规划",
    "住建局": "建设工程",
    "供电公司": "用电保障",
    "园区管委会": "园区配套",
    "农业农村局": "农业生产",
    "金融办": "融资服务",
    "生态环境局": "生态环保",
    "科技局": "科技创新",
    "应急管理局": "安全生产",
}
TIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class LedgerEntry:
    """One row of the 台账, in column order."""

    no: int
    company: str
    text: str
    category: str
    department: str
    created: datetime
    deadline: str
    progress: str
    status: str
    resolved: datetime | None
    follow_up: str

    def cells(self) -> tuple[object, ...]:
        return astuple(self)


def category_of(department: str | None) -> str:
    """A short category from the department's remit area."""
    if department is None:
        return "待分类"
    return CATEGORY.get(department, "其他诉求")


def fmt_deadline(due: datetime, tz: ZoneInfo) -> str:
    """A deadline as people read it: the last day (a midnight deadline ends the day before)."""
    local = due.astimezone(tz)
    if local.time() == time(0):
        return f"{(local - timedelta(days=1)):%Y-%m-%d}"
    return f"{local:%Y-%m-%d %H:%M}"


def deadline_text(req: Request, sla: SlaClock) -> str:
    """The deadline that applies now: first response while unanswered, then resolution."""
    if req.status == "cancelled":
        return "—"
    if req.status == "open" and req.first_answer_at is None:
        return f"{fmt_deadline(sla.first_response_due(req.created_at, req.department), sla.tz)} 前答复"
    return f"{fmt_deadline(sla.resolution_due(req.created_at, req.department), sla.tz)} 前办结"


def progress_text(req: Request, events: Sequence[RequestEvent], tz: ZoneInfo, latest: int = 3) -> str:
    """The latest events, one per line, oldest of them first."""
    lines = []
    for e in [e for e in events if e.kind != "created"][-latest:]:
        what = EVENT_ZH.get(e.kind, e.kind)
        if e.kind == "assigned" and e.to_department:
            what += f" {e.to_department}"
        note = f"：{shorten(e.note, 40)}" if e.note else ""
        lines.append(f"{fmt_time(e.at, tz)} {e.actor_name or '系统'} {what}{note}")
    if lines:
        return "\n".join(lines)
    return f"已登记，待{req.department}答复" if req.department else "已登记，待分派责任单位"


def follow_up_text(req: Request, events: Sequence[RequestEvent], tz: ZoneInfo) -> str:
    """The requester's confirmation, if any (回访情况)."""
    for e in reversed(events):
        if e.actor_id == req.requester_id and e.kind == "resolved":
            return f"企业已确认解决（{fmt_time(e.at, tz)}）"
        if e.actor_id == req.requester_id and e.kind == "reopened":
            return f"企业反馈未解决（{fmt_time(e.at, tz)}）"
    if req.confirm_asked_at is not None and req.status == "answered":
        return "已请企业确认，待回复"
    return ""


def _company(req: Request, co: Sequence[CoRequester]) -> str:
    names = [req.organisation or req.requester_name]
    names += [c.organisation or c.name for c in co if (c.organisation or c.name) not in names]
    return "、".join(n for n in names if n)


def _local(ts: datetime | None, tz: ZoneInfo) -> datetime | None:
    return ts.astimezone(tz).replace(tzinfo=None, microsecond=0) if ts else None


def ledger_entries(*, session: Session, requests: Sequence[Request], sla: SlaClock, now: datetime) -> list[LedgerEntry]:
    """The 台账 rows for these requests (in the order given)."""
    ids = [r.id for r in requests if r.id is not None]
    events = events_by_request(session=session, request_ids=ids)
    co = co_requesters_by_request(session=session, request_ids=ids)
    tz = sla.tz
    out = []
    for r in requests:
        assert r.id is not None
        status = STATUS_ZH.get(r.status, r.status)
        if sla.is_overdue(r.status, r.created_at, r.department, now):
            status += "（超期）"
        created = _local(r.created_at, tz)
        assert created is not None
        out.append(
            LedgerEntry(
                no=r.id,
                company=_company(r, co[r.id]),
                text=r.text,
                category=category_of(r.department),
                department=r.department or "待分派",
                created=created,
                deadline=deadline_text(r, sla),
                progress=progress_text(r, events[r.id], tz),
                status=status,
                resolved=_local(r.resolved_at, tz) if r.status == "resolved" else None,
                follow_up=follow_up_text(r, events[r.id], tz),
            )
        )
    return out


def xlsx_bytes(entries: Sequence[LedgerEntry], *, title: str = "问题台账") -> bytes:
    """The workbook: header row (frozen, filterable), sensible widths, wrapped long text."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    wb.properties.title = title
    wb.properties.creator = "clusterbot"
    thin = Side(style="thin", color="B7C3D0")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    ws.row_dimensions[1].height = 24
    for entry in entries:
        ws.append(list(entry.cells()))
        row = ws.max_row
        for idx, name in enumerate(COLUMNS, start=1):
            cell = ws.cell(row=row, column=idx)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=name in WRAPPED)
            if name in ("登记时间", "办结时间"):
                cell.number_format = TIME_FORMAT
            if name == "状态" and "超期" in entry.status:
                cell.font = Font(color="C00000", bold=True)
    for idx, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(idx)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_text(entries: Sequence[LedgerEntry]) -> str:
    """The same rows as CSV (with a BOM, so spreadsheet programs read the Chinese correctly)."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow(
            [f"{v:%Y-%m-%d %H:%M}" if isinstance(v, datetime) else ("" if v is None else v) for v in entry.cells()]
        )
    return buf.getvalue()


def export_filename(now: datetime, tz: ZoneInfo, ext: str) -> str:
    """问题台账-20260608-090130.xlsx"""
    return f"问题台账-{now.astimezone(tz):%Y%m%d-%H%M%S}.{ext}"
