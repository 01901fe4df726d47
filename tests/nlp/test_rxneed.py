"""Needed strings hold for every match, and `PartGate.has` gives the answer of the whole alternation."""

import json
import random
import re
from pathlib import Path

import pytest

from nlp.keywords import load_yaml
from nlp.rxneed import PartGate, needed

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"


@pytest.mark.parametrize(
    ("pattern", "want"),
    [
        (r"(?:修|换)好", {"修好", "换好"}),
        (r"(?<!协)调好|ok了", {"调好", "ok了"}),
        (r"已经?(?:处理|修)", {"已处理", "已修", "已经处理", "已经修"}),
        (r"[^a]{0,3}收到", {"收到"}),
        (r"a?", None),
        (r".x|y", {"x", "y"}),
        (r".|y", None),
        (r"(?i)ab", None),
    ],
)
def test_needed(pattern: str, want: set[str] | None) -> None:
    got = needed(pattern)
    assert (None if got is None else set(got)) == want


def _texts() -> list[str]:
    texts = []
    for path in sorted(LABELLED.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line).get("text") or "").lower())
    clauses = [c for t in texts for c in re.split(r"[,.;!?，。；！？\n ]+", t) if c]
    rnd = random.Random(3)
    mixed = ["".join(rnd.choices(clauses, k=3)) for _ in range(2000)]
    return texts + clauses + mixed


def test_part_gate_matches_the_alternation() -> None:
    data = load_yaml("resolution.yaml")
    parts = data["weak"] + data["complete"]
    gate = PartGate(parts)
    whole = re.compile("|".join(f"(?:{p})" for p in parts))
    strong = re.compile("|".join(f"(?:{p})" for p in data["complete"]))
    for t in _texts():
        assert gate.has(t) == bool(whole.search(t)), t
        assert gate.has(t, len(data["weak"])) == bool(strong.search(t)), t
