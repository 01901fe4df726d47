"""Queries on the outbox: every outgoing message is stored before it is sent."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select

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


def due_heads(*, session: Session, now: datetime, limit: int = 200) -> list[Outbox]:
    """The oldest due pending message of each room (so one busy room never blocks the others)."""
    heads = (
        select(func.min(Outbox.id))
        .where(Outbox.status == "pending", col(Outbox.not_before) <= now)
        .group_by(col(Outbox.room_id))
    )
    stmt = select(Outbox).where(col(Outbox.id).in_(heads)).order_by(col(Outbox.id)).limit(limit)
    return list(session.exec(stmt))


def mark_sending(*, session: Session, row: Outbox) -> None:
    """Record that the message is being handed to the transport right now."""
    row.status = "sending"
    session.add(row)


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
        row.status = "pending"
        row.not_before = retry_at
    session.add(row)


def release(*, session: Session, row: Outbox) -> None:
    """Put a message back as pending without counting an attempt (the transport was not connected)."""
    row.status = "pending"
    session.add(row)


def fail_interrupted(*, session: Session, reason: str, resend: bool = False) -> int:
    """Messages left "sending" by a crash may or may not have gone out: mark them failed (never resend),
    or, for a transport whose sends have no effect outside the ledger (`resend`), pending again."""
    rows = list(session.exec(select(Outbox).where(Outbox.status == "sending")))
    for row in rows:
        row.status = "pending" if resend else "failed"
        row.last_error = reason[:500]
        session.add(row)
    return len(rows)


def requeue(*, session: Session, pk: int, at: datetime) -> Outbox | None:
    """Send a failed message again (an admin's decision); None when there is no such failed message."""
    row = session.get(Outbox, pk)
    if row is None or row.status != "failed":
        return None
    row.status = "pending"
    row.attempts = 0
    row.not_before = at
    session.add(row)
    return row


def status_counts(*, session: Session) -> dict[str, int]:
    """How many outbox messages are in each status."""
    stmt = select(Outbox.status, func.count()).group_by(col(Outbox.status))
    return {status: int(n) for status, n in session.exec(stmt)}


def recent_failed(*, session: Session, limit: int = 5) -> list[Outbox]:
    """The most recently created failed messages, newest first."""
    stmt = select(Outbox).where(Outbox.status == "failed").order_by(col(Outbox.id).desc()).limit(limit)
    return list(session.exec(stmt))


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


def by_transport_id(*, session: Session, transport_message_id: str) -> Outbox | None:
    """The outgoing message the transport knows by this id (e.g. a quoted bot message)."""
    stmt = select(Outbox).where(Outbox.transport_message_id == transport_message_id)
    return session.exec(stmt).first()
