"""The harness's scenario table: a size in SPEC.md's letters to the spec the JVM's benchmark class
builds (bench/.../jmh/*Benchmark.java, same derived inputs and constants), the reference's file
name (ScenarioState.referenceKey), the model's call, and its answer's text as Java's
``String.valueOf`` would print the JVM's answer (what the bench's reference files hold).
"""

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Callable

from . import completions, file_trees
from .dist import Dist
from .event_log import EventLog
from .faults import Faults
from .io_specs import AggregateSpec, DbSpec, FanOutSpec, FilesSpec
from .load_spec import LoadSpec
from .retry_spec import RetrySpec
from .retry_tally import RetryTally
from .specs import GatherSpec, MassGatherSpec, RaceSpec, Replica, Task, TimeoutSpec

RETRY_BODY, RETRY_BACKOFF_MS, RETRY_MAX_BACKOFF_MS = 1024, 10, 160   # BenchScenario's


def ms(n: int) -> timedelta:
    return timedelta(milliseconds=n)


def parse_size(text: str) -> tuple[dict[str, int], str | None]:
    """``K=500 L=10ms B=4KiB C=100 dist=lognormal:p99=10`` to ({K: 500, L: 10, B: 4096, C: 100}, dist)."""
    letters, dist = {}, None
    units = {"": 1, "ms": 1, "s": 1000, "KiB": 1024, "MiB": 1 << 20, "k": 1000, "M": 1_000_000}   # Size.parse's suffixes
    for word in text.split():
        key, _, value = word.partition("=")
        if key == "dist":
            dist = Dist.parse(value).text()          # Size.parse normalises it the same way
            continue
        m = re.fullmatch(r"(\d+)([A-Za-z]*)", value.replace("_", "").replace(",", ""))
        if not m or len(key) != 1 or m.group(2) not in units:
            raise ValueError(f"size word '{word}' is not LETTER=NUMBER[ms|s|KiB|MiB]")
        letters[key] = int(m.group(1)) * units[m.group(2)]
    return letters, dist


# Benchmarks.Binding: each scenario's benchmark class and @Param name per letter
BINDINGS = {
    "hello": ("HelloBenchmark", {"L": "pauseMs"}), "gather": ("GatherBenchmark", {"N": "tasks", "U": "unitMs"}),
    "gather-mass": ("MassGatherBenchmark", {"N": "tasks", "L": "delayMs"}),
    "http-fan-out": ("HttpFanOutBenchmark", {"K": "requests", "L": "latencyMs", "B": "bodyBytes", "C": "maxInFlight"}),
    "files": ("FilesBenchmark", {"F": "files", "S": "fileBytes", "C": "maxConcurrency"}),
    "db": ("DbBenchmark", {"Q": "queries", "L": "latencyMs", "P": "poolSize"}),
    "aggregate": ("AggregateBenchmark", {"N": "ids", "L": "latencyMs", "C": "maxInFlight", "P": "poolSize"}),
    "timeout": ("TimeoutBenchmark", {"L": "latencyMs", "D": "deadlineMs"}),
    "fail-fast": ("FailFastBenchmark", {"N": "tasks", "U": "unitMs"}), "collect-all": ("FailFastBenchmark", {"N": "tasks", "U": "unitMs"}),
    "race": ("RaceBenchmark", {"R": "replicas", "W": "winnerMs"}),
    "retry": ("RetryBenchmark", {"K": "requests", "L": "latencyMs", "C": "maxInFlight", "F": "faultPercent", "A": "maxAttempts",
                                 "T": "attemptTimeoutMs"}),
    "load": ("LoadBenchmark", {"R": "rate", "T": "durationMs", "L": "latencyMs", "C": "maxInFlight", "P": "poolSize"}),
}


def reference_key(scenario: str, size: dict[str, int], dist: str | None) -> str:
    """ScenarioState's referenceKey: class, then every @Param but model in JMH's (sorted) order."""
    cls, params = BINDINGS[scenario]
    values = {params[k]: str(v) for k, v in size.items() if k in params}
    if dist is not None:
        values["dist"] = dist
    key = cls + "".join(f"-{p}={values[p]}" for p in sorted(values))
    return re.sub(r"[^A-Za-z0-9=._-]", "_", key)


