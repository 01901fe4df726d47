"""NLP benchmark: throughput on a generated 100k-message corpus, cold start, and memory of the NLP state.

Run: .venv/bin/python bench/bench_nlp.py [--n 100000] [--topics]
Targets: >= 20,000 msg/s on one core, first classification <= 0.5 s after process start, <= 100 MB.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TZ = timezone(timedelta(hours=8))
HERBS = ["当归", "黄芪", "川芎", "白芷", "党参", "丹参", "麦冬", "厚朴", "半夏", "茯苓"]
PRODUCTS = ["纸箱", "菜籽油", "不锈钢管", "电缆", "托盘", "编织袋"]
UNITS = ["吨", "斤", "公斤", "件", "箱", "米"]
OFFICIALS = ["商务局-王科长", "交通局-陈科", "人社局-周科", "园区管委会-赵主任", "税务局-刘科长"]
COMPANIES = ["川康药业-李总", "蜀香食品-王经理", "恒达电机-周总", "港通物流-郑经理"]
TEMPLATES: dict[str, list[str]] = {
    "procurement": [
        "求购{h} {q}{u}，统货，{d}号前到货，电话1381234{p}",
        "采购清单：\n1. {h} {q}{u}\n2. {h2} {q2}{u}\n月底前交货",
        "要收{h} {q}{u} @{c} 你那有没有",
        "急需{pr} {q}{u}，含税到厂价，有货的联系",
    ],
    "request": [
        "厂门口的路灯坏了{q}天了，麻烦园区帮忙看看",
        "@{o} 我们的{h}卖不出去，能不能帮忙对接一下买家？",
        "想问下税务局，高企的所得税优惠怎么享受？",
        "招不到操作工，能不能帮我们对接一下技校？",
        "我们厂停电{q}次了，电压一直不稳，影响生产，请供电公司尽快处理",
    ],
    "answer": [
        "已转给交通运输局，@交通局-陈科 请跟进",
        "@{c} 这个可以申请，带上营业执照到政务大厅窗口办理",
        "路灯今天已经修好了，有问题再联系物业",
        "技改补贴今年还有，{q}万以上的项目可以申报",
    ],
    "policy": [
        "【通知】关于申报技改补贴的通知：请各企业于{m}月{q}日前报送材料，咨询电话0816-2345678",
        "温馨提示：明天{q}点至18点计划停电检修，请各企业提前做好准备",
        "即日起，食品经营许可证延续可以全程网办",
    ],
    "meeting": [
        "{m}月{q}日下午2:30在园区管委会三楼会议室召开政企联席会议，请各企业负责人准时参加",
        "明天上午9点冷链物流企业座谈会改到{q}楼会议室",
        "原定周五的招聘会推迟到下周三上午{q}点",
    ],
    "chatter": [
        "收到，准时参加",
        "[强][强]",
        "+1",
        "太好了，谢谢{o}👍",
        "出售{h} 统货 {q}{u}，有需要的联系1391234{p}",
        "今日行情：{h}统货 {q}元/公斤",
        "谁认识做包装箱的",
        "大家早上好",
        "請問群裡有人認識做中藥飲片包裝設計的嗎？",
    ],
}


# Label mix of a typical cluster group (chatter dominates); "uniform" gives every label 1/6.
MIXES = {
    "group": {"chatter": 40, "request": 15, "answer": 15, "procurement": 10, "policy": 10, "meeting": 10},
    "uniform": dict.fromkeys(TEMPLATES, 1),
}


def corpus(n: int, seed: int = 7, mix: str = "uniform") -> list[tuple[str, str, list[str]]]:
    """(text, role, mentions) tuples from the templates, every label represented in the given mix."""
    rnd = random.Random(seed)
    weights = MIXES[mix]
    labels = rnd.choices(list(weights), weights=list(weights.values()), k=n)
    out = []
    for i in range(n):
        label = labels[i]
        tpl = rnd.choice(TEMPLATES[label])
        o, c = rnd.choice(OFFICIALS), rnd.choice(COMPANIES)
        text = tpl.format(
            h=rnd.choice(HERBS),
            h2=rnd.choice(HERBS),
            pr=rnd.choice(PRODUCTS),
            u=rnd.choice(UNITS),
            d=rnd.randint(1, 28),
            q=rnd.randint(1, 30),
            q2=rnd.randint(1, 30),
            m=rnd.randint(1, 12),
            p=f"{rnd.randint(0, 9999):04d}",
            o=o,
            c=c,
        )
        role = "official" if label in ("answer", "policy", "meeting") else "enterprise"
        mentions = [m for m in (o, c) if "@" + m in text]
        out.append((text, role, mentions))
    return out


def compile_sources() -> None:
    """Write the bytecode of the project's modules, as pip does when it installs a wheel: an editable install
    under PYTHONDONTWRITEBYTECODE would otherwise compile every module from source at every start."""
    import compileall

    for package in ("nlp", "handlers", "storage", "bot"):
        compileall.compile_dir(ROOT / package, quiet=1)


def first_classification() -> float:
    """Seconds from interpreter start to the first analysed message, measured in a fresh subprocess."""
    code = (
        "import time; t0 = time.perf_counter()\n"
        "from datetime import datetime\n"
        "from nlp import Analyzer\n"
        "a = Analyzer.default()\n"
        "a.analyze('厂门口的路灯坏了，麻烦园区帮忙看看', now=datetime.now(), role='enterprise')\n"
        "print(time.perf_counter() - t0)\n"
    )
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    del proc
    return time.perf_counter() - start  # includes interpreter start-up and exit


def main() -> None:
    """Print throughput, cold start and memory."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--topics", action="store_true", help="also compute topics (tokenise) for every message")
    ap.add_argument("--mix", choices=sorted(MIXES), nargs="*", default=["uniform", "group"])
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus; the best is reported")
    args = ap.parse_args()

    compile_sources()
    cold = min(first_classification() for _ in range(3))
    print(f"first classification after process start: {cold:.3f} s (target <= 0.5 s)")

    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    from nlp import Analyzer

    analyzer = Analyzer()
    now = datetime(2026, 6, 10, 9, 0, tzinfo=TZ)
    analyzer.analyze("预热", now=now)
    analyzer.tokenizer.warm_up()
    state = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    print(f"memory of the NLP state (incl. tokenizer model): {state / 1e6:.1f} MB (target <= 100 MB)")

    for mix in args.mix:
        msgs = corpus(args.n, mix=mix)
        _throughput(
            analyzer, msgs, now, f"{mix} mix, what `clusterbot classify` prints", topics=args.topics, repeat=args.repeat
        )
    msgs = corpus(args.n, mix="uniform")
    label = "uniform mix, plus the meeting details the bot reads"
    _throughput(analyzer, msgs, now, label, topics=args.topics, meeting=True, repeat=args.repeat)
    import nlp.analyzer as analyzer_module

    real = analyzer_module.extraction
    analyzer_module.extraction = _NoExtraction  # type: ignore[assignment]
    try:
        _throughput(analyzer, msgs, now, "uniform, classification alone: extraction stubbed", repeat=args.repeat)
    finally:
        analyzer_module.extraction = real


