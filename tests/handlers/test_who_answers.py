"""Who answers, joins, confirms and withdraws (faults a fifth multi-day scenario showed, scn5)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from bot.testing import Harness
from storage.ledger import co_requesters, list_requests
from tests.handlers.conftest import LI, WANG, ZHANG, Ledger, raise_request

TAX = {"sender": "wxid_swj_liu", "name": "税务局小刘"}  # official, known by the nickname only
CLUSTER_OFFICE = {"sender": "wxid_jqb_huang", "name": "集群办-黄主任"}  # official of no canonical department
ORGANISER = {"sender": "wxid_qun_hu", "name": "小胡（群管）"}  # runs the group; no department
NETWORK = "园区网络又断了，一上午断了三次，MES系统全部掉线，产线停了半个小时"


async def test_a_reply_of_a_body_that_is_no_department_answers_nothing(harness: Harness, ledger: Ledger) -> None:
    """集群办 telling the requester where the meeting room is does not answer their network request."""
    no = await raise_request(harness, NETWORK, LI)
    await harness.feed("报告厅是哪栋楼？新建那栋吗", **LI)
    await harness.feed("@川康药业-李总 对，园区大道口新建那栋，一楼有指引", **CLUSTER_OFFICE, mentions=(LI["sender"],))
    assert ledger.get(no).status == "open"


async def test_the_organisers_passing_on_is_no_request(harness: Harness) -> None:
    await harness.feed("@园区物业-小吴 小吴看一下B区路灯的情况", **ORGANISER)
    with Session(harness.engine) as s:
        assert list_requests(session=s) == []


async def test_our_crop_is_the_same_joins_the_request(harness: Harness) -> None:
    no = await raise_request(harness, "今年白芷收成好，就是收购的老板压价压得凶，哪个部门能帮我们找下销路嘛", LI)
    sent = await harness.feed("我们黄精也是一样的，堆在仓库里卖不动[捂脸]", **ZHANG)
    assert any(f"#{no}" in m.text and "共同诉求方" in m.text for m in sent)
    with Session(harness.engine) as s:
        assert [c.wechat_id for c in co_requesters(session=s, request_id=no)] == [ZHANG["sender"]]


async def test_this_question_solved_thanking_the_official_by_another_name_resolves(
    harness: Harness, ledger: Ledger
) -> None:
    no = await raise_request(
        harness, "想问下税务局，高企15%的优惠税率是从证书下来那个月开始享受，还是从1月1号起算？", LI
    )
    await harness.feed(
        "@川康药业-李总 按发证时间所在年度起享受，今年1月1日起就可以按15%预缴。", **TAX, mentions=(LI["sender"],)
    )
    assert ledger.get(no).status == "answered"
    await harness.feed("明白了，这个问题解决了，谢谢刘老师[强]", **LI)
    assert ledger.get(no).status == "resolved"


async def test_not_troubling_them_any_more_withdraws(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "@商务局-王科长 我们想搞一次直播带货培训，区里能不能组织一下？", LI)
    sent = await harness.feed("@商务局-王科长 王科长，培训的事先不麻烦您了，集团决定这个项目暂缓。", **LI)
    assert ledger.get(no).status == "cancelled" and any("撤销" in m.text for m in sent)


async def test_support_joins_the_request(harness: Harness) -> None:
    no = await raise_request(
        harness, "@园区管委会-黄主任 能不能跟食堂说下 晚饭开到八点 我们好多加班的 六点就关门了", LI
    )
    sent = await harness.feed("支持！我们车间也天天加班", **ZHANG)
    assert any(f"#{no}" in m.text and "共同诉求方" in m.text for m in sent)


async def test_that_one_is_not_needed_any_more_withdraws_but_asking_whether_does_not(
    harness: Harness, ledger: Ledger
) -> None:
    no = await raise_request(harness, "请问审批局 我们收购点要搬到镇上 营业执照地址变更是在网上办还是要跑窗口", LI)
    await harness.feed("审批局那个不用了吧？", **LI)
    assert ledger.get(no).status == "open"
    await harness.feed("审批局那个不用了哈 收购点暂时不搬了 房东又续了一年", **LI)
    assert ledger.get(no).status == "cancelled"


async def test_a_withdrawal_goes_to_their_own_request_not_one_they_joined(harness: Harness, ledger: Ledger) -> None:
    fair = await raise_request(harness, "@商务局-王科长 王科长，11月的农产品交易会展位费区里有补贴没有？", ZHANG)
    await harness.feed("+1 我们川康也想去 一起问", **LI)
    await harness.feed(
        "@禾田食品-张经理 有补贴的，去年是展位费补50%，文件出来发群里", **WANG, mentions=(ZHANG["sender"],)
    )
    mine = await raise_request(harness, "@商务局-王科长 王科长，我们想进本地商超，商务局能不能帮我们牵个线？", LI)
    await harness.feed("@商务局-王科长 王科长，对接商超那个事先撤回哈，老板定了今年先不扩渠道，不麻烦您了🙏", **LI)
    assert ledger.get(mine).status == "cancelled" and ledger.get(fair).status == "answered"


async def test_power_back_confirms_no_request_about_a_flooded_road(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness, "园区东门进来那段路一下雨就积水，昨天我们冷链车陷进去半天，物业能不能处理一下", LI
    )
    park = {"sender": "wxid_yq_ma", "name": "园区管委会-马师傅"}
    await harness.feed("东门的排水沟掏完了，坑也用沥青补上了，这两天下雨没再积水", **park)
    await harness.feed("来电了来电了", **LI)
    assert ledger.get(no).status == "answered"


async def test_a_fix_told_in_other_words_confirms_their_one_answered_request(harness: Harness, ledger: Ledger) -> None:
    """烂根止住了 shares no word with 根腐病; their only answered request of their own is what it confirms, though they
    joined another."""
    station = {"sender": "wxid_nyj_zhou", "name": "农业农村局-周站长"}
    other = await raise_request(
        harness, "县道从我们村到山上那段塌方了 拉药材的三轮车过不去 交通局能不能派人来看下", ZHANG
    )
    await harness.feed("+1 那段路我也走 现在车子要绕十几里", **LI)
    no = await raise_request(harness, "@农业农村局-周站长 周站长 我那几十亩黄芪根腐病凶得很 能不能派个技术员来", LI)
    await harness.feed("@川康药业-李总 明天上午九点我带植保站的小刘过来", **station, mentions=(LI["sender"],))
    await harness.feed("报告站长 打了两次药 烂根止住了 新根也发出来了 谢谢站长[抱拳]", **LI)
    assert ledger.get(no).status == "resolved" and ledger.get(other).status == "open"


async def test_the_official_who_forwarded_a_list_closes_it(harness: Harness) -> None:
    listed = await harness.feed("帮配送中心转发一个采购需求：大米 20吨，菜籽油 500桶，10月中旬前供货", **WANG)
    assert any("已登记采购清单 P1" in m.text for m in listed)
    sent = await harness.feed(
        "转告一下：配送中心说大米、菜籽油都已经采购齐了，谢谢各位企业支持，这个需求结束了。", **WANG
    )
    assert any("采购清单 P1" in m.text and "已标记为完成" in m.text for m in sent)


async def test_the_matter_not_to_be_done_any_more_withdraws(harness: Harness, ledger: Ledger) -> None:
    """那个…的事不办了…到时候再说: the requester drops the plan; it is no confirmation (scn26)."""
    no = await raise_request(harness, "问下咱区里卤味作坊要办那个小作坊登记证，去哪个部门办啊？要带啥", LI)
    assert ledger.get(no).department == "行政审批局"
    await harness.feed("那个小作坊登记证的事不办了，年后铺子要搬，到时候再说", **LI)
    assert ledger.get(no).status == "cancelled"


async def test_dropping_the_plan_after_an_answer_withdraws_rather_than_confirms(
    harness: Harness, ledger: Ledger
) -> None:
    """Thanks while withdrawing because the project is put off: the need is not met, so cancelled, not resolved."""
    no = await raise_request(harness, "@商务局-王科长 我们想搞一次直播带货培训，区里能不能组织一下？", LI)
    await harness.feed("@川康药业-李总 可以的，下个月统一组织一期，群里通知", **WANG, mentions=(LI["sender"],))
    assert ledger.get(no).status == "answered"
    await harness.feed("@商务局-王科长 王科长，培训的事先不办了，老板说推到明年下半年再说，撤回哈，谢谢您", **LI)
    assert ledger.get(no).status == "cancelled"


async def test_goods_got_by_another_name_close_the_list_by_their_amount(harness: Harness, ledger: Ledger) -> None:
    """The list asked for 东北大豆 5吨; "黄豆在张厂长那拿了5吨，够了" names it by another word but gives its amount,
    though the buyer has a request of their own open in the group."""
    no = await raise_request(harness, "问下环保这块，我们排口COD超标，豆清废水执行哪个标准？能不能来厂里指导下", LI)
    listed = await harness.feed("要收东北大豆5吨，蛋白38以上的，@禾田食品-张经理 你那批还有没有？", **LI)
    assert any("已登记采购清单 P1" in m.text for m in listed)
    sent = await harness.feed("黄豆在张经理那拿了5吨，够了，谢谢张经理", **LI)
    assert any("采购清单 P1" in m.text and "已标记为完成" in m.text for m in sent)
    assert ledger.get(no).status == "open"


async def test_a_withdrawal_at_the_official_of_the_request_withdraws_it(harness: Harness, ledger: Ledger) -> None:
    """ "@商务局-王科长 刚才那个问题撤回哈，发错群了" names no word of the request but @-mentions its department's
    official: it withdraws their request to that department, not the other one."""
    other = await raise_request(harness, "园区门口路灯坏了一个月了，管委会能不能派人修一下", LI)
    no = await raise_request(harness, "@商务局-王科长 王科长，8月那个博览会参展能不能申请展位补贴？", LI)
    await harness.feed(
        "@商务局-王科长 不好意思，刚才那个问题撤回哈，发错群了，这个要问集团的", **LI, mentions=(WANG["sender"],)
    )
    assert ledger.get(no).status == "cancelled" and ledger.get(other).status == "open"


@pytest.mark.parametrize(
    ("ask", "withdrawal"),
    [
        # 先不问了 … 哈 (scn10, scn11)
        (
            "问下农业局，我们几户想合伙成立个丹参种植合作社，有啥扶持政策没得？",
            "合作社那个事先不问了哈，村里说统一弄一个大的",
        ),
        # 不用看了哈 … 撤回撤回: a question the department has not answered (scn15)
        (
            "@商务局-王科长 王科，8月的博览会我们去参展的话展位费能不能申请补贴？",
            "王科，博览会补贴那个事不用看了哈，老板说今年不去参展了，撤回撤回🙏",
        ),
        # 先不报装了…明年再说: the plan is dropped (scn25)
        (
            "我们想在停车场装20个直流快充桩，供电所这边报装怎么走？要多久？",
            "充电桩的事先不报装了，老板说今年预算不够，明年再说，麻烦了",
        ),
    ],
)
async def test_not_asking_or_doing_it_for_now_withdraws(
    harness: Harness, ledger: Ledger, ask: str, withdrawal: str
) -> None:
    no = await raise_request(harness, ask, LI)
    await harness.feed(withdrawal, **LI)
    assert ledger.get(no).status == "cancelled"


async def test_an_inquiry_withdrawn_by_one_item_closes_the_whole_list(harness: Harness) -> None:
    listed = await harness.feed("询价：木托盘 1200×1000 1000个，缠绕膜 50卷，PP打包带 200卷，下周五前要货", **LI)
    assert any("已登记采购清单 P1" in m.text for m in listed)
    sent = await harness.feed("上周发的托盘询价撤了哈，客户那个项目黄了，不用报价了，谢谢各位", **LI)
    assert any("采购清单 P1" in m.text and "已标记为完成" in m.text for m in sent)


async def test_some_items_bought_leave_the_list_open(harness: Harness) -> None:
    listed = await harness.feed("年货采购：腊肠 2000斤，腊肉 1500斤，年糕 3000袋，月底前到货", **LI)
    assert any("已登记采购清单 P1" in m.text for m in listed)
    sent = await harness.feed("腊肠腊肉都订好了，年糕还在谈，有货的继续联系哈", **LI)
    assert not any("已标记为完成" in m.text for m in sent)
