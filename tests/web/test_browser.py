"""End to end in a real headless Chromium (the system's /usr/bin/chromium, driven by Playwright).

A member posts a request in the simulator and sees the bot's acknowledgement; an admin finds it
in the dashboard, resolves it, downloads the .xlsx and its cells are checked; a viewer cannot
change anything. Screenshots are kept in tests/artifacts/ (look at them: they are the UI).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.app import App
from bot.config import Settings
from bot.transports.web import WebTransport
from storage.db import make_engine

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CLUSTERBOT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("CLUSTERBOT_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ADMIN, VIEWER = "browser-admin-token", "browser-viewer-token"
LAMP = "厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下"
BUY = "求购黄芪统货 5吨，当归 2吨，6月30日前到货，联系电话 139-1234-5678"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not Path(CHROMIUM).exists():
        why = "needs the playwright package and Debian's chromium (/usr/bin/chromium)"
        if REQUIRED:
            pytest.fail(f"CLUSTERBOT_REQUIRE_BROWSER=1 but the browser test cannot run: {why}")
        pytest.skip(why)
    return sync_playwright


@dataclass
class Server:
    url: str
    app: App


@pytest.fixture
def server(settings: Settings, analyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """The bot on the web transport, served on a free port from a thread with its own loop."""
    monkeypatch.setenv("CLUSTERBOT_EXPORT_DIR", str(tmp_path / "exports"))
    settings.web.token, settings.web.viewer_token = ADMIN, VIEWER
    transport = WebTransport(settings, host="127.0.0.1", port=0, announce=lambda text: None)
    engine = make_engine(f"sqlite:///{tmp_path / 'browser.db'}")
    app = App.build(settings, transport, engine=engine, analyzer=analyzer)
    transport.bind(app)
    loop = asyncio.new_event_loop()
    ready = threading.Event()

    async def main() -> None:
        runner = asyncio.create_task(app.run())
        await transport.started.wait()
        ready.set()
        await runner

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    assert ready.wait(15), "the web transport did not start"
    yield Server(transport.url, app)
    asyncio.run_coroutine_threadsafe(transport.stop(), loop).result(10)
    thread.join(10)
    loop.close()
    engine.dispose()


def _seed_history(app: App) -> None:
    """Twelve weeks of requests across departments, so the charts have something to show."""
    import random
    from datetime import UTC, datetime, timedelta

    from storage.db import unit_of_work
    from storage.ledger import create_request, set_status
    from storage.models import RequestCreate

    rng = random.Random(7)
    deps = ["商务局", "人社局", "园区管委会", "交通运输局", "税务局", "金融办", "市场监管局"]
    odds = [0.85, 0.7, 0.9, 0.4, 0.75, 0.5, 0.6]
    now = datetime.now(UTC)
    with unit_of_work(app.engine) as session:
        for i in range(60):
            k = rng.randrange(len(deps))
            created = now - timedelta(days=rng.uniform(1, 82))
            req = create_request(
                session=session,
                data=RequestCreate(
                    group_id=rng.choice(["room-pharma", "room-food", "room-mfg", "room-logistics"]),
                    requester_id=f"seed-{i}",
                    requester_name=f"企业{i}-经理",
                    organisation=f"企业{i}",
                    text=f"示例诉求 {i}",
                    department=deps[k],
                    created_at=created,
                ),
            )
            if rng.random() < 0.8:
                answered = created + timedelta(hours=rng.uniform(2, 60))
                set_status(session=session, request=req, to_status="answered", at=answered, kind="answered")
                if rng.random() < odds[k]:
                    done = min(answered + timedelta(days=rng.uniform(0.5, 9)), now)
                    set_status(session=session, request=req, to_status="resolved", at=done, kind="resolved")


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_request_from_the_simulator_to_the_excel_ledger(server: Server, tmp_path: Path) -> None:
    sync_playwright = _playwright()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            size = {"width": 1366, "height": 860}
            context = browser.new_context(viewport=size, accept_downloads=True, locale="zh-CN")
            page = context.new_page()
            page.set_default_timeout(15000)

            # 1. the simulator: speak as a company, see the bot's acknowledgement live
            page.goto(f"{server.url}/login?token={ADMIN}&next=/chat/room-pharma")
            page.wait_for_selector("#live.on")
            _shot(page, "01-chat-empty")
            page.select_option("#speaker", "wxid_ck_li")
            page.fill("#text", LAMP)
            page.press("#text", "Enter")
            ack = page.locator(".msg.bot .bubble", has_text="已登记诉求 #1")
            ack.wait_for()
            assert "园区管委会" in ack.inner_text()
            assert page.locator(".msg.mine .bubble", has_text=LAMP).count() == 1

            # a buyer typed in as a new "单位-姓名" posts a procurement list
            page.select_option("#speaker", "__new__")
            page.fill("#newname", "禾田食品-王经理")
            page.fill("#text", BUY)
            page.click("button.send")
            page.locator(".msg.bot .bubble", has_text="已登记采购清单").wait_for()
            page.select_option("#speaker", "wxid_gwh_liu")
            page.fill("#text", "@川康药业-李总 收到，路灯的事已经安排电工明天上午去修")
            page.press("#text", "Enter")
            page.locator(".msg.mine .bubble", has_text="安排电工").wait_for()
            _shot(page, "02-chat-conversation")

            # 2. the dashboard: find the request, resolve it as an admin
            page.click("nav.nav >> text=问题台账")
            row = page.locator("tr", has_text=LAMP)
            row.wait_for()
            assert "待答复" in row.inner_text() or "已答复" in row.inner_text()
            _shot(page, "03-ledger")
            row.locator("td.no a").click()
            page.wait_for_selector("text=办理记录")
            _shot(page, "04-request")
            page.fill("input[name=note]", "已现场核实，路灯已修好")
            page.click("button[value=resolve]")
            page.wait_for_selector("#flash")
            assert "已办结" in page.inner_text("#flash")
            assert page.inner_text("#status") == "已办结"
            assert "网页管理员" in page.inner_text("#trail")
            _shot(page, "05-request-resolved")

            # the group hears about it in the simulator
            page.goto(f"{server.url}/chat/room-pharma")
            page.locator(".msg.bot .bubble", has_text="诉求 #1 已由管理员办结").wait_for()

            # 3. the Excel 台账
            page.goto(f"{server.url}/ledger")
            with page.expect_download() as info:
                page.click("#export-xlsx")
            target = tmp_path / "ledger.xlsx"
            info.value.save_as(target)
            ws = load_workbook(target).active
            assert [c.value for c in ws[1]][:3] == ["序号", "企业", "诉求内容"]
            assert ws.freeze_panes == "A2"
            assert (ws["A2"].value, ws["B2"].value, ws["C2"].value) == (1, "川康药业", LAMP)
            assert (ws["E2"].value, ws["I2"].value) == ("园区管委会", "已办结")

            # statistics (with a few weeks of history) and procurement
            _seed_history(server.app)
            page.goto(f"{server.url}/stats?period=all")
            assert page.locator("svg.chart").count() >= 2
            _shot(page, "06-stats")
            page.goto(f"{server.url}/procurement")
            page.wait_for_selector("text=黄芪")
            _shot(page, "07-procurement")

            # 4. a read-only viewer sees the request but cannot change it
            viewer = browser.new_context(viewport={"width": 1366, "height": 860}, locale="zh-CN").new_page()
            viewer.goto(f"{server.url}/login")
            _shot(viewer, "08-login")
            viewer.fill("input[name=token]", VIEWER)
            viewer.click("button[type=submit]")
            viewer.goto(f"{server.url}/requests/1")
            assert viewer.locator("button[value=resolve]").count() == 0
            assert "只读" in viewer.inner_text("body")
        except Exception:
            for i, pg in enumerate(p for c in browser.contexts for p in c.pages):
                _shot(pg, f"failed-{i}")
            raise
        finally:
            browser.close()
