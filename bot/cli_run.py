"""CLI commands that run the pipeline or the NLP: run, replay, classify, eval."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path

from bot.config import Settings


def choose_transport(settings: Settings, requested: str | None) -> str:
    """The transport to run: the flag, then config, then wechaty if configured, else the embedded default."""
    if requested:
        return requested
    if settings.transport != "auto":
        return settings.transport
    if settings.wechaty.token and settings.wechaty.endpoint:
        return "wechaty"
    return "web"


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot until interrupted."""
    from bot.app import App

    kind = choose_transport(settings, args.transport)
    if kind == "console":
        from bot.transports.console import ConsoleTransport

        transport = ConsoleTransport(settings)
    elif kind == "web":
        from bot.transports.web import WebTransport

        transport = WebTransport(settings, host=args.host, port=args.port)
    elif kind == "wechaty":
        from bot.transports.wechaty import WechatyTransport

        try:
            transport = WechatyTransport.from_settings(settings)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
    else:
        print(f"传输方式 {kind} 尚未启用（not available yet）", file=sys.stderr)
        return 2
    app = App.build(settings, transport)
    if kind == "web":
        transport.bind(app)  # type: ignore[union-attr]
    elif kind == "wechaty" and settings.web.dashboard:
        from bot.web.standalone import DashboardServer

        app.companions.append(DashboardServer(settings, app))
    from bot.signals import run_until_signalled

    asyncio.run(run_until_signalled(app))  # SIGTERM/SIGINT: a clean stop within a few seconds
    return 0


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    """Replay a JSONL log on a virtual clock; bad lines are reported and skipped."""
    return asyncio.run(_replay(args, settings))


async def _replay(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import App
    from bot.clock import VirtualClock
    from bot.transports.replay import BadLine, ReplayTransport
    from storage.db import unit_of_work
    from storage.outbox import sent_messages

    clock = VirtualClock()

    def report(bad: BadLine) -> None:
        print(f"{args.file}:{bad.line_no}: 跳过无法读取的行 / skipped: {bad.problem}", file=sys.stderr)

    transport = ReplayTransport(args.file, clock, until=args.until, on_bad_line=report)
    app = App.build(settings, transport, clock=clock, trust_unknown_groups=True)

    async def after(ts: datetime) -> None:
        await app.outbox.flush()

    async def before(ts: datetime) -> None:
        await app.run_time_jobs(ts)

    transport.before_message, transport.after_message = before, after
    clock.set(app.latest_message_time() or clock.now())
    app.outbox.recover()
    app.pipeline.recover()
    await app.outbox.flush()
    await transport.run(app.pipeline)
    await app.outbox.flush()
    if args.out:
        with unit_of_work(app.engine) as session:
            rows = sent_messages(session=session)
        tz = settings.bot.tz
        tmp = Path(str(args.out) + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for row in sorted(rows, key=lambda r: (r.not_before, r.id or 0)):
                out = {
                    "ts": row.not_before.astimezone(tz).isoformat(),
                    "group_id": row.room_id,
                    "text": row.text,
                    "mentions": list(row.mention_ids or []),
                    "reply_to": row.reply_to,
                    "kind": row.purpose,
                }
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
        tmp.replace(args.out)
    print(
        f"回放完成：{transport.messages} 条消息，跳过 {len(transport.bad_lines)} 行，"
        f"机器人发出 {len(transport.sent)} 条。",
        file=sys.stderr,
    )
    return 0


def cmd_classify(args: argparse.Namespace, settings: Settings) -> int:
    """Classify each JSONL line and print one JSON result per line, in order."""
    from nlp import Analyzer, explain
    from nlp.officials import OfficialsByGroup
    from nlp.records import analyze_record, record_result
    from nlp.threads import RequestsBySender

    analyzer = Analyzer(departments=[d.model_dump() for d in settings.departments])
    groups = OfficialsByGroup()  # who is who in each group, from the records before
    requests = RequestsBySender()  # each sender's latest request, from the records before
    default_now = args.now or datetime.now(settings.bot.tz)
    out = sys.stdout
    with args.file.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError("needs an object with a text field")
                now = datetime.fromisoformat(record["ts"]) if record.get("ts") else default_now
                if now.tzinfo is None:
                    now = now.replace(tzinfo=settings.bot.tz)
            except ValueError as exc:
                print(f"{args.file}:{no}: skipped: {exc}", file=sys.stderr)
                out.write(json.dumps({"id": _id_of(line), "error": str(exc)}, ensure_ascii=False) + "\n")
                continue
            analysis = analyze_record(analyzer, record, now, groups.of(record), requests)
            out.write(json.dumps(record_result(record, analysis), ensure_ascii=False) + "\n")
            if args.explain:
                out.write(explain(analysis) + "\n")
    return 0


def _id_of(line: str) -> object:
    try:
        obj = json.loads(line)
        return obj.get("id") if isinstance(obj, dict) else None
    except ValueError:
        return None


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Print precision/recall/F1, the confusion matrix and extraction accuracy on a labelled set; for several
    sets, a line each with the targets missed, and the aggregate."""
    from nlp import Analyzer
    from nlp.evalsummary import format_summary, text_only
    from nlp.evaluate import evaluate, format_report

    analyzer = Analyzer(departments=[d.model_dump() for d in settings.departments])
    files = args.file if isinstance(args.file, list) else [args.file]
    reports = {}
    for path in files:
        rows = []
        with path.open(encoding="utf-8") as fh:
            for no, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except ValueError as exc:
                        print(f"{path}:{no}: skipped: {exc}", file=sys.stderr)
        if getattr(args, "text_only", False):
            rows = [text_only(row) for row in rows]
        reports[path.stem] = evaluate(rows, analyzer)
    print(format_report(next(iter(reports.values()))) if len(reports) == 1 else format_summary(reports))
    return 0


__all__ = ["choose_transport", "cmd_classify", "cmd_eval", "cmd_replay", "cmd_run"]
