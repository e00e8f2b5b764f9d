"""Scenario 7: one ``/bytes`` call that must finish within its deadline.

- Threads: the event loop's one thread; the deadline is a timer of the loop.
- Blocking: none; ``await http.send(...)`` suspends inside ``asyncio.timeout``.
- Cancellation: at the deadline ``asyncio.timeout`` cancels the awaiting task, and aiohttp
  closes the request's connection: abandoned. (``asyncio.timeout`` rather than
  ``asyncio.wait_for``: no extra task, and in 3.11 ``wait_for`` can lose a result that arrives
  as it times out; 3.12 rewrote it on ``timeout``.)
- Errors: the deadline becomes ``TimeoutError``, only for this deadline: ``asyncio.timeout``
  turns its own cancellation into it, never one from elsewhere.
"""

import asyncio

from . import check
from .specs import TimeoutSpec

SEED = 7            # the request: /bytes with this seed and size, so the body is short and known
BODY_BYTES = 64


async def fetch_with_timeout(spec: TimeoutSpec) -> str:
    http = spec.http
    try:
        async with asyncio.timeout(check.seconds(spec.deadline)):
            body = await http.send(http.bytes(SEED, BODY_BYTES, spec.server_latency))
    except TimeoutError:
        raise TimeoutError(f"no response within the deadline of {check.millis(spec.deadline)} ms;"
                           " the request was abandoned") from None
    return body.decode("utf-8", "replace")
