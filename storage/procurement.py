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


def items_of(*, session: Session, list_id: int) -> list[ProcurementItem]:
    """The items of a list, in order."""
    stmt = select(ProcurementItem).where(ProcurementItem.list_id == list_id).order_by(col(ProcurementItem.id))
    return list(session.exec(stmt))


def create_meeting(*, session: Session, meeting: Meeting) -> Meeting:
    """Store an announced meeting."""
    session.add(meeting)
    session.flush()
    return meeting


def upcoming_meetings(
    *, session: Session, after: datetime, before: datetime, group_id: str | None = None
) -> list[Meeting]:
    """Meetings starting in [after, before)."""
    stmt = select(Meeting).where(col(Meeting.starts_at) >= after, col(Meeting.starts_at) < before)
    if group_id:
        stmt = stmt.where(Meeting.group_id == group_id)
    return list(session.exec(stmt.order_by(col(Meeting.starts_at))))
