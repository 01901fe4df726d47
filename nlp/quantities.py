"""Quantities in a procurement text and which of them are specs, not amounts (nlp/extract.py uses these)."""

from __future__ import annotations

import re

from nlp.itemscan import SEP, is_spec_text, mask_spans, qty_re
from nlp.numbers import parse_number
from nlp.vocab import lexicon

Name = tuple[int, int, str]

SEP_RE = re.compile(rf"[{SEP}]")
_UP_TO_LAST_SEP = re.compile(
    rf"(?s:.*)(?:[{SEP.replace(':', '').replace('：', '')}]|(?<!\d)[:：]|[:：](?!\d))"
)  # not 1:30
_PACK_UNITS = frozenset("粒支只片瓶袋包盒条块根颗")
_IN_BATCHES = re.compile(r"分\s*$")  # 分两批到货: a delivery schedule, not a quantity
_MEASURE = frozenset("米 m mm cm 厘米 毫米 寸 英寸 吨 t kg 公斤 千克 克 g 斤 ml l 升 毫升 立方 方 平方 口".split())  # noqa: SIM905 (units as written)
_PRICE_ASK = re.compile(r"(?:多少钱?|几块钱?|啥价|什么价|以内|以下|左右)\s*$")
_MONEY = frozenset("块元毛角")
_LENGTH_OF = re.compile(r"的[\u4e00-\u9fff]")
NEW_ITEM = re.compile(r"还有|还要|另外|另要|再要|以及")  # another item comes
_OF_KIND_BETWEEN = re.compile(r"\s*[\u4e00-\u9fff]{1,4}的\s*")
_OF_KIND = re.compile(r"[\u4e00-\u9fff]{0,4}的(?=[\s，,。；;!！?？]|$)")
_EARLIER = re.compile(r"(?:上次|上回|之前|去年|以前|原来|收了|买了|已收|已经收了?|买到|收到了)\s*$")
_EARLIER_LAST = frozenset("次回前年来了收到")  # the last character of every word of _EARLIER
_TOTAL = re.compile(r"(?:共|一共|总共|合计)\s*$")
_EACH_BEFORE = re.compile(r"各\s*$")
_PER_UNIT = re.compile(r"每(?:斤|公斤|千克|kg|吨|个|件|箱|袋|只|条|张|瓶|盒)\s*$")  # 每斤 right before: a price
_RATE = re.compile(r"每[天日周月](?:送|发|供|到|供应|配送)[约大概]{0,2}\s*$")  # a delivery rate
_DIGIT_AFTER = re.compile(r"[\d一二两三四五六七八九]")
_PRICE_KW = re.compile(r"(?:价钱|价格|单价|报价|价位|预算|限价)\s*[:：为是在约大概]*\s*$")
_PRICE_KW_LAST = frozenset("钱格价位算:：为是在约大概")  # the last character of every _PRICE_KW match
_STEEL_GRADES = frozenset({"201", "304", "316", "430"})
# between a size and its product
_GLUED_SPEC = re.compile(r"二手|全新|新|旧|电动|手动|纯电|新能源|燃油|柴油|进口|国产|国六|国五")
_ONE_WORD = re.compile(r"\s*[\u4e00-\u9fff]{2,6}\s*")  # 一台 随车吊 8吨: one word between two amounts
_WEIGHT = frozenset("吨 t T 公斤 kg KG 千克 斤".split())  # noqa: SIM905 (amounts of goods: H13 1.5吨 Cr12MoV 一千公斤)
_SMALL = frozenset("mm cm 厘米 毫米 克 g ml 毫升".split())  # noqa: SIM905 (a piece's size or weight, never an order)
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffa-z]")
_COUNT = frozenset(
    "台辆个件套只支把组部条张片袋盒瓶桶箱卷根颗块包双车柜具盏顶副樽份床樘枚罐坛提捆幅棒"
)  # one character each


