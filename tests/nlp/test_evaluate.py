"""The evaluation report computes the figures the project tracks."""

from __future__ import annotations

from nlp import Analyzer
from nlp.evaluate import PRF, evaluate, format_report

TS = "2026-06-10T09:12:00+08:00"


def row(i: int, text: str, label: str, **kw: object) -> dict:
    base = {
        "id": f"t{i}",
        "ts": TS,
        "role": "enterprise",
        "mentions": [],
        "text": text,
        "label": label,
        "resolution": False,
        "department": None,
        "items": [],
        "deadline": None,
        "contact_phone": None,
    }
    base.update(kw)
    return base


def test_prf() -> None:
    p = PRF(tp=8, fp=2, fn=0)
    assert p.precision == 0.8 and p.recall == 1.0 and round(p.f1, 3) == 0.889
    assert PRF().f1 == 0.0


def test_evaluate_counts() -> None:
    rows = [
        row(1, "厂门口的路灯坏了，麻烦园区看看", "request", department="园区管委会"),
        row(2, "收到", "chatter"),
        row(
            3,
            "求购当归 2吨，电话13812345678",
            "procurement",
            contact_phone="13812345678",
            items=[{"name": "当归", "spec": None, "quantity": 2, "unit": "吨", "price": None, "price_unit": None}],
        ),
        row(4, "补贴到账了，谢谢人社局", "chatter", resolution=True),
        row(5, "谁认识做包装箱的", "request"),  # a deliberately wrong gold label
    ]
    rep = evaluate(rows, Analyzer.default())
    assert rep.n == 5
    assert rep.confusion[("request", "request")] == 1
    assert rep.confusion[("request", "chatter")] == 1
    assert rep.per_class["request"].recall == 0.5
    assert rep.routing_total == 2 and rep.routing_correct == 2  # t5: no department either way
    assert rep.resolution.tp == 1
    assert rep.phone_accuracy == 1.0 and rep.deadline_accuracy == 1.0
    assert rep.chatter_request_rate == 0.0
    assert rep.errors == [{"id": "t5", "gold": "request", "pred": "chatter"}]
    text = format_report(rep)
    assert "macro-F1" in text and "confusion" in text and "routing accuracy" in text


def test_macro_f1_averages_the_labels_that_occur() -> None:
    """A set with only chatter and requests is not penalised for the four labels it never uses."""
    rows = [row(1, "厂门口的路灯坏了一个月了，麻烦园区看看", "request"), row(2, "收到", "chatter")]
    r = evaluate(rows, Analyzer.default())
    assert r.macro_f1 == 1.0
    wrong = [row(1, "收到", "request"), row(2, "收到", "chatter")]
    assert evaluate(wrong, Analyzer.default()).macro_f1 < 1.0


def test_a_set_without_requests_or_lists_misses_no_request_routing_or_item_target() -> None:
    from nlp.evalsummary import checks

    report = evaluate([row(1, "收到", "chatter"), row(2, "大家早上好", "chatter")], Analyzer.default())
    ok = checks(report)
    assert ok["request"] and ok["routing"] and ok["items"] and ok["c>r"]
    lamp = row(3, "厂门口的路灯坏了，麻烦园区看看", "request", department="园区管委会")
    missed = evaluate([lamp], Analyzer.default())
    missed.per_class["request"].fn, missed.per_class["request"].tp = 1, 0  # as if the request had been missed
    assert not checks(missed)["request"]
