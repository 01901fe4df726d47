"""Session 29: stock offered with its amount (还有五吨左右要出, 有两吨可以转让), a price change or a short weight
(又掉了5块, 称少了三斤) that is no amount wanted, cheering a member on (黄总挺住), asks about attending (要带身份证
不, 线上能听不, 链接点进去是空白), a nudge to keep a matter in mind, a gathering moved (地点变更), longer hours in
place (开到8点了), a matter said to be solved in so many words, a list's inquiry ended, a group's 群管 and words
that name no matter (车间)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.resolution import default_cues
from nlp.roles import runs_group
from nlp.threads import matter_words

NOW = datetime(2026, 10, 8, 10, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        (
            "合作社麦冬今年收成好 还有五吨左右要出，三级二级都有，价格好商量 需要的朋友私聊[玫瑰]",
            "enterprise",
            "chatter",
        ),
        ("有没有需要二荆条的 我们今年收多了 有两吨可以转让 价格好说", "enterprise", "chatter"),
        ("今天黄连收购价又掉了5块😭 种的人越来越多 今年怕是保本都难", "enterprise", "chatter"),
        ("镇上收菜的那杆秤肯定有问题 一筐辣椒称少了三斤多 好几户都吃了亏 有没有人管管嘛", "enterprise", "request"),
        ("抽贷太坑了，黄总挺住", "enterprise", "chatter"),
        ("何科，这个培训要带身份证复印件不？", "enterprise", "chatter"),
        ("付科 线上能听不？我们那天在外地验收设备", "enterprise", "chatter"),
        ("链接点进去是空白的？是不是要用电脑开", "enterprise", "chatter"),
        ("请问报名要填啥子表不嘛，还是直接说一声就行", "enterprise", "chatter"),
        ("吴主任，冷链园C区门口那段路的事还麻烦您记着哈🙏", "enterprise", "chatter"),
        (
            "【地点变更】1月8日附子良种繁育基地现场踏勘，集合地点由镇农服中心改为青山村村委会，时间不变，上午9点。",
            "official",
            "meeting",
        ),
        # still amounts wanted: a buyer's list and an ask of the need (求购 … 需要两吨)
        ("求购白芷 需要两吨，统货", "enterprise", "procurement"),
        ("有没有需要的？我们厂要收白芷两吨", "enterprise", "procurement"),
    ],
)
def test_label(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    "text",
    [
        "食堂晚饭这两天都开到8点了，夜班兄弟终于有口热饭吃，谢谢园区！",
        "@经信局-林科 技改申报材料昨晚提交了，发票那个问题按你说的处理，系统已经审核通过，这个问题解决了，谢谢林科！",
        "对了，上次抽贷的事，郑科帮忙协调后银行同意续贷一年，节前已经签了，这个事解决了，在这里再谢一下@金融办郑科 🙏",
    ],
)
def test_the_requester_confirms(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").resolution


@pytest.mark.parametrize("text", ["能不能开到8点", "下周开始开到8点了吗", "隔壁厂说他们的问题解决了？"])
def test_no_confirmation(text: str) -> None:
    assert default_cues().completion(text) is None


def test_an_inquiry_ended_meets_the_buyers_need(an: Analyzer) -> None:
    assert an.analyze("螺丝也买到了，这个询价可以结束了，谢谢各位老板", now=NOW, role="enterprise").need_met
    assert not an.analyze("询价什么时候结束？", now=NOW, role="enterprise").need_met


@pytest.mark.parametrize(("nickname", "runs"), [("集群群管-小林", True), ("群管-小林", True), ("华为科技-小林", False)])
def test_a_groups_admin_by_nickname(nickname: str, runs: bool) -> None:
    assert runs_group(nickname) is runs


def test_where_people_work_names_no_matter() -> None:
    assert matter_words(["车间", "老板", "年检"]) == {"年检"}


@pytest.mark.parametrize(
    ("text", "role", "names"),
    [
        (
            "「【采购】成都某饮片厂：\n金银化 河南封丘 一等 1吨\n连翘 青翘 统货 2吨\n6月底交货」\n"
            "- - - - - - - - - - - - - - -\n转自药材交流群，有货的可以找我对接",
            "enterprise",
            ["金银花", "连翘"],
        ),
        (
            "「收货：\n① 艾叶 蕲艾 3年陈 5吨\n② 石菖蒲 1吨\n七月十五前交货」\n- - - - - - - - - - - - - - -\n"
            "哪位有艾叶的，这个客户很靠谱",
            "enterprise",
            ["艾叶", "石菖蒲"],
        ),
        (
            "「某省外药企采购：鱼腥草 干品 10吨，蒲公英 全草 5吨，11月底前交货，电话020-8123 4567」\n"
            "- - - - - - - - - - - - - - -\n各合作社注意，有货的直接联系对方，我们不收任何费用",
            "official",
            ["鱼腥草", "蒲公英"],
        ),
    ],
)
def test_a_buyers_list_passed_on_in_a_quote_is_a_list_read_from_the_quote(
    an: Analyzer, text: str, role: str, names: list[str]
) -> None:
    a = an.analyze(text, now=NOW, role=role)
    assert a.label == "procurement"
    assert [i.name for i in a.items] == names


def test_a_seller_answering_a_quoted_list_is_no_list(an: Analyzer) -> None:
    text = "「老马：收 川芎 选货 10吨，有货速联」\n- - - - - - - - - - - - - - -\n我这有货，川芎选货现货5吨，直接联系我"
    assert an.analyze(text, now=NOW, role="enterprise").label != "procurement"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("何科和经信局的同志今天来厂里看了冷库，给了改造方案建议，谢谢领导们", "chatter"),  # a visit reported
        ("供电李经理昨天来现场看了，说要增容，方案下周出", "chatter"),
        # a visit that solved nothing, or a question after it, is still an ask
        ("园区B区仓库后面那条排水沟堵了好久了，一下雨就往库房里倒灌，物业来看了一次就没下文了", "request"),
        ("苏科，上次你们来看了说要上盐水回收罐，环保这块有没有补贴？", "request"),
    ],
)
def test_a_visit_reported(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == label


def test_an_official_greeting_one_person_arranges_a_visit_not_a_meeting(an: Analyzer) -> None:
    text = "卢工好，下周二（13号）上午我们和辅导机构一起过来，麻烦你们财务也在场"
    assert an.analyze(text, now=NOW, role="official").label == "answer"
