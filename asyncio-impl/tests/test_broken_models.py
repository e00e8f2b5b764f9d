"""The kit's rules fail on broken models (core's BrokenModelsTest): the same rule checks the real
model passes, run on a model wrong in one way each (``broken.py``), must raise AssertionError."""

import pytest

from asyncbench_asyncio import FanOutSpec, GatherSpec
from broken import CompletionOrderFanOut, PostsGather, RaceKeepingLosers, RetryWithoutBackoff, SequentialGather, UnboundedFanOut
from kit import SETTLE_S, ms
from test_fail_fast import x3_every_sibling_is_cancelled
from test_fan_out import f2_never_more_than_c_in_flight, f4_a_slow_request_does_not_hold_the_others_slots
from test_hello_gather import g4_wall_time_is_the_longest_delay
from test_quiescence import q1_calls, q1_nothing_runs_on_after
from test_race import r3_the_losers_are_cancelled
from test_retry import retry_spec, rt3_no_attempt_starts_before_its_backoff, run_retry


def test_F2_fails_on_a_fan_out_without_its_semaphore(kit):
    spec = FanOutSpec(kit.http, 20, ms(100), 64, 5)
    with pytest.raises(AssertionError, match="C is 5 but the server saw 20 in flight"):
        kit.run(f2_never_more_than_c_in_flight(kit, UnboundedFanOut(), spec))


def test_F4_fails_on_a_fan_out_folding_in_completion_order(kit):
    with pytest.raises(AssertionError, match="the result equals the oracle's"):
        kit.run(f4_a_slow_request_does_not_hold_the_others_slots(kit, CompletionOrderFanOut()))


def test_G4_fails_on_a_sequential_gather(kit):
    with pytest.raises(AssertionError, match="below halfway to the sum of the delays"):
        kit.run(g4_wall_time_is_the_longest_delay(kit, SequentialGather(), GatherSpec.post_example(ms(100))))


def test_X3_fails_on_the_posts_asyncio_gather(kit):
    with pytest.raises(AssertionError, match="a sibling was not cancelled"):
        kit.run(x3_every_sibling_is_cancelled(PostsGather()))


def test_R3_fails_on_a_race_that_keeps_its_losers(kit):
    model = RaceKeepingLosers()
    try:
        with pytest.raises(AssertionError, match="losers counted abandoned"):
            kit.run(r3_the_losers_are_cancelled(kit, model))
    finally:
        kit.run(model.stop_losers())
        kit.run(kit.await_server(lambda s: s["inFlight"] == 0, SETTLE_S))


def test_Q1_fails_on_a_race_that_keeps_its_losers(kit):
    model = RaceKeepingLosers()
    try:
        with pytest.raises(AssertionError, match="race: still in flight"):
            kit.run(q1_nothing_runs_on_after(kit, "race", q1_calls(kit, model)["race"]))
    finally:
        kit.run(model.stop_losers())
        kit.run(kit.await_server(lambda s: s["inFlight"] == 0, SETTLE_S))


def test_RT3_fails_on_a_retry_without_backoff(kit):
    run = kit.run(run_retry(kit, RetryWithoutBackoff(), retry_spec(kit)))
    with pytest.raises(AssertionError, match="before its backoff of"):
        rt3_no_attempt_starts_before_its_backoff(kit, run)
