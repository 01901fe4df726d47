"""Several labelled sets at once: a line of figures per set, the targets each meets, and the aggregate.

`clusterbot eval A.jsonl B.jsonl …` prints this; one file still gets the full report (nlp/evaluate.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from nlp.evaluate import Report

# The product's targets (issue "Understand the messages"): what each set is checked against.
MACRO_F1 = 0.93
REQUEST_RECALL, REQUEST_PRECISION = 0.95, 0.90
CHATTER_AS_REQUEST = 0.03
ROUTING = 0.90
ITEMS_F1 = 0.90
DEADLINE = PHONE = 0.95

TEXT_ONLY_DROPS = ("sender", "role", "mentions")  # what a bare {id, text} line lacks


def text_only(row: dict) -> dict:
    """The record as `clusterbot classify` may get it: without sender, role and mentions."""
    return {k: v for k, v in row.items() if k not in TEXT_ONLY_DROPS}


def checks(r: Report) -> dict[str, bool]:
    """Which targets the set meets (a set without lists has no item target to miss)."""
    req = r.per_class.get("request")
    no_requests = req is None or req.tp + req.fn + req.fp == 0  # nothing to find, nothing found: nothing missed
    has_items = r.items.tp + r.items.fn > 0
    return {
        "macro": r.macro_f1 >= MACRO_F1,
        "request": no_requests or (req.recall >= REQUEST_RECALL and req.precision >= REQUEST_PRECISION),
        "c>r": r.chatter_request_rate <= CHATTER_AS_REQUEST,
        "routing": r.routing_total == 0 or r.routing_accuracy >= ROUTING,
        "items": not has_items or r.items.f1 >= ITEMS_F1,
        "deadline": r.deadline_accuracy >= DEADLINE,
        "phone": r.phone_accuracy >= PHONE,
    }


def format_summary(reports: Mapping[str, Report]) -> str:
    """A table of the sets (✗ marks a target missed) and a last line: means, and how many sets meet each target."""
    head = f"{'set':<24}{'n':>5}{'macro':>8}{'reqP':>6}{'reqR':>6}{'c>r':>7}{'route':>7}{'items':>7}{'dl':>6}{'ph':>6}"
    out = [head]
    met = dict.fromkeys(checks(Report()), 0)
    for name, r in reports.items():
        ok = checks(r)
        for k, v in ok.items():
            met[k] += v
        req = r.per_class.get("request")
        p, rc = (req.precision, req.recall) if req else (0.0, 0.0)
        mark = " ".join(k for k, v in ok.items() if not v)
        out.append(
            f"{name[:24]:<24}{r.n:>5}{r.macro_f1:8.3f}{p:6.2f}{rc:6.2f}{r.chatter_request_rate * 100:6.1f}%"
            f"{r.routing_accuracy:7.3f}{r.items.f1:7.3f}{r.deadline_accuracy:6.2f}{r.phone_accuracy:6.2f}"
            + (f"  ✗ {mark}" if mark else "")
        )
    n = len(reports) or 1
    macro = sum(r.macro_f1 for r in reports.values()) / n
    c2r = sum(r.chatter_request_rate for r in reports.values()) / n
    items = sum(r.items.f1 for r in reports.values()) / n
    out.append(
        f"{len(reports)} sets: macro-F1 mean {macro:.3f}, chatter→request mean {c2r * 100:.2f} %,"
        f" items F1 mean {items:.3f}"
    )
    out.append("sets meeting each target: " + ", ".join(f"{k} {v}/{len(reports)}" for k, v in met.items()))
    return "\n".join(out)
