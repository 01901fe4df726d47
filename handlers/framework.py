"""Routers, permissions and the typed Context that every handler receives.

One ``Router`` per handlers module; ``handlers.build_routers()`` returns them all and the
dispatcher in ``bot/`` includes them in one place. Permissions are small combinable checks
attached where a handler is registered; who holds which role is data in config.yaml.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from handlers.messages import IncomingMessage, OutgoingMessage
from nlp.normalize import to_simplified
from nlp.officials import NOTICE_LABELS
from nlp.threads import OpenRequest
from storage.ledger import ACTIVE, requests_involving

if TYPE_CHECKING:
    from sqlmodel import Session

    from nlp.types import Analysis
    from storage.models import Request

RoleName = Literal["admin", "official", "enterprise", "unknown"]


@dataclass(frozen=True, slots=True)
class Person:
    """Who sent a message, as far as we know (config first, then the nickname convention)."""

    wechat_id: str
    name: str
    is_admin: bool = False
    department: str | None = None  # set for officials of a department
    organisation: str | None = None  # company name, or the department for officials
    official_body: bool = False  # an official of a body that is no canonical department (集群办, 街道办)
    authority: bool = False  # that body has a remit of its own (交警大队, 发改委): its replies answer requests
    runs_group: bool = False  # the nickname says they run the group (小胡（群管）): they raise no requests

    @property
    def is_official(self) -> bool:
        return self.department is not None or self.official_body

    @property
    def role(self) -> RoleName:
        """The role used by the classifier."""
        if self.is_official:
            return "official"
        if self.organisation:
            return "enterprise"
        return "admin" if self.is_admin else "unknown"


# --- permissions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Permission:
    """A check on the sender (and, for commands on a request, on that request)."""

    name: str
    check: Callable[[Person, Request | None], bool]

    def __call__(self, person: Person, request: Request | None = None) -> bool:
        return self.check(person, request)

    def __or__(self, other: Permission) -> Permission:
        return Permission(f"{self.name}|{other.name}", lambda p, r: self(p, r) or other(p, r))

    def __and__(self, other: Permission) -> Permission:
        return Permission(f"{self.name}&{other.name}", lambda p, r: self(p, r) and other(p, r))


EVERYONE = Permission("everyone", lambda p, r: True)
ADMIN = Permission("admin", lambda p, r: p.is_admin)
OFFICIAL = Permission("official", lambda p, r: p.is_official)
ENTERPRISE = Permission("enterprise", lambda p, r: not p.is_official)
REQUESTER = Permission("requester", lambda p, r: r is not None and r.requester_id == p.wechat_id)
DEPARTMENT = Permission(
    "department", lambda p, r: r is not None and p.department is not None and r.department == p.department
)
ROLE_PERMISSIONS: dict[str, Permission] = {
    "everyone": EVERYONE,
    "admin": ADMIN,
    "official": OFFICIAL,
    "enterprise": ENTERPRISE,
    "requester": REQUESTER,
    "department": DEPARTMENT,
}


# --- the context ---------------------------------------------------------------------------


@dataclass
class Context:
    """Everything a handler may use for one message; one unit of work (``session``)."""

    message: IncomingMessage
    raw_id: int
    session: Session
    sender: Person
    now: datetime
    services: Any  # handlers.services.Services
    group_enabled: bool = True
    mention_names: tuple[str, ...] = ()
    args: str = ""  # for commands: the text after the command word
    command: str = ""
    request: Request | None = None  # for commands that take a request number
    replies: list[OutgoingMessage] = field(default_factory=list)
    label: str | None = None
    request_id: int | None = None  # the request this message was linked to
    commands_for: Callable[[Person], list[CommandSpec]] | None = None
    _analysis: Analysis | None = None

    @property
    def analysis(self) -> Analysis:
        """The NLP analysis of the message text, computed once."""
        if self._analysis is None:
            room, known = self.message.room_id, self.services.officials
            officials = known.for_room(self.session, room) if room else None  # who 王科长 is in this group
            if room:  # @王科长 who is no configured official: not the 王科长 config places in a department
                for wxid, name in zip(self.message.mention_ids, self.mention_names, strict=False):
                    known.someone_else(room, wxid, name)
            self._analysis = self.services.analyzer.analyze(
                self.message.text,
                now=self.message.timestamp.astimezone(self.services.policy.bot.tz),  # local: 明天, 下午3点
                role=self.sender.role,
                mentions=self.mention_names,
                officials=officials,
                open_request=None if not room or self.sender.is_official else self._open_request,  # if needed
                sender=self.message.sender_id,
            )
            if room:
                is_notice = self.sender.is_official and self._analysis.label in NOTICE_LABELS
                notice = self.message.timestamp if is_notice else None  # a question soon after it is about it
                cut = notice is not None and self._analysis.interruption
                known.seen(room, self.message.sender_name, self.sender.department, notice, interruption=cut)
                known.heard(
                    room, self._analysis.label, self.sender.is_official, self.message.sender_id, self.message.timestamp
                )
                for name in self.mention_names:
                    known.seen(room, name)
        return self._analysis

    def _open_request(self, department: str | None = None) -> OpenRequest | None:
        return latest_open_request(self.session, self.message.room_id, self.message.sender_id, department)

    def reply(self, text: str, *, mention_ids: Sequence[str] = (), room_id: str | None = None) -> None:
        """Queue a reply (to the message's room, or privately for a direct message)."""
        target = room_id or self.message.room_id or self.message.sender_id
        self.replies.append(OutgoingMessage(room_id=target, text=text, mention_ids=tuple(mention_ids)))


def latest_open_request(
    session: Session, room_id: str, sender_id: str, department: str | None = None
) -> OpenRequest | None:
    """The sender's latest active request in the room (a message soon after it may only follow it up): their latest to
    `department` when they have one (直通车啥时候发车 follows up the bus ask, though an ask of 人社局 came since)."""
    mine = [
        r
        for r in requests_involving(session=session, wechat_id=sender_id, statuses=ACTIVE)
        if r.group_id == room_id and r.requester_id == sender_id
    ]
    if not mine:
        return None
    if department is not None:
        mine = [r for r in mine if r.department == department] or mine
    latest = max(mine, key=lambda r: r.created_at)
    matter = frozenset(latest.topics.split())  # its topics hold its subject words
    return OpenRequest(latest.created_at, latest.department, matter, to_simplified(latest.text))


Handler = Callable[[Context], Any]
Filter = Callable[[Context], bool]


@dataclass(frozen=True)
class CommandSpec:
    """A chat command: English name, Chinese aliases, usage line and permissions."""

    name: str
    aliases: tuple[str, ...]
    usage: str
    summary: str
    handler: Handler
    permission: Permission = EVERYONE
    takes_request: bool = False
    on_request: Permission | None = None  # checked against the loaded request
    direct_ok: bool = True


@dataclass(frozen=True)
class MessageSpec:
    """A free-text handler, run when its filter matches; the first that does not return False wins."""

    name: str
    filter: Filter
    handler: Handler
    permission: Permission = EVERYONE


class Router:
    """A named set of command and message handlers (one per handlers module)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.commands: list[CommandSpec] = []
        self.messages: list[MessageSpec] = []

    def command(
        self,
        name: str,
        *aliases: str,
        usage: str,
        summary: str,
        permission: Permission = EVERYONE,
        takes_request: bool = False,
        on_request: Permission | None = None,
    ) -> Callable[[Handler], Handler]:
        """Register a command handler on this router."""

        def deco(fn: Handler) -> Handler:
            self.commands.append(CommandSpec(name, aliases, usage, summary, fn, permission, takes_request, on_request))
            return fn

        return deco

    def message(
        self, filter: Filter, *, name: str = "", permission: Permission = EVERYONE
    ) -> Callable[[Handler], Handler]:
        """Register a free-text handler on this router."""

        def deco(fn: Handler) -> Handler:
            self.messages.append(MessageSpec(name or fn.__name__, filter, fn, permission))
            return fn

        return deco
