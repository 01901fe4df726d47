"""Plain data types returned by the NLP layer (no database, no transport)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal

Label = Literal["procurement", "request", "answer", "policy", "meeting", "chatter"]
LABELS: tuple[Label, ...] = ("procurement", "request", "answer", "policy", "meeting", "chatter")

Role = Literal["admin", "official", "enterprise", "unknown"]


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a procurement list."""

    name: str
    spec: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    price: Decimal | None = None
    price_unit: str | None = None

    def as_json(self) -> dict[str, object]:
        """JSON-ready dict; numbers become int when whole, else float."""

        def num(v: Decimal | None) -> int | float | None:
            if v is None:
                return None
            return int(v) if v == v.to_integral_value() else float(v)

        return {
            "name": self.name,
            "spec": self.spec,
            "quantity": num(self.quantity),
            "unit": self.unit,
            "price": num(self.price),
            "price_unit": self.price_unit,
        }


@dataclass(frozen=True, slots=True)
class RuleHit:
    """One rule that fired, for `classify --explain`."""

    rule: str
    target: str  # a label, "resolution", or "department:<name>"
    weight: float
    evidence: str = ""
    supports: bool = False  # a written rule that may make its label a ledger entry (Rule.supports)


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    """Date, time and place of an announced gathering."""

    starts_at: datetime | None
    place: str | None
    title: str | None = None
    change: Literal["reschedule", "relocate", "cancel"] | None = None  # a change to an earlier notice
    was: datetime | None = None  # the original time a change refers to, when stated
    shift: timedelta | None = None  # "推迟一天": the change as an offset from the original time


@dataclass(slots=True)
class Analysis:
    """Everything the NLP layer can say about one message."""

    label: Label
    scores: dict[str, float]
    resolution: bool = False
    unresolved: bool = False  # "未解决 / 还没解决": the requester says it is NOT solved
    me_too: bool = False  # "+1 / 同问 / 我们也需要"
    nudge: bool = False  # "有进展吗 / 修好了没有": asks after an earlier request
    thanks: bool = False  # "谢谢 / 感谢 / 辛苦了": says thanks (with a reported fix pending, a confirmation)
    interruption: bool = False  # a notice announcing a cut of power, water or gas (停电通知)
    joke: bool = False  # closes in laughter or says it is a joke (…把电费也停一个月 哈哈哈): joins nothing
    need_met: bool = False  # a buyer (or their list's forwarder) says the need is met: 凑齐了, 找到货源了, 这单取消了
    subjects: list[str] = field(default_factory=list)  # a request's subject words (路灯, 车位): what it is about
    department: str | None = None  # routing (meaningful for requests)
    departments_named: list[str] = field(default_factory=list)  # canonical names mentioned in the text
    items: list[Item] = field(default_factory=list)
    deadline: date | None = None
    contact_phone: str | None = None
    meeting: MeetingInfo | None = None
    request_refs: list[int] = field(default_factory=list)  # explicit "#12" references
    topics: frozenset[str] = frozenset()  # content keywords, for topic agreement when linking
    text: str = ""  # normalised new text (quote, stickers and mentions removed)
    quote: str | None = None  # quoted text of a WeChat quoted reply
    names: list[str] = field(default_factory=list)  # display names it points at: @-mentions, a quoted sender
    hits: list[RuleHit] = field(default_factory=list)
