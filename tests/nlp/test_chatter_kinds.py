"""Everyday group chatter that must not become a request (LABELS.md "Not requests"), next to real requests.

Written apart from the labelled sets, as a check that the rules cover the kinds of chatter rather than
particular sentences.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=timezone(timedelta(hours=8)))
_MENTION = re.compile(r"@(\S+?) ")

CHATTER = [
    "有没有做冷库安装的师傅，推荐一个",
    "谁知道附近哪里有修叉车的？",
    "各位老板，你们厂里工人一般给多少工资？",
    "请问下午的会议是在几楼？",
    "刚才的文件打不开，能不能再发一次",
    "麻烦把我们财务小张拉进群，谢谢",
    "+1，我们也有这个问题",
    "同问，我们厂也想知道",
    "支持！我们也遇到了",
    "上周说的路灯的事有进展了吗",
    "哈哈，能不能给我们也发个对象😂",
    "这生意太难做了，原材料又涨价了，唉",
    "今年雨水多，黄芪长得不行啊",
    "出售今年新货当归500公斤，有需要的私聊",
    "今日川芎行情：统货18元/公斤，选货22",
    "上次那批白芷已经发货了，感谢王总",
    "谁认识做包装箱的厂家？",
    "有没有人用过那个电子税务局的新版？好不好用",
    "收到，我们准时参加",
    "欢迎大家来我们展位参观，8号馆A12",
    "周末有没有一起去钓鱼的",
    "这天热得，车间里跟蒸笼一样",
    "听说今年补贴标准提高了，真的假的",
    "我们上个月申请的那个补贴批下来了没有",
    "会议链接是多少？我没找到",
    "哪位有市监局李科的电话？",
    "大家中秋快乐！",
    "有没有要拼车去成都展会的",
    "园区食堂今天的回锅肉不错👍",
    "你们物流公司跑西藏线吗？",
    "我们的电商直播间今晚8点开播，欢迎捧场",
    "群里有没有做直播的朋友，交流一下经验",
    "领导，能不能给我们发个女朋友[捂脸]",
    "这电费再涨下去，我们干脆关门算了，哈哈",
    "这政策看着好，门槛太高了，我们小厂根本够不着",
    "今年的展会比去年人少多了",
    "@商务局-王科长 王科长辛苦了，上次的对接会很有收获",
    "顶一下，这个问题我们也关心",
    "我们也一样，等消息",
    "跟上面那位一样，我们的班车也是这个情况",
    "有人知道社保基数今年调了多少吗？",
    "哪位老板有多余的托盘，借我们二十个，周末还",
    "兄弟们，晚上谁去吃烧烤",
    "刚看了新闻，咱们区上电视了👍",
    "请问群里有做报关的朋友吗？想咨询一下出口流程",
    "收到，谢谢周科，我们这边马上落实",
    "好的，明天上午我们派人去现场",
    "会议资料能不能发一份到群里？",
    "群主，能把我们新来的业务员拉进群吗",
    "昨天说的那个事还没消息，再等等看吧",
    "路灯的事麻烦再催一下，都一个月了",
    "刚才停了会儿电，现在好了",
    "今天园区门口堵得厉害，大家绕一下北门",
    "我们厂在招普工，待遇从优，有介绍的私聊",
    "有没有靠谱的财务代账公司推荐？",
    "这个补贴去年我们申请过，流程挺快的，大家可以试试",
    "谁家的货车明天去成都，帮忙捎两箱样品",
    "又检修？上周才检修过一回",  # griping that it happened again so soon
    "你们厂停水那天怎么安排的，放假没？",  # how the others handled it
    "签了！首批5000箱的订单，感谢各位帮忙",  # a deal signed
    "报名，宏达机械 3人",  # signing up with a head count
    "转发一篇：《外贸企业如何应对汇率波动》",  # a forwarded article
    "出一批二手托盘，1200×1000的，八成新，有要的联系",  # a supply offer
    "陈货还有三吨多，要的私我",  # stock left: an offer
    "厂里发电车到了，一点没耽误生产，给供电公司点个赞",  # praise
    "我家的白芷还有五吨多没出，统货，要的老板打我电话",  # a grower's offer
    "那批当归已经收齐了，谢谢李总帮忙找货",  # a need met
    "@交通局-陈科 陈科，那段路又塌了一块，有没有进展？",  # a nudge on an earlier request
    "有没有做冷库安装的，价格好说",  # looking for a peer who does something
    "收到，申报表有几处不会填，到时候现场问",  # the question is kept for the meeting
    "王科，营业执照照片已经发给您了，麻烦看看",  # what was asked for has been sent
    "跟广州客户的花椒2吨签了，谢谢商务局帮忙牵线",  # thanks for help already given
    "收到李站长，麻烦你们了，下雨还跑一趟",  # thanks
    "明白了，我先去镇上问问，弄不来再找你",  # the question is kept for later
    "@人社局-周科 周科，后天招聘会我们展位是几号？",  # event housekeeping
    "当归！我有我有 @商务局-王科长",  # an offer
    "京昆高速又堵死了，车全卡在收费站",  # traffic on a highway: nothing to handle here
    "有没有跑过新疆线的师傅给点建议",  # a peer who has done it
    "请问群里哪家做过高企认定的？想问问要准备多久",
    "有要花椒苗的吗，两万株，便宜出",  # an offer
    "有没有人要托盘的，仓库清出来一批，大概三百个，免费送",
    "是的 我们厂门口那盏也不亮",  # the same problem added to someone else's report
    "有没有哪家冷库最近还有空位的？想了解下价格",
    "好的王科长，马上整理发你",  # will send what was asked
    "周科，报名表是哪个？群里没看到附件呢",  # housekeeping
    "黄科，平台登录密码忘了，找谁重置呀？",
    "蒋总你们新厂房在哪一片？东区那边吗",  # one member to another
    "@生态环境局-郑工 郑工，改造方案发你邮箱了，麻烦有空看一下",
    "复检申请已经交了，等结果，希望是好消息",
    "@生态环境局-郑工 郑工，方案看了没？",  # a nudge
    "聽說今年種植補貼每畝加了一百，是真的嗎？",  # is the rumour true
    "[图片][图片] 大家帮忙看看，是不是烂根",  # a peer question
    "周科，我们也报一个，缺质检和叉车工",  # signing up
    "今天北边那段县道施工，堵了一个多小时😤",  # griping about announced road works
    "城南那段修路封了半幅，冷链车又得多绕二十公里",
    "续贷手续今天全部办完了，总算松了口气",  # relief, not a loose fixture
    "董经理收菜籽的话可以问下白鹤镇那边的合作社，他们种得多",  # a peer's tip: whom to ask, not an ask
    "商务局是在老政府那栋楼不？",  # where an office is: housekeeping
]

REQUESTS = [
    "我们今年研发投入有400多万，听说有研发后补助，是按什么比例补？什么时候申报？",  # hearsay, then a question
    "我这有两万斤黄精，往年来收的老板今年不来了 @商务局-王科长 王科长帮我们找找买家",  # a grower selling
    "王经理，下周三我们有一批冻品要出库，停电能不能改到晚上？冷库扛不住",  # 要出库 is no offer
    "厂门口的路灯坏了一个月了",
    "我们想申请技改补贴，需要什么条件？",
    "能不能协调一下夜班公交，工人下班没车",
    "园区的网络太卡了，视频会议都开不了，麻烦看一下",
    "今年的稳岗返还什么时候发？",
    "我们的黄芪卖不出去，能不能帮忙找找销路",
    "路灯坏了一个月都没人修，麻烦园区尽快处理",
    "@交通局-陈科 下班高峰园区门口的红绿灯能不能调一下时长",
    "我们的出口退税三个月了还没到账，麻烦税务局查一下",
    "厂里想上光伏，报装流程怎么走？",
    "请问高企认定今年什么时候开始申报？",
    "县道施工堵了一个星期了，能不能晚上放大货车过？",  # an ask about the works is a request
    "厂门口那个井盖又松了，昨晚上货车压过去咣当一声，吓死个人",  # a loose fixture is a problem
]


@pytest.mark.parametrize("text", CHATTER)
def test_chatter_stays_chatter(text: str) -> None:
    a = Analyzer.default().analyze(text, now=NOW, role="enterprise", mentions=_MENTION.findall(text))
    assert a.label == "chatter"


@pytest.mark.parametrize("text", REQUESTS)
def test_requests_stay_requests(text: str) -> None:
    a = Analyzer.default().analyze(text, now=NOW, role="enterprise", mentions=_MENTION.findall(text))
    assert a.label == "request"


BUYERS = [
    "转个客户的需求，有货的私聊：\n1、轴承 6205 500套\n2、轴承 6306 200套",  # 有货的私聊 asks suppliers
    "@老吴 老吴，六角螺栓 M8×30 一万颗，今天能送不",  # a count in Chinese numerals with 万
    "收白芷 选货 5吨，价格按当时行情加两毛",  # price terms, not a market report
    "轉發客戶需求：\n牛肉乾 100g/包 8000包\n需要出口資質，7月中旬前出貨",  # 需要出口 is not 要出 (selling)
    "焊丝 1.2mm 100盘 氩气 20瓶 尽快",  # a bare list of items and amounts on one line
    "冻带鱼 中段 3吨 报价",  # a quantity to be quoted
    "谁有干香菇500斤，做酱用的，这周要",  # who has a quantity: a buyer
    "收土鸡蛋 新鲜 5万枚，8月初开始供",
    "猪肉每天500斤，连续供两个月 @商务局-王科长 王科能帮问问哪个乡镇有吗",  # asking an official to source it
    "帮成都客户问：魔芋精粉 粘度28000以上 5吨，鲜芋 100吨",  # on behalf of a buyer
    "UPS 不间断电源 3kVA 4台，蓄电池 12V100AH 16块，7月17日前到",  # 不间断电源 is no outage
    "采购 18650电芯 2600mAh 2万支，单价不超过6.5元/支",  # counted in 支
    "下半年的量：\n黄芪 统片 10吨\n党参 段 5吨\n有货的师傅们7月中旬前给我报价+样品",
]


@pytest.mark.parametrize("text", BUYERS)
def test_buyers_stay_procurement(text: str) -> None:
    a = Analyzer.default().analyze(text, now=NOW, role="enterprise", mentions=_MENTION.findall(text))
    assert a.label == "procurement"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("[文件] 2026年技改补贴申报指南.pdf", "chatter"),  # a file with nothing but its name
        ("冷链企业座谈会十分钟后开始，腾讯会议 583-226-917，请大家准时入会", "meeting"),
        ("【培训通知】第二期电工培训定于7月2日-4日在区职教中心举办，每家可报2人，请于6月28日前报名", "meeting"),
        ("@华创智能-赵总 焊工培训班定在3月16日开班，名额给你们留了15个", "answer"),  # to one company
        ("不客气，应该的，后面合同执行有啥问题随时说", "chatter"),  # a reply to thanks
    ],
)
def test_official_files_and_gatherings(text: str, label: str) -> None:
    a = Analyzer.default().analyze(text, now=NOW, role="official", mentions=_MENTION.findall(text))
    assert a.label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("冷库保温板 聚氨酯 100mm 800平方 冷风机 3台 压缩机组 1套 新建一个冷库 七月底要用", "procurement"),
        ("叉车锂电池 48V 300Ah 两组 给杭叉换的", "procurement"),
        ("西博会区里统一组团参展，展位费全额补贴，有意向的企业10月10日前报名", "policy"),  # 统一组 is no count
        ("今天跟几家种植户谈好了，川芎先订了20吨，感谢商务局搭桥", "chatter"),  # a deal done
    ],
)
def test_lists_projects_and_deals(text: str, label: str) -> None:
    role = "official" if "报名" in text else "enterprise"
    assert Analyzer.default().analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("今天座谈会收获很大 药企的张经理当场定了我3吨白芷 哈哈", "enterprise", "chatter"),  # a deal, not a demand
        ("今天来的几个老板看了货 饮片厂定了50吨 谢谢王科长跑一趟", "enterprise", "chatter"),
        ("那算了 发电车太贵 我们调一下班 周六放假周日补", "enterprise", "chatter"),  # the need withdrawn
        ("在路上了 堵车 可能晚到十分钟", "enterprise", "chatter"),  # running late to a gathering
        ("今天的培训课件能不能发群里一份 那天没记全", "enterprise", "chatter"),  # housekeeping
        ("有没有哪个老板在用氢能冷藏车的 想了解下实际跑下来成本", "enterprise", "chatter"),  # a peer question
        ("商标复审交上去了 知识产权科小周人很好 教得很仔细", "enterprise", "chatter"),  # praise
        ("【数据报送】请集群内规上企业于6月10日前报送1-5月主要经济指标，表格见群文件", "official", "policy"),
        ("陈工，高企申报一般7月开始，8月底截止，下周三有个辅导专场，你们派人来现场问", "official", "answer"),
    ],
)
def test_deals_withdrawals_housekeeping_and_replies_by_name(text: str, role: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("王工 哈轴6205有现货 300多套 下午可以送过来 价格私你", "chatter"),  # a supplier answers a buyer
        ("阿梅 硅钢有宝钢的50W470 库里六吨多 剩下的要从成都调", "chatter"),
        ("鱼腥草干品有 今年的 颜色好 五吨都出得了 图片发你了", "chatter"),
        ("有收黄精的吗 我这边有2吨多", "chatter"),  # a seller asks who buys: the amount is the writer's
        ("收丹生 统货 贰吨 28一公斤 急", "procurement"),  # a financial numeral
        ("焊材补单：ER50-6 Φ1.0 再要100盘 一样的牌子 7月8号前", "procurement"),  # a repeat order
        ("租冷箱 20RF 5个 租一个月 7月20日起用 有资源的电话联系", "procurement"),  # hiring is buying
        ("陈科，我们有4台新能源厢式车是上周才上牌的，能一起报不？", "request"),  # what the writer has
    ],
)
def test_suppliers_answers_and_buyers_repeat_orders(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("今天对接会收获满满，盒马的采购让我们下周寄样品过去😍", "enterprise", "chatter"),  # a gathering that was
        ("管理员培训是在四楼哪边？我在电梯口了", "enterprise", "chatter"),  # which room
        ("赵经理 丹参我有，要切片的话我找人切", "enterprise", "chatter"),  # 找人 is the writer's own doing
        ("各位老总早上好☀️ 本群继续做好政企沟通服务，进群请按“单位-姓名”修改群昵称", "official", "chatter"),
    ],
)
def test_past_gatherings_rooms_and_group_rules(text: str, role: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("今年这雨下得太多了，坡下那几亩黄芪好多烂根的，愁死个人😩", "chatter"),  # a worry, no ask
        ("钟主任，食堂价格那个事有说法了没？工人还在问", "chatter"),  # a nudge: has word come
        ("这个真的危险，支持胡总", "chatter"),  # backing someone else's request
        ("支持胡总这个建议", "chatter"),
        ("我们迅捷去年在那段堵了两个小时，支持几个部门一起协调", "chatter"),  # backing the ask before it
        ("王家桥那边晚上还没路灯，大家开慢点", "chatter"),  # a warning to everyone, no ask
        ("停电开始了，冷库门都关严了，大家也注意下", "chatter"),
        ("王家桥那边晚上还没路灯，能不能装几盏？大家开慢点", "request"),  # the ask is there too
        ("南边太远了，走过来要十几分钟……算了，先这样嘛", "chatter"),  # let go
        ("有没有人晓得哪里有正规的柴胡种苗？", "chatter"),  # a peer question
        ("请问招聘会每家几张桌子？我们想带台设备过去现场演示", "chatter"),  # housekeeping
        ("想問一下各位領導，我們合作社今年想擴大規模，有什麼扶持政策可以申請？", "request"),  # 各位领导: officials
        ("今年当归丰收了 就是找不到销路 仓库里还压着几十吨 愁死了", "request"),  # a worry with a sales problem
    ],
)
def test_worries_nudges_backing_and_peer_questions(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("今天联席会共收集问题9个，会议纪要明天整理好发群里，各部门按分工限期答复", "official", "chatter"),  # 收集
        ("新冷库还有2000吨库容，需要冻品仓储的老板联系我", "enterprise", "chatter"),  # an offer of space
        ("周叔，白芷統貨給我留5噸，價格按上週說的13塊一公斤，下週五前來拉", "enterprise", "procurement"),  # reserve
        ("今天培训干货满满，林下种黄连的密度问题终于整明白了", "enterprise", "chatter"),
        ("葛根收了12吨了，还差8吨 继续收", "enterprise", "procurement"),
    ],
)
def test_reports_offers_reservations_and_tips(text: str, role: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("红枣还是没找到合适的，重新发一下：若羌灰枣 特级 2吨，价格30元/公斤以内，月底前到", "procurement"),
        ("陈科 县道那几个大坑昨天补上了 先凑合跑着 等7月正式修", "chatter"),  # a fix reported
        ("@供电公司-客户经理小杨 昨天勘查的结果咋样，方案啥时候出？", "chatter"),  # a nudge
    ],
)
def test_reposts_fixes_and_nudges(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise", mentions=_MENTION.findall(text)).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("刘站长，第二遍药打完了，新叶子都是绿的了，烂根的没再冒出来，真是谢谢你们跑一趟🙏🙏", "chatter"),  # fixed
        ("托盘我们仓库有一批二手的，九成新，范经理要不要？", "chatter"),  # an offer
        ("请问群里有卖土蜂蜜的吗？想买点送人", "chatter"),  # a peer question
        ("黄连也可以去不？", "chatter"),  # may I come along
        ("那太好了，麻烦约个帮办员吧，这周四上午能来不？", "request"),
    ],
)
def test_thanks_for_fixes_offers_and_peer_asks(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("唐科，变更材料已经在网上提交了，麻烦帮忙关注下🙏", "chatter"),  # a report of what was sent
        ("@供电公司-韩经理 韩经理，租赁合同补交了，麻烦看下", "chatter"),
        ("唐科，现场核查时间定了没？设备都调试好了，就等证了", "chatter"),  # a nudge
        ("我们用的XX溯源，一年几千块，还可以，私你", "chatter"),  # money, not an amount of goods
    ],
)
def test_reports_of_sending_nudges_and_market_talk(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == label


def test_family_matters_are_no_supply_offer() -> None:
    text = "王科长，黄连有没有厂家要啊？我家今年挖了两吨多，五年生的，上次对接会家里有事没赶上"
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == "request"  # finding buyers


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("周六停电啊😭 我们周六要赶一批货", "chatter"),  # a remark on an announced stop
        ("明天停电放假一天，工人开心😄 老板不开心", "chatter"),
        ("周六停电，我们有急单要赶，能不能推到下周？", "request"),  # asks to move it
    ],
)
def test_remarks_on_an_announced_stop(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("請問有人收重樓嗎？家裡種了三年的", "chatter"),  # a grower's offer
        ("我家重楼有人要没 三年生的 大概400斤", "chatter"),
        ("@山里人 你那重楼我们要，三年生的400斤全要了，价格多少？下周能送过来不", "procurement"),  # the buyer
        ("王科长 我们散户能去吗 没加入合作社", "chatter"),  # may we come
        ("线上备案培训是今天下午3点吗？会议号多少来着", "chatter"),
    ],
)
def test_growers_offers_buyers_taking_them_and_attendance(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise", mentions=_MENTION.findall(text)).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("李总 白芷要不要嘛 我屋头还有两吨多去年的货", "chatter"),  # an offer
        ("谢科，线上能不能参加？人在外地出差", "chatter"),  # housekeeping
        ("有人晓得今年黄精种苗啥价不？", "chatter"),  # a peer question
        ("陈科，个体户那个问题还没回我呢😅", "chatter"),  # a nudge
        ("昨晚看到亮了，谢谢邓主任👍 另外还有个事：交叉口那条减速带被压烂了，麻烦也弄一下", "request"),  # a new one
    ],
)
def test_offers_attendance_peer_questions_nudges_and_new_issues(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == label


@pytest.mark.parametrize(
    "text",
    [
        "二荆条这几天涨得凶哦 18有点难收",  # market talk
        "在路上了 堵车 可能晚到十分钟",
        "我们用的鼎捷，一般般吧，实施拖了大半年",  # an opinion on a vendor
    ],
)
def test_price_rises_traffic_and_vendor_opinions_are_no_trouble_for_a_department(text: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise").label == "chatter"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("有没有哪位老板办过危险品运输许可的？好不好办？有客户想让我们拉油漆", "chatter"),  # asks peers
        ("那个麻烦哦，专用车、停车场、安全员都要持证，你直接问审批局嘛，群里有罗科", "chatter"),  # a peer's tip
        ("@市场监管局-孙科 孙科 周二问的零添加那个问题有空帮忙看下哈，包装厂等着定稿", "chatter"),  # a nudge
        ("师傅来测过了，是我们自己厂里的电容补偿柜坏了，不是线路的问题，我们自己找人修", "chatter"),
        ("昨晚亮了，谢谢杨主任🙏 另外C4门口那个雨水井盖也碎了一块，麻烦顺便一起换一下", "request"),  # a new issue
    ],
)
def test_peer_tips_weekday_nudges_own_faults_and_new_issues(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise", mentions=_MENTION.findall(text)).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("@环保局-冯科 冯科，在线监测数据和运维记录已经发到您邮箱了，麻烦查收", "chatter"),  # a report of sending
        ("唐科，我们来两个人，需要带什么资料不？", "chatter"),  # housekeeping for a gathering
        ("邓科，我们没报名，今天直接去可以不？", "chatter"),
        ("王科，我们报上了吗？", "chatter"),  # a nudge
        ("@商务局-王科长 王科，酸菜这个我们能做，已经加徐经理微信了🙏", "chatter"),  # a supplier answers
        ("罗老师给的药灌了两次，烂根的没再往外扩了，新叶子也起来了，谢谢农技中心👍", "chatter"),  # fixed
    ],
)
def test_sent_reports_attendance_nudges_offers_and_fixes(text: str, label: str) -> None:
    assert Analyzer.default().analyze(text, now=NOW, role="enterprise", mentions=_MENTION.findall(text)).label == label
