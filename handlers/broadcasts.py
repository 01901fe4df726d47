"""A department's notice to the whole group can answer requests: "【公交调整】…306路末班车延后至20:30" is the
answer to a company's "末班车17:30就走了" even though it addresses no one, and so is the training or briefing it
calls ("9月12号上午有个高企申报辅导培训") to a company's "高企认定什么时候截止？有没有辅导". Requests in the group
still waiting for that department (or routed to no one) that share the notice's matter (and, for a gathering, ask for
its kind) are recorded as answered, and their requesters are told where to look. A notice that @-mentions requesters
(【通知】…北门夜间开放…@顺畅冷链-何建军 @鑫达快运-老马) answers each one's request the department can answer, whatever
its words."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from handlers import lifecycle
from handlers.addressing import addressed_requester
from handlers.framework import OFFICIAL, Context, Router
from handlers.render import shorten
from nlp.normalize import to_simplified
from nlp.threads import specific_words, utilities
from storage.ledger import ACTIVE, list_requests
from storage.models import Request

router = Router("broadcasts")

_WINDOW = timedelta(days=30)  # a notice answers requests raised this recently
# a gathering a company may ask a department for: a training, a briefing, a job fair, a matchmaking meeting
_GATHERING = re.compile(r"培训|辅导|招聘会|宣讲|讲座|对接会|座谈会|说明会|推介会|交流会|观摩|现场会")
_SHARED = 2  # specific words (or utilities) a notice and a request must share: one common word is no answer


def _department_notice(ctx: Context) -> bool:
    """A notice or a gathering it calls (a training asked for, a briefing on the question) from a department."""
    return ctx.analysis.label in ("policy", "meeting") and ctx.sender.department is not None


def answered_by_notice(ctx: Context) -> list[Request]:
    """The group's open requests to the sender's department (or to no one, unless put to several departments or to
    the government at large: one office's notice does not answer those), raised within `_WINDOW`, on the notice's
    matter."""
    since = ctx.message.timestamp - _WINDOW
    waiting = list_requests(
        session=ctx.session, statuses=("open",), group_id=ctx.message.room_id, created_from=since, newest_first=True
    )
    dep = ctx.sender.department
    mine = specific_words(ctx.analysis.topics)
    asked = _asked_for(ctx.analysis.text) if ctx.analysis.label == "meeting" else None
    at = ctx.message.timestamp
    on_matter = [
        r
        for r in waiting
        if r.department in (dep, None)
        and _on_matter(mine, ctx.analysis.text, r, owned=r.department is not None, just_asked=_just_asked(r, dep, at))
        and (asked is None or bool(asked & _asked_for(r.text)))
        and (r.department is not None or not ctx.services.analyzer.no_single_owner(r.text))  # last: a routing pass
    ]
    tagged = _tagged(ctx, dep)
    return [*tagged, *(r for r in on_matter if r not in tagged)]


def _tagged(ctx: Context, dep: str | None) -> list[Request]:
    """The active requests of the requesters the notice @-mentions, one each on its matter, that the department can
    answer (not one put to several offices)."""
    if not ctx.message.mention_ids:
        return []
    active = list_requests(session=ctx.session, statuses=ACTIVE, group_id=ctx.message.room_id, newest_first=True)
    out: list[Request] = []
    for wxid in dict.fromkeys(ctx.message.mention_ids):
        link = addressed_requester(ctx, active, wxid, need_topic=True)  # on the notice's matter
        req = link.request if link is not None else None
        if req is None or req in out or req.department not in (dep, None):
            continue
        if req.department or not ctx.services.analyzer.no_single_owner(req.text):
            out.append(req)
    return out


_JUST_ASKED = timedelta(hours=3)  # a department's notice this soon after a question put to it reads as its answer


def _just_asked(req: Request, dep: str | None, at: datetime) -> bool:
    """The request was put to the notice's department within _JUST_ASKED ("展位补贴明年还有吗？" then, without an @,
    "展会补贴政策明年继续执行…"): one shared word is enough."""
    return req.department == dep and timedelta(0) <= at - req.created_at <= _JUST_ASKED


def _asked_for(text: str) -> set[str]:
    """The kinds of gathering a text names (培训, 招聘会 …): a meeting answers only a request asking for its kind."""
    return set(_GATHERING.findall(to_simplified(text)))  # a request is stored as written (輔導)


def _on_matter(mine: set[str], text: str, req: Request, *, owned: bool = True, just_asked: bool = False) -> bool:
    """The notice and the request share `_SHARED` specific words (a word inside a longer one counting) or utilities,
    or, for a request to the notice's department (`owned`), one specific word of three characters or more (末班车,
    通行证): a request routed to no one spans several offices, and one word (物流园) does not tie a notice to it."""
    theirs = specific_words(req.topics.split())
    pairs = [next(((min(t, w, key=len), w) for w in theirs if t in w or w in t), ("", "")) for t in mine if len(t) >= 2]
    words = [c for c, _ in pairs if len(c) >= 2]  # 饮片 in 中药饮片 is the two characters they share
    matched = {w for c, w in pairs if len(c) >= 2}  # 安全 and 检查 both inside 安全检查 are one word of the request
    shared = len(matched) + len(utilities(text) & utilities(req.text))
    return shared >= (1 if just_asked else _SHARED) or (owned and any(len(w) >= 3 for w in words))


@router.message(_department_notice, name="notice_answers", permission=OFFICIAL)
def notice_answers(ctx: Context) -> bool:
    """Record the notice as the answer to the requests it settles; the message stays a notice for other handlers."""
    answered = answered_by_notice(ctx)
    if not answered:
        return False
    actor = lifecycle.Actor.of(ctx)
    for req in answered:
        lifecycle.record_answer(ctx.session, req, actor, ctx.message.text)
    listed = "；".join(f"#{r.id} {shorten(r.text, 16)}" for r in answered[:5])
    requesters = {r.requester_id: r.requester_name for r in answered}  # each requester once, in order
    names = " ".join(f"@{name}" for name in requesters.values())
    dep = ctx.sender.department
    ctx.reply(f"{names} 已将{dep}的这条消息记为对诉求 {listed} 的答复，请查看。", mention_ids=list(requesters))
    ctx.request_id = answered[0].id
    return False
