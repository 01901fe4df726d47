"""Our own message types, independent of any transport."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

MessageKind = Literal["text", "image", "file", "voice", "video", "link", "other"]


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """A message received in a group (or a direct message when `room_id` is empty)."""

    transport: str
    message_id: str
    room_id: str
    room_name: str
    sender_id: str
    sender_name: str
    text: str
    timestamp: datetime
    mention_ids: tuple[str, ...] = ()
    quote_id: str | None = None
    kind: MessageKind = "text"

    @property
    def is_direct(self) -> bool:
        """True for a private (one-to-one) message."""
        return not self.room_id


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A message the bot wants to send; `room_id` may be a contact id for a direct reply."""

    room_id: str
    text: str
    mention_ids: tuple[str, ...] = field(default_factory=tuple)
    reply_to: str | None = None
    file_path: str | None = None
