"""The fitted weights (nlp/learned.py, nlp/rules/learned.yaml) and the tool that fits them (tools/fit_weights.py)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from nlp import Analyzer
from nlp.classify import RuleSet
from nlp.features import Features, load_yaml
from nlp.learned import TEXT_ONLY, FittedRules, with_learned

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))
HAND = {
    "base": {"chatter": 1.0},
    "priority_margin": {"request": {"margin": 1.0, "min": 4.0}},
    "rules": [
        {"name": "req.ask", "target": "request", "weight": 2.0, "when": ["ask"]},
        {"name": "chat.ack", "target": "chatter", "weight": 1.0, "when": ["ack"]},
    ],
}


def _tool():
    spec = importlib.util.spec_from_file_location("fit_weights", ROOT / "tools" / "fit_weights.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_weights"] = module
    spec.loader.exec_module(module)
    return module


def test_learned_weights_base_margins_and_biases_replace_the_hand_ones() -> None:
    learned = {
        "base": {"chatter": 0.5},
        "priority_margin": {"request": {"margin": 0.5, "min": 2.0}},
        "weights": {"req.ask": 3.5},
        "bias": {"question": {"request": 0.4, "chatter": -0.2}},
    }
    rules = RuleSet(with_learned(HAND, learned))
    assert rules.base["chatter"] == 0.5 and rules.margins["request"] == (0.5, 2.0)
    weights = {(r.name, r.target): r.weight for r in rules.rules}
    assert weights[("req.ask", "request")] == 3.5 and weights[("chat.ack", "chatter")] == 1.0  # not refitted: kept
    assert weights[("learned.question", "request")] == 0.4 and weights[("learned.question", "chatter")] == -0.2
    decision = rules.decide(Features({"ask": "能不能", "question": "?"}))
    assert decision.label == "request" and decision.scores["request"] == pytest.approx(3.9)
    assert with_learned(HAND, {}) is HAND


def test_learned_weights_for_a_rule_that_no_longer_exists_stop_the_load() -> None:
    with pytest.raises(ValueError, match=r"req\.gone"):
        with_learned(HAND, {"weights": {"req.gone": 1.0}})


def test_the_text_only_weighting_decides_when_no_role_is_known() -> None:
    fitted = FittedRules(HAND, {"known": {"weights": {"req.ask": 0.5}}, TEXT_ONLY: {"weights": {"req.ask": 5.0}}})
    assert fitted.decide(Features({"ask": "能不能"})).label == "chatter"  # 0.5 < chatter's 1.0
    assert fitted.decide(Features({"ask": "能不能", TEXT_ONLY: ""})).label == "request"


def test_the_analyzer_marks_a_message_without_a_role_as_text_only() -> None:
    an = Analyzer.default()
    text = "我们厂门口的路灯坏了，能不能安排人修一下"
    known = an.analyze(text, now=NOW, role="enterprise")
    bare = an.analyze(text, now=NOW)
    assert known.label == bare.label == "request"
    assert known.scores != bare.scores  # the two weightings differ


def test_the_shipped_learned_weights_match_the_rules_and_leave_the_regex_plan_alone() -> None:
    learned = load_yaml("learned.yaml")
    assert set(learned) == {"known", TEXT_ONLY}
    names = {r["name"] for r in load_yaml("labels.yaml")["rules"]}
    patterns = {k for k in load_yaml("patterns.yaml") if not k.startswith("_")}
    for part in learned.values():
        assert set(part["weights"]) <= names
        # a bias on a regex feature would make that regex run on every message (FeatureExtractor.plan)
        assert not set(part["bias"]) & (patterns | {p + "2" for p in patterns})


def test_the_fit_moves_weights_towards_the_labels_and_stays_near_the_hand_weights() -> None:
    np = pytest.importorskip("numpy")
    tool = _tool()
    hand = RuleSet(HAND)
    rows = [tool.Row("request", ("req.ask",), ("ask",))] * 40 + [tool.Row("chatter", ("chat.ack",), ("ack",))] * 40
    rows += [tool.Row("chatter", ("req.ask",), ("ask", "peer"))] * 30  # 有没有朋友能…: an ask among peers
    settings = tool.Settings(min_count=5)
    learned = tool.fit(rows, hand, ["peer"], settings)
    assert learned["bias"]["peer"]["chatter"] > 0 > learned["bias"]["peer"]["request"]
    assert set(learned["priority_margin"]) == {"request"}
    scores = np.array([[0, 2.0, 0, 0, 0, 1.0], [0, 0.5, 0, 0, 0, 1.0]])
    chosen = tool.choose(scores, {"request": (1.0, 0.4)})
    assert list(chosen) == [1, 1]  # the second: request within 1.0 of chatter and above 0.4
    assert list(tool.choose(scores, {})) == [1, 5]
    rules = RuleSet(with_learned(HAND, learned))
    assert rules.decide(Features({"ask": "能不能", "peer": "朋友"})).label == "chatter"
    assert rules.decide(Features({"ask": "能不能"})).label == "request"


def test_the_fit_never_reads_a_held_out_set() -> None:
    sets = _tool().tuning_sets()
    assert sets and not [p for p in sets if p.stem.startswith("heldout")]


def test_the_shipped_weights_are_what_the_tool_fits_from_the_shipped_data() -> None:
    """learned.yaml is regenerated whenever a rule, a lexicon or a tuning set changes. Within a little: the context
    features (prev_<label>) come from the model's own predictions, so each refit moves a few values by a step."""
    pytest.importorskip("numpy")
    tool = _tool()
    settings = tool.Settings()
    sets = tool.tuning_sets()
    analyzer = Analyzer()
    rows = tool.collect(analyzer, sets) + tool.collect(analyzer, sets, bare=True)
    rows += tool.anchors(analyzer, settings.anchor_weight)
    shipped = load_yaml("learned.yaml")
    hand = RuleSet(load_yaml("labels.yaml"))
    for part, want in (("known", False), (TEXT_ONLY, True)):
        chosen = [row for row in rows if (TEXT_ONLY in row.features) == want]
        fitted = tool.fit(chosen, hand, tool.bias_features(chosen, settings), settings)
        assert fitted["priority_margin"] == shipped[part]["priority_margin"]
        assert set(fitted["weights"]) == set(shipped[part]["weights"])
        off = {n: (w, shipped[part]["weights"][n]) for n, w in fitted["weights"].items()}
        assert all(abs(a - b) <= 0.05 for a, b in off.values()), "run tools/fit_weights.py"
        for feat, per in fitted["bias"].items():
            for label, weight in per.items():
                assert abs(weight - shipped[part]["bias"].get(feat, {}).get(label, 0.0)) <= 0.1, (part, feat, label)


