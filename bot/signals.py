"""Running the app until SIGTERM/SIGINT, then stopping it cleanly within a few seconds."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import Protocol

log = logging.getLogger(__name__)


class Stoppable(Protocol):
    """What `run_until_signalled` needs of the app."""

    async def run(self) -> None: ...

    async def stop(self, grace: float = 3.0) -> None: ...


async def run_until_signalled(
    app: Stoppable, *, grace: float = 5.0, signals: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGINT)
) -> None:
    """Run `app` until it ends or a signal arrives; then stop it (a send in progress finishes).

    The app gets `grace` seconds to stop on its own, then it is cancelled. A second signal
    cancels at once.
    """
    loop = asyncio.get_running_loop()
    run = asyncio.create_task(app.run(), name="app")
    asked = asyncio.Event()

    def on_signal(sig: signal.Signals) -> None:
        if asked.is_set():
            run.cancel()
            return
        print(f"收到 {sig.name}，正在停止…", file=sys.stderr, flush=True)
        asked.set()

    installed = []
    for sig in signals:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, on_signal, sig)
            installed.append(sig)
    waiter = asyncio.create_task(asked.wait())
    try:
        await asyncio.wait({run, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if not run.done():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(app.stop(), grace)
            done, _ = await asyncio.wait({run}, timeout=grace)
            if not done:
                log.warning("the app did not stop within %.0f s; cancelling it", grace)
                run.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await run
    finally:
        waiter.cancel()
        for sig in installed:
            loop.remove_signal_handler(sig)
