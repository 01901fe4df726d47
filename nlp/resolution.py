"""The resolution-acknowledgement flag's evidence: completion reports and withdrawals (LABELS.md).

Broad classes from nlp/rules/resolution.yaml, applied clause by clause: a clause reports completion when it
holds a completion verb or result (generic, or specific to a request's subject class: 宽带通了, 末班车延后了)
in perfective aspect, with no negation right before it, no question and no promise/future/progress word in it;
with a date or instruction in the clause the perfective must be explicit (已, 了). An approval whose work a
later clause still schedules, statistics and a peer's experience are not completions. A message withdraws a
request when it says the help is no longer needed and gives a reason that the need is met or gone. A partial-fix
marker anywhere in the message vetoes both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from functools import cache

from nlp.features import load_yaml
from nlp.lazyrx import LazyPattern
from nlp.rxneed import PartGate, needed
from nlp.rxprefix import alternation_with_leads

_WITHDRAW_GATE = re.compile("[不无用撤取诉申需]")  # every `withdraw` phrase starts with one of these
_SOLVED_GATE = re.compile("解决|搞定|圆满|落实|落地|办妥|办成")  # every `solved_plainly` match holds one of these
_OBJECT_END = re.compile(r"(?:了|啦|咯)?$")  # a clause-final object: 开通宽带了
_CLAUSE = re.compile(r"[^,.;!?，。；！？\n ]+[,.;!?，。；！？\n ]*")  # chat uses spaces as commas


def _rx(parts: list[str], lead: bool = False) -> LazyPattern:
    """One alternation, compiled when first used; `lead` adds look-aheads for the first characters (faster for
    large ones, same matches)."""
    return LazyPattern(alternation_with_leads(parts) if lead else "|".join(f"(?:{p})" for p in parts))


_ASKED = re.compile(r"[吗么嘛没吧][?？]?\s*$|[?？]\s*$")  # the message ends in a question: it asks, it reports nothing


def ends_asking(text: str) -> bool:
    """The message ends in a question (合同都签了吗？, 那个不用了吧？): it asks; it reports or withdraws nothing."""
    return _ASKED.search(text) is not None


class ResolutionCues:
    """Finds completion clauses and withdrawals in normalised (Simplified, half-width) text."""

    def __init__(self, data: dict | None = None) -> None:
        data = data if data is not None else load_yaml("resolution.yaml")
        self.complete = _rx(data["complete"], lead=True)
        self.weak = _rx(data["weak"])
        self.words = PartGate(data["weak"] + data["complete"])  # is there a weak or a completion word?
        self._strong = len(data["weak"])  # the parts from here on are the completion words
        classes = data["subjects"].values()
        self.subjects = [(_rx([c["subject"]]), _rx([c["done"]]), _rx([c.get("step", "(?!)")])) for c in classes]
        self.any_subject = _rx([c["subject"] for c in classes], lead=True)  # one search before the per-class ones
        self.subject_done = _rx([p for c in classes for p in (c["done"], c.get("step")) if p], lead=True)
        self.before = _rx(data["perfective_before"])
        self.after = _rx(data["perfective_after"])
        self.perfective = _rx(data["perfective_before"] + data["perfective_after"], lead=True)
        self.future = _rx(data["future"], lead=True)
        self.pending = _rx(data["pending"], lead=True)
        self.work = _rx(data["work"])
        self.intermediate = _rx(data["intermediate"])
        self.negation = LazyPattern(f"(?:{_rx(data['negation']).pattern})(?:{_rx(data['negation_fill']).pattern})*$")
        self.schedule = _rx(data["schedule"], lead=True)
        self.explicit_before = _rx(data["explicit_before"])
        self.explicit_after = _rx(data["explicit_after"])
        self.new_topic = _rx(data["new_topic"])
        self.question = _rx(data["question"], lead=True)
        self.ask = _rx(data["ask"])
        self.partial = _rx(data["partial"], lead=True)
        self.relapse = _rx(data["relapse"])
        self.not_a_fix = _rx(data["not_a_fix"], lead=True)
        self.not_this_issue = _rx(data["not_this_issue"], lead=True)
        self.buyer_met = _rx(data["buyer_met"], lead=True)
        self.sold_out, self.thanked = re.compile(data["sold_out"]), re.compile(data["thanked"])
        self.solved_plainly = re.compile(data["solved_plainly"])
        self.ok_clause, self.thanks_next = re.compile(data["ok_clause"]), re.compile(data["thanks_next"])
        self.still_wanted = _rx(data["still_wanted"])
        self.withdraw = _rx(data["withdraw"], lead=True)
        self.reason = _rx(data["reason"], lead=True)

    def completion(self, text: str) -> str | None:
        """The first clause that reports a completed fix or a met need, else None."""
        low = text.lower()
        if self.solved_plainly.search(low):  # 问题解决，谢谢郑科 / 这事圆满了: solved, said in so many words
            for m in _CLAUSE.finditer(low):
                if self.solved_plainly.search(m.group()) and not self.question.search(m.group()):
                    return m.group().rstrip(",.;!?，。；！？\n ")
        # exact gates: a completion clause holds a perfective marker and a completion word (clauses are substrings)
        # (the cheap and selective tests first: each of them alone returns None)
        if not self.perfective.search(low):
            return None
        ok_thanks = ("好了" in low or "问题" in low) and self.thanks_next.search(low) is not None  # …，好了，谢谢邓主任
        if not ok_thanks and not self._may_complete(low, True):
            return None
        sold = self.sold_out.search(low) is not None  # a seller's goods gone: theirs, unless an office is thanked
        thanked = sold and self.thanked.search(low) is not None
        if sold and not thanked:
            return None
        if (self.buyer_met.search(low) and not thanked) or (
            self.not_this_issue.search(low) and not self.solved_plainly.search(low)
        ):
            return None
        weak_ok = not (self.future.search(low) or self.schedule.search(low) or self.pending.search(low))
        for m in _CLAUSE.finditer(low):
            clause = m.group()
            body = clause.rstrip(",.;!?，。；！？\n ")
            if ok_thanks and weak_ok and self.ok_clause.match(body) and self.thanks_next.match(low, m.end()):
                return body  # fine now, then thanks
            if not self._may_complete(body, weak_ok):
                continue  # nothing below could match in this clause
            if self.question.search(clause) or self.relapse.search(body) or self.not_a_fix.search(body):
                continue
            if self.future.search(body):  # a promise, schedule, progress or condition
                continue
            matches = [*self.complete.finditer(body), *(self.weak.finditer(body) if weak_ok else ())]
            for subject, done, step in self.subjects if self.any_subject.search(body) else ():
                found = subject.search(body)  # 宽带通了, 联系上买家了: a predicate by its subject class
                if found:
                    preds = [*done.finditer(body), *(step.finditer(body) if weak_ok else ())]
                    matches += (d for d in preds if d.start() >= found.end() or self._object(subject, body, d.end()))
            for c in matches:
                head = body[max(0, c.start() - 6) : c.start()]
                if self.negation.search(head) or not self._past(body, c):
                    continue
                if self.before.search(body, 0, c.end()) or self.after.search(body, c.start(), c.end() + 3):
                    step = self.intermediate.search(body, 0, c.end()) and self._next_step(low, m.end())
                    return None if step else body
        return None

    def _may_complete(self, text: str, weak: bool) -> bool:
        """A completion word (a weak one only when `weak`) occurs in `text`, or a subject and a subject predicate.

        Subject predicates count only after a subject in the same clause, and a subject found in a clause is one
        in the message. The words are tested part by part, only the parts whose needed strings occur (nlp/rxneed.py).
        """
        return self.words.has(text, 0 if weak else self._strong) or bool(
            self.any_subject.search(text) and self.subject_done.search(text)
        )

    def _next_step(self, low: str, start: int) -> bool:
        """A later clause schedules the work an approval was for (批了，资金下个月拨付): the need is not met yet."""
        for m in _CLAUSE.finditer(low, start):
            body = m.group()
            if self.future.search(body) and (self.work.search(body) or self.complete.search(body)):
                return True
        return False

    def _object(self, subject: re.Pattern[str], body: str, end: int) -> bool:
        """A subject right after the predicate ends the clause there: 开通宽带了, not 发了补贴的通知."""
        obj = subject.match(body, end + 1 if body.startswith("了", end) else end)
        return obj is not None and _OBJECT_END.match(body, obj.end()) is not None

    def _past(self, body: str, c: re.Match[str]) -> bool:
        """Without an instruction, date or cut-off in the clause, any perfective; with one, an explicit marker."""
        if not (self.schedule.search(body) or self.pending.search(body)):
            return True
        return bool(
            self.explicit_before.search(body, 0, c.end()) or self.explicit_after.search(body, c.start(), c.end() + 2)
        )

    def need_met(self, text: str, present: Container[str]) -> bool:
        """A buyer's need is met: a deal or delivery (凑齐了, 货到了), a found source (找到货源了, 不用再报价了), or a
        withdrawal for a reason (猪后腿找到了 不用了), among the message's features `present` or in `text`."""
        if self.still_wanted.search(text) or ends_asking(text):  # 减速器也找到了，就差铝型材了; 合同都签了吗？
            return False
        if "deal_done" in present or "res_withdraw" in present or "list_closed" in present:
            return True
        return self.buyer_met.search(text.lower()) is not None

    def gate_strings(self) -> dict[str, frozenset[str]]:
        """Strings for a keyword scan of the text with 啦 read as 了 (nlp/features.py): "perfective" (every completion
        holds one of them) and "withdraw" (every withdrawal does); a gate is left out when it cannot be derived.

        Exact: `completion` needs a match of `perfective` in the lower-cased text, `cues` one of `withdraw` in the
        text. Each holds a needed string (nlp/rxneed.py); when its characters are caseless and no other character
        lowers to them, the text holds it too, and the scanned text the string with 啦 read as 了.
        """
        out: dict[str, frozenset[str]] = {}
        for name, pattern in (("perfective", self.perfective), ("withdraw", self.withdraw)):
            strings = needed(pattern.pattern)
            if strings and all(map(_caseless, strings)):
                out[name] = frozenset(w.replace("啦", "了") for w in strings)
        return out

    def cues(self, text: str, perfective: bool = True, withdraw: bool = True) -> dict[str, str]:
        """Features: `res_done` (completion clause), `res_solved` (one saying 解决了 in so many words), `res_ask` (a
        question beside it), `res_withdraw`, `res_partial`.

        `perfective` or `withdraw` False says that a scan found none of the `gate_strings` of that name: the
        completion (but for one said plainly, 问题解决), or the withdrawal, cannot be there and is not looked for.
        """
        out: dict[str, str] = {}
        # without a perfective marker only a plain 问题解决 / 这事圆满 can report it
        done = self.completion(text) if perfective or _SOLVED_GATE.search(text) else None
        w = self.withdraw.search(text) if withdraw and _WITHDRAW_GATE.search(text) else None
        if not done and not w:
            return out
        partial = self.partial.search(text)
        if partial:
            out["res_partial"] = partial.group()
        if done:
            out["res_done"] = done
            if self.solved_plainly.search(done):
                out["res_solved"] = done  # 这个事解决了: said in so many words, whatever else the message tells
            rest = text.replace(done, " ", 1)
            shift = self.new_topic.search(rest)
            rest = rest[: shift.start()] if shift else rest  # a question on another topic is a new ask
            ask = self.ask.search(rest)
            if ask:
                out["res_ask"] = ask.group()
        # a reason after it, before it, or in it (暂时不做了: dropped)
        met = w and (
            done
            or self.reason.search(text, w.end())
            or self.reason.search(text, 0, w.start())
            or self.reason.search(w.group())
        )
        if met and not self.buyer_met.search(text.lower()):  # 找到货源了，不用再报价了: a buyer's need, not a request
            out["res_withdraw"] = w.group()
        return out


def _caseless(word: str) -> bool:
    """`str.lower` keeps every character of `word` and makes none of them from another character: it only makes
    cased letters and combining marks (İ lowers to i + U+0307), so any other character it keeps qualifies."""
    for c in word:
        cat = unicodedata.category(c)
        if c.lower() != c or cat in ("Ll", "Lu", "Lt", "Lm") or cat[0] == "M":
            return False
    return True


@cache
def default_cues() -> ResolutionCues:
    """The cues from nlp/rules/resolution.yaml (loaded once)."""
    return ResolutionCues()
