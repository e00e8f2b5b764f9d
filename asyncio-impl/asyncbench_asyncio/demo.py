"""The post's two examples in the asyncio row, for ``./suite demo``: what bench's DemoCommand prints for one model.

    cd asyncio-impl && /usr/bin/python3 -m asyncbench_asyncio.demo --unit-ms 1000

``--unit-ms`` is DemoCommand's ``--unit`` (the post's second, scaled) in whole ms, 1 to 60000 (1 ms to 1 min).
Output, on stdout, UTF-8, each line ended by ``\\n`` as the JVM's ``println`` ends it:

    == asyncio: <AsyncioModel.describe()>
    Hello                                      the model's hello (hello.py) logging to an EventLog that echoes
    world                                      each line as it happens (EventLog.printingTo)
    hello took 1.00 s                          Durations.format of the call's wall time
    Starting task A                            the model's gather (gather.py) of GatherSpec.postExample:
    Starting task B                            A 1 unit, B 2 units, C 3 units, all at once
    Starting task C
    Task A completed
    Task B completed
    Task C completed
    gather took 3.00 s, returned [A, B, C]     Durations.format, and the answer as Java's List.toString prints it
    (an empty line)
    gather-ms<TAB>3001.234567                  this process's own last line, for the Java side and not the reader's:
                                               gather's wall time in ms, six decimals (whole ns), for the summary table of
                                               several models ("gather (longest task ..., sum ...):"), which this
                                               process does not print, nor DemoCommand's "not loadable here" lines.

Everything before the ``gather-ms`` line is what DemoCommand prints for one model, line for line. The times are
``perf_counter_ns`` around each awaited call, as DemoCommand's ``System.nanoTime`` around each blocking one. Exit 0;
a bad ``--unit-ms`` is argparse's usage error (exit 2); a failure of the model is its traceback (exit 1).
"""

import argparse
import asyncio
import sys
import time
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from .event_log import EventLog
from .model import AsyncioModel
from .specs import GatherSpec

MAX_UNIT_MS = 60_000          # DemoCommand: --unit between 1 ms and 1 min


def format_duration(nanos: int) -> str:
    """bench's ``Durations.format(Duration.ofNanos(nanos))``: ``1.00 s`` from a second up (``%.2f``, which rounds the
    double's decimal digits half up), else ``250 ms`` (``toMillis``, rounded down)."""
    seconds, nano = divmod(nanos, 1_000_000_000)
    if seconds >= 1:
        value = seconds + nano / 1e9                   # the same double Java computes
        return f"{Decimal(repr(value)).quantize(Decimal('0.01'), ROUND_HALF_UP)} s"
    return f"{nanos // 1_000_000} ms"


def java_list(items) -> str:
    """``List.toString``: ``[A, B, C]``."""
    return "[" + ", ".join(str(i) for i in items) + "]"


async def demo(unit: timedelta, out) -> int:
    """Prints DemoCommand's lines for the asyncio model; returns gather's wall time in ns."""
    model = AsyncioModel()
    try:
        print(f"== {model.name}: {model.describe()}", file=out, flush=True)
        hello_log = EventLog.printing_to(out)
        start = time.perf_counter_ns()
        await model.hello(unit, hello_log)
        print(f"hello took {format_duration(time.perf_counter_ns() - start)}", file=out, flush=True)

        gather_log = EventLog.printing_to(out)
        start = time.perf_counter_ns()
        result = await model.gather(GatherSpec.post_example(unit), gather_log)
        took = time.perf_counter_ns() - start
        print(f"gather took {format_duration(took)}, returned {java_list(result)}", file=out)
        print(file=out, flush=True)
        return took
    finally:
        await model.close()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m asyncbench_asyncio.demo", description="The post's two examples (hello, gather) in the asyncio model, "
                                            "printed as './suite demo' prints them for one model.")
    p.add_argument("--unit-ms", type=int, default=1000,
                   help="the post's second, scaled: hello waits 1 unit, gather's tasks 1, 2 and 3 units (default: 1000)")
    args = p.parse_args(argv)
    if not 1 <= args.unit_ms <= MAX_UNIT_MS:
        p.error(f"--unit-ms must be between 1 and {MAX_UNIT_MS} (1 ms to 1 min), was {args.unit_ms}")
    out = sys.stdout
    took = asyncio.run(demo(timedelta(milliseconds=args.unit_ms), out))
    print(f"gather-ms\t{took // 1_000_000}.{took % 1_000_000:06d}", file=out, flush=True)   # exact to the ns
    return 0


if __name__ == "__main__":
    sys.exit(main())
