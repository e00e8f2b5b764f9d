"""The asyncio row's bench process, in place of a JMH fork: one scenario at one size, checked, then timed.

    cd asyncio-impl && /usr/bin/python3 -m asyncbench_asyncio.harness --scenario http-fan-out \\
        --size "K=500 L=10ms B=4KiB C=100" --server http://127.0.0.1:PORT --db jdbc:postgresql://H:P/postgres \\
        --db-user U --db-password P --warmups 2 --measurements 8 --report FILE --reference REFS/KEY.txt

Options mirror ForkProtocol's properties (asyncbench.server, .db, .db.user, .db.password, .size, .warmups,
.measurements, .report, .gcBetweenIterations); ``--reference`` is the file the JVM's ScenarioState.expectReference
wrote, ``logs/references/<referenceKey>.txt`` (``--print-key`` prints the key): ``String.valueOf`` of the
sequential model's answer, no newline. Hello, gather, fail-fast, gather-mass, retry, files, a late timeout and
race check against their local oracle as the JVM benchmarks do, and ignore it; the others need it (else ``failed``, exit 2).

REPORT FILE: ForkProtocol's own lines, UTF-8, one per line, fields tab-separated (ForkOutcome.read parses them):
    failed<TAB>reason                   the operation or the set-up failed; nothing measured (exit 2)
    incorrect<TAB>expected<TAB>actual   the checked run's answer differs from the reference (exit 1)
    note<TAB>text                       a caveat on a figure
    value<TAB>label<TAB>number          a figure, ``%.6f``; labels are ForkProtocol.Measure's:
      asyncbench.time.ms            one line per measured operation, in order (a JMH fork's iterations)
      asyncbench.cold.ms            the checked first operation (cold_ms)
      asyncbench.cpu.ms             CPU (user + system, getrusage(RUSAGE_SELF)) per measured operation, its forced collection not counted
      asyncbench.rss.peak.mb        VmHWM after resetting it at the first measured operation (MiB)
      asyncbench.latency.p50.ms / .p99.ms / .max.ms   per-task latencies of every measured operation in one set
      asyncbench.service.p99.ms     (load) service time's p99 over every measured run
      asyncbench.server.peak        the testbed's peakInFlight, reset before each measured operation: max over them
      asyncbench.quiet.ms           (race, timeout) one line per measured operation, in order: its time to quiescence,
                                    from its start until the testbed had nothing in flight (what it cancelled had
                                    stopped), or until it returned if later (ScenarioState.awaitQuiet; none for an
                                    operation after which the server stayed busy for 10 s); the JVM's figure, quiet_ms,
                                    is their mean (ForkProbe reports one per measured iteration, JMH averages them)
      asyncbench.rss.per.task.bytes (gather-mass, N >= 1000) MemoryProbe's RSS reading per waiting task
    and two lines the JVM computes itself from JMH's iterations, given for convenience:
      asyncbench.harness.mean.ms / asyncbench.harness.error.ms   mean of the measured times, its 99.9% half-width
      asyncbench.harness.quiet.mean.ms                            (race, timeout) mean of the quiet.ms lines
Exit 0 when measured. Not reported: heap per task (no heap to speak of), threads, pinning.

Race and timeout run each warm-up and measured operation as their benchmarks' iterations do: the server's counters
reset (ForkProbe.beforeIteration), then ForkTestbed.quietAndWarm (wait up to 5 s, polling every 5 ms, until the
server has nothing in flight; then R connections for race, 1 for timeout, warmed by as many 64 B requests held 5 ms
at once through the model's own client, whose pool keeps them), the operation, and ScenarioState.awaitQuiet (poll
the server's stats every ms, up to 10 s, until nothing is in flight), whose figure only a measured operation reports.
The checked first operation (and its re-runs) comes before any of that, as in the benchmarks' trial set-up.
"""

import argparse
import asyncio
import gc
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import completions, harness_specs
from .harness_stats import MEMORY_PROBE_MIN_TASKS, Report, cpu_ms, error_999, memory_per_task, status_kb
from .latencies import Latencies
from .model import AsyncioModel
from .orders_repository import OrdersRepository
from .testbed_client import TestbedClient

RECHECKS = {"retry": 1, "race": 2, "timeout": 2}   # RetryBenchmark, RaceBenchmark, TimeoutBenchmark: a cold miss may be re-run
WARMS_UP = ("http-fan-out", "aggregate")          # the benchmarks with warmUpWith (the operation at L=0, no dist)
# the benchmarks whose iterations start with ForkTestbed.quietAndWarm(connections) and end with awaitQuiet
QUIET_AND_WARM = {"race": lambda size: size["R"], "timeout": lambda size: 1}
WARM_BYTES, WARM_HOLD_MS = 64, 5                   # quietAndWarm's requests: 64 B, held 5 ms


