"""The web transport: a local group-chat simulator in the browser, plus the ledger dashboard.

The embedded default when no puppet service is configured. People type in the browser as any
group member; the messages go to the pipeline like every other transport's, and the bot's
replies come back through ``send()`` and appear live. The same server shows the dashboard.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from aiohttp import web

from bot.config import Settings
from bot.transports.base import Sink
from bot.web.auth import WebAuth
from bot.web.hub import ChatHub, ChatLine, direct_key
from bot.web.server import WebContext, create_app
from handlers.messages import OutgoingMessage
from storage.db import unit_of_work
from storage.views import outbox_id_for_file

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)


def _print(text: str) -> None:
    print(text, flush=True)


class WebTransport:
    """Serves the simulator and the dashboard on host:port (127.0.0.1:8080 by default)."""

    name = "web"

    def __init__(
        self,
        settings: Settings,
        *,
        host: str | None = None,
        port: int | None = None,
        announce: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.host = host or settings.web.host
        self.port = settings.web.port if port is None else port
        self.generated_token = not settings.web.token
        token = settings.web.token or secrets.token_urlsafe(18)
        self.auth = WebAuth(token, settings.web.viewer_token)
        self.hub = ChatHub()
        self.announce = announce or _print
        self.context: WebContext | None = None
        self.started = asyncio.Event()
        self._stop = asyncio.Event()
        self._runner: web.AppRunner | None = None

    def bind(self, app: App) -> None:
        """Give the pages the ledger, the services and the clock of the assembled app."""
        self.context = WebContext(
            settings=self.settings,
            engine=app.engine,
            services=app.services,
            clock=app.clock,
            hub=self.hub,
            auth=self.auth,
            wake_outbox=app.outbox.wake,
        )

    def web_app(self, sink: Sink) -> web.Application:
        """The aiohttp application, delivering typed messages to `sink`."""
        if self.context is None:
            raise RuntimeError("WebTransport.bind(app) must be called before it runs")
        self.context.sink = sink
        return create_app(self.context)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def login_url(self) -> str:
        """The address to open, with the admin token when it was generated at start."""
        return f"{self.url}/login?token={self.auth.admin_token}" if self.generated_token else self.url

    async def run(self, sink: Sink) -> None:
        """Serve until stopped."""
        self._runner = web.AppRunner(self.web_app(sink), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        addresses = self._runner.addresses
        if addresses and isinstance(addresses[0], tuple):
            self.port = addresses[0][1]
        self.announce(self._banner())
        self.started.set()
        try:
            await self._stop.wait()
        finally:
            await self._runner.cleanup()
            self._runner = None

    def _banner(self) -> str:
        lines = [f"{self.settings.bot.name} 已启动：在浏览器打开 {self.login_url()}"]
        if self.generated_token:
            lines.append(f"未配置网页口令，本次启动生成的管理员口令：{self.auth.admin_token}")
            lines.append("（固定口令请设置环境变量 CLUSTERBOT_WEB_TOKEN 或 config.yaml 的 web.token）")
        lines.append("群聊模拟：/chat    问题台账：/ledger    统计：/stats    采购清单：/procurement")
        return "\n".join(lines)

    async def send(self, message: OutgoingMessage) -> str:
        """Show the bot's message to everyone watching that group (or private chat)."""
        key = message.room_id if message.room_id in self.settings.groups else direct_key(message.room_id)
        ctx = self.context
        assert ctx is not None
        file_url = file_name = None
        if message.file_path:
            with unit_of_work(ctx.engine) as session:
                pk = outbox_id_for_file(session=session, room_id=message.room_id, file_path=message.file_path)
            file_url = f"/chat/files/{pk}" if pk is not None else None
            file_name = message.file_path.replace("\\", "/").rsplit("/", 1)[-1]
        tid = "web-out-" + uuid.uuid4().hex
        line = ChatLine(tid, "bot", self.settings.bot.name, message.text, ctx.clock.now(), True, file_name, file_url)
        await self.hub.publish(key, line.payload(ctx.tz))
        return tid

    async def stop(self) -> None:
        self._stop.set()
