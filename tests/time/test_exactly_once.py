"""Exactly once: a restart in the middle of a day, two processes racing on one database, and a
digest missed while the bot was down (sent within the grace period, otherwise recorded as skipped)."""

from __future__ import annotations

import asyncio
import threading

from sqlalchemy.engine import Engine

import storage.jobs
from bot.config import Settings
from handlers.schedule import Moment
from storage.db import make_engine
from tests.time.conftest import ADMIN, add_request, at, job_runs, outbox, run_until, seed_group


async def test_restart_mid_day_sends_nothing_twice(make_harness) -> None:
    first = make_harness(at("06-08", "07:00"))
    seed_group(first)
    add_request(first, at("06-02", "10:00"))  # overdue since Friday
    early = await run_until(first, at("06-08", "08:30"))
    assert [(t, m.text[:6]) for t, m in early] == [("06-08 08:00", "【诉求催办】")]
    assert await first.feed("/remind 17:00 下班前提交周报", **ADMIN, at=at("06-08", "08:45"))
    morning = await run_until(first, at("06-08", "12:00"))
    assert [(t, m.text[:6]) for t, m in morning] == [("06-08 09:00", "【每周简报】")]

    restarted = make_harness(at("06-08", "12:00"), catch_up=True)  # a new process on the same ledger
    evening = await run_until(restarted, at("06-08", "19:00"))
    assert [(t, m.text[:6]) for t, m in evening] == [("06-08 17:00", "【提醒】下班"), ("06-08 18:00", "【每日简报】")]

    overlapping = make_harness(at("06-08", "07:00"))  # its clock walks the whole day again
    assert await run_until(overlapping, at("06-08", "19:00")) == []
    assert [len(outbox(first, p)) for p in ("sla_reminder", "reminder", "digest")] == [1, 1, 2]


