"""Which words of a clause name the item, beyond the nearest dictionary name before the quantity.

- In a clause written as 名称 规格… 数量 (words separated by spaces), the name is the first word: a known
  name there beats one found in a later spec word (二荆条, 锻件, 火锅底料500g, 鸡爪连).
- A product is named as the buyer wrote the word that ends in a known product name (木托盘, 电动叉车,
  冷库保温板, 导轨油): words of the sentence (要, 采购, 我们需要), grades and conditions (一级, 二手, 冷冻)
  and origins (岷县) in front of it are not part of the name; material, build and drive (dicts/modifiers.txt)
  are. Herb names stay canonical (their modifiers are grades, processing and origins).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nlp.itemscan import BUY_RE
from nlp.namewords import ADDRESS
from nlp.vocab import ascii_lower, dict_rows, lexicon, to_simplified

HEAD_NOUNS = frozenset("油板袋膜箱罐盒瓶桶机柜车管线架剂液布带绳钉网囊")
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffa-z]")
_WORD = re.compile(r"\S+")
_VERB_ONLY = re.compile(
    r"(?:[①-⑳]|\d{1,2}[.、)）])?(?:长期|常年|大量|急|现|另外|还|再|想|要|需|拟|计划)?"
    r"(?:求购|收购|采购|订购|寻购|购买|询价|求|收(?!缩|纳)|需要|需求|急需|急收|要|找|买|订|采|採購|詢價)?[:：]?"
)
_Name = tuple[int, int, str]
_SUBJECT_VERB = re.compile(r"(?:要|需要|采购|求购|收购|想买|要买|补货|还缺|缺)$")
_INNER_VERB = re.compile(
    r"采购|求购|收购|订购|购买|询价|急需|需要|採購|詢價|(?<=[\u4e00-\u9fff])要(?:用|配|上|换|订|进|收|买|装|补)?(?!点)|(?<=[\u4e00-\u9fff])(?<![吸回接验])收(?![缩纳割])|(?<=[\u4e00-\u9fff]{2})补$|(?<=[库店堂])要(?:买|采购)|(?<=老[\u4e00-\u9fff])收|还缺|缺|哪个有|哪家有|哪位有|谁家有|谁有|帮[\u4e00-\u9fff]{1,3}?收|[要用]的|做(?!工)|拉(?![链杆手丝力])|带(?![式锯])|印(?![刷花字])"
)
_WORD_END = frozenset(" \t\n，,、；;。！!？?:：|｜/（）()【】[]")
_LEAD = re.compile(
    r"^(?:(?:你们|我们|他们|你|您|他|贵司|贵厂)(?:家|厂|那边|这边)?的?|也|买点|要点|来点|我们|我司|我厂|本厂|本公司|公司|厂里|另需|另要|还需|还要|还有|以及|我要|我想|每周|每月|每天|每年|长期|常年|今年|去年|明年"
    r"|请问|顺便|临时|用(?![品料具])|哪位老板有|哪个老板有|哪位有|节后|节前|年后|年前|购(?![物置])|(?:代|外协)?加工(?!中心|件|厂)|谁有|谁家|哪家|哪里|有没有|有(?![机色线源效毒])|急|需要|需|要|想|租|买|购买|采购|收购|求购|收(?!缩|纳)|订购|订|找|急需"
    r"|那个|这个|这批|一批|第[一二三四五六七八九十\d]+批|进(?![口出])|搞|另外|再要|再来点|来点|要点|买点|再来|配套|另配|再配|配|的|了|或者|或是|还是|和|及|型|式|款|[一二三四五六七八九十]是"
    r"|[一二两三四五六七八九十百千万几]+(?:台|个|套|辆|批|吨|件|只|条|张|种|款|部|把))"
)


@cache
def _drop_words() -> tuple[str, ...]:
    """Grades, conditions, processing, sizes and origins: never part of a product name (longest first).

    Spec words of material, build and drive (dicts/modifiers.txt) are kept in the name.
    """
    lex = lexicon()
    words = (lex.specs | {ascii_lower(to_simplified(w)) for w in lex.origins}) - _keep_words()
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _keep_words() -> frozenset[str]:
    """The material, build and drive words of dicts/modifiers.txt."""
    return frozenset(ascii_lower(to_simplified(w)) for row in dict_rows("modifiers.txt") for w in row)


@cache
def _drop_set() -> tuple[frozenset[str], int]:
    """`_drop_words()` as a set, and the length of the longest (tested by length: one lookup per length)."""
    words = _drop_words()
    return frozenset(words), max(map(len, words), default=0)


def _modifier(prefix: str) -> str:
    """What is left of the word before a product name once sentence words, grades and origins are dropped."""
    verbs = list(_INNER_VERB.finditer(prefix))
    if verbs:  # 通达仓储采购木托盘: what the buyer wants starts after the verb
        prefix = prefix[verbs[-1].end() :]
    changed = True
    while prefix and changed:
        changed = False
        for rx in (_LEAD, BUY_RE):
            m = rx.match(prefix)
            if m and m.end():
                prefix, changed = prefix[m.end() :], True
                break
        if changed:
            continue
        drop, longest = _drop_set()
        for size in range(min(longest, len(prefix)), 0, -1):  # the longest drop word the prefix starts with
            if prefix[:size] in drop and (size > 1 or size == len(prefix)):
                prefix, changed = prefix[size:], True
                break
    return prefix


def in_a_sentence(key: str, name: _Name, q_start: int) -> bool:
    """The name lies in a word of a sentence (种天麻要用的) with another word before the quantity: that word, not
    the name, is what is counted (种天麻要用的 蜜环菌菌材 三千袋)."""
    if _for_use(key, name, q_start):
        return True
    if key.find("的", 0, q_start) < 0:
        return False  # the sentence words all hold 的: most texts are out at once
    glued = _SENTENCE_WORD.match(key, name[1])  # 猕猴桃用的泡沫网套: what it is for, then the product
    if glued and glued.end() < q_start and "\u4e00" <= key[glued.end()] <= "\u9fff":
        return True
    end = name[1]
    while end < q_start and not key[end].isspace():
        end += 1
    start = name[0]
    while start > 0 and not key[start - 1].isspace():
        start -= 1
    return bool(_SENTENCE_WORD.search(key, start, end)) and bool(key[end:q_start].strip())


def _for_use(key: str, name: _Name, q_start: int) -> bool:
    """The name lies in a word saying what the goods are for (菜籽油灌装用 5L PET油壶: the 油壶, not the oil)."""
    end = name[1]
    for_use = 2 if key.startswith("专用", end) else 1 if key.startswith("用", end) else 0
    if for_use and _USED_FOR.match(key, end + for_use):  # 冷链车用保温棉被, 冷库专用LED灯: what it is for
        return True
    while end < q_start and key[end] not in _WORD_END:
        end += 1
    return end > name[1] and key[end - 1] == "用" and bool(key[end:q_start].strip())


def clause_first_word(key: str, a: int, b: int) -> re.Match[str] | None:
    """The first word of key[a:b] that is not only a buying verb or a list marker, when there are two or more."""
    first = None  # a span with no blank inside holds one word or none: no second word, nothing searched
    for w in _WORD.finditer(key, a, b) if len(key[a:b].split(None, 1)) > 1 else ():
        if _is_word(w.group()):
            if first is not None:
                return first
            first = w
    return None


@lru_cache(maxsize=4096)
def _is_word(w: str) -> bool:
    """Not only a buying verb or a list marker, not who wants (仓库要) and not whom it is said to (马哥)."""
    return not _VERB_ONLY.fullmatch(w) and not _SUBJECT_VERB.search(w) and not ADDRESS.match(w)


def first_word_name(key: str, names: list[_Name], chosen: _Name | None, start: int) -> _Name | None:
    """The name of a 名称 规格… 数量 clause: a known name in its first word when `chosen` lies in a later word
    (`start`: where the clause holding `chosen` starts)."""
    if chosen is None:
        return None
    first = clause_first_word(key, start, chosen[1])
    if first is None or first.start() <= chosen[0] < first.end():
        return chosen
    inside = [n for n in names if first.start() <= n[0] and n[1] <= first.end()]
    if inside:  # the name opening the word, else the longest
        return max(inside, key=lambda n: (n[0] == first.start(), n[1] - n[0]))
    word = first.group()
    if _PRODUCT_WORD.fullmatch(word) and word[-1] in HEAD_NOUNS and word not in lexicon().specs:
        core = _modifier(word)  # 收二手挖机: without the verb and the condition
        if len(core) >= 2:
            return first.end() - len(core), first.end(), core  # 保温袋 无纺布+铝箔 2万个: unknown, named first
    return chosen


_NUMERALS = frozenset("一二两三四五六七八九十百千万")
_FUNCTION_CHARS = frozenset("的了和或吗呢啊吧嘛哈呀要有是在从到给把被也都还就能可会不没去来")  # 纸箱能不能做, 车去昆明
_WORD_TAIL = re.compile(r"[\u4e00-\u9fffa-z]{1,6}")


def _rest_of_word(key: str, end: int) -> str:
    """The letters that continue a word after a known name, without trailing spec words; "" when they are
    only specs, or the word goes on with digits or codes."""
    m = _WORD_TAIL.match(key, end)
    if not m or (m.end() < len(key) and key[m.end()] not in _WORD_END):
        return ""
    rest = m.group()
    if _FUNCTION_CHARS.intersection(rest) or _NUMERALS.intersection(rest) or _NOT_GOODS_TAIL.search(rest):
        return ""  # 厢车一台, 模具钢的渠道, 电缆询价, 叉车出: an amount, the sentence or the deal goes on
    drop, longest = _drop_set()
    changed = True
    while rest and changed:
        changed = False
        for size in range(min(longest, len(rest)), 1, -1):  # the longest drop word it ends with
            if rest[-size:] in drop:
                rest, changed = rest[:-size], True
                break
    return rest if 1 <= len(rest) <= 4 else ""


_PRODUCT_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")
_USED_FOR = re.compile(r"[\u4e00-\u9fffa-z]{2,}")  # the goods after 用/专用 (scan form: Latin lower-cased)
# a title or a deal glued after the goods: 电缆询价, 模具钢材购, 周转箱清单, 叉车出 (for sale), 冷库出租
_NOT_GOODS_TAIL = re.compile(r"询价|采购|求购|收购|清单|需求|报价|^购|^出|^卖|出租|出售|转让")
_FORMS = {"苗子": "苗"}
_SENTENCE_WORD = re.compile(r"[要用]的")
_PROCESSED_BEFORE = re.compile(r"(?:麸炒|土炒|清炒|蜜炙|酒炙|醋炙|盐炙|姜炙|炒|炙|酒|醋|盐|姜|制|煅|焦|烫)$")
_BEFORE_PROCESSED = frozenset(" \t\n，,、；;。：:|/（(要收购买需采求")
_MEDICINE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,2}?(?:正气水|正气液|正气丸|口服液|胶囊|颗粒剂|注射液|提取物|甲苷|皂苷|多糖|总苷|精油|酊)"
    r"(?![\u4e00-\u9fff])"
)
_FORM_AFTER = re.compile(r"(?:种子|种苗|苓种|种芋|苗子|苗|种|全粉|粉条|粉丝|粉|面)(?![\u4e00-\u9fff])")
_FORM_FIRST, _CUT = frozenset("种苗苓全粉面"), frozenset("炒炙酒醋盐姜制煅焦烫\n")  # first and last characters (\n: $)


@lru_cache(maxsize=4096)
def _key_form(canonical: str) -> str:
    """A canonical name as it appears in the scan key (Simplified, ASCII lower-cased)."""
    return ascii_lower(to_simplified(canonical))


def extend(key: str, simp: str, start: int, end: int, canonical: str) -> tuple[str, int, int]:
    """The product name as written around the known name key[start:end] (see the module docstring)."""
    form = _FORM_AFTER.match(key, end) if key[end : end + 1] in _FORM_FIRST else None
    if form:  # 白芷种子, 黄精种苗, 葛根粉, 花椒面, 红薯粉条: seed, seedling or flour of it is another product
        return canonical + _FORMS.get(form.group(), form.group()), start, form.end()
    herb, alias, canon = lexicon().kind.get(canonical) == "herb", key[start:end], _key_form(canonical)
    medicine = _MEDICINE_AFTER.match(key, end) if herb and "\u4e00" <= key[end : end + 1] <= "\u9fff" else None
    if medicine:  # 藿香正气水, 黄芪甲苷: a medicine or a compound made from the herb, named as written
        return simp[start : medicine.end()], start, medicine.end()
    cut = herb and key[start - 1 : start] in _CUT
    processed = _PROCESSED_BEFORE.search(key, max(0, start - 3), start) if cut else None
    if processed and (processed.start() == 0 or key[processed.start() - 1] in _BEFORE_PROCESSED):
        return canonical, start, end  # 制黄精, 炒酸枣仁: the herb; the processing (制, 炒) is its spec
    tail = not herb and len(alias) < len(canon) and canon.endswith(alias)  # 后腿肉 of 猪后腿肉
    if herb or (len(alias) != len(canon) and not tail):
        return canonical, start, end  # a trade name or a longer alias: the canonical name (a typo is extended)
    name = simp[start:end] if tail else canonical
    if end < len(key) and key[end] in HEAD_NOUNS and (end + 1 == len(key) or not _CJK_OR_LATIN.match(key[end + 1])):
        name, end = canonical + simp[end], end + 1  # 导轨油, PCB板: the known name modifies a product noun
    if end < len(key) and key[end] not in _WORD_END:
        rest = _rest_of_word(key, end)  # 玻璃酒瓶, 机器人工作站: the known name starts a longer product word
        if not rest and not key[end].isascii():
            return name, start, end  # 模具钢的渠道: the sentence goes on (a size glued on, 木托盘1200*1000, does not)
        if rest:
            name, end = name + simp[end : end + len(rest)], end + len(rest)
    a = start
    while a > 0 and key[a - 1] not in _WORD_END:
        a -= 1
    prefix = key[a:start]
    amount = any(c.isdigit() for c in prefix)
    prefix = _after_amount(prefix) if amount else prefix  # 200个木托盘, 2台2.5吨电动叉车: what follows the amount
    if not prefix or len(prefix) > 8 or any(c.isdigit() for c in prefix):
        return (canonical if tail else name), start, end
    kept = _modifier(prefix)
    if amount and kept and kept not in _keep_words():  # after an amount only a known material or build: 20斤装土陶
        return (canonical if tail else name), start, end
    if not kept or len(kept) > 4 or not _CJK_OR_LATIN.fullmatch(kept[0]) or kept in lexicon().unit_set:  # 200 个托位
        return (canonical if tail else name), start, end
    return simp[start - len(kept) : start] + name, start - len(kept), end


def _after_amount(prefix: str) -> str:
    """The words after the last number of a word and the unit that follows it (200个木 → 木, 2.5吨电动 → 电动);
    the word unchanged when it holds no number, "" when a number with no unit ends it (304不锈钢 is a grade)."""
    digits = [i for i, c in enumerate(prefix) if c.isdigit()]
    if not digits:
        return prefix
    rest = prefix[digits[-1] + 1 :].lstrip(".")
    units = lexicon().unit_set
    size = next((n for n in range(min(3, len(rest)), 0, -1) if rest[:n] in units), 0)
    return rest[size:] if size else ""
