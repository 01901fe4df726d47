"""Queries on groups and members."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from storage.models import Group, Member


def upsert_group(
    *, session: Session, room_id: str, name: str, cluster: str | None = None, enabled: bool | None = None
) -> Group:
    """Create or update a group by room id (names change; the id does not)."""
    group = session.get(Group, room_id)
    if group is None:
        group = Group(id=room_id, name=name, cluster=cluster or "", enabled=True if enabled is None else enabled)
    else:
        if name:
            group.name = name
        if cluster is not None:
            group.cluster = cluster
        if enabled is not None:
            group.enabled = enabled
    session.add(group)
    return group


def get_group(*, session: Session, room_id: str) -> Group | None:
    """The group with this room id."""
    return session.get(Group, room_id)


def list_groups(*, session: Session) -> list[Group]:
    """All known groups, by name."""
    return list(session.exec(select(Group).order_by(Group.name)))


def upsert_member(
    *,
    session: Session,
    group_id: str,
    wechat_id: str,
    display_name: str,
    organisation: str | None = None,
    department: str | None = None,
    at: datetime | None = None,
) -> Member:
    """Create or refresh a member of a group."""
    stmt = select(Member).where(Member.group_id == group_id, Member.wechat_id == wechat_id)
    member = session.exec(stmt).first()
    if member is None:
        member = Member(group_id=group_id, wechat_id=wechat_id, display_name=display_name)
        if at is not None:
            member.joined_at = at
    elif display_name:
        member.display_name = display_name
    member.organisation = organisation
    member.department = department
    member.left_at = None
    session.add(member)
    return member


def mark_left(*, session: Session, group_id: str, wechat_id: str, at: datetime) -> None:
    """Record that a member left a group."""
    stmt = select(Member).where(Member.group_id == group_id, Member.wechat_id == wechat_id)
    member = session.exec(stmt).first()
    if member is not None:
        member.left_at = at
        session.add(member)


def members_of(*, session: Session, group_id: str) -> list[Member]:
    """Current members of a group."""
    stmt = select(Member).where(Member.group_id == group_id, Member.left_at == None)  # noqa: E711
    return list(session.exec(stmt))


def officials_of(*, session: Session, group_id: str, department: str) -> list[Member]:
    """Current members of a group known to work for a department."""
    stmt = select(Member).where(
        Member.group_id == group_id,
        Member.department == department,
        Member.left_at == None,  # noqa: E711
    )
    return list(session.exec(stmt))


def member_department(*, session: Session, group_id: str, wechat_id: str) -> str | None:
    """The department recorded for a member of a group (from config, the nickname, or what they said)."""
    stmt = select(Member.department).where(Member.group_id == group_id, Member.wechat_id == wechat_id)
    return session.exec(stmt).first()
