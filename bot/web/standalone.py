"""The dashboard served beside a live transport (e.g. Wechaty): the ledger pages without the simulator."""

from __future__ import annotations

import asyncio
import secrets
from typing import TYPE_CHECKING

from aiohttp import web

from bot.config import Settings
from bot.web.auth import WebAuth
from bot.web.hub import ChatHub
from bot.web.server import WebContext, create_app

if TYPE_CHECKING:
    from bot.app import App


class DashboardServer:
    """Serves /ledger, /stats, /procurement and the exports on web.host:web.port until stopped."""

    def __init__(self, settings: Settings, app: App) -> None:
        self.settings = settings
        self.generated_token = not settings.web.token
        self.auth = WebAuth(settings.web.token or secrets.token_urlsafe(18), settings.web.viewer_token)
        self.context = WebContext(
            settings=settings,
            engine=app.engine,
            services=app.services,
            clock=app.clock,
            hub=ChatHub(),
            auth=self.auth,
            wake_outbox=app.outbox.wake,
        )
        self.port = settings.web.port
        self._stop = asyncio.Event()

    async def run(self) -> None:
        """Serve until `stop()`; prints where to log in."""
        runner = web.AppRunner(create_app(self.context, simulator=False), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.web.host, self.settings.web.port)
        await site.start()
        addresses = runner.addresses
        if addresses and isinstance(addresses[0], tuple):
            self.port = addresses[0][1]
        url = f"http://{self.settings.web.host}:{self.port}"
        if self.generated_token:
            url += f"/login?token={self.auth.admin_token}"
        print(f"问题台账网页：{url}", flush=True)
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()

    async def stop(self) -> None:
        """Stop serving."""
        self._stop.set()
