"""The Wechaty transport: real WeChat groups through a Wechaty puppet service (python-wechaty 0.10.7).

This is the only module that imports wechaty. It applies the compatibility shims python-wechaty
needs on Python 3.11 before importing it, turns Wechaty messages and room events into our own
types, and sends through the puppet. Each connection is a fresh Wechaty instance kept alive by
the `Supervisor` (reconnect with backoff, ding/dong watchdog) — never python-wechaty's own
restart, which sleeps 60 s.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.transports.base import RoomEvent, SendOutcomeUnknown, Sink, TransportUnavailable
from bot.transports.supervisor import Supervisor
from handlers.messages import IncomingMessage, MessageKind, OutgoingMessage

os.environ.setdefault("WECHATY_LOG", "warn")  # its loggers print every message at INFO otherwise
os.environ.setdefault("CACHE_DIR", str(Path("data") / "wechaty"))  # else ./.wechaty


def _apply_shims() -> None:
    """Fixes python-wechaty 0.10.7 needs on Python 3.11 with current dependencies (idempotent)."""
    import pyee  # pyee >= 12 moved AsyncIOEventEmitter out of the top level
    import urllib3  # urllib3 >= 2 removed get_host (used by wechaty.user.url_link)
    import wechaty_puppet.schemas.puppet as schemas

    if not hasattr(pyee, "AsyncIOEventEmitter"):
        from pyee.asyncio import AsyncIOEventEmitter

        pyee.AsyncIOEventEmitter = AsyncIOEventEmitter  # type: ignore[attr-defined]
    if not hasattr(urllib3, "get_host"):
        from urllib3.util.url import parse_url

        def get_host(url: str) -> tuple[str, str | None, int | None]:
            parsed = parse_url(url)
            return parsed.scheme or "http", parsed.host, parsed.port

        urllib3.get_host = get_host  # type: ignore[attr-defined]
    # Python 3.11 dataclasses reject an unhashable default (WechatyOptions.puppet_options).
    if schemas.PuppetOptions.__hash__ is None:
        schemas.PuppetOptions.__hash__ = object.__hash__  # type: ignore[method-assign]
    # FileBox calls the deprecated Logger.warn on every file ("mimeType will be deprecated").
    import wechaty_puppet.file_box.file_box as file_box

    file_box.logger.warn = file_box.logger.debug  # type: ignore[method-assign]


_apply_shims()

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # noqa: E402
from grpclib.exceptions import GRPCError  # noqa: E402
from wechaty import Contact, Message, Room, Wechaty, WechatyOptions  # noqa: E402
from wechaty.user.tag import Tag  # noqa: E402
from wechaty.utils.async_helper import SingleIdContainer  # noqa: E402
from wechaty_puppet import FileBox, MessageType, Puppet, PuppetOptions  # noqa: E402
from wechaty_puppet_service import PuppetService  # noqa: E402

log = logging.getLogger(__name__)
logging.getLogger("PuppetService").setLevel(logging.ERROR)  # it warns with the token in clear at each connect
PuppetFactory = Callable[[], Puppet]

_KINDS: dict[MessageType, MessageKind] = {
    MessageType.MESSAGE_TYPE_TEXT: "text",
    MessageType.MESSAGE_TYPE_IMAGE: "image",
    MessageType.MESSAGE_TYPE_EMOTICON: "image",
    MessageType.MESSAGE_TYPE_ATTACHMENT: "file",
    MessageType.MESSAGE_TYPE_AUDIO: "voice",
    MessageType.MESSAGE_TYPE_VIDEO: "video",
    MessageType.MESSAGE_TYPE_URL: "link",
    MessageType.MESSAGE_TYPE_MINI_PROGRAM: "link",
}
_PLACEHOLDER = {"image": "[图片]", "file": "[文件]", "voice": "[语音]", "video": "[视频]", "link": "[链接]"}


def reset_wechaty_state() -> None:
    """Forget python-wechaty's process-wide caches, which hold objects bound to an old puppet."""
    for cls in (Contact, Room, Tag):
        cls._pool.clear()
    SingleIdContainer._instance = None  # our store de-duplicates messages durably


def _aware(ts: float | datetime | None) -> datetime:
    """A timezone-aware UTC time from a puppet timestamp (s or ms) or python-wechaty's naive local time."""
    if isinstance(ts, datetime):
        return ts.astimezone(UTC)
    if not ts:
        return datetime.now(UTC)
    return datetime.fromtimestamp(ts / 1000 if ts > 2145888000 else ts, UTC)


