"""Recorded times and their percentiles, as the JVM's HdrHistogram reports them.

HdrHistogram is not in Debian's Python, so the times stay in a plain list of µs and the two
queries the suite makes are computed from it the way ``AbstractHistogram`` 2.2 computes them
for a histogram of 3 significant digits from 1 µs (``new Histogram(3_600_000_000L, 3)``):

- ``value_at_percentile(p)``: the nearest rank, ``ceil(nextAfter(p, -inf) * n / 100)`` (at
  least 1), reported as the highest value equivalent to it;
- ``max_value()``: the largest, reported the same way.

"Equivalent" is HdrHistogram's bucketing: 2048 sub-buckets, so a value below 2048 µs is exact
and a larger one is rounded up to the top of its bucket, within 1/1024 of it (1,000,000 µs is
reported as 1,000,447). Reporting so keeps the Python row's figures comparable to the JVM rows'
to the last digit; ``exact_at_percentile`` gives the unrounded value.
"""

import math


def highest_equivalent(value: int) -> int:
    """HdrHistogram's ``highestEquivalentValue`` for unit 1 and 3 digits: the top of ``value``'s bucket."""
    bucket = (value | 2047).bit_length() - 11
    return ((value >> bucket) << bucket) + (1 << bucket) - 1


def lowest_equivalent(value: int) -> int:
    bucket = (value | 2047).bit_length() - 11
    return (value >> bucket) << bucket


class Latencies:
    """Times in µs (each at least 0), queried as an HdrHistogram would be."""

    def __init__(self, micros=()):
        self._values = sorted(micros)

    @property
    def total_count(self) -> int:
        return len(self._values)

    def _rank(self, percentile: float) -> int:
        requested = min(max(math.nextafter(percentile, -math.inf), 0.0), 100.0)
        return max(1, math.ceil(requested * len(self._values) / 100.0))

    def exact_at_percentile(self, percentile: float) -> int:
        return self._values[self._rank(percentile) - 1] if self._values else 0

    def value_at_percentile(self, percentile: float) -> int:
        if not self._values:
            return 0
        value = self.exact_at_percentile(percentile)
        return lowest_equivalent(value) if percentile == 0.0 else highest_equivalent(value)

    def max_value(self) -> int:
        return highest_equivalent(self._values[-1]) if self._values and self._values[-1] else 0

    def values(self) -> list[int]:
        return list(self._values)
