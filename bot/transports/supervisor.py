"""Connection life for a transport that talks to a remote service: connect, watch, reconnect.

A transport subclasses `Supervisor` and opens one `Session` per connection. The supervisor runs
the session until it ends, until login does not come in time, or until the service stops
answering the watchdog's ding with a dong (a connection can stay open and be silent); then it
closes the session (bounded in time) and opens a new one after an exponential backoff with
jitter, until `stop()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger(__name__)


class Session(Protocol):
    """One connection to the service."""

    async def serve(self) -> None:
        """Connect and listen; return or raise when the connection ends."""
        ...

    async def ding(self) -> None:
        """Ask the service for a dong event (the supervisor hears it through `dong()`)."""
        ...

    async def close(self) -> None:
        """Disconnect and release resources (may hang on a dead service: it is bounded)."""
        ...


class Supervisor:
    """Keeps one session alive; subclasses implement `_open` and call the `_on_*` hooks."""

    def __init__(
        self,
        *,
        login_timeout: float = 60.0,
        ding_interval: float = 30.0,
        ding_timeout: float = 15.0,
        backoff: tuple[float, float] = (1.0, 60.0),
        teardown_timeout: float = 3.0,
    ) -> None:
        self.login_timeout, self.ding_interval, self.ding_timeout = login_timeout, ding_interval, ding_timeout
        self.backoff, self.teardown_timeout = backoff, teardown_timeout
        self.connects = 0  # successful logins, for tests and logs
        self._ready = asyncio.Event()
        self._lost = asyncio.Event()
        self._stop = asyncio.Event()
        self._finished: asyncio.Event | None = None
        self._dong = asyncio.Event()
        self._active = 0
        self._connected_listeners: list[Callable[[], None]] = []

    def _open(self) -> Session:
        """A new, unconnected session."""
        raise NotImplementedError

    def _session_ended(self) -> None:
        """Called after each session is closed (override to forget per-connection state)."""

    @property
    def connected(self) -> bool:
        """Logged in and able to send."""
        return self._ready.is_set()

    async def wait_connected(self, timeout: float | None = None) -> None:
        """Wait until logged in."""
        await asyncio.wait_for(self._ready.wait(), timeout)

    def add_connected_listener(self, callback: Callable[[], None]) -> None:
        """Call `callback` at every (re)connection (the outbox sends what waited meanwhile)."""
        self._connected_listeners.append(callback)

    # --- hooks for the subclass ------------------------------------------------------------

    def _on_ready(self) -> None:
        """The session logged in."""
        self.connects += 1
        self._ready.set()
        for callback in self._connected_listeners:
            callback()

    def _on_lost(self, why: str) -> None:
        """The session is no good any more (e.g. the account logged out)."""
        log.warning("connection lost: %s", why)
        self._lost.set()

    def _on_dong(self, *args: object) -> None:
        self._dong.set()
        self._on_activity()

    def _on_activity(self) -> None:
        """Anything came from the service (a QR code to scan keeps a slow login alive)."""
        self._active += 1

    # --- the loop ------------------------------------------------------------------------------

    async def supervise(self) -> None:
        """Run sessions one after another, with backoff, until `stop()`."""
        self._finished = asyncio.Event()
        failures = 0
        try:
            while not self._stop.is_set():
                logged_in = await self._run_session()
                if self._stop.is_set():
                    break
                failures = 0 if logged_in else failures + 1
                first, most = self.backoff
                delay = min(most, first * 2 ** max(0, failures - 1)) * random.uniform(0.8, 1.2)
                log.warning("connection ended; reconnecting in %.1f s", delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), delay)
        finally:
            self._finished.set()

    async def _run_session(self) -> bool:
        """One session from start to end; True if it logged in."""
        self._lost.clear()
        try:
            session = self._open()
        except Exception:
            log.exception("cannot open a session")
            return False
        waits = [asyncio.create_task(c) for c in (session.serve(), self._stop.wait(), self._lost.wait())]
        watchdog = asyncio.create_task(self._watchdog(session))
        try:
            done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            if waits[0] in done:
                exc = waits[0].exception()
                log.warning("connection closed: %s", f"{type(exc).__name__}: {exc}" if exc else "stream ended")
        finally:
            logged_in = self._ready.is_set()
            self._ready.clear()
            for task in (*waits[1:], watchdog):
                task.cancel()
            await self._close(session, waits[0])
            self._session_ended()
        return logged_in

    async def _close(self, session: Session, serving: asyncio.Task[None]) -> None:
        """Close the session; keep cancelling its task until really done (a cancel can land in a retry)."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(session.close(), self.teardown_timeout)
        while not serving.done():
            serving.cancel()
            await asyncio.wait({serving}, timeout=0.5)
        with contextlib.suppress(BaseException):
            serving.result()

    async def _watchdog(self, session: Session) -> None:
        """Lose the session when login does not come, or the service stops answering ding with dong."""
        while not self._ready.is_set():
            seen = self._active
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._ready.wait(), self.login_timeout)
            if not self._ready.is_set() and seen == self._active:
                self._on_lost(f"no login within {self.login_timeout:.0f} s")
                return
        while True:  # a dong comes back through the event stream: proof that it is alive
            await asyncio.sleep(self.ding_interval)
            self._dong.clear()
            try:
                await asyncio.wait_for(session.ding(), self.ding_timeout)
                await asyncio.wait_for(self._dong.wait(), self.ding_timeout)
            except Exception as exc:
                self._on_lost(f"no answer to ding within {self.ding_timeout:.0f} s ({type(exc).__name__})")
                return

    async def stop(self) -> None:
        """Stop and disconnect (within a few seconds)."""
        self._stop.set()
        if self._finished is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._finished.wait(), self.teardown_timeout + 2)
