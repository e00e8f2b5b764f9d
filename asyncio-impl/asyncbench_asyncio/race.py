"""Scenario 9: the same request to every replica at once; the first success wins.

- Threads: the event loop's one thread; one task per replica, none holding a thread.
- Blocking: none; ``asyncio.as_completed`` hands the replicas' tasks back as they end.
- Cancellation: once one succeeds the others are cancelled, and aiohttp closes their
  connections: abandoned. The call returns after they have ended, so nothing of the race
  outlives it; cancelling the call cancels every replica the same way.
- Errors: a failing replica (an IO error) does not win; the next to end is awaited. When every
  replica fails, the last failure is raised. Not a ``TaskGroup``: its first failure would cancel
  the replicas that could still win.
"""

import asyncio

from .errors import IO_ERRORS
from .specs import RaceSpec


async def race(spec: RaceSpec) -> str:
    http = spec.http
    running = [asyncio.create_task(http.send(http.replica(replica))) for replica in spec.replicas]
    last_failure = None
    try:
        for first in asyncio.as_completed(running):
            try:
                return (await first).decode("utf-8", "replace")
            except IO_ERRORS as failure:
                last_failure = failure                 # a failed replica does not win: wait for the next one
        raise last_failure
    finally:
        for attempt in running:
            attempt.cancel()                           # the losers: their requests are abandoned
        await asyncio.wait(running)
        for attempt in running:
            if not attempt.cancelled():
                attempt.exception()                    # a failure that ended beside the winner: read, not logged as lost