def test_a_fitted_bias_alone_never_makes_a_label() -> None:
    """The fitted biases re-weigh evidence: a label wins only when a written rule with a positive hand weight speaks
    for it, so a plain "我是新来的，请多关照" stays chatter whatever the biases of `enterprise` and `请` are."""
    data = {
        "base": {"chatter": 1.0},
        "rules": [
            {"name": "proc.qty", "target": "procurement", "weight": 0.5, "when": ["qty"]},
            {"name": "req.gripe", "target": "request", "weight": -1.0, "when": ["gripe"]},
        ],
    }
    learned = {"weights": {"req.gripe": 2.0}, "bias": {"enterprise": {"procurement": 3.0}}}
    rules = RuleSet(with_learned(data, learned))
    assert rules.decide(Features({"enterprise": ""})).label == "chatter"
    assert rules.decide(Features({"enterprise": "", "gripe": ""})).label == "chatter"  # negative by hand
    assert rules.decide(Features({"enterprise": "", "qty": "3吨"})).label == "procurement"


def test_the_tool_starts_from_the_hand_weights_when_learned_yaml_is_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule renamed or removed in labels.yaml must not stop the refit that would bring learned.yaml up to date."""
    tool = _tool()

    def stale() -> None:
        raise ValueError("learned.yaml names rules that labels.yaml no longer has: req.gone")

    monkeypatch.setattr(tool, "FittedRules", stale)
    assert tool._shipped() == {}
    monkeypatch.undo()
    assert set(tool._shipped()) == {"known", TEXT_ONLY}


def test_explain_says_why_a_higher_score_was_passed_over() -> None:
    from nlp.explaining import explain
    from nlp.types import Analysis, RuleHit

    bias = RuleHit("learned.enterprise", "procurement", 3.0, "enterprise=enterprise")
    a = Analysis(label="chatter", scores={"procurement": 3.0, "chatter": 1.0}, hits=[bias])
    assert "not chosen: procurement" in explain(a)
    written = RuleHit("proc.qty", "procurement", 0.5, "qty=3吨")
    assert "not chosen" not in explain(Analysis(label="procurement", scores={"procurement": 3.5}, hits=[bias, written]))
