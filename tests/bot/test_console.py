"""The console transport: type as a member, switch members, see the bot's replies."""

from __future__ import annotations

import io

from sqlalchemy.engine import Engine

from bot.app import App
from bot.config import Settings
from bot.transports.console import ConsoleTransport
from storage.db import unit_of_work
from storage.ledger import list_requests


async def test_console_session(settings: Settings, engine: Engine, analyzer) -> None:
    stdin = io.StringIO(
        "厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下\n"
        ":as wxid_admin_zhao\n"
        "/stats\n"
        ":who\n"
        ":quit\n"
        "this line is never read\n"
    )
    stdout = io.StringIO()
    transport = ConsoleTransport(settings, stdin=stdin, stdout=stdout)
    app = App.build(settings, transport, engine=engine, analyzer=analyzer)
    await app.run()
    await app.outbox.flush()
    out = stdout.getvalue()
    assert "已进入「医药健康产业集群群」" in out
    assert "已登记诉求 #1，转 园区管委会 办理" in out
    assert "诉求统计" in out
    assert "当前：wxid_admin_zhao" in out
    with unit_of_work(engine) as s:
        [req] = list_requests(session=s)
        assert req.requester_id == "wxid_ck_li"
