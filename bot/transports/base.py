"""The transport interface: how messages come in and go out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from handlers.messages import IncomingMessage, OutgoingMessage


@dataclass(frozen=True, slots=True)
class RoomEvent:
    """A member joined or left a room, or the room was renamed."""

    kind: Literal["join", "leave", "topic"]
    room_id: str
    room_name: str
    timestamp: datetime
    members: tuple[tuple[str, str], ...] = ()  # (wechat id, display name)


class Sink(Protocol):
    """What a transport delivers to (the pipeline)."""

    async def on_message(self, message: IncomingMessage) -> None: ...

    async def on_room_event(self, event: RoomEvent) -> None: ...


SendResult = str | None


class TransportUnavailable(ConnectionError):
    """Raised by `send` when the transport is not connected: nothing was sent, try again later.

    The outbox keeps the message pending without counting an attempt.
    """


class SendOutcomeUnknown(Exception):
    """Raised by `send` when the connection broke while the service had the message: it may have
    gone out. The outbox does not resend it (never twice); it is listed as failed for the admins."""


class Transport(Protocol):
    """A way to talk to the groups; only bot/ knows concrete transports.

    A transport that sends through a real WeChat account sets ``rate_limited = True``: the app
    then puts the send governor (bot/governor.py) in front of it.
    """

    name: str

    async def run(self, sink: Sink) -> None:
        """Deliver incoming messages to `sink` until stopped or the input ends."""
        ...

    async def send(self, message: OutgoingMessage) -> SendResult:
        """Send one message; return the transport's message id when it has one. Raise on failure."""
        ...

    async def stop(self) -> None:
        """Stop delivering and release resources."""
        ...
