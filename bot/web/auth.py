"""Who may use the web pages: a login with a token, sessions, roles, CSRF and same-origin checks.

Two roles: ``admin`` (web.token / CLUSTERBOT_WEB_TOKEN) may change requests and speak in the
chat simulator; ``viewer`` (web.viewer_token) only reads. Sessions live in memory behind an
HttpOnly, SameSite=Lax cookie; every state-changing request carries the session's CSRF token
and, when the browser says where it comes from, must come from this site.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode

from aiohttp import web

Role = Literal["admin", "viewer"]
SESSION_COOKIE = "clusterbot_session"
LOGIN_COOKIE = "clusterbot_login"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
SESSION: Any = web.RequestKey("session", object) if hasattr(web, "RequestKey") else "session"
"""Where the middleware puts the request's WebSession (or None)."""


@dataclass
class WebSession:
    """A logged-in browser."""

    sid: str
    role: Role
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    started: float = field(default_factory=time.monotonic)
    flash: tuple[bool, str] | None = None
    """A one-time notice shown on the next page (e.g. "诉求 #3 已办结。")."""

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class WebAuth:
    """Tokens and sessions (in memory: a restart logs everyone out)."""

    def __init__(self, admin_token: str, viewer_token: str | None = None, *, ttl_hours: float = 12) -> None:
        if not admin_token:
            raise ValueError("an admin token is required")
        self.admin_token = admin_token
        self.viewer_token = viewer_token or None
        self.ttl = ttl_hours * 3600
        self.failure_delay = 0.4
        self._sessions: dict[str, WebSession] = {}

    def role_for(self, token: str | None) -> Role | None:
        """The role a token grants (constant-time comparison), or None."""
        if not token:
            return None
        given = token.strip().encode()
        if hmac.compare_digest(given, self.admin_token.encode()):
            return "admin"
        if self.viewer_token and hmac.compare_digest(given, self.viewer_token.encode()):
            return "viewer"
        return None

    def open(self, role: Role) -> WebSession:
        """Start a session."""
        self._prune()
        session = WebSession(secrets.token_urlsafe(32), role)
        self._sessions[session.sid] = session
        return session

    def get(self, sid: str | None) -> WebSession | None:
        """The live session with this id."""
        if not sid:
            return None
        session = self._sessions.get(sid)
        if session is None or time.monotonic() - session.started > self.ttl:
            self._sessions.pop(sid, None)
            return None
        return session

    def close(self, sid: str | None) -> None:
        """End a session (logout)."""
        if sid:
            self._sessions.pop(sid, None)

    def _prune(self) -> None:
        now = time.monotonic()
        for sid in [s for s, v in self._sessions.items() if now - v.started > self.ttl]:
            del self._sessions[sid]


# --- route markers ------------------------------------------------------------------------


def public(handler: Handler) -> Handler:
    """No login needed (login page, static assets)."""
    handler.access = "public"  # type: ignore[attr-defined]
    return handler


def admin_only(handler: Handler) -> Handler:
    """Only the admin role."""
    handler.access = "admin"  # type: ignore[attr-defined]
    return handler


def access_of(request: web.Request) -> str:
    """public, admin, or viewer (the default: any logged-in role)."""
    route = request.match_info.route
    if isinstance(route.resource, web.StaticResource):
        return "public"
    return getattr(request.match_info.handler, "access", "viewer")


# --- checks -------------------------------------------------------------------------------


def same_origin(request: web.Request) -> bool:
    """False when the browser says the request comes from another site."""
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return origin is None
    return origin == f"{request.scheme}://{request.host}"


async def csrf_ok(request: web.Request, session: WebSession) -> bool:
    """The request carries the session's CSRF token (form field or X-CSRF-Token header)."""
    given = request.headers.get("X-CSRF-Token")
    if given is None and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        given = str((await request.post()).get("csrf", ""))
    if given is None:
        given = request.query.get("csrf")
    return bool(given) and hmac.compare_digest(given.encode(), session.csrf.encode())


def set_session_cookie(response: web.StreamResponse, session: WebSession) -> None:
    response.set_cookie(SESSION_COOKIE, session.sid, httponly=True, samesite="Lax", path="/")


def refuse(request: web.Request, status: int, text: str) -> web.Response:
    """A short refusal: a page for browsers, plain text otherwise."""
    from bot.web.server import render

    if "text/html" in request.headers.get("Accept", ""):
        return render(request, "error.html", status=status, title="无法完成操作", text=text)
    return web.Response(status=status, text=text)


def auth_middleware(auth: WebAuth):
    """The middleware: attach the session; enforce login, role, CSRF and same origin."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        session = auth.get(request.cookies.get(SESSION_COOKIE))
        request[SESSION] = session
        access = access_of(request)
        if access == "public":
            return await handler(request)
        if session is None:
            if request.method == "GET" and "text/html" in request.headers.get("Accept", ""):
                raise web.HTTPSeeOther("/login?" + urlencode({"next": request.rel_url.path_qs}))
            return web.Response(status=401, text="请先登录。")
        unsafe = request.method not in ("GET", "HEAD", "OPTIONS")
        if unsafe and (not same_origin(request) or not await csrf_ok(request, session)):
            return refuse(request, 403, "请求来源无法验证（可能已过期），请刷新页面后重试。")
        if access == "admin" and not session.is_admin:
            return refuse(request, 403, "只读账号不能进行此操作，请使用管理员口令登录。")
        return await handler(request)

    return middleware
