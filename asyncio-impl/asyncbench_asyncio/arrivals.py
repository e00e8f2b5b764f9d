"""Scenario 11's arrival clock (core's ``spec.Arrivals``): when each request is meant to start.

A Poisson process of ``rate`` per second over ``duration``: exponential gaps with mean 1 / rate,
gap n drawn as a ``Dist`` draw from ``SALT ^ n``; the offsets in ns from the start, ascending, all
below the duration, at least one (at 0) if none falls inside. The gap is ``-log(u) / rate * 1e9``:
``log`` is the C library's here and a HotSpot intrinsic on the JVM, which may differ in the last
bit; since the offsets are running sums, cross-check them against the JVM's.
"""

import math
from datetime import timedelta

from . import check
from .splitmix import draw, u64

MAX_RATE = 100_000
MAX_REQUESTS = 1_000_000
_SALT = 0xA221_7A15_0000_0000


def poisson(rate: int, duration: timedelta) -> list[int]:
    check.in_range(rate, "rate", 1, MAX_RATE)
    end = check.nanos(duration)
    size = max(16, min(MAX_REQUESTS, 2 * rate * end // 1_000_000_000 + 16))
    at: list[int] = []
    t = 0.0
    while len(at) < size:
        t += -math.log(draw(u64(_SALT ^ len(at)))) / rate * 1e9
        if t >= end:
            break
        at.append(int(t))
    return at or [0]
