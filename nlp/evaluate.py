"""Evaluation of the analyzer over labelled rows (tests/data/labelled/SCHEMA.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from nlp.analyzer import Analyzer
from nlp.officials import OfficialsByGroup
from nlp.records import analyze_record
from nlp.threads import RequestsBySender
from nlp.types import LABELS


@dataclass(slots=True)
class PRF:
    """Precision, recall and F1 with their counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    """All figures of one evaluation run."""

    n: int = 0
    per_class: dict[str, PRF] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> count
    resolution: PRF = field(default_factory=PRF)
    routing_total: int = 0
    routing_correct: int = 0  # router on every gold request, whatever the predicted label
    routing_e2e: int = 0  # predicted label request and department right
    items: PRF = field(default_factory=PRF)
    deadline_correct: int = 0
    phone_correct: int = 0
    chatter_total: int = 0
    chatter_as_request: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the labels that occur in the gold or the predictions (as scikit-learn averages)."""
        seen = {g for g, _ in self.confusion} | {p for _, p in self.confusion}
        scores = [p.f1 for label, p in self.per_class.items() if label in seen]
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def accuracy(self) -> float:
        return sum(v for (g, p), v in self.confusion.items() if g == p) / self.n if self.n else 0.0

    @property
    def routing_accuracy(self) -> float:
        return self.routing_correct / self.routing_total if self.routing_total else 0.0

    @property
    def routing_end_to_end(self) -> float:
        return self.routing_e2e / self.routing_total if self.routing_total else 0.0

    @property
    def deadline_accuracy(self) -> float:
        return self.deadline_correct / self.n if self.n else 0.0

    @property
    def phone_accuracy(self) -> float:
        return self.phone_correct / self.n if self.n else 0.0

    @property
    def chatter_request_rate(self) -> float:
        return self.chatter_as_request / self.chatter_total if self.chatter_total else 0.0


def _item_keys(items: Iterable[dict]) -> Counter:
    def num(v: object) -> float | None:
        return None if v is None else round(float(v), 6)  # type: ignore[arg-type]

    return Counter((it.get("name"), num(it.get("quantity")), it.get("unit")) for it in items)


def evaluate(rows: Iterable[dict], analyzer: Analyzer) -> Report:
    """Run the analyzer over labelled rows and collect every figure of `Report`."""
    rep = Report(per_class={lab: PRF() for lab in LABELS})
    groups = OfficialsByGroup()  # who is who in each group, from the messages before (as the bot sees the chat)
    requests = RequestsBySender()  # and each sender's latest request
    for row in rows:
        now = datetime.fromisoformat(row["ts"])
        mentions = row.get("mentions") or ()
        officials = groups.of(row)
        a = analyze_record(analyzer, row, now, officials, requests)
        gold, pred = row["label"], a.label
        rep.n += 1
        rep.confusion[(gold, pred)] += 1
        if gold == pred:
            rep.per_class[gold].tp += 1
        else:
            rep.per_class[pred].fp += 1
            rep.per_class[gold].fn += 1
            rep.errors.append({"id": row.get("id"), "gold": gold, "pred": pred})
        g_res, p_res = bool(row.get("resolution")), a.resolution
        rep.resolution.tp += g_res and p_res
        rep.resolution.fp += p_res and not g_res
        rep.resolution.fn += g_res and not p_res
        if gold == "request":
            rep.routing_total += 1
            dept = a.department
            if pred != "request":
                dept = analyzer.route(row["text"], mentions=mentions, officials=officials)
            rep.routing_correct += dept == row.get("department")
            rep.routing_e2e += pred == "request" and a.department == row.get("department")
        if gold == "procurement":
            g_items = _item_keys(row.get("items") or [])
            p_items = _item_keys(it.as_json() for it in a.items)
            common = sum((g_items & p_items).values())
            rep.items.tp += common
            rep.items.fp += sum(p_items.values()) - common
            rep.items.fn += sum(g_items.values()) - common
        deadline = a.deadline.isoformat() if a.deadline else None
        rep.deadline_correct += deadline == row.get("deadline")
        rep.phone_correct += a.contact_phone == row.get("contact_phone")
        if gold == "chatter":
            rep.chatter_total += 1
            rep.chatter_as_request += pred == "request"
    return rep


def format_report(report: Report) -> str:
    """Plain-text report: per-class table, confusion matrix and the other figures."""
    out = [f"{'label':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}"]
    for lab, p in report.per_class.items():
        out.append(f"{lab:<12}{p.precision:7.3f}{p.recall:7.3f}{p.f1:7.3f}{p.tp + p.fn:6d}")
    out.append(f"macro-F1 {report.macro_f1:.3f}   accuracy {report.accuracy:.3f}   n={report.n}")
    short = {lab: lab[:5] for lab in LABELS}
    out.append("confusion (rows gold, cols predicted):")
    out.append(" " * 12 + "".join(f"{short[lab]:>7}" for lab in LABELS))
    for g in LABELS:
        out.append(f"{g:<12}" + "".join(f"{report.confusion[(g, p)]:7d}" for p in LABELS))
    r = report.resolution
    out.append(f"resolution flag   P {r.precision:.3f}  R {r.recall:.3f}  (tp {r.tp}, fp {r.fp}, fn {r.fn})")
    out.append(
        f"routing accuracy  {report.routing_accuracy:.3f}  (end-to-end {report.routing_end_to_end:.3f},"
        f" {report.routing_total} gold requests)"
    )
    i = report.items
    out.append(f"items             P {i.precision:.3f}  R {i.recall:.3f}  F1 {i.f1:.3f}")
    out.append(f"deadline accuracy {report.deadline_accuracy:.3f}   phone accuracy {report.phone_accuracy:.3f}")
    out.append(
        f"chatter→request   {report.chatter_request_rate:.3f}  ({report.chatter_as_request}/{report.chatter_total})"
    )
    return "\n".join(out)
