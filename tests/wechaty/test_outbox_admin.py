"""/outbox (发送队列): admins see failed messages and can send one again; others may not."""

from __future__ import annotations

from datetime import timedelta

from tests.wechaty.conftest import STREETLIGHT

ADMIN, MEMBER = "wxid_admin_zhao", "wxid_ck_li"


async def test_failed_message_is_listed_for_admins_and_can_be_retried(harness) -> None:
    harness.transport.fail_next = 100  # WeChat unreachable: every attempt fails
    assert await harness.feed(STREETLIGHT, sender=MEMBER, name="川康药业-李总") == []
    for _ in range(harness.settings.outbox.max_attempts):
        await harness.tick(timedelta(minutes=10))  # the retries, with growing pauses
    harness.transport.fail_next = 0

    [report] = await harness.feed("/outbox", sender=ADMIN)
    assert "发送失败 1 条" in report.text
    assert "已登记诉求 #1" in report.text and "simulated send failure" in report.text
    assert f"尝试 {harness.settings.outbox.max_attempts} 次" in report.text

    [refused] = await harness.feed("/发送队列", sender=MEMBER, name="川康药业-李总")
    assert "仅限管理员使用" in refused.text and "发送失败" not in refused.text

    sent = await harness.feed("/outbox retry 1", sender=ADMIN)
    assert any("已重新排队" in m.text for m in sent)
    assert any("已登记诉求 #1" in m.text and MEMBER in m.mention_ids for m in sent)
    [after] = await harness.feed("/outbox", sender=ADMIN)
    assert "发送失败 0 条" in after.text


async def test_retry_needs_a_failed_message_number(harness) -> None:
    [usage] = await harness.feed("/outbox retry abc", sender=ADMIN)
    assert "用法" in usage.text
    [missing] = await harness.feed("/outbox retry 99", sender=ADMIN)
    assert "没有编号为 99 的发送失败消息" in missing.text
