"""Daily and weekly digests on their cron schedules: content with denominators, empty days,
quiet hours, and the admin command /digest."""

from __future__ import annotations

from datetime import date

from bot.config import Settings
from storage.db import unit_of_work
from storage.ledger import set_status
from storage.models import Meeting, ProcurementItem, ProcurementList
from storage.procurement import create_list, create_meeting
from tests.time.conftest import ADMIN, LI, PHARMA, add_request, at, job_runs, run_until, seed_group


def digests(pairs):
    return [(t, m) for t, m in pairs if "简报】" in m.text]


def seed_week(h) -> dict[str, int]:
    """Two overdue requests, a new one, one resolved today, one cancelled; lists and meetings."""
    nos = {
        "old": add_request(h, at("06-02", "10:00"), "商务局", "想请商务局组织直播电商培训"),
        "older_bus": add_request(h, at("06-03", "10:00"), "交通运输局", "园区末班车能不能延后"),
        "new": add_request(h, at("06-08", "10:00"), "人社局", "想了解稳岗返还政策"),
        "done": add_request(h, at("06-01", "10:00"), "园区管委会", "厂门口路灯坏了"),
        "gone": add_request(h, at("06-04", "10:00"), "商务局", "不用了"),
    }
    with unit_of_work(h.engine) as s:
        from storage.ledger import get_request

        for key, to in (("done", "resolved"), ("gone", "cancelled")):
            req = get_request(session=s, no=nos[key])
            assert req is not None
            set_status(session=s, request=req, to_status=to, at=at("06-08", "11:00"), kind=to)
        for deadline, name, phone in ((date(2026, 6, 10), "川芎", "13988886666"), (date(2026, 6, 30), "当归", None)):
            create_list(
                session=s,
                plist=ProcurementList(
                    group_id=PHARMA, text=f"求购{name}", deadline=deadline, contact_phone=phone, created_at=at("06-05")
                ),
                items=[ProcurementItem(list_id=0, name=name, quantity=15, unit="吨")],
            )
        for starts, title in ((at("06-09", "15:00"), "稳岗返还政策宣讲会"), (at("06-20", "09:00"), "招聘会")):
            create_meeting(
                session=s,
                meeting=Meeting(
                    group_id=PHARMA, title=title, starts_at=starts, place="区政务中心302", created_at=at("06-05")
                ),
            )
    return nos


async def test_daily_digest_content(make_harness, settings: Settings) -> None:
    settings.digests.top_overdue = 1
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    nos = seed_week(h)
    sent = digests(await run_until(h, at("06-08", "19:00")))
    assert [t for t, _ in sent] == ["06-08 18:00"]
    text = sent[0][1].text
    lines = text.splitlines()
    assert lines[0] == "【每日简报】6月8日（周一）医药健康产业集群群"
    assert "新增诉求 1 件：" in lines and any(f"#{nos['new']} " in x and "人社局" in x for x in lines)
    assert "办结诉求 1 件：" in lines and any(f"#{nos['done']} " in x for x in lines)
    assert "超期未答复 2 件（最早的 1 件）：" in lines
    overdue = lines[lines.index("超期未答复 2 件（最早的 1 件）：") + 1]
    assert overdue.startswith(f"#{nos['old']} 商务局｜川康药业") and overdue.endswith("（已登记 6 天）")
    assert f"#{nos['older_bus']} " not in text  # only the top 1
    assert "2026年本群：收集诉求 5 件，办结率 25.0%（1/4），按时答复率 0.0%（0/4）" in lines  # cancelled excluded
    assert "P1 川芎 15吨，联系 13988886666，6月10日截止" in lines and "当归" not in text
    assert "6月9日 15:00 稳岗返还政策宣讲会（区政务中心302）" in lines and "招聘会" not in text
    assert lines[-1] == "—— 园区助手"
    assert [r.status for r in job_runs(h, "digest:")] == ["sent"]


async def test_empty_days_send_nothing_or_a_short_digest(make_harness, settings: Settings) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    assert digests(await run_until(h, at("06-10", "19:00"))) == []
    runs = job_runs(h, "digest:daily:")
    assert [(r.key.split(":", 3)[3][:10], r.status) for r in runs] == [
        ("2026-06-08", "empty"),
        ("2026-06-09", "empty"),
        ("2026-06-10", "empty"),
    ]
    settings.digests.send_empty = True
    sent = digests(await run_until(h, at("06-15", "10:00")))
    assert [t for t, _ in sent] == ["06-11 18:00", "06-12 18:00", "06-15 09:00"]  # none at the weekend
    assert sent[0][1].text.splitlines()[1] == "本期无新增、无办结诉求，暂无超期事项。"
    assert sent[2][1].text.startswith("【每周简报】6月8日—6月14日 医药健康产业集群群")


async def test_weekly_digest_covers_the_week(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    add_request(h, at("06-09", "10:00"), "商务局", "周二提的诉求")
    add_request(h, at("06-15", "08:30"), "商务局", "周一早上提的诉求")
    sent = [(t, m) for t, m in digests(await run_until(h, at("06-15", "10:00"))) if "每周" in m.text]
    assert [t for t, _ in sent] == ["06-15 09:00"]
    text = sent[0][1].text
    assert "新增诉求 2 件：" in text and "周二提的诉求" in text and "周一早上提的诉求" in text


async def test_digest_due_in_quiet_hours_waits_for_the_morning(make_harness, settings: Settings) -> None:
    settings.digests.daily.cron = "0 22 * * mon-fri"
    settings.digests.send_empty = True
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    sent = digests(await run_until(h, at("06-09", "09:00")))
    assert [t for t, _ in sent] == ["06-09 08:00"]
    assert sent[0][1].text.startswith("【每日简报】6月8日（周一）")
    assert [r.key for r in job_runs(h, "digest:")] == ["digest:daily:room-pharma:2026-06-08T22:00+08:00"]


async def test_digest_command_posts_the_current_digest_for_admins_only(make_harness) -> None:
    h = make_harness(at("06-09", "09:00"))
    seed_group(h)
    add_request(h, at("06-09", "10:00"), "商务局", "想请商务局组织直播电商培训")
    replies = await h.feed("/digest", **ADMIN, at=at("06-09", "14:05"))
    assert len(replies) == 1
    text = replies[0].text
    assert "【本群简报】截至 6月9日 14:05 医药健康产业集群群" in text and "新增诉求 1 件：" in text
    assert "办结率" in text
    assert "简报" in (await h.feed("/简报", **ADMIN))[0].text  # the Chinese alias
    denied = await h.feed("/digest", **LI)
    assert len(denied) == 1 and "仅限管理员" in denied[0].text and "【本群简报】" not in denied[0].text
    assert job_runs(h, "digest:") == []  # on demand: no period is used up
