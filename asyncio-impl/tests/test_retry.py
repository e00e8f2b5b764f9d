"""Scenario 10 (retry): RT1 to RT6 (core's RetryRules). One run of the kit's plan, shared by the rules;
the expected result, each request's attempts, backoffs and the greedy makespan come from the JVM
(``RetryTally.expected``, ``RetrySpec.attempts``/``backoff``, ``Makespan.greedy``)."""

from collections import defaultdict
from typing import NamedTuple

import pytest

from asyncbench_asyncio import Faults, RetrySpec
from kit import SETTLE_S, Window, ms, timed, width

RETRY_KEY = "retry f=0.33 A=3 C=20 L=50 B=256 T=150 backoff=20..80"
RETRY_C = 20
RETRY_L = ms(50)
RETRY_TIMEOUT_US = 150_000
#: An attempt's start may come this much before the server's clock says its backoff ended (RetryRules.CLOCK_SLACK).
CLOCK_SLACK_US = 5_000


class Attempt(NamedTuple):
    """One line of the server's ``/attempts`` (core's ``Attempt``)."""
    seed: int
    attempt: int
    planned: str           # OK, UNAVAILABLE, DROPPED or STALL
    start_us: int
    end_us: int            # -1 while open
    end: str               # OPEN, ANSWERED, DROPPED or ABANDONED


def parse_attempts(text: str) -> dict[int, list[Attempt]]:
    by_seed = defaultdict(list)
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            f = line.split()
            by_seed[int(f[0])].append(Attempt(int(f[0]), int(f[1]), f[2], int(f[3]), int(f[4]), f[5]))
    return dict(sorted(by_seed.items()))


def retry_spec(kit) -> RetrySpec:
    plan = kit.answer(RETRY_KEY)
    return RetrySpec(kit.http, plan["requests"], RETRY_L, 256, RETRY_C, Faults(0.33), 3, ms(150), ms(20), ms(80))


class Run(NamedTuple):
    result: object
    elapsed: float
    attempts: dict


async def run_retry(kit, model, spec: RetrySpec) -> Run:
    # first a round without faults, so that no attempt of the run meets a cold client
    await model.retry(RetrySpec(spec.http, spec.max_in_flight, spec.latency, spec.body_bytes, spec.max_in_flight, Faults(0.0),
                                1, ms(5000), ms(0), ms(0)))
    await kit.fresh_server()
    result, elapsed = await timed(model.retry(spec))
    return Run(result, elapsed, parse_attempts(await kit.http.attempts_text()))


@pytest.fixture(scope="module")
def run(kit):
    return kit.run(run_retry(kit, kit.model, retry_spec(kit)))


def test_RT1_result_equals_the_oracles(kit, run):
    plan = kit.answer(RETRY_KEY)
    r = run.result
    assert r.requests == plan["requests"]
    assert (r.requests, r.succeeded, r.bytes, r.checksum) == (plan["requests"], plan["succeeded"], plan["bytes"], plan["checksum"])
    assert {str(i): f.text for i, f in r.failures.items()} == plan["failures"]


def test_RT2_the_server_sees_exactly_the_expected_attempts(kit, run):
    plan = kit.answer(RETRY_KEY)
    for i, expected in enumerate(plan["attempts"]):
        seen = [a.attempt for a in run.attempts.get(i, [])]
        assert seen == list(range(1, expected + 1)), f"request {i}: attempts 1 to {expected}, each once, in order; saw {seen}"
    assert len(run.attempts) == plan["requests"], f"attempts of requests that do not exist: {list(run.attempts)}"
    peak = peak_in_flight(run.attempts)
    assert peak <= RETRY_C, f"C is {RETRY_C} but the server saw {peak} attempts in flight"


def rt3_no_attempt_starts_before_its_backoff(kit, run) -> None:
    backoffs = kit.answer(RETRY_KEY)["backoffMicros"]
    for seed, attempts in run.attempts.items():
        for failed, following in zip(attempts, attempts[1:]):
            failed_at = min(failed.end_us, failed.start_us + RETRY_TIMEOUT_US) if failed.planned == "STALL" else failed.end_us
            backoff = backoffs[seed][failed.attempt - 1]
            earliest = failed_at + backoff - CLOCK_SLACK_US
            assert following.start_us >= earliest, (
                f"request {seed} attempt {following.attempt} started {(earliest + CLOCK_SLACK_US - following.start_us) / 1000} ms"
                f" before its backoff of {backoff / 1000} ms ended (after {failed.planned})")


def test_RT3_no_attempt_starts_before_its_backoff(kit, run):
    rt3_no_attempt_starts_before_its_backoff(kit, run)


def test_RT4_a_stalled_attempt_is_abandoned_and_never_completes_later(kit, run):
    # a stall not abandoned would be answered at the end of its hold (5 x the timeout): wait that long
    after = kit.run(kit.await_server(lambda s: s["inFlight"] == 0, 5 * RETRY_TIMEOUT_US / 1e6 + SETTLE_S))
    attempts = parse_attempts(kit.run(kit.http.attempts_text()))
    stalls = [a for request in attempts.values() for a in request if a.planned == "STALL"]
    assert stalls, "the kit's plan has stalls"
    for stall in stalls:
        assert stall.end == "ABANDONED", \
            f"request {stall.seed}'s attempt {stall.attempt} stalled; the model must give up on it at its timeout: {stall}"
    assert after["inFlight"] == 0, f"nothing in flight once the stalls' hold has passed: {after}"
    assert after["abandoned"] == len(stalls), f"exactly the {len(stalls)} stalled attempts abandoned: {after}"


def test_RT5_a_request_out_of_attempts_reports_its_last_failure(kit, run):
    plan = kit.answer(RETRY_KEY)
    assert {str(i): f.text for i, f in run.result.failures.items()} == plan["failures"], "each failed request's last fault"
    assert run.result.succeeded == plan["requests"] - len(plan["failures"])


def test_RT6_wall_time_is_the_greedy_makespan_of_the_attempts_and_backoffs(kit, run):
    plan = kit.answer(RETRY_KEY)
    Window.around(f"retry(K={plan['requests']}, C={RETRY_C}, L=50 ms, f=0.33, A=3)", plan["greedyMs"] / 1000).check(run.elapsed)


def peak_in_flight(attempts: dict) -> int:
    """The most attempts in flight at once, a stall counted until the model gave up on it (RetryRules.peakInFlight)."""
    changes = defaultdict(int)
    for request in attempts.values():
        for a in request:
            end = float("inf") if a.end_us < 0 else a.end_us
            if a.planned == "STALL":
                end = min(end, a.start_us + RETRY_TIMEOUT_US)
            changes[a.start_us] += 1
            changes[end] -= 1
    now = peak = 0
    for at in sorted(changes):
        now += changes[at]
        peak = max(peak, now)
    return peak
