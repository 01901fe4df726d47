"""The dashboard beside a live transport: ledger pages served, the chat simulator absent."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
from sqlalchemy.engine import Engine

from bot.app import App
from bot.clock import VirtualClock
from bot.config import Settings
from bot.transports.memory import MemoryTransport
from bot.web.standalone import DashboardServer


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_dashboard_runs_beside_the_transport_without_the_simulator(
    settings: Settings, engine: Engine, analyzer, start
) -> None:
    settings.web.port = _free_port()
    settings.web.token = "s3cret-token"
    transport = MemoryTransport()
    app = App.build(settings, transport, clock=VirtualClock(start), engine=engine, analyzer=analyzer)
    server = DashboardServer(settings, app)
    app.companions.append(server)
    running = asyncio.create_task(app.run())
    base = f"http://127.0.0.1:{settings.web.port}"
    try:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            for _ in range(100):
                try:
                    async with http.get(f"{base}/login") as resp:
                        if resp.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.02)
            async with http.get(f"{base}/ledger", allow_redirects=False) as resp:
                assert resp.status in (302, 303, 401)
            async with http.get(f"{base}/login?token=s3cret-token") as resp:
                assert resp.status == 200
            async with http.get(f"{base}/ledger") as resp:
                assert resp.status == 200
                page = await resp.text()
                assert "问题台账" in page and "群聊模拟" not in page
            async with http.get(f"{base}/chat") as resp:
                assert resp.status == 404
    finally:
        await app.stop()
        await asyncio.wait_for(running, 10)
    assert running.done()
