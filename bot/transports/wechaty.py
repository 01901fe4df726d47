"""The Wechaty transport: real WeChat groups through a Wechaty puppet service (python-wechaty 0.10.7).

This is the only module that imports wechaty. It applies the compatibility shims python-wechaty
needs on Python 3.11 before importing it, turns Wechaty messages and room events into our own
types, sends through the puppet, and keeps the connection alive: each connection is a fresh
Wechaty instance; when it ends, the puppet service stops answering the watchdog's ding, or login
does not come, it is torn down and a new one is made after a backoff. Never python-wechaty's
own restart, which sleeps 60 s.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import os
import random
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.transports.base import RoomEvent, Sink, TransportUnavailable
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


_apply_shims()

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # noqa: E402
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

    async def start(self) -> None:
        """Connect and listen until the connection ends (returns or raises; no 60 s sleep)."""
        await self.init_puppet()
        await self.init_puppet_event_bridge(self.puppet)
        await self.puppet.start()

    async def on_scan(self, qr_code: str, status: object, data: str | None = None) -> None:
        self.transport._activity()
        log.warning("Wechaty 需要扫码登录（status=%s）：%s", status, qr_code)

    async def on_login(self, contact: Contact) -> None:
        await self.transport._on_login(self, contact.contact_id)

    async def on_logout(self, contact: Contact) -> None:
        log.warning("WeChat account %s logged out", contact.contact_id)
        self.transport._lost.set()

    async def on_message(self, msg: Message) -> None:
        await self.transport._on_message(msg)

    async def on_room_join(self, room: Room, invitees: list[Contact], inviter: Contact, date: datetime) -> None:
        await self.transport._on_room_event("join", room, invitees, date)

    async def on_room_leave(self, room: Room, leavers: list[Contact], remover: Contact, date: datetime) -> None:
        await self.transport._on_room_event("leave", room, leavers, date)

    async def on_room_topic(self, room: Room, new: str, old: str, changer: Contact, date: datetime) -> None:
        self.transport._topics[room.room_id] = new
        await self.transport._on_room_event("topic", room, [], date)


class WechatyTransport:
    """Talks to WeChat groups through a puppet service; reconnects on its own until stopped."""

    name = "wechaty"
    rate_limited = True  # a real account: the app puts the send governor in front

    def __init__(
        self,
        token: str,
        endpoint: str,
        *,
        puppet_factory: PuppetFactory | None = None,
        login_timeout: float = 60.0,
        ding_interval: float = 30.0,
        ding_timeout: float = 15.0,
        backoff: tuple[float, float] = (1.0, 60.0),
        send_timeout: float = 30.0,
        teardown_timeout: float = 3.0,
    ) -> None:
        self.token, self.endpoint = token, endpoint
        self._factory = puppet_factory or self._puppet_service
        self.login_timeout, self.ding_interval, self.ding_timeout = login_timeout, ding_interval, ding_timeout
        self.backoff, self.send_timeout, self.teardown_timeout = backoff, send_timeout, teardown_timeout
        self.self_id: str | None = None
        self.connects = 0  # successful logins, for tests and logs
        self._sink: Sink | None = None
        self._bot: _Bot | None = None
        self._ready = asyncio.Event()
        self._lost = asyncio.Event()
        self._stop = asyncio.Event()
        self._finished = asyncio.Event()
        self._dong = asyncio.Event()
        self._active = 0
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

    @property
    def connected(self) -> bool:
        """Logged in and able to send."""
        return self._ready.is_set()

    async def wait_connected(self, timeout: float | None = None) -> None:
        """Wait until logged in (for tests and start-up)."""
        await asyncio.wait_for(self._ready.wait(), timeout)

    # --- connection life ------------------------------------------------------------------

    async def run(self, sink: Sink) -> None:
        """Connect, deliver events to `sink`, reconnect with backoff, until `stop()`."""
        self._sink, self._finished = sink, asyncio.Event()
        failures = 0
        try:
            while not self._stop.is_set():
                logged_in = await self._connect_once()
                if self._stop.is_set():
                    break
                failures = 0 if logged_in else failures + 1
                first, most = self.backoff
                delay = min(most, first * 2 ** max(0, failures - 1)) * random.uniform(0.8, 1.2)
                log.warning("Wechaty connection ended; reconnecting in %.1f s", delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), delay)
        finally:
            self._finished.set()

    async def _connect_once(self) -> bool:
        """One connection, from start to its end; True if it logged in."""
        reset_wechaty_state()
        self._lost.clear()
        try:
            bot = _Bot(self, self._factory())
        except Exception:
            log.exception("cannot create the Wechaty puppet")
            return False
        self._bot = bot
        waits = [asyncio.create_task(c) for c in (bot.start(), self._stop.wait(), self._lost.wait())]
        watchdog = asyncio.create_task(self._watchdog(bot))
        try:
            done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            if waits[0] in done:
                exc = waits[0].exception()
                log.warning("Wechaty connection closed: %s", f"{type(exc).__name__}: {exc}" if exc else "stream ended")
        finally:
            logged_in = self._ready.is_set()
            self._ready.clear()
            self._bot = None
            for task in (*waits[1:], watchdog):
                task.cancel()
            await self._teardown(bot, waits[0])
        return logged_in

    async def _teardown(self, bot: _Bot, task: asyncio.Task[None]) -> None:
        """Stop the bot; keep cancelling its task until really done (a cancel can land in a retry)."""
        puppet = bot._puppet
        with contextlib.suppress(Exception):
            await asyncio.wait_for(bot.stop(), self.teardown_timeout)
        while not task.done():
            task.cancel()
            await asyncio.wait({task}, timeout=0.5)
        with contextlib.suppress(BaseException):
            task.result()
        channel = getattr(puppet, "channel", None)
        if channel is not None:
            with contextlib.suppress(Exception):
                channel.close()

    async def _watchdog(self, bot: _Bot) -> None:
        """Lose the connection when login does not come, or the service stops answering ding with dong."""
        while not self._ready.is_set():  # scan events (a QR code waiting) count as progress
            seen = self._active
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._ready.wait(), self.login_timeout)
            if not self._ready.is_set() and seen == self._active:
                log.warning("no login within %.0f s; reconnecting", self.login_timeout)
                self._lost.set()
                return
        while True:  # every puppet answers ding with a dong event: proof the event stream is alive
            await asyncio.sleep(self.ding_interval)
            self._dong.clear()
            try:
                await asyncio.wait_for(bot.puppet.ding("clusterbot"), self.ding_timeout)
                await asyncio.wait_for(self._dong.wait(), self.ding_timeout)
            except Exception as exc:
                log.warning("puppet service did not answer ding (%s); reconnecting", type(exc).__name__)
                self._lost.set()
                return

    def _on_dong(self, data: object = None) -> None:
        self._dong.set()
        self._activity()

    def _activity(self) -> None:
        self._active += 1

    async def _on_login(self, bot: _Bot, self_id: str) -> None:
        self.self_id = self_id
        with contextlib.suppress(Exception):
            self._rooms.update(await bot.puppet.room_list())
        self.connects += 1
        self._ready.set()
        log.info("logged in to WeChat as %s", self_id)

    async def stop(self) -> None:
        """Stop and disconnect (within a few seconds)."""
        self._stop.set()
        if self._sink is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._finished.wait(), self.teardown_timeout + 2)

    # --- incoming -----------------------------------------------------------------------

    async def _on_message(self, msg: Message) -> None:
        self._activity()
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
        self._activity()
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
        """Text (with real mentions in rooms) to a room or, for a direct reply, to a contact; then a file."""
        bot = self._bot
        puppet = bot._puppet if bot is not None and self._ready.is_set() else None
        if puppet is None:
            raise TransportUnavailable("not connected to the Wechaty puppet service")
        conversation = message.room_id
        mentions = list(message.mention_ids) if self._is_room(conversation) and message.mention_ids else None
        sent: str | None = None
        if message.text:
            sent = await asyncio.wait_for(
                puppet.message_send_text(conversation, message.text, mentions), self.send_timeout
            )
        if message.file_path:
            path = Path(message.file_path)
            box = FileBox.from_base64(base64.b64encode(path.read_bytes()), name=path.name)
            sent = await asyncio.wait_for(puppet.message_send_file(conversation, box), self.send_timeout)
        return sent or None
