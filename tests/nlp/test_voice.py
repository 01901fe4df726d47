"""The speaker's role inferred from wording when no nickname tells it (nlp/rules/voice.yaml)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.voice import default_voice

NOW = datetime(2026, 6, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    "text",
    [
        "贵公司的申请材料已收到，3个工作日内给答复",
        "你们反映的断水问题，经核实是主管爆裂，正在抢修",
        "我局下周派专人上门指导标签整改",
        "已转交住建局，请耐心等一下",
        "这个归交通运输局管，我帮你问一下",
        "明天让供电所的师傅联系你",
        "请把营业执照照片和法人身份证发我，我们先预审",
        "新办的话带上营业执照、身份证原件、场地租赁合同到政务大厅3号窗口",
        "补助资金已拨付到各合作社账户，请注意查收",
        "東門的道閘已經修好了，有問題隨時聯繫物業",
        "污水管网疏通完毕，今天下午恢复排水",
        "请各企业于周五前报送上半年产值",
        "何总，可以走应收账款融资平台，我把客户经理电话发你",  # a department answering a company person
    ],
)
def test_official_wording(text: str) -> None:
    assert default_voice().infer(text) == "official"


@pytest.mark.parametrize(
    "text",
    [
        "我们厂的变压器老是跳闸，能不能派人来看看",
        "本公司想申请技改补贴，需要什么条件",
        "咱们厂门口的路灯坏了一周了",
        "麻烦领导协调一下夜班公交",
        "我们想了解一下出口退税怎么办",
        "王科，上次那个补贴现在能申请了吗",  # a company addressing an official
    ],
)
def test_enterprise_wording(text: str) -> None:
    assert default_voice().infer(text) == "enterprise"


@pytest.mark.parametrize(
    "text",
    [
        "收到",
        "今天天气不错",
        "路灯终于修好了，谢谢管委会",  # the requester's thanks for a fix, not the department's report
        "这事归交通局管吗？",  # asking who is in charge
        "我们厂的电已经恢复了，请贵公司放心",  # both voices: stays unknown
    ],
)
def test_no_single_voice(text: str) -> None:
    assert default_voice().infer(text) is None


def test_text_only_answer_and_request() -> None:
    a = Analyzer.default()
    reply = a.analyze("您反映的公交站牌问题，经核实已安排下周更换", now=NOW)
    assert reply.label == "answer"
    ask = a.analyze("我们厂的变压器老是跳闸，能不能派人来看看", now=NOW)
    assert ask.label == "request"
    known = a.analyze("您反映的公交站牌问题，经核实已安排下周更换", now=NOW, role="enterprise")
    assert known.label != "answer"  # a known role is never overridden by wording
