"""Fixtures for the Wechaty transport tests: WeChat-style room ids, an in-process puppet, a live app."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from bot.app import App
from bot.config import GroupConfig, Settings
from bot.transports.wechaty import WechatyTransport, reset_wechaty_state
from storage.db import unit_of_work
from tests.wechaty.inproc_puppet import InProcPuppet

PHARMA = "pharma@chatroom"
FOOD = "food@chatroom"
BOT = "bot_user"
LI, ZHAO, LIU, WANG = "wxid_ck_li", "wxid_admin_zhao", "wxid_gwh_liu", "wxid_swj_wang"
STREETLIGHT = "厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下"

# Contacts: id, WeChat name, group nickname ("单位-姓名") or None.
PEOPLE = [
    (LI, "李总", "川康药业-李总"),
    (ZHAO, "赵主任", None),
    (LIU, "刘主任", "园区管委会-刘主任"),
    (WANG, "王科长", "商务局-王科长"),
]


@pytest.fixture
def wx_settings(settings: Settings) -> Settings:
    """The project's config with WeChat-style room ids and fast send limits."""
    settings.groups = {
        PHARMA: GroupConfig(name="医药健康产业集群群", cluster="医药健康"),
        FOOD: GroupConfig(name="食品加工产业集群群", cluster="食品加工"),
    }
    settings.outbox = settings.outbox.model_copy(
        update={"per_group_interval_seconds": 0.01, "global_per_minute": 6000, "jitter_seconds": 0}
    )
    return settings


@pytest.fixture
def world() -> InProcPuppet:
    """Two groups with an enterprise, an admin, and two officials in them."""
    puppet = InProcPuppet(BOT)
    for cid, name, _ in PEOPLE:
        puppet.add_contact(cid, name)
    ids = [cid for cid, _, _ in PEOPLE]
    puppet.add_room(PHARMA, "医药健康产业集群群", ids)
    puppet.add_room(FOOD, "食品加工产业集群群", ids)
    for cid, _, alias in PEOPLE:
        if alias:
            puppet.set_alias(PHARMA, cid, alias)
            puppet.set_alias(FOOD, cid, alias)
    return puppet


FAST = {"login_timeout": 2.0, "ding_interval": 30.0, "ding_timeout": 2.0, "backoff": (0.05, 0.2)}


@asynccontextmanager
async def running(
    settings: Settings, engine: Engine, analyzer: Any, transport: WechatyTransport, **build: Any
) -> AsyncIterator[App]:
    """The whole app on `transport`, started and logged in; stopped cleanly afterwards."""
    app = App.build(settings, transport, engine=engine, analyzer=analyzer, **build)
    task = asyncio.create_task(app.run())
    try:
        done, _ = await asyncio.wait(
            {task, asyncio.ensure_future(transport.wait_connected())}, timeout=15, return_when=asyncio.FIRST_COMPLETED
        )
        if task in done:
            task.result()
        assert transport.connected, "the bot did not log in"
        yield app
    finally:
        await app.stop()
        await asyncio.wait_for(task, 10)
        reset_wechaty_state()


@pytest.fixture
def inproc_transport(world: InProcPuppet) -> Callable[..., WechatyTransport]:
    def make(**kw: Any) -> WechatyTransport:
        return WechatyTransport("inproc-token", "inproc", puppet_factory=lambda: world, **{**FAST, **kw})

    return make


async def until(predicate: Callable[[], Any], timeout: float = 5.0, what: str = "condition") -> Any:
    """Wait until `predicate()` is truthy (the bot works in its own tasks); return its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def rows(engine: Engine, model: type, *where: Any) -> list[Any]:
    """All rows of `model` (matching `where`), in id order."""
    with unit_of_work(engine) as session:
        stmt = select(model)
        for cond in where:
            stmt = stmt.where(cond)
        found = list(session.exec(stmt.order_by(model.id)))  # type: ignore[attr-defined]
        session.expunge_all()
        return found
