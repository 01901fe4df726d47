"""/remind with natural time expressions, and notices before a procurement deadline or a meeting."""

from __future__ import annotations

import pytest

from handlers.remind import split_when
from storage.db import unit_of_work
from storage.jobs import get_reminder
from tests.time.conftest import ADMIN, LI, PHARMA, at, run_until, seed_group

ZHOU = {"sender": "wxid_rsj_zhou", "name": "人社局-周科"}
SUN = {"sender": "wxid_tr_sun", "name": "天润中药材合作社-孙社长"}


@pytest.mark.parametrize(
    ("args", "when", "content"),
    [
        ("明天9点 提交季度报表", ("06-09", "09:00"), "提交季度报表"),
        ("周五下午3点 参加座谈会", ("06-12", "15:00"), "参加座谈会"),
        ("周五 下午3点 参加座谈会", ("06-12", "15:00"), "参加座谈会"),
        ("2026-07-01 09:00 申报截止", ("07-01", "09:00"), "申报截止"),
        ("2026-07-01 15:30 申报截止", ("07-01", "15:30"), "申报截止"),
        ("3小时后 检查消防通道", ("06-08", "12:30"), "检查消防通道"),
        ("明天9点开会", ("06-09", "09:00"), "开会"),
        ("明天 提交材料", ("06-09", "09:00"), "提交材料"),
    ],
)
def test_split_when_reads_the_leading_time(args: str, when: tuple[str, str], content: str) -> None:
    assert split_when(args, at("06-08", "09:30")) == (at(*when), content)


@pytest.mark.parametrize("args", ["下辈子 再说", "2020-01-01 09:00 早就过了", "明天9点", "提交报表"])
def test_split_when_rejects_bad_or_past_times_and_missing_content(args: str) -> None:
    assert split_when(args, at("06-08", "09:30")) is None


