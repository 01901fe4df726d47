"""How well a message fits a request: the topics they share, and the best of several candidates (a tie between
requesters or departments is left for the caller to ask about)."""

from __future__ import annotations

import re

from handlers.framework import Context
from handlers.references import Link
from nlp.threads import matter_words, outage, utilities
from storage.models import Request


def topics_of(req: Request) -> set[str]:
    """The request's topic words."""
    return set(req.topics.split()) if req.topics else set()


def overlap(ctx: Context, req: Request, text: str | None = None, *, matter_only: bool = False) -> int:
    """How many of the message's topics the request shares, a word inside a longer one counting (保险 in 农业保险),
    and the utilities both are about (网通了 and 仓库区的网老断); only those in `text` (a part of the message) when
    given; with `matter_only`, only the words that say what a matter is (not 员工, 工人: `matter_words`)."""
    words = topics_of(req)
    topics = matter_words(ctx.analysis.topics) if matter_only else ctx.analysis.topics
    topics = topics if text is None else [t for t in topics if t in text]
    shared = sum(
        1 for t in topics if t in words or (len(t) >= 2 and any(t in w or w in t for w in words if len(w) >= 2))
    )
    return shared + len(utilities(ctx.analysis.text if text is None else text) & utilities(req.text))


def same_matter(ctx: Context, req: Request, *, matter_only: bool = False) -> bool:
    """The message is about the request's matter: it goes to or names the request's department, or shares a topic
    (with `matter_only`, a word of the matter: `overlap`)."""
    a = ctx.analysis
    named = bool(req.department and req.department in (a.department, *a.departments_named))
    return named or overlap(ctx, req, matter_only=matter_only) > 0


def new_subject(ctx: Context, req: Request) -> bool:
    """A would-be request for another department about a subject the request never names (排水沟又堵了…园区能不能派人
    来清一下 from a requester whose request to 应急局 is about their ammonia plant): a new request, not that one."""
    a = ctx.analysis
    if a.label != "request" or not a.department or req.department in (None, a.department) or not a.subjects:
        return False
    return not all(s in req.text for s in a.subjects)  # 冷库 in both, but 排水 only here


def best_of(ctx: Context, candidates: list[Request], rule: str, *, need_topic: bool) -> Link | None:
    """The candidate sharing most topics with the message (with `need_topic`, at least one); on a tie between
    requesters or departments, the tied ones to ask about."""
    if not candidates:
        return None
    scored = sorted(((overlap(ctx, r), r) for r in candidates), key=lambda p: (-p[0], -(p[1].id or 0)))
    top = scored[0][0]
    if need_topic and top == 0:
        if len(candidates) == 1 and not ctx.analysis.topics:
            return Link(candidates[0], rule)
        return None
    tied = [r for score, r in scored if score == top]
    pending = [r for r in tied if r.status == "open"]
    if len(tied) > 1 and len(pending) == 1:
        return Link(pending[0], rule)  # of a requester's two 增容 requests, the answer is for the one not yet answered
    if len(tied) > 1 and top > 0 and len({(r.requester_id, r.department) for r in tied}) > 1:
        return Link(None, rule, tied)  # several requesters or departments share the words: ask which
    # the best; on a tie, the latest: of one requester's requests to one department on one matter, or of the
    # requests of a requester addressed on no topic of theirs
    return Link(scored[0][1], rule)


_SAME_UTILITY = {"电": "电闸", "网": "网络宽带信号", "水": "水", "气": "气"}


def other_subject(ctx: Context, req: Request) -> bool:
    """The message reports an outage (又没水了, 网又断了) of a utility the request's text never mentions."""
    out = outage(ctx.analysis.text)
    return out is not None and not any(c in req.text for c in _SAME_UTILITY[out])


_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff\d]{2}))")
_WIDE_PAIR = re.compile(r"(?=([\u4e00-\u9fffA-Za-z\d]{2}))")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def char_pairs(text: str, *, letters: bool = False) -> set[str]:
    """The overlapping pairs of Chinese characters or digits (4台, 白天, 冷藏): what two texts share, word-free; with
    `letters`, Latin letters too (A区, B栋)."""
    if not letters:
        return set(_CJK_PAIR.findall(text))
    return {p for p in _WIDE_PAIR.findall(text) if _HAN.search(p)}  # not 0k, kV: a code's letters are no echo


_ZONE = re.compile(r"(?<![A-Za-z])([A-Za-z])区")


def other_zone(ctx: Context, req: Request) -> bool:
    """The message and the request each name a zone of the park, and not the same one (B区增容改造已完成 is no news
    of a power cut in C区)."""
    said = {z.upper() for z in _ZONE.findall(ctx.analysis.text)}
    asked = {z.upper() for z in _ZONE.findall(req.text)}
    return bool(said) and bool(asked) and not said & asked


def names_an_answered(ctx: Context, answered: list[Request], fresh: Request) -> bool:
    """The answer names the matter (matter words) of one of `answered`, its department's requests already answered,
    and not that of `fresh`, the group's latest (食堂的事今天上午跟承包方谈了 an hour after an ask about 停车位)."""
    return not overlap(ctx, fresh, matter_only=True) and any(overlap(ctx, r, matter_only=True) for r in answered)
