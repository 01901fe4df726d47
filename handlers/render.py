"""Plain-text replies that read well in WeChat (no markdown), in Simplified Chinese."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from nlp.normalize import split_quote
from storage.models import ProcurementItem, Request

STATUS_ZH = {"open": "待答复", "answered": "已答复", "resolved": "已办结", "cancelled": "已撤销"}


def fmt_time(ts: datetime | None, tz: ZoneInfo) -> str:
    """A short local timestamp, e.g. 6月3日 14:05."""
    if ts is None:
        return "—"
    local = ts.astimezone(tz)
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def fmt_qty(value: object) -> str:
    """A quantity or price without trailing zeros."""
    if value is None:
        return ""
    text = f"{value:f}" if hasattr(value, "as_tuple") else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


# who a message is addressed to, at its start: @-mentions, a name and title (林科，, 王科长 ), a greeting (您好，)
_ADDRESS = re.compile(
    r"^(?:@[^\s\u2005]+[\s\u2005]*)+"
    r"|^[\u4e00-\u9fff]{1,3}(?:科长|科|主任|站长|局长|经理|老师|工|总|书记|所长|队长|师傅)(?:您好|你好|好)?[，,：:\s]+"
    r"|^(?:各位领导|各位老师|各位|领导|老师)们?(?:好|您好|你好)[，,！!\s]+|^(?:您好|你好)[，,！!\s]+"
)


def shorten(text: str, limit: int = 40) -> str:
    """One line, cut with an ellipsis; of a quoted reply (「…」 and a divider line), the new text; who it is addressed
    to at its start (@商务局-王科长 王科长，) is left out when something is left."""
    if "「" in text:
        new = split_quote(text)[0]
        text = new if new.strip() else text
    flat = " ".join(text.split())
    rest = flat
    while (m := _ADDRESS.match(rest)) and m.end():
        rest = rest[m.end() :]
    flat = rest if len(rest) >= 4 else flat
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def request_line(req: Request, tz: ZoneInfo, *, overdue: bool = False) -> str:
    """One ledger line: number, status, department, requester, text."""
    dep = req.department or "未分派"
    flag = "（超期）" if overdue else ""
    who = req.organisation or req.requester_name
    return f"#{req.id} [{STATUS_ZH.get(req.status, req.status)}{flag}] {dep}｜{who}：{shorten(req.text, 30)}"


def cut_list(lines: Sequence[str], limit: int = 10) -> list[str]:
    """At most `limit` lines, then a count of what was left out."""
    shown = list(lines[:limit])
    if len(lines) > limit:
        shown.append(f"……另有 {len(lines) - limit} 条未显示")
    return shown


def items_summary(items: Sequence[ProcurementItem], limit: int = 5) -> str:
    """川芎 15吨、当归 2吨 等3项; a name listed twice says which by its spec (轴承 6205 3000套、轴承 6308 1500套)."""
    names = [it.name for it in items]
    parts = []
    for it in items[:limit]:
        qty = f" {fmt_qty(it.quantity)}{it.unit or ''}" if it.quantity is not None else ""
        spec = f" {shorten(it.spec, 12)}" if it.spec and names.count(it.name) > 1 else ""
        parts.append(f"{it.name}{spec}{qty}")
    text = "、".join(parts)
    if len(items) > limit:
        text += f" 等{len(items)}项"
    return text
