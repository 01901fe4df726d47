"""Deadlines, meetings and reminder times (nlp.dates)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from nlp.dates import extract_meeting, parse_when, resolve_deadline

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 6, 10, 9, 12, tzinfo=TZ)  # a Wednesday


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # absolute month-day
        ("6月30日前交货", date(2026, 6, 30)),
        ("请于6月30号之前报送", date(2026, 6, 30)),
        ("6.30前到货", date(2026, 6, 30)),
        ("6/30之前送到", date(2026, 6, 30)),
        ("六月三十日前完成", date(2026, 6, 30)),
        ("2026年7月5日前", date(2026, 7, 5)),
        ("截止日期：2026-07-05", date(2026, 7, 5)),
        ("投保截止3月31日", date(2027, 3, 31)),  # more than two months ago → next year
        ("5月20日前报名", date(2026, 5, 20)),  # three weeks ago stays this year
        ("交货期：7月10日", date(2026, 7, 10)),
        ("6月30日下午5点前提交", date(2026, 6, 30)),
        ("6月30日（周二）17:00前", date(2026, 6, 30)),
        ("7月15号交货", date(2026, 7, 15)),
        # weeks
        ("下周内要货", date(2026, 6, 21)),
        ("本周内送到", date(2026, 6, 14)),
        ("这周内", date(2026, 6, 14)),
        ("本周五前到货", date(2026, 6, 12)),
        ("下周三前到厂", date(2026, 6, 17)),
        ("下週一前到位", date(2026, 6, 15)),  # Traditional 週
        ("周五前报送", date(2026, 6, 12)),
        ("本周末前", date(2026, 6, 14)),
        # month ends and periods
        ("月底前交货", date(2026, 6, 30)),
        ("本月底要", date(2026, 6, 30)),
        ("这个月底要", date(2026, 6, 30)),
        ("下月底前", date(2026, 7, 31)),
        ("下个月底到货", date(2026, 7, 31)),
        ("交货期：7月上旬", date(2026, 7, 10)),
        ("7月中旬交货", date(2026, 7, 20)),
        ("7月下旬到货", date(2026, 7, 31)),
        ("十月底前交貨", date(2026, 10, 31)),
        ("2月底前", date(2027, 2, 28)),
        ("7月前", date(2026, 6, 30)),
        ("年底前分批到货", date(2026, 12, 31)),
        # day of month
        ("15号前要", date(2026, 6, 15)),
        ("5号前送到", date(2026, 7, 5)),  # already past this month → next month
        ("下个月10号前到", date(2026, 7, 10)),
        ("于本月20日前报送", date(2026, 6, 20)),
        ("于每月15日前报送上月数据", date(2026, 6, 15)),
        ("每月5号前报送", date(2026, 7, 5)),
        # durations
        ("3天内要", date(2026, 6, 13)),
        ("一周内", date(2026, 6, 17)),
        ("两周内到货", date(2026, 6, 24)),
        ("10日内报送", date(2026, 6, 20)),
        ("半个月内", date(2026, 6, 25)),
        ("一个月内完成", date(2026, 7, 10)),
        ("3个工作日内", date(2026, 6, 15)),
        # relative days
        ("明天交货", date(2026, 6, 11)),
        ("后天前送到", date(2026, 6, 12)),
        ("今天下班前报送", date(2026, 6, 10)),
        ("本月申报期因端午假期顺延至6月22日，请按时完成申报", date(2026, 6, 22)),  # extended to
        ("6月征期截止日为6月15日，尚未完成申报的企业请抓紧", date(2026, 6, 15)),
        ("本月内完成", date(2026, 6, 30)),
        ("三季度末前报送", date(2026, 9, 30)),
        # festivals
        # "<festival>前": by the day before the festival (labelled sets: 五一前 → 4-30, 元旦前 → 12-31)
        ("端午节前到货", date(2026, 6, 18)),
        ("中秋前要货", date(2026, 9, 24)),
        ("春节前备货", date(2027, 2, 5)),
        ("国庆前交货", date(2026, 9, 30)),
        # ranges: the end is the cut-off
        ("申报时间：6月1日至6月30日", date(2026, 6, 30)),
        ("即日起至7月15日报名", date(2026, 7, 15)),
        ("报名时间：即日起至6月20日", date(2026, 6, 20)),
        ("6月15日-6月30日为申报期", date(2026, 6, 30)),
        ("第一批申报截至6月30日，第二批截至9月30日", date(2026, 6, 30)),
        # a meeting with a registration cut-off
        ("会议6月18日召开，请于6月15日前报名", date(2026, 6, 15)),
        ("安全员培训班6月23日-24日举办，报名截止6月19日", date(2026, 6, 19)),
    ],
)
def test_resolve_deadline(text: str, expected: date) -> None:
    assert resolve_deadline(text, NOW) == expected


@pytest.mark.parametrize(
    "text",
    [
        "6月18日（周四）上午9:30在区政务中心召开座谈会",
        "明天下午3点开会",
        "系统6月28日至6月30日升级，期间暂停服务",
        "电商直播培训6月底有一期",
        "价格6.30元一斤",
        "车龄3年内",
        "7月1日起施行",
        "计划于6月25日8:00-18:00停电",
        "毕业两年内的都可以",
        "收到，谢谢",
        "数量1.5吨",
        "",
    ],
)
def test_no_deadline(text: str) -> None:
    assert resolve_deadline(text, NOW) is None


def test_deadline_uses_posting_time_and_timezone() -> None:
    late = datetime(2026, 12, 28, 23, 0, tzinfo=TZ)
    assert resolve_deadline("1月10日前报送", late) == date(2027, 1, 10)
    assert resolve_deadline("下周内", datetime(2026, 6, 14, 22, 0, tzinfo=TZ)) == date(2026, 6, 21)


@pytest.mark.parametrize(
    ("text", "starts", "place"),
    [
        ("明天下午3点在园区管委会三楼会议室召开座谈会", at(2026, 6, 11, 15), "园区管委会三楼会议室"),
        ("6月18日（周四）上午9:30，地点：区政务中心302", at(2026, 6, 18, 9, 30), "区政务中心302"),
        ("下周二14:00 腾讯会议", at(2026, 6, 16, 14), "腾讯会议"),
        ("改到周五上午十点", at(2026, 6, 12, 10), None),
        ("今晚8点线上开个短会", at(2026, 6, 10, 20), "线上"),
        ("6月20日上午九点半于科技局会议室举行培训", at(2026, 6, 20, 9, 30), "科技局会议室"),
        ("座谈会延期到6月25日下午2:30，地点不变", at(2026, 6, 25, 14, 30), None),
    ],
)
def test_extract_meeting(text: str, starts: datetime, place: str | None) -> None:
    info = extract_meeting(text, NOW)
    assert info is not None
    assert info.starts_at == starts
    assert info.place == place


def test_meeting_skips_registration_cut_off_and_finds_title() -> None:
    text = "【银企对接会】6月23日（周二）9:00在区金融服务中心举行，请于6月20日前报名。"
    info = extract_meeting(text, NOW)
    assert info is not None
    assert info.starts_at == at(2026, 6, 23, 9)
    assert info.place == "区金融服务中心"
    assert info.title == "银企对接会"


@pytest.mark.parametrize(
    ("text", "title", "place"),
    [
        # a gathering named without a title mark or 召开, and a clause that is nothing but a room
        (
            "提醒：今天下午2:30银企对接会，政务中心三楼3号会议室，请提前10分钟签到",
            "银企对接会",
            "政务中心三楼3号会议室",
        ),
        # a bracketed name that ends in 课堂; the place ends where 开…培训会 begins
        (
            "【田间课堂】6月12日（周五）上午9点在东山村金银花基地开现场培训会，讲夏季修剪",
            "田间课堂",
            "东山村金银花基地",
        ),
        ("6月13日上午9点在园区服务中心举办就业援助月专场招聘会", "就业援助月专场招聘会", "园区服务中心"),
        ("6月23日下午2:30在科技局302会议室开第二批高企申报辅导会", "第二批高企申报辅导会", "科技局302会议室"),
        (
            "【会议通知】2026年中药材产销对接会定于6月16日上午9:30在区会展中心二楼召开",
            "2026年中药材产销对接会",
            "区会展中心二楼",
        ),
        (
            "6月9日下午2:30在区电商产业园三楼举办“食品企业直播带货实操培训”",
            "食品企业直播带货实操培训",
            "区电商产业园三楼",
        ),
        ("6月9日下午2:30举办“食品企业直播带货实操培训，请报名", "食品企业直播带货实操培训", None),
        ("6月12日上午9点在白龙镇川芎基地开现场培训会", "现场培训会", "白龙镇川芎基地"),
        ("6月30日上午9:30举办「专精特新企业培育」线上培训，腾讯会议", "专精特新企业培育线上培训", "线上"),
        (
            "6月19日上午9点在园区服务中心一楼大厅举办“夏季促就业”专场招聘会",
            "夏季促就业专场招聘会",
            "园区服务中心一楼大厅",
        ),
        # the rest of the time is no part of the title (9点 → 点…, 两点半…), and a clause with a floor is the place
        ("6月12日上午9点园区招聘会 综合服务中心一楼 要招人的企业本周五前报岗位", "园区招聘会", "综合服务中心一楼"),
        ("提醒 6月11号下午两点半中药材产销对接会 区政府三楼 种植户都可以来", "中药材产销对接会", "区政府三楼"),
        ("【提醒】今天下午3点的冻品企业对接会，还有几家企业没回执，请尽快回复。", "冻品企业对接会", None),
        ("提醒：今天上午9:30安全生产工作会，上午10点管委会二楼，请准时参加", None, "管委会二楼"),
        # a bare 培训 names the gathering; 大会议室 is a room, not a 大会; directions to a room are not the room
        ("6月16号下午两点 食品企业出口业务培训 线上开 15号前报名", "食品企业出口业务培训", "线上"),
        ("下午3点的联席会改到管委会一楼大会议室，二楼空调坏了", None, "管委会一楼大会议室"),
        ("座谈会9:30开始，参会的老师请到5楼，出电梯右转第二间。", "座谈会", None),
        ("政企联席会议半小时后开始，请企业负责人准时到管委会一楼大会议室。", "政企联席会议", "管委会一楼大会议室"),
    ],
)
def test_meeting_titles_and_places(text: str, title: str, place: str) -> None:
    info = extract_meeting(text, NOW)
    assert info is not None and (info.title, info.place) == (title, place)


def test_meeting_date_without_time_is_midnight() -> None:
    info = extract_meeting("6月18日召开政企联席会议", NOW)
    assert info is not None
    assert info.starts_at == at(2026, 6, 18)
    assert info.title == "政企联席会议"


@pytest.mark.parametrize(
    ("text", "change", "was", "starts", "place"),
    [
        (
            "原定6月12日下午3点的座谈会改到6月15日上午9点，地点不变",
            "reschedule",
            at(2026, 6, 12, 15),
            at(2026, 6, 15, 9),
            None,
        ),
        ("周五的政企联席会议推迟到下周二下午2:30召开", "reschedule", at(2026, 6, 12), at(2026, 6, 16, 14, 30), None),
        ("明天下午3点的培训推迟一天", "reschedule", at(2026, 6, 11, 15), at(2026, 6, 12, 15), None),
        ("明天上午9点的宣讲会延后2小时", "reschedule", at(2026, 6, 11, 9), at(2026, 6, 11, 11), None),
        ("今天下午的对接会地点改到管委会三楼会议室", "relocate", at(2026, 6, 10), None, "管委会三楼会议室"),
        ("培训地点变更为区政务中心五楼", "relocate", None, None, "区政务中心五楼"),
        ("會議改在線上騰訊會議", "relocate", None, None, "线上"),
        ("6月15日招聘会延期举行，具体时间另行通知", "cancel", at(2026, 6, 15), None, None),
        ("通知：明天的电商培训取消", "cancel", at(2026, 6, 11), None, None),
        ("明天的会议推迟了，等通知", "cancel", at(2026, 6, 11), None, None),
    ],
)
def test_meeting_changes(
    text: str, change: str, was: datetime | None, starts: datetime | None, place: str | None
) -> None:
    info = extract_meeting(text, NOW)
    assert info is not None
    assert (info.change, info.was, info.starts_at, info.place) == (change, was, starts, place)


def test_new_meeting_is_not_a_change() -> None:
    info = extract_meeting("6月18日召开政企联席会议，地点待定", NOW)
    assert info is not None
    assert (info.change, info.starts_at, info.place) == (None, at(2026, 6, 18), None)


def test_no_meeting() -> None:
    assert extract_meeting("收到，谢谢", NOW) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明天9点", at(2026, 6, 11, 9)),
        ("明天上午9点半", at(2026, 6, 11, 9, 30)),
        ("周五下午3点", at(2026, 6, 12, 15)),
        ("下周一上午10:30", at(2026, 6, 15, 10, 30)),
        ("2026-07-01 09:00", at(2026, 7, 1, 9)),
        ("2026/7/1 9:00", at(2026, 7, 1, 9)),
        ("7月1日 9:00", at(2026, 7, 1, 9)),
        ("3小时后", at(2026, 6, 10, 12, 12)),
        ("30分钟后", at(2026, 6, 10, 9, 42)),
        ("半小时后", at(2026, 6, 10, 9, 42)),
        ("两天后", at(2026, 6, 12, 9, 12)),
        ("今晚8点", at(2026, 6, 10, 20)),
        ("晚上8点一刻", at(2026, 6, 10, 20, 15)),
        ("周三上午9点", at(2026, 6, 17, 9)),  # today 9:00 has passed → next Wednesday
        ("周三下午4点", at(2026, 6, 10, 16)),  # later today
        ("15:30", at(2026, 6, 10, 15, 30)),
        ("8:00", at(2026, 6, 11, 8)),  # passed today → tomorrow
        ("明天", at(2026, 6, 11, 9)),  # a date alone reminds at 9:00
        ("中午12点", at(2026, 6, 10, 12)),
    ],
)
def test_parse_when(text: str, expected: datetime) -> None:
    got = parse_when(text, NOW)
    assert got == expected
    assert got is not None and got.tzinfo is not None and got > NOW


@pytest.mark.parametrize("text", ["随便什么时候", "", "2025-01-01 09:00", "今天8点"])
def test_parse_when_rejects(text: str) -> None:
    assert parse_when(text, NOW) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("黄芪 3吨，中旬前到", date(2026, 6, 20)),  # a bare 旬 is this month's
        ("下旬交货，量大优先", date(2026, 6, 30)),
        ("3月上旬交货", date(2027, 3, 10)),
        ("这个月底要", date(2026, 6, 30)),
        ("报价截止本周五，月底前交货", date(2026, 6, 30)),  # delivery beats the quote cut-off
        ("报价截止本周五", date(2026, 6, 12)),
    ],
)
def test_periods_and_delivery_over_quote_cutoff(text: str, expected: date) -> None:
    assert resolve_deadline(text, NOW) == expected


def test_bare_period_without_cutoff_word_is_not_a_deadline() -> None:
    assert resolve_deadline("上旬开会", NOW) is None


def test_festival_is_a_cutoff_only_for_a_delivery_or_submission() -> None:
    assert resolve_deadline("五一前送到", at(2026, 4, 29)) == date(2026, 4, 30)
    assert resolve_deadline("元旦前到货", at(2026, 12, 21)) == date(2026, 12, 31)
    assert resolve_deadline("春节前食品抽检将加大频次，请规范标签", NOW) is None


def test_cutoff_day_after_jiezhi() -> None:
    assert resolve_deadline("本月纳税申报期截至15日，请按时申报", at(2026, 3, 5)) == date(2026, 3, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M8螺母 2万颗，明天下午来拿", date(2026, 7, 9)),  # collected tomorrow
        ("冰袋 1万个，明天就要", date(2026, 7, 9)),
        ("卡盘扳手6把，今天明天能送的优先", date(2026, 7, 9)),
        ("藿香正气水 1000盒，这两天要", date(2026, 7, 10)),
        ("菜籽油 30吨，下周一送过来", date(2026, 7, 13)),
        ("型材 约200吨，8月份交货", date(2026, 8, 31)),
        ("交期：7.20前，合格供应商优先", date(2026, 7, 20)),
        ("选货 5吨，7月上旬能不能交？", date(2026, 7, 10)),
    ],
)
def test_delivery_days_in_buyers_words(text: str, expected: date) -> None:
    now = datetime(2026, 7, 8, 10, 0, tzinfo=TZ)
    assert resolve_deadline(text, now) == expected


def test_a_decimal_price_is_not_a_date() -> None:
    now = datetime(2026, 7, 8, 10, 0, tzinfo=TZ)
    assert resolve_deadline("单价7.20元，月底前到", now) == date(2026, 7, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【会议通知】定于6月12日15:00召开座谈会，请于6月11日下班前在群里接龙报名", date(2026, 6, 11)),
        ("6月18日召开培训会，请于6月16日中午12点前报送参会名单", date(2026, 6, 16)),
    ],
)
def test_a_meeting_notice_carries_its_sign_up_cut_off(text: str, expected: date) -> None:
    from nlp import Analyzer

    a = Analyzer.default().analyze(text, now=datetime(2026, 6, 10, 9, 0, tzinfo=TZ), role="official")
    assert (a.label, a.deadline) == ("meeting", expected)


@pytest.mark.parametrize(
    ("text", "posted", "expected"),
    [
        # lunar dates around the Spring Festival, on a lunar month of 29 days (腊月 of 2027)
        ("黄芪 统货 5吨，腊月二十前到厂", date(2028, 1, 4), date(2028, 1, 16)),
        ("低筋面粉 10吨，腊月廿五前全部送完", date(2028, 1, 13), date(2028, 1, 21)),
        ("干冰 5吨，腊月二十八前送完", date(2028, 1, 17), date(2028, 1, 24)),
        ("液压油 叁拾桶，正月初八前送到", date(2028, 1, 20), date(2028, 2, 2)),  # next lunar year
        ("腊肉 500斤，腊月三十前到货", date(2028, 1, 10), date(2028, 1, 25)),  # 三十 in a 29-day month: 除夕
        ("对联 2000副，除夕前送到", date(2027, 1, 10), date(2027, 2, 5)),
        ("礼盒 300份，臘月二十前到貨", date(2027, 1, 5), date(2027, 1, 27)),  # Traditional characters
        # a month and a day in Chinese numerals before 前 is a solar date
        ("艾叶 5吨，七月十五前交货", date(2026, 6, 20), date(2026, 7, 15)),
    ],
)
def test_lunar_and_chinese_numeral_dates(text: str, posted: date, expected: date) -> None:
    now = datetime(posted.year, posted.month, posted.day, 10, 0, tzinfo=TZ)
    assert resolve_deadline(text, now) == expected


def test_a_lunar_date_with_no_cut_off_word_is_no_deadline() -> None:
    text = "【通知】春节期间政务服务大厅暂停现场办理，2月14日（正月初九）恢复。"
    assert resolve_deadline(text, datetime(2027, 1, 27, 16, 0, tzinfo=TZ)) is None