class _NoExtraction:
    """Stands in for nlp.extraction to show how much of the time is classification."""

    items = staticmethod(lambda text: [])
    deadline = staticmethod(lambda text, now: None)
    phone = staticmethod(lambda text: None)
    meeting = staticmethod(lambda text, now: None)


def _throughput(
    analyzer: object,
    msgs: list,
    now: datetime,
    mix: str,
    *,
    topics: bool = False,
    meeting: bool = False,
    repeat: int = 3,
) -> None:
    """Analyse every message once per pass, reading the fields `classify` prints (label, department, items,
    deadline, phone), with `meeting` also a meeting notice's date, time and place, and print messages per second:
    the best of `repeat` passes, as timeit reports (a slower pass measures the machine's other load, not the code),
    with the median beside it."""
    times = []
    counts: dict[str, int] = {}
    for _ in range(repeat):
        counts = {}
        t0 = time.perf_counter()
        for text, role, mentions in msgs:
            a = analyzer.analyze(text, now=now, role=role, mentions=mentions)  # type: ignore[attr-defined]
            counts[a.label] = counts.get(a.label, 0) + 1
            _ = (a.items, a.deadline, a.contact_phone, a.department)
            if meeting:
                _ = a.meeting
            if topics:
                _ = a.topics
        times.append(time.perf_counter() - t0)
    best, median = min(times), statistics.median(times)
    print(
        f"throughput ({mix}): {len(msgs) / best:,.0f} msg/s over {len(msgs):,} messages ({best:.2f} s, one core;"
        f" best of {repeat} passes, median {len(msgs) / median:,.0f} msg/s)"
    )
    print("  labels:", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
