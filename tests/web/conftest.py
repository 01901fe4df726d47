"""Fixtures for the web tests: the app on the web transport, a logged-in test client, seed data."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from aiohttp.test_utils import TestClient

from bot.app import App
from bot.clock import VirtualClock
from bot.config import Settings
from bot.transports.web import WebTransport
from handlers.messages import IncomingMessage

ADMIN, VIEWER = "admin-secret-token", "viewer-secret-token"
LAMP = "厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下"
LIVE = "我们公司缺少直播带货的经验，能不能请商务局组织一次电商直播培训？"


@dataclass
class WebBot:
    """The bot on the web transport with a virtual clock."""

    app: App
    transport: WebTransport
    clock: VirtualClock

    _ids = itertools.count(1)

    async def feed(
        self, text: str, *, sender: str = "wxid_ck_li", name: str = "川康药业-李总", room: str = "room-pharma"
    ) -> None:
        """A group message through the pipeline (as if typed in the simulator), then the outbox."""
        self.clock.advance(60)
        conf = self.app.settings.groups.get(room)
        await self.app.pipeline.on_message(
            IncomingMessage(
                transport="web",
                message_id=f"seed-{next(self._ids)}",
                room_id=room,
                room_name=conf.name if conf else "",
                sender_id=sender,
                sender_name=name,
                text=text,
                timestamp=self.clock.now(),
            )
        )
        await self.app.outbox.flush()


@pytest.fixture
def web_settings(settings: Settings) -> Settings:
    settings.web.token = ADMIN
    settings.web.viewer_token = VIEWER
    return settings


@pytest.fixture
def webbot(web_settings: Settings, engine, analyzer, start: datetime) -> WebBot:
    clock = VirtualClock(start)
    transport = WebTransport(web_settings, announce=lambda text: None)
    app = App.build(web_settings, transport, clock=clock, engine=engine, analyzer=analyzer)
    transport.bind(app)
    transport.auth.failure_delay = 0
    return WebBot(app, transport, clock)


@pytest.fixture
async def anon(aiohttp_client, webbot: WebBot) -> TestClient:
    """A client that has not logged in."""
    return await aiohttp_client(webbot.transport.web_app(webbot.app.pipeline))


async def _login(client: TestClient, token: str) -> TestClient:
    resp = await client.get(f"/login?token={token}", allow_redirects=False)
    assert resp.status == 303
    return client


@pytest.fixture
async def admin(aiohttp_client, webbot: WebBot) -> TestClient:
    """A client logged in with the admin token."""
    return await _login(await aiohttp_client(webbot.transport.web_app(webbot.app.pipeline)), ADMIN)


@pytest.fixture
async def viewer(aiohttp_client, webbot: WebBot) -> TestClient:
    """A client logged in with the read-only token."""
    return await _login(await aiohttp_client(webbot.transport.web_app(webbot.app.pipeline)), VIEWER)


HTML = {"Accept": "text/html"}


async def csrf_of(client: TestClient, path: str = "/ledger") -> str:
    """The CSRF token of the client's session, read from a page."""
    html = await (await client.get(path, headers=HTML)).text()
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def later(clock: VirtualClock, **kw: float) -> None:
    clock.set(clock.now() + timedelta(**kw))
