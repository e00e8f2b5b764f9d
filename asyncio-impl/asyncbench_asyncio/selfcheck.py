"""Checks the ported algorithms against published vectors, hand-traced values and the JVM's own.

Run: ``/usr/bin/python3 -m asyncbench_asyncio.selfcheck`` from ``asyncio-impl`` (pure Python,
no testbed, about a second). ``CHECKS`` holds values from published test vectors, from tracing
the Java source by hand, and a readable sample of the JVM's; ``jvm_values`` compares every line
``--print`` prints (``cross_check_values``: RetryPlan.backoff, Faults.of, Arrivals.poisson,
Dist.latencyMs, Bodies.profile, Summaries.combine, HdrHistogram's percentiles) with
``jvm/values.txt``, the same lines printed by core's own classes (``jvm/Values.java``). To
confirm again after a change in core:
``java -cp CORE_CLASSPATH jvm/Values.java > jvm/values.txt``, then run this.
"""

import sys
from datetime import timedelta
from pathlib import Path

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


def _summary(id: int) -> int:
    from .orders_repository import seeded_orders
    from .summaries import combine
    return combine(id, bodies.profile(id), seeded_orders(id))


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
    # Printed by core's own classes (jvm/Values.java on JDK 25, HdrHistogram 2.2.2; all of them in jvm/values.txt,
    # which jvm_values below compares line by line): a sample, readable here.
    ("jvm backoff", [retry_plan.backoff(ms(10), ms(40), 1000, a) // ms(1) for a in range(1, 11)], [8, 15, 30, 36, 26, 37, 24, 39, 33, 39]),
    ("jvm faults", "".join("-" if (x := Faults(0.3).of(i, a)) is None else x.name[0] for i in range(4) for a in range(1, 11)),
     "--UU--------SU--S--U-----S-DSU--U---D---"),
    ("jvm arrivals", (lambda a: (len(a), a[0], a[-1], checksums.fold_all(a)))(poisson(100, ms(300))),
     (28, 6531527, 292019654, -5904072495460144185)),
    ("jvm lognormal", [Dist.parse("lognormal:p99=10").latency_ms(i, 1000) for i in range(4)], [3253, 1180, 1256, 302]),
    ("jvm uniform", [Dist.parse("uniform:x=30").latency_ms(i, 100) for i in range(4)], [123, 104, 105, 77]),
    ("jvm bimodal", [Dist.parse("bimodal:f=0.5,m=3").latency_ms(i, 100) for i in range(4)], [100, 100, 100, 300]),
    ("jvm profile", digests.sha256_hex(bodies.profile(3)), "4f1ac2396ad3eb96af0649987ac8ecc167d56eb99c97fe56ce3d6e8715f85e54"),
    ("jvm combine", _summary(3), -564679296970031614),
    ("jvm hdr", (lambda h: [h.value_at_percentile(p) for p in (0, 33.333, 99.9, 100)] + [h.max_value()])(
        latencies.Latencies(1000 + i * i % 1_000_000 for i in range(5000))), [1000, 275711, 999935, 1000959, 1000959]),
]


BACKOFFS = ((100, 1000), (10, 40), (7, 7))
IDS = (0, 1, 7, 1000, 123456, 2147483647)
DISTS = ("uniform:x=30", "uniform:x=3", "bimodal:f=0.05,m=20", "bimodal:f=0.5,m=3", "lognormal:p99=10", "lognormal:p99=4",
         "lognormal:p99=1000")
NOMINALS = (1, 7, 100, 1000)
RATES = ((1000, 1000), (100, 300), (50000, 2000), (7, 5000))
PERCENTILES = ("0", "1", "25", "33.333", "50", "90", "99", "99.9", "99.99", "100")


def cross_check_values() -> list[str]:
    """The seeded values, word for word as ``asyncio-impl/jvm/Values.java`` prints them from core's classes."""
    from .orders_repository import seeded_orders
    from .summaries import combine
    lines = []
    for base, cap in BACKOFFS:
        values = [retry_plan.backoff(ms(base), ms(cap), i, a) // ms(1) for i in IDS for a in range(1, 11)]
        lines.append(f"backoff {base} {cap}: " + " ".join(map(str, values)))
    for f in ("0.3", "0.9", "0.05"):
        faults = Faults(float(f))
        marks = ("-" if (x := faults.of(i, a)) is None else x.name[0] for i in range(200) for a in range(1, 11))
        lines.append(f"faults f={f}: " + "".join(marks))
    for rate, duration in RATES:
        at = poisson(rate, ms(duration))
        lines.append(f"arrivals {rate}/s {duration} ms: n={len(at)} first={at[0]} last={at[-1]} fold={checksums.fold_all(at)}")
    for d in DISTS:
        dist = Dist.parse(d)
        for nominal in NOMINALS:
            values = [dist.latency_ms(i, nominal) for i in range(10000)]
            lines.append(f"latencyMs {d} L={nominal}: first {' '.join(map(str, values[:4]))} sum={sum(values)}"
                         f" fold={checksums.fold_all(values)}")
    for i in (0, 1, 3, 999, 1000, 1001, 123456, 2147483647):
        p = bodies.profile(i)
        lines.append(f"profile {i}: {len(p)} {digests.sha256_hex(p)} combine={combine(i, p, seeded_orders(i))}")
    lines.append("profile 3 text: " + bodies.profile(3).decode("utf-8"))
    for n, values in enumerate(_datasets(), 1):
        h = latencies.Latencies(values)
        lines.append(f"hdr set {n} n={h.total_count}: " + " ".join(str(h.value_at_percentile(float(p))) for p in PERCENTILES)
                     + f" max={h.max_value()}")
    return lines


def _datasets() -> list[list[int]]:
    """Values.dataset's four sets: 1..100, a spread to an hour in µs, small values with ties, a quadratic spread."""
    return [[i + 1 for i in range(100)], [i * 2654435761 % 3_600_000_000 for i in range(10000)],
            [i * i * 7919 % 5000 for i in range(1000)], [1000 + i * i % 1_000_000 for i in range(5000)]]


def jvm_values() -> list[tuple[str, str, str]]:
    """``cross_check_values()`` against the JVM's own lines (jvm/values.txt): (name, got, expected) per line."""
    path = Path(__file__).resolve().parent.parent / "jvm" / "values.txt"
    if not path.exists():
        return []
    want = path.read_text().splitlines()
    got = cross_check_values()
    return [(f"jvm/values.txt line {n + 1}", g, w) for n, (g, w) in enumerate(zip(got, want))] + (
        [("jvm/values.txt lines", len(got), len(want))] if len(got) != len(want) else [])


def main() -> int:
    checks = CHECKS + jvm_values()
    failed = [(name, got, want) for name, got, want in checks if got != want]
    for name, got, want in failed:
        print(f"FAIL {name}: got {got!r}, expected {want!r}")
    print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
    if "--print" in sys.argv:
        print("\n".join(cross_check_values()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
