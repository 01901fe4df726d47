"""Routing a request to one canonical department (LABELS.md overlap rules live in rules/routing.yaml)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import ahocorasick

from nlp.features import load_yaml
from nlp.roles import department_of as _department_of

DEPARTMENTS_FILE = Path(__file__).parent / "dicts" / "departments.json"
_WEAK_OK_AFTER = re.compile(r"^(?:局|部门|那边|这边|方面|窗口|领导|的领导|同志|老师|大厅|能不能|可不可以|能否|帮忙)")
_COMPANY_AFTER = re.compile(r"^(?:有限|公司|股份|集团|科技|型|企业|大学|学院|园|厂)")
# 园区 is a place too: "园区这边的12路公交" says where, "园区这边能不能查一下" asks the park
_PLACE_ALIASES = frozenset({"园区"})
# one of several questions in a row, with or without punctuation (用地咋个批 环评要不要做 用电咋个报装)
_ASK_CLAUSE = re.compile(
    r"[^，,。；;\s、?？]*?(?:咋个?|怎么|要不要|啥子?|如何|能不能|哪里|哪个|多少|是否)[^，,。；;\s、?？]*"
)
_PLACE_ASKED = re.compile(
    r"^(?:这边|那边)[，,\s]*(?:能不能|可不可以|能否|可否|帮忙|麻烦|看|查|管|给|安排|协调|派|有没有人)"
)
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
HitSpec = tuple[str, str, float, str]  # RuleHit(rule, target, weight, evidence) fields
_NOT_ADDRESSEE_BEFORE = re.compile(r"(?:转给|转交|转到|找了|去了|跑了|问了|说是|说要|让我们找|推给|踢给)$")


def remit_sum(found: Iterable[tuple[tuple[str, float], ...]]) -> dict[str, float]:
    """Sum of remit keyword weights per department, from the entries of the remit words found (in text order)."""
    scores: dict[str, float] = {}
    for entries in found:
        for dept, weight in entries:
            scores[dept] = scores.get(dept, 0.0) + weight
    return scores


@lru_cache(maxsize=1)
def load_departments() -> list[dict]:
    """The canonical departments shipped in nlp/dicts/departments.json."""
    data = json.loads(DEPARTMENTS_FILE.read_text(encoding="utf-8"))
    return list(data["departments"])


def department_of(name: str | None, departments: Sequence[dict] | None = None) -> str | None:
    """Canonical department for a name, alias or close spelling; None when it is not a department."""
    return _department_of(name, departments if departments is not None else load_departments())


class Router:
    """Finds named departments and routes requests by addressee, then by remit keywords."""

    def __init__(self, departments: Sequence[dict]) -> None:
        self.departments = list(departments)
        cfg = load_yaml("routing.yaml")
        self.min_score = float(cfg.get("min_score", 1.5))
        self.margin = float(cfg.get("margin", 1.0))
        weak = set(cfg.get("weak_aliases", ()))
        self.spans = tuple(cfg.get("spans", ()))
        self.unsure = tuple(cfg.get("unsure", ()))
        self.agencies = tuple(cfg.get("agencies", ()))
        self.span_owner: dict[str, str] = dict(cfg.get("span_owner") or {})
        self.out_of_remit = tuple(cfg.get("out_of_remit", ()))
        self.systems = frozenset(cfg.get("systems", ()))
        self.public_road = tuple(cfg.get("public_road", ()))
        self.inside_park = tuple(cfg.get("inside_park", ()))
        self.general_plea = re.compile(cfg["general_plea"]) if cfg.get("general_plea") else None
        self.prefer = [  # (dept, over, when_any, unless_any)
            (p["dept"], p["over"], tuple(map(str, p["when_any"])), tuple(map(str, p.get("unless_any", ()))))
            for p in cfg.get("prefer", ())
        ]
        self.names = ahocorasick.Automaton()
        names: dict[str, None] = {}  # in file order
        for dept in self.departments:
            for word in (dept["name"], *dept.get("aliases", ())):
                self.names.add_word(word, (word, dept["name"], word in weak))
                names[word] = None
        self.names.make_automaton()
        self.name_words = tuple(names)
        known = {d["name"] for d in self.departments}
        #: remit keyword → its (department, weight) entries
        self.remit_words: dict[str, tuple[tuple[str, float], ...]] = {}
        for dept, words in (cfg.get("departments") or {}).items():
            if dept not in known:
                continue
            for word, weight in words.items():
                self.remit_words[word] = (*self.remit_words.get(word, ()), (dept, float(weight)))
        self.remit = ahocorasick.Automaton()
        for word, entries in self.remit_words.items():
            self.remit.add_word(word, entries)
        self.remit.make_automaton()

    def named(self, text: str) -> list[tuple[str, int, bool]]:
        """Departments named in the text: (canonical, position, addressee-like), longest match first."""
        spans: list[tuple[int, int, str, bool]] = []
        for end, (word, dept, weak) in self.names.iter(text):
            start = end - len(word) + 1
            after = text[end + 1 : end + 9]
            if weak and (_COMPANY_AFTER.match(after) or not _WEAK_OK_AFTER.match(after)):
                continue
            if word in _PLACE_ALIASES and after[:1] in ("这", "那") and not _PLACE_ASKED.match(after):
                continue
            spans.append((start, end, dept, word in self.systems))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        out: list[tuple[str, int, bool]] = []
        last_end = -1
        for start, end, dept, system in spans:
            if start <= last_end:
                continue
            last_end = end
            before = text[max(0, start - 6) : start]
            out.append((dept, start, not system and not _NOT_ADDRESSEE_BEFORE.search(before)))
        return out

    def remit_scores(self, text: str) -> dict[str, float]:
        """Sum of remit keyword weights per department."""
        return remit_sum(map(_SECOND, self.remit.iter(text)))

    def scan_words(self) -> dict[str, tuple[tuple[tuple[str, float], ...], bool]]:
        """The remit words and department names, for a keyword automaton shared with other scans:
        word → (its remit entries, whether it names a department); see `from_scan`."""
        words = {word: (entries, False) for word, entries in self.remit_words.items()}
        for word in self.name_words:
            words[word] = (words.get(word, ((), False))[0], True)
        return words

    def from_scan(
        self, text: str, found: Iterable[tuple[tuple[tuple[str, float], ...], bool]]
    ) -> tuple[list[tuple[str, int, bool]], dict[str, float]]:
        """`named(text)` and `remit_scores(text)` from the `scan_words` values found in `text`, in text order."""
        found = found if type(found) is list else list(found)  # the scan's list is read twice, not copied
        named = self.named(text) if any(map(_SECOND, found)) else []  # no name, no department named
        return named, remit_sum(filter(None, map(_FIRST, found)))

    def route_specs(
        self,
        text: str,
        addressed: Sequence[str],
        quote: str | None = None,
        quoted_dept: str | None = None,
        *,
        named: list[tuple[str, int, bool]] | None = None,
        remit: dict[str, float] | None = None,
    ) -> tuple[str | None, list[HitSpec]]:
        """One canonical department or None, with its explanation as `RuleHit` field tuples (built when read).

        `addressed` = departments of @-mentioned officials; `quoted_dept` = department of the sender of a
        quoted message (an implicit addressee, weighed together with departments named in the text).
        `named` and `remit` may pass `self.named(text)` and `self.remit_scores(text)` when already computed.
        """
        hits: list[HitSpec] = []
        uniq = list(dict.fromkeys(addressed))
        scores = self.remit_scores(text) if remit is None else remit
        if len(uniq) == 1:
            owner = self._owner_over(uniq[0], scores, text)
            return owner or (uniq[0], [("route.mention", f"department:{uniq[0]}", 10.0, "@")])
        named_depts = [d for d, _, addressee in (self.named(text) if named is None else named) if addressee]
        if quote and not scores:
            scores = self.remit_scores(quote)
        candidates = uniq or list(dict.fromkeys([*named_depts, *([quoted_dept] if quoted_dept else [])]))
        spanned = bool(named_depts) and self._spans_offices(text, named)
        if len(candidates) == 1 and not spanned:
            owner = self._owner_over(candidates[0], scores, text) if named_depts else None  # not a quote's office
            return owner or (candidates[0], [("route.named", f"department:{candidates[0]}", 8.0, candidates[0])])
        if candidates:
            scores = {d: scores.get(d, 0.0) for d in candidates}
        plea = self.general_plea.search(text) if self.general_plea and not candidates else None
        if plea:  # 政府能不能出点政策帮帮我们: the government at large, no one office (unless one agent is asked for)
            return self._span_owner(text) or (None, [("route.general_plea", "department:none", 0.0, plea.group())])
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if not ranked:
            return None, hits
        outside = next((w for w in self.out_of_remit if w in text), None)
        road = None if candidates else next((w for w in self.public_road if w in text), None)
        if road and not any(w in text for w in self.inside_park):  # 园区南门出去那个路口装个红绿灯: traffic police
            return None, [("route.public_road", "department:none", 0.0, road)]
        if outside and not candidates and ranked[0][1] < 4:  # a side remark (交警贴条) under a clear ask keeps it
            return None, [("route.out_of_remit", "department:none", 0.0, outside)]
        top, top_score = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        span = next((w for w in self.spans if w in text), None)
        if span is None and len(candidates) > 1:  # @经信局 @人社局 …不知道该找哪个部门: neither is the owner
            span = next((w for w in self.unsure if w in text), None)
        if span and (len(candidates) != 1 or spanned):
            if owned := self._span_owner(text):
                return owned
            several = sum(w in text for w in self.agencies) >= 2  # 环保查了应急查…统筹一下
            if second > 0 or candidates or "、" in text or top_score < self.min_score or several:  # 土地、环评…先找谁
                return None, [("route.spans", "department:none", 0.0, span)]
            hits.append(("route.span_one", f"department:{top}", 0.0, span))  # 林地种黄精，到底找哪个部门: one remit
        matched = {(d, o) for d, o, words, unless in self.prefer if _says(text, words, unless)}
        for dept, over in matched:
            if top == over and scores.get(dept, 0.0) > 0 and (over, dept) not in matched:
                hit = ("route.prefer", f"department:{dept}", scores[dept], f"over {over}")
                return dept, [*hits, hit]
        if len(ranked) > 1 and (top, ranked[1][0]) in matched and top_score >= self.min_score:
            return top, [*hits, ("route.prefer", f"department:{top}", top_score, f"over {ranked[1][0]}")]
        # 税收、用地、人才公寓 or 用地咋个批 环评要不要做 用电咋个报装: several offices' matters listed, no one owner
        # (贷款…工资、油费都等到这个钱…跟银行协调: one remit far ahead of the others is the owner)
        if not candidates and sum(score >= self.min_score for _, score in ranked) >= 3 and top_score < 3 * second:
            asks = None if "、" in text else _ASK_CLAUSE.findall(text)
            if asks is None or len(asks) >= 3:
                return None, [*hits, ("route.listed", "department:none", 0.0, " ".join(asks[:3]) if asks else "、")]
        for dept, score in ranked[:3]:
            hits.append(("route.remit", f"department:{dept}", score, ""))
        if top_score >= self.min_score and top_score - second >= self.margin:
            return top, hits
        return None, hits

    def _spans_offices(self, text: str, named: list[tuple[str, int, bool]] | None) -> bool:
        """A span word over two or more offices the text names (用地要找自规局，环评要找环保…几个部门一起来看一下): the
        office named first is one of several, not the owner."""
        if not any(w in text for w in self.spans):
            return False
        offices = {d for d, _, _ in (self.named(text) if named is None else named)}
        others = sum(bool(re.search(f"{w}(?![局所])", text)) for w in self.agencies)  # 环保, not 市监局 named above
        return len(offices) + others >= 2

    def _owner_over(self, asked: str, scores: dict[str, float], text: str) -> tuple[str, list[HitSpec]] | None:
        """The office whose remit the ask plainly is, when the one it was put to has none of it (营业执照加经营范围 put
        to 市监局 is 行政审批局's): LABELS.md routes by remit, not by whom the requester asked; an overlap rule that
        prefers the office asked (城配车备案: 交通运输局 over 行政审批局) keeps it."""
        if scores.get(asked, 0.0) > 0 or not scores:
            return None
        top, score = max(scores.items(), key=lambda kv: kv[1])
        if any(d == asked and o == top and _says(text, words, unless) for d, o, words, unless in self.prefer):
            return None
        if score < _OWNER_OVER or any(s > score - self.margin for d, s in scores.items() if d != top):
            return None
        return top, [("route.owner_over", f"department:{top}", score, f"over {asked}")]

    def _span_owner(self, text: str) -> tuple[str, list[HitSpec]] | None:
        """An ask for one agent across the offices (帮办, 代办) has its owner (LABELS.md), however many it spans."""
        helper = next(((w, d) for w, d in self.span_owner.items() if w in text), None)
        return (helper[1], [("route.span_owner", f"department:{helper[1]}", 8.0, helper[0])]) if helper else None

    def unowned(self, text: str) -> bool:
        """The ask is put to several departments, to the government at large or to no district office (traffic
        signals): routed to none on purpose."""
        department, hits = self.route_specs(text, ())
        return department is None and any(h[0] in _UNOWNED for h in hits)


def _says(text: str, words: Sequence[str], unless: Sequence[str]) -> bool:
    """The text holds one of `words` and none of `unless` (an overlap rule applies)."""
    return any(w in text for w in words) and not any(w in text for w in unless)


_OWNER_OVER = 6.0  # remit score that routes past the office asked (measured: 4 and 5 route worse)
_UNOWNED = frozenset({"route.spans", "route.listed", "route.general_plea", "route.public_road"})
