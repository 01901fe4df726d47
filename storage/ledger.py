"""Queries on the ledger: requests, their audit trail and co-requesters.

Repositories never commit: the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.models import CoRequester, Counter, Request, RequestCreate, RequestEvent

ACTIVE = ("open", "answered")


def create_request(*, session: Session, data: RequestCreate, actor_name: str = "") -> Request:
    """Register a request (status open) and its 'created' event; the new row carries its number."""
    no = next_number(session=session, name="request")
    req = Request.model_validate(data, update={"id": no, "status": "open", "updated_at": data.created_at})
    session.add(req)
    session.flush()
    add_event(
        session=session,
        request=req,
        at=data.created_at,
        actor_id=data.requester_id,
        actor_name=actor_name or data.requester_name,
        kind="created",
        to_status="open",
        to_department=data.department,
        message_id=data.source_message_id,
    )
    return req


def next_number(*, session: Session, name: str) -> int:
    """The next number of a gap-free sequence; the row stays locked until the unit of work ends."""
    stmt = update(Counter).where(col(Counter.name) == name).values(value=Counter.value + 1).returning(Counter.value)
    value = session.execute(stmt).scalar_one_or_none()
    if value is None:
        session.add(Counter(name=name, value=1))
        session.flush()
        return 1
    return int(value)


def get_request(*, session: Session, no: int) -> Request | None:
    """The request with ledger number `no`."""
    return session.get(Request, no)


def add_event(
    *,
    session: Session,
    request: Request,
    at: datetime,
    kind: str,
    actor_id: str = "",
    actor_name: str = "",
    from_status: str | None = None,
    to_status: str | None = None,
    from_department: str | None = None,
    to_department: str | None = None,
    note: str = "",
    message_id: int | None = None,
) -> RequestEvent:
    """Append one entry to the audit trail."""
    assert request.id is not None
    ev = RequestEvent(
        request_id=request.id,
        at=at,
        kind=kind,
        actor_id=actor_id,
        actor_name=actor_name,
        from_status=from_status,
        to_status=to_status,
        from_department=from_department,
        to_department=to_department,
        note=note,
        message_id=message_id,
    )
    session.add(ev)
    return ev


def set_status(
    *,
    session: Session,
    request: Request,
    to_status: str,
    at: datetime,
    kind: str,
    actor_id: str = "",
    actor_name: str = "",
    note: str = "",
    message_id: int | None = None,
) -> RequestEvent:
    """Move a request to `to_status`, keeping its timestamps consistent, and record the event."""
    from_status = request.status
    request.status = to_status
    request.updated_at = at
    if to_status == "answered" and request.first_answer_at is None:
        request.first_answer_at = at
    if to_status == "resolved":
        request.resolved_at = at
        if request.first_answer_at is None:
            request.first_answer_at = at
    elif to_status == "cancelled":
        request.cancelled_at = at
    else:
        request.resolved_at = None
        request.cancelled_at = None
    session.add(request)
    return add_event(
        session=session,
        request=request,
        at=at,
        kind=kind,
        actor_id=actor_id,
        actor_name=actor_name,
        from_status=from_status,
        to_status=to_status,
        note=note,
        message_id=message_id,
    )


def set_department(
    *,
    session: Session,
    request: Request,
    department: str | None,
    at: datetime,
    actor_id: str = "",
    actor_name: str = "",
    note: str = "",
    message_id: int | None = None,
) -> RequestEvent:
    """Route (or reassign) a request to a department and record the event."""
    before = request.department
    request.department = department
    request.updated_at = at
    session.add(request)
    return add_event(
        session=session,
        request=request,
        at=at,
        kind="assigned",
        actor_id=actor_id,
        actor_name=actor_name,
        from_department=before,
        to_department=department,
        from_status=request.status,
        to_status=request.status,
        note=note,
        message_id=message_id,
    )


def add_co_requester(
    *,
    session: Session,
    request: Request,
    wechat_id: str,
    name: str,
    organisation: str | None,
    at: datetime,
    message_id: int | None = None,
) -> bool:
    """Add a company to a request; False when it already is a requester."""
    assert request.id is not None
    if wechat_id == request.requester_id:
        return False
    stmt = select(CoRequester).where(CoRequester.request_id == request.id, CoRequester.wechat_id == wechat_id)
    if session.exec(stmt).first() is not None:
        return False
    session.add(CoRequester(request_id=request.id, wechat_id=wechat_id, name=name, organisation=organisation, at=at))
    add_event(
        session=session,
        request=request,
        at=at,
        kind="co_requester",
        actor_id=wechat_id,
        actor_name=name,
        note=organisation or name,
        message_id=message_id,
    )
    return True


def co_requesters(*, session: Session, request_id: int) -> list[CoRequester]:
    """Companies that joined a request."""
    stmt = select(CoRequester).where(CoRequester.request_id == request_id).order_by(col(CoRequester.at))
    return list(session.exec(stmt))


def events_of(*, session: Session, request_id: int) -> list[RequestEvent]:
    """The audit trail of a request, oldest first."""
    stmt = (
        select(RequestEvent)
        .where(RequestEvent.request_id == request_id)
        .order_by(col(RequestEvent.at), col(RequestEvent.id))
    )
    return list(session.exec(stmt))


def list_requests(
    *,
    session: Session,
    statuses: Sequence[str] | None = None,
    department: str | None = None,
    group_id: str | None = None,
    requester_id: str | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    search: str | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[Request]:
    """Requests matching the filters, by number (the first `limit` of them)."""
    stmt = select(Request)
    if statuses:
        stmt = stmt.where(col(Request.status).in_(list(statuses)))
    if department:
        stmt = stmt.where(Request.department == department)
    if group_id:
        stmt = stmt.where(Request.group_id == group_id)
    if requester_id:
        stmt = stmt.where(Request.requester_id == requester_id)
    if created_from:
        stmt = stmt.where(col(Request.created_at) >= created_from)
    if created_to:
        stmt = stmt.where(col(Request.created_at) < created_to)
    if search:
        stmt = stmt.where(col(Request.text).contains(search))
    order = col(Request.id).desc() if newest_first else col(Request.id)
    stmt = stmt.order_by(order)
    return list(session.exec(stmt.limit(limit) if limit else stmt))


def requests_involving(*, session: Session, wechat_id: str, statuses: Sequence[str] | None = None) -> list[Request]:
    """Requests raised or joined by a person, newest first."""
    joined = select(CoRequester.request_id).where(CoRequester.wechat_id == wechat_id)
    stmt = select(Request).where((Request.requester_id == wechat_id) | col(Request.id).in_(joined))
    if statuses:
        stmt = stmt.where(col(Request.status).in_(list(statuses)))
    return list(session.exec(stmt.order_by(col(Request.id).desc())))
