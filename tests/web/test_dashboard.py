"""The ledger table, a request's page, admin status changes, exports, statistics, procurement."""

from __future__ import annotations

import io
from datetime import timedelta

from aiohttp.test_utils import TestClient
from openpyxl import load_workbook
from sqlmodel import select

from storage.db import unit_of_work
from storage.ledger import create_request, events_of, get_request
from storage.models import Outbox, RequestCreate
from tests.web.conftest import HTML, LAMP, LIVE, WebBot, csrf_of


def _bulk(webbot: WebBot, n: int) -> None:
    with unit_of_work(webbot.app.engine) as s:
        for i in range(n):
            create_request(
                session=s,
                data=RequestCreate(
                    group_id="room-food",
                    requester_id=f"wx{i}",
                    requester_name=f"企业{i}-张总",
                    organisation=f"企业{i}",
                    text=f"第{i}号诉求：仓库门口需要一个减速带",
                    department="园区管委会",
                    created_at=webbot.clock.now() - timedelta(minutes=n - i),
                ),
            )


async def test_ledger_lists_requests_with_status_and_deadline(admin: TestClient, webbot: WebBot) -> None:
    await webbot.feed(LAMP)
    page = await (await admin.get("/ledger", headers=HTML)).text()
    assert LAMP in page and "#1" in page and "园区管委会" in page and "待答复" in page and "前答复" in page


async def test_ledger_filters(admin: TestClient, webbot: WebBot) -> None:
    await webbot.feed(LAMP)
    await webbot.feed(LIVE, sender="wxid_ht_zhang", name="禾田食品-张经理", room="room-food")

    async def shown(query: str) -> tuple[bool, bool]:
        page = await (await admin.get(f"/ledger?{query}", headers=HTML)).text()
        return LAMP in page, LIVE in page

    assert await shown("") == (True, True)
    assert await shown("department=商务局") == (False, True)
    assert await shown("group=room-pharma") == (True, False)
    assert await shown("q=路灯") == (True, False)
    assert await shown("q=禾田") == (False, True)
    assert await shown("q=%232") == (False, True)
    assert await shown("status=resolved") == (False, False)
    assert await shown("status=active&period=week") == (True, True)
    assert await shown("overdue=1") == (False, False)
    assert await shown("from=2030-01-01") == (False, False)
    webbot.clock.set(webbot.clock.now() + timedelta(days=7))
    assert await shown("overdue=1") == (True, True)
    assert await shown("overdue=1&department=__none__") == (False, False)


async def test_ledger_pages(admin: TestClient, webbot: WebBot) -> None:
    _bulk(webbot, 25)
    first = await (await admin.get("/ledger", headers=HTML)).text()
    assert "第 1 / 2 页" in first and "第24号诉求" in first and "第0号诉求" not in first
    second = await (await admin.get("/ledger?page=2", headers=HTML)).text()
    assert "第0号诉求" in second and "第24号诉求" not in second
    assert '共 <b id="total">25</b>' in second


async def test_request_page_shows_messages_answers_and_trail(admin: TestClient, webbot: WebBot) -> None:
    await webbot.feed(LAMP)
    await webbot.feed(
        "@川康药业-李总 路灯的事已经安排电工明天上午去修", sender="wxid_gwh_liu", name="园区管委会-刘主任"
    )
    page = await (await admin.get("/requests/1", headers=HTML)).text()
    assert LAMP in page and "川康药业" in page
    assert "办理记录" in page and "登记" in page
    assert "群消息" in page and "诉求" in page
    assert 'value="resolve"' in page and 'name="csrf"' in page


async def test_admin_resolves_from_the_web_with_an_audit_entry_and_a_group_notice(
    admin: TestClient, webbot: WebBot
) -> None:
    await webbot.feed(LAMP)
    token = await csrf_of(admin, "/requests/1")
    form = {"csrf": token, "action": "resolve", "note": "已核实修好", "notify": "1"}
    resp = await admin.post("/requests/1/action", data=form, headers=HTML)
    assert resp.status == 200 and "已办结" in await resp.text()
    with unit_of_work(webbot.app.engine) as s:
        req = get_request(session=s, no=1)
        assert req.status == "resolved" and req.resolved_at is not None
        last = events_of(session=s, request_id=1)[-1]
        assert (last.kind, last.actor_name, last.note) == ("resolved", "网页管理员", "已核实修好")
        notices = list(s.exec(select(Outbox).where(Outbox.purpose == "web")))
        assert [n.room_id for n in notices] == ["room-pharma"] and "#1" in notices[0].text


