"""Scenario 5 (db): D1, D2 (ConformanceKit) and D3 (core's DbRules: the waits PostgreSQL runs at once,
sampled every 5 ms from a connection of the kit's own, as DbWaitWatch does). Skipped, with the
reason, when the testbed's database is H2: asyncpg speaks only PostgreSQL."""

import asyncio
import os

import asyncpg

from asyncbench_asyncio import DbSpec
from asyncbench_asyncio.orders_repository import dsn_of
from kit import POOL, Window, ms, rounds, timed, width

DB_ROUNDS = 4
DB_L = ms(150)
D3_ROUNDS = 2
D3_L = ms(400)
D3_SAMPLE_EVERY_S = 0.005
WAITS = ("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
         " AND pid <> pg_backend_pid() AND query LIKE '%testbed_wait(%'")


def test_D1_result_equals_the_oracles(kit):
    orders = kit.need_db()
    spec = DbSpec(orders, DB_ROUNDS * width(kit.model, POOL), DB_L)
    r = kit.run(kit.model.db(spec))
    assert r.queries == spec.queries
    assert r.rows > 0, f"the customers have orders: {r}"
    answer = kit.answer(f"db Q={spec.queries}")
    assert (r.queries, r.rows, r.amount_cents) == (answer["queries"], answer["rows"], answer["amountCents"])


def test_D2_wall_time_is_rounds_of_the_pool(kit):
    orders = kit.need_db()
    w = width(kit.model, orders.pool_size)
    spec = DbSpec(orders, DB_ROUNDS * w, DB_L)
    _, elapsed = kit.run(timed(kit.model.db(spec)))
    Window.around(f"db(Q={spec.queries}, P={orders.pool_size}, L=150 ms)", rounds(spec.queries, w, DB_L.total_seconds())) \
        .telling_apart_from("half the pool", rounds(spec.queries, max(1, w // 2), DB_L.total_seconds())).check(elapsed)


def test_D3_the_server_runs_P_waits_at_once(kit):
    orders = kit.need_db()
    w = width(kit.model, orders.pool_size)
    spec = DbSpec(orders, D3_ROUNDS * w, D3_L)
    result, peak = kit.run(watching_waits(kit.model.db(spec)))
    assert result.queries == spec.queries
    assert peak == w, f"P = {orders.pool_size}: expected {w} waits at once at the peak, the database ran {peak}"


async def watching_waits(call):
    """(the call's value, the most ``testbed_wait`` calls PostgreSQL ran at once while it ran)."""
    env = os.environ
    watcher = await asyncpg.connect(dsn_of(env["ASYNCBENCH_KIT_DB"]), user=env.get("ASYNCBENCH_KIT_DB_USER"),
                                    password=env.get("ASYNCBENCH_KIT_DB_PASSWORD"))
    peak = 0
    try:
        task = asyncio.ensure_future(call)
        while not task.done():
            peak = max(peak, await watcher.fetchval(WAITS))
            await asyncio.sleep(D3_SAMPLE_EVERY_S)
        return await task, peak
    finally:
        await watcher.close()
