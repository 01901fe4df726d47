"""The `clusterbot` command line."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings


def _ts(value: str) -> datetime:
    try:
        ts = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from exc
    if ts.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give a UTC offset, e.g. {value}+08:00")
    return ts


def _existing_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no such file: {value}")
    return path


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="clusterbot", description="产业集群微信群助手：把群聊中的诉求和采购清单变成可跟踪的台账。"
    )
    parser.add_argument("--config", default="config.yaml", help="path to config.yaml (default: ./config.yaml)")
    parser.add_argument("--db", help="database URL, overrides storage.url and CLUSTERBOT_DATABASE_URL")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the bot", description="Run the bot on a transport.")
    run.add_argument("--transport", choices=["console", "wechaty", "web"], help="default: chosen from config")
    run.add_argument("--host", help="web transport address (default 127.0.0.1)")
    run.add_argument("--port", type=int, help="web transport port (default 8080)")

    rp = sub.add_parser("replay", help="replay a JSONL chat log on a virtual clock", description="Replay a log.")
    rp.add_argument("file", type=_existing_file, help="JSONL chat log")
    rp.add_argument("--out", type=Path, help="write the bot's messages as JSONL here")
    rp.add_argument("--until", type=_ts, help="stop at this time (ISO 8601 with offset)")

    in_order = (
        "Records are read in order, as the bot reads a chat: the earlier records of a group (room, group or"
        " cluster) tell which officials it has, its latest notice and message, and each sender's latest request."
    )
    cl = sub.add_parser(
        "classify", help="classify messages from a JSONL file", description=f"Classify messages. {in_order}"
    )
    cl.add_argument("file", type=_existing_file, help="JSONL with id and text (optional ts, sender, mentions)")
    cl.add_argument("--now", type=_ts, help="posting time for relative dates (default: now)")
    cl.add_argument("--explain", action="store_true", help="show which rules fired with what weight")

    ev = sub.add_parser("eval", help="evaluate the classifier on labelled sets", description=f"Evaluate. {in_order}")
    ev.add_argument(
        "file", type=_existing_file, nargs="+", help="labelled JSONL (tests/data/labelled/SCHEMA.md); several: a table"
    )
    ev.add_argument("--text-only", action="store_true", help="drop sender, role and mentions (a bare {id, text})")

    lg = sub.add_parser("ledger", help="print the ledger", description="Print the ledger of requests.")
    lg.add_argument("--format", choices=["json", "csv"], default="json")
    lg.add_argument("--now", type=_ts, help="evaluate overdue at this time (default: now)")

    db = sub.add_parser("db", help="database maintenance", description="Database maintenance.")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    dbsub.add_parser("upgrade", help="apply migrations", description="Bring the schema up to date.")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.config)
    if args.db:
        settings.storage.url = args.db
    return settings


def cmd_ledger(args: argparse.Namespace, settings: Settings) -> int:
    from handlers.reports import LEDGER_FIELDS, ledger_rows
    from handlers.services import Services
    from storage.db import make_engine, unit_of_work, upgrade

    engine = make_engine(settings.storage.url)
    upgrade(engine)
    services = Services.build(settings, _LazyAnalyzer(settings))
    with unit_of_work(engine) as session:
        rows = ledger_rows(session=session, services=services, now=args.now or datetime.now(UTC))
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(LEDGER_FIELDS))
        writer.writeheader()
        writer.writerows(rows)
    return 0


class _LazyAnalyzer:
    """Builds the analyzer only if something actually analyses text."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._inner = None

    def analyze(self, text, **kw):
        from bot.app import build_analyzer

        if self._inner is None:
            self._inner = build_analyzer(self.settings)
        return self._inner.analyze(text, **kw)


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    from storage.db import make_engine, upgrade

    upgrade(make_engine(settings.storage.url))
    print(f"数据库已是最新结构：{settings.storage.url}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = _settings(args)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    from bot import cli_run

    handlers = {
        "run": cli_run.cmd_run,
        "replay": cli_run.cmd_replay,
        "classify": cli_run.cmd_classify,
        "eval": cli_run.cmd_eval,
        "ledger": cmd_ledger,
        "db": cmd_db,
    }
    try:
        return handlers[args.command](args, settings)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
