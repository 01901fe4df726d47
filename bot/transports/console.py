"""The console transport: chat with the bot from a terminal as a member of a configured group.

Type a message and press Enter. Lines starting with ':' control the session:
``:as 名字`` or ``:as wxid`` speak as another member (a new "单位-姓名" is fine), ``:group id``
switch group, ``:who`` show who you are, ``:quit`` leave.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import threading
from datetime import UTC, datetime

from bot.config import Settings
from bot.transports.base import Sink
from handlers.messages import IncomingMessage, OutgoingMessage

HELP = "命令：:as 昵称或微信号 切换发言人；:group 群ID 切换群；:who 当前身份；:quit 退出。其余内容作为群消息发送。"


class ConsoleTransport:
    """Reads lines from stdin as group messages; prints the bot's messages."""

    name = "console"

    def __init__(self, settings: Settings, *, stdin=None, stdout=None) -> None:
        self.settings = settings
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self._ids = itertools.count(1)
        self._session = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        groups = list(settings.groups.items()) or [("console-room", None)]
        self.room_id = groups[0][0]
        self.speaker_id, self.speaker_name = self._default_speaker()
        self._stopped = False
        self._stop_event = asyncio.Event()

    def _default_speaker(self) -> tuple[str, str]:
        people = self.settings.people
        for wxid, ent in people.enterprises.items():
            return wxid, f"{ent.company}-{ent.name}" if ent.name else ent.company
        return "console-user", "测试企业-张经理"

    def _room_name(self) -> str:
        conf = self.settings.groups.get(self.room_id)
        return conf.name if conf else self.room_id

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def _start_reader(self) -> asyncio.Queue[str]:
        """Read stdin in a daemon thread, so that stop() never waits for the user to press Enter."""
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[str] = asyncio.Queue()

        def pump() -> None:
            while True:
                line = self.stdin.readline()  # "" at the end of input
                try:
                    loop.call_soon_threadsafe(lines.put_nowait, line)
                except RuntimeError:  # the loop is closed: the bot has stopped
                    return
                if not line:
                    return

        threading.Thread(target=pump, name="console-stdin", daemon=True).start()
        return lines

    async def _next_line(self, lines: asyncio.Queue[str]) -> str:
        """The next line, or "" at the end of input or when stopped."""
        get = asyncio.ensure_future(lines.get())
        stop = asyncio.ensure_future(self._stop_event.wait())
        await asyncio.wait({get, stop}, return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        if not get.done():
            get.cancel()
            return ""
        return get.result()

    async def run(self, sink: Sink) -> None:
        self._print(f"已进入「{self._room_name()}」，当前身份：{self.speaker_name}（{self.speaker_id}）。{HELP}")
        lines = self._start_reader()
        while not self._stopped:
            line = await self._next_line(lines)
            if not line:
                break
            line = line.rstrip("\n")
            if line.startswith(":"):
                if not self._control(line):
                    break
                continue
            if not line.strip():
                continue
            await sink.on_message(
                IncomingMessage(
                    transport="console",
                    message_id=f"{self._session}-{next(self._ids)}",
                    room_id=self.room_id,
                    room_name=self._room_name(),
                    sender_id=self.speaker_id,
                    sender_name=self.speaker_name,
                    text=line,
                    timestamp=datetime.now(UTC),
                )
            )
            await asyncio.sleep(0.05)

    def _control(self, line: str) -> bool:
        cmd, _, arg = line[1:].partition(" ")
        arg = arg.strip()
        if cmd in {"quit", "q", "exit"}:
            return False
        if cmd == "as" and arg:
            self.speaker_id, self.speaker_name = self._find_person(arg)
            self._print(f"现在以 {self.speaker_name}（{self.speaker_id}）身份发言。")
        elif cmd == "group" and arg:
            self.room_id = arg
            self._print(f"已切换到「{self._room_name()}」。")
        elif cmd == "who":
            self._print(f"当前：{self.speaker_name}（{self.speaker_id}），群：{self._room_name()}")
        else:
            self._print(HELP)
        return True

    def _find_person(self, arg: str) -> tuple[str, str]:
        people = self.settings.people
        for wxid, off in people.officials.items():
            if arg in (wxid, off.name):
                return wxid, f"{off.department}-{off.name}" if off.name else off.department
        for wxid, ent in people.enterprises.items():
            if arg in (wxid, ent.name, ent.company):
                return wxid, f"{ent.company}-{ent.name}" if ent.name else ent.company
        if arg in people.admins:
            return arg, arg
        return f"console-{arg}", arg

    async def send(self, message: OutgoingMessage) -> str:
        prefix = f"[{self.settings.bot.name}]"
        where = "" if message.room_id == self.room_id else f"（发往 {message.room_id}）"
        self._print(f"{prefix}{where} {message.text}")
        return f"console-out-{next(self._ids)}"

    async def stop(self) -> None:
        self._stopped = True
        self._stop_event.set()
