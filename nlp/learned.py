"""The hand-written label rules with the weights fitted to the labelled tuning sets (tools/fit_weights.py).

labels.yaml says what counts as evidence and gives each rule a hand-set weight; learned.yaml holds the weights
fitted to data, in two sets: `known` for messages whose sender's role is known (the group nickname says 商务局 or
a company), `text_only` for messages that come with no sender or whose role the nickname does not tell (the
wording must then carry what the role would). The analyzer marks the second kind with the feature `text_only`.
"""

from __future__ import annotations

from nlp.classify import LEARNED_PREFIX, Decision, Rule, RuleSet
from nlp.features import Features, load_yaml

TEXT_ONLY = "text_only"


def with_learned(data: dict, learned: dict) -> dict:
    """The rules of `data` with the fitted `base`, `priority_margin` and `weights` of `learned`, plus one rule per
    fitted feature bias (`bias: {feature: {label: weight}}` becomes the rule `learned.<feature>`, which --explain
    shows like any other)."""
    if not learned:
        return data
    weights = learned.get("weights") or {}
    unknown = sorted(set(weights) - {raw["name"] for raw in data["rules"]})
    if unknown:
        raise ValueError(f"learned.yaml names rules that labels.yaml no longer has: {', '.join(unknown)}")
    # a written rule speaks for its label when its hand weight is positive (RuleSet.decide), whatever the fit made it
    rules = [
        {**raw, "weight": weights.get(raw["name"], raw["weight"]), "supports": raw["weight"] > 0}
        for raw in data["rules"]
    ]
    for feature, per_label in (learned.get("bias") or {}).items():
        for label, weight in per_label.items():
            rules.append({"name": LEARNED_PREFIX + feature, "target": label, "weight": weight, "when": [feature]})
    base = {**(data.get("base") or {}), **(learned.get("base") or {})}
    margins = {**(data.get("priority_margin") or {}), **(learned.get("priority_margin") or {})}
    return {**data, "base": base, "priority_margin": margins, "rules": rules}


class FittedRules:
    """Two weightings of the same rules; `decide` uses the one fitted for what is known about the sender."""

    def __init__(self, data: dict | None = None, learned: dict | None = None) -> None:
        data = data if data is not None else load_yaml("labels.yaml")
        learned = learned if learned is not None else (load_yaml("learned.yaml") or {})
        self.known = RuleSet(with_learned(data, learned.get("known") or {}))
        # without the sender's role most written request rules cannot fire: here the biases may speak for a request
        self.text_only = RuleSet(
            with_learned(data, learned.get(TEXT_ONLY) or {}), need_support=frozenset({"procurement"})
        )
        extra = [r for r in self.text_only.rules if r.name.startswith(LEARNED_PREFIX)]
        self.rules: list[Rule] = [*self.known.rules, *extra]  # every rule either weighting may fire (for planning)

    def decide(self, features: Features) -> Decision:
        """RuleSet.decide with the weighting for this message."""
        return (self.text_only if TEXT_ONLY in features.present else self.known).decide(features)
