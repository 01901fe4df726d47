"""One official's reply answering several requests at once: "@田社长 @老李 两个一起回：1. … 2. …", a reply quoting
two requests one after the other, or "#12 #13 都已处理". The first request found is the message's link
(handlers/linking.py); this module finds the others."""

from __future__ import annotations

import re

from handlers import lifecycle
from handlers.addressing import addressed_requester
from handlers.framework import Context
from handlers.references import by_quoted_body, ref_numbers
from storage.ledger import ACTIVE, co_requesters, get_request, list_requests
from storage.models import Request

# a quote inside the new text, after the first (which the normaliser split off): 「昵称: 原文」 and a divider line
_INNER_QUOTE = re.compile(r"「[^「」:：\n]{1,30}[:：]\s*([^「」]{6,}?)」\s*\n\s*-(?:\s*-){3,}")


def further_requests(ctx: Context, first: Request) -> list[Request]:
    """The other requests the message answers besides `first`: those of the other requesters it @-mentions (each
    requester's own request for the official's department, as for the first), of the further requests it quotes,
    and of the further "#N" it names. Only active requests of this group; each at most once."""
    found: dict[int, Request] = {}
    for req in [*_mentioned(ctx, first), *_quoted(ctx), *_referenced(ctx)]:
        if req.id is not None and req.id != first.id and req.status in ACTIVE and req.group_id == first.group_id:
            found.setdefault(req.id, req)
    return list(found.values())


def _mentioned(ctx: Context, first: Request) -> list[Request]:
    """Each other requester's request the message speaks of; not those who joined the first (they are mentioned
    for it), and only a request sharing a word with the message (a reply on the canteen to two people answers
    nothing else of theirs)."""
    joined = {c.wechat_id for c in co_requesters(session=ctx.session, request_id=first.id)} if first.id else set()
    others = [w for w in dict.fromkeys(ctx.message.mention_ids) if w != first.requester_id and w not in joined]
    if not others:
        return []
    active = list_requests(session=ctx.session, statuses=ACTIVE, group_id=ctx.message.room_id, newest_first=True)
    out = []
    for wxid in others:
        link = addressed_requester(ctx, active, wxid, need_topic=True)
        if link is not None and link.request is not None:
            out.append(link.request)
    return out


def _quoted(ctx: Context) -> list[Request]:
    out = []
    for m in _INNER_QUOTE.finditer(ctx.analysis.text):
        link = by_quoted_body(ctx, m.group(1))
        if link is not None and link.request is not None:
            out.append(link.request)
    return out


def _referenced(ctx: Context) -> list[Request]:
    return [req for no in ref_numbers(ctx.message.text) if (req := get_request(session=ctx.session, no=no)) is not None]


def answer_further(ctx: Context, first: Request, *, completion: bool = False) -> None:
    """Record the official's answer (or completion report, whose requester is asked to confirm) on every further
    request the message answers: those for the official's department or for none (a request for another department
    is that department's to answer)."""
    own = ctx.sender.department
    actor = lifecycle.Actor.of(ctx)
    for req in further_requests(ctx, first):
        if own is not None and req.department not in (own, None):
            continue
        if completion:
            ctx.reply(
                lifecycle.report_completion(ctx.session, req, actor, ctx.message.text), mention_ids=[req.requester_id]
            )
        else:
            lifecycle.record_answer(ctx.session, req, actor, ctx.message.text)