async def quiet_and_warm(http: TestbedClient, connections: int) -> None:
    """ForkTestbed.quietAndWarm: waits, up to 5 s, until the server has nothing in flight (what the previous
    operation cancelled has stopped), then leaves ``connections`` idle keep-alive connections in the client's pool,
    by as many requests at once, each held 5 ms so that none can reuse another's connection. The JVM warms each of
    its shared client's two pools (sendAsync's and send's); the asyncio row has one client, the model's own."""
    deadline = time.perf_counter_ns() + 5_000_000_000
    while (await http.stats())["inFlight"] > 0 and time.perf_counter_ns() < deadline:
        await asyncio.sleep(0.005)
    await asyncio.gather(*(http.send(http.bytes(seed, WARM_BYTES, harness_specs.ms(WARM_HOLD_MS)))
                           for seed in range(connections)))


async def await_quiet(http: TestbedClient, operation_start_ns: int, operation_end_ns: int) -> float | None:
    """ScenarioState.awaitQuiet: polls the server's stats every ms until nothing is in flight, and gives the time to
    quiescence in ms: from the operation's start until what it cancelled had stopped at the server (the answer's
    arrival less the server's ``quietMicros``), or until it returned if that was later. None after 10 s of a busy
    server. The times are ``perf_counter_ns`` (CLOCK_MONOTONIC), the operation's own marks."""
    deadline = time.perf_counter_ns() + 10_000_000_000
    while True:
        stats = await http.stats()
        received = time.perf_counter_ns()
        if stats["inFlight"] == 0:
            quiet_at = max(received - stats["quietMicros"] * 1000, operation_end_ns)
            return (quiet_at - operation_start_ns) / 1e6
        if received - deadline > 0:
            return None
        await asyncio.sleep(0.001)


