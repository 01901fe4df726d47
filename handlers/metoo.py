"""Joining a request: a "+1 / 同问 / 我们也需要" makes the sender a co-requester of the request it agrees with."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from itertools import takewhile

from handlers.framework import Context
from handlers.matching import same_matter
from handlers.references import Link, explicit, quoted
from nlp.threads import asks_the_group, matter_words
from storage.groups import member_department
from storage.ledger import ACTIVE, add_co_requester, get_request, list_requests
from storage.messages import recent_messages
from storage.models import Request

# agreeing, then the same trouble of one's own (对对对，我们车队也天天被堵在门外)
_AGREE_WE_TOO = r"(?:对对对?|对的|是的|没错|确实)[，,!！\s]+我们(?![这那]边|[这那]里)[\u4e00-\u9fff]{0,4}?也"
_LEADING = re.compile(
    r"\s*(?:\+\s*1|＋1|同问|同求|同上|同感\s*[，,]?\s*[+＋]\s*1|我们(?![这那]边|[这那]里)[\u4e00-\u9fff]{0,5}?也(?:是|一样|要(?=[，,!！。\s]))|我们都没|一样的|附议|支持[!！。,，\s]|支持$"
    r"|(?:我|我们|我家)[\u4e00-\u9fff]{0,4}?也想(?:问|了解|知道)(?:一?下)?这个"  # 我也想问这个 卖给康源人家也要票
    rf"|{_AGREE_WE_TOO})"
)  # agreeing comes first (我们黄精也是一样的, 支持！)
# "确实，我们冷链通也是…": the company's name between 我们 and 也是 (the classifier's me_too knows 我们也是)
WE_TOO = re.compile(
    r"(?:确实|对|是的|真的)?[，,\s]*我们[\u4e00-\u9fff]{2,5}?也(?:是|一样)(?:一样)?的?(?:[，,。!！\s]|$)"
    r"|我们[\u4e00-\u9fff]{0,5}?也要[，,!！。\s]"  # 我们也要，灌装线一停就要重新消毒: the same need
    rf"|{_AGREE_WE_TOO}"
)
# (WE_TOO reads a chatter message as a "+1"; _LEADING, which links it, leaves out 这边/那边: "我们这边也是，湿气重"
# agrees with the weather, not with a request)
# asking to be taken along (我们也缺人…求一起对接, 带上我们): agreement, wherever it stands
_JOINT = re.compile(
    r"求一起|一起对接|一起问问|一起问下|一起问一下|一起反映|一起协调|带上我们|算上我们|算我一个|算我们一个|算我们一家"
    r"|我们[\u4e00-\u9fff]{0,4}?也缺|[,，。!！]\s*支持\s*[!！。]*$"
)
_SAME_AS_SAID = re.compile(r"也是这样|也这样|也是这个情况|也是这种情况|情况一样|也一样")  # points back at what was said
_TRADE = re.compile(r"私聊|私你|私信你|加你微信|价格合适|价钱合适|长期签|报个价")
_THANKS = re.compile(r"谢谢|感谢|多谢|辛苦了|麻烦了")
_ME_TOO_REACH = 6  # a bare "+1" agrees with what the group's last few messages were about
# "我们…也" opening the reply to another member's request (我们黄精地也差不多…, 我们那边也是黑的, 我们也在园北线上…):
# the same trouble of one's own, told right after it
# (也没到, 也不亮: the same trouble; 也没事, 也不影响, 也没遇到: none)
_WE_ALSO = re.compile(
    r"(?:我们|我家|咱们|俺们|我那|我这)[\u4e00-\u9fff]{0,8}?也"
    r"(?!(?:不|没有?)(?:事|影响|问题|遇到|发现|碰到|出现|这|那|啥|什么|受|怕|用|需要|缺|担心|着?急))"
)
_RIGHT_AFTER = timedelta(minutes=20)
_REMARK = 8  # characters: a remark to agree with, not a sticker or an ack
_WE_ALSO_REACH = 20  # after a word for the requester: "顾队说的是实话，我们冷链车也这样"
_TOLD_BEFORE = re.compile(r"去年|前年|以前|之前|上次|那时|当时")  # 我们去年也卡了半个月: a peer's experience
# 我们厂也用天然气，倒没发现这问题: the same setting without the trouble
# and the same trouble that does not hurt (也在停电范围里，4个钟头还好，冷库撑得住)
_NOT_SO = re.compile(
    r"倒没|倒是没|没(?:发现|遇到|碰到|出现|有)(?:过)?这|没这(?:个|种)?(?:问题|情况)"
    r"|[撑扛顶]得住|影响不大|没(?:啥|什么)影响|不影响(?:我们|生产)?|问题不大"
)
_ASKED = re.compile(r"[?？]")
_THERE_TOO = re.compile(r"\s*我们[这那](?:边|里|儿)也")
# a peer's past experience (去年我们也遇到过，找金融办是对的): advice, not the same need now
# (去年我们李家坪也是这样，后来换了台变压器才好: what happened to them, and what fixed it)
_PAST_TOO = re.compile(
    rf"(?:{_TOLD_BEFORE.pattern})[^，。！？!?]{{0,8}}也[^，。！？!?]{{0,6}}过"
    rf"|(?:{_TOLD_BEFORE.pattern})[^。！？!?]{{0,8}}也[^。！？!?]{{0,16}}后来"
)
# commiserating (都一样，我们也是，熬吧): sharing the mood, not joining an ask
_COMMISERATE = re.compile(
    r"都一样[，,。!！\s]|都一样$|熬吧|熬着吧|忍着吧|谁不是呢|都不容易|大家都难|也在愁|莫得法|没得法|没法子"
    r"|也难[做搞]?(?:[，,。!！\s]|$)|也不容易|没法做"
)  # 我们也在愁，莫得法; 我们做药厂的也难


def right_after_request(ctx: Context) -> Request | None:
    """The active request another member raised in the group's message right before this one, within _RIGHT_AFTER,
    when this message says "我们…也" at its start: the request it joins."""
    text = ctx.analysis.text
    we = _WE_ALSO.search(text, 0, _WE_ALSO_REACH)
    if we is None or _TOLD_BEFORE.search(text, 0, we.end()) or _NOT_SO.search(text, we.end()) or _TRADE.search(text):
        return None  # (老蒋，白芷我们川康也要…私聊: a buyer answering a grower's ask for buyers)
    if _ASKED.search(text, 0, we.start()):
        return None  # 大刘你那五台车哪家的？续航咋样，我们也在看电动的: asking the requester, then a word of one's own
    room, at = ctx.message.room_id, ctx.message.timestamp
    before = recent_messages(session=ctx.session, room_id=room, at=at, exclude_pk=ctx.raw_id, limit=1)
    if not before or before[0].request_id is None or before[0].sender_id == ctx.message.sender_id:
        return None
    req = get_request(session=ctx.session, no=before[0].request_id)
    if req is None or req.status not in ACTIVE or req.source_message_id != before[0].id:
        return None  # the message before answered a request or followed one up: it raised none
    return req if at - before[0].ts <= _RIGHT_AFTER else None


_OWN_WORDS = timedelta(hours=12)  # a requester's remarks this soon after their ask are about it


def right_after_chatter(ctx: Context, active: list[Request]) -> bool:
    """The message says "我们…也" at its start right after a member's remark that raised, joined and followed up no
    request (这雨下了一个礼拜了，白术地全泡着 → 我们板蓝根也是，叶子都烂了): it agrees with that, not an older request.
    An official's "收到" or a requester's own words after their ask (车牌都上号了，就差这个; their ask among `active`,
    the group's open requests) are no such remark."""
    if _WE_ALSO.search(ctx.analysis.text, 0, _WE_ALSO_REACH) is None:
        return False
    room, at, me = ctx.message.room_id, ctx.message.timestamp, ctx.message.sender_id
    rows = recent_messages(session=ctx.session, room_id=room, at=at, exclude_pk=ctx.raw_id, limit=4)
    rows = [r for r in rows if at - r.ts <= _RIGHT_AFTER and r.sender_id != me]
    if not rows or rows[0].label != "chatter" or rows[0].request_id is not None or len(rows[0].text) < _REMARK:
        return False
    if _THANKS.search(rows[0].text):
        return False  # 要得要得，谢谢杨站: a requester's thanks to the office, no remark of their own to agree with
    said = rows[0].sender_id
    if any(r.sender_id == said and r.label == "request" for r in rows):
        return False  # their own words after their ask
    if any(r.requester_id == said and at - r.created_at <= _OWN_WORDS for r in active):
        return False  # 好的，负荷大概280kW…: the requester answering the office about their ask of this morning
    return member_department(session=ctx.session, group_id=room, wechat_id=said) is None


def agrees_first(text: str) -> bool:
    """The message opens with agreeing (+1, 同问, 我们…也是): what follows may be an ask of its own."""
    return _LEADING.match(text) is not None


def link_me_too(ctx: Context) -> Link:
    """A "+1 / 同问" joins the quoted or referenced request, else the request the group's last few messages raised or
    answered (a "+1" after a joke about the canteen joins nothing); one that says what it is about ("同问，我们员工
    也是末班车赶不上", "我们也想搞应收账款融资") joins the latest request on that matter, or none, unless it points
    back at what was just said (同求，我们仓库晚班的人也是这样)."""
    for finder in (explicit, quoted):
        link = finder(ctx)
        if link is not None:
            return link
    if _NOT_SO.search(ctx.analysis.text) or _COMMISERATE.search(ctx.analysis.text):
        return Link()  # 我们厂也用天然气，倒没发现这问题 (the same setting without the trouble); 都一样，熬吧
    if _PAST_TOO.search(ctx.analysis.text) and _LEADING.match(ctx.analysis.text) is None:
        return Link()  # 马总别急，去年我们也遇到过: their experience
    active = list_requests(session=ctx.session, statuses=ACTIVE, group_id=ctx.message.room_id, newest_first=True)
    if right_after_chatter(ctx, active):
        return Link()  # 我们板蓝根也是，叶子都烂了 right after a sigh about the rain: the sigh, not yesterday's request
    others = [r for r in active if r.requester_id != ctx.message.sender_id]
    active_ids = {r.id for r in active}
    adjacent = right_after_request(ctx)
    # right after a request, unless it names the matter of another one (同问，我们员工也是末班车赶不上)
    if adjacent is not None and (
        same_matter(ctx, adjacent) or not any(same_matter(ctx, r, matter_only=True) for r in others)
    ):
        return Link(adjacent, "latest")
    by_no = {r.id: r for r in others}
    leading = _LEADING.match(ctx.analysis.text) is not None or _JOINT.search(ctx.analysis.text) is not None
    # a bare "+1", or one that opens the message ("+1 我们冷链车也经常半夜到…"): what the group just raised
    # up to a request the group just closed (确实，我们的也没迟到 after "宽松多了，谢谢"): no older one is meant
    recent = takewhile(lambda no: no in active_ids, dict.fromkeys(_agreed_with(ctx)))
    agreed = [by_no[no] for no in recent if no in by_no]
    if leading and agreed and _SAME_AS_SAID.search(ctx.analysis.text):
        return Link(agreed[0], "latest")  # 同求，我们仓库晚班的人也是这样: what was just said, whatever else it names
    if matter_words(ctx.analysis.topics):  # "我们也想搞应收账款融资": the latest request on that matter
        on_matter = [r for r in others if same_matter(ctx, r, matter_only=True)]  # 员工 in both is no matter
        if on_matter or not leading:
            return Link(on_matter[0], "latest") if on_matter else Link()
    if _THERE_TOO.match(ctx.analysis.text):
        return Link()  # 我们那边也是，热得遭不住: the weather, unless on the matter of a request or right after it
    return Link(agreed[0], "latest") if agreed else Link()


def _agreed_with(ctx: Context) -> list[int]:
    """The requests the group's last few messages raised or were linked to, newest first, up to the latest question
    or invitation a peer put to the group (今晚谁去撸串): a "+1 / 算我一个" after it answers it."""
    recent = recent_messages(
        session=ctx.session,
        room_id=ctx.message.room_id,
        at=ctx.message.timestamp,
        exclude_pk=ctx.raw_id,
        limit=_ME_TOO_REACH,
    )
    out: list[int] = []
    for row in recent:
        if row.request_id is not None:
            out.append(row.request_id)
        elif row.label == "chatter" and row.sender_id != ctx.message.sender_id and asks_the_group(row.text):
            break
    return out


def join(ctx: Context, req: Request) -> None:
    """Make the sender's company a co-requester of `req` and say so (once)."""
    added = add_co_requester(
        session=ctx.session,
        request=req,
        wechat_id=ctx.sender.wechat_id,
        name=ctx.message.sender_name,
        organisation=ctx.sender.organisation,
        at=ctx.message.timestamp,
        message_id=ctx.raw_id,
    )
    if added:
        who = ctx.sender.organisation or ctx.message.sender_name
        ctx.reply(f"已将 {who} 加入诉求 #{req.id} 的共同诉求方。")


# the same ask as another member's: "我们康元也想问人才公寓的事", "孙师傅说的停车场那个事 我们也是", "补充一下赵总说的…"
_ALSO_ASKS = re.compile(
    r"我们[\u4e00-\u9fff]{0,4}?也(?:是|想|要|有|遇到|一样|存在)"
    r"|[\u4e00-\u9fff]{1,4}说的[^，。,.!?！？]{0,8}(?:那个事|那件事|那段|那个问题|的事)|补充一下"
)


_SAME_CASE = re.compile(r"也是一样|也一样|一样的情况|同样的问题|同样的情况")
_SAME_CASE_REACH = timedelta(days=3)  # "也是一样" without a shared word agrees with a request of the last few days


def joined_ask(ctx: Context, since: datetime) -> Request | None:
    """A would-be request that says the sender has the same ask as another member's active request in the group
    (raised since `since`) to the same department, sharing a word of its matter (or, when it says the case is the
    same, raised in the last few days): that request, else None."""
    a = ctx.analysis
    adjacent = right_after_request(ctx) if a.department else None
    if adjacent is not None and adjacent.department == a.department:
        return adjacent  # 我们也在园北线上…发电车能不能也给我们安排一台, right after the ask for one
    if not a.department or _ALSO_ASKS.search(a.text) is None:
        return None
    words = matter_words(a.topics) or set(a.topics)
    same = _SAME_CASE.search(a.text) is not None  # 我们家的玉竹也是一样愁卖: the same case, whatever its words
    recent = ctx.message.timestamp - _SAME_CASE_REACH
    active = list_requests(session=ctx.session, statuses=ACTIVE, group_id=ctx.message.room_id, newest_first=True)
    for req in active:
        if req.requester_id == ctx.message.sender_id or req.department != a.department or req.created_at < since:
            continue
        if words & set(req.topics.split()) or (same and req.created_at >= recent):
            return req
    return None
