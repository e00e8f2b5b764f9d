"""The timing side of scenario 10 (core's ``spec.RetryPlan``): faults, backoffs, each request's time.

``backoff(i, a)`` is how long a model waits after attempt ``a`` of request ``i`` failed:
``backoff x 2^(a-1)``, at most ``max_backoff``, with equal jitter (half fixed, half drawn from
``JITTER_SALT ^ (i << 8) ^ a``), in whole milliseconds. Integer and IEEE arithmetic only, with
Java's ``Math.round``: bit-exact with the JVM's.
"""

from dataclasses import dataclass
from datetime import timedelta

from . import check
from .faults import MAX_ATTEMPTS, Fault, Faults
from .splitmix import draw, java_round, u64

STALL_FACTOR = 5
_JITTER_SALT = 0xBAC0_FF00_0000_0000


@dataclass(frozen=True)
class RetryPlan:
    latency: timedelta
    faults: Faults
    max_attempts: int
    attempt_timeout: timedelta
    backoff: timedelta
    max_backoff: timedelta

    def __post_init__(self):
        check.instance(self.faults, Faults, "faults")
        check.delay(self.latency, "L (latency)")
        check.in_range(self.max_attempts, "A (max attempts)", 1, MAX_ATTEMPTS)
        check.deadline(self.attempt_timeout, "attempt timeout")
        check.in_range(check.millis(self.attempt_timeout), "attempt timeout in ms", 1, check.millis(check.MAX_DURATION) // STALL_FACTOR)
        if self.attempt_timeout < 2 * self.latency:
            raise ValueError(f"the attempt timeout must be at least 2 x L ({2 * check.millis(self.latency)} ms), so that an attempt"
                             f" that is no stall answers within it; was {check.millis(self.attempt_timeout)} ms")
        check.delay(self.backoff, "backoff")
        check.delay(self.max_backoff, "max backoff")
        if self.max_backoff < self.backoff:
            raise ValueError(f"max backoff must be at least the backoff ({check.millis(self.backoff)} ms), was {check.millis(self.max_backoff)} ms")

    def backoff_after(self, id: int, attempt: int) -> timedelta:
        """How long to wait after attempt ``attempt`` of request ``id`` failed, before the next."""
        return backoff(self.backoff, self.max_backoff, id, attempt)

    def stall_hold(self) -> timedelta:
        """How long the server holds a stalled attempt: ``STALL_FACTOR`` x the attempt's timeout."""
        return self.attempt_timeout * STALL_FACTOR

    def attempts(self, id: int) -> int:
        return self.faults.attempts(id, self.max_attempts)

    def chains_ms(self, requests: int) -> list[int]:
        """Each request's own time in ms (its attempts' waits and the backoffs between): the ideal's input."""
        chains = []
        for i in range(requests):
            attempts, total = self.attempts(i), 0
            for a in range(1, attempts + 1):
                total += check.millis(self.attempt_timeout if self.faults.of(i, a) is Fault.STALL else self.latency)
                if a < attempts:
                    total += check.millis(self.backoff_after(i, a))
            chains.append(total)
        return chains


def backoff(base: timedelta, cap: timedelta, id: int, attempt: int) -> timedelta:
    """``RetryPlan.backoff(backoff, maxBackoff, id, attempt)``."""
    check.in_range(attempt, "attempt", 1, MAX_ATTEMPTS)
    exp = min(check.millis(cap), check.millis(base) << (attempt - 1))
    u = draw(u64(_JITTER_SALT ^ (id << 8) ^ attempt))
    return timedelta(milliseconds=exp // 2 + java_round((exp - exp // 2) * u))
