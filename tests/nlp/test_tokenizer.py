"""The tokenizer uses its own jieba instance with the project's user dictionaries."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from nlp.route import load_departments
from nlp.tokenizer import Tokenizer, user_words


@pytest.fixture(scope="module")
def tok(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLUSTERBOT_CACHE", str(tmp_path_factory.mktemp("jieba-cache")))
        t = Tokenizer(load_departments())
        t.warm_up()
    return t


def test_private_instance_not_global(tok: Tokenizer) -> None:
    assert tok._jieba is not jieba.dt
    assert "高企认定" not in jieba.dt.FREQ or not jieba.dt.initialized  # global untouched


def test_user_dictionary_words_stay_whole(tok: Tokenizer) -> None:
    words = tok.cut("我们想问下高企认定和施工许可证怎么办，另外交通运输局的班车")
    assert "高企认定" in words
    assert "施工许可证" in words
    assert "交通运输局" in words


def test_department_aliases_and_domain_terms_loaded() -> None:
    words = {w for w, _, _ in user_words(load_departments())}
    assert {"市场监管局", "市监局", "帮办代办", "稳岗返还"} <= words


def test_topics_are_content_nouns(tok: Tokenizer) -> None:
    topics = tok.topics("厂门口的路灯坏了一个月了，麻烦园区管委会帮忙看看")
    assert "路灯" in topics
    assert "麻烦" not in topics and "帮忙" not in topics and "一个月" not in topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("退税今天到账了", "退税"),
        ("续贷批下来了", "续贷"),
        ("充电桩报装走到哪步了", "报装"),
        ("又跳闸了", "跳闸"),
        ("听说有海外仓补贴，今年还有没有", "海外仓"),  # a logistics term, not 海外 and 仓
    ],
)
def test_matters_jieba_reads_as_verbs_are_topics(tok: Tokenizer, text: str, topic: str) -> None:
    """退税 in "退税今天到账了" is what the thanks is about, though jieba tags it a verb."""
    assert topic in tok.topics(text)


def test_how_people_are_called_is_no_topic(tok: Tokenizer) -> None:
    assert tok.topics("谢谢郑科和管理员小姐姐，师傅辛苦了") == frozenset()


def test_cache_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "jieba-cache2"
    monkeypatch.setenv("CLUSTERBOT_CACHE", str(cache))
    Tokenizer(load_departments()).warm_up()
    files = list(cache.glob("jieba-*.marshal"))
    assert len(files) == 1
    again = Tokenizer(load_departments())
    again.warm_up()
    assert again.cut("高企认定") == ["高企认定"]
