"""Admin status changes made outside the chat (the web dashboard), through the lifecycle.

The same checks as the chat commands in ``handlers/admin.py``; every change lands in the
audit trail via ``handlers/lifecycle.py``. No router: nothing here reacts to messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from handlers import lifecycle
from handlers.framework import Person
from handlers.render import STATUS_ZH
from storage.models import Request

ACTIONS = {"resolve": "办结", "reopen": "重新打开", "cancel": "撤销", "assign": "交办"}


@dataclass(frozen=True)
class Outcome:
    """What happened: a message for the person who asked, and what to tell the group."""

    ok: bool
    message: str
    announcement: str | None = None
    mention_ids: tuple[str, ...] = ()


def web_actor(at: datetime, name: str = "网页管理员") -> lifecycle.Actor:
    """The actor for a change made from the dashboard by someone holding the admin token."""
    return lifecycle.Actor(Person("web:admin", name, is_admin=True), at)


def apply_action(
    session: Session,
    req: Request,
    action: str,
    actor: lifecycle.Actor,
    *,
    department: str | None = None,
    note: str = "",
) -> Outcome:
    """Resolve, reopen, cancel or assign a request; refuse changes that make no sense."""
    no, status = req.id, STATUS_ZH.get(req.status, req.status)
    if action == "resolve":
        if req.status in ("resolved", "cancelled"):
            return Outcome(False, f"诉求 #{no} 当前为「{status}」，无需办结。")
        lifecycle.resolve(session, req, actor, note=note or "管理员办结")
        return Outcome(True, f"诉求 #{no} 已办结。", f"诉求 #{no} 已由管理员办结。")
    if action == "reopen":
        if req.status == "open":
            return Outcome(False, f"诉求 #{no} 本来就是「待答复」状态。")
        lifecycle.reopen(session, req, actor, note=note or "管理员重新打开")
        dep = req.department or "责任部门"
        return Outcome(True, f"诉求 #{no} 已重新打开。", f"诉求 #{no} 已重新打开，请 {dep} 跟进。")
    if action == "cancel":
        if req.status == "cancelled":
            return Outcome(False, f"诉求 #{no} 已经是撤销状态。")
        lifecycle.cancel(session, req, actor, note=note or "管理员撤销")
        return Outcome(True, f"诉求 #{no} 已撤销。", f"诉求 #{no} 已由管理员撤销。")
    if action == "assign":
        if not department:
            return Outcome(False, "请选择要交办的部门。")
        if department == req.department:
            return Outcome(False, f"诉求 #{no} 已由 {department} 负责，无需重复交办。")
        text, mentions = lifecycle.assign(session, req, department, actor, note=note)
        return Outcome(True, f"诉求 #{no} 已交办 {department}。", text, tuple(mentions))
    return Outcome(False, "未知的操作。")
