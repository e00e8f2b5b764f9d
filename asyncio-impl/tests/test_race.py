"""Scenario 9 (race): R1 to R4, as ConformanceKit's."""

from asyncbench_asyncio import RaceSpec, Replica
from kit import SETTLE_S, Window, ms, timed


def test_R1_the_first_success_wins(kit):
    spec = RaceSpec(kit.http, (Replica("b", ms(300)), Replica("a", ms(100)), Replica("c", ms(50), True)))
    body = kit.run(kit.model.race(spec))
    assert body == "replica a"
    assert body == kit.answer("race b:300 a:100 c:50!")


def test_R2_the_winner_returns_in_its_own_latency(kit):
    spec = RaceSpec(kit.http, (Replica("slow", ms(2000)), Replica("fast", ms(200))))
    body, elapsed = kit.run(timed(kit.model.race(spec)))
    assert body == "replica fast"
    Window.around("race won in 200 ms", 0.2).check(elapsed)


async def r3_the_losers_are_cancelled(kit, model) -> None:
    # the losers would take 5 s: only abandoned requests leave the server sooner
    spec = RaceSpec(kit.http, (Replica("slow1", ms(5000)), Replica("fast", ms(200)), Replica("slow2", ms(5000))))
    await kit.fresh_server()
    assert await model.race(spec) == "replica fast"
    losers = len(spec.replicas) - 1
    stats = await kit.await_server(lambda s: s["abandoned"] >= losers and s["inFlight"] == 0, SETTLE_S)
    assert stats["abandoned"] == losers, f"losers counted abandoned within {SETTLE_S} s: {stats}"
    assert stats["inFlight"] == 0, f"nothing left in flight: {stats}"
    assert stats["completed"] == 1, f"only the winner completed: {stats}"


def test_R3_the_losers_are_cancelled(kit):
    kit.run(r3_the_losers_are_cancelled(kit, kit.model))


def test_R4_a_replica_that_fails_first_does_not_win(kit):
    spec = RaceSpec(kit.http, (Replica("a", ms(100), True), Replica("b", ms(300)), Replica("c", ms(1000))))
    body = kit.run(kit.model.race(spec))
    assert body == "replica b"
    assert body == kit.answer("race a:100! b:300 c:1000")
