"""Normalisation: width, Traditional→Simplified with protected words, stickers, mentions, quotes."""

from __future__ import annotations

from nlp.normalize import (
    has_traditional,
    normalize,
    split_mentions,
    split_quote,
    strip_stickers,
    to_half_width,
    to_simplified,
)

DIV = "- - - - - - - - - - - - - - -"


def test_full_width_to_half_width() -> None:
    assert to_half_width("ＡＢＣ１２３，？") == "ABC123,?"
    assert to_half_width("①当归 2吨") == "1.当归 2吨"


def test_traditional_detection_and_conversion() -> None:
    assert has_traditional("請問稅務局")
    assert not has_traditional("请问税务局")
    assert to_simplified("請問稅務局，發票怎麼開？") == "请问税务局，发票怎么开？"


def test_simplified_text_is_left_alone() -> None:
    text = "乾隆年间的老字号"  # 乾 alone would trigger conversion; the protected word keeps it
    assert to_simplified(text) == text
    assert to_simplified("白术 干姜") == "白术 干姜"


def test_protected_herb_words() -> None:
    assert to_simplified("白朮 2噸，乾薑 500斤") == "白术 2吨，干姜 500斤"
    assert to_simplified("蒼朮統貨") == "苍术统货"
    assert to_simplified("乾隆時期") == "乾隆时期"


def test_stickers_and_emoji_removed_and_counted() -> None:
    text, found = strip_stickers("好的[强][捂脸]👍 [OK]")
    assert text.strip() == "好的"
    assert found == ["[强]", "[捂脸]", "[OK]", "👍"]
    assert normalize("[图片]").text == ""
    assert normalize("[图片]").stickers == ["[图片]"]


def test_mentions_split_from_text() -> None:
    text, names = split_mentions("@商务局-王科长 能不能帮忙对接买家？")
    assert names == ["商务局-王科长"]
    assert "@" not in text and "能不能帮忙" in text
    _, names = split_mentions("@李哥\u2005你那有没有")
    assert names == ["李哥"]
    _, names = split_mentions("要收白芷，@张三，@李四。")
    assert names == ["张三", "李四"]
    assert split_mentions("邮箱 abc@qq.com")[1] == []


def test_known_mentions_matched_first() -> None:
    text, names = split_mentions("@园区 管委会-赵主任 路灯坏了", ["园区 管委会-赵主任"])
    assert names == ["园区 管委会-赵主任"]
    assert text.strip() == "路灯坏了"


def test_quote_first_format() -> None:
    new, quote, sender = split_quote(f"「川康药业-李总：厂门口的路灯坏了」\n{DIV}\n收到，明天安排人去修")
    assert (new, quote, sender) == ("收到，明天安排人去修", "厂门口的路灯坏了", "川康药业-李总")


def test_quote_last_format() -> None:
    new, quote, sender = split_quote(f"这个补贴能同时享受吗？\n{DIV}\n「商务局-王科长：展会补贴开始申报」")
    assert new == "这个补贴能同时享受吗？"
    assert quote == "展会补贴开始申报" and sender == "商务局-王科长"


def test_plain_divider_and_no_divider() -> None:
    new, quote, _ = split_quote("原来的话\n------\n新的话")
    assert (new, quote) == ("新的话", "原来的话")
    assert split_quote("普通消息") == ("普通消息", None, None)


def test_normalize_all_parts() -> None:
    n = normalize(f"「交通局-陳科：已轉給公交公司」\n{DIV}\n@交通局-陳科 太好了，謝謝[强]")
    assert n.text == "太好了,谢谢"
    assert n.quote == "已转给公交公司" and n.quote_sender == "交通局-陈科"
    assert n.mentions == ["交通局-陈科"]
    assert n.stickers == ["[强]"] and n.traditional


def test_the_northern_i_reads_as_wo() -> None:
    """俺 (I, we) in northern speech is 我, so "俺家也是" joins a request as "我家也是" does."""
    assert normalize("俺家也是 黄芪压在库里两吨了").text == "我家也是 黄芪压在库里两吨了"


def test_blank_runs_as_the_plain_alternation() -> None:
    import random
    import re

    from nlp.normalize import _SPACES_RE

    plain = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]{2,}|[\t\u00a0\u2000-\u200b\u3000]")
    rnd = random.Random(2)
    for _ in range(20000):
        s = "".join(rnd.choices(" \t\u00a0\u2001\u200b\u3000ab\n", k=rnd.randint(0, 12)))
        assert _SPACES_RE.sub(" ", s) == plain.sub(" ", s)