async def test_two_processes_racing_for_one_digest_send_it_once(
    settings: Settings, engine: Engine, db_url: str, analyzer, monkeypatch
) -> None:
    from bot.testing import Harness

    other = make_engine(db_url)
    try:
        one = Harness(settings, engine, start=at("06-08", "17:00"), analyzer=analyzer)
        two = Harness(settings, other, start=at("06-08", "17:00"), analyzer=analyzer)
        seed_group(one)
        add_request(one, at("06-08", "10:00"))
        barrier = threading.Barrier(2)
        real_claim = storage.jobs.claim

        def claim_together(**kw):
            if kw["key"].startswith("digest:"):
                barrier.wait(timeout=20)  # both processes have built the digest and now insert its key
            return real_claim(**kw)

        monkeypatch.setattr(storage.jobs, "claim", claim_together)
        fire = at("06-08", "18:00")
        done: dict[str, int] = {}

        def run(name: str, h: Harness) -> None:
            done[name] = h.app.runner.run_moment(Moment(fire, ("daily",)), fire)

        threads = [threading.Thread(target=run, args=(n, h)) for n, h in (("one", one), ("two", two))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not barrier.broken, "both processes must reach the claim"
        assert sorted(done.values()) == [0, 1]
        for h in (one, two):
            h.clock.set(fire)
            await h.app.outbox.flush()
        sent = one.transport.take() + two.transport.take()
        assert [m.text.splitlines()[0] for m in sent] == ["【每日简报】6月8日（周一）医药健康产业集群群"]
        assert [r.status for r in job_runs(one, "digest:")] == ["sent"]
        assert len(outbox(one, "digest")) == 1
    finally:
        other.dispose()


async def test_two_apps_on_one_loop_share_the_work(settings: Settings, engine: Engine, db_url: str, analyzer) -> None:
    from bot.testing import Harness

    other = make_engine(db_url)
    try:
        apps = [Harness(settings, e, start=at("06-08", "07:00"), analyzer=analyzer) for e in (engine, other)]
        seed_group(apps[0])
        add_request(apps[0], at("06-02", "10:00"))
        await asyncio.gather(*(h.app.run_time_jobs(at("06-08", "19:00")) for h in apps))
        sent = apps[0].transport.take() + apps[1].transport.take()
        assert sorted(m.text[:6] for m in sent) == ["【每周简报】", "【每日简报】", "【诉求催办】"]
    finally:
        other.dispose()


async def test_missed_digest_within_grace_is_sent_at_start(make_harness, settings: Settings) -> None:
    settings.digests.grace_minutes = 60
    before = make_harness(at("06-08", "09:00"))
    seed_group(before)
    add_request(before, at("06-08", "10:00"))
    assert await run_until(before, at("06-08", "17:00")) == []  # then the bot is down over 18:00
    after = make_harness(at("06-08", "18:45"), catch_up=True)
    sent = await run_until(after, at("06-08", "18:50"))
    assert [(t, m.text.splitlines()[0]) for t, m in sent] == [
        ("06-08 18:45", "【每日简报】6月8日（周一）医药健康产业集群群")
    ]
    assert [r.status for r in job_runs(after, "digest:")] == ["sent"]


async def test_missed_digest_outside_grace_is_recorded_as_skipped(make_harness, settings: Settings) -> None:
    settings.digests.grace_minutes = 60
    before = make_harness(at("06-08", "09:00"))
    seed_group(before)
    add_request(before, at("06-08", "10:00"))
    assert await run_until(before, at("06-08", "17:00")) == []
    after = make_harness(at("06-08", "19:30"), catch_up=True)
    assert await run_until(after, at("06-08", "20:00")) == []
    runs = job_runs(after, "digest:")
    assert [(r.key, r.status) for r in runs] == [("digest:daily:room-pharma:2026-06-08T18:00+08:00", "skipped")]
    assert "错过 90 分钟" in runs[0].detail
    add_request(after, at("06-09", "10:00"), "交通运输局", "公交站牌被撞坏了")
    nxt = await run_until(after, at("06-09", "18:30"))  # the next one goes out as usual
    assert [t for t, m in nxt if "简报" in m.text] == ["06-09 18:00"]


async def test_live_scheduler_registers_its_jobs(make_harness) -> None:
    from bot.scheduler import LiveScheduler

    h = make_harness(at("06-08", "09:00"))
    calls: list = []

    async def run(now) -> None:
        calls.append(now)

    live = LiveScheduler(run, h.app.services, h.clock)
    live.start()
    try:
        assert live.scheduler is not None
        jobs = {j.id: j for j in live.scheduler.get_jobs()}
        assert set(jobs) == {"catch-up", "tick", "digest-daily", "digest-weekly"}
        assert (
            str(jobs["digest-daily"].trigger)
            == "cron[month='*', day='*', day_of_week='mon-fri', hour='18', minute='0']"
        )
        await live._tick()
        assert calls == [at("06-08", "09:00")]
    finally:
        live.stop()
    assert live.scheduler is None


class StoppedClock:
    """A clock that cannot be moved by the runner (like the real one): "now" is fixed."""

    def __init__(self, now) -> None:
        self._now = now

    def now(self):
        return self._now

    async def sleep(self, seconds: float) -> None:
        return None


async def test_real_clock_restart_after_a_night_down_catches_up_once(make_harness) -> None:
    from bot.timejobs import TimeJobRunner

    before = make_harness(at("06-08", "09:00"))
    seed_group(before)
    add_request(before, at("06-02", "10:00"))  # overdue
    assert [t for t, _ in await run_until(before, at("06-08", "17:00"))] == ["06-08 09:30"]
    woke = at("06-09", "10:10")  # down from 17:00 until the next morning
    runner = TimeJobRunner(before.engine, before.app.services, StoppedClock(woke))
    assert await runner.advance(woke) == 2  # the digest recorded as skipped, one reminder round
    assert [(r.key[-22:-6], r.status) for r in job_runs(before, "digest:")] == [("2026-06-08T18:00", "skipped")]
    rounds = outbox(before, "sla_reminder")
    assert [r.not_before.astimezone(at("06-09").tzinfo).strftime("%m-%d %H:%M") for r in rounds] == [
        "06-08 09:30",
        "06-09 10:10",
    ]
    assert "第 2 次催办" in rounds[1].text
    assert await runner.advance(at("06-09", "10:11")) == 0
