"""The chat simulator's hub: who is watching which conversation, and the message format they get."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web

log = logging.getLogger(__name__)


def direct_key(wechat_id: str) -> str:
    """The conversation key of a private chat between a person and the bot."""
    return "@" + wechat_id


@dataclass(frozen=True)
class ChatLine:
    """One bubble in the simulator: somebody's message or the bot's."""

    id: str
    sender_id: str
    sender_name: str
    text: str
    at: datetime
    bot: bool = False
    file_name: str | None = None
    file_url: str | None = None

    def payload(self, tz: ZoneInfo) -> dict[str, Any]:
        """The JSON the browser receives."""
        local = self.at.astimezone(tz)
        return {
            "type": "message",
            "id": self.id,
            "sender_id": self.sender_id,
            "sender_name": self.sender_name,
            "text": self.text,
            "time": f"{local:%H:%M}",
            "date": f"{local:%Y-%m-%d}",
            "ts": int(self.at.timestamp() * 1000),
            "bot": self.bot,
            "file_name": self.file_name,
            "file_url": self.file_url,
        }


class ChatHub:
    """Open websockets by conversation key (a room id, or "@wxid" for a private chat)."""

    def __init__(self) -> None:
        self._sockets: dict[str, set[web.WebSocketResponse]] = {}

    def join(self, key: str, ws: web.WebSocketResponse) -> None:
        self._sockets.setdefault(key, set()).add(ws)

    def leave(self, key: str, ws: web.WebSocketResponse) -> None:
        self._sockets.get(key, set()).discard(ws)

    def watchers(self, key: str) -> int:
        """How many browsers watch this conversation."""
        return len(self._sockets.get(key, ()))

    async def publish(self, key: str, data: dict[str, Any]) -> None:
        """Send to every browser watching `key`; a closed socket is dropped."""
        for ws in list(self._sockets.get(key, ())):
            try:
                await ws.send_json(data)
            except (ConnectionError, RuntimeError) as exc:
                log.debug("dropping a closed chat socket: %s", exc)
                self.leave(key, ws)

    async def close_all(self) -> None:
        """Close every socket (shutdown)."""
        for sockets in self._sockets.values():
            for ws in list(sockets):
                with contextlib.suppress(Exception):
                    await ws.close()
        self._sockets.clear()