async def main_async(args, size, dist, report) -> int:
    rss_start_kb = status_kb("VmRSS")                 # ScenarioState.rssAtStartKb: before the model first runs
    http = await TestbedClient.open(args.server) if args.server else None
    orders = None
    if args.scenario in ("db", "aggregate", "load"):
        if not args.db:
            raise ValueError(f"{args.scenario} needs --db")
        jdbc = args.db if args.db.startswith("jdbc:") else "jdbc:" + args.db
        orders = await OrdersRepository.open(jdbc, args.db_user, args.db_password, size["P"], "PostgreSQL")
    model = AsyncioModel()
    scratch = Path(tempfile.mkdtemp(prefix="asyncbench-harness-"))     # files' input tree and outputs; removed at the end
    out_dir = scratch / "out"
    out_dir.mkdir()
    try:
        sc = harness_specs.build(args.scenario, size, dist, http, orders, args.files_dir, out_dir)
        expected = sc.expected
        if callable(expected):
            expected = await expected()
        if args.reference and expected is None:       # as the JVM: only the scenarios with no local oracle read it
            # (fail-fast shares collect-all's key, FailFastBenchmark-..., and checks its own failure instead)
            with open(args.reference, encoding="utf-8", newline="") as f:    # as written: no newline translation
                expected = f.read()
        if expected is None:
            raise ValueError(f"{args.scenario} needs --reference (the sequential reference's "
                             f"{harness_specs.reference_key(args.scenario, size, dist)}.txt)")
        # the checked first operation: its wall time is cold_ms (ScenarioState.first); nothing is measured before it
        started = time.perf_counter_ns()
        actual = sc.answer_text(await sc.call(model))
        cold_ms = (time.perf_counter_ns() - started) / 1e6
        for _ in range(RECHECKS.get(args.scenario, 0)):
            if actual == expected:
                break
            actual = sc.answer_text(await sc.call(model))
        if actual != expected:
            report.line("incorrect", expected, actual)
            return 1
        report.value("asyncbench.cold.ms", cold_ms)
        if args.warm_up_ms > 0 and args.scenario in WARMS_UP:    # ScenarioState.warmUpWith (asyncbench.warmUpMs)
            zero = harness_specs.build(args.scenario, {**size, "L": 0}, None, http, orders, None, out_dir)
            end = time.perf_counter() + args.warm_up_ms / 1000
            while time.perf_counter() < end:
                await zero.call(model)
        warm = QUIET_AND_WARM.get(args.scenario)
        if warm is not None and http is None:
            raise ValueError(f"{args.scenario} needs --server")
        for i in range(args.warmups):                 # JMH's warm-up iterations, one operation each
            if args.gc_between:
                gc.collect()
            if warm is not None:                       # the iteration's set-up and tear-down run for warm-ups too
                await quiet_and_warm(http, warm(size))
                start = time.perf_counter_ns()
                await sc.call(model)
                await await_quiet(http, start, time.perf_counter_ns())
            else:
                await sc.call(model)
        times, latencies, service, server_peak, quiets = [], [], [], -1, []
        try:
            Path("/proc/self/clear_refs").write_text("5")   # ProcessStats.resetPeakRss: VmHWM from here
        except OSError:
            pass
        cpu_total = 0.0
        for i in range(args.measurements):
            if args.gc_between and i + args.warmups > 0:
                gc.collect()                           # untimed, before each run but the first
            cpu_before = cpu_ms()                      # ForkProbe.beforeIteration reads CPU after its collection
            if http is not None:
                await http.reset_stats()               # ForkProbe.beforeIteration, before the iteration's set-up
            if warm is not None:
                await quiet_and_warm(http, warm(size))  # @Setup(Level.Iteration)
            marks = []
            if sc.kind is not None:
                completions.record(lambda k, at, kind=sc.kind: marks.append(at) if k == kind and len(marks) < sc.capacity else None)
            start_mono = time.monotonic_ns()
            start = time.perf_counter_ns()
            answer = await sc.call(model)
            end = time.perf_counter_ns()
            times.append((end - start) / 1e6)
            completions.stop()
            if warm is not None:                       # @TearDown(Level.Iteration), before the probe reads the peak
                quiet = await await_quiet(http, start, end)
                if quiet is not None:
                    quiets.append(quiet)
            latencies += [max(0, (at - start_mono) // 1000) for at in marks]
            if sc.logs:                               # the log's times are from its creation, at the call's start
                latencies += [e.at_ns // 1000 for e in sc.logs[-1].events() if e.line.endswith(" completed")]
            if args.scenario == "load":               # LoadBenchmark: the model's own, from each intended start
                latencies += answer.latency.values()
                service += answer.service.values()
            cpu_total += cpu_ms() - cpu_before
            if http is not None:
                server_peak = max(server_peak, (await http.stats())["peakInFlight"])
        cpu = cpu_total / max(1, args.measurements)
        hwm_kb = status_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for t in times:
            report.value("asyncbench.time.ms", t)
        report.value("asyncbench.harness.mean.ms", sum(times) / len(times) if times else float("nan"))
        report.value("asyncbench.harness.error.ms", error_999(times))
        for q in quiets:
            report.value("asyncbench.quiet.ms", q)
        if quiets:
            report.value("asyncbench.harness.quiet.mean.ms", sum(quiets) / len(quiets))
        report.value("asyncbench.cpu.ms", cpu)
        report.value("asyncbench.rss.peak.mb", hwm_kb / 1024)
        if latencies:
            h = Latencies(latencies)
            for label, pct in (("p50", 50.0), ("p99", 99.0)):
                report.value(f"asyncbench.latency.{label}.ms", h.value_at_percentile(pct) / 1000)
            report.value("asyncbench.latency.max.ms", h.max_value() / 1000)
        if service:
            report.value("asyncbench.service.p99.ms", Latencies(service).value_at_percentile(99.0) / 1000)
        if server_peak >= 0:
            report.value("asyncbench.server.peak", server_peak)
        if args.scenario == "gather-mass" and size["N"] >= MEMORY_PROBE_MIN_TASKS:
            await memory_per_task(model, size["N"], size["L"], cold_ms, rss_start_kb, report)
        return 0
    finally:
        completions.stop()
        await model.close()
        if http is not None:
            await http.close()
        if orders is not None:
            await orders.close()
        shutil.rmtree(scratch, ignore_errors=True)

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scenario", choices=sorted(harness_specs.BINDINGS))
    p.add_argument("--size", default="")
    p.add_argument("--server")
    p.add_argument("--db", help="a JDBC URL (jdbc:postgresql://...) or a postgresql:// DSN")
    p.add_argument("--db-user")
    p.add_argument("--db-password")
    p.add_argument("--warmups", type=int, default=2)
    p.add_argument("--measurements", type=int, default=8)
    p.add_argument("--report")
    p.add_argument("--reference")
    p.add_argument("--files-dir", type=Path)
    p.add_argument("--gc-between", action="store_true")
    p.add_argument("--warm-up-ms", type=int, default=0, help="asyncbench.warmUpMs: fan-out and aggregate at L=0 first")
    p.add_argument("--describe", action="store_true")
    p.add_argument("--print-key", action="store_true", help="print the reference file's name for this size and exit")
    args = p.parse_args(argv)
    if args.describe:
        print(AsyncioModel().describe())
        return 0
    if not args.scenario:
        p.error("--scenario is required")
    size, dist = harness_specs.parse_size(args.size)
    if args.print_key:
        print(harness_specs.reference_key(args.scenario, size, dist) + ".txt")
        return 0
    report = Report(args.report)
    try:
        return asyncio.run(main_async(args, size, dist, report))
    except BaseException as e:  # noqa: BLE001  (anything uncaught is the fork's failure, as ForkReport.failure)
        report.line("failed", f"{type(e).__name__}: {e}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