async def test_admin_reopens_cancels_and_assigns(admin: TestClient, webbot: WebBot) -> None:
    await webbot.feed(LAMP)
    token = await csrf_of(admin, "/requests/1")

    async def act(**form: str) -> str:
        return await (await admin.post("/requests/1/action", data={"csrf": token, **form}, headers=HTML)).text()

    assert "本来就是「待答复」" in await act(action="reopen")
    assert "已交办 住建局" in await act(action="assign", department="住建局")
    assert "请选择要交办的部门" in await act(action="assign")
    assert "已撤销" in await act(action="cancel")
    assert "已重新打开" in await act(action="reopen")
    with unit_of_work(webbot.app.engine) as s:
        req = get_request(session=s, no=1)
        assert (req.status, req.department) == ("open", "住建局")
        kinds = [e.kind for e in events_of(session=s, request_id=1)]
        assert kinds[-3:] == ["assigned", "cancelled", "reopened"]
        assert not list(s.exec(select(Outbox).where(Outbox.purpose == "web")))


async def test_exports_follow_the_filters(viewer: TestClient, webbot: WebBot) -> None:
    await webbot.feed(LAMP)
    await webbot.feed(LIVE, sender="wxid_ht_zhang", name="禾田食品-张经理", room="room-food")
    resp = await viewer.get("/ledger/export.xlsx?department=园区管委会")
    assert resp.status == 200 and "attachment" in resp.headers["Content-Disposition"]
    ws = load_workbook(io.BytesIO(await resp.read())).active
    assert ws["A1"].value == "序号" and ws["K1"].value == "回访情况" and ws.freeze_panes == "A2"
    assert ws["C2"].value == LAMP and ws.max_row == 2
    csv = await (await viewer.get("/ledger/export.csv")).text()
    assert csv.splitlines()[0].lstrip("\ufeff").startswith("序号,企业,诉求内容")
    assert LAMP in csv and LIVE in csv


async def test_stats_page_draws_charts_from_the_ledger(viewer: TestClient, webbot: WebBot) -> None:
    empty = await (await viewer.get("/stats", headers=HTML)).text()
    assert "本期没有诉求" in empty and "<svg" in empty
    await webbot.feed(LAMP)
    await webbot.feed(LIVE, sender="wxid_ht_zhang", name="禾田食品-张经理", room="room-food")
    await webbot.feed("/resolve 2 已安排培训", sender="wxid_admin_zhao", name="管理员", room="room-food")
    webbot.clock.set(webbot.clock.now() + timedelta(days=7))
    page = await (await viewer.get("/stats?period=all", headers=HTML)).text()
    assert page.count("<svg") == 3
    assert "各部门办结率" in page and "每周新增与办结" in page and "各部门超期件数" in page
    assert "100%（1/1）" in page and "0%（0/1）" in page
    assert "<b>50%</b>" in page and "1 / 2 件" in page


async def test_procurement_page_lists_items_and_deadlines(viewer: TestClient, webbot: WebBot) -> None:
    await webbot.feed(
        "求购黄芪统货 5吨，6月30日前到货，联系电话 139-1234-5678", sender="wxid_ht_zhang", name="禾田食品-张经理"
    )
    page = await (await viewer.get("/procurement", headers=HTML)).text()
    assert "P1" in page and "黄芪" in page and "13912345678" in page and "截止" in page
    other = await (await viewer.get("/procurement?group=room-food", headers=HTML)).text()
    assert "还没有采购清单" in other and "黄芪" not in other
    await webbot.feed("黄芪凑齐了，谢谢大家", sender="wxid_ht_zhang", name="禾田食品-张经理")
    page = await (await viewer.get("/procurement", headers=HTML)).text()
    assert "采购完成" in page and "还有" not in page
