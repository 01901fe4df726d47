"""Records of a labelled or logged stream (SCHEMA.md): who sent one, in what role, and what it teaches the group's
`Officials`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from nlp.normalize import normalize, to_half_width, to_simplified
from nlp.officials import NOTICE_LABELS, Officials, record_group
from nlp.roles import parse_nickname
from nlp.threads import RequestsBySender
from nlp.types import Analysis

if TYPE_CHECKING:
    from nlp.analyzer import Analyzer

_ROLES = frozenset({"enterprise", "official"})


_ROLE_WORDS = {
    "official": "official", "government": "official", "gov": "official", "department": "official",
    "dept": "official", "park": "official", "utility": "official",
    "enterprise": "enterprise", "company": "enterprise", "grower": "enterprise", "farmer": "enterprise",
    "member": "enterprise", "business": "enterprise",
}  # fmt: skip
_SENDER_KEYS = ("sender", "sender_name", "nickname", "from", "name", "author")


def record_role(analyzer: Analyzer, record: dict) -> str:
    """The record's role; without one, from its sender: a department → official, "单位-姓名" → enterprise."""
    role = _ROLE_WORDS.get(str(record.get("role") or "").strip().lower())
    if role in _ROLES:
        return role
    sender = record_sender(record)
    if sender:
        if analyzer.nickname_department(sender)[1]:
            return "official"
        org = parse_nickname(to_simplified(to_half_width(sender)), analyzer.departments)[0]
        return "enterprise" if org else "unknown"  # a bare handle ("Lucky🍀") says nothing about its owner
    return "unknown"


def learn_record(
    analyzer: Analyzer,
    officials: Officials,
    record: dict,
    analysis: Analysis | None = None,
    now: datetime | None = None,
    role: str | None = None,
) -> None:
    """Let `officials` (of the record's group) learn the officials a record shows: its sender, its @-mentions (the
    list, or those written in a text-only record) and the sender of a quoted reply (as `analysis` read them, when
    given); and, given its `analysis` and `now`, a notice an official posted then. `role`: the record's role when
    already worked out (`record_role`)."""
    sender = record_sender(record)
    analyzer.learn(officials, sender)
    if analysis is not None and now is not None:
        official = (role or record_role(analyzer, record)) == "official"
        officials.heard(analysis.label, official, sender, now)
        if analysis.label in NOTICE_LABELS and sender:
            officials.posted(analyzer.nickname_department(sender)[0], now, interruption=analysis.interruption)
    if analysis is not None:
        names = analysis.names  # the mentions passed and written, and the quoted sender
    else:
        norm = normalize(record.get("text") or "") if isinstance(record.get("text"), str) else None
        names = [*(record.get("mentions") or ()), *([*norm.mentions, norm.quote_sender] if norm else [])]
    for nick in names:
        if isinstance(nick, str):
            analyzer.learn(officials, nick)


def record_sender(record: dict) -> str | None:
    """The sender nickname of a record, under any of the usual keys."""
    sender = next((record[k] for k in _SENDER_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    return sender.strip() if sender else None


def record_result(record: dict, a: Analysis) -> dict:
    """The classify output of a record: {id, label, department, items, deadline, contact_phone}."""
    return {
        "id": record.get("id"),
        "label": a.label,
        "department": a.department,
        "items": [it.as_json() for it in a.items],
        "deadline": a.deadline.isoformat() if a.deadline else None,
        "contact_phone": a.contact_phone,
    }


def analyze_record(
    analyzer: Analyzer,
    record: dict,
    now: datetime,
    officials: Officials | None = None,
    requests: RequestsBySender | None = None,
) -> Analysis:
    """Analyse one SCHEMA.md-style record of a stream. The role comes from "role", or from the "sender" nickname;
    "mentions" are passed on. `officials` and `requests` hold what the stream showed before (the group's
    officials, each sender's latest request); they then learn this record's."""
    group, sender, role = record_group(record), record_sender(record), record_role(analyzer, record)
    a = analyzer.analyze(
        record.get("text") or "",
        now=now,
        role=role,
        mentions=record.get("mentions") or (),
        officials=officials,
        open_request=requests.of(group, sender) if requests is not None else None,
        sender=sender,
    )
    if officials is not None:
        learn_record(analyzer, officials, record, a, now, role)
    if requests is not None and a.label == "request":
        requests.note(group, sender, now, a.department, frozenset(a.subjects), record.get("text") or "")
    return a


def classify_record(
    analyzer: Analyzer,
    record: dict,
    now: datetime,
    officials: Officials | None = None,
    requests: RequestsBySender | None = None,
) -> dict:
    """Classify one record into {id, label, department, items, deadline, contact_phone} (see `analyze_record`)."""
    return record_result(record, analyze_record(analyzer, record, now, officials, requests))