_ONE_IN_A_WORD = frozenset("统唯同单之第万专")  # characters before a 一 that belongs to their word (统一, 唯一)
_ONE_MORE = re.compile(r"(?:补充|再补|再加|还有|另外|再问|再说|[发转])\s*$")  # 帮朋友发一个: one more post
_MORE_IN_CLAUSE = re.compile(r"\s*[^\s，,。；;!！?？\n]")
# a measure with its number (十五公斤一盘); 糯米 一吨 ends a name in 米
_AFTER_MEASURE = re.compile(r"[\d一二两三四五六七八九十百千半]\s*(?:公斤|千克|kg|斤|克|g|吨|米|升|l|ml)\s*$")
_RANGE_DASH = frozenset("-~～至到")
_MEASURED_RANGE = re.compile(r"(?:单重|单件重|每件重|重量|定尺|长度)\s*\d+(?:\.\d+)?\s*[-~～至到]\s*$")
_MEASURED_LAST = frozenset("载重荷展程矩率量积度径架头个果只颗台车次趟边升的装拉运约")  # of every _MEASURED word
_MEASURED = re.compile(
    r"(?:负载|载重|承重|静载|动载|额定载荷|载荷|臂展|行程|扭矩|功率|排量|容积|容量|高度|长度|宽度|深度|直径|跨度|扬程|流量|门架"
    r"|设备重|货重|单重|单件重|每件重|重量|个头|每个|单个|单果|每只|单只|每颗|每台|每车|每次|每趟|单边|一车|起升|提升|加长的|加宽的"
    r"|加高的|果径|单果重)(?:装|拉|载|运)?(?:约|大约)?\s*$"
)
# (also with its date between: 第一批八月底前15吨)
_FIRST_PART = re.compile(r"(?:先送|先发|先到|先要|首批|第[一二三四五六1-6]批)[^，,。;；\s]{0,8}?\s*$")
_CLOSING = re.compile(r"[)）]")
_COMMA_ONLY = re.compile(r"[^\n；;。!！?？]*")  # one sentence: clauses joined by commas
_NOT_TENS = frozenset("二三四五六七八九两半")  # 一百二一个, 八一斤: a price each; 二十一 is twenty-one
_COUNT_LEAD = re.compile(r"(?:要|需要|需|共|一共|总共|合计|大概|大约|约|各|先要|再要|一次|每次)*")


def has_sep(key: str, a: int, b: int) -> bool:
    return SEP_RE.search(key, a, b) is not None


def next_sep(key: str, a: int, limit: int) -> int:
    m = SEP_RE.search(key, a, limit)
    return m.start() if m else limit


