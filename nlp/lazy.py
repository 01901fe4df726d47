"""`LazyAnalysis`: an `Analysis` whose `topics` and `hits` are computed on first access, and its fast builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from typing import Any

from nlp.types import Analysis, Item, Label, MeetingInfo, RuleHit

__all__ = ["LazyAnalysis", "lazy_analysis"]

_TOPICS_SLOT: Any = Analysis.__dict__["topics"]
_HITS_SLOT: Any = Analysis.__dict__["hits"]
_MEETING_SLOT: Any = Analysis.__dict__["meeting"]
_NO_TOPICS: frozenset[str] = frozenset()
_new = object.__new__


def _lazy(slot: Any, pending: str) -> property:
    """A property over a dataclass slot whose value is computed by a pending callable on first access."""

    def get(self: Analysis) -> Any:
        fn: Callable[[], Any] | None = getattr(self, pending, None)
        if fn is not None:
            setattr(self, pending, None)
            slot.__set__(self, fn())
        return slot.__get__(self, type(self))

    def put(self: Analysis, value: Any) -> None:
        setattr(self, pending, None)
        slot.__set__(self, value)

    return property(get, put)


class LazyAnalysis(Analysis):
    """An `Analysis` whose `topics` (tokenisation), `hits` (explanations) and `meeting` (a notice's date, time and
    place, which `classify` does not print) are built on first access."""

    __slots__ = ("_pending_hits", "_pending_meeting", "_pending_topics")

    topics = _lazy(_TOPICS_SLOT, "_pending_topics")  # type: ignore[assignment]
    hits = _lazy(_HITS_SLOT, "_pending_hits")  # type: ignore[assignment]
    meeting = _lazy(_MEETING_SLOT, "_pending_meeting")  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type[Analysis], tuple[Any, ...]]:
        """Pickles as a plain `Analysis` with the pending fields computed (a pending callable cannot be pickled)."""
        return Analysis, tuple(getattr(self, f.name) for f in fields(Analysis))


def lazy_analysis(
    label: Label,
    scores: dict[str, float],
    flags: dict[str, bool],
    department: str | None,
    departments_named: list[str],
    items: list[Item],
    deadline: date | None,
    contact_phone: str | None,
    meeting: Callable[[], MeetingInfo | None] | None,
    request_refs: list[int],
    text: str,
    quote: str | None,
    names: list[str],
    thanks: bool,
    subjects: list[str],
    topics: Callable[[], frozenset[str]],
    hits: Callable[[], list[RuleHit]],
) -> LazyAnalysis:
    """`LazyAnalysis(...)` with the flags from a dict and pending `topics`/`hits`/`meeting` (None: no meeting),
    without the generic __init__ (which sets the lazy fields through their properties)."""
    r: LazyAnalysis = _new(LazyAnalysis)
    r.label = label
    r.scores = scores
    r.resolution = flags["resolution"]
    r.unresolved = flags["unresolved"]
    r.me_too = flags["me_too"]
    r.nudge = flags["nudge"]
    r.thanks = thanks
    r.interruption = False
    r.joke = False
    r.subjects = subjects
    r.department = department
    r.departments_named = departments_named
    r.items = items
    r.deadline = deadline
    r.contact_phone = contact_phone
    r.request_refs = request_refs
    r.text = text
    r.quote = quote
    r.names = names
    _TOPICS_SLOT.__set__(r, _NO_TOPICS)
    _HITS_SLOT.__set__(r, [])
    r._pending_topics = topics
    r._pending_hits = hits
    _MEETING_SLOT.__set__(r, None)
    r._pending_meeting = meeting
    return r
