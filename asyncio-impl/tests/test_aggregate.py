"""Scenario 6 (aggregate): A1 to A3, as ConformanceKit's (needs PostgreSQL: asyncpg)."""

from asyncbench_asyncio import AggregateSpec
from kit import POOL, Window, ms, rounds, timed, width

AGGREGATE_C = 8
AGGREGATE_ROUNDS = 6
AGGREGATE_L = ms(100)


def aggregate_spec(kit) -> AggregateSpec:
    orders = kit.need_db()
    return AggregateSpec(kit.http, orders, AGGREGATE_ROUNDS * width(kit.model, AGGREGATE_C), AGGREGATE_L, AGGREGATE_C)


def test_A1_result_equals_the_oracles_and_every_summary_is_stored(kit):
    spec = aggregate_spec(kit)
    kit.run(kit.fresh_server())
    r = kit.run(kit.model.aggregate(spec))
    assert r.ids == spec.ids
    assert r.checksum == kit.answer(f"aggregate N={spec.ids}")
    stats = kit.run(kit.stats())
    assert stats["stored"] == spec.ids, f"one summary stored per id: {stats}"


def test_A2_never_more_than_C_profile_requests_in_flight(kit):
    spec = aggregate_spec(kit)
    kit.run(kit.fresh_server())
    kit.run(kit.model.aggregate(spec))
    stats = kit.run(kit.stats())
    assert stats["peakInFlight"] <= spec.max_in_flight, \
        f"C is {spec.max_in_flight} but the server saw {stats['peakInFlight']} in flight: {stats}"


def test_A3_wall_time_is_rounds_of_C_and_P_with_profile_and_orders_overlapping(kit):
    spec = aggregate_spec(kit)
    l = AGGREGATE_L.total_seconds()
    w_c, w_p = width(kit.model, spec.max_in_flight), width(kit.model, POOL)
    overlapping = max(rounds(spec.ids, w_c, l), rounds(spec.ids, w_p, l))
    one_after_the_other = rounds(spec.ids, min(w_c, w_p), 2 * l)
    _, elapsed = kit.run(timed(kit.model.aggregate(spec)))
    Window.around(f"aggregate(N={spec.ids}, C={spec.max_in_flight}, P={POOL}, L=100 ms)", overlapping) \
        .telling_apart_from("profile, then orders", one_after_the_other).check(elapsed)
