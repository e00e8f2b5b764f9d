"""The pytest kit's shared parts: the session (``Kit``: one event loop, the testbed's clients, the
model, the JVM oracle's answers), time windows and server polling, as core's ``ConformanceKit``,
``KitAccess`` and ``Window`` have them. Every rule check is an ``async def`` taking the model, so
that ``test_broken_models.py`` can run the same check on a broken model and see it fail.
"""

import asyncio
import json
import math
import os
import time
from dataclasses import dataclass
from datetime import timedelta

import pytest

from asyncbench_asyncio import AsyncioModel, OrdersRepository, TestbedClient

#: How long cancellation may take to show in the server's counters (ConformanceKit.SETTLE).
SETTLE_S = 3.0
#: How soon after a call ends it must have left nothing behind (QuiescenceRules.QUIET_WITHIN).
QUIET_WITHIN_S = 1.0
#: The kit's database pool, P (ConformanceKit.POOL).
POOL = 8


def ms(n: float) -> timedelta:
    return timedelta(milliseconds=n)


class Kit:
    """One per session: everything runs on ``loop``, one call at a time, as the JVM kit calls its model."""

    def __init__(self):
        env = os.environ
        if not env.get("ASYNCBENCH_KIT_SERVER"):
            pytest.skip("no testbed: the kit runs from Maven (./mvnw verify -pl asyncio-impl), which starts the testbed and"
                        " sets ASYNCBENCH_KIT_SERVER, ASYNCBENCH_KIT_EXPECTED and ASYNCBENCH_KIT_DB*")
        self.loop = asyncio.new_event_loop()
        self.server = env["ASYNCBENCH_KIT_SERVER"].rstrip("/")
        with open(env["ASYNCBENCH_KIT_EXPECTED"], encoding="utf-8") as f:
            self.expected = json.load(f)
        self.http = self.run(TestbedClient.open(self.server))
        self.orders = None
        self.no_db = ("asyncpg speaks only PostgreSQL; the testbed's database is "
                      + env.get("ASYNCBENCH_KIT_DB_KIND", "unknown") + " (install PostgreSQL for the database rules)")
        if env.get("ASYNCBENCH_KIT_DB"):
            self.orders = self.run(OrdersRepository.open(env["ASYNCBENCH_KIT_DB"], env.get("ASYNCBENCH_KIT_DB_USER"),
                                                         env.get("ASYNCBENCH_KIT_DB_PASSWORD"), POOL, "PostgreSQL"))
        self.model = AsyncioModel()

    def close(self) -> None:
        self.run(self.model.close())
        if self.orders is not None:
            self.run(self.orders.close())
        self.run(self.http.close())
        self.loop.close()

    # ---- running calls -------------------------------------------------------------------------

    def run(self, coro, limit_s: float = 60):
        """Runs ``coro`` on the kit's loop to its end, in one task (a hung call fails after ``limit_s``)."""
        async def bounded():
            async with asyncio.timeout(limit_s):
                return await coro
        return self.loop.run_until_complete(bounded())

    def need_db(self) -> OrdersRepository:
        if self.orders is None:
            pytest.skip(self.no_db)
        return self.orders

    def answer(self, key: str):
        """The JVM sequential oracle's answer for ``key`` (written by AsyncioKitTest's OracleAnswers)."""
        if key not in self.expected:
            raise AssertionError(f"no oracle answer for '{key}': OracleAnswers.java must write it")
        return self.expected[key]

    # ---- the server's counters -------------------------------------------------------------------

    async def stats(self) -> dict:
        return await self.http.stats()

    async def await_server(self, settled, within_s: float) -> dict:
        """Polls the server's counters until ``settled(stats)`` or ``within_s`` passes; the last read."""
        deadline = time.monotonic() + within_s
        stats = await self.stats()
        while not settled(stats) and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
            stats = await self.stats()
        return stats

    async def fresh_server(self) -> None:
        """Waits for in-flight requests of earlier tests to end (or give up), then resets the counters."""
        await self.await_server(lambda s: s["inFlight"] == 0, SETTLE_S)
        await self.http.reset_stats()


def width(model, limit: int) -> int:
    """How many of ``limit`` things the model lets wait at once (KitAccess.widthFor)."""
    traits = model.traits()
    return min(limit, traits.max_waiting) if traits.concurrent else 1


async def timed(coro):
    """(value, seconds) of awaiting ``coro``."""
    started = time.perf_counter()
    value = await coro
    return value, time.perf_counter() - started


async def timed_failure(coro, kind):
    """(error, seconds) of awaiting ``coro``, which must raise ``kind``."""
    started = time.perf_counter()
    try:
        await coro
    except kind as e:
        return e, time.perf_counter() - started
    raise AssertionError(f"expected {kind.__name__}, the call returned")


def cause_of_type(error: BaseException, kind):
    """``error`` itself or its first ``__cause__`` (or ``__context__``) of ``kind``, or None."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, kind):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


@dataclass(frozen=True)
class Window:
    """core's ``Window``: from 0.9 x ideal to 2 x ideal + 0.75 s; below halfway to a named wrong time."""
    what: str
    ideal: float
    lower: float
    upper: float
    note: str = ""

    @staticmethod
    def around(what: str, ideal_s: float) -> "Window":
        return Window(what, ideal_s, 0.9 * ideal_s, 2 * ideal_s + 0.75)

    def with_extra_room(self, extra_s: float) -> "Window":
        return Window(self.what, self.ideal, self.lower, self.upper + extra_s, self.note)

    def telling_apart_from(self, wrong: str, wrong_s: float) -> "Window":
        halfway = self.ideal + (wrong_s - self.ideal) / 2
        if wrong_s <= self.ideal or halfway >= self.upper:
            return self
        return Window(self.what, self.ideal, self.lower, halfway, f"; below halfway to {wrong}, {wrong_s * 1000:.0f} ms")

    def check(self, elapsed_s: float) -> None:
        assert self.lower <= elapsed_s <= self.upper, (
            f"{self.what} took {elapsed_s * 1000:.0f} ms; expected {self.lower * 1000:.0f} to {self.upper * 1000:.0f} ms"
            f" (ideal {self.ideal * 1000:.0f} ms{self.note})")


def rounds(count: int, width_: int, each_s: float) -> float:
    """ceil(count / width) x each: ``count`` waits done ``width`` at a time."""
    return math.ceil(count / width_) * each_s


def makespan(delays_s: list[float], workers: int) -> float:
    """core's ``Schedule.makespan``: tasks in input order, each on the first worker free."""
    return max(task_ends(delays_s, workers))


def task_ends(delays_s: list[float], workers: int) -> list[float]:
    """core's ``Schedule.ends``: each task's ideal end, in input order."""
    free = [0.0] * min(workers, len(delays_s))
    ends = []
    for d in delays_s:
        start = min(free)
        free.remove(start)
        ends.append(start + d)
        free.append(start + d)
    return ends
