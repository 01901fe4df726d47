"""Runs gateway/gateway.mjs (the node puppet service over a mock WeChat account) for a test."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

GATEWAY_DIR = Path(__file__).resolve().parent / "gateway"
SCRIPT = GATEWAY_DIR / "gateway.mjs"
Event = dict[str, Any]


def node_missing() -> str | None:
    """Why the node gateway cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (GATEWAY_DIR / "node_modules" / "wechaty-puppet-service").is_dir():
        return "gateway packages not installed: run `npm ci` in tests/wechaty/gateway (tests/run.sh does)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NodeGateway:
    """One gateway process; restartable on the same port (a puppet-service restart)."""

    def __init__(self, fixture: dict[str, Any], *, token: str = "clusterbot-test-token") -> None:
        self.fixture = fixture
        self.token = token
        self.port = free_port()
        self.events: list[Event] = []
        self.proc: asyncio.subprocess.Process | None = None
        self._changed = asyncio.Condition()
        self._reader: asyncio.Task[None] | None = None

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def start(self, timeout: float = 30) -> NodeGateway:
        env = dict(
            os.environ, GATEWAY_PORT=str(self.port), GATEWAY_TOKEN=self.token, GATEWAY_FIXTURE=json.dumps(self.fixture)
        )
        stderr = None if os.environ.get("GATEWAY_STDERR") else asyncio.subprocess.DEVNULL
        self.proc = await asyncio.create_subprocess_exec(
            "node",
            str(SCRIPT),
            cwd=str(GATEWAY_DIR),
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=stderr,
        )
        mark = len(self.events)
        self._reader = asyncio.create_task(self._read(self.proc))
        await self.expect(lambda e: e["event"] == "listening", since=mark, timeout=timeout)
        return self

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        async for raw in proc.stdout:
            line = raw.decode().strip()
            if line.startswith("{"):
                async with self._changed:
                    self.events.append(json.loads(line))
                    self._changed.notify_all()
        async with self._changed:
            self.events.append({"event": "exited"})
            self._changed.notify_all()

    async def expect(self, pred: Callable[[Event], bool], *, since: int = 0, timeout: float = 10) -> Event:
        """The first event at index >= since that matches."""

        async def wait() -> Event:
            async with self._changed:
                while True:
                    for e in self.events[since:]:
                        if pred(e):
                            return e
                    if self.events[since:] and self.events[-1]["event"] == "exited":
                        raise RuntimeError(f"gateway exited: {self.events[since:]}")
                    await self._changed.wait()

        return await asyncio.wait_for(wait(), timeout)

    async def wait_for(self, pred: Callable[[list[Event]], bool], timeout: float = 10) -> None:
        """Wait until `pred(events)` holds."""

        async def wait() -> None:
            async with self._changed:
                while not pred(self.events):
                    await self._changed.wait()

        await asyncio.wait_for(wait(), timeout)

    async def send(self, cmd: str, **args: Any) -> Event:
        """Run one command and return its ok event (raise on error)."""
        assert self.proc is not None and self.proc.stdin is not None
        mark = len(self.events)
        self.proc.stdin.write((json.dumps({"cmd": cmd, **args}, ensure_ascii=False) + "\n").encode())
        await self.proc.stdin.drain()
        reply = await self.expect(lambda e: e["event"] in ("ok", "error"), since=mark)
        if reply["event"] == "error":
            raise RuntimeError(f"gateway {cmd} failed: {reply}")
        return reply

    def mark(self) -> int:
        """A position in the event log: later calls look only at what happened after it."""
        return len(self.events)

    def sent(self, kind: str = "bot_send_text", since: int = 0) -> list[Event]:
        """What the bot sent since `since`, in order, over every run of the gateway."""
        return [e for e in self.events[since:] if e["event"] == kind]

    def freeze(self, frozen: bool = True) -> None:
        """Stop (or continue) the process: the connection stays open but nothing answers."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP if frozen else signal.SIGCONT)

    async def stop(self, timeout: float = 10) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError):  # it may have exited on its own
            proc.send_signal(signal.SIGCONT)
            proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), timeout)
        except TimeoutError:
            proc.kill()
            await proc.wait()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
