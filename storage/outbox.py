"""Queries on the outbox: every outgoing message is stored before it is sent."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from storage.models import Outbox, OutboxBase


def enqueue(
    *,
    session: Session,
    data: OutboxBase,
    at: datetime,
    not_before: datetime | None = None,
    source_message_id: int | None = None,
    purpose: str = "",
) -> Outbox:
    """Store an outgoing message as pending."""
    row = Outbox.model_validate(
        data,
        update={
            "created_at": at,
            "not_before": not_before or at,
            "source_message_id": source_message_id,
            "purpose": purpose,
        },
    )
    session.add(row)
    session.flush()
    return row


def due(*, session: Session, now: datetime, limit: int = 100) -> list[Outbox]:
    """Pending messages whose time has come, oldest first."""
    stmt = (
        select(Outbox)
        .where(Outbox.status == "pending", col(Outbox.not_before) <= now)
        .order_by(col(Outbox.id))
        .limit(limit)
    )
    return list(session.exec(stmt))


def pending_count(*, session: Session) -> int:
    """How many messages wait to be sent."""
    return len(list(session.exec(select(Outbox.id).where(Outbox.status == "pending"))))


def mark_sent(*, session: Session, row: Outbox, at: datetime, transport_message_id: str | None = None) -> None:
    """Record a successful send."""
    row.status = "sent"
    row.sent_at = at
    row.attempts += 1
    row.transport_message_id = transport_message_id
    session.add(row)


def mark_attempt_failed(*, session: Session, row: Outbox, at: datetime, error: str, retry_at: datetime | None) -> None:
    """Record a failed attempt; with no retry time the message ends as failed."""
    row.attempts += 1
    row.last_error = error[:500]
    if retry_at is None:
        row.status = "failed"
    else:
        row.not_before = retry_at
    session.add(row)


def mark_skipped(*, session: Session, row: Outbox, reason: str) -> None:
    """Drop a message that must not be sent (e.g. an identical one was just sent)."""
    row.status = "skipped"
    row.last_error = reason
    session.add(row)


def recently_sent_same(*, session: Session, row: Outbox, window: timedelta, now: datetime) -> bool:
    """Whether identical text went to the same room within `window`."""
    stmt = select(Outbox.id).where(
        Outbox.room_id == row.room_id,
        Outbox.text == row.text,
        Outbox.status == "sent",
        col(Outbox.sent_at) >= now - window,
        Outbox.id != row.id,
    )
    return session.exec(stmt).first() is not None


def sent_messages(*, session: Session, purpose: str | None = None) -> list[Outbox]:
    """Sent messages, in sending order."""
    stmt = select(Outbox).where(Outbox.status == "sent")
    if purpose is not None:
        stmt = stmt.where(Outbox.purpose == purpose)
    return list(session.exec(stmt.order_by(col(Outbox.sent_at), col(Outbox.id))))


def failed(*, session: Session) -> list[Outbox]:
    """Messages that could not be delivered after every retry."""
    return list(session.exec(select(Outbox).where(Outbox.status == "failed").order_by(col(Outbox.id))))


def by_transport_id(*, session: Session, transport_message_id: str) -> Outbox | None:
    """The outgoing message the transport knows by this id (e.g. a quoted bot message)."""
    stmt = select(Outbox).where(Outbox.transport_message_id == transport_message_id)
    return session.exec(stmt).first()
