"""Sender and mention roles from WeChat group nicknames ("单位-姓名")."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

_SEP_RE = re.compile(r"^\s*(.+?)\s*[-—–_－~·|]+\s*(.+?)\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_SPACE_RE = re.compile(r"^\s*(\S+)\s+(\S.*?)\s*$")
# bureaus' short names no company takes as its trade (青溪税务-小叶 is the bureau; 一田农业, 华为科技 are companies)
_BUREAU_SHORT = frozenset({"税务", "市监", "人社", "住建", "审批", "自规", "应急", "经信", "工信", "交运", "就业"})
_OFFICE_SUFFIXES = ("局", "委会", "委", "办", "物业", "中心", "站", "所", "厅", "公司", "科", "大队", "街道", "镇政府")
_COMPANY_HINT = re.compile(r"有限|公司|股份|集团|厂|药业|食品|科技有限|商贸|物流|合作社|种植|农场|基地")
# a company's own office (行政办-小王, 总经办-李秘书), not a government one
_COMPANY_OFFICE = re.compile(r"(?:总经|经理|行政|财务|人事|人力|综合|销售|采购|生产|技术|质量|品质|仓储|董事|厂)办$")
# public authorities outside departments.json: police, fire, customs, courts, township and community offices
_PUBLIC_BODY = re.compile(
    r"交警|交巡警|公安|派出所|警务|消防(?:大队|救援|站|支队)|海关|法院|检察院|疾控|卫健|教育局|统计局"
    r"|(?:政府|街道|社区|居委会|村委会?)办?$"
)
# an authority with a remit of its own (交警大队, 发改委, 城管局), not a coordinating office (集群办, 专班, 街道办)
_AUTHORITY = re.compile(r"交警|交巡警|公安|派出所|警务|消防|海关|法院|检察院|疾控|(?:局|(?<![村居])委)$")
_STRONG_ENDINGS = ("局", "办", "所", "站", "会", "厅", "中心", "公司", "部门", "国网")
_PARK_DEPT = "园区管委会"
_ASKING = re.compile(r"[想问说要找去帮请来让给]")
_PERSON_TAIL = re.compile(
    r"(?:[小老][\u4e00-\u9fff]|[\u4e00-\u9fff](?:姐|哥|姨|叔)"  # 税务林姐, 供电所王哥
    r"|[\u4e00-\u9fff]{1,2}(?:科长|科|主任|局长|站长|所长|股长|队长|经理|主管|干事|专员|书记|工|老师|师傅))$"
)
# a member saying whom they work for: 我是县科技局的刘洋, 我是区人社局就业股小陈, 我是供电所的老赵,
# 我是科技局负责高企认定的小许（…）
_INTRO = re.compile(
    r"我是(?:[\u4e00-\u9fff]{1,3}?[县区市])?([\u4e00-\u9fff]{1,6}?(?:局|管委会|办|中心|站|所|供电公司))(?=的|[\u4e00-\u9fff]{0,12}(?:[，,。!！\s(（]|$))"
)


def _key(departments: Sequence[dict]) -> tuple:
    return tuple((d["name"], tuple(d.get("aliases", ()))) for d in departments)


@lru_cache(maxsize=8)
def _table(key: tuple) -> tuple[dict[str, str], list[str]]:
    names: dict[str, str] = {}
    for name, aliases in key:
        names[name] = name
        for alias in aliases:
            names.setdefault(alias, name)
    strong = sorted(
        (w for w in names if w in {n for n, _ in key} or len(w) >= 3 or w.endswith(_STRONG_ENDINGS)),
        key=len,
        reverse=True,
    )
    return names, strong


def department_of(name: str | None, departments: Sequence[dict]) -> str | None:
    """Canonical department for a department name, alias or close spelling ("交通局" → "交通运输局")."""
    if not name:
        return None
    name = name.strip().lstrip("@")
    names, strong = _table(_key(departments))
    if name in names:
        return names[name]
    if name.startswith("区") and name[1:] in names:
        return names[name[1:]]
    if 2 <= len(name) <= 3 and name + "局" in names:  # 市监-赵科, 税务-小王: a bureau's name without its 局
        return names[name + "局"]
    short = name[-2:] if 3 <= len(name) <= 5 and name[0] not in "老小阿" else ""
    if short in _BUREAU_SHORT and not _COMPANY_HINT.search(name):
        return names[short + "局"]  # 青溪税务-小叶: the district's name, then the bureau's short name
    for word in strong:  # a department, then its section (市场监管局食品科): "食品" names no company here
        if name.startswith(word) and word.endswith(("局", "管委会", "供电公司")):
            return names[word]
    for word in strong:  # an office named after its trade or place (物流园区办, 食品园区办): the body it ends with
        if len(word) >= 3 and name.endswith(word):
            return names[word]
    if _COMPANY_HINT.search(name) and not name.endswith(("局", "管委会", "供电公司")):
        return None
    for word in strong:
        if word in name:
            return names[word]
    if name.endswith(_OFFICE_SUFFIXES):
        best = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
        if best:
            return names[best[0]]
    return None


def _park_property(org: str) -> bool:
    """The park's own property management (园区物业, 物流园物业, 食品园物业), not a company's, or the office of a
    park named by its trade (物流园区-吕主任, 食品园区-小何)."""
    return (org.endswith("物业") and "园" in org) or (org.endswith("园区") and 3 <= len(org) <= 6)


def parse_nickname(nickname: str, departments: Sequence[dict]) -> tuple[str | None, str | None, str | None]:
    """Split "单位-姓名" into (organisation, person, canonical department or None)."""
    nick = (nickname or "").strip().lstrip("@")
    if not nick:
        return None, None, None
    m = _SEP_RE.match(nick) or _SPACE_RE.match(nick)
    if m:
        org, person = m.group(1), m.group(2)
        dept = department_of(org, departments)
        if dept is None and _park_property(org) and _PARK_DEPT in _table(_key(departments))[0]:
            dept = _PARK_DEPT  # the park's property management answers for the park
        return org, person, dept
    names, _ = _table(_key(departments))
    for lead in range(4):  # 税务小刘, 供电所老李: a department's short name, then a person; 青溪税务小叶: a place first
        if lead and (not _CJK.fullmatch(nick[:lead]) or _COMPANY_HINT.search(nick[:lead])):
            continue
        fits = (w for w in names if nick.startswith(w, lead) and (not lead or w in _BUREAU_SHORT or w.endswith("局")))
        for alias in sorted(fits, key=len, reverse=True):
            if _PERSON_TAIL.match(nick, lead + len(alias)):
                return nick[: lead + len(alias)], nick[lead + len(alias) :], names[alias]
    dept = department_of(nick, departments)
    if dept:
        return nick, None, dept
    return None, nick, None


_RUNS_GROUP = re.compile(
    r"[(（【\[]\s*(?:群主|群管|群管理员?|管理员)\s*[)）】\]]|[-—_](?:群主|群管|群管理员?)$|^[\u4e00-\u9fff]{0,4}?(?:群主|群管|群管理员?)[-—_]"
    r"|^[\u4e00-\u9fff]{0,4}秘书处(?=[-—_\s]|$)"  # 集群秘书处-小林: the cluster's secretariat organises the group
)


def runs_group(nickname: str) -> bool:
    """The nickname says its holder runs the group (小胡（群管）, 产促中心-小黎（群主）, 集群群管-小林,
    集群秘书处-小林): they organise the chat, so what they pass on ("@园区物业-小吴 看一下B区路灯") is no request of
    their own."""
    return _RUNS_GROUP.search(nickname) is not None


def looks_official(nickname: str, departments: Sequence[dict]) -> bool:
    """True when the nickname's organisation is a department, the park or a utility."""
    org, _, dept = parse_nickname(nickname, departments)
    if dept:
        return True
    if not org:
        return False
    if org.endswith("专班") or _park_property(org):  # 产业链专班, 物流园物业: the district's
        return True
    if _PUBLIC_BODY.search(org) and not _COMPANY_HINT.search(org):  # 交警大队, 城西派出所, 镇政府
        return True
    return org.endswith(_OFFICE_SUFFIXES[:5]) and not _COMPANY_HINT.search(org) and not _COMPANY_OFFICE.search(org)


def public_authority(org: str | None) -> bool:
    """The organisation of an official outside departments.json is an authority with a remit of its own (交警大队,
    发改委, 城管局): a department in all but the list, whose reply answers a request as a department's does; a
    coordinating office (集群办, 专班, 街道办) is not."""
    return bool(org) and _AUTHORITY.search(org or "") is not None


def introduced_department(text: str, departments: Sequence[dict]) -> str | None:
    """The department a member says they work for ("大家好，我是县科技局的刘洋，负责高企认定"), else None."""
    m = _INTRO.search(text) if "我是" in text else None
    if m is None or _ASKING.search(m.group(1)):
        return None  # 我是想问下税务局: an ask, not an introduction
    return department_of(m.group(1), departments)


def introduced_as(text: str, name: str, departments: Sequence[dict]) -> str | None:
    """The department a message introducing members gives `name` ("新进群的几位领导：邵科长（区经信局企业服务科）、
    严所（城东供电所）"), else None."""
    if not name or name not in text:
        return None
    rx = re.compile(r"(?:^|[、，,：:；;\s])" + re.escape(name) + r"\s*[（(]([^）)，,。]{2,20})[）)]")
    m = rx.search(text)
    return department_of(m.group(1), departments) if m else None
