"""Checks the ported algorithms against values known without running the JVM; prints the rest.

Run: ``/usr/bin/python3 -m asyncbench_asyncio.selfcheck`` from ``asyncio-impl`` (pure Python,
no testbed, well under a second). Each check's expected value comes from a published test
vector or from tracing the Java source by hand, as its comment says. ``--print`` then prints the
values that still need the JVM's own output to compare with (``CROSS_CHECK`` in the README).
"""

import sys
from datetime import timedelta

from . import bodies, checksums, digests, latencies, retry_plan, splitmix
from .arrivals import poisson
from .dist import Dist, java_number, normal_quantile
from .faults import Faults
from .testbed_client import java_url_encode

ms = lambda n: timedelta(milliseconds=n)  # noqa: E731

def _retry_answer():
    from .retry_plan import RetryPlan
    from .retry_tally import RetryTally
    r = RetryTally.expected(RetryPlan(ms(10), Faults(0.2), 4, ms(100), ms(10), ms(100)), 400, 1024)
    return r.requests, r.succeeded, r.bytes, r.checksum, r.failures


CHECKS = [
    # SplitMix64, seed 1234567: the first two outputs (Rosetta Code's Splitmix64 task); Bodies.bytes'
    # first word is mix(seed + gamma), its tail the next word's low bytes, little-endian.
    ("bodies 8", bodies.bytes_of(1234567, 8), (6457827717110365317).to_bytes(8, "little")),
    ("bodies 12", bodies.bytes_of(1234567, 12)[8:], (3203168211198807973).to_bytes(8, "little")[:4]),
    ("bodies 0", bodies.bytes_of(5, 0), b""),
    # Dist.draw(id) = ((splitmix64 first output for state id) >>> 11) + 0.5) / 2^53
    ("draw", splitmix.draw(1234567), ((6457827717110365317 >> 11) + 0.5) / 2**53),
    # CRC-32C check value of "123456789" (RFC 3720 / the CRC catalogue); SHA-256("abc") (FIPS 180-2)
    ("crc32c", checksums.crc(b"123456789"), 0xE3069283),
    ("crc32c python", checksums._crc32c_python(b"123456789"), 0xE3069283),
    ("sha256", digests.sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    # Checksums.fold by hand: 17*31+1; and a wrap: 31 * 2^62 = 7 * 2^64 + 3 * 2^62 -> 0xC000... = -2^62
    ("fold", checksums.fold(17, 1), 528),
    ("fold wraps", checksums.fold(2**62, 0), -(2**62)),
    ("fold_all", checksums.fold_all([1, 2]), (17 * 31 + 1) * 31 + 2),
    # Math.round: ties to +infinity; the 0.49999999999999994 case Java 7 fixed
    ("round", [splitmix.java_round(x) for x in (2.5, -2.5, 0.49999999999999994, -0.5, 1.4999)], [3, -2, 0, 0, 1]),
    # HdrHistogram (3 digits from 1): below 2048 exact; 2048 -> bucket 1 (2048..2049); 1e6 -> bucket 9:
    # 1000000 >> 9 = 1953, 1953 << 9 = 999936, + 512 - 1 = 1000447
    ("hdr", [latencies.highest_equivalent(v) for v in (0, 2047, 2048, 1_000_000)], [0, 2047, 2049, 1_000_447]),
    ("hdr p99", latencies.Latencies(range(1, 101)).value_at_percentile(99), 99),
    ("hdr p99.9", latencies.Latencies(range(1, 1001)).value_at_percentile(99.9), 999),
    ("hdr p100", latencies.Latencies(range(1, 101)).value_at_percentile(100), 100),
    # Double.toString / Dist.num / URLEncoder, from their javadoc
    ("num", [java_number(v) for v in (20.0, 0.05, 1e-5, 1.5e7, 0.001, 100.5)], ["20", "0.05", "1.0E-5", "15000000", "0.001", "100.5"]),
    ("num sci", java_number(12345678.9), "1.23456789E7"),
    ("urlencode", java_url_encode("bimodal:f=0.05,m=20 a*~"), "bimodal%3Af%3D0.05%2Cm%3D20+a*%7E"),
    ("dist text", Dist.parse("Bimodal: f=0.05, m=20").text(), "bimodal:f=0.05,m=20"),
    ("dist ms", Dist.parse("uniform:x=5ms").text(), "uniform:x=5"),
    ("faults text", (Faults.parse("f=0.3").text(), Faults.parse("none").text()), ("f=0.3", "none")),
    # Acklam's quantile is 0 at 0.5 exactly (q = 0)
    ("quantile", normal_quantile(0.5), 0.0),
    # backoff with no base is 0 whatever the draw; with 100 ms, attempt 1 is 50 + round(50 u), u in (0, 1)
    ("backoff 0", retry_plan.backoff(ms(0), ms(0), 3, 2), ms(0)),
    ("backoff range", all(ms(50) <= retry_plan.backoff(ms(100), ms(1000), i, 1) <= ms(100) for i in range(50)), True),
    ("backoff cap", all(ms(500) <= retry_plan.backoff(ms(100), ms(1000), i, 5) <= ms(1000) for i in range(50)), True),
    ("faults none", Faults(0).of(12, 1), None),
    ("arrivals 1/s 1ms", poisson(1, ms(1)), [0]),
    # A JVM's answer: RetryTally.expected for K=400, B=1024, f=0.2, A=4, as the bench's reference run
    # recorded it (results/2026-12-05T02-54-40/logs/references/RetryBenchmark-...-requests=400.txt):
    # Bodies.bytes, CRC-32C, the fold and Faults.outcome together
    ("jvm retry answer", _retry_answer(), (400, 400, 409600, -5997318307518633634, {})),
    ("arrivals sorted", (lambda a: a == sorted(a) and a[-1] < 10**9)(poisson(1000, ms(1000))), True),
]


def cross_check_values() -> list[str]:
    """Values to compare with the JVM's (jshell against core's classes), one per line."""
    lines = [f"RetryPlan.backoff(100ms, 1000ms, {i}, {a}) = {retry_plan.backoff(ms(100), ms(1000), i, a) // ms(1)}"
             for i in (0, 1, 7, 1000) for a in (1, 2, 3, 5)]
    lines += [f"Faults(0.3).of({i}, {a}) = {Faults(0.3).of(i, a)}" for i in range(6) for a in (1, 2, 3)]
    lines += [f"Arrivals.poisson(1000, 1 s)[:8] = {poisson(1000, ms(1000))[:8]} (n = {len(poisson(1000, ms(1000)))})"]
    lines += [f"Dist.parse({d!r}).latencyMs({i}, 100) = {Dist.parse(d).latency_ms(i, 100)}"
              for d in ("lognormal:p99=10", "uniform:x=30", "bimodal:f=0.05,m=20") for i in (0, 1, 2, 3)]
    lines += [f"Summaries.combine(3, Bodies.profile(3), ordersOf(3)) = {_summary(3)}"]
    return lines


def _summary(id: int) -> int:
    from .orders_repository import seeded_orders
    from .summaries import combine
    return combine(id, bodies.profile(id), seeded_orders(id))


def main() -> int:
    failed = [(name, got, want) for name, got, want in CHECKS if got != want]
    for name, got, want in failed:
        print(f"FAIL {name}: got {got!r}, expected {want!r}")
    print(f"{len(CHECKS) - len(failed)} passed, {len(failed)} failed")
    if "--print" in sys.argv:
        print("\n".join(cross_check_values()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
