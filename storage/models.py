"""Database models (sqlmodel), following base / create / table.

Every timestamp is timezone-aware (stored as UTC). The ledger number ``#N`` of a request is
its primary key: one sequence across the whole ledger.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, Index, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import AwareDateTime, utcnow

REQUEST_STATUSES = ("open", "answered", "resolved", "cancelled")
OUTBOX_STATUSES = ("pending", "sent", "failed", "skipped")


def _ts(nullable: bool = False, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(AwareDateTime(), nullable=nullable, index=index))


def _now_ts(index: bool = False) -> Any:
    return Field(default_factory=utcnow, sa_column=Column(AwareDateTime(), nullable=False, index=index))


class Group(SQLModel, table=True):
    """A WeChat group (room), keyed by its room id."""

    id: str = Field(primary_key=True, max_length=128)
    name: str = ""
    cluster: str = ""
    enabled: bool = True
    created_at: datetime = _now_ts()


class Member(SQLModel, table=True):
    """A person seen in a group, with what we know of their role."""

    __table_args__ = (UniqueConstraint("group_id", "wechat_id"),)
    id: int | None = Field(default=None, primary_key=True)
    group_id: str = Field(index=True, max_length=128)
    wechat_id: str = Field(index=True, max_length=128)
    display_name: str = ""
    organisation: str | None = None
    department: str | None = None
    joined_at: datetime = _now_ts()
    left_at: datetime | None = _ts(nullable=True)


class RawMessageBase(SQLModel):
    transport: str = Field(max_length=32)
    message_id: str = Field(max_length=191)
    room_id: str = Field(default="", max_length=128, index=True)
    room_name: str = ""
    sender_id: str = Field(default="", max_length=128)
    sender_name: str = ""
    text: str = Field(default="", sa_type=Text)
    mention_ids: list[str] = Field(default_factory=list, sa_type=JSON)
    quote_id: str | None = None
    kind: str = "text"


class RawMessageCreate(RawMessageBase):
    ts: datetime


class RawMessage(RawMessageBase, table=True):
    """Every message received, stored before it is handled; unique per (transport, message id)."""

    __tablename__ = "raw_message"
    __table_args__ = (UniqueConstraint("transport", "message_id", name="uq_raw_message_transport_id"),)
    id: int | None = Field(default=None, primary_key=True)
    ts: datetime = _ts(index=True)
    received_at: datetime = _now_ts()
    handled_at: datetime | None = _ts(nullable=True, index=True)
    label: str | None = None
    request_id: int | None = Field(default=None, index=True)
    error: str | None = None


class RequestBase(SQLModel):
    group_id: str = Field(max_length=128, index=True)
    requester_id: str = Field(max_length=128, index=True)
    requester_name: str = ""
    organisation: str | None = None
    text: str = Field(sa_type=Text)
    department: str | None = Field(default=None, index=True)


class RequestCreate(RequestBase):
    created_at: datetime
    source_message_id: int | None = None
    topics: str = ""


class Request(RequestBase, table=True):
    """A request (诉求) in the ledger; ``id`` is its ledger number #N."""

    id: int | None = Field(default=None, primary_key=True)
    status: str = Field(default="open", index=True, max_length=16)
    created_at: datetime = _ts(index=True)
    first_answer_at: datetime | None = _ts(nullable=True)
    resolved_at: datetime | None = _ts(nullable=True)
    cancelled_at: datetime | None = _ts(nullable=True)
    updated_at: datetime = _ts()
    source_message_id: int | None = Field(default=None, index=True)
    ack_message_id: str | None = None
    topics: str = ""
    """Space-separated content keywords, for topic agreement when linking answers."""
    reminder_count: int = 0
    last_reminded_at: datetime | None = _ts(nullable=True)
    escalated_at: datetime | None = _ts(nullable=True)
    confirm_asked_at: datetime | None = _ts(nullable=True)


