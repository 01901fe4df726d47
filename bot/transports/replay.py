"""The replay transport: reads a JSONL chat log and drives the pipeline on a virtual clock.

Input, one JSON object per line: ts (ISO 8601 with offset), group_id, group (optional),
sender_id, sender, text; optional message_id (default: a stable hash of the line), mentions
(sender ids), quote (message id). Unknown fields are ignored. A bad line is reported with
its line number and skipped.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.clock import VirtualClock
from bot.transports.base import Sink
from handlers.messages import IncomingMessage, OutgoingMessage

log = logging.getLogger(__name__)
Hook = Callable[[datetime], Awaitable[None]]


@dataclass(frozen=True)
class BadLine:
    """A line that could not be read."""

    line_no: int
    problem: str


def parse_line(line: str, line_no: int) -> IncomingMessage | BadLine | None:
    """One replay line → an incoming message, a BadLine, or None for a blank line."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadLine(line_no, f"not valid JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return BadLine(line_no, "not a JSON object")
    missing = [k for k in ("ts", "group_id", "sender_id", "text") if not obj.get(k) and obj.get(k) != ""]
    missing += [k for k in ("ts", "group_id", "sender_id") if k in obj and not str(obj[k]).strip()]
    if missing:
        return BadLine(line_no, f"missing field(s): {', '.join(sorted(set(missing)))}")
    try:
        ts = datetime.fromisoformat(str(obj["ts"]))
    except ValueError:
        return BadLine(line_no, f"ts {obj['ts']!r} is not an ISO 8601 time")
    if ts.tzinfo is None:
        return BadLine(line_no, f"ts {obj['ts']!r} has no UTC offset")
    if not isinstance(obj["text"], str):
        return BadLine(line_no, "text must be a string")
    mentions = obj.get("mentions") or []
    if not isinstance(mentions, list):
        return BadLine(line_no, "mentions must be a list of sender ids")
    message_id = str(obj.get("message_id") or hashlib.sha1(line.strip().encode()).hexdigest()[:20])
    return IncomingMessage(
        transport="replay",
        message_id=message_id,
        room_id=str(obj["group_id"]),
        room_name=str(obj.get("group") or obj["group_id"]),
        sender_id=str(obj["sender_id"]),
        sender_name=str(obj.get("sender") or obj["sender_id"]),
        text=obj["text"],
        timestamp=ts,
        mention_ids=tuple(str(m) for m in mentions),
        quote_id=str(obj["quote"]) if obj.get("quote") else None,
    )


def read_log(path: Path) -> Iterator[IncomingMessage | BadLine]:
    """Every message (or bad line) of a replay file, in order."""
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, start=1):
            item = parse_line(line, no)
            if item is not None:
                yield item


class ReplayTransport:
    """Feeds a log through the pipeline; the clock is set to each message's time."""

    name = "replay"
    resend_interrupted = True  # a send only records: redoing one cut off by a crash is safe

    def __init__(
        self,
        path: Path,
        clock: VirtualClock,
        *,
        until: datetime | None = None,
        before_message: Hook | None = None,
        after_message: Hook | None = None,
        on_bad_line: Callable[[BadLine], None] | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.until = until
        self.before_message = before_message
        self.after_message = after_message
        self.on_bad_line = on_bad_line or (lambda bad: log.warning("line %d: %s", bad.line_no, bad.problem))
        self.sent: list[tuple[datetime, OutgoingMessage]] = []
        self.messages = 0
        self.bad_lines: list[BadLine] = []

    async def run(self, sink: Sink) -> None:
        for item in read_log(self.path):
            if isinstance(item, BadLine):
                self.bad_lines.append(item)
                self.on_bad_line(item)
                continue
            if self.until is not None and item.timestamp > self.until:
                break
            if self.before_message:
                await self.before_message(item.timestamp)
            self.clock.set(item.timestamp)
            await sink.on_message(item)
            self.messages += 1
            if self.after_message:
                await self.after_message(item.timestamp)
        if self.until is not None and self.before_message:
            await self.before_message(self.until)
            self.clock.set(self.until)
            if self.after_message:
                await self.after_message(self.until)

    async def send(self, message: OutgoingMessage) -> str:
        self.sent.append((self.clock.now(), message))
        return f"replay-out-{len(self.sent)}"

    async def stop(self) -> None:
        return None
