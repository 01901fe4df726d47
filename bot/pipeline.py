"""The pipeline: store the raw message (idempotent) → dispatch → one unit of work → outbox.

A stored message is never lost: one that was stored but not handled (the process died) is
handled at the next start. Nothing is handled twice: handling re-reads the row inside the
unit of work and marks it handled in the same commit as its effects.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from sqlalchemy.engine import Engine

from bot.config import Settings
from bot.dispatch import Dispatcher
from bot.transports.base import RoomEvent
from handlers.framework import Context
from handlers.messages import IncomingMessage
from handlers.services import Services
from storage.db import unit_of_work
from storage.groups import get_group, mark_left, upsert_group, upsert_member
from storage.messages import lock_for_handling, mark_handled, store_raw, unhandled
from storage.models import OutboxBase, RawMessage, RawMessageCreate
from storage.outbox import enqueue

log = logging.getLogger(__name__)


class Pipeline:
    """Receives messages from a transport and turns them into ledger changes and replies."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        services: Services,
        dispatcher: Dispatcher,
        *,
        trust_unknown_groups: bool = False,
        on_outbox: Callable[[], None] | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.services = services
        self.dispatcher = dispatcher
        self.trust_unknown_groups = trust_unknown_groups
        self.on_outbox = on_outbox

    # --- the Sink protocol -------------------------------------------------------------

    async def on_message(self, message: IncomingMessage) -> None:
        """Store, then handle, one incoming message."""
        raw_id, pending = self.store(message)
        if pending:
            self.handle(raw_id)

    async def on_room_event(self, event: RoomEvent) -> None:
        """Keep groups and members up to date; greet newcomers when configured."""
        with unit_of_work(self.engine) as session:
            upsert_group(session=session, room_id=event.room_id, name=event.room_name)
            for wxid, name in event.members:
                if event.kind == "leave":
                    mark_left(session=session, group_id=event.room_id, wechat_id=wxid, at=event.timestamp)
                elif event.kind == "join":
                    self._remember_member(session, event.room_id, wxid, name, at=event.timestamp)
            welcome = self.settings.bot.welcome_text
            if event.kind == "join" and welcome and event.members and self._enabled(event.room_id, session):
                names = " ".join(f"@{name}" for _, name in event.members)
                enqueue(
                    session=session,
                    data=OutboxBase(
                        room_id=event.room_id,
                        text=f"{names} {welcome}",
                        mention_ids=[w for w, _ in event.members],
                    ),
                    at=event.timestamp,
                    purpose="welcome",
                )
        self._kick()

    # --- steps ----------------------------------------------------------------------------

    def store(self, message: IncomingMessage) -> tuple[int, bool]:
        """Store the raw message once; return (row id, still to be handled)."""
        with unit_of_work(self.engine) as session:
            row, created = store_raw(
                session=session,
                data=RawMessageCreate(
                    transport=message.transport,
                    message_id=message.message_id,
                    room_id=message.room_id,
                    room_name=message.room_name,
                    sender_id=message.sender_id,
                    sender_name=message.sender_name,
                    text=message.text,
                    mention_ids=list(message.mention_ids),
                    quote_id=message.quote_id,
                    kind=message.kind,
                    ts=message.timestamp,
                ),
            )
            if created and message.room_id:
                self._remember_room(session, message)
            assert row.id is not None
            return row.id, row.handled_at is None

    def _remember_room(self, session, message: IncomingMessage) -> None:
        conf = self.settings.groups.get(message.room_id)
        if conf is not None:
            upsert_group(
                session=session, room_id=message.room_id, name=conf.name, cluster=conf.cluster, enabled=conf.enabled
            )
        elif get_group(session=session, room_id=message.room_id) is None:
            enabled = self.trust_unknown_groups or self.settings.bot.act_on_unknown_groups
            upsert_group(session=session, room_id=message.room_id, name=message.room_name, enabled=enabled)
        elif self.trust_unknown_groups:
            upsert_group(session=session, room_id=message.room_id, name=message.room_name, enabled=True)
        self._remember_member(session, message.room_id, message.sender_id, message.sender_name, text=message.text)

    def _remember_member(self, session, room_id: str, wxid: str, name: str, at=None, text: str = "") -> None:
        """Record a member with the role the directory gives them (config first, then the nickname, then what
        they said of themselves: 我是县科技局的刘洋)."""
        person = self.services.directory.person_in(session, room_id, wxid, name, text)
        upsert_member(
            session=session,
            group_id=room_id,
            wechat_id=wxid,
            display_name=name,
            organisation=person.organisation,
            department=person.department,
            at=at,
        )

    def _enabled(self, room_id: str, session) -> bool:
        conf = self.settings.groups.get(room_id)
        if conf is not None:
            return conf.enabled
        group = get_group(session=session, room_id=room_id)
        return bool(group and group.enabled)

    def handle(self, raw_id: int) -> None:
        """Handle one stored message in one unit of work; on error, record it and reply politely."""
        try:
            with unit_of_work(self.engine) as session:
                row = lock_for_handling(session=session, pk=raw_id)
                if row is None:
                    return
                ctx = self._context(session, row)
                self.dispatcher.dispatch(ctx)
                for out in ctx.replies:
                    enqueue(
                        session=session,
                        data=OutboxBase(
                            room_id=out.room_id,
                            text=out.text,
                            mention_ids=list(out.mention_ids),
                            reply_to=out.reply_to,
                            file_path=out.file_path,
                        ),
                        at=row.ts,
                        source_message_id=row.id,
                        purpose="reply",
                    )
                label = ctx.label or (ctx._analysis.label if ctx._analysis is not None else None)
                mark_handled(session=session, row=row, at=row.ts, label=label, request_id=ctx.request_id)
        except Exception as exc:
            log.exception("handling message %s failed", raw_id)
            self._record_failure(raw_id, exc)
        self._kick()

    def _record_failure(self, raw_id: int, exc: Exception) -> None:
        with unit_of_work(self.engine) as session:
            row = lock_for_handling(session=session, pk=raw_id)
            if row is None:
                return
            row.error = f"{type(exc).__name__}: {exc}"[:500]
            mark_handled(session=session, row=row, at=row.ts, label="error")
            if self.dispatcher.parse_command(row.text) is not None:
                enqueue(
                    session=session,
                    data=OutboxBase(
                        room_id=row.room_id or row.sender_id,
                        text="抱歉，这条命令处理时出错了，已记录，管理员会尽快查看。",
                    ),
                    at=row.ts,
                    source_message_id=row.id,
                    purpose="error",
                )

    def _context(self, session, row: RawMessage) -> Context:
        message = IncomingMessage(
            transport=row.transport,
            message_id=row.message_id,
            room_id=row.room_id,
            room_name=row.room_name,
            sender_id=row.sender_id,
            sender_name=row.sender_name,
            text=row.text,
            timestamp=row.ts,
            mention_ids=tuple(row.mention_ids or ()),
            quote_id=row.quote_id,
            kind=row.kind,  # type: ignore[arg-type]
        )
        # what the sender said of themselves (我是县科技局的刘洋) was read when the message was stored
        sender = self.services.directory.person_in(session, row.room_id, row.sender_id, row.sender_name)
        names = _mention_names(session, row, self.services.directory.parse)
        assert row.id is not None
        return Context(
            message=message,
            raw_id=row.id,
            session=session,
            sender=sender,
            now=row.ts,
            services=self.services,
            group_enabled=bool(row.room_id) and self._enabled(row.room_id, session),
            mention_names=names,
        )

    def recover(self) -> int:
        """Handle every message stored but not handled (after a crash); return how many."""
        count = 0
        while True:
            with unit_of_work(self.engine) as session:
                ids = [r.id for r in unhandled(session=session, limit=200)]
            if not ids:
                return count
            for raw_id in ids:
                assert raw_id is not None
                self.handle(raw_id)
                count += 1

    def _kick(self) -> None:
        if self.on_outbox is not None:
            self.on_outbox()


_AT_NAME = re.compile(r"@([^\s@\u2005]+)")


def _mention_names(session, row: RawMessage, parse: Callable[[str], tuple]) -> tuple[str, ...]:
    """The display names of the mentioned members, in the order of `row.mention_ids`. A member the group has not
    heard from yet is named as the text writes them (WeChat writes "@名字" for each mention, in order); an id the
    text does not name stays as it is. A member known to work for a department their nickname does not name (蒋建华,
    who said "我是区农技中心的蒋建华") is named with it (农业农村局-蒋建华), as the classifier reads nicknames."""
    from storage.groups import members_of

    if not row.mention_ids:
        return ()
    wanted = set(row.mention_ids)
    by_id = {
        m.wechat_id: f"{m.department}-{m.display_name}"
        if m.department and not parse(m.display_name)[2]
        else m.display_name
        for m in members_of(session=session, group_id=row.room_id)
        if m.wechat_id in wanted  # only the mentioned members' nicknames are parsed
    }
    written = _AT_NAME.findall(row.text or "")
    if len(written) != len(row.mention_ids):
        written = []
    return tuple(by_id.get(i) or (written[n] if written else i) for n, i in enumerate(row.mention_ids))
