"""Queries on procurement lists and meetings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from storage.models import Meeting, ProcurementItem, ProcurementList


def create_list(*, session: Session, plist: ProcurementList, items: Sequence[ProcurementItem]) -> ProcurementList:
    """Store a procurement list with its items."""
    session.add(plist)
    session.flush()
    assert plist.id is not None
    for item in items:
        item.list_id = plist.id
        session.add(item)
    return plist


def get_list(*, session: Session, list_id: int) -> ProcurementList | None:
    """A procurement list by its number (P3 is 3)."""
    return session.get(ProcurementList, list_id)


def items_of(*, session: Session, list_id: int) -> list[ProcurementItem]:
    """The items of a list, in order."""
    stmt = select(ProcurementItem).where(ProcurementItem.list_id == list_id).order_by(col(ProcurementItem.id))
    return list(session.exec(stmt))


def open_lists_of(*, session: Session, group_id: str, poster_id: str, since: datetime) -> list[ProcurementList]:
    """The poster's lists in the group posted since `since` and not closed, newest first."""
    stmt = select(ProcurementList).where(
        ProcurementList.group_id == group_id,
        ProcurementList.poster_id == poster_id,
        col(ProcurementList.created_at) >= since,
        col(ProcurementList.closed_at).is_(None),
    )
    return list(session.exec(stmt.order_by(col(ProcurementList.created_at).desc(), col(ProcurementList.id).desc())))


def create_meeting(*, session: Session, meeting: Meeting) -> Meeting:
    """Store an announced meeting."""
    session.add(meeting)
    session.flush()
    return meeting


def upcoming_meetings(
    *, session: Session, after: datetime, before: datetime, group_id: str | None = None
) -> list[Meeting]:
    """Meetings not cancelled starting in [after, before)."""
    stmt = select(Meeting).where(
        col(Meeting.starts_at) >= after, col(Meeting.starts_at) < before, col(Meeting.cancelled_at).is_(None)
    )
    if group_id:
        stmt = stmt.where(Meeting.group_id == group_id)
    return list(session.exec(stmt.order_by(col(Meeting.starts_at))))


def meeting_at(*, session: Session, group_id: str, starts_at: datetime) -> Meeting | None:
    """The meeting announced in this group for exactly this time, not cancelled (a reminder of it is no new one)."""
    stmt = select(Meeting).where(
        Meeting.group_id == group_id, col(Meeting.cancelled_at).is_(None), Meeting.starts_at == starts_at
    )
    return session.exec(stmt.order_by(col(Meeting.id))).first()


def meeting_changed(*, session: Session, group_id: str, now: datetime, was: datetime | None) -> Meeting | None:
    """The announced meeting a change notice refers to: in this group, not cancelled, not yet started.

    With the original time stated, the meeting on that day (closest to that time); otherwise the one
    announced last.
    """
    stmt = select(Meeting).where(
        Meeting.group_id == group_id, col(Meeting.cancelled_at).is_(None), col(Meeting.starts_at) >= now
    )
    rows = list(session.exec(stmt.order_by(col(Meeting.created_at).desc(), col(Meeting.id).desc())))
    if was is None:
        return rows[0] if rows else None
    day = was.date()
    same_day = [m for m in rows if m.starts_at is not None and m.starts_at.astimezone(was.tzinfo).date() == day]
    return min(same_day, key=lambda m: abs((m.starts_at or was) - was)) if same_day else None
