"""The dispatcher: commands first, then free-text handlers, with permissions checked on ids."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from handlers.framework import (
    ROLE_PERMISSIONS,
    CommandSpec,
    Context,
    MessageSpec,
    Permission,
    Person,
    Router,
)
from handlers.policy import Policy
from storage.ledger import get_request

_LEADING_MENTIONS = re.compile(r"^(?:@[^\s\u2005]+[\s\u2005]+)+")
_REQUEST_NO = re.compile(r"^[#＃]?(\d{1,9})$")


class Dispatcher:
    """Holds the routers included in one place and routes each message to one handler."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.routers: list[Router] = []
        self._commands: dict[str, CommandSpec] = {}

    def include_routers(self, *routers: Router) -> None:
        """Include routers; a command name or alias may be registered only once."""
        for router in routers:
            self.routers.append(router)
            for spec in router.commands:
                for word in (spec.name, *spec.aliases):
                    if word in self._commands:
                        raise ValueError(f"command {word!r} registered twice")
                    self._commands[word] = spec

    @property
    def commands(self) -> list[CommandSpec]:
        """Every distinct command, in registration order."""
        seen: dict[str, CommandSpec] = {}
        for spec in self._commands.values():
            seen.setdefault(spec.name, spec)
        return list(seen.values())

    def message_handlers(self) -> list[MessageSpec]:
        """Free-text handlers in router order."""
        return [spec for router in self.routers for spec in router.messages]

    def permission_of(self, spec: CommandSpec) -> Permission:
        """The command's permission, or the override from config."""
        roles = self.policy.permissions.get(spec.name)
        if not roles:
            return spec.permission
        perm = ROLE_PERMISSIONS[roles[0]]
        for role in roles[1:]:
            perm = perm | ROLE_PERMISSIONS[role]
        return perm

    def commands_for(self, person: Person) -> list[CommandSpec]:
        """Commands this person may use (ignoring per-request checks)."""
        out = []
        for spec in self.commands:
            perm = self.permission_of(spec)
            if perm(person) or (spec.takes_request and _may_on_some_request(perm, person)):
                out.append(spec)
        return out

    def parse_command(self, text: str) -> tuple[str, str] | None:
        """(command word, arguments) when the text is a command, else None."""
        body = _LEADING_MENTIONS.sub("", text.strip())
        for prefix in self.policy.bot.command_prefixes:
            if body.startswith(prefix):
                rest = body[len(prefix) :].strip()
                if not rest:
                    return None
                word, _, args = rest.partition(" ")
                return word.lower() if word.isascii() else word, args.strip()
        return None

    def dispatch(self, ctx: Context) -> None:
        """Run the one handler this message calls for (or none)."""
        ctx.commands_for = self.commands_for
        parsed = self.parse_command(ctx.message.text)
        if parsed is not None:
            self._run_command(ctx, *parsed)
            self._address_sender(ctx)
            return
        if ctx.message.is_direct:
            ctx.reply("您好！私聊只接受命令，发送 /help 查看可用命令；诉求请直接发在产业群里。")
            return
        if not ctx.group_enabled or ctx.message.kind != "text" or not ctx.message.text.strip():
            return
        for spec in self.message_handlers():
            if spec.permission(ctx.sender) and spec.filter(ctx) and spec.handler(ctx) is not False:
                return

    @staticmethod
    def _address_sender(ctx: Context) -> None:
        """In a group, a command's plain replies are addressed to whoever typed it."""
        msg = ctx.message
        if msg.is_direct:
            return
        for i, out in enumerate(ctx.replies):
            if out.room_id == msg.room_id and not out.mention_ids:
                ctx.replies[i] = replace(out, text=f"@{msg.sender_name} {out.text}", mention_ids=(msg.sender_id,))

    def _run_command(self, ctx: Context, word: str, args: str) -> None:
        ctx.label = "command"
        spec = self._commands.get(word)
        if spec is None:
            ctx.reply(self._unknown(word, ctx.sender))
            return
        if not ctx.group_enabled and not ctx.message.is_direct:
            return
        ctx.command, ctx.args = spec.name, args
        perm = self.permission_of(spec)
        if spec.takes_request:
            first, _, rest = args.partition(" ")
            m = _REQUEST_NO.match(first)
            if m is None:
                ctx.reply(f"用法：{spec.usage}")
                return
            req = get_request(session=ctx.session, no=int(m.group(1)))
            if req is None:
                ctx.reply(f"没有找到诉求 #{m.group(1)}，请核对编号（发送 /my 查看您的诉求）。")
                return
            ctx.request, ctx.args = req, rest.strip()
            if not perm(ctx.sender, req):
                ctx.reply(f"抱歉，您没有权限对诉求 #{req.id} 使用 /{spec.name}。{_who_may(perm)}")
                return
        elif not perm(ctx.sender):
            ctx.reply(f"抱歉，/{spec.name} {_who_may(perm)}")
            return
        spec.handler(ctx)

    def _unknown(self, word: str, person: Person) -> str:
        words = [w for w, spec in self._commands.items() if spec in self.commands_for(person)]
        close = difflib.get_close_matches(word, words, n=1, cutoff=0.5)
        if close:
            return f"没有 /{word} 这个命令。您是不是要输入 /{self._commands[close[0]].name}？发送 /help 查看全部命令。"
        return f"没有 /{word} 这个命令，发送 /help 查看可用命令。"


def _who_may(perm: Permission) -> str:
    names = {
        "admin": "管理员",
        "official": "部门工作人员",
        "enterprise": "企业成员",
        "requester": "诉求提出人",
        "department": "责任部门",
        "everyone": "所有人",
    }
    who = "、".join(names.get(n, n) for n in perm.name.replace("&", "|").split("|"))
    return f"仅限{who}使用。"


def _may_on_some_request(perm: Permission, person: Person) -> bool:
    """Whether a request-level permission could pass for this person on some request."""
    from storage.models import Request

    probe = Request(group_id="", requester_id=person.wechat_id, text="", department=person.department)
    return perm(person, probe)
