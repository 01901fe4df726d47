"""Feature extraction for the classifier: keyword classes (Aho-Corasick), regex patterns, structure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice

from nlp.keywords import ALIAS_SOURCES, Lexicon, Matches, load_yaml
from nlp.lazyrx import LazyPattern
from nlp.runs import PatternRun, RunPlan, compile_run, needed_strings
from nlp.rxprefix import alternation_with_leads, with_first_chars_if_unprefixed

__all__ = ["ALIAS_SOURCES", "FeatureExtractor", "Features", "Lexicon", "Matches", "load_yaml"]
_PUNCT_RE = re.compile(r"[\W_]+")  # blanks are \W too
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_SHORT, _LONG = 6, 40
_ACK_CLASSES = ("ack", "thanks", "greeting", "attend_ack", "me_too")
_ACK_SET = frozenset(_ACK_CLASSES)
_CLAUSE_RE = re.compile(r"([^,.;!?，。；！？\n]+)([,.;!?，。；！？\n]*)")
_REF_RE = re.compile(r"#\s?(\d{1,5})(?!\d)")
_STICKER_FEATURES = (("laugh_sticker", "laugh"), ("laugh_weak", "laugh_weak"), ("irony", "irony"))
_ASIDE_AFTER_QUESTION = re.compile(r"[?？][^?？]*[\u4e00-\u9fff]{3}[^?？]*$")  # a clause after the last question


@dataclass(slots=True)
class Features:
    """Named features that fired, with their evidence (the matched text)."""

    present: dict[str, object] = field(default_factory=dict)  # str, or list of matched words
    refs: list[int] = field(default_factory=list)


class FeatureExtractor:
    """Builds `Features` for one normalised message."""

    def __init__(
        self,
        extra_classes: dict[str, list[str]] | None = None,
        payloads: Mapping[str, object] | None = None,
        named_gates: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """`payloads`: other words to find in the same automaton pass, with a truthy payload each (see `scan`);
        `named_gates`: sets of strings whose presence `scan_gates` reports too, at the bits of `gate_bits`."""
        classes = dict(load_yaml("lexicons.yaml"))
        self.words: dict[str, tuple[str, ...]] = {k: tuple(map(str, v)) for k, v in classes.items()}
        for cls, words in (extra_classes or {}).items():
            classes[cls] = list(classes.get(cls, [])) + list(words)
        pats = dict(load_yaml("patterns.yaml"))
        self.aliases: dict[str, str] = dict(pats.pop("_aliases", None) or {})
        needs_digit = frozenset(pats.pop("_needs_digit", None) or ())
        gates = {k: frozenset(str(g)[0] for g in v) for k, v in (pats.pop("_gates", None) or {}).items()}
        # (name, compiled, needs a digit, gate characters or None, alias or None)
        self.patterns = [
            (
                name,
                LazyPattern(with_first_chars_if_unprefixed(p)),  # compiled when a message first needs it
                name in needs_digit,
                gates.get(name),
                self.aliases.get(name),
            )
            for name, p in pats.items()
        ]
        needs, self._need_gated = needed_strings(self.patterns)
        self.gate_bits: dict[str, int] = {}  # the caller's gates, at the bits after the patterns'
        for k, (name, strings) in enumerate((named_gates or {}).items()):
            self.gate_bits[name] = bit = 1 << (len(self.patterns) + k)
            for w in strings:
                needs[w] = needs.get(w, 0) | bit
        # each gate character opens its patterns' runs at the bits from `_char_base` on (pattern i at _char_base + i),
        # found in the automaton's pass instead of a regex pass of their own; exact: the automaton reports every
        # occurrence (a gate character that is a Latin keyword has its bits always set, see Lexicon.gates_always)
        self._char_base = len(self.patterns) + len(self.gate_bits)
        for i, (*_, gate, _) in enumerate(self.patterns):
            for c in gate or ():
                needs[c] = needs.get(c, 0) | 1 << (self._char_base + i)
        # the bits of the patterns without needed strings (only the patterns' bits: the others stay as scanned)
        self._ungated = (1 << len(self.patterns)) - 1 & ~sum(1 << i for i in self._need_gated)
        self.lexicon = Lexicon(classes, payloads, needs)
        self._lex_alias = frozenset(self.aliases).intersection(self.lexicon.classes)
        self._lex_alias_pairs = tuple((cls, self.aliases[cls]) for cls in sorted(self._lex_alias))
        for source in self._lex_alias:
            ALIAS_SOURCES.setdefault(self.aliases[source], set()).add(source)
        self._triggers: dict[str, tuple[frozenset[str], ...] | None] = {}  # see plan(); default: run all
        self._done_clause_used = True  # plan() turns it off when no rule refers to "done_clause"
        self._compile_runs()
        self._done_re = re.compile(pats["done_re"])
        self._not_done_res = [re.compile(pats[k]) for k in ("future_done", "unresolved_re") if k in pats]
        self._qty = re.compile(alternation_with_leads([pats[k] for k in ("qty_num", "qty_cn")]))  # lines with one

    def extract(
        self,
        text: str,
        role: str,
        quote: str | None,
        stickers: list[str],
        extra: dict[str, str],
        found: dict[str, Matches] | None = None,
        needs: int = -1,
    ) -> Features:
        """Compute every feature; `extra` carries features computed by the caller (mentions, remit).

        `found` and `needs` may pass the keyword classes and the gate bits of `scan_gates(text)` when already
        computed (without `needs` every pattern is searched).
        """
        if "啦" in text:  # _matchable(text), inline: two calls a message
            text = text.replace("啦", "了")
        if found is None:
            found, _, needs = self.lexicon.scan_gates(text)
        present: dict[str, object] = dict(found)
        for cls, alias in self._lex_alias_pairs:  # the few aliased classes, not every class found
            if cls in found:
                present.setdefault(alias, found[cls])  # evidence resolved lazily (ALIAS_SOURCES)
        if "broadcast" in found:
            words = found["broadcast"].words("broadcast")
            if len(words) >= 2:
                present["broadcast2"] = words
        if quote:
            present["quoted"] = quote[:20]
            for cls, words in self.lexicon.scan(quote).items():
                present["quote." + cls] = words
            m = self._done_re.search(quote)
            if m:
                present.setdefault("quote.done", m.group())
        refs = [int(m) for m in _REF_RE.findall(text)] if "#" in text else []
        if stickers:
            present["sticker"] = str(len(stickers))
            sticker_classes = self.lexicon.scan(" ".join(stickers))
            for cls, feature in _STICKER_FEATURES:
                if cls in sticker_classes:
                    present[feature] = "".join(stickers)
            if "laugh" in present and _ASIDE_AFTER_QUESTION.search(text):  # 钱啥时候能拨下来？我们财务天天追着我问😂
                present["laugh_aside"] = ""  # the laugh is at the aside
        present.update(extra)
        self._structure(text, present, role, len(stickers), found)
        # a gated pattern whose needed strings the automaton did not see in `text` cannot match (exact: every match
        # holds one of them); each run also skips its search when no rule could use the feature
        for run in self._plan.select(text, needs | self._ungated):
            run(text, present)
        if self._done_clause_used and "done" in present and ("not_done" in present or "unresolved" in present):
            clause = self._done_clause(text)
            if clause:
                present["done_clause"] = clause
        return Features(present, refs)  # positional: cheaper than keywords per message

    def scan(self, text: str) -> tuple[dict[str, Matches], list[object]]:
        """The keyword classes of `text` as `extract` sees it, and the payloads of the payload words in it."""
        return self.lexicon.scan_payloads(_matchable(text))

    def scan_gates(self, text: str) -> tuple[dict[str, Matches], list[object], int]:
        """`scan(text)` and the gate bits that `extract` takes as `needs`."""
        return self.lexicon.scan_gates(text.replace("啦", "了") if "啦" in text else text)  # _matchable, inline

    def _done_clause(self, text: str) -> str | None:
        """A clause that reports completion with no progress/promise/question words in the same clause."""
        for m in _CLAUSE_RE.finditer(text):
            clause, end = m.group(1), m.group(2)
            if "?" in end:
                continue  # a question about completion is not a report of it
            classes = self.lexicon.scan(clause)
            if "not_done" in classes or "unresolved" in classes:
                continue
            if any(p.search(clause) for p in self._not_done_res):
                continue
            if "done" in classes or self._done_re.search(clause):
                return clause
        return None

    def plan(self, rules: Iterable[tuple[Iterable[str], Iterable[str]]], always: Iterable[str] = ()) -> None:
        """Decide, per pattern, which already-known features make it worth running.

        `rules` are (when, unless) feature lists. A pattern runs when some rule referring to one of its
        features has all its other `when` features present (features that a later pattern may still set
        are not required); `always` lists features the caller needs regardless of the rules.
        """
        rules = [(tuple(w), tuple(u)) for w, u in rules]
        self._done_clause_used = any("done_clause" in (*w, *u) for w, u in rules)
        always = set(always)
        produced = [{name, alias} - {None} for name, _, _, _, alias in self.patterns]
        self._triggers = {}
        for i, (name, *_rest) in enumerate(self.patterns):
            feats = produced[i]
            later = set().union(*produced[i + 1 :]) if i + 1 < len(produced) else set()
            if feats & always:
                self._triggers[name] = None
                continue
            triggers: set[frozenset[str]] = set()
            for when, unless in rules:
                if not feats.intersection(when) and not feats.intersection(unless):
                    continue
                trig = frozenset(f for f in when if f not in feats and f not in later and not f.startswith("flag:"))
                if not trig:
                    triggers = None  # type: ignore[assignment]
                    break
                triggers.add(trig)
            self._triggers[name] = None if triggers is None else tuple(triggers)
        self._compile_runs()

    def _compile_runs(self) -> None:
        """Planned pattern runs (name, regex, single triggers, multi triggers, alias) with their gates."""
        runs: list[tuple[int, PatternRun, bool, frozenset[str] | None]] = []
        for i, (name, pat, needs_digit, gate, alias) in enumerate(self.patterns):
            trig = self._triggers.get(name)
            single = None if trig is None else frozenset(next(iter(t)) for t in trig if len(t) == 1)
            multi = () if trig is None else tuple(t for t in trig if len(t) > 1)
            if trig is not None and not single and not multi:
                continue  # no rule refers to it
            # a run gated by the automaton need not look for its needed strings again
            run = compile_run(name, pat, single, multi, alias, look=i not in self._need_gated)
            runs.append((i, run, needs_digit, gate))
        self._plan = RunPlan(runs, self._char_base)

    def _structure(
        self,
        text: str,
        present: dict[str, object],
        role: str,
        stickers: int,
        found: dict[str, Matches],
    ) -> None:
        if role == "official":
            present["official"] = role
        else:
            present["not_official"] = role
            present["enterprise" if role == "enterprise" else "unknown_role"] = role
        core = _PUNCT_RE.sub("", text)
        n = len(core)
        if n == 0:
            present["empty"] = ""
            if stickers:
                present["only_sticker"] = ""
        if n <= _SHORT:
            present["short"] = core
        if n >= _LONG:
            present["long"] = str(n)
        if "\n" in text:
            lines = text.split("\n")
            if len(lines) >= 3:
                present["lines3"] = str(len(lines))
            qty_lines = sum(1 for ln in lines if self._qty.search(ln))
            if qty_lines >= 2:
                present["list"] = str(qty_lines)
        if "list" not in present:
            with_item = "item" in found
            many = _two_separators(text)
            if with_item or many:
                self._one_line_list(text, present, found, with_item, many)
        if n > 16 or _ACK_SET.isdisjoint(found):
            return
        matches = found[next(c for c in _ACK_CLASSES if c in found)]  # one shared list for every class
        acks = [w for w, classes in matches if not _ACK_SET.isdisjoint(classes)]
        if acks:
            rest = core
            for w in sorted(set(acks), key=len, reverse=True):
                rest = rest.replace(w, "")
            if len(_CJK_RE.findall(rest)) <= 2:
                present["ack_only"] = "/".join(dict.fromkeys(acks))

    def _one_line_list(
        self, text: str, present: dict[str, object], found: dict[str, Matches], with_item: bool, many: bool
    ) -> None:
        """Items or amounts listed on one line: items2 (焊丝 … 100盘 氩气 20瓶), amounts3 (S136 … 6块，718H …
        4块，H13 … 10段). The amounts are counted once for both."""
        amounts = len(list(islice(self._qty.finditer(text), 3)))  # 0 to 3: all the tests below need
        if many and amounts >= 3 and _amount_clauses(self._qty, text) >= 3:
            present["amounts3"] = ""
        if with_item and amounts >= 2:
            words = found["item"].words("item")
            distinct = [w for w in words if not any(w != v and w in v for v in words)]  # 尿素 in 车用尿素
            if len(distinct) >= 2:  # 焊丝 … 100盘 氩气 20瓶: items and amounts in one line
                present["items2"] = "/".join(distinct)


_CLAUSE_SEP = re.compile(r"[，,；;]")
_TWO_SEPARATORS = re.compile(r"[，,；;][^，,；;]*[，,；;]")  # two of them (one search instead of four counts)
_NUMERAL_RE = re.compile(r"[\d一二两三四五六七八九十百千半壹贰叁肆伍陆柒捌玖拾]")
_REPORTED = re.compile(r"[了过剩卖出发到来走]\s*$|还有|一共|总共|今天|昨天|已经")


def _two_separators(text: str) -> bool:
    """Room for three clauses and a number (cheap test before `_amount_clauses`)."""
    if _TWO_SEPARATORS.search(text) is None:
        return False
    return _NUMERAL_RE.search(text) is not None


def _amount_clauses(qty: re.Pattern[str], text: str) -> int:
    """How many comma-separated clauses hold an amount: 0 when an amount reports what happened or is on hand
    (发了3车, 还剩5车, 今天到2车)."""
    count = 0
    for part in _CLAUSE_SEP.split(text):
        m = qty.search(part)
        if m and _REPORTED.search(part, 0, m.start()):
            return 0  # 发了3车，到了2车: what happened, not what is wanted
        count += m is not None
    return count


def _matchable(text: str) -> str:
    """The text keywords and patterns are matched in: 修好啦 = 修好了."""
    return text.replace("啦", "了") if "啦" in text else text
