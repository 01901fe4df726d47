"""Chatter that looks like a request (housekeeping, nudges, unsold stock) and requests that look like chatter."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("会议的二维码能再发下吗，上午那个失效了", "chatter"),  # housekeeping ask
        ("@交通局-陈科 班车改点的事定下来了吗", "chatter"),  # nudge pointing back
        ("我这有台旧装载机要转让 5吨的 有意向私聊", "chatter"),  # a supply offer
        ("今年党参收成不错 可惜没销路 库房里压着二十多吨", "request"),  # unsold crop: a sales-channel need
        ("厂里想新上一条产线 要装两台空压机 用电增容走什么流程", "request"),  # procedure question
        ("评上专精特新以后 研发费用是不是可以加计扣除100%", "request"),  # policy clarification
        ("车间的宽带这个月断了五次了，打单系统老是登不上", "request"),  # implicit problem
        ("黄芪、防风各3吨，要内蒙产的，月底前要", "procurement"),  # items, quantity and a cut-off
    ],
)
def test_label(an: Analyzer, text: str, label: str) -> None:
    mentions = ["交通局-陈科"] if "@交通局-陈科" in text else ()
    assert an.analyze(text, now=NOW, role="enterprise", mentions=mentions).label == label


@pytest.mark.parametrize(
    "text",
    [
        "这个事到底啥时候能解决啊，都反映好几次了",  # a nudge
        "要不给我们也发点补贴吧哈哈，开个玩笑",  # a joke phrased as an ask
        "下午那个座谈会还开吗",  # housekeeping about a meeting
        "招人难啊，大家都一样",  # venting
        "請問各位，年底冷庫電費你們大概一度多少？我們感覺今年特別貴",  # a question to the members, with a gripe
        "问一下群里，冷库电费一般多少一度，我们这个月贵得离谱",
    ],
)
def test_chatter_phrased_as_asks(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


def test_asking_the_officials_of_the_group_is_a_request(an: Analyzer) -> None:
    text = "请问各位领导：我们新厂房要办施工许可，还要申请用电报装，这几样能不能一起办？"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"
    text = "请问下群里的领导，我们申请医保定点快半年了，一直没消息，应该找哪个部门催？"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"
    urea = "问下各位 哪里有车用尿素 10kg桶装 200桶，长期要"
    assert an.analyze(urea, now=NOW, role="enterprise").label == "procurement"


def test_asking_a_department_to_chase_is_a_request(an: Analyzer) -> None:
    text = "仓库建好两年了，产权证一直没办下来，能帮忙催一下吗"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_buy_demand_addressed_to_an_official_is_procurement(an: Analyzer) -> None:
    text = "@商务局-王科长 我们要收白芷 5吨，帮忙问问有没有合作社有货"
    assert an.analyze(text, now=NOW, role="enterprise", mentions=["商务局-王科长"]).label == "procurement"


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("水压还是上不来，二楼的龙头一直没水", "enterprise", "chatter"),  # a problem that persists: follow-up
        ("宽带依旧老样子，下午又掉线两回", "enterprise", "chatter"),
        ("道闸修好了没有？今天早上车还是进不来", "enterprise", "chatter"),  # asking whether it is done
        ("王科，前天跟你说的那个贷款的事麻烦再看看", "enterprise", "chatter"),  # points back at an earlier ask
        ("资料都交齐了，麻烦帮忙催一下审批", "enterprise", "chatter"),
        ("二号会议室在几楼？通知里没写清楚", "enterprise", "chatter"),  # housekeeping outweighs the topic
        ("食堂今天的红烧肉还不错👍", "enterprise", "chatter"),  # 不错 is praise, not a complaint
        ("上个月刚买了6台叉车，特种设备登记去哪里办？", "enterprise", "request"),  # a purchase made, a procedure asked
        ("合作社想买羊粪有机肥 40吨，哪个厂能送到村里？", "enterprise", "procurement"),
        ("家里的党参压价压得厉害，压了二十吨，能不能帮忙对接下销路", "enterprise", "request"),
    ],
)
def test_follow_ups_and_look_alikes(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("7月3日上午9:30出口退税政策辅导会，地点区税务局三楼报告厅", "meeting"),
        ("8月12日全天政务服务进园区，现场受理营业执照变更，地点园区服务中心", "meeting"),
        ("第二批技改补贴申领开始，符合条件的请于8月30日前提交", "policy"),
        ("请种植户注意：今年川芎保险保费财政补贴70%，9月10日前到乡镇投保", "policy"),
        ("康达药业的出口退税已审核通过，税款今天已退库，请注意查收", "answer"),
        ("华锐的增容变压器已到货，正在安装，预计下周送电", "answer"),  # 已到货 from an official is progress
    ],
)
def test_official_notices_and_replies(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role="official").label == label


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("请问周五的座谈会在五楼哪个房间？", "enterprise", "chatter"),  # which room: housekeeping
        ("钉钉会议号输进去说会议不存在，有人进去了吗", "enterprise", "chatter"),
        ("说好的周一加开一班车呢，今天还是没有", "enterprise", "chatter"),  # points back at a promise
        ("煤价涨成这样，烧一天亏一天，真不知道还能撑多久", "enterprise", "chatter"),  # venting, no ask
        ("元宵快乐！今天园区食堂有汤圆，欢迎大家来吃", "official", "chatter"),  # greeting
        ("三楼东边会议室，电梯出来右手边", "official", "chatter"),  # directions
        ("昨天展会上跟两家药厂联系上了，下周去他们厂里谈", "enterprise", "chatter"),  # an enterprise's news
        ("李总，下一期电商培训6月18日开班，在区商务局三楼，名单发我就行", "official", "answer"),  # to one person
        ("金银花 干货 五吨 需要，有货的联系我", "enterprise", "procurement"),  # the need after the quantity
        ("需要 保温箱 600*400*300 蓝色 加厚 2000个，有工厂的报价", "enterprise", "procurement"),
    ],
)
def test_rooms_promises_greetings_and_late_needs(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("听说明年起厂房租金要涨，真的假的？", "chatter"),  # hearsay put to the group
        ("我觉得这次的招聘会组织得挺好的，就是企业来得少", "chatter"),  # an opinion
        ("请教下大家，你们的叉车年检一般找哪家做？多少钱", "chatter"),  # a peer question
        ("有没有懂抖音运营的朋友？我们想做直播卖蛋糕，自己摸索太难了😂", "chatter"),  # a peer question with a sigh
        ("有没有HR姐妹知道现在社保基数调整了没", "chatter"),  # asked of peers who may know
        # "签了合同的" describes the disposal company; no deal is reported
        (
            "@环保分局-郑工 郑工，我们的废切削液堆了快两吨了，签了合同的危废处置公司一直不来拉，仓库快放不下了",
            "request",
        ),
        ("我们那边也是，3号路跟5号路交叉口那几盏都不亮", "chatter"),  # joins the street-light request above
        # stock that will not sell, the buyers it names gone, and an ask for help: a request, not a list
        (
            "俺说个事哈 今年黄芪卖不动 往年来收的老板今年一个都没来 家里还压着三吨多 政府能不能帮俺们找找销路啊",
            "request",
        ),
        # the company's own installation, asked how to apply for it: a request, not a buyer's list
        ("@国网-周磊 周经理，我们仓库要装20个充电桩，总功率300多千瓦，报装是走网上国网还是要去营业厅？", "request"),
        ("申报表能发个word版的吗？pdf的填不了", "chatter"),  # housekeeping
        ("那个排水沟的事还没人管吗？都半个月了", "chatter"),  # points back at an earlier matter
        ("厂里想上一套光伏，听说有补贴，咋申请", "request"),  # hearsay, but a real ask
        ("谢谢刘主任！另外北门的道闸也坏了，货车进不来", "request"),  # thanks, then a new problem
    ],
)
def test_hearsay_opinions_peers_and_new_issues(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("道闸修好了吗？", "chatter"),  # asking whether it is done
        ("复检结果出来没有？", "chatter"),
        ("路灯修好了一半，还有三盏不亮，晚上还是黑的", "request"),  # a partial fix: the rest is still asked
        ("又跳闸了！昨天刚修好的", "request"),  # a relapse
        ("北门修好了，南门还是刷不进去，麻烦再看一下", "request"),
    ],
)
def test_questions_whether_done_partial_fixes_and_relapses(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("退税到账了吗？财务说还没看到", "chatter"),  # asking whether it is done
        ("跟进一下：5月初提的宿舍热水的事，到现在还没消息", "chatter"),  # points back at an earlier ask
        ("今年党参价格涨得厉害，统货都到30了", "chatter"),  # market talk
        ("网络恢复了，但只有一楼好了，二楼的还连不上，麻烦再查一下", "request"),  # a partial fix
    ],
)
def test_more_follow_ups(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("李总 我这有当归三吨多 统货 能不能看看[图片]", "chatter"),  # a supply offer to a buyer
        ("我们报名，要一个展位", "chatter"),  # signing up for a fair
        ("@交通局-陈科 陈科 路灯那个事有安排没", "chatter"),  # a nudge
        ("谢谢大家帮忙，新车间今天动工了，欢迎有空来坐坐", "chatter"),
        ("感谢王主任，有消息麻烦说一声", "chatter"),  # keep me posted
        ("王科长，麻烦帮忙问问有没有收党参的，我们社有5吨", "request"),  # addressed to an official by title
        ("我们要收两万吨菜籽，资金缺口两千万，有没有担保公司能帮忙", "request"),  # financing, not a buyer's list
        ("想建个冷库，要办规划、环评、施工许可，还要贷款，各个部门看看从哪开始", "request"),
    ],
)
def test_offers_sign_ups_titles_and_finance(an: Analyzer, text: str, label: str) -> None:
    mentions = ["交通局-陈科"] if "@交通局-陈科" in text else ()
    assert an.analyze(text, now=NOW, role="enterprise", mentions=mentions).label == label


@pytest.mark.parametrize(
    "text",
    [
        "太好了！谢谢陈科，工人们都高兴坏了",  # joy, not a breakdown
        "周科，营业执照照片已经私信您了",  # information the department asked for
        "材料都准备齐了，已经在网上提交了预约",
        "抢修车来过了，下午停电生产没受影响，谢谢刘经理",  # thanks, no ask
    ],
)
def test_thanks_and_status_without_an_ask_are_chatter(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "北段的路灯还没修，这都十天了",  # still not done after a wait: points back
        "周科，名单还没收到，麻烦发一下",  # resend a file
        "刘科，请问能线上参加吗？我在外地",  # housekeeping about a meeting
    ],
)
def test_waits_and_meeting_housekeeping_are_chatter(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


def test_a_new_complaint_with_a_duration_is_still_a_request(an: Analyzer) -> None:
    assert an.analyze("厂门口的路灯坏了一个月了", now=NOW, role="enterprise").label == "request"


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("今日行情：川芎统货14-15元/公斤，选货18，有货的老板可以联系 13881234567", "enterprise", "chatter"),
        ("我屋头有去年的干辣椒 大概两吨多 哪个要", "enterprise", "chatter"),  # a supply offer in dialect
        ("出 党参统货3吨 30一公斤 包运费", "enterprise", "chatter"),
        ("黄连现在好多钱一斤哦？", "enterprise", "chatter"),  # market talk
        ("转发：区长今天到园区调研，走访了几家企业[链接]", "enterprise", "chatter"),  # news
        ("联席会议纪要已经发到各企业邮箱了，请查收", "official", "chatter"),  # a meeting's outcome
        ("【叉车司机培训】4月2日起在区培训中心开班，为期7天，3月30日前报名", "official", "meeting"),  # a course
    ],
)
def test_market_talk_offers_news_and_courses(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("我们有8台叉车定检过期了，现在预约检验要排到什么时候？能不能集中上门检？", "request"),  # not a dead link
        ("新冷库主体完工了，消防验收要准备啥？", "request"),
        ("我们想买一台播种机，听说农机购置有补贴，是先买还是先申请？补多少？", "request"),  # not a buyer's list
        ("昨晚停电，冷库温度稳住的，各位放心", "chatter"),  # reassuring the group
        ("座谈会开得好，希望说的几件事都能落地👍", "chatter"),  # an opinion
    ],
)
def test_expired_inspections_subsidy_questions_and_reassurance(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    "text",
    [
        "中午园区食堂有酸菜鱼，有没有一起的",  # company among members
        "下周六人社局有招聘会，大家可以去看看",  # a tip to peers
    ],
)
def test_invitations_and_tips_among_members_are_chatter(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


def test_a_growers_harvest_with_buyers_pressing_the_price_is_a_request(an: Analyzer) -> None:
    """The grower's own harvest, with a quantity; the buyers who came in past years (来收的) press the price (价压):
    a seller's problem put to 商务局, not a buyer's list."""
    text = "@商务局-赵科 今年我们社黄精丰收了，鲜货三百多吨，往年来收的就那几家，价压得很低。能不能帮忙对接下药企？"
    a = an.analyze(text, now=NOW, role="enterprise", mentions=["商务局-赵科"])
    assert (a.label, a.department, a.items) == ("request", "商务局", [])


@pytest.mark.parametrize(
    "text",
    [
        "同问陈姐 另外想问下农业局 空气能烘干机能不能享受农机购置补贴？补多少？",  # a +1, then an ask of its own
        "+1 顺便问下税务局，小规模纳税人季度免税额度今年变了没有",
    ],
)
def test_a_me_too_that_goes_on_to_its_own_ask_is_a_request(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_asking_which_department_handles_it_is_a_request(an: Analyzer) -> None:
    text = "晚上厂门口老有大货车乱停，堵得员工下班出不去，这种事情归哪个部门管？"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_a_despairing_plea_to_the_government_is_a_request(an: Analyzer) -> None:
    text = "运价一年比一年低，我们这种小运输公司快撑不下去了。政府能不能出台点扶持政策，帮帮我们这些小车队？"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


@pytest.mark.parametrize(
    "text",
    [
        "黎科，培训是不是要带安全员证？",
        "孙科，联席会议可以派副总来不？老板那天在外地",
        "冯科，辅导会有线上吗？我们技术负责人那天在外地",
        "周科，招聘会那天几点可以进场布展？要不要自己带桌子",
    ],
)
def test_how_to_attend_a_gathering_is_housekeeping(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


def test_what_to_bring_for_a_procedure_is_a_request(an: Analyzer) -> None:
    text = "@交通局-陈科 我们新买了6台冷藏车，城市配送车辆备案现在去哪里办？要带什么材料"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


@pytest.mark.parametrize("text", ["发电机顶上了，停电期间冷库温度正常👍", "昨晚停电发电车准时到的，冷库一点没受影响"])
def test_an_outage_coped_with_is_no_request(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


def test_a_tip_to_a_peer_when_all_else_fails_is_no_request(an: Analyzer) -> None:
    """实在不行找找担保公司: a member's advice to another, though it names a department's matter (抽贷)."""
    assert an.analyze("现在银行都这样，抽贷很常见，实在不行找找担保公司", now=NOW, role="enterprise").label == "chatter"
    plea = "实在不行我们只能停产了，麻烦供电公司尽快处理"  # 实在不行 in the sender's own trouble, asking
    assert an.analyze(plea, now=NOW, role="enterprise").label == "request"


def test_glad_it_is_solved_is_no_confirmation(an: Analyzer) -> None:
    """解决了就好👍: a reaction to someone else's news; "问题解决了，谢谢" confirms."""
    assert not an.analyze("解决了就好👍", now=NOW, role="enterprise").resolution
    assert an.analyze("问题解决了，谢谢赵工", now=NOW, role="enterprise").resolution


