"""Session 34, second round: a village road (机耕道, 通组公路, 村到镇上那段路) is the transport office's; "归哪个部门管"
asks for an office; whether an office's public document is out (申报通知出了没) is a first ask when the sender has none
to nudge; rentals wanted (租赁需求, 求租, 再租车：) and "再采：" head buyers' lists, prices posted for reference
(供参考, 市场行情) and "要货的趁早" do not; a title alone (曾科, 唐站长) is an official's; nicknames with the form
the group uses (唐建国 唐站长) give both names; "画了没得" and "测算了没有" ask after work; "凑齐了" closes a list,
"凑齐了吗？" does not; a certificate taken somewhere (拿合格证到镇上申请) is no fix; stock gone at last (压的货总算走了)
confirms."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nlp import Analyzer
from nlp.officials import Officials, address_forms, official_title
from nlp.threads import OpenRequest

NOW = datetime(2038, 3, 16, 10, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("我们村到镇上那条机耕道烂完了，一下雨全是稀泥巴，收药材的车进不来，能不能帮忙修一下", "交通运输局"),
        ("我们组那条通组公路垮了一截，拉种参的三轮都过不去，找哪个修？", "交通运输局"),
        ("我们村到镇上那段路垮了，黄精收起来拉不出去，这个归哪个部门管嘛？", "交通运输局"),
    ],
)
def test_village_roads(an: Analyzer, text: str, department: str) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == "request"
    assert a.department == department


def test_asking_whether_a_notice_is_out_is_a_first_ask(an: Analyzer) -> None:
    text = "@科技局-彭科 彭科，今年区级科技计划的申报指南出来了没有？企业自筹比例有没有要求？"
    first = an.analyze(text, now=NOW, role=ENT, mentions=["科技局-彭科"], open_request=lambda _d: None)
    assert first.label == "request" and first.department == "科技局"
    mine = OpenRequest(NOW - timedelta(days=2), "科技局", frozenset({"科技计划"}), "科技计划项目怎么申报？")
    again = an.analyze(text, now=NOW, role=ENT, mentions=["科技局-彭科"], open_request=lambda _d: mine)
    assert again.label == "chatter" and again.nudge


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "双十一要加车，租赁需求：\n4.2米冷藏车 8台（带司机）\n9.6米厢车 3台\n日租价格可谈，有车的老板联系调度",
            "procurement",
        ),
        ("再租车：12.5米冷藏半挂 2台，跑成都—昆明线，下月起长期合作", "procurement"),
        ("再采：交联聚乙烯绝缘料 15吨，阻燃包带 3000卷，月底前到", "procurement"),
        ("今日三七市场行情（参考）：\n春七 40头 330元/公斤\n剪口 178元/公斤\n要货的老板可以瞧瞧", "chatter"),
        ("本周药市参考价：白芨统货 92，天麻一等 150，黄精(鲜) 9块，供参考，不构成收购报价哈", "chatter"),
        ("@供电公司-周经理 周经理，申请表刚传过去了哈，麻烦查收", "chatter"),
        ("招聘会后陆续招到10个人了，数控工还差两个，有熟人的帮忙推荐哈", "chatter"),
        ("有没有人搞过ISO 9001认证，找哪家机构靠谱？", "chatter"),
        ("那段路确实烂，大家走那边的绕一下走高速嘛，多跑几公里安逸些", "chatter"),
    ],
)
def test_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


def test_a_title_alone_names_an_official(an: Analyzer) -> None:
    assert official_title("曾科") and official_title("唐站长") and official_title("王局")
    assert not official_title("张总") and not official_title("小刘") and not official_title("罗老汉")
    text = "@曾科 曾科你好，我们上个月被抽检的那批饮片说二氧化硫超标，想申请复检，流程咋个走？时间还来不来得及？"
    a = an.analyze(text, now=NOW, role=ENT, mentions=["曾科"])
    assert a.label == "request" and a.department == "市场监管局" and not a.nudge


def test_a_nickname_with_the_groups_form_gives_both(an: Analyzer) -> None:
    assert {"唐建国", "唐站长"} <= set(address_forms("唐建国 唐站长"))
    officials = Officials()
    an.learn(officials, "区农业农村局农技站-唐建国 唐站长")
    assert officials.addressed("理赔款到了，谢谢唐站长帮忙催") == "农业农村局"


@pytest.mark.parametrize(
    "text", ["王主任，B区车位线画了没得哦？", "@陈科 陈科，末班车的事公交公司测算了没有？节后就要上晚班了"]
)
def test_asking_after_the_work(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).nudge


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("叉车凑齐了，赵师傅那台加上外面找的两台，3台都到了，谢谢兄弟们", True),
        ("托盘、缠绕膜、打包带都搞定了，今天到货，物料够了，谢谢大家推荐🙏", True),
        ("凑齐了吗？", False),
        ("罗叔的麦冬3吨到厂了，够了，谢谢罗叔", True),
        ("更新一下：托盘已经买齐了，缠绕膜和保温箱还要，有货的继续私我", False),
    ],
)
def test_lists_met(an: Analyzer, text: str, met: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).need_met is met


def test_taking_a_certificate_somewhere_is_no_fix(an: Analyzer) -> None:
    text = "@罗老汉 烘干机在补贴目录里，签合同买了以后，拿发票、合格证到镇农业服务中心申请。目录我发群文件了。"
    assert not an.analyze(text, now=NOW, role=OFF).resolution
    assert an.analyze("复检合格了，报告已出", now=NOW, role=OFF).resolution


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("@邓科 今天麦冬卖了8吨，仓库头压的货总算走了，谢谢商务局搭台子，好了！", True),
        ("检查组总算走了", False),
    ],
)
def test_confirmations(an: Analyzer, text: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolution
