"""An in-process Wechaty puppet for fast tests: no node, no gRPC.

The transport takes it through its ``puppet_factory``; python-wechaty uses any
``wechaty_puppet.Puppet`` instance as is. It plays a small WeChat world (contacts, rooms, group
nicknames), records what the bot sends, and can misbehave: drop the connection, refuse new ones,
or go silent (stop answering ding).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field

from pyee import AsyncIOEventEmitter
from wechaty_puppet import (
    ContactPayload,
    EventDongPayload,
    EventLoginPayload,
    EventMessagePayload,
    EventReadyPayload,
    EventRoomJoinPayload,
    EventRoomLeavePayload,
    EventRoomTopicPayload,
    FileBox,
    MessagePayload,
    MessageType,
    Puppet,
    PuppetOptions,
    RoomMemberPayload,
    RoomPayload,
)

__all__ = ["InProcPuppet", "MessageType", "Sent"]

import bot.transports.wechaty  # noqa: F401  (the compatibility shims come first)


@dataclass
class Sent:
    """One message the bot sent."""

    conversation: str
    text: str = ""
    mentions: list[str] = field(default_factory=list)
    file_name: str | None = None
    at: float = 0.0  # time.monotonic()


class InProcPuppet(Puppet):
    """A fake WeChat world behind the puppet API that python-wechaty calls."""

    def __init__(self, self_id: str = "bot_user", self_name: str = "园区助手") -> None:
        super().__init__(PuppetOptions(), name="inproc")
        self.emitter = AsyncIOEventEmitter()
        self._self_id = self_id
        self.contacts: dict[str, ContactPayload] = {self_id: ContactPayload(id=self_id, name=self_name)}
        self.rooms: dict[str, RoomPayload] = {}
        self.aliases: dict[tuple[str, str], str] = {}
        self.messages: dict[str, MessagePayload] = {}
        self.sent: list[Sent] = []
        self.starts = 0
        self.refuse = 0  # refuse this many connection attempts (the service is down)
        self.silent = False  # stop answering ding (a connection that is open but dead)
        self.hold_login = 0  # connect this many times without ever logging in
        self.fail_sends = 0
        self._ids = itertools.count(1)
        self._session: asyncio.Future[None] | None = None

    # --- the test's side ------------------------------------------------------------------

    def add_contact(self, cid: str, name: str) -> None:
        self.contacts[cid] = ContactPayload(id=cid, name=name, friend=True)

    def add_room(self, rid: str, topic: str, members: list[str]) -> None:
        self.rooms[rid] = RoomPayload(id=rid, topic=topic, member_ids=[self._self_id, *members])

    def set_alias(self, rid: str, cid: str, alias: str) -> None:
        """A group nickname ("单位-姓名")."""
        self.aliases[(rid, cid)] = alias

    def say(
        self,
        talker: str,
        text: str = "",
        *,
        room: str = "",
        mentions: list[str] | None = None,
        kind: MessageType = MessageType.MESSAGE_TYPE_TEXT,
        filename: str = "",
    ) -> str:
        """A member says something (in a room, or privately to the bot); returns the message id."""
        p = MessagePayload(
            id=f"m{next(self._ids)}",
            type=kind,
            timestamp=int(time.time() * 1000),
            from_id=talker,
            room_id=room,
            to_id="" if room else self._self_id,
            text=text,
            mention_ids=list(mentions or []),
            filename=filename,
        )
        self.messages[p.id] = p
        self.redeliver(p.id)
        return p.id

    def redeliver(self, message_id: str) -> None:
        """The service delivers a message (again)."""
        self.emitter.emit("message", EventMessagePayload(message_id=message_id))

    def join(self, rid: str, contacts: list[str], inviter: str) -> None:
        self.rooms[rid].member_ids.extend(contacts)
        ts = int(time.time())
        self.emitter.emit(
            "room-join", EventRoomJoinPayload(invited_ids=contacts, inviter_id=inviter, room_id=rid, timestamp=ts)
        )

    def leave(self, rid: str, contacts: list[str], remover: str) -> None:
        self.rooms[rid].member_ids = [m for m in self.rooms[rid].member_ids if m not in contacts]
        ts = int(time.time())
        self.emitter.emit(
            "room-leave", EventRoomLeavePayload(removed_ids=contacts, remover_id=remover, room_id=rid, timestamp=ts)
        )

    def rename(self, rid: str, topic: str, changer: str) -> None:
        old, self.rooms[rid].topic = self.rooms[rid].topic, topic
        self.emitter.emit(
            "room-topic",
            EventRoomTopicPayload(changer_id=changer, new_topic=topic, old_topic=old, room_id=rid, timestamp=0),
        )

    def drop(self) -> None:
        """The puppet service goes away: the open connection ends with an error."""
        if self._session is not None and not self._session.done():
            self._session.set_exception(ConnectionResetError("puppet service went away"))

    # --- the puppet API python-wechaty uses -------------------------------------------------

    def on(self, event_name: str, caller) -> None:  # type: ignore[no-untyped-def]
        self.emitter.on(event_name, caller)

    def listener_count(self, event_name: str) -> int:
        return len(self.emitter.listeners(event_name))

    async def start(self) -> None:
        self.starts += 1
        if self.refuse > 0:
            self.refuse -= 1
            raise ConnectionRefusedError("puppet service unavailable")
        self._session = asyncio.get_running_loop().create_future()
        if self.hold_login > 0:
            self.hold_login -= 1
        else:
            self.emitter.emit("login", EventLoginPayload(contact_id=self._self_id))
            self.emitter.emit("ready", EventReadyPayload(data="ready"))
        await self._session

    async def stop(self) -> None:
        self.emitter.remove_all_listeners()
        if self._session is not None and not self._session.done():
            self._session.set_result(None)

    async def ding(self, data: str | None = "") -> None:
        if not self.silent:
            self.emitter.emit("dong", EventDongPayload(data=data))

    def self_id(self) -> str:
        return self._self_id

    async def contact_payload(self, contact_id: str) -> ContactPayload:
        return self.contacts[contact_id]

    async def contact_list(self) -> list[str]:
        return list(self.contacts)

    async def room_payload(self, room_id: str) -> RoomPayload:
        return self.rooms[room_id]

    async def room_list(self) -> list[str]:
        return list(self.rooms)

    async def room_members(self, room_id: str) -> list[str]:
        return list(self.rooms[room_id].member_ids)

    async def room_member_payload(self, room_id: str, contact_id: str) -> RoomMemberPayload:
        c = self.contacts[contact_id]
        return RoomMemberPayload(id=c.id, name=c.name, room_alias=self.aliases.get((room_id, contact_id), ""))

    async def message_payload(self, message_id: str) -> MessagePayload:
        return self.messages[message_id]

    async def message_send_text(self, conversation_id: str, message: str, mention_ids: list[str] | None = None) -> str:
        if self.fail_sends > 0:
            self.fail_sends -= 1
            raise ConnectionError("send failed")
        self.sent.append(Sent(conversation_id, message, list(mention_ids or []), at=time.monotonic()))
        return f"out{next(self._ids)}"

    async def message_send_file(self, conversation_id: str, file: FileBox) -> str:
        self.sent.append(Sent(conversation_id, file_name=file.name, at=time.monotonic()))
        return f"out{next(self._ids)}"
