"""Session 38: a member known only by a surname and an office title (黄站长) is an official and answers what was put to
them; a member called by a configured official's name (王科长) who is someone else does not route to that official's
department; asking the requester about their trouble (大刘你那五台车哪家的？…我们也在看) or telling of one's own past
fix (去年我们也是这样，后来换了变压器才好) joins nothing; "确实 …" agrees with whoever spoke and confirms none of one's
own requests; a buyer saying their bags are bought (袋子买到了 不用了) closes the list though they have a request; "昨天
问的临时用电不用了" withdraws, and a withdrawal right after an ask takes that ask back; an ask put to another office
(请问商务局，县里之前说的…补贴…) is a new request, not a nudge of one to 人社局."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, joined, raise_request

HUANG = {"sender": "wx_nj_huang", "name": "黄站长"}  # an official the nickname places in no department
WANG_OTHER = {"sender": "wx_spj_wang", "name": "王科长"}  # not config's 商务局 王科长 (wxid_swj_wang)
RSJ = {"sender": "wx_rsj_zhou2", "name": "人社局-周科"}
GRID = {"sender": "wx_gd_wu", "name": "供电所-吴师傅"}


async def test_an_official_known_by_title_answers_what_was_put_to_them(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("大家好，我是新来的", **HUANG)
    ask = "@黄站长 问哈 去年报的天麻种植补贴 到现在都还没到账，是不是哪里没报上哦？"
    no = await raise_request(harness, ask, LI, mentions=(HUANG["sender"],))
    await harness.feed(
        "@川康药业-李总 去年的天麻种植补贴分两批，第二批财政还在走流程，预计9月底前打到一卡通上。",
        **HUANG,
        mentions=(LI["sender"],),
    )
    assert ledger.get(no).status == "answered"


async def test_another_member_called_like_a_configured_official_routes_nowhere_by_name(
    harness: Harness, ledger: Ledger
) -> None:
    await harness.feed("收到", **WANG_OTHER)
    ask = "@王科长 王科长好，我们想增加危险货物道路运输的经营范围，危货运输许可要什么条件？"
    no = await raise_request(harness, ask, LI, mentions=(WANG_OTHER["sender"],))
    assert ledger.get(no).department != "商务局"


async def test_asking_the_requester_about_their_trouble_joins_nothing(harness: Harness) -> None:
    ask = "@交通局-陈科 陈科 我们新整了五台4.2米的电动厢货 城市配送备案咋整啊 到底上哪儿办"
    no = await raise_request(harness, ask, LI, mentions=("wxid_jtj_chen",))
    await harness.feed("李总你那五台车哪家的？续航咋样，我们也在看电动的", **ZHANG)
    assert ZHANG["sender"] not in joined(harness, no)


async def test_ones_own_past_fix_joins_nothing(harness: Harness) -> None:
    ask = "我们这个电压一到下午就低得很，烘干机根本带不起，电机都烧了一个了，能不能请供电公司来看一下"
    no = await raise_request(harness, ask, LI)
    await harness.feed("李总 你们那个是老线路，去年我们厂也是这样，后来换了台变压器才好", **ZHANG)
    assert ZHANG["sender"] not in joined(harness, no)


async def test_agreeing_with_a_confirmation_confirms_none_of_ones_own(harness: Harness, ledger: Ledger) -> None:
    gate = "@园区管委会-刘主任 刘主任，园区大门晚上九点就关了，我们货车晚上回来进不去，能不能延长一下"
    first = await raise_request(harness, gate, LI, mentions=("wxid_gwh_liu",))
    await harness.feed("我们也是，晚上九点以后车进不来", **ZHANG)
    tax = "@科技局-曹科 曹科，我们想明年申报高新技术企业，现在知识产权只有3个实用新型，还来得及吗？"
    own = await raise_request(harness, tax, ZHANG, mentions=("wx_kjj_cao",))
    await harness.feed("@禾田食品-张经理 来得及，区里下月有一期辅导班", sender="wx_kjj_cao", name="科技局-曹科")
    await harness.feed(
        "@园区管委会-刘主任 刘主任，大门从下周一起延到23:00", sender="wxid_gwh_liu", name="园区管委会-刘主任"
    )
    await harness.feed("大门延到11点了 司机们都说方便多了 谢谢刘主任", **LI, at=harness.clock.now() + timedelta(days=3))
    await harness.feed("确实 昨晚车回来顺利进门了", **ZHANG)
    assert ledger.get(first).status == "resolved"
    assert ledger.get(own).status == "answered"


async def test_bags_bought_close_the_buyers_list_though_they_have_a_request(harness: Harness) -> None:
    await raise_request(harness, "园区东门那个污水井盖往外冒水好几天了，麻烦园区管委会安排人看一下", LI)
    await harness.feed("收食品级PE自封袋20万个 15乘22的 有的私聊", **LI)
    sent = await harness.feed("袋子买到了 不用了", **LI)
    assert any("已标记为完成" in m.text for m in sent), sent


async def test_the_ask_made_yesterday_no_longer_needed_is_withdrawn(harness: Harness, ledger: Ledger) -> None:
    ask = "@供电所-吴师傅 吴师傅，我们要在仓库后面空地搭个临时分拣棚，用20天左右，临时用电要怎么申请？"
    no = await raise_request(harness, ask, LI, mentions=(GRID["sender"],))
    await harness.feed(
        "@供电所-吴师傅 吴师傅 昨天问的临时用电不用了，老板说今年不搭棚了，打扰了🙏",
        **LI,
        mentions=(GRID["sender"],),
        at=harness.clock.now() + timedelta(days=1),
    )
    assert ledger.get(no).status == "cancelled"


async def test_a_withdrawal_right_after_an_ask_takes_that_ask_back(harness: Harness, ledger: Ledger) -> None:
    road = "交通局的领导在没在群里哦，县道石桥到白岩村那段烂得不成样子了，坑一个接一个，麻烦管一下"
    older = await raise_request(harness, road, LI)
    card = "问下交通局 我那台车的道路运输证是不是这个月要年审了？在哪里审？"
    newer = await raise_request(harness, card, LI, at=harness.clock.now() + timedelta(days=1))
    await harness.feed(
        "哦 没事了 我翻了下证 是下个月底才到期 先不问了😅", **LI, at=harness.clock.now() + timedelta(minutes=35)
    )
    assert ledger.get(newer).status == "cancelled"
    assert ledger.get(older).status == "open"


async def test_an_ask_put_to_another_office_is_no_nudge_of_ones_request(harness: Harness, ledger: Ledger) -> None:
    hire = "@人社局-周科 周科您好，中秋前我们仓临时需要50个左右分拣打包的零工，县里有没有零工市场能帮忙对接？"
    first = await raise_request(harness, hire, LI, mentions=(RSJ["sender"],))
    sent = await harness.feed(
        "请问商务局，县里之前说的快递进村补贴今年还有没有？我们做了6个村的村级服务点，补贴要怎么申报？",
        **LI,
        at=harness.clock.now() + timedelta(days=3),
    )
    assert any("已登记诉求 #" in m.text and "商务局" in m.text for m in sent), sent
    assert ledger.get(first).status == "open"


async def test_an_official_known_by_title_answers_an_ask_that_names_them(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("【通知】今年秋冬季中药材种植保险开始投保，保费财政补贴75%，9月30日截止。", **HUANG)
    ask = (
        "「黄站长：【通知】今年秋冬季中药材种植保险开始投保…」\n- - - - - - - - - - - - - - -\n"
        "黄站长 保险的事晓得了。另外问哈 我想买台微耕机，农机补贴咋个申请？"
    )
    no = await raise_request(harness, ask, LI)
    await harness.feed(
        "@川康药业-李总 农机购置补贴是先买后补：在补贴目录内的经销商那里买，买了以后到乡镇农机站申报。",
        **HUANG,
        mentions=(LI["sender"],),
    )
    assert ledger.get(no).status == "answered"


async def test_an_ask_of_the_government_is_no_update_of_ones_list(harness: Harness) -> None:
    await harness.feed("收购：\n黄精 鲜货 20吨\n白及 3吨\n月底前到货，有货的联系我", **LI)
    sent = await harness.feed(
        "各位早晨。我们想同李家坪黄精基地合作搞康养加中药材研学游，请问政府这边有没有什么支持政策？要找哪个部门？", **LI
    )
    assert any("已登记诉求 #" in m.text for m in sent), sent


async def test_the_cluster_office_taking_on_an_ask_of_no_one_office_answers_it(
    harness: Harness, ledger: Ledger
) -> None:
    ask = "我们想同黄精基地合作搞康养加中药材研学游，带老人去基地参观，请问政府这边有没有什么支持政策？要找哪个部门？"
    no = await raise_request(harness, ask, LI)
    assert ledger.get(no).department is None
    await harness.feed(
        "@川康药业-李总 李总这个想法很好👍 涉及好几个部门，专班来牵头，下周约几个部门一起去现场看一下，再给你们答复。",
        sender="wx_zb_sun",
        name="县产业专班-孙敏",
        mentions=(LI["sender"],),
    )
    assert ledger.get(no).status == "answered"
