"""Scenario 1, the post's first example: log "Hello", wait, log "world".

- Threads: the event loop's one thread; nothing runs while the pause lasts.
- Blocking: none; ``asyncio.sleep`` suspends the coroutine on a timer of the loop.
- Cancellation: cancelling the task ends ``asyncio.sleep`` with ``CancelledError``: a cancelled
  hello never logs "world".
- Errors: none expected; a pause below zero or above 10 min is refused before "Hello".
"""

import asyncio
from datetime import timedelta

from . import check
from .event_log import EventLog


async def hello(pause: timedelta, log: EventLog) -> None:
    check.delay(pause, "pause")
    log.log("Hello")
    await asyncio.sleep(check.seconds(pause))
    log.log("world")
