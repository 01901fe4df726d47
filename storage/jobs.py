"""Queries for the time-driven jobs: once-only claims (JobRun) and what falls due.

A claim inserts the job's key; the primary key makes a (kind, group, period) happen once, also
when two processes share one database: the loser's insert fails with IntegrityError (on
PostgreSQL it first waits for the winner's unit of work). Repositories never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import Session, col, select

from storage.models import Group, JobRun, Meeting, ProcurementList, Reminder, Request

HEARTBEAT = "heartbeat"


def is_claimed(*, session: Session, key: str) -> bool:
    """Whether a job with this key already ran (or was skipped)."""
    return session.get(JobRun, key) is not None


def claimed_keys(*, session: Session, keys: Sequence[str]) -> set[str]:
    """Which of these keys are taken."""
    if not keys:
        return set()
    stmt = select(JobRun.key).where(col(JobRun.key).in_(list(keys)))
    return set(session.exec(stmt))


def claim(*, session: Session, key: str, at: datetime, status: str = "sent", detail: str = "") -> JobRun:
    """Take the key for this unit of work; raises IntegrityError when another process has it."""
    row = JobRun(key=key, status=status, at=at, detail=detail[:500])
    session.add(row)
    session.flush()
    return row


def runs(*, session: Session, prefix: str = "") -> list[JobRun]:
    """Recorded job runs whose key starts with `prefix`, by key."""
    stmt = select(JobRun).where(col(JobRun.key).startswith(prefix)).order_by(col(JobRun.key))
    return list(session.exec(stmt))


def heartbeat(*, session: Session) -> datetime | None:
    """Up to when the time-driven jobs were last run (by any process)."""
    row = session.get(JobRun, HEARTBEAT)
    return row.at if row else None


def beat(*, session: Session, at: datetime) -> None:
    """Record that the jobs have run up to `at` (never moves backwards)."""
    row = session.get(JobRun, HEARTBEAT)
    if row is None:
        session.add(JobRun(key=HEARTBEAT, status="alive", at=at))
        session.flush()
    elif row.at < at:
        row.at = at
        session.add(row)


def enabled_group_ids(*, session: Session) -> list[str]:
    """Room ids of the groups the bot acts in."""
    stmt = select(Group.id).where(Group.enabled == True)  # noqa: E712
    return list(session.exec(stmt.order_by(col(Group.id))))


def resolved_between(*, session: Session, group_id: str, start: datetime, end: datetime) -> list[Request]:
    """Requests of a group resolved in [start, end)."""
    stmt = select(Request).where(
        Request.group_id == group_id,
        Request.status == "resolved",
        col(Request.resolved_at) >= start,
        col(Request.resolved_at) < end,
    )
    return list(session.exec(stmt.order_by(col(Request.id))))


def lists_due_between(
    *, session: Session, first: date, last: date, group_id: str | None = None, unreminded: bool = False
) -> list[ProcurementList]:
    """Open procurement lists whose deadline is between `first` and `last` (inclusive), soonest first."""
    stmt = select(ProcurementList).where(
        col(ProcurementList.deadline) >= first,
        col(ProcurementList.deadline) <= last,
        col(ProcurementList.closed_at).is_(None),
    )
    if group_id:
        stmt = stmt.where(ProcurementList.group_id == group_id)
    if unreminded:
        stmt = stmt.where(col(ProcurementList.reminded_at).is_(None))
    return list(session.exec(stmt.order_by(col(ProcurementList.deadline), col(ProcurementList.id))))


def meetings_to_remind(
    *, session: Session, after: datetime, before: datetime, group_id: str | None = None
) -> list[Meeting]:
    """Meetings not yet reminded of (nor cancelled) that start in (after, before]."""
    stmt = select(Meeting).where(
        col(Meeting.starts_at) > after,
        col(Meeting.starts_at) <= before,
        col(Meeting.reminded_at).is_(None),
        col(Meeting.cancelled_at).is_(None),
    )
    if group_id:
        stmt = stmt.where(Meeting.group_id == group_id)
    return list(session.exec(stmt.order_by(col(Meeting.starts_at), col(Meeting.id))))


def add_reminder(*, session: Session, reminder: Reminder) -> Reminder:
    """Store a reminder set by an admin; the row carries its number."""
    session.add(reminder)
    session.flush()
    return reminder


def due_reminders(*, session: Session, until: datetime) -> list[Reminder]:
    """Reminders not yet sent (nor cancelled) that are due at or before `until`."""
    stmt = select(Reminder).where(
        col(Reminder.sent_at).is_(None), col(Reminder.cancelled_at).is_(None), col(Reminder.due_at) <= until
    )
    return list(session.exec(stmt.order_by(col(Reminder.due_at), col(Reminder.id))))


def reminder_times(*, session: Session, after: datetime, until: datetime) -> list[datetime]:
    """When unsent reminders fall due in (after, until]."""
    stmt = select(Reminder.due_at).where(
        col(Reminder.sent_at).is_(None),
        col(Reminder.cancelled_at).is_(None),
        col(Reminder.due_at) > after,
        col(Reminder.due_at) <= until,
    )
    return list(session.exec(stmt))


def pending_reminders(*, session: Session, group_id: str) -> list[Reminder]:
    """A group's reminders not yet sent nor cancelled, soonest first."""
    stmt = select(Reminder).where(
        Reminder.group_id == group_id, col(Reminder.sent_at).is_(None), col(Reminder.cancelled_at).is_(None)
    )
    return list(session.exec(stmt.order_by(col(Reminder.due_at), col(Reminder.id))))


def get_reminder(*, session: Session, no: int) -> Reminder | None:
    """The reminder with this number."""
    return session.get(Reminder, no)
