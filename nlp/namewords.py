"""Words that never name a product in a buyer's list: forms of address (马哥, 各位老板), pieces of a sentence
(你说的…, 请问谁家有, 下周二), prices (八毛以内一套), colours, builds (螺杆式), purposes (通道用), variety codes and
measured limits (水分14.5%以内), pack sizes (公斤装). nlp/itemscan.py and nlp/naming.py ask `is_name_word`."""

from __future__ import annotations

import re

from nlp.vocab import lexicon

# a form of address is not a product: 谢老板, 马哥, 王姐, 阿强, 李总, 刘经理
ADDRESS = re.compile(
    r"^[\u4e00-\u9fff]{1,2}(?:老板|老总|总|哥|姐|经理|主任|科长|局长|师傅|老师)$|^阿[\u4e00-\u9fff]$"
    r"|^(?:兄弟们?|兄弟伙|各位(?:老板|老总|朋友)?|老铁们?|大家|朋友们|家人们)$"
)
# 你说的老谢靠谱不, 厚菇给我留, 八毛以内一套: words of a sentence or a price
_SENTENCE = re.compile(
    r"[你我他她咱您吗呢吧啊呀嘛]|的.|.和.|[零一二两三四五六七八九十百\d][块元毛](?:钱|以内|左右|[一二两三四五六七八九\d]|$)|无所谓|都行|都可以|也行|均可|不限|请问|谁家|哪家|谁有|哪里有|有没有"
    r"|^(?:今天|明天|后天|昨天|今晚|明晚|今早|明早|节后|节前|年底|年初|月中|近期|最近|本周|下周|周[一二三四五六日天末]|星期.|礼拜.|上午|下午|晚上|早上|月底|月初)"
    r"|[\u4e00-\u9fff]去[\u4e00-\u9fff]{2,}"  # 高栏去新疆乌鲁木齐: where it goes
    r"|^(?:到|至|从|往(?!复)|发往|运往)[\u4e00-\u9fff]"  # 成都到西安, 至美西: a route
    r"|大概|大约|就够|先来|少点|多点|^每个|^一次|^一个月|试试|比较"  # 一次大概两吨, 先来一批3万颗, 一台就够
    r"|^(?:先|再|又)?(?:问一|问下|拿来)|^(?:先|再|又)(?:做|全|来|要|买|订|试|看|弄|整|搞)"  # 再问一个, 先做
    r"|^(?:这|那|本|上|下)(?:次|回|趟|单)|^临时|[加来要买整弄]个$|试一下|东西"  # 这次要10吨, 临时加个, 也收东西
    r"|顺便|问一[下哈]|^[这那]种"  # 顺便问一哈, 能烘3吨鲜货的那种
    r"|在不$|^剩下|^改[成为]|^[一每][趟次]|取消"  # 川穹还在不, 剩下那3吨, 改成 25吨, 650一趟, 20吨取消
    r"|每[天日周月](?:送|发|供|到|要)"  # 12月1号开始每天送3吨: a delivery rate
)
# colours only (红黄蓝), and what comes with it (带螺母平垫弹垫): specs, not names
COLOURS = re.compile(r"[红黄蓝绿黑白灰紫棕橙金银]{2,}(?:双色|三色|色)?")
# a part or build left out (不带盖, 不含税) or one that comes with it (带刹车, 含税) is a spec
LEFT_OUT = re.compile(
    r"(?:不带|不含|无带|不要)[\u4e00-\u9fff]{1,3}"
    r"|带(?:刹车|抱闸|编码器|制动器?|减速机|电池|充电器|盖子?|把手|轮子?|锁|灯|开关|支架|底座|遥控)|含(?:税|运费|安装|包装)"
)
# what the goods are for (机用, 通道用, 灌装用) is a spec
PURPOSE = re.compile(r"[\u4e00-\u9fff]{1,8}用")
# a garment size (XL码), the weight of one (单枚60g以上) and a flavour (香肠 麻辣 300斤、甜味 200斤) are specs
SIZE_OR_FLAVOUR = re.compile(
    r"[A-Za-z0-9]{1,4}码|[单每][枚个只件颗粒根支][\u4e00-\u9fff\w.%]*"
    r"|(?:甜|咸|辣|酸|原|麻辣|香辣|五香|微辣|中辣|特辣|孜然|烧烤|番茄|甜辣|酸辣)味"
)
# a build (螺杆式) or a purpose (通道用, 防暑用) is a spec
_NOT_A_NAME = re.compile(
    rf"{COLOURS.pattern}$|带[\u4e00-\u9fff]{{2,}}|[\u4e00-\u9fff]{{1,4}}式$|{PURPOSE.pattern}$"
    rf"|{LEFT_OUT.pattern}"
    r"|[\u4e00-\u9fff]+\d{2,}$"  # 宜香优2115, 中早39: a variety or model code
    r"|.*\d%|.*\d.*以[内上下]"  # 水分14.5%以内: a measured limit
    rf"|(?:{SIZE_OR_FLAVOUR.pattern})$"
    r"|[\u4e00-\u9fff]*[量数]$"  # 日均配送量 35吨, 需求数: how much, not what
    r"|每[日天周月年班趟]$"  # 每日6车: how often, not what
)