class _NoPlugins:
    """Stands in for python-wechaty's plugin manager (a web server on port 5000 and a job store)."""

    async def start(self) -> None:
        return None

    async def emit_events(self, *args: object) -> None:
        return None


class _Bot(Wechaty):
    """One connection: python-wechaty's bot with its callbacks routed to the transport."""

    def __init__(self, transport: WechatyTransport, puppet: Puppet) -> None:
        super().__init__(WechatyOptions(name="clusterbot", puppet=puppet, scheduler=AsyncIOScheduler()))
        self._plugin_manager = _NoPlugins()  # type: ignore[assignment]
        self.transport = transport
        self.on("dong", transport._on_dong)

    async def serve(self) -> None:
        """Connect and listen until the connection ends (returns or raises; no 60 s sleep)."""
        await self.init_puppet()
        await self.init_puppet_event_bridge(self.puppet)
        await self.puppet.start()

    async def ding(self) -> None:
        await self.puppet.ding("clusterbot")

    async def close(self) -> None:
        puppet = self._puppet
        try:
            await self.stop()
        finally:
            channel = getattr(puppet, "channel", None)
            if channel is not None:
                channel.close()

    async def on_scan(self, qr_code: str, status: object, data: str | None = None) -> None:
        self.transport._on_activity()
        log.warning("Wechaty 需要扫码登录（status=%s）：%s", status, qr_code)

    async def on_login(self, contact: Contact) -> None:
        await self.transport._on_login(self, contact.contact_id)

    async def on_logout(self, contact: Contact) -> None:
        self.transport._on_lost(f"WeChat account {contact.contact_id} logged out")

    async def on_message(self, msg: Message) -> None:
        await self.transport._on_message(msg)

    async def on_room_join(self, room: Room, invitees: list[Contact], inviter: Contact, date: datetime) -> None:
        await self.transport._on_room_event("join", room, invitees, date)

    async def on_room_leave(self, room: Room, leavers: list[Contact], remover: Contact, date: datetime) -> None:
        await self.transport._on_room_event("leave", room, leavers, date)

    async def on_room_topic(self, room: Room, new: str, old: str, changer: Contact, date: datetime) -> None:
        self.transport._topics[room.room_id] = new
        await self.transport._on_room_event("topic", room, [], date)


