"""What a reply is about (session 27): "我们…也是" after a peer's remark, "来电了" after an outage, a withdrawal that
names only why, a "fix" told minutes after the ask, a join that says the trouble is not over, the request an
acknowledgement echoes, and a buyer closing their list."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from storage.db import unit_of_work
from storage.procurement import open_lists_of
from tests.handlers.conftest import BUS, CHEN, LI, ZHANG, Ledger, joined, raise_request

ZHOU = {"sender": "wxid_rsj_zhou", "name": "人社局-周科"}  # official of 人社局 (config)
MARKET = {"sender": "wxid_sj_zheng", "name": "市监局-郑工"}  # a 市场监管局 official, known by the nickname
TAX = {"sender": "wxid_sw_xiao", "name": "税务局小刘"}  # a 税务局 official, known by the nickname
PARK = {"sender": "wxid_gwh_liu", "name": "管委会-刘主任"}  # official of 园区管委会 (config)
SUN = {"sender": "wxid_g_sun", "name": "山里人家-老孙"}  # a grower the config does not know
POWER = {"sender": "wxid_gd_ma", "name": "供电所-马工"}  # a utility official, known by the nickname
LEAVES = "@农技站-刘站长 刘站长，我们合作社黄芪地叶子发黄，根也有点发黑，是不是根腐病？能不能请你们来地里看看"


async def test_we_too_after_a_peers_remark_joins_no_older_request(harness: Harness) -> None:
    no = await raise_request(harness, LEAVES, LI)
    await harness.feed(
        "这雨下了一个礼拜了，地全泡着，种药材真是靠天吃饭", **SUN, at=harness.clock.now() + timedelta(days=1)
    )
    await harness.feed("我们板蓝根也是，叶子都烂了，唉", **ZHANG)
    assert joined(harness, no) == []


async def test_we_too_after_the_requesters_own_words_still_joins(harness: Harness) -> None:
    no = await raise_request(harness, LEAVES, LI)
    await harness.feed("拔了几棵看，须根都烂了", **LI)
    await harness.feed("我们也遇到了，黄芪地叶子也黄了一片", **ZHANG)
    assert joined(harness, no) == [ZHANG["sender"]]


async def test_power_back_after_an_outage_confirms_no_capacity_request(harness: Harness, ledger: Ledger) -> None:
    ask = "@供电所-马工 马工，我们冷库二期要上了，想增容到1000千伏安，流程怎么走？"
    no = await raise_request(harness, ask, LI)
    await harness.feed("@川康药业-李总 先把户号和新增设备清单发我，明天去现场勘查", **POWER, mentions=(LI["sender"],))
    assert ledger.get(no).status == "answered"
    day = harness.clock.now() + timedelta(days=1)
    await harness.feed("【停电通知】因线路检修，明天8:00-12:00园区南区计划停电，请提前做好准备。", **POWER, at=day)
    await harness.feed("停电了，冷库发电机顶上了", **LI, at=day + timedelta(hours=20))
    await harness.feed("来电了", **LI, at=day + timedelta(hours=24))
    assert ledger.get(no).status == "answered"


async def test_power_back_confirms_a_request_about_the_outage(harness: Harness, ledger: Ledger) -> None:
    ask = "@供电所-马工 马工，我们冷库这边又停电了，货要化了，能不能赶紧派人来看看"
    no = await raise_request(harness, ask, LI)
    await harness.feed("@川康药业-李总 抢修班已经出发了", **POWER, mentions=(LI["sender"],))
    await harness.feed("来电了，谢谢马工", **LI, at=harness.clock.now() + timedelta(hours=1))
    assert ledger.get(no).status == "resolved"


async def test_taking_back_an_ask_posted_in_the_wrong_group_cancels_it(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "想问下商务局，参加今年春季广交会的展位费补贴怎么申请？我们打算报2个展位", LI)
    await harness.feed(
        "撤回撤回，发错群了，这是要问深圳那边的[捂脸]", **LI, at=harness.clock.now() + timedelta(hours=4)
    )
    assert ledger.get(no).status == "cancelled"


async def test_a_fix_told_minutes_after_the_ask_in_an_argument_confirms_nothing(
    harness: Harness, ledger: Ledger
) -> None:
    ask = "我们车队常走的乡道上个月新装了个2.5米的限高杆，货车全过不去，每趟要绕20公里，能不能调整一下？"
    no = await raise_request(harness, ask, LI)
    await harness.feed("那个限高杆听说是防大车压桥的，估计不好拆", **ZHANG)
    await harness.feed("桥早修好了啊[流泪]", **LI)
    assert ledger.get(no).status == "open"


async def test_we_too_with_no_bus_at_noon_joins_the_ask_before_it(harness: Harness, ledger: Ledger) -> None:
    hire = "@人社局-周科 周科，我们下个月要临时招30个工人，本村人手不够，人社局能不能帮忙对接一下劳务？"
    mine = await raise_request(harness, hire, LI)
    await harness.feed("@川康药业-李总 可以，已经跟两个村的劳务合作社对接好了", **ZHOU, mentions=(LI["sender"],))
    assert ledger.get(mine).status == "answered"
    bus = await raise_request(harness, BUS, ZHANG, at=harness.clock.now() + timedelta(days=1))
    await harness.feed("我们也是，厂里的工人也都坐公交来的，中午那一段根本没车", **LI)
    assert joined(harness, bus) == [LI["sender"]]
    assert ledger.get(mine).status == "answered"


async def test_an_acknowledgement_confirms_the_request_it_echoes(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(
        harness, "想问下交通局，我们新到了4台冷藏车还没备上案，白天进不了二环，备案怎么办？", LI, message_id="ask-1"
    )
    await harness.feed("城市配送车辆备案在小程序上提交，一般3个工作日出结果", **CHEN, quote="ask-1")
    follow = "陈科再问一句，我们那4台里有2台是新能源冷藏车，新能源的备案跟燃油车有啥不一样？要单独备吗？"
    second = await raise_request(harness, follow, LI, at=harness.clock.now() + timedelta(days=1), message_id="ask-2")
    await harness.feed("新能源车不用单独备，同一个备案里把车辆类型勾成新能源就行", **CHEN, quote="ask-2")
    assert (ledger.get(first).status, ledger.get(second).status) == ("answered", "answered")
    await harness.feed(
        "冷藏车备案下来了，4台都能白天进城了，谢谢陈科", **LI, at=harness.clock.now() + timedelta(days=5)
    )
    assert (ledger.get(first).status, ledger.get(second).status) == ("resolved", "answered")


async def test_a_buyer_saying_the_list_is_settled_closes_it_and_opens_none(harness: Harness) -> None:
    sent = await harness.feed("年后要采购：\n4.2米冷藏车 2台\n温湿度记录仪 20个\n有渠道的朋友推荐下", **LI)
    assert any("采购清单 P" in m.text for m in sent), sent
    later = harness.clock.now() + timedelta(days=10)
    await harness.feed("冷藏车2台和温湿度记录仪20个都到货了，采购清单这块结了，谢谢各位推荐", **LI, at=later)
    with unit_of_work(harness.engine) as s:
        assert (
            open_lists_of(session=s, group_id="room-pharma", poster_id=LI["sender"], since=later - timedelta(days=30))
            == []
        )


async def test_passing_on_an_ask_already_routed_there_moves_no_other_request(harness: Harness, ledger: Ledger) -> None:
    drain = await raise_request(harness, "园区3号路那段下水道又堵了，昨晚一场雨厂门口水淹到脚脖子，货车都进不来", LI)
    await harness.feed("3号路下水道已经通知物业，今天下午安排疏通车过去", **PARK)
    later = harness.clock.now() + timedelta(days=5)
    fire = "问一下，我们新建的冷库消防验收要找哪个部门？材料交上去快一个月了没动静"
    acceptance = await raise_request(harness, fire, LI, at=later)
    assert ledger.get(acceptance).department == "住建局"
    routed = (
        "@川康药业-李总 李总，建设工程消防验收是住建局负责的，我已经把你们的情况转给住建局了，@住建局-杨工 麻烦看一下"
    )
    await harness.feed(routed, **PARK, mentions=(LI["sender"], "wxid_zj_yang"))
    assert ledger.get(drain).department == "园区管委会"
    assert ledger.get(acceptance).status == "answered"


async def test_one_part_come_and_the_rest_asked_after_leaves_it_answered(harness: Harness, ledger: Ledger) -> None:
    ask = "想问下税务局，我们8月申报的出口退税还没到账；另外单证备案里有一批报关单信息对不上，要怎么更正？"
    no = await raise_request(harness, ask, LI)
    await harness.feed("@川康药业-李总 退税这两天就到账，单证备案那个我们再核实一下", **TAX, mentions=(LI["sender"],))
    await harness.feed("退税到账了，谢谢！单证备案那个有结论了吗？", **LI, at=harness.clock.now() + timedelta(days=2))
    assert ledger.get(no).status == "answered"


async def test_thanks_right_after_another_of_ones_asks_was_passed_on_confirms_no_fix(
    harness: Harness, ledger: Ledger
) -> None:
    drain = await raise_request(harness, "园区3号路那段下水道又堵了，厂门口水淹到脚脖子，货车都进不来", LI)
    await harness.feed("@川康药业-李总 3号路下水道已经疏通完毕，清出来好多油污", **PARK, mentions=(LI["sender"],))
    assert ledger.get(drain).status == "answered"
    later = harness.clock.now() + timedelta(days=4)
    await raise_request(harness, "问一下，我们新建的冷库消防验收要找哪个部门？材料交上去快一个月了没动静", LI, at=later)
    routed = "@川康药业-李总 李总，消防验收是住建局负责的，我已经把你们的情况转给住建局了，@住建局-杨工 麻烦看一下"
    await harness.feed(routed, **PARK, mentions=(LI["sender"], "wxid_zj_yang"))
    await harness.feed("谢谢刘主任", **LI)
    assert ledger.get(drain).status == "answered"


async def test_thanks_to_another_office_for_a_deal_confirms_no_fix(harness: Harness, ledger: Ledger) -> None:
    ask = "@市监局-郑工 郑工，我们用了十几年的字号被人抢注商标了，现在在初审公告期，能不能帮忙看看怎么提异议？"
    no = await raise_request(harness, ask, LI)
    await harness.feed(
        "@川康药业-李总 公告期内可以提异议，先把在先使用的证据收集起来", **MARKET, mentions=(LI["sender"],)
    )
    later = harness.clock.now() + timedelta(hours=1)
    await harness.feed("跟王科长推荐的那家储能客户签了打样合同，感谢王科长牵线[抱拳]", **LI, at=later)
    assert ledger.get(no).status == "answered"


async def test_passing_on_the_ask_a_quote_names_moves_that_one(harness: Harness, ledger: Ledger) -> None:
    drain = await raise_request(
        harness, "园区3号路那段下水道又堵了，厂门口水淹到脚脖子，货车都进不来", LI, message_id="drain"
    )
    fire = "问一下，我们新建的冷库消防验收要找哪个部门？材料交上去快一个月了没动静"
    acceptance = await raise_request(harness, fire, LI, at=harness.clock.now() + timedelta(days=1))
    assert ledger.get(acceptance).department == "住建局"
    routed = "这段管网是市政的，不归园区管，已转给住建局，@住建局-杨工 麻烦看一下"
    await harness.feed(routed, **PARK, mentions=("wxid_zj_yang",), quote="drain")
    assert ledger.get(drain).department == "住建局"
    assert ledger.get(acceptance).status == "open"
