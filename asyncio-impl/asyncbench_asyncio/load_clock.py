"""Scenario 11's arrival clock and its records (core's ``io.LoadClock``).

``start`` computes the arrivals, then fixes the clock's zero; request i is meant to start
``arrivals()[i]`` ns after it. A model waits, in its own idiom, ``nanos_until(i)`` before taking
request i in, then marks ``arrived`` (at once: the arrival must not wait for a slot), ``started``
(it has its slot) and ``completed``. Latency counts from the intended start, so a model that falls
behind shows it (no coordinated omission). ``time.monotonic_ns`` is the clock the event loop's
timers use, as ``System.nanoTime`` is the JVM's.
"""

import time

from .results import LoadResult


class LoadClock:
    def __init__(self, offsets: list[int]):
        n = len(offsets)
        self._intended = offsets
        self._arrived = [0] * n
        self._started = [0] * n
        self._completed = [-1] * n
        self._summaries = [0] * n
        self._zero = time.monotonic_ns()

    @classmethod
    def start(cls, spec) -> "LoadClock":
        """The clock of one operation, its zero now (after its arrivals are drawn)."""
        return cls(spec.arrivals())

    @property
    def requests(self) -> int:
        return len(self._intended)

    def nanos_until(self, i: int) -> int:
        """Nanoseconds from now until request ``i`` is meant to start; zero or less when it is due."""
        return self._zero + self._intended[i] - time.monotonic_ns()

    def arrived(self, i: int) -> None:
        self._arrived[i] = time.monotonic_ns() - self._zero

    def started(self, i: int) -> None:
        self._started[i] = time.monotonic_ns() - self._zero

    def completed(self, i: int, summary: int) -> None:
        self._summaries[i] = summary
        self._completed[i] = time.monotonic_ns() - self._zero

    def result(self) -> LoadResult:
        return LoadResult.of(self._intended, self._arrived, self._started, self._completed, self._summaries)
