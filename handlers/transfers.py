"""An official passing a request on to another department (已转给交通运输局…, 请审批局跟进, 归审批局管)."""

from __future__ import annotations

import re

from handlers.addressing import mentioned_departments
from handlers.framework import Context
from handlers.matching import overlap
from storage.ledger import ACTIVE, requests_involving
from storage.models import Request

# 已转给…, 请审批局跟进, 归审批局管, 是农业农村局在管 (not the 请 of 申请: "备案后再申请通行证" sends no one anywhere)
_TRANSFER = re.compile(r"转给|转交|转到|移交|转办|(?<![申邀提])请|负责|归|对接|在管|管的|管这")
# 我们跟交通局对接了: the official worked with another office on it; 后面的许可我们可以全程帮办代办，…@住建局: the
# official's office keeps it (让你们设计院先跟我对接 too). Either way it is passed to no one
_COORDINATED = re.compile(
    r"(?:跟|和|与|同)[^，。,.!?！？]{1,10}?对接(?:过|了)|我们(?:可以|来|会|这边)?(?:全程)?(?:帮办|代办|牵头|负责)"
    r"|(?:跟|和|与|同|找)(?:我|我们)(?:这边)?(?:直接)?对接"  # 让你们设计院先跟我对接: the official keeps it
)


def transfer_target(ctx: Context) -> str | None:
    """When an official routes the request to another department ("已转给交通运输局…")."""
    own = ctx.sender.department
    words = {m.group() for m in _TRANSFER.finditer(ctx.analysis.text)}
    if not words or (words <= {"对接", "负责"} and _COORDINATED.search(ctx.analysis.text)):
        return None
    mentioned = {d for d in mentioned_departments(ctx) if d != own}
    if len(mentioned) == 1:  # 不是农技中心的业务…@自规局-方科 麻烦您看一下: the one called in
        return mentioned.pop()
    named = sorted({d for d in [*ctx.analysis.departments_named, *mentioned] if d and d != own})
    return named[0] if len(named) == 1 else None


def routed_there(ctx: Context, req: Request, target: str) -> Request:
    """An official passes `req` on to `target` (消防验收是住建局负责的，已转给住建局): when its requester has an active
    request in the group already routed there by its remit, that one is meant (the one on the message's words, else
    the newest), not their request to the official's own office."""
    mine = requests_involving(session=ctx.session, wechat_id=req.requester_id, statuses=ACTIVE)
    there = [r for r in mine if r.department == target and r.group_id == ctx.message.room_id and r.id != req.id]
    there.sort(key=lambda r: -(r.id or 0))  # newest first
    meant = next((r for r in there if overlap(ctx, r)), there[0] if there else req)
    # unless the message's words are more of `req` (残保金是税务局征收的…转给税务 on the ask about 残保金, not on
    # their earlier ask about 高企 already with 税务局)
    return req if meant is not req and overlap(ctx, req) > overlap(ctx, meant) else meant