@pytest.mark.parametrize(
    "text",
    [
        "@百草堂饮片-陈经理 陈经理，问下你们那个复检，市监局那边是送省所做还是市所做？问问经验，心里有个底",
        "請問有人看到我上面的問題嗎？🙏",  # did anyone see my question: a nudge
        "林地的事到现在也没个回音，重楼苗都到了",  # still no word: a nudge on the earlier ask
    ],
)
def test_a_peer_asked_of_a_department_and_nudges_are_no_request(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "去年9月报的技改补贴 公示都公示完了 钱到现在还没拨下来",  # 9月报的: when it was filed, not "what I said"
        "去年的稳岗返还我们一直没收到 隔壁几家厂都到账了",  # others were paid: the sender's complaint stands
        "残保金今年我们公司要交多少啊 人数刚过30 去年好像是免的",  # 我们公司 is no exhibitor's booth
    ],
)
def test_a_delay_reported_and_a_tax_question_are_requests(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_a_manhole_overflowing_again_is_a_request_to_the_park(an: Analyzer) -> None:
    """污水井又冒了…味道熏死人: trouble in the park, though no ask is written."""
    a = an.analyze(
        "园区南路那个污水井又冒了，满地都是，味道熏死人，我们出货的车都不敢走那边😷", now=NOW, role="enterprise"
    )
    assert (a.label, a.department) == ("request", "园区管委会")


@pytest.mark.parametrize(
    "text",
    [
        "请问谁有交通局货运科的电话 我们一个车辆年审的事想问下",  # a department's number asked of peers
        "请问谁有市监局邱科的电话？之前存的手机掉了",  # an official's number asked of peers
    ],
)
def test_a_department_spoken_of_is_not_addressed(an: Analyzer, text: str) -> None:
    """交通局货运科的电话, 市监局邱科的电话: the department is spoken of (的 after it), not spoken to."""
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"
