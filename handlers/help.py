"""/help: the commands this person may use."""

from __future__ import annotations

from handlers.framework import CommandSpec, Context, Router

router = Router("help")


@router.command("help", "帮助", usage="/help", summary="查看可用命令")
def help_command(ctx: Context) -> None:
    """List the commands the sender is allowed to use."""
    allowed: list[CommandSpec] = ctx.commands_for(ctx.sender) if ctx.commands_for else []
    lines = [f"{ctx.services.policy.bot.name} 可用命令："]
    for spec in allowed:
        alias = f"（{'、'.join(spec.aliases)}）" if spec.aliases else ""
        lines.append(f"{spec.usage}{alias}：{spec.summary}")
    lines.append("在群里直接描述问题即可登记诉求；引用或带上 #编号 回复可关联到对应诉求。")
    ctx.reply("\n".join(lines))
