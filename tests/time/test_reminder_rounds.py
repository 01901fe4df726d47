"""催办 rounds on the virtual clock: warning before the deadline, reminder at it, one message per group
per round with real mentions, one reminder per request per day, 督办 after N reminders, quiet hours
and working days."""

from __future__ import annotations

from collections import Counter

from bot.config import Settings
from handlers.policy import SlaLimits
from tests.time.conftest import (
    FOOD,
    PHARMA,
    WANG,
    add_request,
    at,
    events,
    request,
    run_until,
    seed_group,
)


def reminders_only(pairs):
    return [(t, m) for t, m in pairs if m.text.startswith(("【答复时限提醒】", "【诉求催办】", "【诉求督办】"))]


async def test_warning_then_reminder_one_message_per_group_with_mentions(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h, PHARMA)
    seed_group(h, FOOD)
    one = add_request(h, at("06-08", "10:00"), "商务局", "想请商务局组织直播电商培训")
    two = add_request(h, at("06-08", "11:00"), "交通运输局", "园区末班车能不能延后到18点半")
    three = add_request(h, at("06-08", "11:30"), "商务局", "出口报关流程咨询", room=FOOD)
    sent = reminders_only(await run_until(h, at("06-11", "12:00")))
    # deadline: Monday + 2 working days → Thursday 00:00; warning 4h before, reminder in the morning
    assert sorted((t, m.room_id) for t, m in sent) == [
        ("06-10 20:00", FOOD),
        ("06-10 20:00", PHARMA),
        ("06-11 08:00", FOOD),
        ("06-11 08:00", PHARMA),
    ]
    pharma = [m for _, m in sent if m.room_id == PHARMA]
    food = [m for _, m in sent if m.room_id == FOOD]
    warn, remind = pharma
    assert warn.text.startswith("【答复时限提醒】") and f"#{one} " in warn.text and f"#{two} " in warn.text
    assert "答复时限 6月10日 24:00" in warn.text
    assert set(warn.mention_ids) == {"wxid_swj_wang", "wxid_jtj_chen"}
    assert "@商务局-王科长" in warn.text and "@交通局-陈科" in warn.text
    assert remind.text.startswith("【诉求催办】") and "第 1 次催办" in remind.text and "超期 8 小时" in remind.text
    assert all(f"#{three} " in m.text and f"#{one} " not in m.text for m in food)
    assert [e.note for e in events(h, one, "reminded")] == ["答复时限 6月10日 24:00 前提醒", "第 1 次催办"]
    req = request(h, one)
    assert req.reminder_count == 1 and req.last_reminded_at == at("06-11", "08:00")


async def test_one_reminder_per_day_then_escalation_to_admins(make_harness, settings: Settings) -> None:
    settings.sla.per_department = {"交通运输局": SlaLimits.model_validate({"first_response": "4h"})}
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    one = add_request(h, at("06-08", "10:00"))
    sent = reminders_only(await run_until(h, at("06-11", "13:00")))
    assert [t for t, _ in sent] == ["06-10 20:00", "06-11 08:00"]
    two = add_request(h, at("06-11", "10:00"), "交通运输局", "公交站牌被撞坏了")  # due 14:00 the same day
    sent = reminders_only(await run_until(h, at("06-24", "12:00")))
    # #1: Fri, Mon (weekend skipped), then 督办 on Tue instead of a 4th reminder; the admins follow it up and
    # the group hears of it again a week later (repeat_after_escalation_days), not every day
    assert [(t, m.text.split("】")[0] + "】") for t, m in sent] == [
        ("06-11 14:00", "【诉求催办】"),  # only #2: #1 had its reminder this morning
        ("06-12 08:00", "【诉求催办】"),
        ("06-15 08:00", "【诉求催办】"),
        ("06-16 08:00", "【诉求督办】"),  # both: #2 has had its three reminders too
        ("06-23 08:00", "【诉求催办】"),
    ]
    assert f"#{two} " in sent[0][1].text and f"#{one} " not in sent[0][1].text
    per_day = Counter((t[:5], no) for t, m in sent for no in (one, two) if f"#{no} " in m.text)
    assert max(per_day.values()) == 1
    tue = sent[3][1]
    assert "提请督办" in tue.text and "已催办 3 次仍未答复" in tue.text
    assert "wxid_admin_zhao" in tue.mention_ids and "@管理员-赵主任" in tue.text
    assert "wxid_swj_wang" in tue.mention_ids  # the department is still named
    req = request(h, one)
    assert req.escalated_at == at("06-16", "08:00") and req.reminder_count == 4
    assert req.last_reminded_at == at("06-23", "08:00")
    assert len(events(h, one, "escalated")) == 1
    assert len(events(h, one, "reminded")) == 5  # the warning and four reminders


async def test_quiet_hours_hold_everything_until_morning(make_harness, settings: Settings) -> None:
    settings.sla.per_department = {"交通运输局": SlaLimits.model_validate({"first_response": "2h"})}
    settings.reminders.warn_before_hours = 1
    h = make_harness(at("06-09", "19:00"))
    seed_group(h)
    no = add_request(h, at("06-09", "20:30"), "交通运输局", "晚上园区路口红绿灯不亮")  # warn 21:30, due 22:30
    sent = await run_until(h, at("06-10", "09:00"))
    assert [(t, m.text.split("】")[0]) for t, m in sent] == [("06-10 08:00", "【诉求催办")]
    assert "第 1 次催办" in sent[0][1].text
    assert [e.note for e in events(h, no, "reminded")] == ["第 1 次催办"]  # the warning came too late to matter


async def test_reminders_follow_the_holiday_calendar(make_harness) -> None:
    h = make_harness(at("09-30", "09:00"))
    seed_group(h)
    add_request(h, at("09-30", "10:00"))  # National Day 10/1-10/7 → due Saturday 10/10 00:00 (after Thu, Fri)
    sent = reminders_only(await run_until(h, at("10-13", "12:00")))
    assert [t for t, _ in sent] == ["10-09 20:00", "10-10 08:00", "10-12 08:00", "10-13 08:00"]
    # Saturday 10/10 is a make-up workday; Sunday 10/11 is not


async def test_answered_requests_are_no_longer_reminded(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    no = add_request(h, at("06-08", "10:00"))
    assert [t for t, _ in reminders_only(await run_until(h, at("06-11", "09:00")))] == ["06-10 20:00", "06-11 08:00"]
    replies = await h.feed(f"/answer {no} 已联系平台，下周安排培训", **WANG, at=at("06-11", "09:30"))
    assert replies and "答复" in replies[0].text
    assert reminders_only(await run_until(h, at("06-15", "12:00"))) == []


async def test_unassigned_requests_call_the_admins(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    add_request(h, at("06-08", "10:00"), None, "厂区周边治安问题谁来管")
    sent = reminders_only(await run_until(h, at("06-11", "09:00")))
    assert sent and all("未分派" in m.text and "wxid_admin_zhao" in m.mention_ids for _, m in sent)
