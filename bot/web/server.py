"""The aiohttp application behind the web transport: chat simulator, dashboard, exports.

Everything is served from this package (templates and static assets); nothing is fetched
from the internet, so the pages work offline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from sqlalchemy.engine import Engine

from bot.clock import Clock
from bot.config import Settings
from bot.transports.base import Sink
from bot.web.auth import SESSION, WebAuth, WebSession, auth_middleware
from bot.web.hub import ChatHub
from handlers.render import STATUS_ZH
from handlers.services import Services

HERE = Path(__file__).parent
STATUS_CLASS = {"open": "open", "answered": "answered", "resolved": "resolved", "cancelled": "cancelled"}


@dataclass
class WebContext:
    """What the pages need: the ledger, the services, the clock, the chat hub, the tokens."""

    settings: Settings
    engine: Engine
    services: Services
    clock: Clock
    hub: ChatHub
    auth: WebAuth
    sink: Sink | None = None
    wake_outbox: Callable[[], None] = field(default=lambda: None)

    @property
    def tz(self):
        return self.settings.bot.tz

    def departments(self) -> list[str]:
        """The canonical departments, in config order."""
        return [d.name for d in self.settings.departments]

    def group_names(self) -> dict[str, str]:
        """Configured group ids → display names."""
        return {gid: g.name for gid, g in self.settings.groups.items()}


CTX = web.AppKey("clusterbot", WebContext)
JINJA = web.AppKey("jinja", jinja2.Environment)


def ctx_of(request: web.Request) -> WebContext:
    return request.app[CTX]


def session_of(request: web.Request) -> WebSession:
    """The logged-in session (the middleware guarantees one on protected routes)."""
    session = request.get(SESSION)
    assert session is not None
    return session


def avatar_hue(name: str) -> int:
    """One of eight avatar colours, from the name (chat.js computes the same)."""
    return sum(ord(c) for c in name) % 8


def _environment(ctx: WebContext) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    tz = ctx.tz

    def local(ts: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return ts.astimezone(tz).strftime(fmt) if ts else "—"

    env.filters["local"] = local
    env.filters["hue"] = avatar_hue
    env.filters["status_zh"] = lambda s: STATUS_ZH.get(s, s)
    env.globals["status_class"] = STATUS_CLASS
    env.globals["bot_name"] = ctx.settings.bot.name
    return env


def render(request: web.Request, template: str, *, status: int = 200, **context: Any) -> web.Response:
    """Render a page with the session, its CSRF token and the navigation."""
    env = request.app[JINJA]
    session: WebSession | None = request.get(SESSION)
    context.setdefault("active", "")
    html = env.get_template(template).render(
        session=session,
        is_admin=bool(session and session.is_admin),
        csrf=session.csrf if session else "",
        path=request.path,
        **context,
    )
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def _secure(headers, host: str) -> None:
    headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        f"connect-src 'self' ws://{host}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    )
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")


@web.middleware
async def security_headers(request: web.Request, handler) -> web.StreamResponse:
    """No framing, no sniffing, no referrer, scripts and styles only from this site; error pages."""
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400 or "text/html" not in request.headers.get("Accept", ""):
            _secure(exc.headers, request.host)
            raise
        text = {404: "页面不存在。", 405: "不支持这种请求方式。"}.get(exc.status, exc.reason)
        response = render(request, "error.html", status=exc.status, title="出错了", text=text)
    _secure(response.headers, request.host)
    return response


def create_app(ctx: WebContext, *, simulator: bool = True) -> web.Application:
    """The aiohttp application with every route (the chat simulator only when `simulator`)."""
    from bot.web import chat, dashboard, login, pages

    app = web.Application(middlewares=[security_headers, auth_middleware(ctx.auth)], client_max_size=256 * 1024)
    app[CTX] = ctx
    app[JINJA] = _environment(ctx)
    app[JINJA].globals["simulator"] = simulator
    login.setup(app)
    dashboard.setup(app)
    pages.setup(app)
    if simulator:
        chat.setup(app)
    app.router.add_static("/static/", HERE / "static", name="static", append_version=True)

    async def close_sockets(_app: web.Application) -> None:
        await ctx.hub.close_all()

    app.on_shutdown.append(close_sockets)
    return app
