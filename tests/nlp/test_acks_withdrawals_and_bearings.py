"""Session 32: a peer asked for by 兄弟伙, a receipt acknowledged after a title (许科，书面意见收到了), a joke about
hair, an office's delivery schedule (设备3月7号到货), a rental or agency ad, coping (应该撑得住) and a member asked
by company and title (问下安鲜达黄总) are no requests or lists, nor an office's "好的，需要的时候再联系" an answer;
"看别人…我们也想学" is an ask of the sender's own; a dispute "调解了两次都不得行" still asks; a withdrawal that is its
own reason (暂时不做了) or says the need is had (都考过证) confirms; 全要了 is done, not a plan; a bearing model
(6204-2RS), a product named in the header above lines of specs, 牛肉干 glued to its weight and flavours (麻辣, 烟熏)
read as the buyer means them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nlp import Analyzer, extraction
from nlp.threads import OpenRequest, asks_progress, is_follow_up

NOW = datetime(2033, 3, 1, 10, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("有没有跑新疆专线的兄弟伙？年前有一批货要去乌鲁木齐，想拼个车", ENT, "chatter"),
        ("@应急管理局-许东 许科，书面意见收到了，写得很清楚，施工方说年前能改完", ENT, "chatter"),
        ("@商务局-黄振宇 黄科长，看别人直播卖农产品卖得好，我们也想学直播卖白芷，商务局有没有培训嘛", ENT, "request"),
        ("能不能让税务局给我们退点头发回来，报个税掉一大把[捂脸][捂脸]", ENT, "chatter"),
        (
            "@川康药业-李总 李总，供电方案批下来了：更换400千伏安箱变一台，设备3月7号到货，8号安装，9号送电。",
            OFF,
            "answer",
        ),
        (
            "@锦程数控-刘工 刘工，把两台行车的使用登记证编号发我，我跟特检院说一下，争取下周安排。"
            "检验之前行车原则上要停用，确实急需吊装的一定做好安全措施",
            OFF,
            "answer",
        ),
        (
            "@农业农村局-吴老师 吴老师，我们基地流转的200亩地，有3户农户说不想租了，要收回去自己种，但是合同签了5年，"
            "我们苗子都买好了，这个咋个办？村上调解了两次都不得行",
            ENT,
            "request",
        ),
        ("请问哪位老板有川牛夕 统货 1吨？客户催得急，这两天要发，价格可以高点", ENT, "procurement"),
        ("唐社长 有机肥我们也代理，40公斤一包，送到村里，私聊你了", ENT, "chatter"),
        ("求购有机肥 40公斤一包 500包，月底前送到", ENT, "procurement"),
        ("五一大促叉车临时租赁，3吨电动叉车/堆高车都有，日租周租都行，可带司机，节日期间不加价！", ENT, "chatter"),
        ("停水了，冷库这边提前蓄了两吨水，应该撑得住", ENT, "chatter"),
        ("好的，需要的时候再联系", OFF, "chatter"),  # an office's reply to an ask dropped for now
        ("问下安鲜达黄总，你们冷库现在租金好多一个方？我们二期快好了想定个价", ENT, "chatter"),
        (
            "@锦程数控-刘工 刘工，我们要加工一批电机座，铸铁HT200 精镗，150件，你那五轴有没有空档？下周三前要",
            ENT,
            "procurement",
        ),
        (
            "「人社局-周科：请于1月18日前将《工资支付情况自查表》……」\n- - - - - - - - - - - - - - -\n"
            "@人社局-周科 周科，这个表是每个工人都要单独列出来吗？临时工有两百多个，天天在变，填总数行不行哦",
            ENT,
            "request",
        ),
        (
            "说到工资，我们也是苦啊：一家连锁超市拖了我们六十多万货款，催了三个月都不给，年底工人工资都是老板找亲戚借钱发的。"
            "这种情况到底哪个部门能管？",
            ENT,
            "request",
        ),
    ],
)
def test_label(an: Analyzer, text: str, role: str, label: str) -> None:
    mentions = [text[1:].split(" ", 1)[0]] if text.startswith("@") else []
    assert an.analyze(text, now=NOW, role=role, mentions=mentions).label == label


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("黄科长，昨天对接会上天心收了我8吨，剩下的百草堂全要了，仓库清空了！好了，谢谢商务局", True),
        ("冯科，工行今天正式回复了，授信不收了，按原额度续，真的太感谢金融办了🙏🙏", True),
        ("冯股长，危货那块业务老板决定暂时不做了，许可先不办了，麻烦你了哈", True),
        ("曾科，安全员培训的事不用麻烦了，新招的两个人在上家公司都考过证，证还在有效期内", True),
        ("跟大家说一声，培训的事不用麻烦人社局了，设备厂家答应年后免费派工程师来给我们培训", True),
        ("路灯厂家说明天要来修，好了，谢谢王科", False),  # 要 still to come: a promise
    ],
)
def test_done_and_dropped(an: Analyzer, text: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolution


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("托盘和缠绕膜都已经定好了，托盘找的潘总推荐的厂家，谢谢大家 [强]", True),
        ("@恒通包装-方勇 方总，5000个出口纸箱收到了，数量质量都没问题，够了[强]", True),
        ("货架找到厂家了，叉车还在看，年后再说", False),
        ("托盘找到了，缠绕膜还没定", False),
    ],
)
def test_need_met(an: Analyzer, text: str, met: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).need_met is met


def test_how_the_request_stands_follows_it_up(an: Analyzer) -> None:
    asked = OpenRequest(NOW - timedelta(days=2), "人社局", frozenset({"稳岗", "返还"}))
    assert asks_progress("周科，复核过了没？还没看到钱") and asks_progress("材料周一交了，麻烦帮催下")
    mention = ["人社局-周科"]
    again = an.analyze(
        "@人社局-周科 周科，稳岗返还复核过了没？", now=NOW, role=ENT, mentions=mention, open_request=asked
    )
    assert again.label == "chatter" and again.nudge
    other = an.analyze(
        "@人社局-周科 周科，我们想给新招的学徒申请技能培训补贴，怎么弄？进度能快点吗",
        now=NOW,
        role=ENT,
        mentions=mention,
        open_request=asked,
    )
    assert other.label == "request"  # another matter, however it hurries
    power = OpenRequest(NOW - timedelta(days=2), "供电公司", frozenset())
    # a new cut asked about: "啥时候来电？" is no question of how the last request stands
    assert not is_follow_up(power, NOW, "供电公司", {"problem"}, "南区这会儿突然停电了，冷库升了两度了，啥时候来电？")


def test_a_bracketed_tag_opens_a_notice(an: Analyzer) -> None:
    notice = "【人社局】今天上午9:30园区东门零工驿站现场招聘，蜀香食品等5家企业参加，有意向的朋友可以转发给亲戚邻居"
    a = an.analyze(notice, now=NOW, role=OFF)
    assert a.label == "policy" and any(h.rule == "ans.tag_head" for h in a.hits)


def _items(text: str) -> list[tuple[str, float, str]]:
    return [(i.name, float(i.quantity or 0), i.unit or "") for i in extraction.items(text)]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "@德力轴承-销售小谭 谭经理，给我们发\n6204-2RS  2000套\n6205ZZ  1500套\n还是上次的价格，周五前到厂",
            [("轴承", 2000, "套"), ("轴承", 1500, "套")],
        ),
        (
            "我们要一批司服电机，有做代理的吗？\n1.5kW 220V 带刹车  20台\n750W  30台\n下周五前到",
            [("伺服电机", 20, "台"), ("伺服电机", 30, "台")],
        ),
        (
            "采购铝型才：\n欧标4040重型 6米/支  120支\n欧标3030 6米/支  80支",
            [("铝型材", 120, "支"), ("铝型材", 80, "支")],
        ),
        (
            "直播间下周备货：麻辣牛肉干250g 5000袋，米花糖礼盒1500盒",
            [("牛肉干", 5000, "袋"), ("米花糖礼盒", 1500, "盒")],
        ),
        ("烟熏腊肉 五花 约500g/块  800块\n五香粉 10公斤", [("腊肉", 800, "块"), ("五香粉", 10, "公斤")]),
        ("请问哪位老板有川牛夕 统货 1吨？", [("川牛膝", 1, "吨")]),
        ("我们要加工一批电机座，铸铁HT200 精镗，150件", [("电机座", 150, "件")]),
        ("带鱼 500斤", [("带鱼", 500, "斤")]),
    ],
)
def test_items(text: str, items: list[tuple[str, float, str]]) -> None:
    assert _items(text) == items
