"""Scenario 6: per id, the profile over HTTP and the orders from the database at the same time;
combine them; store the summary. At most C ids in flight, at most P queries at once.

- Threads: the event loop's one thread runs every id, and the CPU work of combining too: while a
  summary is computed (tens of microseconds), no other task of the loop runs.
- Blocking: none; HTTP is aiohttp, the query asyncpg, both non-blocking. An ``asyncio.Semaphore``
  of C slots bounds the ids in flight (taken before an id's task starts, handed on when it has
  stored its summary); the pool of P bounds the queries.
- Cancellation: one ``TaskGroup`` for the ids and, per id, one for its query beside its profile;
  the first failure cancels every id in flight: a request is abandoned, a query still queued
  never runs, a running one is cancelled server-side. A failed id keeps its slot (see
  ``http_fan_out``).
- Errors: the first failure is raised as it is.
"""

import asyncio

from . import checksums
from .io_specs import AggregateSpec
from .results import AggregateResult
from .scopes import fail_fast
from .summaries import combine


async def aggregate(spec: AggregateSpec) -> AggregateResult:
    ids = spec.ids
    summaries = [0] * ids
    in_flight = asyncio.Semaphore(spec.max_in_flight)

    async def one(i: int) -> None:
        summaries[i] = await summarize(spec, i + 1)
        in_flight.release()                                # only a success hands its slot on

    async with fail_fast() as group:                       # returns once every id is stored
        for i in range(ids):
            await in_flight.acquire()                      # at most C ids in flight
            group.create_task(one(i))
    return AggregateResult(ids, checksums.fold_all(summaries))


async def summarize(spec: AggregateSpec, id: int) -> int:
    """One id: its query started, its profile fetched meanwhile, combined, stored; the summary."""
    http = spec.http
    async with fail_fast() as both:                        # the profile's failure cancels the query
        rows = both.create_task(spec.orders.orders_of(id, spec.latency))
        profile = await http.send(http.profile(id, spec.latency, spec.dist))
    summary = combine(id, profile, rows.result())
    await http.send(http.store(id, summary))
    return summary
