"""Regression cases written from LABELS.md and domain knowledge (not from the labelled sets)."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer

NOW = datetime.fromisoformat("2026-06-10T09:00:00+08:00")
ENT, OFF = "enterprise", "official"

LABEL_AND_FLAG = [
    ("补贴已经收到了，感谢人社局的帮助", ENT, "chatter", True),
    ("路灯亮了，谢谢园区", ENT, "chatter", True),
    ("问题解决了，谢谢王科长", ENT, "chatter", True),
    ("执照拿到了，效率真高👍", ENT, "chatter", True),
    ("电已经来了，谢谢供电所", ENT, "chatter", True),
    ("网络恢复了，感谢", ENT, "chatter", True),
    ("燃气压力正常了，谢谢郑科协调", ENT, "chatter", True),
    ("公交站牌已经装上了", OFF, "answer", True),
    ("贷款批下来了，多谢金融办牵线", ENT, "chatter", True),
    ("我们的事已经办妥了，谢谢", ENT, "chatter", True),
    ("复检结果出来了，合格，谢谢市监局", ENT, "chatter", True),
    ("不用麻烦了，我们自己找到买家了", ENT, "chatter", True),
    ("这个事不需要了，谢谢", ENT, "chatter", True),
    ("水管修好了，现在正常供水", OFF, "answer", True),
    ("已经按要求整改完毕", OFF, "answer", True),
    ("款已到，谢谢", ENT, "chatter", True),
    ("收到补贴款了，谢谢", ENT, "chatter", True),
    ("证下来了！感谢审批局", ENT, "chatter", True),
    ("好消息，环评批复下来了，感谢邓科一路指导", ENT, "chatter", True),
    ("宿舍的热水今天恢复了", OFF, "answer", True),
    ("谢谢陈科，明天我们去现场看看", ENT, "chatter", False),
    ("收到，我们等通知", ENT, "chatter", False),
    ("有没有人知道社保基数今年调了没？", ENT, "chatter", False),
    ("谁知道电子税务局怎么登录？", ENT, "chatter", False),
    ("税务局的电话多少？", ENT, "chatter", False),
    ("王科长，您的电话多少？", ENT, "chatter", False),
    ("今年生意真难做，订单少了一半", ENT, "chatter", False),
    ("这天气热得受不了，车间跟蒸笼一样", ENT, "chatter", False),
    ("上次说的路灯的事怎么样了？", ENT, "chatter", False),
    ("#15 有人管吗", ENT, "chatter", False),
    ("王科长辛苦了！", ENT, "chatter", False),
    ("明天的会我们派谁去合适？", ENT, "chatter", False),
    ("谢谢各位领导关心", ENT, "chatter", False),
    ("我们也想报名直播培训", ENT, "chatter", False),
    ("支持！这个问题我们也有", ENT, "chatter", False),
    ("群里有做冷链运输的吗？", ENT, "chatter", False),
    ("请问会议资料在哪下载？", ENT, "chatter", False),
    ("麻烦把我拉进直播培训群", ENT, "chatter", False),
    ("能不能把上次的政策文件再发一下？", ENT, "chatter", False),
    ("欢迎新朋友加入", ENT, "chatter", False),
    ("大家注意防暑降温", ENT, "chatter", False),
    ("恭喜川康药业获评专精特新企业！", ENT, "chatter", False),
    ("我们公司新上了一条生产线，欢迎各位来参观指导", ENT, "chatter", False),
    ("领导，停电是什么原因？什么时候来电？", ENT, "request", False),
    ("厂里又停电了！！！这个月第三次了", ENT, "request", False),
    ("我们厂需要招20个普工，有没有渠道？", ENT, "request", False),
    ("园区的网太卡了，视频会议都开不了", ENT, "request", False),
    ("出口退税申报了两个月还没到账", ENT, "request", False),
    ("今年的种苗补贴什么时候发？", ENT, "request", False),
    ("我们想申请专精特新，需要什么条件？", ENT, "request", False),
    ("「人社局-周科：稳岗返还已经开始发放」\n- - - - - - - - - - - - - - -\n我们怎么还没收到？", ENT, "request", False),
    ("@商务局-王科长 我们要采购一批包装箱 5000个，能不能帮忙推荐供应商？", ENT, "procurement", False),
    ("求购：黄芪 统货 3吨，有货的私聊", ENT, "procurement", False),
    ("需要500个托盘，哪位老板有", ENT, "procurement", False),
    ("收菊花 10吨，价格好商量", ENT, "procurement", False),
    ("谁家有当归？要2吨", ENT, "procurement", False),
    ("长期收购新鲜花椒，每月50吨，要求无杂质", ENT, "procurement", False),
    ("关于开展2026年度安全生产大检查的通知，请各企业做好自查", OFF, "policy", False),
    ("明天上午9点至下午5点，园区东区停水，请各企业做好储水准备", OFF, "policy", False),
    ("稳岗返还政策今年继续执行，符合条件的企业无需申请，系统自动发放", OFF, "policy", False),
    ("请各企业于6月20日前填报上半年产值数据", OFF, "policy", False),
    ("你们这种情况可以申请缓缴", OFF, "answer", False),
    ("这个问题我们了解一下，明天给您答复", OFF, "answer", False),
    ("可以的，带上身份证和营业执照就行", OFF, "answer", False),
    ("已经安排师傅过去了", OFF, "answer", False),
    ("下周三上午10点在园区会议中心召开中药材产销对接会，请相关企业报名参加", OFF, "meeting", False),
    ("今天下午的座谈会改到3楼会议室", OFF, "meeting", False),
    ("原定本周五的培训取消", OFF, "meeting", False),
    ("提醒一下，明天上午9点政企联席会议，别忘了", OFF, "meeting", False),
    ("收到，准时参加", ENT, "chatter", False),
    ("好的", OFF, "chatter", False),
    ("路灯今天已经修好了，明天再把那一排检查一遍", OFF, "answer", True),
    ("已经安排好了，明天施工", OFF, "answer", False),
    ("已经通电了，谢谢李工", ENT, "chatter", True),
    ("设备复检合格了，感谢市监局", ENT, "chatter", True),
    ("这个事就不麻烦大家了，我们自己解决了", ENT, "chatter", True),
    ("「园区管委会-赵主任：北门的门禁已经调好了」\n- - - - - - - - - - - - - - -\n谢谢赵主任！", ENT, "chatter", True),
    ("已经转给住建局了，@住建局-张科 请跟进一下", OFF, "answer", False),
    ("已受理，3个工作日内办结", OFF, "answer", False),
    ("已经联系上了，明天去谈", OFF, "answer", False),
]

LABEL_ONLY = [
    ("@商务局-王科长 能不能帮我们找个菜籽油供应商，每月要20吨", ENT, "procurement", ["商务局-王科长"]),
    ("急需5台叉车，哪里能租到？", ENT, "procurement", []),
    ("有没有懂的帮忙找一下做包装的厂家，我们每月要10万个纸箱", ENT, "procurement", []),
    ("王科长，麻烦帮忙问问有没有收金银花的，我们社有3吨", ENT, "request", []),  # finding buyers: 商务局
    ("我们合作社今年种了200亩川芎，到时候能不能帮忙联系销路？", ENT, "request", []),
    ("请问哪里能买到304不锈钢板？需要2吨", ENT, "procurement", []),
    ("@李总 上次说的那批黄芪还有吗？我们要1吨", ENT, "procurement", ["川康药业-李总"]),
    ("诚征合作：本公司需常年采购天麻、黄精，年用量50吨以上，欢迎合作社联系", ENT, "procurement", []),
    ("大家帮忙转发一下，我们厂招聘普工10名，包吃住", ENT, "chatter", []),
    ("有没有一起去药交会的？可以拼车", ENT, "chatter", []),
    ("晚上一起吃个饭？", ENT, "chatter", []),
    ("明天下雨，路上注意安全", ENT, "chatter", []),
    ("刚看到新闻，今年中药材价格普涨", ENT, "chatter", []),
    ("这个政策太好了，给政府点赞", ENT, "chatter", []),
    ("哈哈，王总又在群里打广告了", ENT, "chatter", []),
    ("请问群主，能把我们公司另一个同事拉进来吗？", ENT, "chatter", []),
    ("刚才的会议录音能发一下吗？", ENT, "chatter", []),
    ("直播链接打不开，有人遇到吗", ENT, "chatter", []),
    ("我们也遇到同样的问题，路灯也不亮", ENT, "chatter", []),
    ("#8 这个问题还在，麻烦再看看", ENT, "chatter", []),
    ("赵主任，上周反映的门禁的事有消息吗？", ENT, "chatter", []),
    ("我们厂的排污许可证快到期了，续期要准备什么材料？", ENT, "request", []),
    ("园区能不能多建一个快递柜？现在收快递太不方便", ENT, "request", []),
    ("晚上园区里太黑，安全隐患很大", ENT, "request", []),
    ("电费怎么突然涨了这么多？谁能解释一下", ENT, "request", []),
    ("我们的出口订单被退回了，说标签不合规，能不能请市监局指导一下", ENT, "request", []),
    ("想问问今年还有没有技改补贴", ENT, "request", []),
    ("小微企业社保能缓缴吗", ENT, "request", []),
    ("叉车证到哪里考？", ENT, "request", []),
    ("欢迎新入群的企业朋友，请按“单位-姓名”修改群昵称", OFF, "chatter", []),
    ("谢谢大家的支持和配合！", OFF, "chatter", []),
    ("大家辛苦了，祝周末愉快", OFF, "chatter", []),
    ("收到，谢谢", OFF, "chatter", []),
    ("好的，知道了", OFF, "chatter", []),
    ("收到，马上安排人过去看", OFF, "answer", []),
    ("恭喜川康药业成功获评专精特新企业！", OFF, "chatter", []),
    ("中秋快乐！", OFF, "chatter", []),
    ("这个群是园区企业服务群，请勿发布广告", OFF, "chatter", []),
    ("哈哈，李总说得对", OFF, "chatter", []),
    ("文件已重新发了，请查收", OFF, "chatter", []),
    ("今天会上大家提的问题我们都记下了，会逐一答复", OFF, "answer", []),
    ("@川康药业-李总 收到", OFF, "chatter", ["川康药业-李总"]),
    ("请大家注意查看群公告", OFF, "chatter", []),
    ("会议室在三楼东侧，上楼右转", OFF, "chatter", []),
    ("感谢各位企业参加今天的座谈会", OFF, "chatter", []),
]


@pytest.mark.parametrize(("text", "role", "label", "resolution"), LABEL_AND_FLAG)
def test_label_and_resolution(an: Analyzer, text: str, role: str, label: str, resolution: bool) -> None:
    a = an.analyze(text, now=NOW, role=role)
    assert (a.label, a.resolution) == (label, resolution)


@pytest.mark.parametrize(("text", "role", "label", "mentions"), LABEL_ONLY)
def test_label(an: Analyzer, text: str, role: str, label: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=role, mentions=mentions).label == label


MORE_LABELS = [
    ("王科长今天来园区吗？", ENT, "chatter", []),
    ("我们厂今天通过了ISO认证，感谢大家", ENT, "chatter", []),
    ("这个补贴政策门槛太高了，小企业根本够不着", ENT, "chatter", []),
    ("今天园区停电了吗？我们这边没电", ENT, "request", []),
    ("能不能申请一个女朋友补贴😂", ENT, "chatter", []),
    ("明天我们厂开放日，欢迎大家来参观", ENT, "chatter", []),
    ("有没有一起拼车去市里办事的？", ENT, "chatter", []),
    ("我们这批当归已经卖完了，谢谢大家关照", ENT, "chatter", []),
    ("今年当归收成不错，亩产800斤", ENT, "chatter", []),
    ("谁有当归的最新价格？", ENT, "chatter", []),
    ("我们是做包装的，需要纸箱的可以找我，电话13800000000", ENT, "chatter", []),
    ("近期天气炎热，请各企业做好防暑降温工作", OFF, "policy", []),
    ("区里出台了新的人才政策，详见附件", OFF, "policy", []),
    ("@川康药业-李总 您说的情况我们了解了，明天派人去看看", OFF, "answer", ["川康药业-李总"]),
    ("这个问题需要找自然资源局，我帮你问一下", OFF, "answer", []),
    ("目前没有这方面的补贴", OFF, "answer", []),
    ("各位，明天上午有领导来园区调研，请保持环境整洁", OFF, "meeting", []),
    ("下午3点在二楼会议室开会，讨论园区道路改造", OFF, "meeting", []),
    ("请各企业下周一前把安全生产责任书交到管委会", OFF, "policy", []),
    ("6月起园区食堂早餐时间调整为7:00-8:30", OFF, "policy", []),
    ("我们公司的营业执照地址要变更，去哪里办？", ENT, "request", []),
    ("请问高新区有没有人才公寓？我们新招了几个大学生", ENT, "request", []),
    ("厂区门口的井盖丢了，很危险", ENT, "request", []),
    ("公交能不能在我们厂门口加个站？", ENT, "request", []),
    ("冷库用电负荷不够，想申请增容", ENT, "request", []),
    ("我们想搞个直播间卖药材，有没有培训？", ENT, "request", []),
    ("要2000个托盘，1.2*1.0米的，有货的联系", ENT, "procurement", []),
    ("采购需求：不锈钢储罐 2台，5立方，304材质", ENT, "procurement", []),
    ("@禾丰农业-王姐 你们的大米还有吗？食堂要500斤", ENT, "procurement", ["禾丰农业-王姐"]),
    ("收购干辣椒，量大，10吨起", ENT, "procurement", []),
    ("本周需要冷藏车3台，成都到重庆，有车的老板联系", ENT, "procurement", []),
]


@pytest.mark.parametrize(("text", "role", "label", "mentions"), MORE_LABELS)
def test_more_labels(an: Analyzer, text: str, role: str, label: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=role, mentions=mentions).label == label


CO_REQUESTS_AND_PEERS = [
    ("+1，我们厂门口的路灯也坏了", "chatter"),
    ("我们也是，社保补贴一直没到账，能不能帮忙问问", "chatter"),
    ("同问，我们也想知道什么时候发", "chatter"),
    ("支持！我们园区好几家都有这个问题", "chatter"),
    ("请教一下各位，食品经营许可证延续流程复杂吗？", "chatter"),
    ("有没有人办过出口退税？要多久能到账", "chatter"),
    ("听说今年补贴要降了", "chatter"),
    ("恭喜恭喜", "chatter"),
    ("「川康药业-李总：厂门口的路灯坏了一个月了」\n- - - - - - - - - - - - - - -\n我们门口的也不亮", "chatter"),
    ("「川康药业-李总：厂门口的路灯坏了一个月了」\n- - - - - - - - - - - - - - -\n对，晚上下班很不安全", "chatter"),
    ("哪位知道园区食堂几点开饭？", "chatter"),
    ("王科长在群里吗？有点事想私聊", "chatter"),
    ("已私信王科长", "chatter"),
    ("刚才说的是我们厂，地址在园区东路8号", "chatter"),
    ("大家都在说园区要涨物业费，真的假的？", "chatter"),
    ("明天几点到？", "chatter"),
    ("我们明天派两个人参加", "chatter"),
    ("刚才那个文件是哪个部门发的？", "chatter"),
    ("工人今天又有两个辞职了，唉", "chatter"),
    ("新年好！祝各位领导和企业家朋友们新春快乐", "chatter"),
]


@pytest.mark.parametrize(("text", "label"), CO_REQUESTS_AND_PEERS)
def test_co_requests_and_peer_talk(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


VARIED_REQUESTS = [
    ("我们有200亩黄芪卖不出去，能不能帮忙找找销路", []),
    ("谢谢王科长上次帮忙，这次想再问一下，出口退税要准备哪些资料？", []),
    ("各位领导好，我是川康药业的，我们厂房漏雨很严重，能不能安排人来看看", []),
    ("王科长，我们这边工人宿舍没热水三天了", []),
    ("我们合作社30多户种植户，今年想统一买农机，有没有补贴？", []),
    ("新招的20个员工社保怎么交？第一次弄不太懂", []),
    ("電費單上的力調電費是怎麼算的？這個月多了三千多", []),
    ("@供电公司-李工 李工，我们车间下午又跳闸了，麻烦派人来看下", ["供电公司-李工"]),
    ("园区的路灯晚上十点就关了，我们夜班工人下班路上很黑，能不能延长到十二点？", []),
    ("我们想扩大生产，需要再租2000平的厂房，园区还有空的吗？", []),
    ("快递车进不了园区，每次都要到门口去拿，能不能放行？", []),
    ("我们有个专利想转化，不知道找谁对接", []),
    ("请问明年的展会补贴标准有变化吗？我们想提前规划", []),
    ("我们的检测报告过期了，重新检测要多久？急用", []),
    ("企业所得税汇算清缴有不懂的地方，能不能请税务局来讲一讲", []),
    ("「商务局-王科长：展会补贴开始申报」\n- - - - - - - - - - - - - - -\n我们去年参加的展会能补吗？", []),
    ("价格太低了，今年的药材根本卖不动，政府能不能出面收储？", []),
    ("附近工地晚上施工噪音太大，工人休息不好，能不能管一管", []),
    ("我们的货车经常被查超载，其实没超，能不能帮忙跟交警沟通一下", []),
    ("能不能在园区设个核酸点？哦不对，是体检点，员工体检太远了", []),
]


@pytest.mark.parametrize(("text", "mentions"), VARIED_REQUESTS)
def test_varied_requests(an: Analyzer, text: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == "request"


OFFICIALS = [
    ("下周三上午我们去你们厂看看", "answer", []),
    ("@川康药业-李总 明天上午10点我带人过去现场看一下", "answer", ["川康药业-李总"]),
    ("根据文件规定，你们这种情况可以享受减半征收", "answer", []),
    ("这个需要先做环评，批下来以后才能办排污许可", "answer", []),
    ("高企认定一般每年5月申报，到时候群里会发通知", "answer", []),
    ("培训的事我们记下了，下个月安排一期", "answer", []),
    ("2026年稳岗返还政策已出台，中小微企业按单位缴纳失业保险费的60%返还", "policy", []),
    ("园区东区道路改造工程6月15日开工，工期两个月，期间请绕行北门", "policy", []),
    ("市场监管局提醒：近期开展食品安全专项检查，请各食品企业做好自查", "policy", []),
    ("明天上午9点，园区服务中心，税务局来讲减税降费新政，欢迎参加", "meeting", []),
    ("本周五下午3点招聘会，地点在人才市场二楼，有用工需求的企业请提前报名", "meeting", []),
    ("原定明天的政企座谈会改到下周一上午，地点不变", "meeting", []),
    ("下周二市领导来园区调研，请相关企业负责人在厂里等候", "meeting", []),
    ("今天的会就到这里，会议纪要稍后发群里", "chatter", []),
]


@pytest.mark.parametrize(("text", "label", "mentions"), OFFICIALS)
def test_officials(an: Analyzer, text: str, label: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=OFF, mentions=mentions).label == label


COMPLAINTS_AND_BUYERS = [
    ("食堂饭菜太贵了", ENT, "request"),
    ("园区里的路太窄，大货车掉不了头", ENT, "request"),
    ("建议园区多设几个充电桩", ENT, "request"),
    ("找5吨当归，统货，月底要", ENT, "procurement"),
    ("哪位有当归？2吨统货", ENT, "procurement"),
    ("某药企需要川芎 10吨，统货，有货的种植户联系我", OFF, "procurement"),
    ("这个价格太贵了，便宜点吧", ENT, "chatter"),
    ("今天太热了", ENT, "chatter"),
    ("生意越来越难做了", ENT, "chatter"),
]


@pytest.mark.parametrize(("text", "role", "label"), COMPLAINTS_AND_BUYERS)
def test_complaints_and_buyers(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "role", "label", "resolution"),
    [
        ("门禁可以刷了，今晚车已经出去了，谢谢", ENT, "chatter", True),
        ("已协调供电所今天上午恢复供电，后面那段线路这周内全部更换", OFF, "answer", True),
        ("稳岗返还已于今日拨付到贵公司对公账户，请查收", OFF, "answer", True),
        ("新厂房燃气管网的审批已经在走流程了，这周内批下来", OFF, "answer", False),
        ("系统已上线，欢迎各企业使用", OFF, "policy", False),
        (
            "「管委会-刘主任：路灯今天已经修好了」\n- - - - - - - - - - - - - - -\n"
            "谢谢刘主任！路灯亮了 顺便问下，南门的监控也坏了好久了，能一起看看吗",
            ENT,
            "request",
            True,
        ),
    ],
)
def test_clause_level_resolution(an: Analyzer, text: str, role: str, label: str, resolution: bool) -> None:
    a = an.analyze(text, now=NOW, role=role)
    assert (a.label, a.resolution) == (label, resolution)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("食堂能不能每天加个鸡腿[偷笑]", "chatter"),
        ("要五百公斤金银花 中旬前到", "procurement"),
        ("面粉 高筋 25kg/袋 200袋，明天要，谁家能送", "procurement"),
        ("冷库扩建500吨一般要做环评吗？", "request"),
        ("空车回程 成都→西安 9.6米 明天装 有货的联系", "chatter"),
        ("园区垃圾站好几天没清运了，味道大得很", "request"),
        ("明天的座谈会我们厂去两个人", "chatter"),
    ],
)
def test_structures_from_validation_review(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


FOLLOW_UPS_AND_RELAYS = [
    ("「人社局-周科：可以申请，带营业执照来」\n- - - - - - - - - - - - - - -\n好的，那我们准备材料", "chatter", []),
    ("提醒一下各位，明天园区停水，大家提前储水", "chatter", []),
    ("@川康药业-李总 社保在人社局窗口办就行", "chatter", ["川康药业-李总"]),
    ("王科长周末一起钓鱼？", "chatter", []),
    ("请问这个群是做什么的？", "chatter", []),
    ("我是新来的，请多关照", "chatter", []),
    ("有没有政府的补贴可以申请？我们是做食品的", "request", []),
    ("我们公司专业做环评代理，有需要的联系", "chatter", []),
    ("谁有人社局的电话？", "chatter", []),
    ("这个通知是什么意思？看不懂", "request", []),
    ("收到，我们马上整改", "chatter", []),
    ("我们已经报名了", "chatter", []),
    ("问一下大家，这个月的电费单你们收到了吗", "chatter", []),
    ("各位老板，最近有没有被查环保的？", "chatter", []),
    ("好的，明天我们去窗口办", "chatter", []),
    ("了解了，谢谢周科解答", "chatter", []),
    ("那我们下周去办", "chatter", []),
    ("原来是这样，明白了", "chatter", []),
    ("我们厂也报了，等结果", "chatter", []),
    ("祝贺园区获评省级示范园区！", "chatter", []),
]


@pytest.mark.parametrize(("text", "label", "mentions"), FOLLOW_UPS_AND_RELAYS)
def test_follow_ups_and_relays(an: Analyzer, text: str, label: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == label


BUYING_THROUGH_OFFICIALS = [
    ("@商务局-王科长 我们要采购菜籽油 20吨，能不能帮忙推荐几家供应商", "procurement", ["商务局-王科长"]),
    ("王科长，我们急需5000个周转箱，园区有没有企业能做？", "procurement", []),
    ("麻烦管委会帮忙问问，哪家企业有叉车出租，我们要租3台，用两个月", "procurement", []),
    ("能不能帮我们对接几家种植户？我们每年要收黄芪200吨", "procurement", []),
    ("求助：急需医用口罩 2万个，有渠道的朋友帮忙介绍", "procurement", []),
    ("我们厂的锅炉要换，需要采购一台2吨的燃气锅炉，有没有推荐的厂家", "procurement", []),
    ("能不能帮忙找找买家？我们有30吨黄芪", "request", []),
    ("@人社局-周科 我们要招20个普工，能不能帮忙发个招聘信息", "request", ["人社局-周科"]),
]


@pytest.mark.parametrize(("text", "label", "mentions"), BUYING_THROUGH_OFFICIALS)
def test_buying_through_officials(an: Analyzer, text: str, label: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == label


PEER_MENTIONS = [
    ("@川康药业-李总 你们能不能保证月底前到货？", "chatter", ["川康药业-李总"]),
    ("@禾丰农业-王姐 你们的合作社怎么加入？", "chatter", ["禾丰农业-王姐"]),
    ("@川康药业-李总 上次说的样品能寄一份吗", "chatter", ["川康药业-李总"]),
    ("我们新上两台冷库机组，要增容到800千伏安，报装流程怎么走？", "request", []),
]


@pytest.mark.parametrize(("text", "label", "mentions"), PEER_MENTIONS)
def test_questions_to_peers(an: Analyzer, text: str, label: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == label


THANKS_AND_STATUS = [
    "谢谢王科长指导",
    "感谢周科的耐心解答",
    "多谢帮忙协调",
    "谢谢领导关心支持",
    "我们已经申请了，等审核",
    "好的，我们尽快提交材料",
    "收到，马上去办",
    "明白了，谢谢解答",
    "谢谢，那我们下周去窗口办理",
    "辛苦王科长跑一趟",
]


@pytest.mark.parametrize("text", THANKS_AND_STATUS)
def test_thanks_and_status_reports_are_chatter(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == "chatter"


OFFICIALS_CHATTING = [
    ("我在开会，晚点回复", []),
    ("大家有什么问题随时在群里说", []),
    ("@川康药业-李总 好的", ["川康药业-李总"]),
    ("@川康药业-李总 不客气，应该的", ["川康药业-李总"]),
    ("哈哈，大家都很积极", []),
    ("为大家点赞！", []),
    ("今天辛苦各位了，早点休息", []),
    ("已经在群里了，大家可以直接问他", []),
    ("我把税务局的刘科拉进群了，税务问题可以直接问他", []),
]


@pytest.mark.parametrize(("text", "mentions"), OFFICIALS_CHATTING)
def test_officials_chatting(an: Analyzer, text: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=OFF, mentions=mentions).label == "chatter"


BUYERS_ASKING = [
    ("@商务局-王科长 我们需要采购一批中药材，有当归 5吨、黄芪 3吨，能不能帮忙对接种植户", ["商务局-王科长"]),
    ("急！生产线缺纸箱 5000个，供应商断货了，谁能供？", []),
    ("我们冷库要采购制冷剂 2吨，有没有推荐", []),
    ("园区有没有企业做不锈钢加工？我们要定制200个货架", []),
    ("请问哪里能买到有机肥？需要50吨，合作社用", []),
    ("王科长，帮忙问一下有没有收党参的，我们要采购10吨", []),
    ("食堂每天需要蔬菜 300斤，想找本地合作社长期供货", []),
    ("我们想采购一批安全帽和劳保鞋，各100套，有供应商推荐吗", []),
]


@pytest.mark.parametrize(("text", "mentions"), BUYERS_ASKING)
def test_buyers_asking_around(an: Analyzer, text: str, mentions: list[str]) -> None:
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == "procurement"


RESOLUTION_FLAGS = [
    ("现在好了，谢谢", ENT, True),
    ("我们家的设备都是原装带合格证的，放心", ENT, False),  # a certificate that comes with goods is no fix
    ("@税务局-马科 马科 收购发票已经开出来了 上次远程帮忙弄好的 谢谢！", ENT, True),  # a document issued
    ("停电这会儿发电机顶上了 冷库温度稳得住 这个事算过去了 谢谢园区[抱拳]", ENT, True),
    ("冉主任协调好了，农商行同意走无还本续贷，下周去办手续，太感谢了🙏", ENT, False),  # still to be done
    ("现在可以了", ENT, True),
    ("收到款了，谢谢", ENT, True),
    ("钱到账了", ENT, True),
    ("问题已经处理好了，多谢", ENT, True),
    ("证已经办下来了", ENT, True),
    ("今天来人修了，现在正常了", ENT, True),
    ("已经通水了", ENT, True),
    ("路灯亮了", ENT, True),
    ("不用弄了，我们自己修好了", ENT, True),
    ("谢谢，已经解决", ENT, True),
    ("修好了吗", ENT, False),
    ("什么时候能修好", ENT, False),
    ("听说修好了？", ENT, False),
    ("说是明天修好", ENT, False),
    ("我们尽快修好", OFF, False),
    ("预计月底前恢复", OFF, False),
    ("太好了，谢谢", ENT, False),
    ("好的，谢谢", ENT, False),
    ("已经转交住建局了", OFF, False),
]


@pytest.mark.parametrize(("text", "role", "resolution"), RESOLUTION_FLAGS)
def test_resolution_flag_phrasings(an: Analyzer, text: str, role: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=role).resolution is resolution


CLUSTER_SPECIFIC = [
    ("明天成都到重庆有货吗？9.6米高栏，求货", ENT, "chatter"),
    ("求购二手叉车 2台，3吨的，车况好就行", ENT, "procurement"),
    ("急招：数控车床师傅2名，月薪8000+", ENT, "chatter"),
    ("我们需要一家做ISO认证的咨询公司，有推荐的吗", ENT, "chatter"),
    ("找一家能做食品检测的第三方机构，每月大概20批次", ENT, "procurement"),
    ("收购废旧托盘，大量，价格面议", ENT, "chatter"),
    ("本周六园区组织消防演练，各企业派2名安全员参加，上午9点在园区广场集合", OFF, "meeting"),
    ("关于开展2026年度企业用工情况调查的通知，请各企业7月10日前在线填报", OFF, "policy"),
    ("@锐驰智能-孙工 你们的情况属于技术改造，可以申请技改补贴，明天我把申报指南发你", OFF, "answer"),
    ("区里新出台了物流业降本增效政策，详见附件，有疑问可联系经信局", OFF, "policy"),
    ("仓库到期了，想在园区再租一个2000平的仓库，有没有空的？", ENT, "request"),
    ("工厂的污水处理设施要升级改造，有没有环保补贴？", ENT, "request"),
    ("哪位领导管园区的绿化？门口的树挡住了监控", ENT, "request"),
    ("[图片]", ENT, "chatter"),
]


@pytest.mark.parametrize(("text", "role", "label"), CLUSTER_SPECIFIC)
def test_cluster_specific(an: Analyzer, text: str, role: str, label: str) -> None:
    mentions = [w[1:] for w in text.split() if w.startswith("@")]
    assert an.analyze(text, now=NOW, role=role, mentions=mentions).label == label


@pytest.mark.parametrize(
    ("reply", "quote", "resolution"),
    [("收到", "北门的路灯已经修好了", True), ("收到", "北门的路灯明天修", False), ("好的，辛苦了", "已经修好了", True)],
)
def test_acknowledging_a_quoted_fix(an: Analyzer, reply: str, quote: str, resolution: bool) -> None:
    text = f"「园区管委会-赵主任：{quote}」\n- - - - - - - - - - - - - - -\n{reply}"
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == "chatter" and a.resolution is resolution


@pytest.mark.parametrize(
    "text", ["刚刚发的链接有误，请以这个为准", "今天的政策宣讲会视频已上传群文件", "大家注意查收邮件"]
)
def test_officials_housekeeping(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role=OFF).label == "chatter"