def java_text(answer) -> str:
    """``String.valueOf`` of the JVM's answer of the same shape (records print as Name[a=1, b=2])."""
    name = type(answer).__name__
    if name == "FanOutResult":
        return f"FanOutResult[responses={answer.responses}, bytes={answer.bytes}, checksum={answer.checksum}]"
    if name == "DbResult":
        return f"DbResult[queries={answer.queries}, rows={answer.rows}, amountCents={answer.amount_cents}]"
    if name == "AggregateResult":
        return f"AggregateResult[ids={answer.ids}, checksum={answer.checksum}]"
    if name == "Outcome":
        null = lambda v: "null" if v is None else v  # noqa: E731
        return f"Outcome[task={answer.task}, value={null(answer.value)}, error={null(answer.error)}]"
    if isinstance(answer, (list, tuple)):
        return "[" + ", ".join(java_text(a) for a in answer) + "]"
    return str(answer)


@dataclass
class Scenario:
    """One scenario at one size: ``call(model)`` is the measured operation, ``expected`` the local
    oracle's text (or an async function giving it; None: the reference file is needed), ``answer_text`` an answer's comparable text."""
    call: Callable
    expected: str | None = None
    answer_text: Callable = java_text
    kind: completions.Kind | None = None    # whose completions are per-task latencies (ScenarioState.recordCompletions)
    capacity: int = 0
    logs: list | None = None                # gather's: each call's EventLog, its "completed" lines the latencies


def logged(call, logs: list):
    """``call(model, log)`` with a fresh recording log kept in ``logs`` (GatherBenchmark.recordCompletedLines)."""
    def run(m):
        logs.append(EventLog.recording())
        del logs[:-1]
        return call(m, logs[-1])
    return run


def gather_tasks(count: int, unit_ms: int) -> list[Task]:
    """BenchScenario.gatherTasks: A, B, C... (T1, T2... past 26), task i waits U x (i % 3 + 1)."""
    return [Task(chr(ord("A") + i) if count <= 26 else f"T{i + 1}", ms(unit_ms * (i % 3 + 1))) for i in range(count)]


