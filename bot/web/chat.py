"""The group-chat simulator: one page per configured group (and private chats with the bot).

A person picks who they speak as; what they type goes through the pipeline like any other
transport's messages, and the bot's replies come back live over a websocket.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from aiohttp import WSMsgType, web
from sqlmodel import Session

from bot.web.auth import same_origin
from bot.web.hub import ChatLine, direct_key
from bot.web.server import WebContext, ctx_of, render, session_of
from handlers.messages import IncomingMessage
from storage.db import unit_of_work
from storage.groups import members_of
from storage.models import Outbox, RawMessage
from storage.views import bot_messages_to, direct_contacts, direct_messages, outbox_file, room_messages

MAX_TEXT = 2000


@dataclass(frozen=True)
class Speaker:
    """Someone the person at the browser may speak as."""

    id: str
    name: str
    kind: str


def web_id(name: str) -> str:
    """A stable id for a person typed in as "单位-姓名" (the same name is the same person)."""
    return "web-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def speakers(ctx: WebContext, session: Session, room_id: str | None) -> list[Speaker]:
    """Members from config (companies, departments, admins), then members seen in the group."""
    people = ctx.settings.people
    out: list[Speaker] = []
    for wxid, ent in people.enterprises.items():
        out.append(Speaker(wxid, f"{ent.company}-{ent.name}" if ent.name else ent.company, "企业"))
    for wxid, off in people.officials.items():
        out.append(Speaker(wxid, f"{off.department}-{off.name}" if off.name else off.department, "部门"))
    known = {s.id for s in out}
    out += [Speaker(wxid, "管理员", "管理员") for wxid in people.admins if wxid not in known]
    known = {s.id for s in out}
    if room_id:
        for m in sorted(members_of(session=session, group_id=room_id), key=lambda m: m.display_name):
            if m.wechat_id not in known and m.display_name:
                out.append(Speaker(m.wechat_id, m.display_name, "群成员"))
    return out


def _file_url(row: Outbox) -> str | None:
    return f"/chat/files/{row.id}" if row.file_path else None


def _line(row: RawMessage | Outbox, bot_name: str) -> ChatLine:
    if isinstance(row, RawMessage):
        return ChatLine(row.message_id, row.sender_id, row.sender_name, row.text, row.ts)
    name = Path(row.file_path).name if row.file_path else None
    return ChatLine(f"out-{row.id}", "bot", bot_name, row.text, row.created_at, True, name, _file_url(row))


def history(ctx: WebContext, session: Session, key: str) -> list[ChatLine]:
    """The latest messages of a conversation, people's and the bot's, in order."""
    if key.startswith("@"):
        raws, outs = (
            direct_messages(session=session, sender_id=key[1:]),
            bot_messages_to(session=session, room_id=key[1:]),
        )
    else:
        raws, outs = room_messages(session=session, room_id=key), bot_messages_to(session=session, room_id=key)
    rows = [(r.ts, 0, r.id or 0, r) for r in raws] + [(o.created_at, 1, o.id or 0, o) for o in outs]
    rows.sort(key=lambda t: t[:3])
    return [_line(r, ctx.settings.bot.name) for *_, r in rows]


def _sidebar(ctx: WebContext, session: Session) -> dict:
    groups = [(gid, g.name, g.cluster) for gid, g in ctx.settings.groups.items()]
    contacts = list(
        dict.fromkeys(
            [*ctx.settings.people.admins, *direct_contacts(session=session, group_ids=list(ctx.settings.groups))]
        )
    )
    names = {s.id: s.name for s in speakers(ctx, session, None)}
    return {"groups": groups, "contacts": [(c, names.get(c, c)) for c in contacts]}


async def chat_index(request: web.Request) -> web.StreamResponse:
    """GET /chat: the first configured group."""
    ctx = ctx_of(request)
    if not ctx.settings.groups:
        return render(request, "error.html", title="群聊模拟", text="配置文件中还没有群（groups），请先添加。")
    raise web.HTTPSeeOther("/chat/" + quote(next(iter(ctx.settings.groups)), safe=""))


async def _page(request: web.Request, key: str, title: str, subtitle: str) -> web.Response:
    ctx = ctx_of(request)
    room_id = None if key.startswith("@") else key
    with unit_of_work(ctx.engine) as session:
        lines = history(ctx, session, key)
        people = speakers(ctx, session, room_id)
        side = _sidebar(ctx, session)
    me = key[1:] if key.startswith("@") else None
    return render(
        request,
        "chat.html",
        title=title,
        subtitle=subtitle,
        active="chat",
        key=key,
        direct=me,
        lines=[line.payload(ctx.tz) for line in lines],
        speakers=people,
        kinds=["企业", "部门", "管理员", "群成员"],
        **side,
    )


async def group_page(request: web.Request) -> web.Response:
    """GET /chat/{room_id}: the simulator for one configured group."""
    ctx = ctx_of(request)
    room_id = request.match_info["room_id"]
    conf = ctx.settings.groups.get(room_id)
    if conf is None:
        raise web.HTTPNotFound()
    return await _page(request, room_id, conf.name, conf.cluster)


async def direct_page(request: web.Request) -> web.Response:
    """GET /chat/direct/{wxid}: a private chat between one person and the bot."""
    ctx = ctx_of(request)
    wxid = request.match_info["wxid"]
    with unit_of_work(ctx.engine) as session:
        names = {s.id: s.name for s in speakers(ctx, session, None)}
    return await _page(request, direct_key(wxid), f"与{ctx.settings.bot.name}私聊", names.get(wxid, wxid))


def _speaker(ctx: WebContext, session: Session, room_id: str | None, data: dict) -> tuple[str, str] | None:
    """Who speaks: a known member by id, or a new "单位-姓名" (its id derived from the name)."""
    known = {s.id: s.name for s in speakers(ctx, session, room_id)}
    sender_id = str(data.get("sender_id") or "")
    if sender_id in known:
        return sender_id, known[sender_id]
    name = " ".join(str(data.get("sender_name") or "").split())[:40]
    if not name:
        return None
    return web_id(name), name


async def say(ctx: WebContext, key: str, data: dict) -> str | None:
    """Deliver one message typed in the browser; returns a problem to show, or None."""
    text = str(data.get("text") or "").strip()[:MAX_TEXT]
    if not text:
        return None
    room_id = "" if key.startswith("@") else key
    with unit_of_work(ctx.engine) as session:
        people = speakers(ctx, session, room_id or None)
        who = (key[1:], {s.id: s.name for s in people}.get(key[1:], key[1:])) if not room_id else None
        who = who or _speaker(ctx, session, room_id, data)
    if who is None:
        return "请先选择发言身份，或填写「单位-姓名」。"
    mentions = tuple(s.id for s in people if f"@{s.name}" in text and s.id != who[0])
    conf = ctx.settings.groups.get(room_id)
    message = IncomingMessage(
        transport="web",
        message_id="web-" + uuid.uuid4().hex,
        room_id=room_id,
        room_name=conf.name if conf else "",
        sender_id=who[0],
        sender_name=who[1],
        text=text,
        timestamp=ctx.clock.now(),
        mention_ids=mentions,
    )
    await ctx.hub.publish(key, ChatLine(message.message_id, who[0], who[1], text, message.timestamp).payload(ctx.tz))
    if ctx.sink is not None:
        await ctx.sink.on_message(message)
    return None


def _valid_key(ctx: WebContext, key: str) -> bool:
    return key in ctx.settings.groups or (key.startswith("@") and 1 < len(key) <= 129)


async def chat_socket(request: web.Request) -> web.StreamResponse:
    """GET /chat/ws?key=…&csrf=…: live messages of one conversation; admins may also speak."""
    ctx = ctx_of(request)
    session = session_of(request)
    key = request.query.get("key", "")
    if request.headers.get("Origin") is None or not same_origin(request):
        return web.Response(status=403, text="来源不明的连接。")
    if request.query.get("csrf") != session.csrf:
        return web.Response(status=403, text="页面已过期，请刷新。")
    if not _valid_key(ctx, key):
        raise web.HTTPNotFound()
    ws = web.WebSocketResponse(heartbeat=30, max_msg_size=64 * 1024)
    await ws.prepare(request)
    ctx.hub.join(key, ws)
    try:
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            with contextlib.suppress(ValueError):
                data = json.loads(msg.data)
                if not isinstance(data, dict) or data.get("type") != "say":
                    continue
                if ctx.auth.get(session.sid) is None or not session.is_admin:
                    await ws.send_json({"type": "error", "text": "只读账号不能在群里发言。"})
                    continue
                problem = await say(ctx, key, data)
                if problem:
                    await ws.send_json({"type": "error", "text": problem})
    finally:
        ctx.hub.leave(key, ws)
    return ws


async def chat_file(request: web.Request) -> web.StreamResponse:
    """GET /chat/files/{id}: a file the bot sent (only files from the outbox are served)."""
    ctx = ctx_of(request)
    raw = request.match_info["id"]
    if not raw.isdigit() or len(raw) > 12:
        raise web.HTTPNotFound()
    with unit_of_work(ctx.engine) as session:
        row = outbox_file(session=session, pk=int(raw))
    path = Path(row.file_path) if row and row.file_path else None
    if path is None or not path.is_file():
        raise web.HTTPNotFound()
    disposition = f"attachment; filename=\"file{path.suffix}\"; filename*=UTF-8''{quote(path.name)}"
    return web.FileResponse(path, headers={"Content-Disposition": disposition})


def setup(app: web.Application) -> None:
    app.router.add_get("/chat", chat_index, name="chat")
    app.router.add_get("/chat/ws", chat_socket, name="chat_ws")
    app.router.add_get(r"/chat/files/{id}", chat_file, name="chat_file")
    app.router.add_get("/chat/direct/{wxid}", direct_page, name="chat_direct")
    app.router.add_get("/chat/{room_id}", group_page, name="chat_group")