class WechatyTransport(Supervisor):
    """Talks to WeChat groups through a puppet service; reconnects on its own until stopped."""

    name = "wechaty"
    rate_limited = True  # a real account: the app puts the send governor in front

    def __init__(
        self,
        token: str,
        endpoint: str,
        *,
        puppet_factory: PuppetFactory | None = None,
        send_timeout: float = 30.0,
        **supervision: Any,  # Supervisor's: login_timeout, ding_interval, ding_timeout, backoff, ...
    ) -> None:
        super().__init__(**supervision)
        self.token, self.endpoint = token, endpoint
        self._factory = puppet_factory or self._puppet_service
        self.send_timeout = send_timeout
        self.self_id: str | None = None
        self._sink: Sink | None = None
        self._bot: _Bot | None = None
        self._rooms: set[str] = set()
        self._topics: dict[str, str] = {}

    @classmethod
    def from_settings(cls, settings, **kw) -> WechatyTransport:  # type: ignore[no-untyped-def]
        """Token and endpoint from settings.wechaty (config or WECHATY_PUPPET_SERVICE_* env)."""
        token, endpoint = settings.wechaty.token, settings.wechaty.endpoint
        if not token or not endpoint:
            raise ValueError("需要配置 WECHATY_PUPPET_SERVICE_TOKEN 和 WECHATY_PUPPET_SERVICE_ENDPOINT")
        return cls(token, endpoint, **kw)

    def _puppet_service(self) -> Puppet:
        return PuppetService(PuppetOptions(token=self.token, end_point=self.endpoint))

    async def run(self, sink: Sink) -> None:
        """Connect, deliver events to `sink`, reconnect with backoff, until `stop()`."""
        self._sink = sink
        await self.supervise()

    def _open(self) -> _Bot:
        reset_wechaty_state()
        self._topics.clear()  # a rename while we were away: ask the service again
        self._bot = _Bot(self, self._factory())
        return self._bot

    def _session_ended(self) -> None:
        self._bot = None

    async def _on_login(self, bot: _Bot, self_id: str) -> None:
        self.self_id = self_id
        with contextlib.suppress(Exception):
            self._rooms.update(await bot.puppet.room_list())
        log.info("logged in to WeChat as %s", self_id)
        self._on_ready()

    # --- incoming -----------------------------------------------------------------------

    async def _on_message(self, msg: Message) -> None:
        self._on_activity()
        try:
            incoming = await self._incoming(msg)
            if incoming is not None and self._sink is not None:
                await self._sink.on_message(incoming)
        except Exception:
            log.exception("could not take in message %s", msg.message_id)

    async def _incoming(self, msg: Message) -> IncomingMessage | None:
        """Our message type from a Wechaty message; None for the bot's own messages."""
        payload = msg.payload
        talker = msg.talker()
        if talker.contact_id == self.self_id:
            return None
        kind = _KINDS.get(msg.type(), "other")
        if kind == "text":
            text = (msg.text() or "").replace("\u2005", " ").strip()
        else:
            name = getattr(payload, "filename", "") or ""
            text = f"{_PLACEHOLDER.get(kind, '[其他消息]')} {name}".strip()
        room = msg.room()
        room_id = room_name = ""
        sender_name = talker.name
        if room is not None:
            room_id = room.room_id
            self._rooms.add(room_id)
            room_name = await self._topic(room)
            sender_name = await self._member_name(room, talker)
        return IncomingMessage(
            transport=self.name,
            message_id=msg.message_id,
            room_id=room_id,
            room_name=room_name,
            sender_id=talker.contact_id,
            sender_name=sender_name,
            text=text,
            timestamp=_aware(payload.timestamp),
            mention_ids=tuple(payload.mention_ids or ()),
            quote_id=getattr(payload, "quote_id", None) or None,  # not in the 0.10 protocol; newer puppets
            kind=kind,
        )

    async def _topic(self, room: Room) -> str:
        if room.room_id in self._topics:
            return self._topics[room.room_id]
        with contextlib.suppress(Exception):
            return await room.topic() or room.room_id
        return room.room_id

    async def _member_name(self, room: Room, contact: Contact) -> str:
        """The group nickname (room alias), falling back to the WeChat name."""
        try:
            alias = await room.alias(contact)
        except Exception:
            alias = None
        return alias or contact.name or contact.contact_id

    async def _on_room_event(self, kind: str, room: Room, contacts: list[Contact], date: datetime) -> None:
        self._on_activity()
        try:
            self._rooms.add(room.room_id)
            members = tuple(
                [(c.contact_id, await self._member_name(room, c)) for c in contacts if c.contact_id != self.self_id]
            )
            event = RoomEvent(kind, room.room_id, await self._topic(room), _aware(date), members)  # type: ignore[arg-type]
            if self._sink is not None:
                await self._sink.on_room_event(event)
        except Exception:
            log.exception("could not take in the %s event of room %s", kind, room.room_id)

    # --- outgoing -----------------------------------------------------------------------

    def _is_room(self, conversation_id: str) -> bool:
        return conversation_id in self._rooms or conversation_id.endswith("@chatroom")

    async def send(self, message: OutgoingMessage) -> str | None:
        """Text (with real mentions in rooms) to a room or, for a direct reply, to a contact; then a file.

        Raises TransportUnavailable when not connected, SendOutcomeUnknown when the connection
        broke while the service had the message (it may have gone out), other errors otherwise.
        """
        bot = self._bot
        puppet = bot._puppet if bot is not None and self.connected else None
        if puppet is None:
            raise TransportUnavailable("not connected to the Wechaty puppet service")
        conversation = message.room_id
        mentions = list(message.mention_ids) if self._is_room(conversation) and message.mention_ids else None
        box = None
        if message.file_path:  # read first: a missing file must fail before anything is sent
            path = Path(message.file_path)
            box = FileBox.from_base64(base64.b64encode(path.read_bytes()), name=path.name)
        sent: str | None = None
        try:
            if message.text:
                sent = await asyncio.wait_for(
                    puppet.message_send_text(conversation, message.text, mentions), self.send_timeout
                )
            if box is not None:
                sent = await asyncio.wait_for(puppet.message_send_file(conversation, box), self.send_timeout)
        except Exception as exc:
            if sent is None and isinstance(exc, GRPCError | ConnectionRefusedError):
                raise  # the service answered with an error, or was not reached: nothing went out
            raise SendOutcomeUnknown(f"{type(exc).__name__}: {exc}") from exc
        return sent or None
