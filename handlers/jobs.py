"""The time-driven jobs as a function of the ledger and "now".

`moments(since, until)` lists when something may fall due: the reminder grid, the end of quiet
hours, digest fire times, reminders' due times and meeting reminder times. `plan(moment, now)`
lists the once-only jobs due at a moment; `execute(job, now)` applies one of them in the
caller's unit of work: it claims the job's key (JobRun), applies its ledger changes and stores
its messages in the outbox, all in one commit. Replay (virtual clock) and the live scheduler
(real clock) both go through these three functions.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from handlers import digest, notices, remind, reminders
from handlers.schedule import Job, Moment, Outcome, cron_trigger, fire_times, grid, parse_hhmm
from handlers.services import Services
from storage import jobs as store
from storage.models import OutboxBase
from storage.outbox import enqueue


def digest_schedules(services: Services) -> dict[str, str]:
    """The enabled digest schedules: name → cron expression."""
    conf = services.policy.digests
    return {name: sched.cron for name, sched in (("daily", conf.daily), ("weekly", conf.weekly)) if sched.enabled}


def moments(*, session: Session, services: Services, since: datetime, until: datetime) -> list[Moment]:
    """Every moment in (since, until] at which the jobs are evaluated, in order."""
    tz, conf = services.policy.bot.tz, services.policy.reminders
    at: dict[datetime, set[str]] = {}
    for t in grid(since, until, conf.check_every_minutes, tz, (parse_hhmm(conf.quiet_end),)):
        at.setdefault(t, set())
    for name, cron in digest_schedules(services).items():
        for t in fire_times(cron_trigger(cron, tz), since, until):
            at.setdefault(t, set()).add(name)
    for t in store.reminder_times(session=session, after=since, until=until):
        at.setdefault(t, set())
    before = timedelta(hours=conf.meeting_before_hours)
    if before:
        for m in store.meetings_to_remind(session=session, after=since + before, before=until + before):
            if m.starts_at is not None:
                at.setdefault(m.starts_at - before, set())
    return [Moment(t.astimezone(tz), tuple(sorted(names))) for t, names in sorted(at.items())]


def plan(*, session: Session, services: Services, moment: Moment, now: datetime, state: bool = True) -> list[Job]:
    """The jobs due at `moment` (evaluated at `now`).

    Digests firing at the moment are always planned (sent, or recorded as skipped when late by
    more than the grace period). The state-driven jobs (reminder rounds, notices, /remind
    reminders) are planned when `state` is true and the moment is outside quiet hours: they
    look at the ledger, so whatever fell due during quiet hours is found in the morning.
    """
    groups = store.enabled_group_ids(session=session)
    jobs = digest.plan(services, moment, groups, now)
    t = moment.at
    if state and not remind.quiet_hours(services).is_quiet(t):
        jobs += reminders.plan(session, services, t, groups)
        jobs += notices.plan(session, services, t, groups)
        jobs += remind.plan(session, services, t, groups)
    return jobs


def execute(*, session: Session, services: Services, job: Job, now: datetime) -> Outcome | None:
    """Run one job in the caller's unit of work; None when it was already done or had nothing to do.

    Raises IntegrityError when another process claimed the same key first: the caller rolls
    back, and the other process's messages are the ones sent.
    """
    if store.is_claimed(session=session, key=job.key):
        return None
    outcome = job.run(session)
    if outcome is None:
        return None
    store.claim(session=session, key=job.key, at=now, status=outcome.status, detail=outcome.detail)
    for key in outcome.keys:
        store.claim(session=session, key=key, at=now, status="sent", detail=job.key)
    push = remind.quiet_hours(services).push_time(max(now, job.not_before or now))
    for msg in outcome.messages:
        enqueue(
            session=session,
            data=OutboxBase(room_id=msg.room_id, text=msg.text, mention_ids=list(msg.mention_ids)),
            at=now,
            not_before=push,
            purpose=job.kind,
        )
    return outcome
