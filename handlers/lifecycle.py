"""Request lifecycle operations shared by chat commands, free-text handlers and the web.

States: open → answered → resolved, and cancelled; an admin may reassign or reopen. Every
change is an event in the audit trail (who, when, from → to, note, source message).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from handlers.framework import Context, Person
from storage.groups import officials_of
from storage.ledger import add_event, set_department, set_status
from storage.models import Request


@dataclass(frozen=True)
class Actor:
    """Who made a change, when, and from which message."""

    person: Person
    at: datetime
    message_id: int | None = None

    @classmethod
    def of(cls, ctx: Context) -> Actor:
        """The sender of the message being handled."""
        return cls(ctx.sender, ctx.message.timestamp, ctx.raw_id)


def _status(session: Session, req: Request, to: str, kind: str, actor: Actor, note: str = "") -> None:
    set_status(
        session=session,
        request=req,
        to_status=to,
        at=actor.at,
        kind=kind,
        actor_id=actor.person.wechat_id,
        actor_name=actor.person.name,
        note=note,
        message_id=actor.message_id,
    )


def _note(session: Session, req: Request, kind: str, actor: Actor, note: str) -> None:
    """An event that leaves the status as it is."""
    add_event(
        session=session,
        request=req,
        at=actor.at,
        kind=kind,
        actor_id=actor.person.wechat_id,
        actor_name=actor.person.name,
        from_status=req.status,
        to_status=req.status,
        note=note,
        message_id=actor.message_id,
    )


def record_answer(session: Session, req: Request, actor: Actor, note: str, *, claim: bool = True) -> bool:
    """A department's answer: open → answered; later answers are recorded as events. True if status moved.
    An unrouted request is claimed by the answering department unless `claim` is False (an ask of several)."""
    if claim and req.department is None and actor.person.department:
        set_department(
            session=session,
            request=req,
            department=actor.person.department,
            at=actor.at,
            actor_id=actor.person.wechat_id,
            actor_name=actor.person.name,
            note="由答复部门认领",
            message_id=actor.message_id,
        )
    if req.status == "open":
        _status(session, req, "answered", "answered", actor, note)
        return True
    _note(session, req, "answer", actor, note)
    return False


def report_completion(session: Session, req: Request, actor: Actor, note: str) -> str:
    """A department says it is done: the request stays answered and the requester is asked to confirm."""
    if req.status == "open":
        _status(session, req, "answered", "completed", actor, note)
    else:
        _note(session, req, "completed", actor, note)
    req.confirm_asked_at = actor.at
    session.add(req)
    return f"@{req.requester_name} 诉求 #{req.id} 部门已反馈办理完成，问题解决了吗？回复「已解决」或「未解决」。"


def resolve(session: Session, req: Request, actor: Actor, note: str = "") -> None:
    """The requester confirmed, or an admin resolved it."""
    _status(session, req, "resolved", "resolved", actor, note)


def reopen(session: Session, req: Request, actor: Actor, note: str = "") -> None:
    """Back to open: the requester says it is not solved, or an admin reopens it."""
    _status(session, req, "open", "reopened", actor, note)
    req.confirm_asked_at = None
    session.add(req)


def cancel(session: Session, req: Request, actor: Actor, note: str = "") -> None:
    """Withdrawn by the requester, or marked "not a request" by an admin."""
    _status(session, req, "cancelled", "cancelled", actor, note)


def assign(session: Session, req: Request, department: str, actor: Actor, note: str = "") -> tuple[str, list[str]]:
    """Route a request to a department; returns the announcement and the officials to mention."""
    set_department(
        session=session,
        request=req,
        department=department,
        at=actor.at,
        actor_id=actor.person.wechat_id,
        actor_name=actor.person.name,
        note=note,
        message_id=actor.message_id,
    )
    officials = officials_of(session=session, group_id=req.group_id, department=department)
    names = " ".join(f"@{m.display_name}" for m in officials)
    text = f"诉求 #{req.id} 已交办 {department}。" + (f"{names} 请跟进。" if names else "")
    return text, [m.wechat_id for m in officials]
