"""Access to the web pages: login, roles, CSRF, same origin, security headers."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from tests.web.conftest import ADMIN, HTML, VIEWER, WebBot, csrf_of


async def test_pages_need_a_login(anon: TestClient) -> None:
    for path in ("/", "/ledger", "/stats", "/procurement", "/chat", "/chat/room-pharma", "/requests/1"):
        resp = await anon.get(path, headers=HTML, allow_redirects=False)
        assert resp.status == 303, path
        assert resp.headers["Location"].startswith("/login?next=")
    for path in ("/ledger/export.xlsx", "/ledger/export.csv", "/chat/files/1", "/chat/ws?key=room-pharma"):
        assert (await anon.get(path)).status == 401, path


async def test_static_assets_and_login_page_are_public(anon: TestClient) -> None:
    assert (await anon.get("/static/app.css")).status == 200
    assert (await anon.get("/static/chat.js")).status == 200
    resp = await anon.get("/login", headers=HTML)
    assert resp.status == 200 and "口令" in await resp.text()


async def test_login_form_with_admin_and_viewer_tokens(anon: TestClient) -> None:
    page = await (await anon.get("/login?next=/stats", headers=HTML)).text()
    nonce = re.search(r'name="nonce" value="([^"]+)"', page).group(1)
    bad = await anon.post("/login", data={"nonce": nonce, "token": "wrong"}, allow_redirects=False)
    assert bad.status == 401 and "口令不正确" in await bad.text()
    ok = await anon.post("/login", data={"nonce": nonce, "token": VIEWER, "next": "/stats"}, allow_redirects=False)
    assert ok.status == 303 and ok.headers["Location"] == "/stats"
    page = await (await anon.get("/ledger", headers=HTML)).text()
    assert "只读" in page


async def test_login_form_refuses_a_missing_nonce(anon: TestClient) -> None:
    resp = await anon.post("/login", data={"token": ADMIN}, allow_redirects=False)
    assert resp.status == 403
    assert (await anon.get("/ledger", headers=HTML, allow_redirects=False)).status == 303


async def test_login_link_and_no_open_redirect(anon: TestClient) -> None:
    assert (await anon.get("/login?token=nope", headers=HTML)).status == 401
    resp = await anon.get(f"/login?token={ADMIN}&next=//evil.example/x", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/"
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


async def test_logout_needs_the_csrf_token(admin: TestClient) -> None:
    assert (await admin.post("/logout", data={}, allow_redirects=False)).status == 403
    token = await csrf_of(admin)
    resp = await admin.post("/logout", data={"csrf": token}, allow_redirects=False)
    assert resp.status == 303
    assert (await admin.get("/ledger", headers=HTML, allow_redirects=False)).status == 303


async def test_security_headers(admin: TestClient) -> None:
    resp = await admin.get("/ledger", headers=HTML)
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert resp.headers["Referrer-Policy"] == "same-origin"


async def test_viewer_cannot_change_a_status(viewer: TestClient, webbot: WebBot) -> None:
    await webbot.feed("厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下")
    token = await csrf_of(viewer, "/requests/1")
    page = await (await viewer.get("/requests/1", headers=HTML)).text()
    assert "只读账号不能修改状态" in page and 'value="resolve"' not in page
    resp = await viewer.post("/requests/1/action", data={"csrf": token, "action": "resolve"}, headers=HTML)
    assert resp.status == 403 and "只读" in await resp.text()
    page = await (await viewer.get("/requests/1", headers=HTML)).text()
    assert "待答复" in page


async def test_bad_csrf_and_foreign_origin_are_refused(admin: TestClient, webbot: WebBot) -> None:
    await webbot.feed("厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下")
    token = await csrf_of(admin, "/requests/1")
    assert (await admin.post("/requests/1/action", data={"action": "resolve"})).status == 403
    assert (await admin.post("/requests/1/action", data={"action": "resolve", "csrf": "forged"})).status == 403
    foreign = {"Origin": "http://evil.example"}
    resp = await admin.post("/requests/1/action", data={"action": "resolve", "csrf": token}, headers=foreign)
    assert resp.status == 403
    page = await (await admin.get("/requests/1", headers=HTML)).text()
    assert "待答复" in page


async def test_unknown_pages_are_404(admin: TestClient) -> None:
    resp = await admin.get("/nowhere", headers=HTML)
    assert resp.status == 404 and "页面不存在" in await resp.text()
    assert (await admin.get("/requests/999", headers=HTML)).status == 404
    assert (await admin.get("/requests/abc", headers=HTML)).status == 404
