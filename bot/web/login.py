"""Login and logout: a token from config (or the one printed at start) opens a session."""

from __future__ import annotations

import asyncio
import hmac
import secrets

from aiohttp import web

from bot.web.auth import LOGIN_COOKIE, SESSION_COOKIE, public, same_origin, set_session_cookie
from bot.web.server import ctx_of, render


def _safe_next(value: str | None) -> str:
    """Only a path on this site (never //host or a scheme)."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def _login_page(request: web.Request, *, error: str = "", status: int = 200) -> web.Response:
    nonce = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = render(
        request,
        "login.html",
        status=status,
        error=error,
        nonce=nonce,
        next=_safe_next(request.query.get("next")),
        title="登录",
    )
    response.set_cookie(LOGIN_COOKIE, nonce, httponly=True, samesite="Strict", path="/login")
    return response


def _logged_in(request: web.Request, role, target: str) -> web.StreamResponse:
    session = ctx_of(request).auth.open(role)
    response = web.HTTPSeeOther(_safe_next(target))
    set_session_cookie(response, session)
    response.del_cookie(LOGIN_COOKIE, path="/login")
    return response


@public
async def login_form(request: web.Request) -> web.StreamResponse:
    """The login page; ``?token=…`` (the link printed at start) logs in at once."""
    token = request.query.get("token")
    if token:
        role = ctx_of(request).auth.role_for(token)
        if role is not None:
            raise _logged_in(request, role, request.query.get("next", "/"))
        await asyncio.sleep(ctx_of(request).auth.failure_delay)
        return _login_page(request, error="登录链接中的口令不正确。", status=401)
    return _login_page(request)


@public
async def login_submit(request: web.Request) -> web.StreamResponse:
    """Check the form's token (double-submit nonce against login CSRF, same origin)."""
    form = await request.post()
    nonce = str(form.get("nonce", ""))
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    if not same_origin(request) or not cookie or not hmac.compare_digest(nonce.encode(), cookie.encode()):
        return _login_page(request, error="页面已过期，请重新输入口令。", status=403)
    role = ctx_of(request).auth.role_for(str(form.get("token", "")))
    if role is None:
        await asyncio.sleep(ctx_of(request).auth.failure_delay)
        return _login_page(request, error="口令不正确。", status=401)
    raise _logged_in(request, role, str(form.get("next", "/")))


async def logout(request: web.Request) -> web.StreamResponse:
    """End the session (a POST with the CSRF token, checked by the middleware)."""
    ctx_of(request).auth.close(request.cookies.get(SESSION_COOKIE))
    response = web.HTTPSeeOther("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response


def setup(app: web.Application) -> None:
    app.router.add_get("/login", login_form, name="login")
    app.router.add_post("/login", login_submit)
    app.router.add_post("/logout", logout, name="logout")
