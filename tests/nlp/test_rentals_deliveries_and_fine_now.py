"""Session 31: a store's space for rent, a delivery to be signed for, a market sheet ending 要货的私聊 and news of
freight prices are chatter; a buyer who won a contract (承接了) still posts a list; "再请教农业局…咋个办嘛？" asks now;
a price per 块多 is no amount; an official's notice saying 请勿 is still a notice; 三方 is no amount; "要新增两台…"
plans, it buys nothing; hauling goods in (一车药苗要拉进来) is no chat housekeeping; "…，好了，谢谢X" confirms, a
helper found (编制单位找好了) or a first draft (初步方案…下周一开始试运行) does not; "清单上的都搞定了" meets a need."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer
from nlp.threads import asks_progress, asks_recheck

NOW = datetime(2032, 4, 10, 10, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("库位出租：-18℃冷冻库还剩200吨库位，0-4℃保鲜库100吨，端午前订的有优惠，找郭工 0838-2287765", ENT, "chatter"),
        (
            "我们承接了区里12所学校的营养餐，4月份要补一批货：\n菜籽油（压榨一级）5L装 400桶\n挂面 1kg装 600包\n"
            "豆瓣酱 500g装 300袋\n4月12日前送到配送中心，有意的私聊报价",
            ENT,
            "procurement",
        ),
        (
            "今日荷花池行情（仅供参考）：\n川芎 统货 17.5-18元/公斤\n白芷 选货 9块左右\n麦冬 中粒 52-55\n要货的私聊",
            ENT,
            "chatter",
        ),
        ("@顺捷冷链-汪总 缠绕膜200卷今天送到3号冷库了，麻烦签收一下", ENT, "chatter"),
        (
            "再请教农业局，我们合作社流转了村上83亩地种党参，有两户说租金低了要把地收回去，苗子都栽下去了，这个咋个办嘛？",
            ENT,
            "request",
        ),
        ("今年白芷价格跌到十块多了，种一亩都要亏，商务局能不能牵头跟药厂签个保底收购价嘛？", ENT, "request"),
        (
            "【森林防火】春季森林防火期已到，3月1日至5月31日林区一律禁止烧荒，进山请勿带火种，违者依法处罚。",
            OFF,
            "policy",
        ),
        ("@岐黄堂饮片-赵经理 租的仓库也可以做，但要跟仓库方签三方监管协议，农商行会派人来盘库。", OFF, "answer"),
        ("@行政审批局-小杨 小杨 我们要新增两台危化品运输车，危货道路运输许可要变更车辆，能网上办吗？", ENT, "request"),
        ("@交通局-陈科 陈科，村道昨晚下大雨塌了一边，货车不敢过，明天还有一车药苗要拉进来，咋个办嘛", ENT, "request"),
        ("这个好，我们正准备新建个5000吨的冷库，赶上了", ENT, "chatter"),
        ("川康的15吨白芷昨天送完了，款也结了，仓库终于清空了，感谢王科长牵线[抱拳]", ENT, "chatter"),
        ("分享下最近冷链运价：成都—重庆 -18℃ 9.6米 一车3200-3500", ENT, "chatter"),
    ],
)
def test_label(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "role", "resolution"),
    [
        ("好了，谢谢邓主任[抱拳]", ENT, True),
        ("刚才十一点半车从北门进来了，好了，谢谢邓主任[抱拳]", ENT, True),
        ("昨晚东门开到十二点，员工都正常走了，好了谢谢何主任", ENT, True),
        ("太好了，谢谢陈科", ENT, False),  # glad of a promise
        ("好了，谢谢王科，明天我们就去办", ENT, False),  # "好了" as OK: their step is still to come
        ("@生态环境局-韦工 韦工，环评报告表的编制单位找好了，下周给您预审", ENT, False),  # a helper found
        ("@味之源-龙工 公交公司初步方案出来了：定制班车22:15从园区北门发车，下周一开始试运行一个月", OFF, False),
    ],
)
def test_fine_now(an: Analyzer, text: str, role: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=role).resolution is resolution


@pytest.mark.parametrize(
    "text",
    [
        "托盘和缠绕膜已经送过来了，叉车也在厂家订好了，清单上的都搞定了，谢谢大家",
        "饮片已经跟锦康签好了，下周一送货，谢谢李经理，我们这个清单够了👍",
        "鸡蛋也找到了，下周学校的货全部落实，谢谢各位老板[抱拳]",
    ],
)
def test_the_list_settled(an: Analyzer, text: str) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.need_met and not a.resolution


def test_asks_after_and_rechecks() -> None:
    assert asks_progress("稳岗返还的钱重新拨了么？") and asks_progress("大概多久能弄好？")
    assert asks_progress("马哥，门禁今晚能用了吗？")
    assert not asks_progress("门禁晚上11点就关了，能不能开个夜间通道？")
    assert asks_recheck("整改完了：防火墙开口封堵了，报警器也调试好了。麻烦安排复查")
    assert not asks_recheck("检查说要整改，具体按什么标准弄？")
