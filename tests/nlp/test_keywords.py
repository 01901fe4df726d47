"""One automaton pass gives the keyword classes and the remit words exactly as separate passes would."""

import ahocorasick
import pytest

from nlp import Analyzer
from nlp.keywords import Lexicon
from nlp.route import remit_sum

TEXTS = [
    "",
    "想问下税务局，高企的所得税优惠怎么享受？",
    "我们的当归卖不出去，能不能帮忙对接一下买家？直播带货也行",
    "厂门口的路灯坏了10天了，麻烦园区帮忙看看",
    "燃气管道压力不够啦，找住建局还是经信局",
    "收到，谢谢",
]


def test_payloads_change_no_keyword_match() -> None:
    classes = {"a": ["税务", "优惠"], "b": ["路灯", "灯"]}
    payloads = {"优惠": ("x",), "园区": ("y",), "灯": ("z",), "园区帮忙": ("w",)}
    plain, both = Lexicon(classes), Lexicon(classes, payloads)
    alone = ahocorasick.Automaton()
    for word, payload in payloads.items():
        alone.add_word(word, payload)
    alone.make_automaton()
    for t in TEXTS:
        found, got = both.scan_payloads(t)
        assert {k: list(v) for k, v in found.items()} == {k: list(v) for k, v in plain.scan(t).items()}
        assert both.scan(t).keys() == found.keys()
        assert got == [p for _, p in alone.iter(t)]


def test_shared_scan_gives_the_router_remit_scores_and_names() -> None:
    analyzer = Analyzer.default()
    router = analyzer.router
    for t in [*TEXTS, "请交通局和住建局看看", "园区科技有限公司"]:
        found, payloads = analyzer.features.scan(t)
        if "啦" not in t:
            named, remit = router.from_scan(t, payloads)
            assert named == router.named(t)
            assert list(remit.items()) == list(router.remit_scores(t).items())
        assert found.keys() == analyzer.features.lexicon.scan(t.replace("啦", "了")).keys()


def test_remit_sum_adds_in_text_order() -> None:
    assert list(remit_sum([(("a", 1.0),), (("b", 2.0), ("a", 0.5))]).items()) == [("a", 1.5), ("b", 2.0)]


def test_rule_files_have_no_duplicate_keys() -> None:
    """A key written twice in a YAML mapping silently replaces the first: every rule file is checked."""
    import collections

    import yaml

    from nlp.keywords import RULES

    dups: list[str] = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [loader.construct_object(k) for k, _ in node.value]
        dups.extend(f"{node.start_mark.name}: {k}" for k, c in collections.Counter(keys).items() if c > 1)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for path in sorted(RULES.glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            yaml.load(fh, Loader=Loader)
    assert dups == []


def test_a_keyword_inside_a_not_word_is_no_match() -> None:
    classes = {"attend": ["我们去"], "problem": ["不够"], "not_words": ["我们去年", "够不够"]}
    lex = Lexicon(classes, {"去年": ("p",), "稳岗": ("q",)})
    found, payloads = lex.scan_payloads("我们去年的稳岗返还够不够？")
    assert found == {}  # 我们去 and 不够 only inside a not-word; the class itself is never reported
    assert payloads == [("p",), ("q",)]  # payload words are still found
    found, _ = lex.scan_payloads("我们去年没去，今年我们去两个人，人手不够")
    assert found.keys() == {"attend", "problem"}
    assert found["attend"].words("attend") == ["我们去"]


def test_a_not_word_may_not_be_a_keyword_of_another_class() -> None:
    with pytest.raises(ValueError, match="我们去年"):
        Lexicon({"attend": ["我们去年"], "not_words": ["我们去年"]})
