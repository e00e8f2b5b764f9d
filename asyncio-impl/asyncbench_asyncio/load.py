"""Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.

- Threads: the event loop's one thread. The caller's coroutine is the acceptor: it sleeps until
  each request's intended start (``asyncio.sleep`` to the clock, never to a free slot) and
  starts the request's task at once; an ``asyncio.Semaphore`` of C slots, first come first
  served, lets C of them work while the others wait in its queue. Each request's work is
  aggregate's (``aggregate.summarize``). The acceptor shares the one thread with every request:
  when the loop is busy, arrivals are taken in late, and the arrival lag says so.
- Blocking: none.
- Cancellation: the first failure makes the ``TaskGroup`` cancel every request, queued or in
  service, and the acceptor. A request hands its slot on only when it succeeds, so none starts
  between a failure and the cancel.
- Errors: the first failure is raised as it is.
"""

import asyncio

from .aggregate import summarize
from .load_clock import LoadClock
from .load_spec import LoadSpec
from .results import LoadResult
from .scopes import fail_fast


async def load(spec: LoadSpec) -> LoadResult:
    clock = LoadClock.start(spec)
    work = spec.work(clock.requests)
    in_service = asyncio.Semaphore(spec.max_in_flight)

    async def serve(i: int) -> None:
        await in_service.acquire()                         # at most C requests in service
        clock.started(i)
        clock.completed(i, await summarize(work, i + 1))
        in_service.release()                               # only a success hands its slot on

    async with fail_fast() as group:                       # returns once every request is served
        for i in range(clock.requests):
            await asyncio.sleep(max(0, clock.nanos_until(i)) / 1e9)    # the arrival clock, never a free slot
            clock.arrived(i)
            group.create_task(serve(i))
    return clock.result()
