"""The group-chat simulator: pages, the websocket through the pipeline, files, the transport."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient
from openpyxl import load_workbook

from bot.cli_run import choose_transport
from bot.config import Settings
from bot.transports.web import WebTransport
from bot.web.chat import web_id
from storage.db import unit_of_work
from storage.ledger import get_request
from tests.web.conftest import HTML, LAMP, WebBot, csrf_of


@pytest.fixture(autouse=True)
def _export_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERBOT_EXPORT_DIR", str(tmp_path / "exports"))


async def _socket(client: TestClient, key: str = "room-pharma") -> aiohttp.ClientWebSocketResponse:
    token = await csrf_of(client)
    origin = {"Origin": str(client.make_url("")).rstrip("/")}
    return await client.ws_connect(f"/chat/ws?key={key}&csrf={token}", headers=origin)


async def _next(ws: aiohttp.ClientWebSocketResponse) -> dict:
    return await asyncio.wait_for(ws.receive_json(), 5)


async def test_chat_pages(admin: TestClient, webbot: WebBot) -> None:
    resp = await admin.get("/chat", headers=HTML, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/chat/room-pharma"
    page = await (await admin.get("/chat/room-pharma", headers=HTML)).text()
    assert "医药健康产业集群群" in page and "川康药业-李总" in page and "商务局-王科长" in page
    assert "新身份" in page and 'id="composer"' in page and "/static/chat.js" in page
    assert (await admin.get("/chat/room-nowhere", headers=HTML)).status == 404


async def test_history_shows_people_and_the_bot(admin: TestClient, webbot: WebBot) -> None:
    await webbot.feed(LAMP)
    page = await (await admin.get("/chat/room-pharma", headers=HTML)).text()
    assert LAMP in page and "已登记诉求 #1" in page and 'class="msg bot"' in page


async def test_a_member_posts_and_the_bot_acknowledges_live(admin: TestClient, webbot: WebBot) -> None:
    ws = await _socket(admin)
    await ws.send_json({"type": "say", "sender_id": "wxid_ck_li", "text": LAMP})
    echo = await _next(ws)
    assert (echo["sender_name"], echo["text"], echo["bot"]) == ("川康药业-李总", LAMP, False)
    await webbot.app.outbox.flush()
    ack = await _next(ws)
    assert ack["bot"] and "已登记诉求 #1" in ack["text"] and "园区管委会" in ack["text"]
    with unit_of_work(webbot.app.engine) as s:
        req = get_request(session=s, no=1)
        assert (req.requester_id, req.organisation, req.department) == ("wxid_ck_li", "川康药业", "园区管委会")
    await ws.close()


async def test_a_new_identity_is_a_stable_person(admin: TestClient, webbot: WebBot) -> None:
    ws = await _socket(admin)
    await ws.send_json({"type": "say", "sender_id": "", "sender_name": "禾田食品-王经理", "text": LAMP})
    echo = await _next(ws)
    assert echo["sender_id"] == web_id("禾田食品-王经理")
    await ws.send_json({"type": "say", "sender_id": "", "sender_name": "", "text": "你好"})
    assert "身份" in (await _next(ws))["text"]
    await ws.close()
    with unit_of_work(webbot.app.engine) as s:
        assert get_request(session=s, no=1).organisation == "禾田食品"
    page = await (await admin.get("/chat/room-pharma", headers=HTML)).text()
    assert "群成员" in page and "禾田食品-王经理" in page


async def test_viewers_watch_but_cannot_speak(viewer: TestClient, webbot: WebBot) -> None:
    page = await (await viewer.get("/chat/room-pharma", headers=HTML)).text()
    assert "不能发言" in page and 'id="composer"' not in page
    ws = await _socket(viewer)
    await ws.send_json({"type": "say", "sender_id": "wxid_ck_li", "text": LAMP})
    assert (await _next(ws))["type"] == "error"
    await webbot.feed("大家好", sender="wxid_ht_zhang", name="禾田食品-张经理")
    await ws.close()
    with unit_of_work(webbot.app.engine) as s:
        assert get_request(session=s, no=1) is None


async def test_socket_refuses_bad_csrf_foreign_origin_and_unknown_rooms(admin: TestClient) -> None:
    token = await csrf_of(admin)
    here = {"Origin": str(admin.make_url("")).rstrip("/")}
    for url, headers in (
        ("/chat/ws?key=room-pharma&csrf=forged", here),
        (f"/chat/ws?key=room-pharma&csrf={token}", {"Origin": "http://evil.example"}),
        (f"/chat/ws?key=room-pharma&csrf={token}", {}),
        (f"/chat/ws?key=room-nowhere&csrf={token}", here),
    ):
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await admin.ws_connect(url, headers=headers)


async def test_export_in_a_private_chat_comes_back_as_a_file(admin: TestClient, webbot: WebBot) -> None:
    await webbot.feed(LAMP)
    page = await (await admin.get("/chat/direct/wxid_admin_zhao", headers=HTML)).text()
    assert "私聊" in page and "管理员" in page
    ws = await _socket(admin, "@wxid_admin_zhao")
    await ws.send_json({"type": "say", "text": "/export"})
    assert (await _next(ws))["sender_id"] == "wxid_admin_zhao"
    await webbot.app.outbox.flush()
    note, file_msg = await _next(ws), await _next(ws)
    assert "共 1 件" in note["text"] and file_msg["file_name"].endswith(".xlsx")
    resp = await admin.get(file_msg["file_url"])
    assert resp.status == 200
    assert load_workbook(io.BytesIO(await resp.read())).active["C2"].value == LAMP
    history = await (await admin.get("/chat/direct/wxid_admin_zhao", headers=HTML)).text()
    assert file_msg["file_url"] in history
    assert (await admin.get("/chat/files/999")).status == 404
    await ws.close()


def test_the_embedded_default_is_the_web_simulator(settings: Settings) -> None:
    assert choose_transport(settings, None) == "web"
    assert choose_transport(settings, "console") == "console"
    settings.wechaty.token, settings.wechaty.endpoint = "t", "127.0.0.1:8788"
    assert choose_transport(settings, None) == "wechaty"


async def test_the_transport_serves_on_its_address_and_prints_a_login_link(webbot: WebBot) -> None:
    said: list[str] = []
    transport = WebTransport(webbot.app.settings, host="127.0.0.1", port=0, announce=said.append)
    transport.bind(webbot.app)
    task = asyncio.create_task(transport.run(webbot.app.pipeline))
    await asyncio.wait_for(transport.started.wait(), 5)
    try:
        assert transport.port != 0 and said and transport.url in said[0]
        async with aiohttp.ClientSession() as http, http.get(f"{transport.url}/login") as resp:
            assert resp.status == 200
    finally:
        await transport.stop()
        await asyncio.wait_for(task, 5)


def test_a_token_is_generated_when_none_is_configured(settings: Settings) -> None:
    settings.web.token = None
    transport = WebTransport(settings, announce=lambda text: None)
    assert transport.generated_token and len(transport.auth.admin_token) >= 20
    assert transport.login_url().endswith(f"/login?token={transport.auth.admin_token}")
    assert transport.auth.role_for(transport.auth.admin_token) == "admin"
    assert transport.auth.role_for("") is None
