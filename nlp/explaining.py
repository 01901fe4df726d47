"""A human-readable account of one analysis (`clusterbot classify --explain`)."""

from __future__ import annotations

from nlp.classify import LEDGER_LABELS, PRIORITY
from nlp.types import Analysis, RuleHit

_LEDGER = tuple(lab for lab in PRIORITY if lab in LEDGER_LABELS)  # in priority order, for a stable line


def explain(analysis: Analysis) -> str:
    """Human-readable account of the decision: label, scores, flags and every fired rule."""
    scores = ", ".join(f"{k}={v:g}" for k, v in sorted(analysis.scores.items(), key=lambda kv: -kv[1]))
    flags = [f for f in ("resolution", "unresolved", "me_too", "nudge") if getattr(analysis, f)]
    lines = [f"label: {analysis.label}  ({scores})"]
    own = analysis.scores.get(analysis.label, 0.0)
    passed = [
        lab
        for lab in _LEDGER
        if analysis.scores.get(lab, float("-inf")) > own
        and not any(h.supports and h.target == lab for h in analysis.hits)
    ]
    if passed:  # RuleSet.decide: fitted biases alone make no list or request
        lines.append("not chosen: " + ", ".join(passed) + " (scored higher, but no written rule speaks for it)")
    if flags:
        lines.append("flags: " + ", ".join(flags))
    if analysis.department:
        lines.append(f"department: {analysis.department}")
    if analysis.quote:
        lines.append(f"quote: {analysis.quote[:60]}")
    hits: list[RuleHit] = sorted(analysis.hits, key=lambda h: (h.target, -abs(h.weight), h.rule, h.evidence))
    for h in hits:
        ev = f"  [{h.evidence}]" if h.evidence else ""
        lines.append(f"  {h.weight:+5.1f} {h.target:<22} {h.rule}{ev}")
    return "\n".join(lines)
