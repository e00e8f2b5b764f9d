"""Scenario 10's input (core's ``spec.RetrySpec``): the requests, the testbed, and the plan.

K ``/flaky`` requests (request i with seed i), at most C in flight, some attempts failing by the
plan ``faults``; each request is retried up to ``max_attempts`` attempts in all, every attempt
bounded by ``attempt_timeout``, with ``backoff(i, a)`` between attempts. The timing side, with no
testbed, is ``plan()`` (``retry_plan.RetryPlan``).
"""

from dataclasses import dataclass
from datetime import timedelta

from . import check
from .faults import MAX_ATTEMPTS, NONE, Faults
from .retry_plan import STALL_FACTOR, RetryPlan, backoff
from .io_specs import FanOutSpec


@dataclass(frozen=True)
class RetrySpec:
    http: object
    requests: int
    latency: timedelta
    body_bytes: int
    max_in_flight: int
    faults: Faults
    max_attempts: int
    attempt_timeout: timedelta
    backoff: timedelta
    max_backoff: timedelta

    def __post_init__(self):
        check.not_none(self.http, "http")
        check.instance(self.faults, Faults, "faults")
        RetrySpec.check(self.requests, self.latency, self.body_bytes, self.max_in_flight, self.max_attempts,
                        self.attempt_timeout, self.backoff, self.max_backoff)

    @staticmethod
    def check(requests, latency, body_bytes, max_in_flight, max_attempts, attempt_timeout, backoff, max_backoff) -> None:
        """The constructor's checks but the client's, for a size read before any testbed is up."""
        FanOutSpec.check(requests, latency, body_bytes, max_in_flight)
        check.in_range(max_attempts, "A (max attempts)", 1, MAX_ATTEMPTS)
        RetryPlan(latency, NONE, max_attempts, attempt_timeout, backoff, max_backoff)

    def plan(self) -> RetryPlan:
        return RetryPlan(self.latency, self.faults, self.max_attempts, self.attempt_timeout, self.backoff, self.max_backoff)

    def backoff_after(self, id: int, attempt: int) -> timedelta:
        """``RetrySpec.backoff(id, attempt)``: how long to wait after attempt ``attempt`` of request ``id`` failed."""
        return backoff(self.backoff, self.max_backoff, id, attempt)

    def stall_hold(self) -> timedelta:
        """How long the server holds a stalled attempt (sent with every attempt as ``stallMs``)."""
        return self.attempt_timeout * STALL_FACTOR

    def attempts(self, id: int) -> int:
        return self.plan().attempts(id)

    def chains_ms(self) -> list[int]:
        return self.plan().chains_ms(self.requests)
