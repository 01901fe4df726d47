"""What a message names outright: a "#N" reference, or a WeChat quote of a request or of the bot's acknowledgement."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handlers.framework import Context
from nlp.normalize import to_mandarin, to_simplified
from storage.ledger import get_request, list_requests
from storage.messages import get_raw, get_raw_by_pk, recent_messages
from storage.models import Request
from storage.outbox import by_transport_id

_REF = re.compile(r"[#＃]\s?(\d{1,9})")
_NOT_WORD = re.compile(r"[\W_]+")
_QUOTE_HEAD = re.compile(r"^[^：:\n]{1,30}[：:]\s*")


def _plain(text: str) -> str:
    """Letters, digits and CJK only, in Simplified characters: a quoted text (normalised) and the stored one (as
    posted: 請問一下，我哋想…) compare whatever their punctuation and script."""
    return to_mandarin(to_simplified(_NOT_WORD.sub("", text)))


@dataclass
class Link:
    """The request a message refers to, how it was found, or the tied candidates."""

    request: Request | None = None
    rule: str = ""
    ambiguous: list[Request] = field(default_factory=list)


def ref_numbers(text: str) -> list[int]:
    """The request numbers a text names ("#12", "＃ 13"), in order."""
    return [int(n) for n in _REF.findall(text)]


def explicit(ctx: Context) -> Link | None:
    """An explicit #N in the new text, or in the quoted text (e.g. a quote of the bot's acknowledgement)."""
    refs = list(ctx.analysis.request_refs) or ref_numbers(ctx.message.text)
    for no in refs:
        req = get_request(session=ctx.session, no=no)
        if req is not None:
            return Link(req, "ref")
    return None


def quoted(ctx: Context) -> Link | None:
    """A WeChat quote of the request's message or of the bot's acknowledgement."""
    s = ctx.session
    if ctx.message.quote_id:
        raw = get_raw(session=s, transport=ctx.message.transport, message_id=ctx.message.quote_id)
        if raw is not None and raw.request_id is not None:
            req = get_request(session=s, no=raw.request_id)
            if req is not None:
                return Link(req, "quote")
        out = by_transport_id(session=s, transport_message_id=ctx.message.quote_id)
        if out is not None and out.source_message_id is not None:
            src = get_raw_by_pk(session=s, pk=out.source_message_id)
            if src is not None and src.request_id is not None:
                req = get_request(session=s, no=src.request_id)
                if req is not None:
                    return Link(req, "quote")
    quote = ctx.analysis.quote
    if quote:
        m = _REF.search(quote)
        if m:
            req = get_request(session=s, no=int(m.group(1)))
            if req is not None:
                return Link(req, "quote")
        return by_quoted_body(ctx, quote)
    return None


def by_quoted_body(ctx: Context, quote: str) -> Link | None:
    """The request whose text a quote reproduces (its first 16 letters), or the request a quoted added detail was
    recorded on."""
    body = _plain(_QUOTE_HEAD.sub("", quote))  # the quote is normalised (？ → ?), the stored text is not
    if len(body) < 6:
        return None
    probe = body[:16]
    requests = list_requests(session=ctx.session, group_id=ctx.message.room_id, newest_first=True)
    hits = [r for r in requests if probe in _plain(r.text)]
    if hits:
        return Link(hits[0], "quote")
    return _quoted_follow_up(ctx, probe)


_QUOTE_REACH = 100  # the group's messages searched for a quoted detail or nudge


def _quoted_follow_up(ctx: Context, probe: str) -> Link | None:
    """A quote of a message that added to a request ("补充一下：…"): the request it was recorded on."""
    rows = recent_messages(
        session=ctx.session,
        room_id=ctx.message.room_id,
        at=ctx.message.timestamp,
        exclude_pk=ctx.raw_id,
        limit=_QUOTE_REACH,
    )
    for row in rows:
        if row.request_id is not None and probe in _plain(row.text):
            req = get_request(session=ctx.session, no=row.request_id)
            if req is not None:
                return Link(req, "quote")
    return None
