"""Session 34, third round: Cantonese troubles (壞咗, 入唔到) and peer questions (有冇邊位老闆知…); an office's
online system (电子税务局) names it but speaks to no one; a requester
telling how far their matter got (验收做完了…等意见书) asks nothing; a harvest coming (秋粮马上要收) buys nothing; a
seller offering a buyer goods (我这能出5吨) or storage by the pallet posts no list, a buyer heading a list
"收菜籽：" does; a deal settled (已確定由…供貨，合約昨日簽訂) closes the asking; "前天我说的限行的事" points back;
"区里能不能出台…" asks the government at large; "这个事总算结了" and "我们这边够了" close matters; an official
named 范志强 is 范工."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer
from nlp.officials import address_forms

NOW = datetime(2038, 10, 2, 10, 0)
ENT = "enterprise"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("北門門禁壞咗，刷卡冇反應，我哋嘅貨車喺門口等咗成個鐘，入唔到啊！今日要出貨㗎", "request"),
        ("有冇邊位老闆知邊度有得租冷庫？短期兩個月就得", "chatter"),
        ("消防验收做完了，钱工说现场没问题，等意见书", "chatter"),
        ("@罗工 罗工，你那个单子川芎我这能出5吨，统个，样品明天给你寄过来", "chatter"),
        ("@阿彬 我们有阴凉库，15-20度，按托收费，一托一个月80，你加我微信 18782013344", "chatter"),
        ("收菜籽：今年新菜籽，含油率40%以上，500吨，5月中旬开始收，价格随行就市", "procurement"),
        ("經評估，本次川芎飲片2噸、丹參統貨1.5噸已確定由天府本草供貨，合約昨日簽訂，感謝各位。", "chatter"),
        ("交通局领导看下前天我说的限行的事嘛，今早又被拍了三台车😭", "chatter"),
    ],
)
def test_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


def test_cantonese_reads_as_mandarin(an: Analyzer) -> None:
    from nlp.normalize import normalize

    assert normalize("我哋都冇網，門禁壞咗").text == "我们都没网,门禁坏了"
    assert "谢谢" in normalize("車入咗先，唔該").text
    a = an.analyze("我哋都冇網😤", now=NOW, role=ENT)
    assert a.label == "chatter" and a.me_too


def test_a_deal_told_with_what_another_bought_is_no_list(an: Analyzer) -> None:
    text = "@商务局-冯科长 冯科长，对接会上签了两家加工厂，加上彭姐收的3吨，辣椒基本都卖出去了，不用愁了，谢谢商务局！"
    a = an.analyze(text, now=NOW, role=ENT, mentions=["商务局-冯科长"])
    assert a.label == "chatter" and a.resolution


def test_a_harvest_coming_buys_nothing(an: Analyzer) -> None:
    text = "@供电公司-蒋经理 蒋经理，我们米厂新上了一套烘干设备，增容申请交了半个月没人联系，秋粮马上要收了"
    a = an.analyze(text, now=NOW, role=ENT, mentions=["供电公司-蒋经理"])
    assert a.label == "request" and a.department == "供电公司"


def test_a_plea_to_the_district_has_no_one_owner(an: Analyzer) -> None:
    text = "现在物流企业太难了，油价、过路费、司机工资都在涨。能不能请区里出台一个物流企业的综合扶持政策？"
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == "request" and a.department is None
    housing = an.analyze("听说区里有保障性租赁住房，企业能不能整体申请一批？", now=NOW, role=ENT)
    assert housing.department == "住建局"


@pytest.mark.parametrize(
    ("text", "resolution", "met"),
    [
        ("太好了！！这个事总算结了，谢谢郑科[强][强]", True, False),
        ("托盘、缠绕膜、打包带都有老板供上了，我们这边够了，谢谢各位👍", False, True),
        ("这事结了吗", False, False),
    ],
)
def test_closing(an: Analyzer, text: str, resolution: bool, met: bool) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert (a.resolution, a.need_met) == (resolution, met)


def test_an_official_named_in_full_is_called_by_surname_and_title() -> None:
    assert {"范工", "范科", "范老师"} <= set(address_forms("范志强"))


def test_an_online_system_is_named_but_not_spoken_to(an: Analyzer) -> None:
    text = "提醒下各位，电子税务局申报现在要用新版客户端，旧版本报不上去"
    hits = {h.rule for h in an.analyze(text, now=NOW, role=ENT).hits}
    assert "req.addressed" not in hits
    assert "req.addressed" in {h.rule for h in an.analyze("税务局，我们的申报报不上去", now=NOW, role=ENT).hits}


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("@住建局-钱工 钱工早，消防验收今天能来吗？客户下周一就来验厂了", True),
        ("冯科，技改补贴12月上旬能到吧？我们月底要发工资了", True),
        ("行车检验那个方工还没回信儿，节后得再问问", True),
        ("技改补贴那个，付科帮忙看一下嘛", True),
        ("厂门口的路灯坏了，麻烦园区帮忙看看", False),
        ("今天能来的都来了", False),
    ],
)
def test_asking_after_an_outcome(text: str, asks: bool) -> None:
    from nlp.threads import asks_progress

    assert asks_progress(text) is asks
