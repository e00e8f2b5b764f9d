"""Scenario 11's input (core's ``spec.LoadSpec``): open-loop load on the testbed.

Requests arrive at ``rate`` per second for ``duration`` on one arrival clock fixed in advance
(``arrivals()``, the same for every model and run); request i is aggregate's work for id i + 1.
At most C are in service at once; the others wait their turn in arrival order (none is shed).
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from . import arrivals, check
from .io_specs import AggregateSpec, FanOutSpec


@dataclass(frozen=True)
class LoadSpec:
    http: object
    orders: object
    rate: int
    duration: timedelta
    latency: timedelta
    max_in_flight: int
    MAX_RATE = arrivals.MAX_RATE
    MAX_REQUESTS = arrivals.MAX_REQUESTS

    def __post_init__(self):
        check.not_none(self.http, "http")
        check.not_none(self.orders, "orders")
        LoadSpec.check(self.rate, self.duration, self.latency, self.max_in_flight)

    @staticmethod
    def check(rate: int, duration: timedelta, latency: timedelta, max_in_flight: int) -> None:
        """The constructor's checks but the client's and the repository's."""
        check.in_range(rate, "R (arrivals per second)", 1, LoadSpec.MAX_RATE)
        check.deadline(duration, "T (duration)")
        check.in_range(math.ceil(rate * check.nanos(duration) / 1e9), "R x T (requests)", 1, LoadSpec.MAX_REQUESTS)
        check.delay(latency, "L (latency)")
        check.in_range(max_in_flight, "C (max in service)", 1, FanOutSpec.MAX_IN_FLIGHT)

    def arrivals(self) -> list[int]:
        """Request i's intended start, in ns after the operation's start: fixed in advance."""
        return arrivals.poisson(self.rate, self.duration)

    def work(self, requests: int) -> AggregateSpec:
        """The work of every request, as aggregate's spec: ids 1..N, L, C."""
        return AggregateSpec(self.http, self.orders, requests, self.latency, self.max_in_flight)
