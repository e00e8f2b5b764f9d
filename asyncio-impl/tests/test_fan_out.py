"""Scenario 3 (http-fan-out): F1 to F4, as ConformanceKit's (F5 is in test_fan_out_failure.py)."""

import math

from asyncbench_asyncio import Dist, FanOutSpec
from kit import Window, ms, rounds, timed, width

FAN_OUT_C = 50
FAN_OUT_ROUNDS = 4
FAN_OUT_L = ms(100)
FAN_OUT_B = 1024
LARGEST_C = 1000
LARGEST_C_L = ms(2000)
TAIL_C = 8
TAIL_ROUNDS = 8
TAIL_L = ms(50)
TAIL_DIST = "bimodal:f=0.05,m=20"


def fan_out(kit, model) -> FanOutSpec:
    return FanOutSpec(kit.http, FAN_OUT_ROUNDS * width(model, FAN_OUT_C), FAN_OUT_L, FAN_OUT_B, FAN_OUT_C)


def expected(kit, spec: FanOutSpec) -> tuple:
    answer = kit.answer(f"fan-out K={spec.requests} B={spec.body_bytes}")
    return answer["responses"], answer["bytes"], answer["checksum"]


def test_F1_result_equals_the_oracles(kit):
    spec = fan_out(kit, kit.model)
    r = kit.run(kit.model.http_fan_out(spec))
    assert r.responses == spec.requests
    assert r.bytes == spec.requests * spec.body_bytes
    assert (r.responses, r.bytes, r.checksum) == expected(kit, spec)


async def f2_never_more_than_c_in_flight(kit, model, spec: FanOutSpec) -> None:
    await kit.fresh_server()
    await model.http_fan_out(spec)
    stats = await kit.stats()
    assert stats["peakInFlight"] <= spec.max_in_flight, \
        f"C is {spec.max_in_flight} but the server saw {stats['peakInFlight']} in flight: {stats}"
    assert stats["completed"] == spec.requests, f"every request served once: {stats}"


def test_F2_never_more_than_C_in_flight(kit):
    kit.run(f2_never_more_than_c_in_flight(kit, kit.model, fan_out(kit, kit.model)))


def test_F3_concurrency_reaches_C_and_wall_time_is_rounds_of_L(kit):
    spec = fan_out(kit, kit.model)
    w = width(kit.model, spec.max_in_flight)
    kit.run(kit.fresh_server())
    _, elapsed = kit.run(timed(kit.model.http_fan_out(spec)))
    stats = kit.run(kit.stats())
    reached = math.ceil(0.8 * w)
    assert stats["peakInFlight"] >= reached, \
        f"expected about {w} in flight at the peak (at least {reached}), the server saw {stats['peakInFlight']}: {stats}"
    Window.around(f"http_fan_out(K={spec.requests}, C={spec.max_in_flight}, L=100 ms)",
                  rounds(spec.requests, w, FAN_OUT_L.total_seconds())).check(elapsed)


async def f4_a_slow_request_does_not_hold_the_others_slots(kit, model) -> None:
    w = width(model, TAIL_C)
    spec = FanOutSpec(kit.http, TAIL_ROUNDS * w, TAIL_L, FAN_OUT_B, TAIL_C, Dist.parse(TAIL_DIST))
    schedule = kit.answer(f"makespan {TAIL_DIST} K={spec.requests} L=50 C={TAIL_C}")
    greedy, in_order = schedule["greedyMs"] / 1000, schedule["inOrderMs"] / 1000
    assert in_order - greedy >= 1.0, f"the kit's own draws must tell the two apart: greedy {greedy} s, in order {in_order} s"
    r, elapsed = await timed(model.http_fan_out(spec))
    assert (r.responses, r.bytes, r.checksum) == expected(kit, spec), "the result equals the oracle's"
    Window.around(f"http_fan_out(K={spec.requests}, C={TAIL_C}, L=50 ms, {TAIL_DIST})", greedy) \
        .telling_apart_from("slots freed only in request order", in_order).check(elapsed)


def test_F4_a_slow_request_does_not_hold_the_others_slots(kit):
    kit.run(f4_a_slow_request_does_not_hold_the_others_slots(kit, kit.model))


def test_F3_concurrency_reaches_the_benchs_largest_C(kit):
    w = width(kit.model, LARGEST_C)
    spec = FanOutSpec(kit.http, w, LARGEST_C_L, 64, LARGEST_C)
    kit.run(kit.fresh_server())
    kit.run(kit.model.http_fan_out(spec))
    stats = kit.run(kit.stats())
    reached = math.ceil(0.8 * w)
    assert reached <= stats["peakInFlight"] <= LARGEST_C, (
        f"C = {LARGEST_C}: expected about {w} in flight at the peak (at least {reached}),"
        f" the server saw {stats['peakInFlight']}: {stats}")
