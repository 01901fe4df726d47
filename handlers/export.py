"""/export (导出): the 问题台账 as an Excel workbook (or CSV), posted by the bot as a file.

In a group the file goes to the admin privately (the ledger names every group's companies);
in a private chat it comes back there.
"""

from __future__ import annotations

import os
from pathlib import Path

from handlers.framework import ADMIN, Context, Router
from handlers.messages import OutgoingMessage
from handlers.workbook import csv_text, export_filename, ledger_entries, xlsx_bytes
from storage.ledger import list_requests

router = Router("export")

DEFAULT_DIR = "data/exports"


def export_dir() -> Path:
    """Where exported files are written (env CLUSTERBOT_EXPORT_DIR, default ./data/exports)."""
    path = Path(os.environ.get("CLUSTERBOT_EXPORT_DIR") or DEFAULT_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


@router.command(
    "export",
    "导出",
    usage="/export [csv]",
    summary="导出问题台账（Excel 表格，私聊发给您）",
    permission=ADMIN,
)
def export_ledger(ctx: Context) -> None:
    """Write the whole ledger to a file and send it to the admin."""
    fmt = "csv" if ctx.args.strip().lower() in ("csv", "表格csv") else "xlsx"
    sla = ctx.services.sla
    entries = ledger_entries(session=ctx.session, requests=list_requests(session=ctx.session), sla=sla, now=ctx.now)
    name = export_filename(ctx.now, sla.tz, fmt)
    path = export_dir() / name
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "csv":
        tmp.write_text(csv_text(entries), encoding="utf-8")
    else:
        tmp.write_bytes(xlsx_bytes(entries))
    tmp.replace(path)
    to = ctx.message.sender_id
    if ctx.message.is_direct:
        ctx.reply(f"问题台账已导出，共 {len(entries)} 件诉求：")
    else:
        ctx.reply(f"问题台账已导出（共 {len(entries)} 件诉求），文件已私聊发给您。")
        ctx.reply(f"问题台账（共 {len(entries)} 件诉求）：", room_id=to)
    ctx.replies.append(OutgoingMessage(room_id=to, text=name, file_path=str(path.resolve())))