def describes(tok: str) -> bool:
    """A word that only describes goods: colours (红黄), a part left out (不带盖), a purpose (机用), a size or a
    flavour (XL码, 甜味)."""
    return bool(
        COLOURS.fullmatch(tok) or LEFT_OUT.fullmatch(tok) or PURPOSE.fullmatch(tok) or SIZE_OR_FLAVOUR.fullmatch(tok)
    )


def is_name_word(w: str) -> bool:
    """Could name a product: not a size, not a form of address, not a piece of a sentence."""
    if (
        w[0].isdigit()
        or not ("\u4e00" <= w[0] <= "\u9fff" or (w[0].isascii() and w[0].isalpha()))
        or ADDRESS.match(w)
        or _SENTENCE.search(w)
        or _NOT_A_NAME.match(w)
    ):
        return False
    return not (w[-1] == "装" and w[:-1] in lexicon().unit_set)  # 公斤装: a pack size


# who wants it: a name right before a buying verb, with other words after the verb (我们仓库要采购防爆灯 60套)
_WANTS = re.compile(r"\s*(?:要|需要|想|准备|打算)?\s*(?:采购|购买|求购|订购|买|采|收|要|需要)\s*(?=[\u4e00-\u9fffa-z])")


_PREMISES = frozenset({"仓库", "冷库", "库房", "厂房", "车间", "食堂", "门店", "药店", "超市", "工厂"})


def wants(key: str, name: tuple[int, int, str], q_start: int) -> bool:
    """The name is the place that wants the goods (仓库 in 我们仓库要采购防爆灯 60套): a premises word, a buying verb
    after it, and then a word of its own before the quantity at `q_start` (not 仓库 要 2000平: the goods)."""
    if name[2] not in _PREMISES:
        return False
    m = _WANTS.match(key, name[1], q_start)
    return m is not None and bool(key[m.end() : q_start].strip())


# a buying verb (not 要求, 收到, 找到, 买了): the goods come after it
_BUY_VERB = re.compile(
    r"采购|购买|求购|订购|收购|急需|需要|要(?![求是的])|收(?![到获益入据藏集了])|买(?![了过])|找(?![到了])"
)


def named_after_verb(
    key: str, names: list[tuple[int, int, str]], name: tuple[int, int, str], q_start: int
) -> tuple[int, int, str] | None:
    """The goods named after a buying verb that follows `name` before the quantity (标签的事搞定了 另外下周要 黄豆
    东北大豆 10吨: 黄豆, not 标签), else None."""
    if not key[name[1] : q_start].strip():
        return None  # only blanks between the name and the quantity: no verb
    ends = [m.end() for m in _BUY_VERB.finditer(key, name[1], q_start)]
    if not ends:
        return None
    return next((n for n in names if ends[-1] <= n[0] and n[1] <= q_start), None)


_LINE_WORD = re.compile(r"[ \t]*([\u4e00-\u9fff][^\s,，;；:：]*)")
# 合计：5吨, 以上共3吨: a total or a remark, no new goods
_TOTAL = re.compile(r"^(?:合计|总计|共计|小计|总共|一共|总量|共|另|再|还|以上|上述|其中|每)")


def list_line_name(key: str, line_start: int, lo: int, previous_at: int) -> tuple[str, int, int] | None:
    """The first word (and its span) of the line that holds the quantity, when the item before is on an earlier
    line and the word can name goods: "② 不锈钢圆棒 304 Φ30 500公斤" is a new item even though its words read like
    a spec (list markers are blanked by then; 选货 1吨 or S136 5吨 on the next line still count the goods before)."""
    if lo != line_start or previous_at >= line_start:
        return None
    m = _LINE_WORD.match(key, line_start)
    if m is None:
        return None
    word = m.group(1)
    if len(word) < 2 or _TOTAL.match(word) or not is_name_word(word) or word in lexicon().specs:
        return None
    return word, m.start(1), m.end(1)
