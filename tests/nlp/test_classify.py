"""Classifier rule families: each label's signals, flags, references, explanations, the public API."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date, datetime, timedelta, timezone

import pytest

from nlp import Analysis, Analyzer, classify_record, explain
from nlp.analyzer import record_role
from nlp.classify import RuleSet, choose
from nlp.features import Features, load_yaml

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def lab(an: Analyzer, text: str, role: str = "enterprise", mentions: tuple[str, ...] = ()) -> Analysis:
    return an.analyze(text, now=NOW, role=role, mentions=mentions)


@pytest.mark.parametrize(
    ("text", "role", "mentions"),
    [
        ("求购当归 2吨，统货，月底前到货，电话13812345678", "enterprise", ()),
        ("采购清单：\n1. 白芷 500公斤\n2. 川芎 1吨\n3. 麦冬 300斤", "enterprise", ()),
        ("要收白芷 2吨 @李哥 你那有没有", "enterprise", ("李哥",)),
        ("@锐驰智能-孙工 你们的AGV小车能不能供2台？8月底前要", "enterprise", ("锐驰智能-孙工",)),
        ("区里学校食堂要采购菜籽油 2吨、大米 10吨，有渠道的联系陈老师", "official", ()),
        ("採購：白朮 500公斤，乾薑 1噸，月底前到貨", "enterprise", ()),
        # head and plant counts (头, 株) are amounts as much as 吨 is
        ("收散养土猪，农户自家喂的，200斤以上一头，这个月要50头", "enterprise", ()),
        ("求购黄精种苗，多花黄精块茎苗，两万株，要脱毒的，下个月种", "enterprise", ()),
        ("川芎还差两吨 有货的快联系", "enterprise", ()),  # what is still short of a list
    ],
)
def test_procurement(an: Analyzer, text: str, role: str, mentions: tuple[str, ...]) -> None:
    assert lab(an, text, role, mentions).label == "procurement"


@pytest.mark.parametrize(
    "text",
    [
        "出售当归 统货 5吨，有需要的联系13812345678",
        "有货：304不锈钢管现货200吨，规格齐全，欢迎询价",
        "今日行情：当归统货 45元/公斤，走货一般",
        "清单晚点发群里",
        "上次那批黄芪5吨已经发货了，感谢张社长",
        "谁认识做包装箱的",
    ],
)
def test_not_procurement(an: Analyzer, text: str) -> None:
    assert lab(an, text).label == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        # what the sender can supply (能供 / 可供 + a quantity) is a supply offer, not a buyer's demand
        "黄芪我们基地能供3吨左右，下周可以拿样",
        "白芷我这边可供5吨，统货，要的联系",
    ],
)
def test_can_supply_is_an_offer(an: Analyzer, text: str) -> None:
    assert lab(an, text).label == "chatter"


def test_asking_whether_one_can_supply_stays_procurement(an: Analyzer) -> None:
    assert lab(an, "你们那边能供不？川芎要2吨，月底前到").label == "procurement"


@pytest.mark.parametrize(
    "text",
    [
        # equipment bought in the past (上半年买的, 我们买了) is what a request is about, not a buyer's list
        "马科，我们上半年买的三台注塑机算不算？三台加起来不到200万，能不能和下半年的一起报",
        "蒋科，我们买了10台新能源货车，充电桩报装找哪个？",
        "交通局 我们新买了五台冷藏车 城市配送备案咋个办",
    ],
)
def test_past_purchase_is_not_procurement(an: Analyzer, text: str) -> None:
    a = lab(an, text)
    assert a.label == "request"
    assert "proc.bought" in explain(a)


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("厂门口的路灯坏了一个月了", ()),
        ("@人社局-周科 稳岗返还什么时候发？", ("人社局-周科",)),
        ("想问下税务局，留抵退税怎么申请？", ()),
        ("冷库要扩建，需要做环评吗？", ()),
        ("我们的药材卖不出去了，希望商务局帮忙找找渠道", ()),
        # when a programme opens is a question of its own, not a nudge (啥时候开始)
        ("问下今年技改补贴啥时候开始申报？我们上了两条焊接线想报一下", ()),
        # the south-western yes/no question ending in 不 asks like 吗 does
        ("今年的补贴还能领不", ()),
    ],
)
def test_request(an: Analyzer, text: str, mentions: tuple[str, ...]) -> None:
    assert lab(an, text, mentions=mentions).label == "request"


def test_quoted_reply_with_new_ask_is_request(an: Analyzer) -> None:
    text = "「商务局-王科长：展会补贴开始申报」\n- - - - - - - - - - - - - - -\n请问这个补贴小微企业能申请吗？"
    assert lab(an, text).label == "request"


@pytest.mark.parametrize(
    "text",
    [
        "有没有懂抖音运营的朋友",
        "文件能再发一下吗？打不开",
        "会议在哪个会议室？",
        "+1",
        "同问",
        "我们也是，支持",
        "#12 有进展吗",
        "太好了，谢谢陈科",
        "收到，准时参加",
        "[强][强]",
        "大家早上好",
        "领导能不能把太阳调小一点😂 车间里四十度了",
        "抽贷的事不用麻烦金融办了，银行那边已经同意续贷了",
        "曹科 培训补贴材料交了 麻烦看下",  # a submission notice pointing back at the ask
        "岗位需求表已经发周科邮箱了，麻烦查收",
        "接龙：\n1. 青山合作社 罗建国 2人\n2. 石门村 杨德明 1人\n3. 百草堂药房 王敏 2人 不好意思来晚了",  # signing up
    ],
)
def test_chatter_not_request(an: Analyzer, text: str) -> None:
    assert lab(an, text).label == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "问下各位，排污许可证延续大家都是自己弄还是找的代办？",
        "群里有懂出口退税的朋友吗，想请教下流程",
        "请问有没有企业申请过技改补贴的？材料多不多",
    ],
)
def test_question_put_to_the_members_is_peer_chatter(an: Analyzer, text: str) -> None:
    """问下各位 / 群里有懂…的吗 / 有没有企业申请过…: a peer question (pattern peer_ask), not a request."""
    for role in ("enterprise", "unknown"):
        a = lab(an, text, role=role)
        assert a.label == "chatter"
        assert any(h.rule == "req.peer" for h in a.hits)


def test_asking_the_officials_as_a_body_stays_a_request(an: Analyzer) -> None:
    assert lab(an, "想问下各位领导，我们新厂房消防验收找哪个部门？").label == "request"


@pytest.mark.parametrize("text", ["陈科，上周交的检测报告出了没", "周科，材料收到没得？", "赵经理，电缆开挖了没有"])
def test_status_check_on_an_earlier_ask_is_a_nudge(an: Analyzer, text: str) -> None:
    """X出了没 / 收到没得 / 开挖了没有 only point back at a request already made (nudge_re)."""
    for role in ("enterprise", "unknown"):
        a = lab(an, text, role=role)
        assert a.label == "chatter"
        assert a.nudge


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("已转给交通运输局，@交通局-陈科 请跟进", ("交通局-陈科",)),
        ("@川康药业-李总 这个可以申请，带上营业执照到政务大厅窗口办理", ("川康药业-李总",)),
        ("那个政策今年还有，放心", ()),
        ("路灯今天已经修好了", ()),
        ("具体是哪个厂区？我们明天派人去看", ()),
        # 第三方 is no quantity of 方 (cubic metres) wanted
        ("@惠民仓储-何总 银行有仓单质押产品，要求仓库有监管资质或者引入第三方监管", ("惠民仓储-何总",)),
    ],
)
def test_answer(an: Analyzer, text: str, mentions: tuple[str, ...]) -> None:
    assert lab(an, text, "official", mentions).label == "answer"


@pytest.mark.parametrize("text", ["看了 是根腐 多菌灵灌根 下午我过来一趟", "我明天约农商行一起到企业碰个头"])
def test_official_promising_to_come_is_an_answer(an: Analyzer, text: str) -> None:
    a = lab(an, text, "official")
    assert a.label == "answer"
    assert "ans.promise" in explain(a)


def test_official_bare_ack_is_chatter(an: Analyzer) -> None:
    assert lab(an, "收到", "official").label == "chatter"
    assert lab(an, "好的👍", "official").label == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "【通知】关于申报2026年技改补贴的通知：请各企业于6月30日前报送材料",
        "温馨提示：明天8点至18点计划停电检修，请各企业提前做好准备",
        "请各企业于本周五前报送用工需求表",
        "即日起，食品经营许可证延续可以全程网办",
        # an instruction to everyone, without a notice header
        "明天上午9:00-12:00 B区停水检修管网，请提前储水",
        "6月征期延至6月15日，还没申报的抓紧",
    ],
)
def test_policy(an: Analyzer, text: str) -> None:
    assert lab(an, text, "official").label == "policy"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a planned outage or works window is a notice even without a header or an audience
        ("周四9:00-15:00 C区配电房检修停电", "policy"),
        ("后天园区供水主管维修，7:00-13:00停水", "policy"),
        # planned works reported over is the end of that notice; a fault repaired answers those who reported it
        ("B区线路检修提前完成，16:20已恢复送电。", "policy"),
        ("D区线路故障已抢修完毕，已恢复送电", "answer"),
    ],
)
def test_official_works_notice(an: Analyzer, text: str, label: str) -> None:
    assert lab(an, text, "official").label == label


@pytest.mark.parametrize(
    "text",
    [
        "6月15日下午2:30在园区管委会三楼会议室召开政企联席会议，请各企业负责人准时参加",
        "明天下午的物业协调会取消，时间另行通知。",
        "专精特新政策线上解读会明天下午3点，钉钉直播，链接稍后发群里。",
        "安全员培训班9月3日在应急管理局培训中心举办，报名截止8月28日。",
        # gatherings named without 会议 (工作会, 迎检, 银企对接) and reminders to be on time (请准时到场, 别迟到)
        "明天上午10点消防安全工作会，请各企业安全员准时参加",
        "周三下午3点迎检动员，地点管委会二楼，请准时到场",
        "周五上午9点银企对接，金融办二楼，别迟到",
    ],
)
def test_meeting(an: Analyzer, text: str) -> None:
    assert lab(an, text, "official").label == "meeting"


def test_company_booth_invite_is_chatter(an: Analyzer) -> None:
    assert lab(an, "药交会我司在A馆12号展位，欢迎各位老板莅临", "enterprise").label == "chatter"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("补贴到账了，谢谢人社局", "enterprise"),
        ("路灯今天已经修好", "official"),
        ("培训不用安排了，我们找到老师了", "enterprise"),
        ("热水器好了，谢谢物业", "enterprise"),
        ("修好啦，谢谢", "enterprise"),
    ],
)
def test_resolution_flag(an: Analyzer, text: str, role: str) -> None:
    assert lab(an, text, role).resolution


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("下周一起末班车延后", "official"),
        ("已经联系上了，明天去谈", "official"),
        ("太好了，谢谢陈科", "enterprise"),
        ("正在修", "official"),
        ("路灯修好了吗？", "enterprise"),
        ("各企业注意：技能补贴申报系统已开通，截止7月15日", "official"),
    ],
)
def test_not_resolution(an: Analyzer, text: str, role: str) -> None:
    assert not lab(an, text, role).resolution


def test_unresolved_flag(an: Analyzer) -> None:
    for text in ("还是不行，路灯还没修", "问题还没解决", "#12 未解决"):
        a = lab(an, text)
        assert a.unresolved and not a.resolution


def test_me_too_flag(an: Analyzer) -> None:
    for text in ("+1", "同问", "我们也是这个情况"):
        assert lab(an, text).me_too
    assert not lab(an, "YJV 3×95+1×50电缆 800米").me_too


def test_request_refs(an: Analyzer) -> None:
    assert lab(an, "#12 还是不行").request_refs == [12]
    assert lab(an, "#3 和 # 15 都没解决").request_refs == [3, 15]


def test_analysis_fields_and_explain(an: Analyzer) -> None:
    a = lab(an, "求购当归 2吨，6月20日前到货，电话 138-1234-5678")
    assert a.contact_phone == "13812345678"
    assert a.deadline == date(2026, 6, 20)
    assert isinstance(a, Analysis)
    assert a.hits and all(h.rule and h.target for h in a.hits)
    text = explain(a)
    assert "label: procurement" in text and "proc.buy_qty" in text
    assert "当归" in a.topics


def test_lazy_analysis_behaves_like_a_dataclass(an: Analyzer) -> None:
    a = lab(an, "厂门口的路灯坏了，麻烦看看")
    d = dataclasses.asdict(a)
    assert d["label"] == "request" and "路灯" in d["topics"]
    b = dataclasses.replace(a, label="chatter")
    assert b.label == "chatter" and b.topics == a.topics
    assert pickle.loads(pickle.dumps(a)).topics == a.topics
    a.topics = frozenset({"x"})
    assert a.topics == frozenset({"x"})


def test_meeting_details_are_computed_when_read_and_survive_pickling(an: Analyzer) -> None:
    text = "6月3日下午2:30在园区三楼会议室召开座谈会，请准时参加"
    a = an.analyze(text, now=NOW - timedelta(days=9), role="official")
    b = pickle.loads(pickle.dumps(a))  # before the lazy fields were read
    assert a.label == "meeting" and a.meeting is not None
    assert a.meeting.starts_at is not None and (a.meeting.starts_at.day, a.meeting.starts_at.hour) == (3, 14)
    assert b.meeting == a.meeting and b.topics == a.topics and b.hits == a.hits
    assert lab(an, "收到").meeting is None


def test_departments_named(an: Analyzer) -> None:
    a = lab(an, "已经找了市场监管局和区税务局，都说不归他们管")
    assert a.departments_named == ["市场监管局", "税务局"]
    assert lab(an, "华瑞科技有限公司招聘").departments_named == []


def test_classify_record_shape(an: Analyzer) -> None:
    rec = {"id": "x1", "text": "求购黄芪 3吨，电话13812345678", "role": "enterprise", "mentions": []}
    out = classify_record(an, rec, NOW)
    assert set(out) == {"id", "label", "department", "items", "deadline", "contact_phone"}
    assert out["id"] == "x1" and out["label"] == "procurement" and out["contact_phone"] == "13812345678"


@pytest.mark.parametrize(
    ("sender", "role"),
    [
        ("商务局-王科长", "official"),
        ("园区管委会-赵主任", "official"),
        ("川康药业-李总", "enterprise"),
        ("老杨", "unknown"),  # a bare handle
        ("管委會-網路維護", "official"),  # Traditional
    ],
)
def test_record_role_from_sender(an: Analyzer, sender: str, role: str) -> None:
    assert record_role(an, {"sender": sender, "text": "x"}) == role
    assert record_role(an, {"sender": sender, "role": "unknown", "text": "x"}) == role
    assert record_role(an, {"sender": sender, "role": "enterprise", "text": "x"}) == "enterprise"  # a given role wins


def test_classify_record_without_role_uses_sender_and_mentions(an: Analyzer) -> None:
    done = {
        "id": "r1",
        "sender": "园区管委会-赵主任",
        "text": "@恒达电机-周总 东门路灯已经修好了",
        "mentions": ["恒达电机-周总"],
    }
    assert classify_record(an, done, NOW)["label"] == "answer"
    assert an.analyze(done["text"], now=NOW, role=record_role(an, done), mentions=done["mentions"]).resolution
    ask = {
        "id": "r2",
        "sender": "恒达电机-周总",
        "text": "@交通局-陈科 厂门口能不能加个公交站",
        "mentions": ["交通局-陈科"],
    }
    out = classify_record(an, ask, NOW)
    assert out["label"] == "request" and out["department"] == "交通运输局"
    assert classify_record(an, {"id": "r3", "text": "大家早上好"}, NOW)["label"] == "chatter"


def test_choose_priority_and_margins() -> None:
    tie = {"procurement": 3.0, "request": 3.0, "answer": 0, "meeting": 0, "policy": 0, "chatter": 1}
    assert choose(tie) == "procurement"
    mixed = {"procurement": 0, "request": 0, "answer": 0, "meeting": 7.5, "policy": 9.0, "chatter": 1}
    assert choose(mixed) == "policy"
    assert choose(mixed, {"meeting": (2.0, 6.0)}) == "meeting"


def test_rule_files_are_consistent() -> None:
    rules = RuleSet()
    lexicons = set(load_yaml("lexicons.yaml"))
    patterns = {k for k in load_yaml("patterns.yaml") if not k.startswith("_")}
    aliases = set(load_yaml("patterns.yaml")["_aliases"].values())
    structural = {
        "official",
        "enterprise",
        "unknown_role",
        "not_official",
        "quoted",
        "items2",
        "amounts3",
        "mention",
        "mention_official",
        "named_official",
        "mention_other",
        "mention_late",
        "dept",
        "item",
        "spec_word",
        "short",
        "tiny",
        "long",
        "empty",
        "sticker",
        "only_sticker",
        "lines3",
        "list",
        "broadcast2",
        "after_notice",
        "after_cut",
        "ack_only",
        "remit",
        "laugh",
        "laugh_aside",
        "laugh_weak",
        "done_clause",
        "addressed",
        "quote_official",
        "quote_peer",
        "broadcast_range",
        "quote.done",
        "flag:resolution",
        "flag:unresolved",
        "flag:me_too",
        # nlp/resolution.py (nlp/rules/resolution.yaml)
        "res_done",
        "res_solved",
        "res_ask",
        "res_withdraw",
        "res_partial",
        "quote_res_done",
    }
    labels = ("procurement", "request", "answer", "policy", "meeting", "chatter")
    context = {f"prev_{who}{label}" for who in ("", "off_") for label in labels}  # what the message follows
    context.add("text_only")  # the analyzer's mark of a message with no known sender role
    known = lexicons | patterns | aliases | structural | context | {f"quote.{c}" for c in lexicons}
    assert rules.features_used() <= known, rules.features_used() - known
    with pytest.raises(ValueError):
        RuleSet({"rules": [{"name": "x", "target": "nope", "weight": 1, "when": ["ask"]}]})


@pytest.mark.parametrize(
    ("text", "role", "label", "resolution"),
    [
        ("燃气压力正常了，谢谢郑科协调", "enterprise", "chatter", True),
        ("好消息，环评批复下来了，感谢邓科一路指导", "enterprise", "chatter", True),
        ("款已到，谢谢", "enterprise", "chatter", True),
        ("已经按要求整改完毕", "official", "answer", True),
        ("路灯今天已经修好了，明天再把那一排检查一遍", "official", "answer", True),
        (
            "「园区管委会-赵主任：北门的门禁已经调好了」\n- - - - - - - - - - - - - - -\n谢谢赵主任！",
            "enterprise",
            "chatter",
            True,
        ),
        ("已经安排好了，明天施工", "official", "answer", False),
        ("危废转运已经协调好了，下周二上门拉运", "official", "answer", False),
        ("谢谢陈科，明天我们去现场看看", "enterprise", "chatter", False),
    ],
)
def test_resolution_phrasings(an: Analyzer, text: str, role: str, label: str, resolution: bool) -> None:
    a = lab(an, text, role)
    assert (a.label, a.resolution) == (label, resolution)


@pytest.mark.parametrize(
    "text",
    [
        "谁知道电子税务局怎么登录？",
        "请问会议资料在哪下载？",
        "麻烦把我拉进直播培训群",
        "税务局的电话多少？",
        "今年生意真难做，订单少了一半",
        "上次说的路灯的事怎么样了？",
    ],
)
def test_peer_housekeeping_nudges_are_chatter(an: Analyzer, text: str) -> None:
    assert lab(an, text).label == "chatter"


def test_follow_up_question_on_an_official_notice_is_request(an: Analyzer) -> None:
    text = "「人社局-周科：稳岗返还已经开始发放」\n- - - - - - - - - - - - - - -\n我们怎么还没收到？"
    assert lab(an, text).label == "request"


def test_still_broken_after_a_fix_is_unresolved_nudge(an: Analyzer) -> None:
    text = (
        "「园区管委会-赵主任：路灯已经修好了」\n- - - - - - - - - - - - - - -\n"
        "@园区管委会-赵主任 还是不亮啊，#12 麻烦再派人看看"
    )
    a = lab(an, text, mentions=("园区管委会-赵主任",))
    assert a.unresolved and not a.resolution and a.request_refs == [12]
    assert a.label == "chatter"


def test_explain_evidence_names_the_matched_words(an: Analyzer) -> None:
    a = lab(an, "6月15日下午2:30在园区管委会三楼会议室召开政企联席会议，请各企业负责人准时参加", "official")
    text = explain(a)
    assert "time=下午" in text and "date=6月15" in text


def test_a_score_on_a_threshold_decides_the_same_whatever_the_order_of_the_sum() -> None:
    """0.1 + 0.2 + 5.2 and 5.2 + 0.2 + 0.1 differ in the last bit; a margin's min of 5.5 must not tell them apart."""
    margins = {"procurement": (3.0, 5.5)}
    for total in (0.1 + 0.2 + 5.2, 5.2 + 0.2 + 0.1, 5.5 - 1e-12):
        assert choose({"procurement": total, "chatter": 7.0}, margins) == "procurement"
    rules = RuleSet({"rules": [{"name": "flag.x", "target": "resolution", "weight": 1.5 - 1e-12, "when": ["done"]}]})
    assert rules.decide(Features({"done": ""})).flags["resolution"]


