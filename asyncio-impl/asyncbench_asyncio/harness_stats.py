"""The harness's figures and report lines (harness.py's docstring has the format)."""

import asyncio
import math
import resource
import statistics
import sys
import time
from pathlib import Path

from . import harness_specs

MEMORY_PROBE_MIN_TASKS, MAX_STARTING_MS = 1000, 20_000     # MassGatherBenchmark's, MemoryProbe's


class Report:
    def __init__(self, path: str | None):
        self.path = path

    def line(self, *fields) -> None:
        text = "\t".join(" ".join(str(f).split()) for f in fields)   # ForkReport.oneLine, tabs as blanks
        if self.path is None:
            print("asyncbench: " + text, file=sys.stderr)
            return
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(text + "\n")

    def value(self, label: str, number: float) -> None:
        self.line("value", label, f"{number:.6f}")


def status_kb(field: str) -> int:
    """A ``/proc/self/status`` figure in kB (ProcessStats.statusKb); 0 when unknown."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ms() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return (r.ru_utime + r.ru_stime) * 1000


def error_999(times: list[float]) -> float:
    """JMH's score error for N single shots: the half-width of the 99.9% confidence interval of the mean,
    Student's t at 0.9995, N - 1 degrees of freedom, times stdev / sqrt(N); NaN for one shot (JMH's too)."""
    n = len(times)
    if n < 2:
        return math.nan
    return student_t_9995(n - 1) * statistics.stdev(times) / math.sqrt(n)


def student_t_9995(df: int) -> float:
    """Student's t quantile 0.9995 (commons-math's inverse CDF, as JMH uses), by bisection on the regularized beta."""
    def cdf(t):                      # P(T <= t) for t >= 0 via the incomplete beta's continued fraction
        x = df / (df + t * t)
        return 1 - 0.5 * betainc(df / 2, 0.5, x)
    lo, hi = 0.0, 1000.0
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(mid) < 0.9995 else (lo, mid)
    return (lo + hi) / 2


def betainc(a: float, b: float, x: float) -> float:
    """Regularized incomplete beta I_x(a, b) (Numerical Recipes' continued fraction)."""
    if x <= 0 or x >= 1:
        return 0.0 if x <= 0 else 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x > (a + 1) / (a + b + 2):
        return 1 - betainc(b, a, 1 - x)
    f, c, d = 1.0, 1.0, 0.0
    for i in range(400):
        m = i // 2
        num = 1.0 if i == 0 else (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)) if i % 2 == 0
                                  else -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)))
        d = 1 + num * d
        d = 1 / (d if abs(d) > 1e-300 else 1e-300)
        c = 1 + num / c if abs(1 + num / c) > 1e-300 else 1e-300
        f *= c * d
        if abs(1 - c * d) < 1e-15:
            break
    return front * (f - 1) / a


async def memory_per_task(model, n: int, delay_ms: int, checked_ms: float, rss_start_kb: int, report: Report) -> None:
    """MemoryProbe.probeOnce's RSS half: N tasks waiting a longer delay, VmRSS read at 60% of it, minus the
    RSS before the process first ran them (rss_start_kb), divided by N; one probe (no JIT to settle)."""
    starting = max(0, checked_ms - delay_ms)
    if starting > MAX_STARTING_MS:
        report.line("note", f"memory per task not measured: starting the tasks took about {starting:.0f} ms, "
                            f"over the probe's limit of {MAX_STARTING_MS} ms")
        return
    probe_ms = max(2 * delay_ms, 1000, 3 * int(starting))               # MemoryProbe.probeDelayMs
    spec = harness_specs.MassGatherSpec(n, harness_specs.ms(probe_ms))
    started = time.perf_counter()
    run = asyncio.ensure_future(model.gather_many(spec))
    await asyncio.sleep(probe_ms * 0.6 / 1000)
    sampled_ms, rss_kb = (time.perf_counter() - started) * 1000, status_kb("VmRSS")
    total = await run
    wall_ms = (time.perf_counter() - started) * 1000
    if total != spec.expected_sum():
        raise AssertionError(f"the memory probe's gather returned {total}, not {spec.expected_sum()}")
    if rss_kb and rss_start_kb:
        report.value("asyncbench.rss.per.task.bytes", (rss_kb - rss_start_kb) * 1024 / n)
    if wall_ms - probe_ms > sampled_ms:
        report.line("note", f"memory per task is an underestimate: tasks were still starting when sampled at {sampled_ms:.0f} ms")
