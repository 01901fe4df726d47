"""The shipped config: a limit in working days runs out at the time of day the request was raised (2 working days
after Monday 10:00 is Wednesday 10:00), as most people in the groups count it; reminders follow that deadline."""

from __future__ import annotations

from tests.time.conftest import PHARMA, add_request, at, run_until, seed_group
from tests.time.test_reminder_rounds import reminders_only


async def test_the_warning_and_the_reminder_follow_the_time_of_day_it_was_raised(make_harness, settings) -> None:
    settings.sla.working_days_end = "same_time"
    h = make_harness(at("06-08", "09:00"))
    seed_group(h, PHARMA)
    no = add_request(h, at("06-08", "14:00"), "商务局", "想请商务局组织直播电商培训")
    sent = reminders_only(await run_until(h, at("06-11", "12:00")))
    # due Wednesday 14:00: the warning 4 hours before, the first reminder at the deadline, the next the morning after
    assert [(t, m.text.split("】")[0] + "】") for t, m in sent] == [
        ("06-10 10:00", "【答复时限提醒】"),
        ("06-10 14:00", "【诉求催办】"),
        ("06-11 08:00", "【诉求催办】"),
    ]
    assert "答复时限 6月10日 14:00" in sent[0][1].text and f"#{no} " in sent[0][1].text
