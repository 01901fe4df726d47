"""Weighted-rule classifier: features → scores per label and flags → label, with explanations."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nlp.features import Features, Matches, load_yaml
from nlp.types import LABELS, Label, RuleHit

PRIORITY: tuple[Label, ...] = ("procurement", "request", "answer", "meeting", "policy", "chatter")
FLAGS = ("resolution", "unresolved", "me_too", "nudge")  # RuleSet.decide spells them out
FLAG_THRESHOLD = 1.5
# scores are float sums whose order may vary (set iteration): compare against thresholds with this much slack, so
# that a sum landing exactly on one (5.5 = min of a margin) decides the same way every run
EPS = 1e-9
_FLAG_MIN = FLAG_THRESHOLD - EPS
# the labels that make a ledger entry need a written rule speaking for them (RuleSet.decide)
LEDGER_LABELS: frozenset[str] = frozenset({"procurement", "request"})
LEARNED_PREFIX = "learned."  # rules fitted per feature (nlp/learned.py): they re-weigh evidence, they are none
# Features present in many messages make poor index keys; a rule is indexed by its first other feature, or by its
# least common one (the later in this list) when it has no other.
_COMMON = (
    "not_official",
    "official",
    "enterprise",
    "remit",
    "gov_topic",
    "unknown_role",
    "short",
    "question",
    "long",
    "mention",
    "quoted",
)
_RANK = {f: i for i, f in enumerate(_COMMON)}


@dataclass(frozen=True, slots=True)
class Rule:
    """One weighted rule from nlp/rules/labels.yaml."""

    name: str
    target: str
    weight: float
    when: tuple[str, ...]
    unless: tuple[str, ...] = ()
    rest: frozenset[str] = frozenset()  # `when` minus the index feature
    supports: bool = False  # a written rule with a positive weight: evidence that its label may be chosen

    def hit(self, present: dict[str, object]) -> RuleHit:
        """The explanation of this rule firing on `present`."""
        evidence = " + ".join(_evidence(f, present) for f in self.when)
        return RuleHit(self.name, self.target, self.weight, evidence, self.supports)


def _evidence(feature: str, present: dict[str, object]) -> str:
    value = present.get(feature)
    if isinstance(value, Matches):
        value = "/".join(value.words(feature.removeprefix("quote.")))
    elif isinstance(value, list):
        value = "/".join(dict.fromkeys(value))
    return f"{feature}={value}" if value else feature


@dataclass(slots=True)
class Decision:
    """Scores, the chosen label, flags and the rules that fired."""

    label: Label
    scores: dict[str, float]
    flags: dict[str, bool]
    fired: list[Rule] = field(default_factory=list)

    def hits(self, present: dict[str, object]) -> list[RuleHit]:
        """RuleHits for the fired rules (built on demand: explanations are not needed on the hot path)."""
        return [rule.hit(present) for rule in self.fired]


class RuleSet:
    """The rules indexed by their least common required feature, so only plausible rules are checked; the rules
    under each feature are compiled into one checking function."""

    def __init__(self, data: dict | None = None, need_support: frozenset[str] = LEDGER_LABELS) -> None:
        """`need_support`: labels chosen only when a written rule speaks for them (see `decide`)."""
        self.need_support = need_support
        data = data if data is not None else load_yaml("labels.yaml")
        self.base: dict[str, float] = {lab: 0.0 for lab in LABELS}
        self.base.update({k: float(v) for k, v in (data.get("base") or {}).items()})
        self.margins: dict[str, tuple[float, float]] = {
            lab: (float(v["margin"]), float(v["min"])) for lab, v in (data.get("priority_margin") or {}).items()
        }
        self.rules: list[Rule] = []
        self.index: dict[str, list[tuple[frozenset[str], frozenset[str], str, float, Rule]]] = {}
        self.post: list[Rule] = []  # rules on "flag:<name>" features, applied after the flags are known
        written: set[str] = set()
        for raw in data["rules"]:
            rule = Rule(
                name=raw["name"],
                target=raw["target"],
                weight=float(raw["weight"]),
                when=tuple(raw.get("when") or ()),
                unless=tuple(raw.get("unless") or ()),
            )
            if not rule.when:
                raise ValueError(f"rule {rule.name} needs at least one `when` feature")
            key = min(rule.when, key=lambda f: (f in _RANK, -_RANK.get(f, 0)))  # the first uncommon, or the rarest
            supports = raw.get("supports", rule.weight > 0)  # with_learned passes the hand weight's sign
            rule = dataclasses.replace(
                rule,
                rest=frozenset(f for f in rule.when if f != key),
                supports=bool(supports) and not rule.name.startswith(LEARNED_PREFIX),
            )
            if rule.target not in LABELS and rule.target not in FLAGS:
                raise ValueError(f"rule {rule.name}: unknown target {rule.target}")
            if rule.name in written:
                raise ValueError(f"rule {rule.name} is written twice: its fitted weight would serve both")
            if not rule.name.startswith(LEARNED_PREFIX):  # (a fitted bias is one rule per label, under one name)
                written.add(rule.name)
            self.rules.append(rule)
            if any(f.startswith("flag:") for f in rule.when):
                self.post.append(dataclasses.replace(rule, rest=frozenset(rule.when)))
                continue
            self.index.setdefault(key, []).append((rule.rest, frozenset(rule.unless), rule.target, rule.weight, rule))
        # the ids of the rules that speak for each label needing support: `decide` tests the fired rules against them
        self._support_ids = {
            lab: frozenset(id(r) for r in (*self.rules, *self.post) if r.supports and r.target == lab)
            for lab in need_support
        }
        self._keys = frozenset(self.index)
        self._checks = {key: _compile_checks(key, entries) for key, entries in self.index.items()}
        self._start = {**self.base, **dict.fromkeys(FLAGS, 0.0)}
        # each label's (margin, min) with the slack of EPS folded in: compared as is on every message
        self._priority = tuple((lab, _slack(self.margins.get(lab))) for lab in PRIORITY)

    def features_used(self) -> set[str]:
        """Every feature name the rules refer to."""
        return {f for r in self.rules for f in (*r.when, *r.unless)}

    def decide(self, features: Features) -> Decision:
        """Sum the weights of the rules that fire and pick the label."""
        keys = features.present  # the features are its keys (a dict tests them a step sooner than a keys view)
        scores = self._start.copy()  # the labels' base scores, then the flags' (taken out below)
        fired: list[Rule] = []
        checks = self._checks
        for feat in self._keys.intersection(keys):
            checks[feat](keys, scores, fired)
        pop = scores.pop  # the flags' scores out of the labels' (FLAGS, spelled out: no comprehension per call)
        flags = {
            "resolution": pop("resolution") >= _FLAG_MIN,
            "unresolved": pop("unresolved") >= _FLAG_MIN,
            "me_too": pop("me_too") >= _FLAG_MIN,
            "nudge": pop("nudge") >= _FLAG_MIN,
        }
        if flags["unresolved"]:
            flags["resolution"] = False
        if self.post and (flags["resolution"] or flags["unresolved"] or flags["me_too"]):
            keys = set(keys) | {f"flag:{k}" for k, on in flags.items() if on}
            for rule in self.post:
                if keys >= rule.rest and keys.isdisjoint(rule.unless):
                    scores[rule.target] += rule.weight
                    fired.append(rule)
        best = max(scores.values())  # _choose(scores, self.margins), inline
        for label, margin in self._priority:
            score = scores[label]
            if score >= best - EPS or (margin is not None and score >= margin[1] and score >= best - margin[0]):
                break
        else:
            label = "chatter"
        if label in self.need_support and self._support_ids[label].isdisjoint(map(id, fired)):
            label = self._supported(scores, fired)  # no fired rule speaks for the label
        return Decision(label, scores, flags, fired)  # positional: cheaper than keywords per message

    def _supported(self, scores: dict[str, float], fired: list[Rule]) -> Label:
        """The choice without the list and the request when no written rule speaks for them: a fitted bias alone
        never makes a ledger entry ("我是新来的，请多关照" is chatter whatever the biases say)."""
        allowed = {r.target for r in fired if r.supports} | (set(LABELS) - self.need_support)
        best = max(scores[lab] for lab in allowed if lab in scores)
        for label, margin in self._priority:
            if label not in allowed:
                continue
            score = scores[label]
            if score >= best - EPS or (margin is not None and score >= margin[1] and score >= best - margin[0]):
                return label
        return "chatter"


def _slack(margin: tuple[float, float] | None) -> tuple[float, float] | None:
    """A priority margin widened by EPS on both of its tests."""
    return None if margin is None else (margin[0] + EPS, margin[1] - EPS)


_Check = Callable[[Mapping[str, object], dict[str, float], list[Rule]], None]


def _compile_checks(key: str, entries: list[tuple[frozenset[str], frozenset[str], str, float, Rule]]) -> _Check:
    """One function applying the rules indexed under `key`, in order: `if "qty" in keys and "list" not in keys:`.

    Built once from the rules file (feature names, targets and weights become literals), it tests a rule in a few
    bytecodes where generic set operations on every rule cost several times more. Consecutive rules with the same
    features (the fitted biases of one feature, one a label) share one test and are recorded with one `+=`; the
    scores get the same additions in the same order.
    """
    lines = ["def check(keys, scores, fired, rules=rules):"]
    groups: list[tuple[Rule, ...]] = []
    i = 0
    while i < len(entries):
        rest, unless = entries[i][:2]
        j = i + 1
        while j < len(entries) and entries[j][:2] == (rest, unless):
            j += 1
        conds = [f"{f!r} in keys" for f in sorted(rest)] + [f"{f!r} not in keys" for f in sorted(unless)]
        lines.append(f"    if {' and '.join(conds) or 'True'}:")
        for _, _, target, weight, rule in entries[i:j]:
            if not math.isfinite(weight):
                raise ValueError(f"rule {rule.name}: weight {weight}")
            lines.append(f"        scores[{target!r}] += {weight!r}")
        lines.append(f"        fired += rules[{len(groups)}]")
        groups.append(tuple(e[4] for e in entries[i:j]))
        i = j
    namespace: dict[str, Any] = {"rules": tuple(groups)}
    exec(compile("\n".join(lines), f"<rules indexed under {key!r}>", "exec"), namespace)
    return namespace["check"]


def _choose(scores: dict[str, float], margins: dict[str, tuple[float, float]]) -> Label:
    best = max(scores.values())
    for lab in PRIORITY:
        score = scores[lab]
        if score >= best - EPS:
            return lab
        got = margins.get(lab)
        if got is not None and score >= got[1] - EPS and score >= best - got[0] - EPS:
            return lab
    return "chatter"


def choose(scores: dict[str, float], margins: dict[str, tuple[float, float]] | None = None) -> Label:
    """Highest score; ties go to the higher-priority label (procurement > request > … > chatter).

    With `margins`, a higher-priority label also wins a mixed message when its score reaches `min` and lies
    within `margin` of the best score.
    """
    return _choose(scores, margins or {})
