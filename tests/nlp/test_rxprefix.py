"""The first-character look-ahead keeps every match of a pattern and leaves underivable patterns alone."""

import re

import pytest

from nlp.rxprefix import with_first_chars

TEXTS = ["修好了", "已经 处理完毕", "a-b]c\\d 12月3日", "没有", "", "  下午3点\n来修", "^x", "好啦！明天再说"]


@pytest.mark.parametrize(
    "pattern",
    [r"(?:修|换)好", r"(?<!申)请|须|\d+日", r"(?:已|刚)?(?:完成|好)", r"[\-\]^\\]x?", r"\s*下午", r"没有$|吗"],
)
def test_same_matches(pattern: str) -> None:
    fast = re.compile(with_first_chars(pattern))
    assert fast.pattern != pattern
    slow = re.compile(pattern)
    for t in TEXTS:
        assert [(m.span(), m.groups()) for m in fast.finditer(t)] == [(m.span(), m.groups()) for m in slow.finditer(t)]


@pytest.mark.parametrize("pattern", [r"a?", r".x", r"[^a]b", r"(?i)ab", r"(?i:a)b", r"(?!)|x", r"\Dx"])
def test_left_alone(pattern: str) -> None:
    assert with_first_chars(pattern) == pattern


def _random_texts(n: int = 4000) -> list[str]:
    import random

    rnd = random.Random(5)
    alphabet = list("0123456789" * 4) + list("月日号年周星期礼拜天工作个季度前内底初中旬之以截至止于./-:：点时 ")
    alphabet += list("一二三四五十两本下这当电话半份午上晚每端春节")
    tokens = ["2026", "12", "5", "3", "0816", "13812340000", "年", "月", "日", "号", "季度", "末", "个", "工作日", "天"]
    tokens += ["内", "前", "截至", "/", "-", ".", ":", "30", "点", "时", "半", " ", "  ", "\n", "周", "星期", "下"]
    tokens += ["本", "，", "元", "/", "斤", "单价", "：", "¥", "每", "万", "块", "为", "1,200", "3.5", "公斤", "kg"]
    chars = ["".join(rnd.choices(alphabet, k=rnd.randint(0, 30))) for _ in range(n)]
    return chars + ["".join(rnd.choices(tokens, k=rnd.randint(1, 9))) for _ in range(n)]


def test_guarded_patterns_keep_matches() -> None:
    """Run guards and possessive blanks change no match of the date, time, deadline and price patterns."""
    from nlp import dates, itemscan, when
    from nlp.datecore import DATE_RE, TIME_RE

    price = itemscan.price_re()
    pairs = [
        (price, price.pattern.replace("*+", "*")),
        (itemscan.qty_re(), itemscan.qty_source()),
        (dates._DEADLINE, dates._DEADLINE_LEAD + dates._DEADLINE_RE),
        (itemscan._DATE_MASK, f"{itemscan._DATE_MASK_LEAD}(?:{DATE_RE})"),
        (when._DATE, f"{when._DATE_LEAD}(?:{DATE_RE})"),
        (when._TIME, f"{when._TIME_LEAD}(?:{TIME_RE})"),
    ]
    texts = ["电话13812340000，12号前", "2026-06-15 前", "2026年6月5日 10:30", "6.30前", "3季度末", "5个工作日内"]
    texts += ["下午3点半", "14 时", "   周三", "\n  下 周五 ", "5\n \n礼拜三", "０８１６-2345678 3月5日", "١٢月3日"]
    texts += _random_texts()
    for fast, plain in pairs:
        slow = re.compile(plain)
        assert fast.pattern != slow.pattern
        for t in texts:
            got = [(m.span(), m.groupdict()) for m in fast.finditer(t)]
            assert got == [(m.span(), m.groupdict()) for m in slow.finditer(t)], (plain[:20], t)
            assert [m and m.span() for m in (fast.match(t, 3), fast.search(t, 2, 9))] == [
                m and m.span() for m in (slow.match(t, 3), slow.search(t, 2, 9))
            ]


def test_alternation_leads_keep_matches() -> None:
    """Per-part first-character look-aheads change no match of the resolution alternations."""
    from nlp.keywords import load_yaml
    from nlp.rxprefix import alternation_with_leads

    data = load_yaml("resolution.yaml")
    texts = ["路灯已经修好了，谢谢", "电压一直不稳，请尽快处理", "补贴收到了", "听说隔壁的路通了", "没再漏水了"]
    texts += _random_texts()
    for key in ("complete", "not_this_issue", "perfective_after", "future"):
        fast, slow = re.compile(alternation_with_leads(data[key])), re.compile("|".join(f"(?:{p})" for p in data[key]))
        for t in texts:
            assert [m.span() for m in fast.finditer(t)] == [m.span() for m in slow.finditer(t)], (key, t)


@pytest.mark.parametrize(
    ("pattern", "changed"),
    [(r"收(?=\d)", False), (r"[ab]c", False), (r"^x|y", True), (r"^x", False), (r"[ab]c|d", True), (r"a{1,3}b", True)],
)
def test_look_ahead_only_where_the_engine_has_no_prefix(pattern: str, changed: bool) -> None:
    from nlp.rxprefix import with_first_chars_if_unprefixed

    got = with_first_chars_if_unprefixed(pattern)
    assert (got != pattern) == changed
    for t in TEXTS:
        assert [m.span() for m in re.finditer(got, t)] == [m.span() for m in re.finditer(pattern, t)]


def test_grouped_alternation_same_matches() -> None:
    import re as _re

    from nlp.keywords import load_yaml
    from nlp.rxprefix import alternation_with_leads

    parts = load_yaml("resolution.yaml")["complete"]
    fast = _re.compile(alternation_with_leads(parts, group=3))
    slow = _re.compile("|".join(f"(?:{p})" for p in parts))
    for t in [*_random_texts(500), "路灯今天已经修好了,有问题再联系物业", "款已经到了，问题已解决", "网好了 电也通了"]:
        assert [m.span() for m in fast.finditer(t)] == [m.span() for m in slow.finditer(t)]
