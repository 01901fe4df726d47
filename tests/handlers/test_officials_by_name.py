"""A request that names an official of the group without an @ (谭工，…) goes to that official's department."""

from __future__ import annotations

from sqlmodel import Session

from bot.testing import Harness
from storage.ledger import list_requests
from tests.handlers.conftest import CHEN, LI, ZHANG, Ledger, raise_request

TAN = {"sender": "wxid_zjj_tan", "name": "住建局-谭工"}  # an official not in config, known by the nickname only
ASK = "谭工，能不能抽空来我们厂里看一下？有些情况想当面汇报"


async def test_a_named_official_seen_in_the_group_gets_the_request(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("各位好，我是住建局谭工，厂房报建和消防验收的事可以找我", **TAN)
    no = await raise_request(harness, ASK, LI)
    assert ledger.get(no).department == "住建局"


async def test_an_official_only_another_group_has_seen_is_unknown(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("各位好，我是住建局谭工，厂房报建和消防验收的事可以找我", **TAN, room="room-other")
    no = await raise_request(harness, ASK, ZHANG)
    assert ledger.get(no).department is None


async def test_an_official_from_config_is_known_before_posting(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "陈科，能不能抽空来我们厂门口看一下？有些情况想当面说", LI)
    assert ledger.get(no).department == "交通运输局"  # 交通局-陈科 is in config.yaml


async def test_a_name_an_official_of_no_department_bears_in_the_room_names_no_department(
    harness: Harness, ledger: Ledger
) -> None:
    """陈科 of config is 交通运输局's; in a room where 区营商办-陈科 (no canonical department) speaks, "陈科，…" may
    mean either, so the request waits for an admin instead of going to the wrong department."""
    await harness.feed(
        "各位早，本群是政企服务群，请大家把群昵称改成单位-姓名", sender="wxid_ysb_chen", name="区营商办-陈科"
    )
    no = await raise_request(harness, "陈科，能不能抽空来我们厂里看一下？有些情况想当面汇报", LI)
    assert ledger.get(no).department is None


async def test_a_question_right_after_an_officials_notice_goes_to_that_department(
    harness: Harness, ledger: Ledger
) -> None:
    await harness.feed("通知：明天起X082县道半幅施工，货车请绕行S106，工期10天。", **CHEN)
    no = await raise_request(harness, "挂车能不能走？麻烦帮忙确认一下", LI)
    assert ledger.get(no).department == "交通运输局"  # nothing in the ask names a department: the notice does


async def test_without_a_notice_the_same_question_has_no_department(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "挂车能不能走？麻烦帮忙确认一下", LI)
    assert ledger.get(no).department is None


async def test_the_room_remembers_what_the_next_message_follows(harness: Harness) -> None:
    await harness.feed("我们厂门口的路灯坏了一个多月了，能不能安排人修一下", **LI)
    with Session(harness.engine) as session:
        officials = harness.app.services.officials.for_room(session, "room-pharma")
    now = harness.clock.now()
    assert officials.previous(now, CHEN["sender"]) == ("request", False)  # an official's reply follows a request
    assert officials.previous(now, LI["sender"]) is None  # nobody follows their own message


async def test_an_official_of_a_body_that_is_no_department_answers_and_raises_nothing(
    harness: Harness, ledger: Ledger
) -> None:
    cluster_office = {"sender": "wxid_jqb_zhang", "name": "集群办-张敏"}  # official, but of no canonical department
    no = await raise_request(harness, "我们厂门口那段村道塌了一块，货车过不去，麻烦帮忙协调一下", LI)
    sent = await harness.feed(
        "@川康药业-李总 已转交通运输局农村公路股，@交通局-陈科 麻烦看一下",
        **cluster_office,
        mentions=("wxid_ck_li", "wxid_jtj_chen"),
    )
    assert not any("已登记诉求" in m.text for m in sent)  # an official routing it is no new request
    with Session(harness.engine) as s:
        assert [r.id for r in list_requests(session=s)] == [no]
    req = ledger.get(no)  # assigned, as an admin assigns it; an answer is a department's, park's or utility's reply
    assert req.status == "open" and req.department == "交通运输局"


async def test_an_official_who_says_whom_they_work_for_answers_as_that_department(
    harness: Harness, ledger: Ledger
) -> None:
    """刘洋🌱's nickname names no department; "我是县科技局的刘洋" does: the reply answers the request to 科技局, and
    so do his later messages."""
    liu = {"sender": "wxid_kjj_liu", "name": "刘洋🌱"}
    no = await raise_request(harness, "请问高企认定知识产权只有2个实用新型够不够？有没有部门可以辅导一下？", LI)
    assert ledger.get(no).department == "科技局"
    await harness.feed(
        "@川康药业-李总 李总好，我是县科技局的刘洋，刚进群。2个实用新型数量可以，但打分偏低，建议再补几件", **liu
    )
    assert ledger.get(no).status == "answered"
    with Session(harness.engine) as session:
        person = harness.app.services.directory.person_in(session, "room-pharma", liu["sender"], liu["name"])
    assert person.is_official and person.department == "科技局"
