"""/remind (提醒): an admin sets a reminder for the group with a natural time expression."""

from __future__ import annotations

import re
from datetime import datetime
from functools import partial

from sqlmodel import Session

from handlers.framework import ADMIN, Context, Router
from handlers.messages import OutgoingMessage
from handlers.render import fmt_time
from handlers.schedule import Job, Outcome, QuietHours, parse_hhmm
from handlers.services import Services
from nlp.when import parse_when
from storage.jobs import add_reminder, due_reminders, get_reminder, pending_reminders
from storage.models import Reminder

router = Router("remind")

USAGE = (
    "用法：/remind 时间 内容，例如 /remind 明天9点 提交季度报表、/remind 周五下午3点 参加座谈会、"
    "/remind 2026-07-01 09:00 申报截止；/remind 列表 查看本群待发提醒；/remind 取消 R3 取消一条提醒"
)
_LIST = {"列表", "list", "ls", "查看", "全部"}
_CANCEL = re.compile(r"^(?:取消|删除|撤销|cancel|del|rm)\s*[Rr#]?\s*(\d+)?\s*$", re.IGNORECASE)
_NOT_CONTENT_START = set("0123456789０１２３４５６７８９点时分:：半刻钟号日月年-/.")


def split_when(args: str, now: datetime) -> tuple[datetime, str] | None:
    """Split "明天9点 提交报表" into (time, content): the shortest leading text that reads as a time,
    is not followed by more of the time expression, and does not change when a few more characters
    are read. None when no such split leaves some content."""
    text = args.strip()
    for i in range(1, min(len(text), 40)):
        rest = text[i:].strip()
        if not rest or rest[0] in _NOT_CONTENT_START:
            continue
        when = parse_when(text[:i], now)
        if when is None:
            continue
        if all(parse_when(text[:j], now) == when for j in range(i + 1, min(len(text), i + 6) + 1)):
            return when, rest
    return None


def quiet_hours(services: Services) -> QuietHours:
    """The configured quiet hours."""
    conf = services.policy.reminders
    return QuietHours(parse_hhmm(conf.quiet_start), parse_hhmm(conf.quiet_end), services.policy.bot.tz)


@router.command(
    "remind",
    "提醒",
    usage="/remind 时间 内容 | 列表 | 取消 R编号",
    summary="在本群设置、查看、取消定时提醒",
    permission=ADMIN,
)
def remind(ctx: Context) -> None:
    """Store a reminder for this group and confirm when it will be sent."""
    if ctx.message.is_direct:
        ctx.reply("请在需要提醒的群里发送 /remind 时间 内容。")
        return
    tz = ctx.services.policy.bot.tz
    if ctx.args.strip().lower() in _LIST:
        _list(ctx)
        return
    if cancel := _CANCEL.match(ctx.args.strip()):
        _cancel(ctx, int(cancel.group(1)) if cancel.group(1) else None)
        return
    parsed = split_when(ctx.args, ctx.now.astimezone(tz)) if ctx.args else None
    if parsed is None:
        problem = "没有看懂提醒时间（时间要晚于现在，时间和内容之间空一格）" if ctx.args else "请写上提醒时间和内容"
        ctx.reply(f"{problem}。\n{USAGE}")
        return
    due, content = parsed
    row = add_reminder(
        session=ctx.session,
        reminder=Reminder(
            group_id=ctx.message.room_id,
            due_at=due,
            text=content,
            created_by=ctx.sender.wechat_id,
            created_at=ctx.now,
        ),
    )
    reply = f"好的，将在 {fmt_time(due, tz)} 在本群提醒：{content}（提醒 R{row.id}）"
    push = quiet_hours(ctx.services).push_time(due)
    if push != due:
        reply += f"\n该时间处于免打扰时段，提醒将于 {fmt_time(push, tz)} 发出。"
    ctx.reply(reply)


def _list(ctx: Context) -> None:
    tz = ctx.services.policy.bot.tz
    rows = pending_reminders(session=ctx.session, group_id=ctx.message.room_id)
    if not rows:
        ctx.reply("本群暂无待发送的提醒。")
        return
    lines = [f"本群待发送的提醒（{len(rows)}条）："]
    lines += [f"R{r.id} {fmt_time(r.due_at, tz)} {r.text}" for r in rows]
    ctx.reply("\n".join(lines) + "\n取消请发 /remind 取消 R编号")


def _cancel(ctx: Context, no: int | None) -> None:
    if no is None:
        ctx.reply("请写上要取消的提醒编号，例如 /remind 取消 R3（/remind 列表 可查看编号）。")
        return
    row = get_reminder(session=ctx.session, no=no)
    if row is None or row.group_id != ctx.message.room_id:
        ctx.reply(f"本群没有提醒 R{no}，请用 /remind 列表 查看编号。")
    elif row.sent_at is not None or row.cancelled_at is not None:
        ctx.reply(f"提醒 R{no} 已{'发送' if row.sent_at else '取消'}，无需再取消。")
    else:
        row.cancelled_at = ctx.now
        ctx.session.add(row)
        ctx.reply(f"已取消提醒 R{no}：{row.text}")


def plan(session: Session, services: Services, t: datetime, groups: list[str]) -> list[Job]:
    """One job per reminder due at or before `t` in these groups."""
    return [
        Job(f"remind:{r.id}", "reminder", t, partial(run_reminder, reminder_id=r.id, t=t))
        for r in due_reminders(session=session, until=t)
        if r.group_id in groups and r.id is not None
    ]


def run_reminder(session: Session, *, reminder_id: int, t: datetime) -> Outcome | None:
    """Send one reminder and mark it sent."""
    row = get_reminder(session=session, no=reminder_id)
    if row is None or row.sent_at is not None or row.cancelled_at is not None:
        return None
    row.sent_at = t
    session.add(row)
    return Outcome("sent", [OutgoingMessage(room_id=row.group_id, text=f"【提醒】{row.text}")], detail=f"R{row.id}")
