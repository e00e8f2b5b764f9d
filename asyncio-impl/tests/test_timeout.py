"""Scenario 7 (timeout): T1 to T3. Python's TimeoutError stands for java.util.concurrent.TimeoutException."""

from asyncbench_asyncio import TimeoutSpec
from kit import SETTLE_S, Window, ms, timed_failure


def test_T1_a_call_faster_than_its_deadline_returns_its_body(kit):
    body = kit.run(kit.model.fetch_with_timeout(TimeoutSpec(kit.http, ms(100), ms(2000))))
    assert body, "the body of /bytes?seed=7&size=64"
    assert body == kit.answer("timeout body")


def test_T2_a_slow_call_raises_TimeoutError_in_time(kit):
    deadline = ms(300)
    error, elapsed = kit.run(timed_failure(kit.model.fetch_with_timeout(TimeoutSpec(kit.http, ms(3000), deadline)), Exception))
    assert type(error) is TimeoutError, f"expected TimeoutError itself: {error!r}"
    Window.around("fetch_with_timeout(deadline 300 ms)", deadline.total_seconds()).check(elapsed)


async def t3_the_timed_out_request_is_abandoned(kit, model) -> None:
    # the server would hold the request for 5 s: only an abandoned request leaves it sooner
    await kit.fresh_server()
    await timed_failure(model.fetch_with_timeout(TimeoutSpec(kit.http, ms(5000), ms(300))), TimeoutError)
    stats = await kit.await_server(lambda s: s["abandoned"] >= 1 and s["inFlight"] == 0, SETTLE_S)
    assert stats["abandoned"] == 1, f"the timed-out request counted abandoned within {SETTLE_S} s: {stats}"
    assert stats["inFlight"] == 0, f"nothing left in flight: {stats}"
    assert stats["completed"] == 0, f"the timed-out request never completed: {stats}"


def test_T3_the_timed_out_request_is_abandoned(kit):
    kit.run(t3_the_timed_out_request_is_abandoned(kit, kit.model))
