"""Procurement lists (采购清单) and meeting notices are registered from the chat."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from handlers.framework import ADMIN, Context, Router
from handlers.notices import list_goods
from handlers.render import items_summary, shorten
from nlp.types import Item, MeetingInfo
from storage.models import Meeting, ProcurementItem, ProcurementList
from storage.procurement import (
    create_list,
    create_meeting,
    get_list,
    items_of,
    meeting_at,
    meeting_changed,
    open_lists_of,
)

router = Router("procurement")


def _is(label: str):
    return lambda ctx: ctx.analysis.label == label


_LIST_NO = re.compile(r"\s*[Pp]?\s*(\d{1,9})\b")


@router.command(
    "closelist",
    "关闭采购",
    usage="/closelist P编号",
    summary="关闭一份采购清单（已采购完成或登记有误），不再提醒",
    permission=ADMIN,
)
def close_list(ctx: Context) -> None:
    """Close a procurement list by hand: no more deadline reminder, no longer listed as due."""
    m = _LIST_NO.match(ctx.args or "")
    if m is None:
        ctx.reply("用法：/closelist P编号，例如 /closelist P3")
        return
    no = int(m.group(1))
    plist = get_list(session=ctx.session, list_id=no)
    if plist is None:
        ctx.reply(f"没有找到采购清单 P{no}。")
        return
    if plist.closed_at is not None:
        ctx.reply(f"采购清单 P{no} 已经关闭，无需重复操作。")
        return
    plist.closed_at = ctx.now
    ctx.session.add(plist)
    ctx.reply(f"采购清单 P{no}（{list_goods(ctx.session, plist)}）已关闭，不再提醒。")


# still wanted (还需要 may be "also need"; 还要 only before an amount: 白砂糖还要20吨)
_STILL_NEEDED = re.compile(
    r"还差|还缺|还剩|就差|只差|就剩|只剩|还需(?!要)|仍需|仍缺|还要(?=\s*(?:\d|[一二两三四五六七八九十几]))"
    r"|再(?:找|要|收)(?=\s*(?:\d|[一二两三四五六七八九十几]))"  # 就要你那台了，再找两台: the rest of their list
)
# "更新一下：托盘已经订了，地牛还缺10台", "需求更新：…由40台调整为60台": their list, updated
_UPDATE_MARK = re.compile(
    r"^\s*(?:清单|采购|需求|订单|询价|求购)?(?:更新|调整|变更)"
    r"|(?:数量|需求量|量)(?:增加|追加|调整|改|减少|减)(?:到|为|成)"  # 询价更新：法兰盘数量增加到800件，其他两项不变
)
_UPDATE_REACH = timedelta(days=30)


def _may_update(ctx: Context) -> bool:
    a = ctx.analysis
    marked = _STILL_NEEDED.search(a.text) is not None or _UPDATE_MARK.search(a.text) is not None
    return a.label == "procurement" and bool(a.items) and marked


@router.message(_may_update, name="update_procurement")
def update_procurement(ctx: Context) -> bool | None:
    """The buyer says what is still wanted of their open list (保温箱有人报价了 还缺100个): that list's amounts (and
    deadline) change, and no second list is registered. A message that says it updates their list (更新一下：…地牛还缺
    10台) updates the list holding some of those goods, else their latest. False when no open list of theirs fits."""
    a, msg = ctx.analysis, ctx.message
    since = msg.timestamp - _UPDATE_REACH
    lists = open_lists_of(session=ctx.session, group_id=msg.room_id, poster_id=msg.sender_id, since=since)
    marked = _UPDATE_MARK.search(a.text) is not None
    for n, plist in enumerate(lists):
        assert plist.id is not None
        items = items_of(session=ctx.session, list_id=plist.id)
        rows = [_same_goods(i, items) for i in a.items]
        # other goods of this list named beside the amount (托盘和缠绕膜都到货了，地牛还差3台): an update of it (not
        # the goods the amount is for, in another unit: 粽叶还差3万个 for 粽叶 in 片)
        names_others = any(it.name and it.name in a.text and not _same_name(it.name, a.items) for it in items)
        # every amount is of this list's goods; or the buyer says it updates their list (the latest when no
        # goods match: 地牛 for 手动液压搬运车), and the amounts that match are changed
        if not all(rows) and not ((marked or names_others) and (any(rows) or n == 0 or names_others)):
            continue
        changed = []
        for i, row in zip(a.items, rows, strict=True):
            if row is None:
                continue
            row.quantity, row.unit = i.quantity, i.unit or row.unit
            ctx.session.add(row)
            changed.append(row)
        if a.deadline:
            plist.deadline, plist.reminded_at = a.deadline, None
            ctx.session.add(plist)
        ctx.label = "procurement"
        due = f"；截止 {plist.deadline.month}月{plist.deadline.day}日" if a.deadline and plist.deadline else ""
        need = f"，现需：{items_summary(changed)}" if changed else ""
        ctx.reply(f"已更新采购清单 P{plist.id}{need}{due}。有货源的企业请直接联系。")
        return None
    return False


def _same_name(name: str, items: list[Item]) -> bool:
    """One of `items` has the name, within it or around it."""
    return any(i.name and (i.name in name or name in i.name) for i in items)


def _same_goods(item: Item, rows: list[ProcurementItem]) -> ProcurementItem | None:
    """The list's item the amount is for: one name within the other (保温箱, 冷链保温箱), in the same unit (粽叶 in
    片 is not what 3万个 counts)."""
    for row in rows:
        if (item.name in row.name or row.name in item.name) and (not row.unit or item.unit in (None, row.unit)):
            return row
    return None


@router.message(_is("procurement"), name="register_procurement")
def register_procurement(ctx: Context) -> None:
    """Store the list with its items and confirm it briefly in the group."""
    a = ctx.analysis
    msg = ctx.message
    plist = ProcurementList(
        group_id=msg.room_id,
        poster_id=msg.sender_id,
        poster_name=msg.sender_name,
        text=msg.text,
        deadline=a.deadline,
        contact_phone=a.contact_phone,
        created_at=msg.timestamp,
        source_message_id=ctx.raw_id,
    )
    items = [
        ProcurementItem(
            list_id=0,
            name=i.name,
            spec=i.spec,
            quantity=i.quantity,
            unit=i.unit,
            price=i.price,
            price_unit=i.price_unit,
        )
        for i in a.items
    ]
    create_list(session=ctx.session, plist=plist, items=items)
    ctx.label = "procurement"
    parts = [f"已登记采购清单 P{plist.id}"]
    # no item read out of it: quote its start, so the group sees what was logged
    parts.append(f"：{items_summary(items)}" if items else f"（{shorten(msg.text, 20)}）")
    if a.deadline:
        parts.append(f"；截止 {a.deadline.month}月{a.deadline.day}日")
    if a.contact_phone:
        parts.append(f"；联系电话 {a.contact_phone}")
    ctx.reply("".join(parts) + "。有货源的企业请直接联系。")


@router.message(_is("meeting"), name="register_meeting")
def register_meeting(ctx: Context) -> None:
    """Store a meeting with its extracted date, time and place (for reminders and digests).

    A notice that reschedules, relocates or cancels an announced meeting changes that meeting instead, so
    its reminder follows the new time (or is dropped); an unknown one is stored as a new meeting. A notice of a
    meeting already announced for the same time (a reminder of it) adds its place if the first had none.
    """
    a = ctx.analysis
    info = a.meeting
    ctx.label = "meeting"
    if info and info.change:
        now = ctx.message.timestamp
        earlier = meeting_changed(session=ctx.session, group_id=ctx.message.room_id, now=now, was=info.was)
        if earlier is not None:
            _apply_change(earlier, info, now)
            ctx.session.add(earlier)
            return
        if info.change == "cancel":
            return
    elif info and info.starts_at is not None:
        same = meeting_at(session=ctx.session, group_id=ctx.message.room_id, starts_at=info.starts_at)
        if same is not None:  # "提醒：今天下午2:30银企对接会…" repeats a meeting already announced
            same.place = same.place or info.place
            ctx.session.add(same)
            return
    create_meeting(
        session=ctx.session,
        meeting=Meeting(
            group_id=ctx.message.room_id,
            title=(info.title or "") if info else "",  # no title: reminders and digests say 会议
            text=ctx.message.text,
            starts_at=info.starts_at if info else None,
            place=info.place if info else None,
            created_at=ctx.message.timestamp,
            source_message_id=ctx.raw_id,
        ),
    )


def _apply_change(meeting: Meeting, info: MeetingInfo, now: datetime) -> None:
    if info.change == "cancel":
        meeting.cancelled_at = now
        return
    if info.shift is not None and meeting.starts_at is not None:
        meeting.starts_at = meeting.starts_at + info.shift
    elif info.starts_at is not None:
        meeting.starts_at = info.starts_at
    if info.place:
        meeting.place = info.place
    meeting.reminded_at = None
