"""Read-side queries for the dashboard, the exports and the chat simulator.

Repositories never commit: the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, func, or_, select

from storage.models import (
    CoRequester,
    Outbox,
    ProcurementItem,
    ProcurementList,
    RawMessage,
    Request,
    RequestEvent,
)

UNASSIGNED = "__none__"
"""The department filter value that selects requests no department owns yet."""


def _filtered(
    stmt,
    *,
    statuses: Sequence[str] | None,
    department: str | None,
    group_id: str | None,
    created_from: datetime | None,
    created_to: datetime | None,
    search: str | None,
    number: int | None,
):
    if statuses:
        stmt = stmt.where(col(Request.status).in_(list(statuses)))
    if department == UNASSIGNED:
        stmt = stmt.where(col(Request.department).is_(None))
    elif department:
        stmt = stmt.where(Request.department == department)
    if group_id:
        stmt = stmt.where(Request.group_id == group_id)
    if created_from:
        stmt = stmt.where(col(Request.created_at) >= created_from)
    if created_to:
        stmt = stmt.where(col(Request.created_at) < created_to)
    if number is not None:
        stmt = stmt.where(Request.id == number)
    elif search:
        stmt = stmt.where(
            or_(
                col(Request.text).contains(search),
                col(Request.requester_name).contains(search),
                col(Request.organisation).contains(search),
            )
        )
    return stmt


def find_requests(
    *,
    session: Session,
    statuses: Sequence[str] | None = None,
    department: str | None = None,
    group_id: str | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    search: str | None = None,
    number: int | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> tuple[list[Request], int]:
    """One page of matching requests, newest first, and how many match in all.

    ``search`` matches the text, the requester or the company; ``number`` one ledger number;
    ``department=UNASSIGNED`` requests without a department.
    """
    filters = {
        "statuses": statuses,
        "department": department,
        "group_id": group_id,
        "created_from": created_from,
        "created_to": created_to,
        "search": search,
        "number": number,
    }
    total = session.exec(_filtered(select(func.count()).select_from(Request), **filters)).one()
    stmt = _filtered(select(Request), **filters).order_by(col(Request.id).desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt)), total


def requests_since(*, session: Session, since: datetime) -> list[Request]:
    """Requests registered, or resolved, at or after `since` (for weekly flows)."""
    stmt = select(Request).where(or_(col(Request.created_at) >= since, col(Request.resolved_at) >= since))
    return list(session.exec(stmt.order_by(col(Request.id))))


def ledger_departments(*, session: Session) -> list[str]:
    """The departments that own at least one request."""
    stmt = select(Request.department).where(col(Request.department).is_not(None)).distinct()
    return sorted(d for d in session.exec(stmt) if d)


def events_by_request(*, session: Session, request_ids: Sequence[int]) -> dict[int, list[RequestEvent]]:
    """The audit trails of several requests at once, oldest first."""
    out: dict[int, list[RequestEvent]] = {i: [] for i in request_ids}
    if not request_ids:
        return out
    stmt = (
        select(RequestEvent)
        .where(col(RequestEvent.request_id).in_(list(request_ids)))
        .order_by(col(RequestEvent.at), col(RequestEvent.id))
    )
    for ev in session.exec(stmt):
        out[ev.request_id].append(ev)
    return out


def co_requesters_by_request(*, session: Session, request_ids: Sequence[int]) -> dict[int, list[CoRequester]]:
    """The co-requesters of several requests at once."""
    out: dict[int, list[CoRequester]] = {i: [] for i in request_ids}
    if not request_ids:
        return out
    stmt = select(CoRequester).where(col(CoRequester.request_id).in_(list(request_ids))).order_by(col(CoRequester.at))
    for co in session.exec(stmt):
        out[co.request_id].append(co)
    return out


def procurement_page(
    *, session: Session, group_id: str | None = None, offset: int = 0, limit: int = 20
) -> tuple[list[ProcurementList], dict[int, list[ProcurementItem]], int]:
    """A page of procurement lists (newest first) with their items, and the total count."""
    base = select(ProcurementList)
    count = select(func.count()).select_from(ProcurementList)
    if group_id:
        base = base.where(ProcurementList.group_id == group_id)
        count = count.where(ProcurementList.group_id == group_id)
    total = session.exec(count).one()
    lists = list(session.exec(base.order_by(col(ProcurementList.id).desc()).offset(offset).limit(limit)))
    items: dict[int, list[ProcurementItem]] = {p.id: [] for p in lists if p.id is not None}
    if items:
        stmt = (
            select(ProcurementItem)
            .where(col(ProcurementItem.list_id).in_(list(items)))
            .order_by(col(ProcurementItem.id))
        )
        for item in session.exec(stmt):
            items[item.list_id].append(item)
    return lists, items, total


def room_messages(*, session: Session, room_id: str, limit: int = 80) -> list[RawMessage]:
    """The latest messages received in a room, oldest first."""
    stmt = (
        select(RawMessage)
        .where(RawMessage.room_id == room_id)
        .order_by(col(RawMessage.ts).desc(), col(RawMessage.id).desc())
        .limit(limit)
    )
    return list(reversed(list(session.exec(stmt))))


def direct_messages(*, session: Session, sender_id: str, limit: int = 80) -> list[RawMessage]:
    """The latest private messages a person sent the bot, oldest first."""
    stmt = (
        select(RawMessage)
        .where(RawMessage.room_id == "", RawMessage.sender_id == sender_id)
        .order_by(col(RawMessage.ts).desc(), col(RawMessage.id).desc())
        .limit(limit)
    )
    return list(reversed(list(session.exec(stmt))))


def bot_messages_to(*, session: Session, room_id: str, limit: int = 80) -> list[Outbox]:
    """The latest messages the bot sent (or is about to send) to a room or contact, oldest first."""
    stmt = (
        select(Outbox)
        .where(Outbox.room_id == room_id, col(Outbox.status).in_(["sent", "pending", "sending"]))
        .order_by(col(Outbox.id).desc())
        .limit(limit)
    )
    return list(reversed(list(session.exec(stmt))))


def direct_contacts(*, session: Session, group_ids: Sequence[str]) -> list[str]:
    """Contacts the bot has talked to privately (outbox targets that are not groups)."""
    stmt = select(Outbox.room_id).where(col(Outbox.room_id).not_in(list(group_ids) or [""])).distinct()
    return sorted(r for r in session.exec(stmt) if r)


def outbox_file(*, session: Session, pk: int) -> Outbox | None:
    """A bot message that carries a file, by id."""
    row = session.get(Outbox, pk)
    return row if row is not None and row.file_path else None


def outbox_id_for_file(*, session: Session, room_id: str, file_path: str) -> int | None:
    """The newest outbox row that sends this file to this room."""
    stmt = (
        select(Outbox.id)
        .where(Outbox.room_id == room_id, Outbox.file_path == file_path)
        .order_by(col(Outbox.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first()
