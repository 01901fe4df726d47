"""The resolution flag as broad classes (LABELS.md): completion reports, thanks for a fix, withdrawals.

Phrasings are our own; near-misses (promises, schedules, progress, partial fixes, questions) stay false.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer
from nlp.resolution import default_cues

NOW = datetime(2026, 6, 10, 9, 0)
Q = "\n- - - - - - - - - - - - - - -\n"

COMPLETION_REPORTS = [
    "厂区东边那段路面坑洼已经填平了",
    "停车场的积水问题处理好了",
    "贵公司的食品经营许可证已办理完毕，请来取",
    "变压器已抢修完毕，恢复供电",
    "宿舍楼的网线都接好了，可以上网了",
    "厂门口的垃圾已清运",
    "园区到镇上的班车今天开通了",
    "稳岗补贴已发放到各企业账户",
    "你们反映的路灯问题，已安排人员修复，现已正常亮灯",
    "困扰我们半年的断网问题终于解决了",
    "故障已排除",
    "已为您办理，请查收",
    "设备已调试好",
    "问题已消除",
    "已更正，请核对",
]
THANKS_FOR_A_FIX = [
    "专项贷款今天放款了，非常感谢金融办",
    "补贴款昨天打到账上了，谢谢",
    "那个排污许可的事办下来了，多谢帮忙",
    "消防验收通过了，感谢住建局",
    "检测报告出来了，全部合格，谢谢市监局",
    "水压恢复了，感谢",
    "补贴收到，感谢",
    "换了新的变压器以后现在没问题了，谢谢供电所",
    "人已经招满了，谢谢人社局",
    "厂里已经用上天然气了",
    "收到退税款了，感谢税务局",
    "班车今天开始跑了，谢谢交通局",
    "审批局帮我们加急办出来了，太感谢了",
    "路灯亮了，谢谢管委会，另外食堂的排烟能不能也看一下？",
    f"「人社局-周科：补贴已于今日拨付到账」{Q}收到了，谢谢周科",
    f"「园区管委会-赵主任：宿舍的空调都换好了」{Q}太感谢了，效率真高[强]",
    f"「交通局-陈科：8路车站点已经恢复」{Q}👍👍",
]
WITHDRAWALS = [
    "培训的事不用麻烦了，我们已经联系上职校了",
    "不需要了哈，设备我们自己买到了",
    "招工的事不用帮忙了，人已经招到了",
]
NEAR_MISSES = [
    "好的，明天安排人去修",
    "已经联系施工队了，下周进场",
    "太好了，谢谢王科",
    "正在抢修，预计下午恢复",
    "路灯修好了吗？",
    "问题解决了吗",
    "报告出来了没有",
    "还没修好，晚上还是黑的",
    "修了一半，还有两盏不亮",
    "先临时接了根线，明天彻底修",
    "已经转给供电所了，请他们跟进",
    "我们会尽快处理",
    "已受理，三个工作日内答复",
    "已经提交材料了，等审核",
    "计划下个月开通园区到县城的班车",
    "请各企业于6月底前完成申报",
    "已经安排好了，明天上午去修",
    "网络还是不行，又断了",
    "修好了就告诉你",
    "换了以后应该没问题了吧",
    "系统升级完成后可正常使用",
    "明天开始发车",
    "今年的消防宣传月活动已圆满完成，感谢各企业配合",
    "货车已经装好了，下午出发",
    "已派人去现场查看",
    "材料已收到，正在审核",
    "已转交交通局处理",
    "收到补贴申请材料了",
    "7号楼的事已经和施工方谈好了，下周一进场",
    "不用了",
    "上周那批货已经发走了，款也收到了",
    "系统已开通，欢迎各企业使用",
    "2027年稳岗返还政策已出台，按上年失业保险费的50%返还",  # 返还 as a noun before 已
    "我们厂的许可证去年就办好了，今年要延续怎么弄？",
    f"「交通局-陈科：下周一起8路车延后」{Q}太好了，谢谢陈科",
    f"「园区管委会-赵主任：明天派人来修」{Q}好的，谢谢",
]


@pytest.fixture(scope="module")
def an() -> Analyzer:
    return Analyzer.default()


@pytest.mark.parametrize("text", COMPLETION_REPORTS)
@pytest.mark.parametrize("role", ["official", "enterprise"])
def test_completion_reports_from_any_role(an: Analyzer, text: str, role: str) -> None:
    assert an.analyze(text, now=NOW, role=role).resolution


@pytest.mark.parametrize("text", THANKS_FOR_A_FIX + WITHDRAWALS)
def test_requester_thanks_and_withdrawals(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").resolution


@pytest.mark.parametrize("text", NEAR_MISSES)
@pytest.mark.parametrize("role", ["official", "enterprise"])
def test_near_misses_stay_false(an: Analyzer, text: str, role: str) -> None:
    assert not an.analyze(text, now=NOW, role=role).resolution


def test_cues_name_the_clause() -> None:
    cues = default_cues().cues("路灯已经修好了，有问题再联系")
    assert cues["res_done"] == "路灯已经修好了"
    assert "res_withdraw" in default_cues().cues("不用安排了，我们自己找到老师了")
    assert "res_partial" in default_cues().cues("修好了一部分，还有两盏没亮")