def build(scenario: str, s: dict[str, int], dist: str | None, http, orders, files_dir: Path | None, out_dir: Path) -> Scenario:
    d = Dist.parse(dist) if dist else None
    dist_kw = {"dist": d} if d else {}
    if scenario == "hello":
        async def hello(m):
            log = EventLog.recording()
            await m.hello(ms(s["L"]), log)
            return log.lines()
        return Scenario(hello, "[Hello, world]", lambda lines: "[" + ", ".join(lines) + "]")
    if scenario == "gather":
        spec, logs = GatherSpec(tuple(gather_tasks(s["N"], s["U"]))), []
        return Scenario(logged(lambda m, log: m.gather(spec, log), logs), java_text([t.name for t in spec.tasks]), logs=logs)
    if scenario in ("fail-fast", "collect-all"):
        tasks = gather_tasks(s["N"], s["U"])
        i = min(1, len(tasks) - 1)
        tasks[i] = Task(tasks[i].name, tasks[i].delay, True)             # FailFastBenchmark.withFailure
        spec, logs = GatherSpec(tuple(tasks)), []
        if scenario == "collect-all":
            return Scenario(logged(lambda m, log: m.gather_all(spec, log), logs), logs=logs)
        async def fail_fast(m, log):
            try:
                return await m.gather(spec, log)
            except Exception as e:          # TaskFailedError of the failing task is the answer
                return e
        return Scenario(logged(fail_fast, logs), f"TaskFailed {tasks[i].name}",
                        lambda e: f"TaskFailed {getattr(e, 'task', None)}" if type(e).__name__ == "TaskFailedError" else repr(e), logs=logs)
    if scenario == "gather-mass":
        spec = MassGatherSpec(s["N"], ms(s["L"]))
        return Scenario(lambda m: m.gather_many(spec), str(spec.expected_sum()))
    if scenario == "http-fan-out":
        spec = FanOutSpec(http, s["K"], ms(s["L"]), s["B"], s["C"], **dist_kw)
        return Scenario(lambda m: m.http_fan_out(spec), kind=completions.Kind.HTTP, capacity=s["K"])
    if scenario == "db":
        spec = DbSpec(orders, s["Q"], ms(s["L"]))
        return Scenario(lambda m: m.db(spec), kind=completions.Kind.DB, capacity=s["Q"])
    if scenario == "aggregate":
        spec = AggregateSpec(http, orders, s["N"], ms(s["L"]), s["C"], **dist_kw)
        return Scenario(lambda m: m.aggregate(spec), kind=completions.Kind.STORE, capacity=s["N"])   # a task ends at its store
    if scenario == "timeout":
        spec = TimeoutSpec(http, ms(s["L"]), ms(s["D"]))
        async def fetch(m):
            try:
                return await m.fetch_with_timeout(spec)
            except TimeoutError as e:
                return e
        late = s["L"] > s["D"]
        return Scenario(fetch, "Timeout" if late else None, lambda a: "Timeout" if isinstance(a, TimeoutError) else str(a))
    if scenario == "race":
        replicas = [Replica("r0", ms(s["W"] // 2), True)] + [Replica(f"r{i}", ms(s["W"] * i)) for i in range(1, s["R"])]
        spec = RaceSpec(http, tuple(replicas))
        # RaceBenchmark: the sequential model's answer for the instant replicas, the first successful one's
        # body: r1's, fetched at latency 0 (R=1 has no successful replica: the reference is needed)
        async def first_success():
            return (await http.send(http.replica(Replica("r1", ms(0))))).decode("utf-8")
        return Scenario(lambda m: m.race(spec), first_success if s["R"] > 1 else None)
    if scenario == "retry":
        spec = RetrySpec(http, s["K"], ms(s["L"]), RETRY_BODY, s["C"], Faults(s["F"] / 100.0), s["A"], ms(s["T"]),
                         ms(RETRY_BACKOFF_MS), ms(RETRY_MAX_BACKOFF_MS))
        return Scenario(lambda m: m.retry(spec), repr(RetryTally.expected(spec.plan(), s["K"], RETRY_BODY)), repr,
                        kind=completions.Kind.HTTP, capacity=s["K"])
    if scenario == "load":
        spec = LoadSpec(http, orders, s["R"], ms(s["T"]), ms(s["L"]), s["C"])
        # the reference holds the checksum; answered < requests is wrong on its own (LoadBenchmark.verify)
        return Scenario(lambda m: m.load(spec), answer_text=lambda r: str(r.checksum) if r.answered == r.requests
                        else f"{r.answered} of {r.requests} requests answered")
    if scenario == "files":
        # FilesBenchmark: the tree FileTrees.generate(dir, F, S, 42) writes (--files-dir: one already written,
        # every file of it, sorted); the expectation is each input's size and SHA-256, and each output's line
        if files_dir is None:
            files_dir = out_dir.parent / "in"                 # beside the outputs, in the harness's scratch folder
            names = file_trees.generate(files_dir, s["F"], s["S"], 42)
        else:
            names = sorted(p.relative_to(files_dir).as_posix() for p in files_dir.rglob("*") if p.is_file())
        spec = FilesSpec(files_dir, tuple(names), out_dir, s["C"])
        expected = ";".join(f"{n} {os.path.getsize(files_dir / n)} {hashlib.sha256((files_dir / n).read_bytes()).hexdigest()}"
                            for n in names)

        def text(manifest):
            wrong = [f"{spec.output(e.file)} holding '{spec.output(e.file).read_text() if spec.output(e.file).exists() else '(missing)'}'"
                     for e in manifest.entries if not spec.output(e.file).exists() or spec.output(e.file).read_text() != e.line()]
            return ";".join(f"{e.file} {e.bytes} {e.sha256}" for e in manifest.entries) + "".join(" " + w for w in wrong)
        return Scenario(lambda m: m.files(spec), expected, text, kind=completions.Kind.FILE, capacity=len(names))
    raise ValueError(f"unknown scenario '{scenario}'")