def quantities(key: str, names: list[tuple[int, int, str]]) -> list[re.Match[str]]:
    masks = mask_spans(key)
    rx = qty_re()
    out: list[re.Match[str]] = []
    trips: list[re.Match[str]] = []
    pos = 0
    while True:
        m = rx.search(key, pos)
        if not m:
            break
        start, end = m.span()
        hit = next((b for a, b, _ in names if a <= start < b), 0)  # inside a name (they do not overlap): skip it
        if hit:
            pos = hit
            continue
        pos = end
        if masks and any(a < end and start < b for a, b in masks):
            continue
        num, unit = m.group("num", "unit")
        if parse_number(num) is None:
            continue
        if num == "一" and unit == "个" and _ONE_MORE.search(key, max(0, start - 3), start):
            continue  # 再补充一个，…: one more message, not one of the goods
        if num == "一" and key[start - 1 : start] in _ONE_IN_A_WORD and start:
            continue  # 统一组织, 唯一一家, 同一批: 一 inside a word, no amount
        if num == "一" and unit in ("个", "件", "批", "家", "条", "份") and _MORE_IN_CLAUSE.match(key, end):
            continue  # an article, not a quantity: "一个采购需求", "新建一个-18度的冷库"
        if len(num) >= 2 and num.endswith("一") and num[-2] in _NOT_TENS and not num[0].isdigit():
            continue  # 一百二一个: a price each (120), not 121 of them
        if unit in ("板", "管") and num in _STEEL_GRADES:
            continue  # 304板: a stainless-steel sheet, not 304 of them
        # the words before a quantity end right before it, but for blanks: their last character is tested first (in
        # the six characters before it: the searches below look at most that far)
        last = key[max(0, start - 6) : start].rstrip()[-1:]
        if last in _MEASURED_LAST and _MEASURED.search(key, max(0, start - 4), start):
            continue  # 负载20kg, 起升高度9米, 每台32吨: a rating of the item or a load, not an amount of it
        if last == "尺" and unit in ("米", "m") and key[max(0, start - 3) : start].rstrip().endswith("定尺"):
            continue  # 定尺6米: the length each bar is cut to
        if last in _RANGE_DASH and _MEASURED_RANGE.search(key, max(0, start - 12), start):
            continue  # 单重20-80kg: the weight of one piece, given as a range
        if unit in ("趟", "次") and ("每" in key[max(0, start - 3) : start] or key[start - 1 : start] == "各"):
            trips.append(m)  # 每周两趟, 早晚各一趟: a frequency, the amount only when nothing else is
            continue
        if unit in ("米", "m") and _LENGTH_OF.match(key, end):
            continue  # 4.2米的车, 9.6米的高栏: the length of the goods
        if unit == "个" and key[end : end + 1] in ("厚", "点"):
            continue  # 1.5个厚 (millimetres), 3个点 (per cent): a measure, not a count
        if last in _EARLIER_LAST and _EARLIER.search(key, max(0, start - 4), start):
            continue  # 上次三十吨不够: an earlier order
        if num == "一" and _PRICE_ASK.search(key, max(0, start - 4), start):
            continue  # 多少钱一张, 八毛以内一套: a price each
        if start and (key[start - 1] in _MONEY or (last in _PRICE_KW_LAST and _price_before(key, start))):
            continue  # 五块五一斤, 价钱五块: a price
        if unit == "块" and (
            _DIGIT_AFTER.match(key, end)
            or key.startswith(("左右", "以内", "钱"), end)
            or _PER_UNIT.search(key, max(0, start - 5), start)
        ):
            continue  # 一块二一斤, 箱子4块左右, 每斤6块: a price
        if num == "一" and _AFTER_MEASURE.search(key, max(0, start - 6), start):
            continue  # 十五公斤一盘: a pack size
        if unit in ("批", "次") and _IN_BATCHES.search(key, max(0, start - 2), start):
            continue
        if key.startswith("装", end) and unit in _PACK_UNITS:  # 6粒装, 24瓶装: a pack size
            continue
        if out and unit == out[-1].group("unit") and _FIRST_PART.search(key, max(0, start - 12), start):
            continue  # 100吨，先送20吨: the first delivery of the amount already given
        if out and unit == out[-1].group("unit") and _total_after_each(key, out[-1], start):
            out.pop()  # 40-44码 各10双 共50双: the total, not one size's share
        if unit in _MEASURE and out and out[-1].group("unit") in _COUNT and _OF_KIND.match(key, end):
            continue  # 两台叉车，3吨柴油的: what kind, not how much
        if out and _RATE.search(key, max(0, start - 6), start):
            continue  # 50吨…，每天送3吨左右: the delivery rate of the amounts already given
        if out and _in_note_after(key, out[-1].end(), start):
            continue  # 鸡蛋 约3吨（每周1吨 连续3周）: a breakdown of the amount just given
        out.append(m)
    if trips and all(o.group("unit") in ("米", "m") for o in out):
        return trips  # 冷链包车 13米 每周2趟: the trips are the amount, the length a spec
    return out


def _total_after_each(key: str, each: re.Match[str], start: int) -> bool:
    """`start` opens a total (共50双) of the amount before it, which was given each (各10双)."""
    return bool(
        _TOTAL.search(key, max(0, start - 3), start)
        and _EACH_BEFORE.search(key, max(0, each.start() - 2), each.start())
    )


def _price_before(key: str, start: int) -> bool:
    """A price keyword right before `start` (价钱五块): every keyword holds 价 or 预算, tested first."""
    window = key[max(0, start - 6) : start]
    return ("价" in window or "预算" in window) and _PRICE_KW.search(key, max(0, start - 6), start) is not None