class RequestEvent(SQLModel, table=True):
    """The audit trail: who changed what, when, from what to what, and why."""

    __tablename__ = "request_event"
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(index=True)
    at: datetime = _ts(index=True)
    actor_id: str = ""
    actor_name: str = ""
    kind: str = Field(max_length=32)
    from_status: str | None = None
    to_status: str | None = None
    from_department: str | None = None
    to_department: str | None = None
    note: str = Field(default="", sa_type=Text)
    message_id: int | None = None


class CoRequester(SQLModel, table=True):
    """Another company that joined a request ("+1 / 同问 / 我们也需要")."""

    __tablename__ = "co_requester"
    __table_args__ = (UniqueConstraint("request_id", "wechat_id"),)
    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(index=True)
    wechat_id: str = Field(max_length=128)
    name: str = ""
    organisation: str | None = None
    at: datetime = _ts()


class ProcurementList(SQLModel, table=True):
    """A buyer's procurement list posted in a group."""

    __tablename__ = "procurement_list"
    id: int | None = Field(default=None, primary_key=True)
    group_id: str = Field(max_length=128, index=True)
    poster_id: str = ""
    poster_name: str = ""
    text: str = Field(sa_type=Text)
    deadline: date | None = None
    contact_phone: str | None = None
    created_at: datetime = _ts(index=True)
    source_message_id: int | None = None
    reminded_at: datetime | None = _ts(nullable=True)
    closed_at: datetime | None = _ts(nullable=True)  # the buyer said the need is met (凑齐了 / 找到货源了)


class ProcurementItem(SQLModel, table=True):
    """One item of a procurement list."""

    __tablename__ = "procurement_item"
    id: int | None = Field(default=None, primary_key=True)
    list_id: int = Field(index=True)
    name: str
    spec: str | None = None
    quantity: Decimal | None = Field(default=None, sa_column=Column(Numeric(18, 4)))
    unit: str | None = None
    price: Decimal | None = Field(default=None, sa_column=Column(Numeric(18, 4)))
    price_unit: str | None = None


class Meeting(SQLModel, table=True):
    """A gathering announced in a group, for reminders and digests."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: str = Field(max_length=128, index=True)
    title: str = ""
    text: str = Field(default="", sa_type=Text)
    starts_at: datetime | None = _ts(nullable=True, index=True)
    place: str | None = None
    created_at: datetime = _ts()
    source_message_id: int | None = None
    reminded_at: datetime | None = _ts(nullable=True)
    cancelled_at: datetime | None = _ts(nullable=True)


class Reminder(SQLModel, table=True):
    """A reminder set by an admin with /remind."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: str = Field(max_length=128, index=True)
    due_at: datetime = _ts(index=True)
    text: str = Field(sa_type=Text)
    created_by: str = ""
    created_at: datetime = _ts()
    sent_at: datetime | None = _ts(nullable=True)
    cancelled_at: datetime | None = _ts(nullable=True)


class OutboxBase(SQLModel):
    room_id: str = Field(max_length=128, index=True)
    text: str = Field(default="", sa_type=Text)
    mention_ids: list[str] = Field(default_factory=list, sa_type=JSON)
    reply_to: str | None = None
    file_path: str | None = None


class Outbox(OutboxBase, table=True):
    """Every outgoing message, stored before it is sent and marked when sent."""

    __table_args__ = (Index("ix_outbox_status_due", "status", "not_before"),)
    id: int | None = Field(default=None, primary_key=True)
    status: str = Field(default="pending", max_length=16)
    created_at: datetime = _ts()
    not_before: datetime = _ts()
    attempts: int = 0
    sent_at: datetime | None = _ts(nullable=True)
    last_error: str | None = None
    transport_message_id: str | None = None
    source_message_id: int | None = None
    purpose: str = ""


class JobRun(SQLModel, table=True):
    """A time-driven job run for a (kind, group, period): the unique key makes it happen once."""

    __tablename__ = "job_run"
    key: str = Field(primary_key=True, max_length=191)
    status: str = Field(default="sent", max_length=16)
    at: datetime = _ts()
    detail: str = ""


class Counter(SQLModel, table=True):
    """Gap-free sequences (the ledger numbers #N): incremented inside the unit of work, so a
    rolled-back or killed transaction never consumes a number."""

    name: str = Field(primary_key=True, max_length=64)
    value: int = 0
