"""http-fan-out's failure rule, F5 (core's FanOutFailureRules): one request answers 503 in the middle."""

from asyncbench_asyncio import Dist, FanOutSpec, HttpStatusError
from kit import SETTLE_S, Window, cause_of_type, ms, timed_failure, width

F5_C = 8
F5_ROUNDS = 2
F5_L = ms(2000)
F5_FAILS_AT = 0.25


def failing_fan_out(kit, model) -> FanOutSpec:
    """Request ``width / 2`` answers 503 at a quarter of L, the others at L (also run by Q1)."""
    w = width(model, F5_C)
    return FanOutSpec(kit.http, F5_ROUNDS * w, F5_L, 64, F5_C, Dist.parse(f"failing:seed={w // 2},m={F5_FAILS_AT}"))


def test_F5_a_failing_request_fails_the_fan_out_and_cancels_the_rest(kit):
    spec = failing_fan_out(kit, kit.model)
    w = width(kit.model, F5_C)
    fails_at = F5_L.total_seconds() * F5_FAILS_AT
    kit.run(kit.fresh_server())
    error, elapsed = kit.run(timed_failure(kit.model.http_fan_out(spec), Exception))
    status = cause_of_type(error, HttpStatusError)
    assert status is not None, f"expected the 503's HttpStatusError, itself or as a cause, got {error!r}"
    assert status.status == 503, str(status)
    Window.around(f"http_fan_out failing at {fails_at * 1000:.0f} ms", fails_at) \
        .telling_apart_from("the siblings' end", F5_L.total_seconds()).check(elapsed)
    siblings = w - 1
    stats = kit.run(kit.await_server(lambda s: s["inFlight"] == 0 and s["abandoned"] >= siblings, SETTLE_S))
    assert stats["inFlight"] == 0, f"nothing left in flight within {SETTLE_S} s: {stats}"
    assert stats["completed"] == 1, f"only the failing request was answered: {stats}"
    assert siblings <= stats["abandoned"] <= w, \
        f"the {siblings} siblings in flight abandoned, and no later request started: {stats}"