async def test_remind_is_stored_and_sent_once_when_due(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    reply = await h.feed("/remind 明天9点 提交季度报表", **ADMIN, at=at("06-08", "10:00"))
    assert "好的，将在 6月9日 09:00 在本群提醒：提交季度报表（提醒 R1）" in reply[0].text
    sent = [(t, m) for t, m in await run_until(h, at("06-10", "10:00")) if m.text.startswith("【提醒】")]
    assert [(t, m.room_id, m.text) for t, m in sent] == [("06-09 09:00", PHARMA, "【提醒】提交季度报表")]
    with unit_of_work(h.engine) as s:
        row = get_reminder(session=s, no=1)
        assert row is not None and row.sent_at == at("06-09", "09:00") and row.created_by == "wxid_admin_zhao"


async def test_remind_bad_time_gets_the_usage_line_and_only_admins_may(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    bad = await h.feed("/remind 改天 开会", **ADMIN)
    assert "没有看懂提醒时间" in bad[0].text and "用法：/remind 时间 内容" in bad[0].text
    empty = await h.feed("/提醒", **ADMIN)
    assert "用法：/remind 时间 内容" in empty[0].text
    denied = await h.feed("/remind 明天9点 开会", **LI)
    assert "仅限管理员" in denied[0].text
    assert [m for _, m in await run_until(h, at("06-10", "10:00")) if m.text.startswith("【提醒】")] == []


async def test_remind_in_quiet_hours_goes_out_in_the_morning(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    reply = await h.feed("/remind 今晚11点 检查仓库门窗", **ADMIN, at=at("06-08", "10:00"))
    assert "免打扰时段" in reply[0].text and "6月9日 08:00" in reply[0].text
    sent = [t for t, m in await run_until(h, at("06-09", "10:00")) if m.text.startswith("【提醒】")]
    assert sent == ["06-09 08:00"]


async def test_procurement_deadline_is_announced_the_day_before(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    listed = await h.feed(
        "求购川芎个子 15吨，6月10日前交货，联系人孙先生 139 8888 6666", **SUN, at=at("06-08", "10:00")
    )
    assert "已登记采购清单 P1" in listed[0].text
    sent = [(t, m) for t, m in await run_until(h, at("06-09", "09:00")) if m.text.startswith("【采购提醒】")]
    assert [t for t, _ in sent] == ["06-09 08:00"]
    assert "P1 川芎" in sent[0][1].text and "15吨 采购明天（6月10日）截止，联系 13988886666" in sent[0][1].text
    late = await h.feed("急收当归 2吨，6月10日前到货，电话 13700001111", **SUN, at=at("06-09", "10:00"))
    assert "已登记采购清单 P2" in late[0].text
    later = [m for _, m in await run_until(h, at("06-11", "10:00")) if m.text.startswith("【采购提醒】")]
    assert later == []  # P1 was announced once; P2 was posted the day before its deadline


async def test_meeting_reminders_before_the_start(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    notice = (
        "各位企业朋友：6月9日（周二）下午3:00在区政务中心302会议室召开稳岗返还政策宣讲会，请各企业派1名人事负责人参加。"
    )
    await h.feed(notice, **ZHOU, at=at("06-08", "10:00"))
    await h.feed(
        "通知：6月10日上午9点在园区管委会三楼会议室召开政企座谈会，请准时参加。", **ZHOU, at=at("06-08", "10:05")
    )
    sent = [(t, m.text) for t, m in await run_until(h, at("06-10", "12:00")) if m.text.startswith("【会议提醒】")]
    assert [t for t, _ in sent] == ["06-09 13:00", "06-10 08:00"]  # 2h before; 07:00 is quiet, so 08:00
    assert "稳岗返还政策宣讲会将于 6月9日 15:00 在区政务中心302会议室举行" in sent[0][1]
    assert "6月10日 09:00" in sent[1][1]


async def test_meeting_announced_inside_the_window_is_not_reminded(make_harness) -> None:
    h = make_harness(at("06-09", "09:00"))
    seed_group(h)
    await h.feed(
        "通知：今天上午11点在园区管委会三楼会议室召开政企座谈会，请准时参加。", **ZHOU, at=at("06-09", "10:00")
    )
    assert [m for _, m in await run_until(h, at("06-09", "12:00")) if m.text.startswith("【会议提醒】")] == []


async def test_rescheduled_meeting_is_reminded_at_the_new_time_only(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed(
        "通知：6月10日上午9点在园区管委会三楼会议室召开政企座谈会，请准时参加。", **ZHOU, at=at("06-08", "10:00")
    )
    await h.feed("各位，原定6月10日上午9点的政企座谈会改到6月11日下午3点，地点不变。", **ZHOU, at=at("06-08", "11:00"))
    sent = [(t, m.text) for t, m in await run_until(h, at("06-12", "12:00")) if m.text.startswith("【会议提醒】")]
    assert [t for t, _ in sent] == ["06-11 13:00"]
    assert "6月11日 15:00 在园区管委会三楼会议室" in sent[0][1]


async def test_relocated_meeting_is_reminded_with_the_new_place(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("6月9日（周二）下午3:00在区政务中心302会议室召开稳岗返还政策宣讲会。", **ZHOU, at=at("06-08", "10:00"))
    await h.feed("宣讲会地点改到园区管委会一楼报告厅，时间不变。", **ZHOU, at=at("06-08", "16:00"))
    sent = [m.text for _, m in await run_until(h, at("06-10", "12:00")) if m.text.startswith("【会议提醒】")]
    assert len(sent) == 1
    assert "6月9日 15:00 在园区管委会一楼报告厅举行" in sent[0]


async def test_an_officials_reminder_of_a_meeting_is_no_second_meeting(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed(
        "【银企对接会】6月11日（周四）下午2:30在区政务中心三楼会议室召开制造业银企对接会",
        **ZHOU,
        at=at("06-08", "10:00"),
    )
    await h.feed(
        "提醒：今天下午2:30银企对接会，政务中心三楼3号会议室，请提前10分钟签到", **ZHOU, at=at("06-11", "08:10")
    )
    sent = [(t, m.text) for t, m in await run_until(h, at("06-12", "12:00")) if m.text.startswith("【会议提醒】")]
    assert [t for t, _ in sent] == ["06-11 12:30"]
    assert "银企对接会将于 6月11日 14:30 在区政务中心三楼会议室举行" in sent[0][1]


async def test_cancelled_meeting_is_not_reminded(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("6月9日（周二）下午3:00在区政务中心302会议室召开稳岗返还政策宣讲会。", **ZHOU, at=at("06-08", "10:00"))
    await h.feed("通知：明天下午的宣讲会取消，时间另行通知。", **ZHOU, at=at("06-08", "16:00"))
    assert [m for _, m in await run_until(h, at("06-10", "12:00")) if m.text.startswith("【会议提醒】")] == []


async def test_remind_list_and_cancel(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("/remind 明天9点 提交季度报表", **ADMIN, at=at("06-08", "10:00"))
    await h.feed("/remind 周五下午3点 参加座谈会", **ADMIN, at=at("06-08", "10:01"))
    listed = await h.feed("/remind 列表", **ADMIN, at=at("06-08", "10:02"))
    assert "本群待发送的提醒（2条）" in listed[0].text
    assert "R1 6月9日 09:00 提交季度报表" in listed[0].text and "R2 6月12日 15:00 参加座谈会" in listed[0].text
    cancelled = await h.feed("/remind 取消 R1", **ADMIN, at=at("06-08", "10:03"))
    assert "已取消提醒 R1：提交季度报表" in cancelled[0].text
    again = await h.feed("/提醒 取消 1", **ADMIN, at=at("06-08", "10:04"))
    assert "提醒 R1 已取消" in again[0].text
    unknown = await h.feed("/remind 取消 R9", **ADMIN, at=at("06-08", "10:05"))
    assert "本群没有提醒 R9" in unknown[0].text
    denied = await h.feed("/remind 取消 R2", **LI, at=at("06-08", "10:06"))
    assert "仅限管理员" in denied[0].text
    sent = [(t, m.text) for t, m in await run_until(h, at("06-13", "10:00")) if m.text.startswith("【提醒】")]
    assert sent == [("06-12 15:00", "【提醒】参加座谈会")]
    empty = await h.feed("/remind 列表", **ADMIN, at=at("06-13", "10:00"))
    assert "本群暂无待发送的提醒" in empty[0].text


async def test_a_buyer_whose_need_is_met_closes_the_list_and_hears_no_reminder(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("求购川芎个子 15吨，6月10日前交货，电话 13988886666", **SUN, at=at("06-08", "10:00"))
    await h.feed("急收当归 2吨，6月10日前到货", **SUN, at=at("06-08", "10:30"))
    closed = await h.feed("川芎凑齐了，谢谢各位老板", **SUN, at=at("06-08", "15:00"))  # names the older list's item
    assert closed and closed[0].text == "采购清单 P1（川芎 15吨）已标记为完成，不再提醒。"
    sent = [m for _, m in await run_until(h, at("06-09", "09:00")) if m.text.startswith("【采购提醒】")]
    assert len(sent) == 1 and "P2 当归" in sent[0].text and "川芎" not in sent[0].text


async def test_thanks_from_a_buyer_or_a_need_met_of_someone_else_closes_nothing(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("求购川芎个子 15吨，6月10日前交货", **SUN, at=at("06-08", "10:00"))
    await h.feed("收黄芪 3吨、党参 1吨，6月10日前到货", **SUN, at=at("06-08", "10:10"))
    assert await h.feed("好的，谢谢各位", **SUN, at=at("06-08", "11:00")) == []
    assert await h.feed("黄芪已经凑齐了", **SUN, at=at("06-08", "11:10")) == []  # the 党参 of that list is still wanted
    assert await h.feed("我们的黄芪凑齐了", **LI, at=at("06-08", "11:30")) == []  # LI posted no list
    sent = [m for _, m in await run_until(h, at("06-09", "09:00")) if m.text.startswith("【采购提醒】")]
    assert len(sent) == 1 and "P1 川芎" in sent[0].text and "P2 黄芪" in sent[0].text


async def test_a_buyer_speaking_of_the_whole_list_closes_it_though_naming_some_items(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("求购：\n1. 黄芪 3吨\n2. 党参 1吨\n3. 当归 2吨\n6月10日前到货", **SUN, at=at("06-08", "10:00"))
    sent = await h.feed("采购清单已经全部订好了，黄芪党参都到货了，谢谢大家", **SUN, at=at("06-08", "15:00"))
    assert sent and sent[0].text.startswith("采购清单 P1") and "已标记为完成" in sent[0].text


async def test_what_a_buyer_still_needs_updates_their_list_instead_of_a_second_one(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("求购川芎个子 15吨，6月10日前交货，电话 13988886666", **SUN, at=at("06-08", "10:00"))
    sent = await h.feed("川芎收到一部分了，还差5吨，有货的联系", **SUN, at=at("06-08", "15:00"))
    assert [m.text for m in sent] == ["已更新采购清单 P1，现需：川芎 5吨。有货源的企业请直接联系。"]
    other = await h.feed("当归还差2吨，月底前要", **SUN, at=at("06-08", "15:30"))  # no list of theirs holds 当归
    assert "已登记采购清单 P2" in other[0].text
    sent = [m for _, m in await run_until(h, at("06-09", "09:00")) if m.text.startswith("【采购提醒】")]
    assert len(sent) == 1 and "P1 川芎 5吨 采购明天" in sent[0].text


async def test_an_update_matches_the_goods_by_name_and_unit(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("求购冷链保温箱 60L 300个，粽叶 20万片，下周三前", **SUN, at=at("06-08", "10:00"))
    sent = await h.feed("保温箱有人报价了 还缺100个", **SUN, at=at("06-08", "11:00"))  # one name within the other
    assert sent[0].text == "已更新采购清单 P1，现需：冷链保温箱 100个。有货源的企业请直接联系。"
    sent = await h.feed("粽叶还差3万个", **SUN, at=at("06-08", "12:00"))  # 个 is not how the list counts 粽叶
    assert not any("已更新" in m.text for m in sent)


async def test_an_admin_closes_a_list_by_hand_and_it_is_not_reminded(make_harness) -> None:
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("求购川芎个子 15吨，6月10日前交货，电话 13988886666", **SUN, at=at("06-08", "10:00"))
    assert "仅限管理员" in (await h.feed("/closelist P1", **LI))[0].text
    assert "用法：/closelist P编号" in (await h.feed("/关闭采购 川芎", **ADMIN))[0].text
    assert (await h.feed("/closelist P9", **ADMIN))[0].text.endswith("没有找到采购清单 P9。")
    assert (await h.feed("/closelist P1", **ADMIN))[0].text.endswith("采购清单 P1（川芎 15吨）已关闭，不再提醒。")
    assert "已经关闭" in (await h.feed("/closelist 1", **ADMIN))[0].text
    assert [m for _, m in await run_until(h, at("06-10", "10:00")) if m.text.startswith("【采购提醒】")] == []


def _closed(sent, no: str) -> bool:
    """The bot's first reply says list `no` (P1) is marked done."""
    return bool(sent) and sent[0].text.startswith(f"采购清单 {no}") and "已标记为完成" in sent[0].text


async def test_only_one_item_left_updates_the_list_and_the_end_of_the_asking_closes_it(make_harness) -> None:
    """ "挂面也定了…就差菜籽油200桶了" updates the list; "本次询价结束" (naming only some items) and "清单全部采购完毕"
    close a list."""
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("11月需要：\n1. 东北大米 5吨\n2. 菜籽油 200桶\n3. 挂面 300箱", **SUN, at=at("06-08", "10:00"))
    sent = await h.feed("挂面也定了，就差菜籽油200桶了，有的老板报个价", **SUN, at=at("06-08", "11:00"))
    assert [m.text for m in sent] == ["已更新采购清单 P1，现需：菜籽油 200桶。有货源的企业请直接联系。"]
    sent = await h.feed("菜籽油也定了，这次的清单全部采购完毕，谢谢各位老板", **SUN, at=at("06-08", "15:00"))
    assert _closed(sent, "P1")
    await h.feed("【询价】本月需求：\n伺服电机 1.5kW 50台\n行星减速机 50台\nPLC 20套", **SUN, at=at("06-09", "10:00"))
    sent = await h.feed("减速机和PLC也定下来了，本次询价结束，感谢各位报价", **SUN, at=at("06-09", "15:00"))
    assert _closed(sent, "P2")


async def test_that_order_called_off_closes_the_list_though_the_buyer_has_a_request(make_harness) -> None:
    """ "劳保那单取消哈" names no item as listed (劳保手套) but speaks of the order: it closes the list even though the
    buyer has a request of their own open in the group; "询价那单…都已经下单了，这个需求结束" closes another."""
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("我们员工住城区，早上那班12路每天挤不上，能不能请交通局加密班次？", **SUN, at=at("06-08", "09:30"))
    await h.feed("行政采购：劳保手套 500双，防砸安全鞋 60双，有供应商的联系我", **SUN, at=at("06-08", "10:00"))
    sent = await h.feed("劳保那单取消哈，集团统一采购了，不好意思打扰大家", **SUN, at=at("06-08", "11:00"))
    assert _closed(sent, "P1")
    await h.feed("【询价】伺服电机 750W 20台\n直线导轨 40根\nPLC 5台", **SUN, at=at("06-09", "10:00"))
    sent = await h.feed("询价那单，伺服、导轨、PLC都已经下单了，这个需求结束，感谢各位", **SUN, at=at("06-09", "15:00"))
    assert _closed(sent, "P2")


async def test_an_update_of_the_list_is_no_second_list(make_harness) -> None:
    """ "更新：纸箱已经订好了，白砂糖还要20吨" and "更新一下：托盘已经订了，地牛还缺10台" (地牛 for 搬运车) update the
    buyer's list; "保温箱那个询价先撤了" closes the asking."""
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("采购需求：\n1. 白砂糖 20吨\n2. 五层纸箱 30000个", **SUN, at=at("06-08", "10:00"))
    sent = await h.feed("更新：纸箱已经订好了，白砂糖还要20吨，有渠道的继续联系我", **SUN, at=at("06-08", "11:00"))
    assert [m.text for m in sent] == ["已更新采购清单 P1，现需：白砂糖 20吨。有货源的企业请直接联系。"]
    await h.feed("求购：\n木托盘 500个\n手动液压搬运车 3吨 10台", **SUN, at=at("06-09", "10:00"))
    sent = await h.feed("更新一下：托盘已经订了，地牛还缺10台，有货的联系我", **SUN, at=at("06-09", "11:00"))
    assert [m.text for m in sent] == ["已更新采购清单 P2。有货源的企业请直接联系。"]
    await h.feed("询价：冷链保温箱 200个，冰袋 2000个，有货的报个价", **SUN, at=at("06-10", "10:00"))
    sent = await h.feed("保温箱那个询价先撤了，客户那边项目取消了，谢谢各位报价", **SUN, at=at("06-10", "15:00"))
    assert _closed(sent, "P3")


async def test_an_inquiry_voided_closes_the_list_though_it_names_one_item_by_another_word(make_harness) -> None:
    """ "之前发的泡椒和花椒油询价作废" names 野山椒 only as 泡椒: voiding what was posted closes the whole list."""
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed("询价：野山椒（泡椒）20吨，出口用；另外花椒油 5吨。请报FOB价", **SUN, at=at("06-08", "10:00"))
    sent = await h.feed(
        "不好意思各位，客户订单取消了😞 之前发的泡椒和花椒油询价作废，谢谢大家报价🙏", **SUN, at=at("06-09", "11:00")
    )
    assert _closed(sent, "P1")


async def test_a_need_updated_by_its_buyer_changes_the_list_instead_of_adding_one(make_harness) -> None:
    """ "需求更新：…由40台调整为60台" updates the buyer's list; "这批采购已经全部定完了" then closes it."""
    h = make_harness(at("06-08", "09:00"))
    seed_group(h)
    await h.feed(
        "【采购需求】\n①铝合金压铸壳体 5000件\n②750W伺服电机 40台\n10月底前首批交货", **SUN, at=at("06-08", "10:00")
    )
    sent = await h.feed("需求更新：750W伺服电机数量由40台调整为60台，其他不变", **SUN, at=at("06-09", "11:00"))
    assert [m.text for m in sent] == ["已更新采购清单 P1，现需：伺服电机 60台。有货源的企业请直接联系。"]
    sent = await h.feed("各位，我们这批采购已经全部定完了，感谢群里各位老板支持🙏", **SUN, at=at("06-10", "09:00"))
    assert _closed(sent, "P1")
