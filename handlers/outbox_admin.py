"""/outbox (发送队列): admins see what waits to be sent and what could not be delivered."""

from __future__ import annotations

from handlers.framework import ADMIN, Context, Router
from handlers.render import fmt_time, shorten
from storage.groups import get_group
from storage.outbox import recent_failed, requeue, status_counts

router = Router("outbox")

SHOW_FAILED = 5


def _where(ctx: Context, room_id: str) -> str:
    group = get_group(session=ctx.session, room_id=room_id)
    return group.name if group is not None and group.name else room_id


@router.command(
    "outbox",
    "发送队列",
    usage="/outbox [retry 编号]",
    summary="查看待发送和发送失败的消息；retry 重发一条失败的消息",
    permission=ADMIN,
)
def outbox(ctx: Context) -> None:
    """Counts by status and the latest failed messages; `retry N` sends a failed message again."""
    word, _, rest = ctx.args.partition(" ")
    if word.lower() in ("retry", "重发"):
        _retry(ctx, rest.strip().lstrip("#＃"))
        return
    counts = status_counts(session=ctx.session)
    lines = [
        f"发送队列：待发送 {counts.get('pending', 0) + counts.get('sending', 0)} 条，"
        f"发送失败 {counts.get('failed', 0)} 条，已发送 {counts.get('sent', 0)} 条，"
        f"重复未发 {counts.get('skipped', 0)} 条。"
    ]
    failed = recent_failed(session=ctx.session, limit=SHOW_FAILED)
    if failed:
        tz = ctx.services.policy.bot.tz
        lines.append("最近发送失败的消息：")
        for row in failed:
            reason = shorten(row.last_error or "原因不明", 40)
            lines.append(
                f"{row.id}. {fmt_time(row.created_at, tz)} → {_where(ctx, row.room_id)}："
                f"「{shorten(row.text, 30)}」（尝试 {row.attempts} 次；{reason}）"
            )
        lines.append("确认需要时，发送 /outbox retry 编号 重发。")
    ctx.reply("\n".join(lines))


def _retry(ctx: Context, arg: str) -> None:
    if not arg.isdigit():
        ctx.reply("用法：/outbox retry 编号（编号见 /outbox 列出的失败消息）")
        return
    row = requeue(session=ctx.session, pk=int(arg), at=ctx.now)
    if row is None:
        ctx.reply(f"没有编号为 {arg} 的发送失败消息。")
        return
    ctx.reply(f"已重新排队：第 {arg} 条消息将发往「{_where(ctx, row.room_id)}」。")
