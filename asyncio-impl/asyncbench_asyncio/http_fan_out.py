"""Scenario 3: K fetches of ``/bytes``, at most C in flight, checksum in request order.

- Threads: the event loop's one thread; aiohttp's sockets are non-blocking on its selector. No
  thread waits for a response.
- Blocking: none. An ``asyncio.Semaphore`` of C slots bounds the requests in flight: the loop
  takes a slot before it starts request i's task, and a request hands its slot on when its
  response is in, so the next request starts as soon as any one ends (not when the earliest
  ends: no head-of-line blocking). Only C tasks exist at once, whatever K.
- Cancellation: the tasks run in a ``TaskGroup`` (``scopes.fail_fast``); the first failure
  cancels every request in flight, and aiohttp closes their connections: abandoned. A request
  that fails keeps its slot (no ``async with``, whose exit would hand it on): the group is
  ending, and the loop woken with that slot would start one more request only to abandon it.
- Errors: the first failure (``ServerUnreachableError``, ``HttpStatusError``) is raised as it is.
"""

import asyncio

from . import checksums
from .io_specs import FanOutSpec
from .results import FanOutResult
from .scopes import fail_fast


async def http_fan_out(spec: FanOutSpec) -> FanOutResult:
    http = spec.http
    requests = spec.requests
    crcs = [0] * requests
    sizes = [0] * requests
    in_flight = asyncio.Semaphore(spec.max_in_flight)

    async def fetch(i: int) -> None:
        body = await http.send(http.bytes(i, spec.body_bytes, spec.latency, spec.dist))
        in_flight.release()                                # only a success hands its slot on
        crcs[i] = checksums.crc(body)
        sizes[i] = len(body)

    async with fail_fast() as group:                       # returns once every request is done
        for i in range(requests):
            await in_flight.acquire()                      # at most C requests in flight
            group.create_task(fetch(i))
    return FanOutResult(requests, sum(sizes), checksums.fold_all(crcs))
