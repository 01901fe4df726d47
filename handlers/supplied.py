"""A buyer (or the official who forwarded their list) says the need is met (凑齐了, 找到货源了, 猪后腿找到了 不用了,
这单取消了): their procurement list is closed, so it is no longer reminded of, nor listed as due in digests."""

from __future__ import annotations

import re
from datetime import timedelta

from handlers.framework import Context, Router
from handlers.notices import list_goods
from nlp.naming import HEAD_NOUNS
from storage.ledger import ACTIVE, requests_involving
from storage.models import ProcurementItem, ProcurementList
from storage.procurement import items_of, open_lists_of

router = Router("supplied")

# the message speaks of the whole list (采购清单已经全部订好了，保温箱冰袋都到货了): naming some items closes it
_WHOLE = re.compile(
    r"清单|全部|所有|整批|这批|本次|这次|询价结束|采购结束|这单|那单|[这那]个需求|那个询价|这个询价"
    r"|作废|之前发的|上次发的|都取消|全取消|需求[^，。,.!！]{0,2}撤"  # 之前发的…询价作废, 叉车那个需求先撤了
    # 货都配齐了, 找齐了; 客户那边的单子取消了: the whole need
    r"|货都|[配备采买购找]齐|单子[^，。,.!！]{0,2}(?:取消|黄了|没了)"
    r"|询价[^，。,.!！]{0,2}撤|单子[^，。,.!！]{0,2}撤|上周发的"  # 上周发的托盘询价撤了: the inquiry, named by one item
    r"|不用再报|别再报|不要再报|不用再发"  # 土猪已经收够了…收猪的不用再报了: no more quotes, for the list
    r"|都齐|[两几]批|(?:^|[，,。\s])够了"  # 托盘、周转箱、货架都齐了，这两批…; 纸箱…订好了，够了: the whole need
    r"|[这那]个(?:采购|求购|询价)|采购[^，。,.!！]{0,2}关"  # 这个采购关了
    r"|(?:备货|货源|货)(?:也|都|已经?)?够了"  # 清明备货够了
)
_SEVERAL = re.compile(r"[两几俩]批|[两几俩]单|[两几]张单|这些单|这几单|[两几]个清单|[两几]份清单")
_REACH = timedelta(days=60)  # a "凑齐了" is about a list of the last two months, not an old one


def _buyer_says_met(ctx: Context) -> bool:
    return ctx.analysis.need_met  # the buyer, or the official who forwarded their list: only the sender's lists close


@router.message(_buyer_says_met, name="list_filled")
def list_filled(ctx: Context) -> bool | None:
    """Close the sender's list the message is about: the one whose items it names, else (when the sender has no
    request here it could be about instead) their latest. False when it is about none, so others may handle it."""
    msg = ctx.message
    lists = open_lists_of(
        session=ctx.session, group_id=msg.room_id, poster_id=msg.sender_id, since=msg.timestamp - _REACH
    )
    meant = _meant(ctx, lists) if lists else []
    if not meant:
        return False
    ctx.label = ctx.analysis.label
    for plist in meant:
        plist.closed_at = msg.timestamp
        ctx.session.add(plist)
        ctx.reply(f"采购清单 P{plist.id}（{list_goods(ctx.session, plist)}）已标记为完成，不再提醒。")
    return None


def _meant(ctx: Context, lists: list[ProcurementList]) -> list[ProcurementList]:
    """The lists whose items the message names (托盘、周转箱、货架都齐了，这两批…: each of them; none of a list
    when it names only some: 干辣椒谈好了 leaves the 花椒 of that list open, unless it speaks of the whole list:
    清单全部订好了，保温箱冰袋都到货了) or whose one item's amount it gives, else the latest list unless the sender has
    a request in the group and the message names no list (劳保那单取消哈 does)."""
    text = ctx.analysis.text
    meant, some = [], False
    for plist in lists:  # newest first
        assert plist.id is not None
        items = items_of(session=ctx.session, list_id=plist.id)
        names = {it.name for it in items if it.name}
        named = {n for n in names if _named(n, text)}
        amount = _amount(items[0]) if len(items) == 1 else None
        if (named and (named == names or _WHOLE.search(text))) or (not named and amount and amount in text):
            meant.append(plist)  # 黄豆在张厂长那拿了5吨，够了: its one item's amount, by another name
        some = some or bool(named)
    if meant or some:  # several lists only when it speaks of several (这两批); else the newest it names
        return meant if _SEVERAL.search(text) else meant[:1]
    mine = requests_involving(session=ctx.session, wechat_id=ctx.message.sender_id, statuses=ACTIVE)
    mine = [r for r in mine if r.group_id == ctx.message.room_id]
    if mine and not _WHOLE.search(text):
        # 袋子买到了 不用了, 钢板订好了: the goods of their latest list by their head noun, unless a request says it too
        assert lists[0].id is not None
        head = _head_word(items_of(session=ctx.session, list_id=lists[0].id), text)
        if head is None or any(head in r.text for r in mine):
            return []  # "不用了，我们找到老师了" may be about their request: the request handlers decide
    return lists[:1]


# what a product is (自封袋, 冷轧板), as chat calls it: naming's head nouns but those too common in talk (机, 车, 线)
_HEAD_NOUNS = HEAD_NOUNS - frozenset("机车线囊")


def _head_word(items: list[ProcurementItem], text: str) -> str | None:
    """The word the text calls the list's goods by: their head noun with 子 or another character before it (袋子 for
    自封袋, 钢板 for 冷轧板; not 老板)."""
    for it in items:
        head = (it.name or "")[-1:]
        if head and head in _HEAD_NOUNS:
            m = re.search(rf"{head}子|(?<!老)[\u4e00-\u9fff]{head}", text)
            if m:
                return m.group()
    return None


def names_own_list(ctx: Context) -> bool:
    """The message names goods of one of the sender's open lists in the group (叉车报价收到三家了，货架还没人报): a
    buyer's update on the list, not news of a request."""
    msg = ctx.message
    lists = open_lists_of(
        session=ctx.session, group_id=msg.room_id, poster_id=msg.sender_id, since=msg.timestamp - _REACH
    )
    text = ctx.analysis.text
    return any(
        it.name and _named(it.name, text)
        for plist in lists
        if plist.id
        for it in items_of(session=ctx.session, list_id=plist.id)
    )


def _amount(item: ProcurementItem) -> str | None:
    """The item's quantity and unit as written in chat (5吨), None when it has none."""
    if item.quantity is None or not item.unit:
        return None
    return f"{item.quantity.normalize():f}{item.unit}"


def _named(name: str, text: str) -> bool:
    """The text names the item, its head word (辣椒 for 干辣椒, 豆瓣 for 郫县豆瓣) or a short form of a longer name,
    which opens with its first two characters (玻璃瓶 for 玻璃管制瓶, 铝塑盖 for 铝塑组合盖, 伺服 for 伺服电机)."""
    if name in text or any(name[i:] in text for i in range(1, len(name) - 1)):
        return True
    return len(name) >= 4 and name[:2] in text
