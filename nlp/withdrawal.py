"""How a requester withdraws a request, and why: the plan behind it dropped, or the need met by themselves."""

from __future__ import annotations

import re

_WITHDRAW = re.compile(
    r"(撤回|撤销|取消)(一下|掉)?(这个|该|我们的|我的|刚才的|上面的|那个)?(诉求|申请|问题|事)"
    r"|(诉求|申请)[^，。,.！!]{0,6}(撤回|撤销|取消)"
    # 那个事不用问了哈, 不用回了
    r"|不用(再)?(处理|办|管|安排|麻烦|弄|跑|协调|帮忙|联系|对接|催|看|查|问|回|回复|答复|过来|来|上门|跑一趟)了|不需要了"
    r"|(先|暂时|就)不用了"  # 培训先不用了，公司说这期不派人
    r"|(问|说|报|申请|提|找)的[\u4e00-\u9fff]{1,8}(不用了|不要了|不需要了|不办了)"  # 昨天问的临时用电不用了
    r"|不用(再)?麻烦[\u4e00-\u9fff]{0,4}?(科长|主任|局长|站长|经理|老师|领导|科|你们|您|你)了"  # 不用麻烦罗科长了
    r"|不(再)?麻烦(您|你|你们|各位|领导)了|(项目|这事|这个事|这边)[^，。,.！!？?]{0,4}暂缓"
    r"|(那个|这个|的事|那事|这事|那块)[^，。,.！!？?]{0,3}(不用了|撤回|撤销|取消|(?<!总)算了(?![解了]))"
    r"|(先|就|暂时|暂且|那就|的事|这事|那事)不(问|办|搞|弄|申请|申报|做|装|修|报装|报|要)了"  # 先不问了, 展位先不要了
    r"|撤回(哈|啦|了|吧|啊|撤回)|撤了哈"  # 撤回哈, 撤回撤回
    r"|我(先)?撤回(?![去来]|[^，。,.！!？?]{0,2}(材料|文件))"  # 我撤回 (not 文件我撤回去改一下)
)


# the plan behind the ask is dropped or put off (扩建项目推到明年下半年再说): withdrawn, not met
_DROPPED = re.compile(
    r"推到|推迟|往后推|再说|暂缓|先放一放|不搞了|不单独搞|不做了|不干了|放弃|用不上|没必要|不打算"
    # 喷涂线决定不上了，改成外协
    r"|决定(?:先|暂时)?不(?:上|建|搞|做|扩|装|买|租|办|报|弄|改)了|改(?:成|为)?外(?:协|包)"
    r"|撤回|撤销"  # 这个事撤回哈: taken back in so many words, whatever met the need
    # 充电桩的事先不弄了，老板说等明年新厂房建好再一起装
    r"|(?:先|暂时|就)不(?:弄|搞|做|装|办|上|建|改|买)了|等(?:明年|下半年|年后|以后)"
)


# the requester met the need themselves (我们跟隔壁谈好了, 自己找到老师了): no department's answer solved it
_SELF_MET = re.compile(
    r"(我们|我们自己|我们已经|自己)(跟|和|找|在|从)[^，。,.！!？?]{1,12}(谈好|说好|找到|找好|联系好|租到|借到|买到|报上|搞定|解决)"
    r"|自己(解决|搞定|想办法|找到|找了|合伙|出钱)|(找到|找了)别的|另外找"  # 我们几家商量好了，自己合伙开…
    # 隔壁老周来看过了: someone else saw to it
    r"|(隔壁|邻居|朋友|别人|其他人|老[\u4e00-\u9fff])[^，。,.！!？?]{0,4}(来看过|看过了|帮忙看了|看了说)"
)


def withdraws(text: str) -> bool:
    """The requester takes the request back (撤回一下, 不用再协调了, 那个事先不办了)."""
    return _WITHDRAW.search(text) is not None


def dropped_or_met_alone(text: str) -> bool:
    """The plan behind the ask is dropped or put off, or the requester met the need themselves: a withdrawal, not a
    confirmation that a department's answer solved it."""
    return _SELF_MET.search(text) is not None or _DROPPED.search(text) is not None
