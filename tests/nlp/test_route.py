"""Routing requests to one department: addressees first, then remit keywords and the overlap rules."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def route(an: Analyzer, text: str, mentions: tuple[str, ...] = ()) -> str | None:
    a = an.analyze(text, now=NOW, role="enterprise", mentions=mentions)
    assert a.label == "request", (text, a.label)
    return a.department


def test_mention_of_official_wins(an: Analyzer) -> None:
    assert route(an, "@交通局-陈科 路灯坏了能不能帮忙看看", ("交通局-陈科",)) == "交通运输局"
    assert route(an, "@商务局-王科长 能不能帮忙对接一下买家？", ("商务局-王科长",)) == "商务局"


def test_named_department_in_text(an: Analyzer) -> None:
    assert route(an, "想问下税务局，残保金怎么交？") == "税务局"
    assert route(an, "请问市监局，复检要多久？") == "市场监管局"


@pytest.mark.parametrize(
    ("text", "dept"),
    [
        ("我们的当归卖不出去，能不能帮忙找找销路？", "商务局"),
        ("想参加电商直播培训，有没有名额？", "商务局"),
        ("我想学开抖音卖货，但是啥都不懂，有没有培训啊", "商务局"),  # a training, but in selling online
        ("今年想种黄芪，种苗补贴怎么申请？", "农业农村局"),
        ("农机购置补贴今年还有吗？", "农业农村局"),
        ("食品经营许可证快到期了，延续要准备什么材料？", "行政审批局"),
        ("产品要复检，标签也要改，能不能帮忙指导一下？", "市场监管局"),
        ("高企的企业所得税优惠怎么享受？", "税务局"),
        ("高企认定申报需要准备哪些材料？", "科技局"),
        ("车间燃气压力不够，锅炉开不起来，能不能协调一下？", "经信局"),
        ("新厂房要接天然气管道，报了两个月没人来铺，该找谁？", "住建局"),
        ("能不能组织一期叉车工技能培训，有补贴吗？", "人社局"),
        ("安全员培训什么时候有？我们有三个人要考证", "应急管理局"),
        ("园区到县城的公交末班车太早了，能不能延后？", "交通运输局"),
        ("园区里面的路灯坏了一个月了，麻烦看看", "园区管委会"),
        ("食堂饭菜涨价太多了，能不能管一下？", "园区管委会"),
        ("工业用地指标还有吗？我们想扩建", "自然资源局"),
        ("施工许可证办了两个月还没下来，能不能帮忙催一下？", "住建局"),
        ("银行突然抽贷，资金周转困难，能不能帮忙协调？", "金融办"),
        ("厂里三天两头停电，能不能让供电公司查一下？", "供电公司"),
        ("环评批复一直下不来，麻烦问一下", "生态环境局"),
    ],
)
def test_remit_and_overlap_rules(an: Analyzer, text: str, dept: str) -> None:
    assert route(an, text) == dept


def test_no_single_owner(an: Analyzer) -> None:
    assert route(an, "新项目落地，土地、环评、供电、施工许可一堆事，能不能有人牵个头统一对接？") is None
    assert route(an, "我们遇到困难了，能不能帮帮忙？") is None


def test_outside_every_remit(an: Analyzer) -> None:
    assert route(an, "员工子女入学的事能不能帮忙解决？孩子要上学") is None


def test_in_park_words_beat_bus_words(an: Analyzer) -> None:
    text = "园区北门晚上10点就关了，我们夜班车进不来，能不能开个夜间通道？"
    assert route(an, text) == "园区管委会"


def test_quoted_department_is_an_implicit_addressee(an: Analyzer) -> None:
    text = "「商务局-王科长：展会补贴开始申报」\n- - - - - - - - - - - - - - -\n请问小微企业能申请吗？"
    assert route(an, text) == "商务局"
    two = "「商务局-王科长：展会补贴开始申报」\n- - - - - - - - - - - - - - -\n这个补贴和经信局的技改补贴能同时享受吗？"
    assert route(an, two) is None


ROUTES = [
    ("我们的花椒今年滞销，能不能帮忙联系几个商超？", "商务局"),
    ("想去广交会参展，展位费有没有补贴？", "商务局"),
    ("跨境电商备案怎么弄？想把产品卖到东南亚", "商务局"),
    ("增值税专用发票开错了，怎么红冲？", "税务局"),
    ("留抵退税申请了一个月了还没退下来", "税务局"),
    ("研发费用加计扣除政策今年有变化吗？", "税务局"),
    ("我们的饮片抽检说不合格，想申请复检", "市场监管局"),
    ("电子秤需要年检吗？去哪里检定？", "市场监管局"),
    ("想注册一个商标，能不能指导一下", "市场监管局"),
    ("想搞智能化改造，有没有技改补贴？", "经信局"),
    ("专精特新小巨人怎么申报？", "经信局"),
    ("天然气供气压力不稳，烘干线经常停", "经信局"),
    ("园区到高铁站能不能开个班车？", "交通运输局"),
    ("进村那段乡道坑坑洼洼，货车过不去", "交通运输局"),
    ("冷链配送车辆备案要什么材料？", "交通运输局"),
    ("想招10个电焊工，能不能帮忙发布一下招聘信息", "人社局"),
    ("员工工伤认定怎么办理？", "人社局"),
    ("稳岗返还今年什么时候发？", "人社局"),
    ("食品生产许可证要增项，去哪办？", "行政审批局"),
    ("营业执照经营范围要变更，能网上办吗？", "行政审批局"),
    ("新项目备案需要哪些材料？", "行政审批局"),
    ("想在林下种黄精，林地使用要办什么手续？", "自然资源局"),
    ("厂房的不动产证一直办不下来", "自然资源局"),
    ("扩建需要增加用地指标，能不能协调？", "自然资源局"),
    ("新车间施工许可证什么时候能批？", "住建局"),
    ("消防验收卡住了，说图纸要改", "住建局"),
    ("员工想申请保障性租赁住房，怎么申请？", "住建局"),
    ("车间经常跳闸，电压不稳，能不能派人查一下？", "供电公司"),
    ("想装光伏，并网要怎么申请？", "供电公司"),
    ("这个月电费怎么多了一倍？力调电费是什么？", "供电公司"),
    ("园区食堂的菜太咸了，能不能跟承包方说一下", "园区管委会"),
    ("厂门口下水道堵了，一下雨就积水", "园区管委会"),
    ("园区宽带老是断网，能不能换个运营商", "园区管委会"),
    ("川芎根腐病越来越严重，能不能请农技站的专家来看看", "农业农村局"),
    ("农机购置补贴怎么申请？想买台烘干机", "农业农村局"),
    ("想流转200亩地种中药材，有没有政策支持？", "农业农村局"),
    ("银行要抽贷，能不能帮忙协调一下续贷", "金融办"),
    ("想申请贴息贷款，需要什么条件？", "金融办"),
    ("公司准备上市，有没有上市辅导和奖励政策？", "金融办"),
    ("环评批复下来前能不能先试生产？", "生态环境局"),
    ("危废暂存间满了，转运公司一直不来拉", "生态环境局"),
    ("排污许可证快到期了，延续怎么办？", "行政审批局"),
    ("高新技术企业认定需要什么条件？", "科技局"),
    ("想和四川农大搞产学研合作，能不能帮忙牵线", "科技局"),
    ("科技型中小企业评价怎么填报？", "科技局"),
    ("安全员证快到期了，什么时候有复训？", "应急管理局"),
    ("涉氨制冷要做安全评价吗？", "应急管理局"),
    ("应急预案要找谁备案？", "应急管理局"),
    ("天然气压力老是上不来，燃气公司说是上游气源紧张，请问找哪个部门协调？", "经信局"),  # industrial energy
    ("车间两台5吨行车检验到期了，约特检院排了一个多月，能不能帮忙协调快点？", "市场监管局"),  # special equipment
    ("新厂区要接天然气，燃气公司说市政中压管网还没铺到我们那条路上，要等到啥时候？", "住建局"),  # gas mains
    ("合作社想给金银花申请个地理标志，要咋个弄？找哪个部门？", "市场监管局"),  # LABELS.md: GIs
    ("想加建一个钢结构车间，规划许可、施工许可、消防都要办，有没有人能帮着代办", "行政审批局"),  # 帮办代办
    ("园区变电站那边一直嗡嗡响，声音比平时大好多，是不是有啥子问题？", "供电公司"),
    ("周科，学徒制的培养协议签好了，补贴什么时候能申请？", "人社局"),
    ("周日要加班赶订单，停一天水生产线没法开，能不能安排个水车过来？", "园区管委会"),
]


@pytest.mark.parametrize(("text", "dept"), ROUTES)
def test_routes_by_remit(an: Analyzer, text: str, dept: str) -> None:
    assert route(an, text) == dept


def test_preferences_settle_near_ties(an: Analyzer) -> None:
    assert route(an, "我们村到镇上那段县道坑坑洼洼的，收药材的大车都不愿意进来") == "交通运输局"
    assert route(an, "我们新买了10台新能源城市配送车，备案要去哪里办？") == "交通运输局"
    assert route(an, "广交会的展位补贴今年还有吗？") == "商务局"


@pytest.mark.parametrize(
    ("text", "dept"),
    [
        ("我们种的白芍叶子发黄还有病斑，打药不管用", "农业农村局"),  # crop disease
        ("车间普工还没招够，还差三个人，麻烦再推一推", "人社局"),
        ("廠裡的網路又斷了，麻煩看一下", "园区管委会"),  # Traditional 網路 → 网路
        ("新厂要搬进园区，用地、环评、消防一大堆手续，不知道从哪开始", None),  # spans several
        # three departments' matters listed: no single owner (LABELS.md)
        ("我们打算把区域总部搬到园区来，区里对总部落户有啥扶持政策？税收、用地、高管人才公寓这些都想了解下", None),
    ],
)
def test_remit_classes(an: Analyzer, text: str, dept: str | None) -> None:
    assert route(an, text) == dept


@pytest.mark.parametrize(
    "text",
    [
        "想在镇上建个冷链仓，要用地、要报装用电、还要消防，一头雾水，到底先找哪个部门？",
        "用工难、电费高、路又烂，好几个问题压在一起，区里能不能统一协调一下",
    ],
)
def test_many_needs_at_once_have_no_single_owner(text: str) -> None:
    assert Analyzer.default().route(text) is None


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("物流园外面能不能规划个货车停车场？大车都停马路边，交警天天贴条", "交通运输局"),  # 交警 is a side remark
        ("首台（套）装备今年什么时候开始申报？", "经信局"),
        ("早上那班8路根本挤不上，能不能加一班？", "交通运输局"),
        ("园区里面的路挖开两个月了还没填平", "园区管委会"),
        ("三号路说月底修完，现在还围着，货车天天绕路", "园区管委会"),  # a numbered road inside the park
        ("通往基地的村道塌方了，收药的车进不来", "交通运输局"),
        ("天然气又没压力了，炉子点了三次都点不燃", "经信局"),  # gas supply pressure
        ("车间网速太慢，MES老掉线", "园区管委会"),
        ("我们卤菜作坊想办个小作坊登记证，要带啥材料？", "行政审批局"),  # a registration certificate
    ],
)
def test_more_remit_words(text: str, department: str) -> None:
    assert Analyzer.default().route(text) == department


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("我们厂门口那个路灯坏了快一个月了，晚上黑灯瞎火的，到底谁来管一下嘛", "园区管委会"),
        ("想把隔壁村50亩撂荒地流转过来种黄精，这个手续到底找哪个部门办？", "农业农村局"),
    ],
)
def test_who_handles_it_about_one_matter_goes_to_its_owner(text: str, department: str) -> None:
    """ "到底谁来管/找哪个部门" spans departments only when the ask names several matters."""
    assert Analyzer.default().route(text) == department


def test_asking_two_departments_who_owns_it_has_no_one_owner(an: Analyzer) -> None:
    """Two departments @-mentioned and "不知道该找哪个部门": neither is the owner; with one, it is that one."""
    text = "想问下，原材料涨价、招工难、电费又高，区里有没有综合扶持政策？我们都不知道该找哪个部门"
    two = ("经信局-李科", "人社局-周科")
    assert route(an, f"@经信局-李科 @人社局-周科 {text}", two) is None
    assert route(an, f"@人社局-周科 {text}", two[1:]) == "人社局"
    assert route(an, "@经信局-李科 @人社局-周科 想问下招工难，区里有没有招聘会？", two) == "人社局"


def test_inspections_by_several_offices_asked_to_be_coordinated_have_no_one_owner() -> None:
    """环保, 应急, 消防, 市监 beside 统筹: the ask spans them, though only 环保 is a remit word."""
    text = "我们冷库这个月来了五拨检查了，环保查了应急查，消防查了市监又来查，每次都要停下来配合，能不能统筹一下"
    assert Analyzer.default().route(text) is None
    assert Analyzer.default().route("环保查了好几次了，能不能统筹一下时间，别每次都停产") == "生态环境局"


def test_an_agent_across_the_offices_goes_to_the_approval_bureau() -> None:
    """LABELS.md: 帮办代办 → 行政审批局, even when the stuck case spans several departments."""
    text = "用地、环评、施工许可都卡着，来回跑了两个月，能不能派个帮办专员全程跟一下？"
    assert Analyzer.default().route(text) == "行政审批局"


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("我们想在乡镇建几个共配中心，用地、建房、还有物流补贴都不清楚该找谁", None),  # several needs
        ("厂门口排水堵了，县道也坑坑洼洼，路灯也不亮，到底谁来管", None),
        ("徐经理，27号停电我们正好要赶货，能不能给我们接个临时电源？", "供电公司"),
        ("东环晚上10点后限高杆一直没撤，9.6米的车过不去，能不能协调撤一下", "交通运输局"),
        ("我们从合作社收的辣椒能自己开收购发票吗", "税务局"),
    ],
)
def test_owners_and_spans_from_more_writers(text: str, department: str | None) -> None:
    assert Analyzer.default().route(text) == department


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("我们冷库用的是氟利昂不是氨，这个也要报吗？", "应急管理局"),
        ("想把隔壁村那50亩撂荒地流转过来种黄精，这个手续找哪个部门办？", "农业农村局"),
        ("我们想给蔬菜基地申请绿色食品认证，要准备啥", "农业农村局"),
        ("合作社的白芷挖出来一大半了，往年来收的老板今年没来，能不能帮忙联系下销路？", "商务局"),
        ("韩国那个客户要原产地证书，我们以前没弄过，是找哪个部门办哦？", "商务局"),
        ("我们仓库里废切削液、废油桶堆了三个多月了，联系了两家转运公司都说排不上", "生态环境局"),
        ("我们有个产品想进盒马，对方要一个食品安全管理体系认证，这个是哪个部门管的哦？", "市场监管局"),
        (  # a co-operative's crop with no buyer: sales, though 合作社 and 亩 are farming words
            "今年丹参行情不好，收购商压价压得厉害，我们合作社两百多亩的货压在手里，政府能不能帮我们对接一下药厂？",
            "商务局",
        ),
        # 园区这边 says where the bus runs; asked of the park (园区这边能不能查一下) it names the owner
        ("园区这边早班的17路公交6点50才到站，我们6点半就要进车间，能不能把首班车提前到6点20？", "交通运输局"),
        ("电信说是园区主干的问题，园区这边能不能查一下", "园区管委会"),
    ],
)
def test_remits_from_more_writers(text: str, department: str) -> None:
    assert Analyzer.default().route(text) == department


@pytest.mark.parametrize(
    "text",
    [
        # a plea to the government at large for help in general: no single owner, whatever troubles it lists
        "今年招工难、社保也涨了，订单还少，政府能不能出点政策帮一下我们这种小厂",
        "员工下班没公交，厂里又没食堂，希望政府想想办法",
        "种药材的太难了，病虫害多、贷款又难，政府能不能出台点措施扶持一下",
        "园区招人难、住宿少、交通也不方便，希望区里各个部门一起研究下",
        "有没有节后复产扶持政策的汇总？我们看不过来，各个部门分散发的",
    ],
)
def test_a_plea_to_the_government_at_large_has_no_single_owner(an: Analyzer, text: str) -> None:
    assert route(an, text) is None
    assert an.no_single_owner(text)


def test_a_plea_to_all_for_one_agent_goes_to_the_agent(an: Analyzer) -> None:
    text = "扩建的手续一大堆，各个部门跑了两个月还没理顺，政府能不能统筹一下，派个帮办帮我们跑一跑"
    assert route(an, text) == "行政审批局"


@pytest.mark.parametrize(
    ("text", "dept"),
    [
        ("今年川芎价格压得很低，政府能不能帮我们找点销路", "商务局"),  # one remit: sales channels
        ("我们打算上市，区里有没有上市辅导的奖励政策？", "金融办"),  # a question about one policy
        ("我们想做跨境电商海外仓，区里有没有政策支持？", "商务局"),
    ],
)
def test_a_plea_or_a_policy_question_on_one_remit_goes_to_its_owner(an: Analyzer, text: str, dept: str) -> None:
    assert route(an, text) == dept
    assert not an.no_single_owner(text)