def _in_note_after(key: str, prev_end: int, start: int) -> bool:
    """`start` lies in a bracketed note that opens right after the previous quantity."""
    opening = max(key.rfind("（", prev_end, start), key.rfind("(", prev_end, start))
    return opening >= 0 and not key[prev_end:opening].strip() and not _CLOSING.search(key, opening, start)


def name_in(names: list[tuple[int, int, str]], a: int, b: int) -> tuple[int, int, str] | None:
    """Rightmost dictionary name inside [a, b); names that double as spec words (玻璃, 铝箔) only as a last resort."""
    inside = [n for n in names if n[0] >= a and n[1] <= b]
    if len(inside) < 2:
        return inside[0] if inside else None  # one name or none: nothing to rank
    specs = lexicon().specs
    best, best_rank = inside[0], (-1, -1)
    for n in inside:
        rank = (0 if n[2] in specs else 1, n[1])
        if rank > best_rank:
            best, best_rank = n, rank
    for n in inside:  # the same product named twice ("当归（全归）"): the first mention is the name
        if n[2] == best[2] and n[0] < best[0]:
            best = n
    return best


def first_name_in(names: list[tuple[int, int, str]], a: int, b: int) -> tuple[int, int, str] | None:
    """Leftmost dictionary name inside [a, b) that is not also a spec word: what a count before it counts
    ("两台 发那科 机器人 带控制柜": 机器人)."""
    specs = lexicon().specs
    inside = [n for n in names if n[0] >= a and n[1] <= b and n[2] not in specs]
    return min(inside, default=None) or name_in(names, a, b)


def clause_start(key: str, a: int, b: int) -> int:
    m = _UP_TO_LAST_SEP.match(key, a, b)
    return m.end() if m else a


def size_then_count(key: str, size: re.Match[str], count: re.Match[str]) -> bool:
    """A measure, then a count in one clause after some name: 冷藏车 4.2米 国六 5台, 玻璃酒瓶 500ml 晶白料 十万个,
    电动叉车 3吨 锂电 5台, 物流车（4.5吨 纯电）20台 — the measure is a spec."""
    if size.group("unit") not in _MEASURE or count.group("unit") not in _COUNT:
        return False
    if NEW_ITEM.search(key, size.end(), count.start()):
        return False  # 遮阳网 五千平方 还有竹竿子 两千根: another item comes between
    return _CJK_OR_LATIN.search(key, clause_start(key, 0, size.start()), size.start()) is not None


_DRIVE = frozenset({"柴油", "汽油", "燃气", "天然气", "锂电", "纯电", "电动", "混动"})


def _drive_between(key: str, names: list[Name], a: int, b: int) -> bool:
    """Between a machine's rating and its count only its drive (柴油) and a few words (brands): no other goods."""
    inside = [n for n in names if a <= n[0] and n[1] <= b]
    return bool(inside) and all(n[2] in _DRIVE for n in inside) and len(key[a:b].split()) <= 3


def _measure_beside_count(key: str, names: list[Name], first: re.Match[str], second: re.Match[str]) -> bool:
    """A size glued to the product before its count (3吨叉车 2台), or a count, the product in one word and its
    rating (一台 吊车 25吨): the measure is a spec."""
    u1, u2 = first.group("unit"), second.group("unit")
    if u1 in _MEASURE and u2 in _COUNT:  # 4.2米二手冷藏车2台: a spec word may come between
        return any(n[0] == first.end() or _GLUED_SPEC.fullmatch(key, first.end(), n[0]) for n in names)
    if u1 in _COUNT and u2 in _MEASURE and _one_product(key, names, first.end(), second.start()):
        return name_in(names, clause_start(key, 0, first.start()), first.start()) is None
    return False


def _one_product(key: str, names: list[Name], a: int, b: int) -> bool:
    """Between a and b one product and spec words: 叉车, 吊车 二手, 电动 叉车 (not 还要腌料 花椒面)."""
    n = name_in(names, a, b)
    if n is not None:
        rest = key[a : n[0]] + " " + key[n[1] : b]
        return is_spec_text(rest)
    m = _ONE_WORD.match(key, a, b)
    return m is not None and (m.end() == b or is_spec_text(key[m.end() : b]))


