"""Session 34: traffic signals on public roads belong to no district office (unless the crossing is inside the park);
an overlap rule can yield to a word (危货运输许可 is 行政审批局's, not 交通运输局's); asks over two matters go to none;
buyers relaying a need (帮X问：…) or inviting offers (有兴趣的联系, 报价请私信) post lists, sellers clearing stock or
touting work (清库存, 需要的抓紧, 外协活可以找我) do not; workers to hire are no goods, a threshold (库容1000吨以上) no
wanted amount; a list promised for later, a tip shared and a remark to a peer by name ask no office; an e-mail
domain is no @mention; fixes told as verdicts (一滴都没漏, 很管用, 冷库稳得很) confirm, a deal leaving the rest unsold,
an application sent back (退回了) and a fix that still needs a cure (得根治) do not."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer

NOW = datetime(2036, 9, 16, 10, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("园区东门出去那个十字路口没得红绿灯，半挂左转全靠抢，昨天又刮了一台车，能不能装个信号灯？", None),
        ("物流园北门外面那个路口的红绿灯配时太短了，大车一次只过得去两台，这个能不能调一下？", None),
        ("园区里面C区那个路口的信号灯坏了三天了，叉车和货车天天抢道，麻烦管一下", "园区管委会"),
        ("请问我们冷链车里要拉一批医用酒精，是不是要办危险货物运输许可？去哪里办？", "行政审批局"),
        ("我们的城市配送车想备案，拿到通行证白天进城，找哪个？", "交通运输局"),
        ("想给腊肉申请绿色食品认证，还想用区里的地理标志，这两个事情该找哪个部门？", None),
        ("今年的冷链物流补贴我们新建的冷库能不能报？条件是啥？", "商务局"),
        ("园区的排污管道怕是堵了，我们门口那个检查井一直往外冒水，臭得很", "园区管委会"),
    ],
)
def test_routing(an: Analyzer, text: str, department: str | None) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == "request"
    assert a.department == department


def test_a_traffic_signal_ask_is_owned_by_no_office(an: Analyzer) -> None:
    assert an.no_single_owner("物流园西门出去那个路口没有红绿灯，大车左转太危险了，能不能装一个？")
    assert not an.no_single_owner("园区里面那条路的路灯坏了一半，晚上黑黢黢的")


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("帮成都一家药房问：浙贝母 珠贝 30公斤，要新货，价格好说", ENT, "procurement"),
        ("帮几家火锅店问货：冻毛肚 3吨、冻鸭肠 2吨，月底前送到成都", ENT, "procurement"),
        ("收原料：\n白芷 个子统货 6吨\n川芎 选货 3吨\n有货直接拉到厂里看", ENT, "procurement"),
        (
            "转个采购需求，重庆一家食堂：\n土豆 每周5吨\n白菜 每周3吨\n"
            "长期供货，有兴趣的联系他们采购张经理 023-6612 3456",
            ENT,
            "procurement",
        ),
        ("各位老闆好，客戶想訂一批貨：\n牛肉乾 4000包\n豆瓣醬 2000瓶\n報價請私訊，謝謝", ENT, "procurement"),
        ("清一批库存：\n304不锈钢板 2mm 约5吨\n角钢 3吨\n价格好商量，要的直接来仓库拉", ENT, "chatter"),
        ("中秋前最后一批新木托盘，现货600片，需要的抓紧，节后要涨价了", ENT, "chatter"),
        ("我们厂有外协活的可以找我：数控车床6台，加工中心3台，小批量也接", ENT, "chatter"),
        ("@人社局-周科 周科，招聘会我们报一个，要招6个数控", ENT, "chatter"),
        (
            "@福源粮油-黄总 黄总，冷链设施补助要求企业冷库库容1000吨以上，还要对外提供服务，你们只是自用的话够不上。",
            OFF,
            "answer",
        ),
        ("下个月的采购清单还在汇总，晚点发群里，各位先别急着出货", ENT, "chatter"),
        ("小李 你那黄精是不是排水没弄好？有空来我们地里看看", ENT, "chatter"),
        ("分享个经验：通行费发票不用找收费站，在票根APP上绑车牌就能开，好多师傅不晓得", ENT, "chatter"),
        ("@农技站-何站长 何站长，今年天麻种麻有没有统一供种？去年自己买的好多出不了苗", ENT, "request"),
    ],
)
def test_labels(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


def test_an_email_domain_is_no_mention(an: Analyzer) -> None:
    text = "各位：高企认定申报5月18日开放，登记表请于5月25日前发邮箱 kjj_gq@163.com，正式截止时间另行通知。"
    plain = an.analyze(text, now=NOW, role=OFF)
    given = an.analyze(text, now=NOW, role=OFF, mentions=["163.com"])
    assert given.label == plain.label
    assert "163.com" not in given.names


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("昨晚下了一夜雨，仓库一滴都没漏，谢谢蔡主任", True),
        ("密码重置好了，数据已经报上去了，谢谢胡科", True),
        ("这几天冷库稳得很，谢谢吴工🙏", True),
        ("下班绕过去看了，亮堂堂的，谢谢冯哥！", True),
        ("马工安排的分段检修很管用，冷机一直没停👍", True),
        ("今早坐了新加的那班车，宽松多了，谢谢陈科", True),
        ("声明提交了，系统显示成功，谢谢邓科[OK]", True),
        ("对接会上两家药厂把剩下的货全订完了，谢谢王科长，白芷的事解决了！", True),
        ("对接会上跟一家药厂签了10吨，谢谢邓科，剩下的慢慢卖", False),
        ("这个月价格稳得很", False),
        ("那个办法不管用，还是在漏", False),
        ("啊 原来是退回了[捂脸] 我马上让他们补，谢谢高工", False),
        ("多交的社保费已经退回来了，谢谢刘科", True),
        ("周末抢修完倒是来电了，但这毛病得根治啊，一周停两次", False),
    ],
)
def test_confirmations(an: Analyzer, text: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolution
