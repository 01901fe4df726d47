"""Nickname parsing: "单位-姓名" and its variants, department aliases."""

from __future__ import annotations

import pytest

from nlp.roles import introduced_department, looks_official, parse_nickname, runs_group
from nlp.route import department_of, load_departments

DEPTS = load_departments()


@pytest.mark.parametrize(
    ("nick", "expected"),
    [
        ("商务局-王科长", ("商务局", "王科长", "商务局")),
        ("交通局-陈科", ("交通局", "陈科", "交通运输局")),
        ("川康药业-李总", ("川康药业", "李总", None)),
        ("市监局—吴科", ("市监局", "吴科", "市场监管局")),
        ("园区管委会_赵主任", ("园区管委会", "赵主任", "园区管委会")),
        ("供电公司 李工", ("供电公司", "李工", "供电公司")),
        ("李哥", (None, "李哥", None)),
        ("税务局", ("税务局", None, "税务局")),
        ("税务小刘", ("税务", "小刘", "税务局")),  # a department's short name, then a person, with no separator
        ("经信小李", ("经信", "小李", "经信局")),
        ("税务林姐", ("税务", "林姐", "税务局")),  # 姐/哥 after a surname: a person too
        ("人社刘股长", ("人社", "刘股长", "人社局")),
        ("园区小卖部", (None, "园区小卖部", None)),  # a shop: no person after the alias
        ("供电所老李", ("供电所", "老李", "供电公司")),  # the whole nickname also names the utility: the person first
        ("市监-赵科", ("市监", "赵科", "市场监管局")),  # a bureau's name without its 局
        ("交运-陈科", ("交运", "陈科", "交通运输局")),
        ("税务师事务所", (None, "税务师事务所", None)),  # a company, not a person
        ("市场监管局食品科-许科", ("市场监管局食品科", "许科", "市场监管局")),  # a section of the department
        ("食品园物业-老冯", ("食品园物业", "老冯", "园区管委会")),  # the park's property management
        ("物流园区办-小柏", ("物流园区办", "小柏", "园区管委会")),  # a park's office named by its trade
        ("顺达物流-邓总", ("顺达物流", "邓总", None)),
    ],
)
def test_parse_nickname(nick: str, expected: tuple) -> None:
    assert parse_nickname(nick, DEPTS) == expected


def test_company_names_are_not_departments() -> None:
    assert parse_nickname("华瑞科技-张总", DEPTS)[2] is None  # "科技" is an alias of 科技局 but this is a company
    assert parse_nickname("园区物流有限公司-小王", DEPTS)[2] is None


def test_department_of_aliases_and_fuzzy() -> None:
    assert department_of("市场监督管理局") == "市场监管局"
    assert department_of("区商务局") == "商务局"
    assert department_of("国网供电所") == "供电公司"
    assert department_of("人力社保局") == "人社局"
    assert department_of("川康药业") is None
    assert department_of("") is None


def test_looks_official() -> None:
    assert looks_official("人社局-周科", DEPTS)
    assert looks_official("城管局-刘队", DEPTS)  # not in departments.json, still an office
    assert not looks_official("精工机械-人事部", DEPTS)
    assert looks_official("集群办-张敏", DEPTS) and looks_official("街道办-王主任", DEPTS)
    assert not looks_official("行政办-小王", DEPTS) and not looks_official("总经办-李秘书", DEPTS)  # a company's office


def test_park_property_management_is_official() -> None:
    assert looks_official("园区物业-老周", load_departments())
    assert not looks_official("金诚物业公司-小王", load_departments())
    assert looks_official("物流园物业-老高", load_departments())  # 物流 names the park here, not a company
    parse = parse_nickname("物流园区-吕主任", load_departments())
    assert parse[2] == "园区管委会"  # a park named by its trade: its office
    assert parse_nickname("百草园-李总", load_departments())[2] is None  # a company named a garden


def test_a_task_force_is_official() -> None:
    """产业链专班: a district working group that speaks for the government in the cluster's group."""
    assert looks_official("产业链专班-小吴", DEPTS) and looks_official("医药产业链专班-小林(群主)", DEPTS)
    assert not looks_official("顺达物流-老彭", DEPTS)


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("黄经理好，我是县科技局的刘洋，负责高企认定这块，刚进群", "科技局"),
        ("我是区人社局就业股小陈，招工的事可以找我", "人社局"),
        ("大家好我是供电所的老赵", "供电公司"),
        ("我是川味食品的李总", None),  # a company
        ("我是想问下税务局，发票能不能代开", None),  # an ask, not an introduction
        ("我是新来的，请多关照", None),
    ],
)
def test_a_member_saying_whom_they_work_for(text: str, department: str | None) -> None:
    assert introduced_department(text, DEPTS) == department


@pytest.mark.parametrize(
    ("nickname", "runs"),
    [
        ("小胡（群管）", True),
        ("产促中心-小黎（群主）", True),
        ("产业链专班-小林(群主)", True),
        ("园区-群管理员", True),
        ("群主-刘洋", True),
        ("群主他爹", False),
        ("川康药业-李总", False),
        ("集群秘书处-小林", True),  # the cluster's secretariat
        ("秘书处-许婷", True),
        ("董事会秘书处工作手册", False),
    ],
)
def test_a_nickname_says_who_runs_the_group(nickname: str, runs: bool) -> None:
    assert runs_group(nickname) is runs
