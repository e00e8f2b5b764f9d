"""Scenario 11 (load): LD1 to LD4 (core's LoadRules). C = 8 slots of L = 50 ms through the kit's pool
of 8: a capacity of 160 requests per second; light load a quarter of it, overload twice it, for
1 s of arrivals. The arrival counts and the makespan with arrivals come from the JVM."""

import math
from datetime import timedelta
from typing import NamedTuple

import pytest

from asyncbench_asyncio import LoadSpec
from kit import Window, ms, timed, width

LOAD_C = 8
LOAD_L = ms(50)
LOAD_T = timedelta(seconds=1)
#: How late a concurrent model may take a request in, at the 99th percentile: well below L.
ARRIVAL_LAG_P99_US = 20_000


def capacity(model) -> int:
    return width(model, LOAD_C) * 1000 // 50


def load_spec(kit, of_capacity: float) -> LoadSpec:
    return LoadSpec(kit.http, kit.need_db(), max(1, round(capacity(kit.model) * of_capacity)), LOAD_T, LOAD_L, LOAD_C)


def plan(kit, spec: LoadSpec) -> dict:
    return kit.answer(f"load R={spec.rate} T=1000 L=50 C={LOAD_C}")


def test_LD1_every_request_is_answered_and_the_result_equals_the_oracles(kit):
    spec = load_spec(kit, 0.25)
    requests = plan(kit, spec)["arrivals"]
    assert len(spec.arrivals()) == requests, "the arrival clock is the JVM's"
    kit.run(kit.fresh_server())
    r = kit.run(kit.model.load(spec))
    assert r.requests == requests, "every arrival of the clock"
    assert r.answered == requests, "every request answered (none shed, none lost)"
    assert r.checksum == kit.answer(f"aggregate N={requests}"), "the summaries equal the oracle's aggregate of as many ids"
    stats = kit.run(kit.stats())
    assert stats["stored"] == requests, f"every summary stored once: {stats}"


class Overload(NamedTuple):
    spec: LoadSpec
    result: object
    elapsed: float
    stats: dict


@pytest.fixture(scope="module")
def overload(kit):
    """The model under overload, run once and shared by LD2 to LD4."""
    spec = load_spec(kit, 2)
    kit.run(kit.fresh_server())
    result, elapsed = kit.run(timed(kit.model.load(spec)))
    return Overload(spec, result, elapsed, kit.run(kit.stats()))


def test_LD2_never_more_than_C_in_service_and_C_reached_under_overload(kit, overload):
    w = width(kit.model, LOAD_C)
    reached = math.ceil(0.8 * w)
    peak = overload.stats["peakInFlight"]
    assert reached <= peak <= LOAD_C, (f"C = {LOAD_C}: under overload the server should see {w} profile requests in flight at"
                                       f" the peak (at least {reached}, never more than C), it saw {peak}: {overload.stats}")


def test_LD3_requests_are_taken_in_on_time_even_under_overload(kit, overload):
    lag = overload.result.arrival_lag.value_at_percentile(99)
    queued = overload.result.latency.value_at_percentile(99)
    assert lag <= ARRIVAL_LAG_P99_US, (f"99% of requests should be taken in within 20 ms of their intended start, under"
                                       f" overload too; the 99th percentile was {lag / 1000} ms (latency p99 {queued / 1000} ms)")


def test_LD4_under_overload_wall_time_is_the_queues_and_latency_counts_the_queue(kit, overload):
    p = plan(kit, overload.spec)
    makespan_ms = p["makespanMs"]
    Window.around(f"load(R={overload.spec.rate}/s, T=1000 ms, C={LOAD_C}, L=50 ms)", makespan_ms / 1000).check(overload.elapsed)
    assert overload.result.answered == p["arrivals"], "under overload too, every request answered (none shed, none lost)"
    assert overload.result.checksum == kit.answer(f"aggregate N={p['arrivals']}"), "the summaries under overload"
    p99_ms = overload.result.latency.value_at_percentile(99) // 1000
    drain = makespan_ms - 1000
    assert p99_ms >= drain / 2, f"the latency p99 ({p99_ms} ms) should count the queue: the last arrivals wait about {drain} ms"
