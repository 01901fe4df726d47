"""Evaluate the analyzer on the labelled sets and hold it to the project's targets (with some margin)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp import Analyzer
from nlp.evaluate import Report, evaluate, format_report

DATA = Path(__file__).resolve().parents[1] / "data" / "labelled"


def _run(name: str) -> Report:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = evaluate(rows, Analyzer.default())
    print(f"\n== {name} ==\n{format_report(report)}")
    return report


def test_dev_set() -> None:
    r = _run("dev.jsonl")
    assert r.macro_f1 >= 0.95
    assert r.per_class["request"].recall >= 0.95
    assert r.per_class["request"].precision >= 0.92
    assert r.chatter_request_rate <= 0.03
    assert r.routing_accuracy >= 0.85
    assert r.resolution.precision >= 0.6 and r.resolution.recall >= 0.6


def test_heldout_set() -> None:
    r = _run("heldout.jsonl")
    assert r.macro_f1 >= 0.85
    assert r.per_class["request"].recall >= 0.88
    assert r.per_class["request"].precision >= 0.85
    assert r.chatter_request_rate <= 0.08
    assert r.routing_accuracy >= 0.75