def _count_then_measure(first: re.Match[str], second: re.Match[str]) -> bool:
    return first.group("unit") in _COUNT and second.group("unit") in _MEASURE


def _other_amount_in_clause(key: str, qtys: list[re.Match[str]], i: int) -> bool:
    start = clause_start(key, 0, qtys[i].start())
    end = next_sep(key, qtys[i].end(), len(key))
    return any(j != i and start <= q.start() < end and q.group("unit") not in _SMALL for j, q in enumerate(qtys))


def spec_quantities(key: str, names: list[Name], qtys: list[re.Match[str]]) -> set[int]:
    """Indexes of the quantities that are specs: sizes and ratings beside the real count, attributive measures."""
    spec_q: set[int] = set()
    if len(qtys) < 2:
        return spec_q  # every test below compares a quantity with another one
    for i in range(len(qtys) - 1):
        a, b = qtys[i].end(), qtys[i + 1].start()
        if has_sep(key, a, b):
            continue
        u1, u2 = qtys[i].group("unit"), qtys[i + 1].group("unit")
        if _OF_KIND_BETWEEN.fullmatch(key, a, b) and u1 in _MEASURE and u2 in _COUNT:
            spec_q.add(i)  # 叉车 3吨 柴油的 两台: what kind, then how many
            continue
        named = name_in(names, a, b) is not None
        if (named or _ONE_WORD.match(key, a, b)) and _measure_beside_count(key, names, qtys[i], qtys[i + 1]):
            spec_q.add(i if qtys[i].group("unit") in _MEASURE else i + 1)
            continue
        if named and u1 in _MEASURE and u2 in _COUNT and _drive_between(key, names, a, b):
            spec_q.add(i)  # 叉车 3吨 柴油 合力或杭叉 2台: its rating, its drive and brands, then how many
            continue
        if named:
            continue
        # two counts, or two amounts of one unit, with words between are two amounts (两台然后还要一台, 贰吨 Φ120
        # 叁吨), not a size and an amount
        two = (u1 in _COUNT and u2 in _COUNT) or u1 == u2 or (u1 in _WEIGHT and u2 in _WEIGHT)
        two_counts = two and key[a:b].strip()
        small = u1 in _SMALL and u2 not in _SMALL  # 80-100g 一级果 20吨
        small = small or (u1 == "头" and u2 in _MEASURE)  # 三七 20头 超细 20kg: heads per 500 g, a grade
        if (is_spec_text(key[a:b]) and not two_counts) or small or size_then_count(key, qtys[i], qtys[i + 1]):
            count_then_size = a == b and _count_then_measure(qtys[i], qtys[i + 1])
            spec_q.add(i + 1 if count_then_size else i)  # 一台5吨电动葫芦: the count, then the size
    for i in range(len(qtys) - 1):  # 叉车 3吨 柴油 二手的也行，要2台: the count comes in a clause of its own
        a, b = qtys[i].end(), qtys[i + 1].start()
        lead = key[clause_start(key, a, b) : b]
        measure_then_count = qtys[i].group("unit") in _MEASURE and qtys[i + 1].group("unit") in _COUNT
        if measure_then_count and _COMMA_ONLY.fullmatch(key, a, b) and _COUNT_LEAD.fullmatch(lead.strip()):
            spec_q.add(i)
    for i, m in enumerate(qtys):  # 十箱 A4打印纸 70g: a piece's size or weight in the clause of a real amount
        if m.group("unit") in _SMALL and i not in spec_q and _other_amount_in_clause(key, qtys, i):
            spec_q.add(i)
    for i, m in enumerate(qtys):  # 折弯机 100吨的, 储罐 5吨的 2个: an attributive measure beside a count
        if key.startswith("的", m.end()) and (m.group("unit") in _MEASURE or m.group("unit") == "头"):
            start = clause_start(key, 0, m.start())
            end = next_sep(key, m.end(), len(key))
            if any(q is not m and start <= q.start() < end and q.group("unit") in _COUNT for q in qtys):
                spec_q.add(i)
    return spec_q
