"""A requester's open thread: what they write soon after raising a request is usually about that request.

"网络的事还没人来看，今天早上又断了两回" from someone who asked the park about the network yesterday adds to that
request; it is no new one (LABELS.md: follow-ups and nudges are chatter). A message that would be a request
becomes a follow-up when its sender raised a request to the same department in the same group within
`FOLLOW_UP_WINDOW`, and it asks nothing of its own (no ask, no question, no new issue) and names no other subject
(停车 yesterday, 路灯 today: a new request).

Plain data, like `nlp.officials`: the message handler passes the sender's latest active request from the ledger;
`clusterbot eval` and `classify` keep the requests they predicted, per group and sender.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from nlp.route import department_of
from nlp.vocab import lexicon

FOLLOW_UP_WINDOW = timedelta(days=3)
# asking when or whether the outcome comes: 方案啥时候能出, 批下来没有, 到哪一步了, 有进展吗
_PROGRESS = re.compile(
    r"(?:啥时候|什么时候|何时|好久|多久|哪天)(?:能|可以|会|才|给|能够)?(?:出|批|下来|办好|办完|落实|开工|动工|通|装|修|安排|"
    r"有结果|有消息|答复|回复|到|来|过来)"
    r"|(?:出来|[批办发拨]下来|办好|有结果|落实|到位|到账)了?(?:没有|没得|没|吗|嘛|么)"
    r"|进展|进度|到哪一?步|走到哪|怎么样了|咋样了"
)
# a question or an invitation put to the group (今晚谁去撸串, 有没有人拼车, 周六打球吗): a "+1 / 算我一个" answers it
_ASKS_GROUP = re.compile(r"[?？]|谁|有没有人|有人|哪位|吗|[么嘛不没]\W*$")
# a cluster's trade (冷链, 物流): shared by most of its requests, so no sign that two are about one matter
_SECTORS = frozenset({"冷链", "物流", "食品", "医药", "中药材", "药材", "制造", "电商", "园区"})
_URGE = re.compile(r"快点|快一点|催一下|催催|加快|早点")  # not 尽快 / 抓紧: every new request says them
# features of an ask of its own, a question, or a report that the trouble is back or not over
_ASKS = ("ask", "can_q", "new_issue", "question", "unresolved", "still", "res_partial")


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """When a sender last raised a request in a group, to which department it went, and the words of its matter
    (its subject words, 路灯/车位/网络; empty when unknown)."""

    at: datetime
    department: str | None
    matter: frozenset[str] = frozenset()


def is_follow_up(
    open_request: OpenRequest | None, now: datetime, department: str | None, present: Container[str], text: str
) -> bool:
    """A would-be request to `department` only adds to the sender's open request (see the module docstring)."""
    if open_request is None or department is None or open_request.department != department:
        return False
    if not timedelta(0) <= now - open_request.at < FOLLOW_UP_WINDOW:
        return False
    theirs = open_request.matter - _SECTORS
    mine = [w for w in subjects(present) if w not in _SECTORS] if theirs else ()
    if mine and theirs.isdisjoint(mine):
        return False  # another subject for the same department (停车 yesterday, 路灯 today): a new request
    return not any(f in present for f in _ASKS) and "?" not in text and "？" not in text


def subjects(present: Mapping[str, object] | Container[str]) -> list[str]:
    """The subject words (gov_topic: 路灯, 车位, 网络 …) among a message's features (a dict of them; a plain set of
    feature names has no words)."""
    got = present.get("gov_topic") if type(present) is dict else None  # the analyzer's dict: no ABC check per call
    return got.words("gov_topic") if got is not None and hasattr(got, "words") else []  # type: ignore[union-attr]


class RequestsBySender:
    """The latest predicted request of each sender in each group of a stream of records."""

    __slots__ = ("_latest",)

    def __init__(self) -> None:
        self._latest: dict[tuple[str, str], OpenRequest] = {}

    def of(self, group: str, sender: str | None) -> OpenRequest | None:
        """The sender's latest request in the group, if any."""
        return self._latest.get((group, sender)) if sender else None

    def note(
        self, group: str, sender: str | None, at: datetime, department: str | None, matter: frozenset[str] = frozenset()
    ) -> None:
        """The sender raised a request now (to `department`, about the subject words `matter`)."""
        if sender:
            self._latest[(group, sender)] = OpenRequest(at, department, matter)


def asks_progress(text: str) -> bool:
    """The text asks when or whether an outcome comes (方案啥时候能出, 批下来没有, 到哪一步了), or hurries it along
    (能不能快点嘛, 麻烦催一下)."""
    return _PROGRESS.search(text) is not None or _URGE.search(text) is not None


def asks_the_group(text: str) -> bool:
    """The text puts a question or an invitation to the group (今晚谁去撸串, 周六有人打球吗)."""
    return _ASKS_GROUP.search(text) is not None


def matter_words(topics: Iterable[str]) -> set[str]:
    """The topics that say what a matter is (保险, 末班车), not the goods (黄精) nor a department (农业局)."""
    names = lexicon().names
    return {t for t in topics if t not in names and department_of(t) is None}
