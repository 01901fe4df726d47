"""Queries on raw messages: idempotent storage and the handling marker."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from storage.models import RawMessage, RawMessageCreate


def store_raw(*, session: Session, data: RawMessageCreate) -> tuple[RawMessage, bool]:
    """Insert a received message once; return (row, created). A duplicate delivery returns the stored row."""
    existing = get_raw(session=session, transport=data.transport, message_id=data.message_id)
    if existing is not None:
        return existing, False
    row = RawMessage.model_validate(data)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        existing = get_raw(session=session, transport=data.transport, message_id=data.message_id)
        assert existing is not None
        return existing, False
    return row, True


def get_raw(*, session: Session, transport: str, message_id: str) -> RawMessage | None:
    """The stored message with this transport message id, if any."""
    stmt = select(RawMessage).where(RawMessage.transport == transport, RawMessage.message_id == message_id)
    return session.exec(stmt).first()


def get_raw_by_pk(*, session: Session, pk: int) -> RawMessage | None:
    """The stored message with this primary key."""
    return session.get(RawMessage, pk)


def unhandled(*, session: Session, limit: int = 1000) -> list[RawMessage]:
    """Messages stored but not yet handled (e.g. the process died mid-way), oldest first."""
    stmt = (
        select(RawMessage)
        .where(col(RawMessage.handled_at).is_(None))
        .order_by(col(RawMessage.ts), col(RawMessage.id))
        .limit(limit)
    )
    return list(session.exec(stmt))


def lock_for_handling(*, session: Session, pk: int) -> RawMessage | None:
    """Re-read a message inside the handling unit of work; None if already handled."""
    stmt = select(RawMessage).where(RawMessage.id == pk, col(RawMessage.handled_at).is_(None))
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    return session.exec(stmt).first()


def mark_handled(
    *, session: Session, row: RawMessage, at: datetime, label: str | None, request_id: int | None = None
) -> None:
    """Record that the message was handled (same unit of work as its effects)."""
    row.handled_at = at
    row.label = label
    if request_id is not None:
        row.request_id = request_id
    session.add(row)


def messages_of_request(*, session: Session, request_id: int) -> list[RawMessage]:
    """Messages linked to a request, oldest first."""
    stmt = select(RawMessage).where(RawMessage.request_id == request_id).order_by(col(RawMessage.ts))
    return list(session.exec(stmt))


def unlinked(*, session: Session, labels: tuple[str, ...] = ("answer",), limit: int = 50) -> list[RawMessage]:
    """Handled messages of these labels that no request was linked to, newest first."""
    stmt = (
        select(RawMessage)
        .where(col(RawMessage.label).in_(list(labels)), col(RawMessage.request_id).is_(None))
        .order_by(col(RawMessage.ts).desc(), col(RawMessage.id).desc())
        .limit(limit)
    )
    return list(session.exec(stmt))


def sender_names(*, session: Session, room_id: str, limit: int = 5000) -> list[str]:
    """The distinct sender nicknames of a room's stored messages (the most recent `limit` messages)."""
    recent = (
        select(RawMessage.sender_name)
        .where(RawMessage.room_id == room_id, RawMessage.sender_name != "")
        .order_by(col(RawMessage.id).desc())
        .limit(limit)
        .subquery()
    )
    return sorted(set(session.exec(select(recent.c.sender_name))))


def recent_messages(
    *, session: Session, room_id: str, at: datetime, exclude_pk: int | None, limit: int
) -> list[RawMessage]:
    """The room's last `limit` messages up to `at`, newest first."""
    stmt = (
        select(RawMessage)
        .where(RawMessage.room_id == room_id, col(RawMessage.ts) <= at, RawMessage.id != (exclude_pk or -1))
        .order_by(col(RawMessage.ts).desc(), col(RawMessage.id).desc())
        .limit(limit)
    )
    return list(session.exec(stmt))


def texts_naming(*, session: Session, room_id: str, words: tuple[str, ...], limit: int = 5) -> list[str]:
    """The texts of the room's latest messages holding any of `words` (newest first)."""
    if not words:
        return []
    stmt = (
        select(RawMessage.text)
        .where(RawMessage.room_id == room_id, or_(*(col(RawMessage.text).contains(w) for w in words)))
        .order_by(col(RawMessage.ts).desc())
        .limit(limit)
    )
    return [t for t in session.exec(stmt) if t]
