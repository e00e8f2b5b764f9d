"""Deliberately broken asyncio models, each wrong in one way a rule must catch (core's BrokenModel
and siblings): the kit's rules must be able to fail. Each claims the real model's traits."""

import asyncio
import dataclasses
from datetime import timedelta

from asyncbench_asyncio import AsyncioModel, FanOutResult
from asyncbench_asyncio import checksums, gather
from asyncbench_asyncio.errors import IO_ERRORS


class UnboundedFanOut(AsyncioModel):
    """http-fan-out with no semaphore: every request at once, whatever C (F2 must fail)."""

    async def http_fan_out(self, spec):
        http = spec.http

        async def fetch(i):
            body = await http.send(http.bytes(i, spec.body_bytes, spec.latency, spec.dist))
            return checksums.crc(body), len(body)

        done = await asyncio.gather(*(fetch(i) for i in range(spec.requests)))
        return FanOutResult(spec.requests, sum(n for _, n in done), checksums.fold_all([crc for crc, _ in done]))


class CompletionOrderFanOut(AsyncioModel):
    """http-fan-out folding the CRCs in completion order, not request order (F4's answer check must fail)."""

    async def http_fan_out(self, spec):
        http = spec.http
        in_flight = asyncio.Semaphore(spec.max_in_flight)
        crcs, sizes = [], []

        async def fetch(i):
            async with in_flight:
                body = await http.send(http.bytes(i, spec.body_bytes, spec.latency, spec.dist))
            crcs.append(checksums.crc(body))
            sizes.append(len(body))

        await asyncio.gather(*(fetch(i) for i in range(spec.requests)))
        return FanOutResult(spec.requests, sum(sizes), checksums.fold_all(crcs))


class SequentialGather(AsyncioModel):
    """gather awaiting one task after the other: the sum of the delays, not the longest (G4 must fail)."""

    async def gather(self, spec, log):
        return [await gather.run(task, log) for task in spec.tasks]


class PostsGather(AsyncioModel):
    """The post's own ``asyncio.gather``: fails with the first failure but leaves the siblings running (X3 must fail)."""

    async def gather(self, spec, log):
        return list(await asyncio.gather(*(gather.run(task, log) for task in spec.tasks)))


class RaceKeepingLosers(AsyncioModel):
    """race returning the first success and leaving the losers' requests running (R3 must fail)."""

    def __init__(self):
        super().__init__()
        self.losers = []

    async def race(self, spec):
        http = spec.http
        running = [asyncio.create_task(http.send(http.replica(r))) for r in spec.replicas]
        self.losers += running
        last = None
        for first in asyncio.as_completed(running):
            try:
                return (await first).decode("utf-8", "replace")
            except IO_ERRORS as failure:
                last = failure
        raise last

    async def stop_losers(self):
        for task in self.losers:
            task.cancel()
        await asyncio.gather(*self.losers, return_exceptions=True)


class RetryWithoutBackoff(AsyncioModel):
    """retry that ignores the spec's backoff: each attempt right after the last failed (RT3 must fail)."""

    async def retry(self, spec):
        return await super().retry(dataclasses.replace(spec, backoff=timedelta(0), max_backoff=timedelta(0)))