def test_priority_before_margins() -> None:
    tie = {"procurement": 5.0, "request": 5.0, "answer": 0, "meeting": 0, "policy": 0, "chatter": 1}
    assert choose(tie, {"procurement": (3.0, 5.5), "request": (1.0, 4.0)}) == "procurement"


def test_traditional_procurement_end_to_end(an: Analyzer) -> None:
    text = "採購清單：\n1. 白朮 500公斤\n2. 乾薑 1噸\n月底前到貨，聯繫電話 138-1234-5678"
    a = lab(an, text)
    assert a.label == "procurement"
    assert [(i.name, i.unit) for i in a.items] == [("白术", "公斤"), ("干姜", "噸")]  # units as written
    assert a.deadline == date(2026, 6, 30) and a.contact_phone == "13812345678"


def test_latin_keywords_match_whole_words_only() -> None:
    """ "PP" (a plastic, a spec word) must not fire inside "APP"."""
    from nlp.keywords import Lexicon

    lex = Lexicon({"spec": ["PP"], "app": ["APP"]})
    assert set(lex.scan("在国网APP申请")) == {"app"}
    assert set(lex.scan("PP编织袋 2万条")) == {"spec"}
    assert set(lex.scan("要PP料")) == {"spec"}


def test_compiled_rules_fire_exactly_as_written() -> None:
    """Every rule fires iff all its `when` features are present and none of its `unless` ones, for every subset."""
    import itertools

    from nlp.features import Features

    feats = ["official", "not_official", "buy", "qty", "item", "list", "res_done", "res_partial", "thanks"]
    data = {
        "base": {"chatter": 1.0},
        "rules": [
            {"name": "a", "target": "procurement", "weight": 1.5, "when": ["buy"]},
            {"name": "b", "target": "procurement", "weight": 3.0, "when": ["buy", "qty"], "unless": ["list"]},
            {"name": "c", "target": "request", "weight": -2.5, "when": ["not_official", "item"]},
            {"name": "d", "target": "answer", "weight": 0.5, "when": ["official"], "unless": ["thanks", "qty"]},
            {"name": "e", "target": "resolution", "weight": 2.0, "when": ["res_done"], "unless": ["res_partial"]},
            {"name": "f", "target": "chatter", "weight": 3.0, "when": ["flag:resolution", "not_official"]},
        ],
    }
    rules = RuleSet(data)
    for n in range(len(feats) + 1):
        for combo in itertools.combinations(feats, n):
            present = set(combo)
            decision = rules.decide(Features(present=dict.fromkeys(combo, "x")))
            resolution = "res_done" in present and "res_partial" not in present
            keys = present | ({"flag:resolution"} if resolution else set())
            expected = {
                r["name"] for r in data["rules"] if keys >= set(r["when"]) and keys.isdisjoint(r.get("unless", ()))
            }
            assert {r.name for r in decision.fired} == expected
            assert decision.flags["resolution"] == resolution


@pytest.mark.parametrize(
    ("record", "role"),
    [
        ({"role": "Government", "text": "x"}, "official"),
        ({"role": "company", "text": "x"}, "enterprise"),
        ({"role": "unknown", "sender": "交通局-陈科", "text": "x"}, "official"),  # unknown: the nickname decides
        ({"sender_name": "川康药业-李总", "text": "x"}, "enterprise"),
        ({"nickname": "Lucky🍀", "text": "x"}, "unknown"),
    ],
)
def test_record_role_field_variants(an: Analyzer, record: dict, role: str) -> None:
    assert record_role(an, record) == role
