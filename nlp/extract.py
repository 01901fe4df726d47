"""Procurement item extraction: `extract_items(text)` → list[Item]; `vocabulary()` for the tokenizer."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from operator import itemgetter

from nlp.cargo import drop_loads
from nlp.codes import (
    bought_after,
    code_product,
    is_grade,
    is_part_number,
    named_by_code,
    names_after,
    names_previous,
    part_number,
    split_tail_code,
)
from nlp.each import EACH, each_names, variant_spec, variants
from nlp.homophones import correct
from nlp.itemkey import NOTE, plain_key
from nlp.itempicks import lone_word, variety_of, without_resin
from nlp.itemscan import SEP, fallback_name, find_prices, is_spec_text, spec_of
from nlp.listmarks import blank_markers, split_quote
from nlp.namewords import list_line_name, named_after_verb, wants
from nlp.naming import clause_first_word, extend, first_word_name, in_a_sentence
from nlp.numbers import FULLWIDTH, fullwidth_to_ascii, lower_bound, parse_number, range_start
from nlp.prices import Found, assign_prices
from nlp.quantities import (
    NEW_ITEM,
    clause_start,
    first_name_in,
    has_sep,
    name_in,
    next_sep,
    quantities,
    spec_quantities,
)
from nlp.tables import kv_and_table_items
from nlp.titles import header_name, line_head, titled_by
from nlp.types import Item
from nlp.unquantified import unquantified_lines
from nlp.vocab import ascii_lower, match_names, to_simplified, vocabulary
from nlp.wanted import wanted_amounts

__all__ = ["extract_items", "vocabulary"]

_FIRST = itemgetter(0)
_SPLIT_NAMES = re.compile(r"[、，,/和及与跟]")
_MENTION = re.compile(r"@\S+")
# technical ratings are specs, never quantities or names: 500万像素, 220伏, 7.5千瓦, 5000毫安, 460马力
# a match starts a digit run and takes all of it (a shorter part never matches): phone numbers are passed at once
# chat shorthand for 万 and 千 before a count: 3w个 = 3万个, 5K pcs = 5千 pcs (not 5kg, 30w灯)
_SHORT_MUL = re.compile(
    r"(?<=\d)(?:w(?=\s*(?:个|只|套|件|株|棵|蔸|袋|箱|瓶|条|张|根|片|粒|颗|盒|包|斤|公斤|吨|米|支|枚|卷|桶|罐|块|pcs))"
    r"|k(?=\s*(?:pcs|个|只|套|件|片|粒|颗|支|枚|条|张|根|盒|包|袋|箱|瓶)))"
)
_TECH = re.compile(r"(?<!\d)\d[\d.]*+\s*万?\s*(?:像素|伏|千瓦|瓦|毫安|安培|赫兹|匹|马力|英寸|寸|兆|核|通道)")
_TECH_UNIT = re.compile("[像伏千瓦毫安赫匹马英寸兆核通]")  # every _TECH match holds the first character of its unit


# a known name that names a business (巴蜀香肠厂), a pack (粽子礼盒装), a purpose (熏腊肉用的) or a build
# (螺杆式 空压机) is not the goods
_NOT_THE_GOODS = re.compile(r"厂(?!家|商)|公司|集团|商行|超市|装(?![车在到好上进入])|用的?(?=[\s，,。；;]|$)|式")
_NOT_AT = frozenset("厂公集商超装用式")  # the first characters of _NOT_THE_GOODS


def _next_starts(qtys: list[re.Match[str]], skip: set[int], end: int) -> list[int]:
    """For each quantity, the start of the next one not in `skip` (`end` after the last)."""
    out = [end] * len(qtys)
    for j in range(len(qtys) - 1, 0, -1):
        out[j - 1] = out[j] if j in skip else qtys[j].start()
    return out


def _own_name(
    key: str, simp: str, names: list[tuple[int, int, str]], start: int, q_start: int, known: tuple[int, int, str]
) -> tuple[str, int, int] | None:
    """An unknown product opening the quantity's own clause (from `start`), when the known name lies in an earlier
    clause ("机器人项目再补：安全光栅 20光轴 4对": 安全光栅, not 机器人)."""
    if known[1] > start or name_in(names, start, q_start):
        return None
    word = clause_first_word(key, start, q_start)
    if word is None or word.group()[-1] in "的了":
        return None
    name, a, b = fallback_name(key, simp, start, q_start)
    if not name or not _CJK.search(name) or not word.start() <= a < word.end():
        return None  # YJV 3*95 500米 under 电缆: a model code, not a product
    return name, a, b


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ONE_MORE = re.compile(r"(?:再|另|还)(?:加|要|来)")
_ALSO_TAIL = re.compile(r"\s*(?:的)?\s*(?:也|还|都)?(?:要|需要|来|订)?\s*$")
_ALSO_LEAD = re.compile(r"^(?:另外|还有|还要|同材质|同款)\s*")
_SAME_AS_BEFORE = frozenset({"同款", "同上", "同尺寸", "同规格", "同前", "同样", "一样的", "同型号", "同材质"})


def _quantity_follows(key: str, qtys: list[re.Match[str]], i: int, pos: int) -> bool:
    """A later quantity follows `pos` in the same clause (食用盐 20吨 味精 10吨: 味精 has its own amount)."""
    return any(q.start() >= pos and not has_sep(key, pos, q.start()) for q in qtys[i + 1 :])


def _scan(orig: str, simp: str, key: str, quote: str | None) -> list[Found]:
    names = [n for n in match_names(key) if key[n[1] : n[1] + 1] not in _NOT_AT or not _NOT_THE_GOODS.match(key, n[1])]
    if "(" in key or "（" in key:  # 鲜红辣椒（二荆条、小米辣）: names in a note on a product are not its name
        notes = [m.span() for m in NOTE.finditer(key)]
        names = [n for n in names if not any(a < n[0] and n[1] <= b for a, b in notes)]
    prices = find_prices(key, orig)
    price_spans = [(p.start, p.end) for p in prices]
    qtys = quantities(key, names)
    if price_spans:
        qtys = [m for m in qtys if not any(a <= m.start() < b for a, b in price_spans)]
    if len(qtys) > 1:
        qtys = [m for m in qtys if not (m.group("unit") == "批" and parse_number(m.group("num")) == 1)]
    qtys = wanted_amounts(key, qtys)  # 收到十吨了 还差五吨: the five tons are wanted
    spec_q = spec_quantities(key, names, qtys)
    nexts = _next_starts(qtys, spec_q, len(key))
    has_each = "各" in key
    found: list[Found] = []
    boundary = 0
    for i, m in enumerate(qtys):
        if i in spec_q:
            continue
        q_start, q_end = span = m.span()
        line_start = key.rfind("\n", 0, q_start) + 1
        lo = max(boundary, line_start)
        nxt = nexts[i]
        after_end = next_sep(key, q_end, nxt)
        low = lower_bound(key, q_start, m.group("num"))
        value = low or parse_number(m.group("num"))
        if low is not None:
            q_start = range_start(key, q_start) or q_start  # 三到四百吨: the name ends where the range starts
            span = (q_start, q_end)
        if m.group("half") and value is not None:
            value += Decimal("0.5") if m.group("half") == "半" else (parse_number(m.group("half")) or 0) / 10
        unit = orig[m.start("unit") : m.end("unit")]  # as written (500KG, 5T)
        each = EACH.search(key, lo, q_start) if has_each else None
        results = each_names(key, names, lo, each.start()) if each else []
        cut = clause_start(key, lo, q_start)  # where the quantity's clause starts (asked below up to four times)
        chosen = name_in(names, lo, q_start)
        c0 = chosen[0] if chosen else lo  # its clause starts at `cut` too, but after a separator or a colon before it
        cut_chosen = cut if cut <= c0 and key[c0 - 1 : c0] not in (":", "：") else clause_start(key, lo, c0)
        if more := [m.end() for m in NEW_ITEM.finditer(key, cut_chosen, c0)]:
            cut_chosen = more[-1]  # 再要三十吨牛油 还有豆瓣 十吨: the clause of 豆瓣 starts at 还有
        if not results:
            n = variety_of(key, names, first_word_name(key, names, chosen, cut_chosen), cut_chosen)
            if n and (in_a_sentence(key, n, q_start) or wants(key, n, q_start)):
                n = None
            n = (n and named_after_verb(key, names, n, q_start)) or n  # 标签的事搞定了 另外要 黄豆 10吨: 黄豆
            earlier = n is not None and n[1] <= cut  # 仓库到货多，临时租2台电动叉车
            after = first_name_in(names, q_end, after_end) if earlier else None
            if n and after:
                results = [(after[2], after[0], after[1])]
            elif n:
                results = [_own_name(key, simp, names, cut, q_start, n) or (n[2], n[0], n[1])]
        if not results:
            word = clause_first_word(key, cut, q_start)
            opening = word.group() if word is not None else key[cut:q_start].strip(SEP + " ")  # 6204-2RS 2000套
            if opening and (by_code := code_product(opening)):
                # 6205-2RS under 深沟球轴承 or after one: the bearing named there
                named = found[-1].name if found else header_name(key, simp, names, qtys, line_start)
                results = [(named if named and named.endswith(by_code) else by_code, -1, -1)]  # BV2.5 after 断路器
            elif (
                word is not None
                and found
                and not is_part_number(found[-1].name)  # CH340G after STM32F103C8T6: another chip, not a grade
                and names_previous(word.group(), found[-1].spec, key[word.end() : q_start])
            ):
                results = [(found[-1].name, -1, -1)]  # 模具钢 H13 20吨，S136 5吨: a grade of the product before
            elif found and lo == boundary and is_grade(key, lo, q_start) and not is_part_number(found[-1].name):
                results = [(found[-1].name, -1, -1)]  # 模具钢 P20 2吨 H13 1.5吨 Cr12MoV 一千公斤: grades, one by one
        if not results:
            same_clause_next = False
            if i + 1 < len(qtys) and nxt < len(key) and not has_sep(key, q_end, nxt):
                q2 = next(qtys[j] for j in range(i + 1, len(qtys)) if j not in spec_q)
                own = name_in(names, q2.end(), next_sep(key, q2.end(), len(key)))
                same_clause_next = own is None and q2.group("unit") != m.group("unit")
            n = first_name_in(names, q_end, after_end)
            listed = n is not None and key[q_end : q_end + 1].isspace() and _quantity_follows(key, qtys, i, n[1])
            listed = listed or (n is not None and bool(found) and lone_word(key, lo, q_start))
            # the unknown word before the quantity, looked up once for the three uses below
            before = fallback_name(key, simp, lo, q_start) if same_clause_next or listed or n is None else (None, 0, 0)
            if same_clause_next and before[0] is None:
                continue  # a size before the real quantity: "9.6米冷藏车 3台", "4.2米厢式货车 5台"
            if listed and before[0]:  # 食用盐 20吨 味精 10吨: in a list the word before a quantity names it
                results = [before]  # type: ignore[list-item]
            elif n:
                results = [(n[2], n[0], n[1])]
            else:
                if before[0] and names_after(key, lo, q_start, q_end):
                    before = fallback_name(key, simp, q_end, after_end)  # 藏蓝色，50顶遮阳帽: the word after it
                elif before[0] and bought_after(key, before[2], q_start, q_end):
                    after = fallback_name(key, simp, q_end, after_end)  # 华鼎要两台插车: who buys, then the goods
                    before = after if after[0] else before
                fb, fa, fbb = before if before[0] else fallback_name(key, simp, q_end, after_end)
                after_spec = fb and line_start and key[fa - 1 : fa].isspace() and key[line_start:fa].strip()
                if after_spec and (head := titled_by(key, simp, names, correct(fb), line_start)):
                    fb, fa, fbb = head, -1, -1  # 采购模具钢： above "H13 退火态 … 8块": 退火态 is a state of the steel
                if fb:
                    results = [(fb, fa, fbb)]
        if not results and quote:
            qk = ascii_lower(to_simplified(quote.translate(FULLWIDTH)))
            qn = match_names(qk)
            if qn:
                results = [(qn[0][2], -1, -1)]
        lead = key[lo:q_start].strip(SEP + " ")
        if found and (more := _ONE_MORE.match(lead)):  # 再加YE3-15kW-4P的 20台: more of the goods before
            lead = lead[more.end() :].removesuffix("的")
        if found and lead and not results:  # φ80 要3吨, 1.5厚的也要15吨, 另外6305-zz: the goods before, another spec
            clause = key[cut:q_start].strip(SEP + " ")
            also = _ALSO_LEAD.sub("", _ALSO_TAIL.sub("", clause))
            if also and is_spec_text(also):
                lead = also
        chip = not found or is_part_number(found[-1].name)  # a BOM of chips names each by its part number
        if not results and is_spec_text(lead):
            if found and not chip and (lead or has_sep(key, lo, q_start)):  # 胶辊 10寸 50对，6寸 30对
                results = [list_line_name(key, line_start, lo, found[-1].pos) or (found[-1].name, -1, -1)]
            elif not found:
                header = header_name(key, simp, names, qtys, line_start) or line_head(key, simp, names, line_start, lo)
                if header:
                    results = [(header, -1, -1)]
        if not results and chip and (part := part_number(simp, key, lo, q_start)):
            results = [part]  # STM32F103C8T6 5000片 / CH340G 3000片 under 物料询价：
        if not results and each and (vstart := variants(simp, lo, each.start())[1]) < each.start():
            fb = fallback_name(key, simp, lo, vstart)  # 电子线，红、黑各200卷: the goods before the variants
            results = [fb] if fb[0] else []  # type: ignore[list-item]
        if not results:
            continue
        if found and results[0][0] in _SAME_AS_BEFORE:  # D6 同款 100支, M16*80 同上 500套
            results = [(found[-1].name, -1, -1)]
        boundary = q_end
        kinds = variants(simp, max(lo, results[0][2]), each.start())[0] if each and len(results) == 1 else []
        others = [(a, b) for _, a, b in results if a >= 0] if len(results) > 1 else []  # 黄芪 川牛膝 各一吨
        for name, na, nb in results:
            if na >= 0:
                # the amount before the name is no part of it (再买两组电瓶: 电瓶, not 两组电瓶)
                around = key
                if q_end <= na < q_end + 8:
                    around = key[:q_start] + " " * (q_end - q_start) + key[q_end:]
                name, na, nb = extend(around, simp, na, nb, name)
                start = cut_chosen if chosen and na == chosen[0] else clause_start(key, lo, na)
                spec = spec_of(orig, key, start, after_end, [span, *price_spans, (na, nb), *others])
                boundary = max(boundary, nb)
            else:
                spec = spec_of(orig, key, lo, after_end, [span, *price_spans])
            if kinds:  # 钢板，12mm 和 16mm 各50吨: fifty tons of each
                found.extend(Found(q_start, q_end, name, variant_spec(spec, k, kinds), value, unit) for k in kinds)
                continue
            found.append(Found(q_start, q_end, name, spec, value, unit))
    assign_prices(found, prices, key)
    return found


def extract_items(text: str, quote: str | None = None) -> list[Item]:
    """Items of a procurement message: numbered lists, tables, 品名/规格/数量 blocks and one-line demands.

    `text` may be Traditional or Simplified; names come out canonical Simplified, units (5T, 1.5t, 噸 too)
    and specs as written.
    A quoted reply (「…」 + a dashed line) is split off; its product names are used when the new text
    only gives a quantity ("我要5吨"). `quote` may also be passed explicitly.
    """
    body, q = split_quote(text)
    quote = quote if quote is not None else q
    body = fullwidth_to_ascii(body)
    if " / " in body:  # "麦冬 1000kg / 玄参 2000kg": a slash between spaces separates items
        body = body.replace(" / ", " ； ")
    if "@" in body:  # "@精工轴承-孔经理 …": a nickname is not a product
        body = _MENTION.sub(lambda m: " " * len(m.group(0)), body)
    orig = blank_markers(body)
    simp = to_simplified(orig)
    key = ascii_lower(simp)
    if "w" in key or "k" in key:
        key = _SHORT_MUL.sub(lambda m: "万" if m.group() == "w" else "千", key)
    if _TECH_UNIT.search(key) and _TECH.search(key):
        key = _TECH.sub(lambda m: " " * len(m.group(0)), key)
    structured, consumed = kv_and_table_items(orig, simp, key)
    if consumed:
        chars = list(key)
        for a, b in consumed:
            for i in range(a, b):
                if chars[i] != "\n":
                    chars[i] = " "
        key = "".join(chars)
    key = plain_key(key)  # 郫县豆瓣/一级/2吨 split; notes (每公斤40支以内) blanked
    found = _scan(orig, simp, key, quote)
    items: list[tuple[int, Item]] = [(pos, replace(it, name=correct(it.name))) for pos, it in structured]
    for f in found:
        price = f.price.value if f.price else None
        punit = f.price.unit if f.price else None
        name, code = split_tail_code(named_by_code(correct(f.name)))  # 鱼星草 → 鱼腥草; YJV → 电缆; 冷轧板SPCC
        spec = f"{code} {f.spec}" if code and f.spec else code or f.spec
        items.append((f.pos, Item(name, spec, f.qty, f.unit, price, punit)))  # type: ignore[arg-type]
    if not items and "\n" in key:  # 询价，数量待定: a list whose lines give no amount
        lines = unquantified_lines(orig, simp, key)
        if len(lines) >= 2:
            items = [(pos, Item(correct(name), spec)) for pos, (name, spec) in lines]
    items.sort(key=_FIRST)
    out: list[Item] = []
    for _, it in drop_loads(items, key):
        it = without_resin(it)
        if it not in out:
            out.append(it)
    return out
