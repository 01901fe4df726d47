"""Low-level scanning for item extraction: quantities, masks, names and specs in a clause (prices: nlp/prices.py)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nlp.datecore import DATE_GUARD, DATE_RE
from nlp.namewords import describes, is_name_word
from nlp.numbers import NUMBER_DIGITS_THEN, NUMBER_RE
from nlp.phones import _PHONE
from nlp.prices import Price, find_prices, price_re, units_alt
from nlp.rxprefix import with_first_chars, with_first_chars_if_unprefixed
from nlp.vocab import lexicon, match_names


def _lead(pattern: str) -> re.Pattern[str]:
    """The pattern, behind a first-character look-ahead where the engine has no prefix of its own."""
    return re.compile(with_first_chars_if_unprefixed(pattern))


SEP = "，,、；;。！!？?\n:：|\t"
_SEP_RE = re.compile(rf"[{SEP}]")
BUY_RE = _lead(
    r"(?:长期|常年|大量|现金|高价|诚心|诚意|急|现|另|另外|还|再|想|要|需|拟|计划)?"
    r"(?:求购|收购|采购|再加|另加|还加|订购|定购|寻购|购买|询价|求|收(?!缩|纳)|需要|需求|急需|买点|要点|来点|要|找|买|订|采)"
)
_NOISE_WORDS = (
    "请问|一样的|同样的|哪位老板有|哪个老板有|哪位有|谁家有|谁家|哪家|客户要|客户|你们家|你们|我们家|您家|他们|先来一批|先来|一个月|这个月|每个月|少点|多点|就够|就行|"
    "年需求|月需求|需求量|采购量|用量|数量|规格|型号|材质|尺寸|总共|合计|共计|哪个有|哪家有|谁有|还缺|再配|另配|还配|配(?![电件方料重套送合置比额货种])|再来点|再来|来点|要点|买点|"
    "一是|二是|三是|四是|五是|大约|大概|预计|长期|大量|一批|这批|一些|每月|每年|每周|"
    "每天|我们|我司|本厂|本公司|公司|厂里|临时|租用|需(?!求)|另外还有|另外|还有|还要|还需|也要|再要|左右|然后|那个|这个|的|了|各|共|约|等|及|和|与|跟|还|另|再|先|那"
)
_NOISE = re.compile(
    rf"^(?:{_NOISE_WORDS})+|(?:左右|以上|以下|以内|的货|货源|也是|也要|还差|还缺|还剩|的|了|各|共|约|卖|也|那|(?<![一二三四五六七八九十特优上中次高])等|嘛|吗|没)+$"
    r"|(?:还有没得|还有没有|有没得|有没有|还有吗|还有不|还有没)[吗嘛哦]?$"  # 圆糯还有没得？要10吨: the goods are 圆糯
)  # 等 (etc.), but 二等 is a grade
_SKIP_CLAUSE = _lead(  # a clause about price, contact, delivery or terms names no product
    r"价格|单价|价钱|报价|面议|电话|联系|手机|微信|交货|到货|截止|地址|地点|送到|送货|发票|付款|结算|含税|运费|"
    r"有货|有意向|私我|私聊|请(?!问)|麻烦|谢谢|欢迎|急用|(?<![应紧告危])急(?![救诊需要收求购采])|租赁|合作|要求|可以|"
    r"[分两首每]批|起订|最低|至少|不少于|不低于|不超过|车龄|年限|保质期|库存|合计|总计|共计"
)
# a clause opening with a measurement (直径73mm, 载重8吨) is a spec; later in a clause it follows the product
_SKIP_LEAD = re.compile(
    r"\s*(?:每[层个只件台根]?)?(?:重量|[体单净毛蛋承载自]重|负载|臂展|行程|扭矩|长度|宽度|高度|厚度|直径|含量|水分|含水|尺寸|容量|容积|功率"
    r"|每[箱袋件包盒瓶批])"
)
_TOKEN_CODE = re.compile(r"^[0-9a-z.\-×*+/φΦδ%℃μ#~=()（）\[\]]+[a-z0-9%℃μ]*(?:型|号|款)?$|^[0-9.]+[a-z]*$")
# a named dimension and its value: 厚16mm, 宽260mm, 长1米, 直径50, 壁厚=2
_DIMENSION = re.compile(
    r"^(?:壁厚|板厚|厚度|宽度|长度|高度|深度|直径|内径|外径|口径|孔径|线径|厚|宽|长|高|深)[=:：]?[0-9][0-9.]*"
    r"(?:mm|cm|m|米|厘米|毫米|寸|公分)?$"
)
_MENTION = re.compile(r"@\S+")
_TOKEN_SPLIT = re.compile(r"[\s（）()【】\[\]、/]+")
_NUMBER_ONLY = re.compile(r"\d+(?:\.\d+)?")
_LEAD_CODE = re.compile(r"^[0-9a-z.\-×*+/φΦδ%℃μ#~=]+")
# one-character grade words that may lead an unknown product word: fresh, frozen, raw, cooked (干 stays: 干辣椒)
# (鲜玉米, 冻猪肘); other single characters stay (新能源物流车, 大米粉)
_HEAD_CHARS = frozenset("鲜冻生熟")
_NOT_A_HEAD = ("生物", "生产", "生活", "生日", "生态", "熟料", "干燥", "干粉")
_COUNTED = frozenset("路寸芯位匹口孔层头米")  # 32路硬盘录像机, 7寸触摸屏, 9.6米车用: the number and its measure word
_ONE_CHAR_GOODS = frozenset("鹅鸭鸡鱼虾蟹蛋米面盐糖姜蒜葱茶")
_SIZE_UNIT = re.compile(r"(?:米|吨|寸|t|m)\d?")  # 6.8米, 4米2
_GLUED_CODE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:[a-z]+\d|[φø⌀]|\d)[\w×*.\-/φ]*$")  # PU8×5, φ50, 1200mm
_RATE_WORDS = frozenset({"日均", "月均", "年均", "平均", "每天", "每月", "每年"})
_PIECE = re.compile(rf"[^{SEP}]+")
_LATIN_WORD = re.compile(r"[a-z][a-z0-9]*")
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffa-z]")
_SPEC_TOKEN = re.compile(rf"[^\s{SEP}（）()【】\[\]、]+")


@cache
def qty_re() -> re.Pattern[str]:
    """Quantity = number + unit; excludes codes (S7-1200), dimensions (Φ57×3, 高4.5米) and 500g/袋 specs."""
    # A quantity starting with a digit starts a digit run (the look-behind) and takes all of it (a unit never
    # starts with a digit): the run is followed by more of the number, blanks or a unit. So a phone number's
    # run is passed at once instead of retrying every unit after every shorter prefix of it.
    unit_first = re.escape("".join(sorted({u[0] for u in lexicon().units})))
    guard = rf"(?=\D|(?<![0-9])\d++(?:{NUMBER_DIGITS_THEN}|[\s{unit_first}]))"
    # a look-ahead for the first characters: the same matches, found faster
    return re.compile(with_first_chars(guard + qty_source()))


@cache
def qty_source() -> str:
    """The quantity pattern as written (`qty_re` adds look-aheads that change no match)."""
    return (
        r"(?<![0-9a-z.*/φδ+#第高长宽厚深径层])(?<![^\d][-~])(?<![^\s]×)"  # 10-15万斤 and " ×300个" are amounts
        r"(?P<num>" + NUMBER_RE + r"|半)\s*(?P<unit>" + units_alt() + r")"
        r"(?P<half>半|(?<=[吨噸斤])[一二三四五六七八九](?![\u4e00-\u9fff\d]))?"  # 一吨半; 一吨二 = 1.2
        # 一台5吨 is a count, then a size; 一台1200 a price each
        r"(?<![a-z](?=[a-z0-9\u4e00-\u9fff]))(?![a-z])(?!(?<![台个辆件套只把张条根组])\d)"
        r"(?!\d[\d.]*(?:[\s，,。；;！!？?]|$))"
        r"(?!\s*[/×*](?![月年周天日班季]))(?!装(?![车在到好上进入]))"
        # 1米高, 9.6米车用, 15公斤一盘
        r"(?<!米(?=[车高宽长厚深厢栏平冷箱挂货半定]))(?!礼盒)(?!\s*一\s*[盘袋箱件桶卷包瓶盒根条支个捆扎板罐])"
        r"(?<!个(?=月|工作日|小时|人|点|方|平方|立方|钟|品种|项目|料号|型号|规格|款式|品类|批次|礼拜|星期|周|季度|钟头))(?<!筒(?=机))(?<!方(?=面|案|式|向|法|协|监|合|会|共|联))(?<!车(?=间|型))(?<!件(?=事|套))"
        r"(?<!条(?=件|龙))(?<!把(?=手|关|握))(?<!口(?=罩|味|径|岸|感))(?<!包(?=装|括|邮))(?<!支(?=持|付))(?<!片(?=区))(?<!平(?=[安台板常时均价顶稳房面整方米]))(?<!头(?=条))(?<!部(?=分|门|件|署|位|长))(?<!座(?=谈|位|椅|机))"
    )


# the lookahead lists every character a DATE_RE match can start with, so positions without one are skipped fast
_DATE_MASK_LEAD = r"(?=[\s\d二〇零一三四五六七八九十两大后明今当即次隔本这下上周星礼])"
_DATE_MASK = re.compile(rf"{_DATE_MASK_LEAD}{DATE_GUARD}(?:{DATE_RE})")
# every DATE_RE match holds one of these (a number then 年-/.月号, 周/星期/礼拜 then a day, a relative day)
_DATE_HINT = re.compile(
    r"[\d一二三四五六七八九十两〇零]\s*[年\-/.月号]|(?:周|星期|礼拜)[一二三四五六日天1-7]|后天|[明今][天日早晚]|[当即次]日|当天|隔天"
)

_PACK = re.compile(  # pack sizes: 500g/袋, 10支/盒, 550ml*24瓶, 6粒装, 2公斤装 (not "1000kg / 玄参", a list separator)
    r"\d[\d.]*\s*(?:[a-z]{1,3}|[\u4e00-\u9fff])(?:/[\u4e00-\u9fffa-z]{1,2}|\s*[*×x]\s*\d+\s*[\u4e00-\u9fffa-z]{0,2})"
    r"|\d+\s*(?:[粒支只个片瓶袋包盒条块根颗罐听枚斤克升]|公斤|千克|kg|g|ml|l)装"
)


_WANTS_END = re.compile(r"[\u4e00-\u9fff](?:要|需要|想|准备)?(?:采购|購買|购买|採購|求购|买|要|购|订|收)$")
_THREE_DIGITS = re.compile(r"\d{3}")  # every phone number holds three digits in a row (1[3-9]\d, 0[1-9]\d, [48]00)


@cache
def _numeral_specs() -> re.Pattern[str]:
    """Spec and origin words that open with a Chinese numeral (四粒红, 三年陈, 五层瓦楞, 三台产): no amount in them."""
    lex = lexicon()
    words = sorted((w for w in (*lex.specs, *lex.origins) if w[0] in "一二两三四五六七八九十"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def mask_spans(key: str) -> list[tuple[int, int]]:
    """Spans that never hold a quantity: phone numbers, dates and spec words opening with a numeral."""
    spans = [m.span() for m in _PHONE.finditer(key)] if _THREE_DIGITS.search(key) else []
    spans += [m.span() for m in _numeral_specs().finditer(key)] if _numeral_specs().search(key) else []
    if _DATE_HINT.search(key):
        every = "每" in key  # 每周2吨 is a weekly amount, not a weekday
        spans += [
            m.span()
            for m in _DATE_MASK.finditer(key)
            if not m.group("sm") and not (every and key[m.start() - 1 : m.start()] == "每")
        ]
    return spans


def is_spec_text(s: str) -> bool:
    """True when `s` consists only of spec words, codes, sizes and separators (no product noun)."""
    return not strip_specs(s)


def strip_specs(s: str) -> str:
    """Remove spec words, origin words, codes and noise from both ends of every space-separated token."""
    return "".join(spec_free_tokens(s))


def spec_free_tokens(s: str) -> list[str]:
    """The space-separated tokens of `s` that keep something once spec, origin and code words are removed."""
    lex = lexicon()
    parts: list[str] = []
    s = _PACK.sub(" ", s)
    for tok in _TOKEN_SPLIT.split(s):
        if qty_re().fullmatch(tok):
            continue
        tok = _strip_words(tok, lex.specs, lex.max_spec, lex.origins, lex.max_origin)
        if tok and (_NOISE.fullmatch(tok) or describes(tok)):
            continue  # 规格, 数量, 的, 不带盖: words about the list or a build, not goods
        if tok and not _TOKEN_CODE.match(tok) and not tok[0].isdigit():  # 18层, 70口径: sizes and counts
            parts.append(tok)
    return parts


def _strip_words(tok: str, specs: frozenset[str], max_spec: int, origins: frozenset[str], max_origin: int) -> str:
    changed = True
    while tok and changed:
        changed = False
        if _TOKEN_CODE.match(tok) or _DIMENSION.match(tok):
            return ""
        lead = _LEAD_CODE.match(tok)
        if lead and len(lead.group(0)) < len(tok) - 1:
            number = _NUMBER_ONLY.fullmatch(lead.group(0)) is not None
            end = lead.end() + (tok[lead.end()] in _COUNTED and number)  # 32路, 7寸, 17.5米: a size
            tok, changed = tok[end:], True
            continue
        for size in range(min(len(tok), max(max_spec, max_origin)), 0, -1):
            head, tail = tok[:size], tok[-size:]
            one_char = size == 1 and head in _HEAD_CHARS and not tok.startswith(_NOT_A_HEAD)  # 鲜花椒, not 生物菌肥
            if (head in specs or head in origins) and len(tok) - size != 1 and (size > 1 or one_char):
                tok, changed = tok[size:], True
                break
            if tail in specs and len(tok) - size >= 2:
                tok, changed = tok[:-size], True
                break
    return tok


def fallback_name(key: str, simp: str, lo: int, hi: int) -> tuple[str | None, int, int]:
    """Name of an unknown product in simp[lo:hi]: the last sub-clause stripped of verbs, specs and noise."""
    pieces = [(m.start(), m.end()) for m in _PIECE.finditer(key[lo:hi])]
    for a, b in reversed(pieces):
        a, b = a + lo, b + lo
        seg = _MENTION.sub(lambda m: " " * len(m.group(0)), key[a:b])
        if _SKIP_CLAUSE.search(seg) or _SKIP_LEAD.match(seg):
            return None, a, b
        verbs = list(BUY_RE.finditer(seg))
        last = verbs[-1] if verbs else None
        header = key[b : b + 1] in (":", "：")  # 智链求购：… : who buys, not the goods
        if last and not header and not _NOISE.sub("", seg[last.end() :].strip()) and seg[: last.start()].strip():
            b = a + verbs[-1].start()  # 真空胎 16层级 要12条, 打包盒要一批: nothing after the verb; the goods before
            first = verbs[0] if verbs[0].start() == len(seg) - len(seg.lstrip()) and len(verbs) > 1 else None
            a = a + first.end() if first else a  # 收早稻 … 收200吨: nor the verb that opens the clause
            seg = key[a:b]
        elif verbs:
            a2 = a + verbs[-1].end()
            seg = key[a2:b]
            a = a2
        core = seg.strip()
        core = _NOISE.sub("", core)
        # a name is one word: the first that is not a size or count (食用盐 未加碘, BMS 16串 100A)
        tokens = [w for w in (_NOISE.sub("", t) for t in spec_free_tokens(core)) if w]
        words = [w for w in tokens if is_name_word(w)]
        # 差 粽叶 8万片: a one-character word is no name, unless it is goods on its own (土鸭 300只，鹅 100只)
        stripped = next((w for w in words if len(w) >= 2 or (w in _ONE_CHAR_GOODS and w == core)), "")
        stripped = _GLUED_CODE.sub("", stripped)  # 气管PU8×5: the product, not its size code
        if not stripped:
            latin = [w for w in _TOKEN_SPLIT.split(core) if _LATIN_WORD.fullmatch(w) and w.isalpha()]
            # UPS 山特 C3K: one word; PP T30S 10吨, ABS 757 5吨: a plastic written in capitals, bought as itself
            word = latin[0] if len(latin) == 1 and len(latin[0]) >= 2 else ""
            if word and (word not in lexicon().specs or _capitals(word, key, simp, a, b)):
                stripped = word
        if (
            stripped
            and (len(stripped) >= 2 or stripped in _ONE_CHAR_GOODS)
            and len(stripped) <= 12
            and _CJK_OR_LATIN.search(stripped)
        ):
            pos = key.find(stripped, a, b)
            if pos > 0 and stripped[0] in "月日号" and key[pos - 1].isdigit():
                return None, a, b  # 7月份起租, 8月3日: the rest of a date, not goods
            if stripped[0] in "每某" or stripped in _RATE_WORDS:
                return None, a, b  # 每柜约22吨, 某汽配出口企业, 日均35车次: a rate or an unnamed buyer, not goods
            size = _SIZE_UNIT.match(stripped) if pos > 0 and key[pos - 1].isdigit() else None
            if size and len(stripped) - size.end() >= 2:  # 6.8米厢车: a size, then the product
                stripped, pos = stripped[size.end() :], pos + size.end()
            if pos >= 0:
                return simp[pos : pos + len(stripped)], pos, pos + len(stripped)
            return stripped, a, b
        if seg.strip() and not is_spec_text(seg) and (words or not tokens):
            return None, a, b  # (words that can name nothing, 宜香优2115 水分14.5%以内, read as specs)
    return None, lo, hi


def _capitals(word: str, key: str, simp: str, a: int, b: int) -> bool:
    """`word` (lower-cased in `key`) is written in capitals in `simp` within [a, b)."""
    pos = key.find(word, a, b)
    return pos >= 0 and simp[pos : pos + len(word)].isupper()


def spec_of(orig: str, key: str, lo: int, hi: int, holes: list[tuple[int, int]]) -> str | None:
    """Spec words as written in orig[lo:hi], excluding `holes` (name, quantity, price), verbs and origins."""
    text = orig[lo:hi]
    for a, b in holes:
        a, b = max(a, lo) - lo, min(b, hi) - lo
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    kt = key[lo:hi]
    out: list[str] = []
    for m in _SPEC_TOKEN.finditer(text):
        tok = _spec_token(m.group(0), kt[m.start() : m.end()])
        if tok:
            out.append(tok)
    return " ".join(out) or None


@lru_cache(maxsize=4096)
def _spec_token(tok: str, ktok: str) -> str:
    """The spec in one token as written (`ktok`: its scan form), without verbs, origins and noise; "" for none."""
    lex = lexicon()
    if _SKIP_CLAUSE.search(ktok) or _SKIP_LEAD.match(ktok) or _MENTION.match(ktok):
        return ""
    if BUY_RE.match(ktok):  # a verb starts the token: drop the verbs, or the token when it is only verbs
        *_, last = BUY_RE.finditer(ktok)
        if last.end() == len(ktok):
            return ""
        tok, ktok = tok[last.end() :], ktok[last.end() :]
    elif _WANTS_END.search(ktok):  # 仓库要采购, 工厂要买: who wants it, then the verb
        return ""
    if ktok in lex.origins:  # 川产: an origin, whole
        return ""
    if ktok not in lex.specs:  # 川字型 is a layout, not 川 (Sichuan) + 字型
        for size in range(min(len(ktok), lex.max_origin), 0, -1):
            if ktok[:size] in lex.origins and ktok[size:]:
                tok, ktok = tok[size:], ktok[size:]
                break
    if ktok in lex.origins or _NOISE.fullmatch(ktok):
        return ""
    ktok2 = _NOISE.sub("", ktok)
    if ktok2 != ktok:
        i = ktok.find(ktok2)
        tok = tok[i : i + len(ktok2)] if i >= 0 else tok
    return tok


SKIP_CLAUSE = _SKIP_CLAUSE  # for nlp/unquantified.py

__all__ = [
    "SEP",
    "SKIP_CLAUSE",
    "Price",
    "fallback_name",
    "find_prices",
    "is_spec_text",
    "mask_spans",
    "match_names",
    "price_re",
    "qty_re",
    "spec_free_tokens",
    "spec_of",
    "strip_specs",
    "units_alt",
]
