"""Two of issue #15's budgets, through the model itself, one fresh process each (run under
``/usr/bin/time -v`` for the peak RSS):

    /usr/bin/python3 budgets.py mass 1000000 1000               # gather_many: N tasks waiting L ms
    /usr/bin/python3 budgets.py fan-out 1000 100 10 --http URL   # http_fan_out: K requests, C in flight, L ms

Prints the operation's wall time (from the call to its answer, the event loop's start excluded;
for the fan-out the first, cold run and the median of five warm ones)
and checks the answer: N(N-1)/2 for the mass gather, K responses for the fan-out.
"""

import argparse
import asyncio
import sys
import time
from datetime import timedelta

from asyncbench_asyncio import AsyncioModel, FanOutSpec, MassGatherSpec, TestbedClient


async def mass(n: int, delay_ms: int) -> None:
    spec = MassGatherSpec(n, timedelta(milliseconds=delay_ms))
    started = time.perf_counter()
    total = await AsyncioModel().gather_many(spec)
    elapsed = time.perf_counter() - started
    assert total == spec.expected_sum(), total
    print(f"mass gather N={n} L={delay_ms} ms: {elapsed:.2f} s, sum {total}")


async def fan_out(requests: int, in_flight: int, latency_ms: int, server: str, runs: int = 6) -> None:
    """The first run opens the C connections; the next ones reuse them, as the bench's warm iterations do."""
    http = await TestbedClient.open(server)
    try:
        model = AsyncioModel()
        spec = FanOutSpec(http, requests, timedelta(milliseconds=latency_ms), 1024, in_flight)
        times = []
        for _ in range(runs):
            await http.reset_stats()
            started = time.perf_counter()
            result = await model.http_fan_out(spec)
            times.append(time.perf_counter() - started)
            assert result.responses == requests, result
            peak = (await http.stats())["peakInFlight"]
        warm = sorted(times[1:])
        print(f"http-fan-out K={requests} C={in_flight} L={latency_ms} ms: first (cold) {times[0] * 1000:.0f} ms, warm median"
              f" {warm[len(warm) // 2] * 1000:.0f} ms (min {warm[0] * 1000:.0f}, max {warm[-1] * 1000:.0f}) over {len(warm)} runs;"
              f" ideal {-(-requests // in_flight) * latency_ms} ms; server peak in flight {peak}")
    finally:
        await http.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("what", choices=("mass", "fan-out"))
    p.add_argument("sizes", type=int, nargs="+")
    p.add_argument("--http")
    args = p.parse_args()
    if args.what == "mass":
        asyncio.run(mass(*args.sizes))
    else:
        if not args.http:
            p.error("fan-out needs --http")
        asyncio.run(fan_out(*args.sizes, args.http))
    return 0


if __name__ == "__main__":
    sys.exit(main())
