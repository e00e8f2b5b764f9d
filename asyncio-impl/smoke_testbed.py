"""Every scenario of the asyncio model once, at small sizes, against a running testbed, each answer
compared with the JVM sequential model's for the same inputs (``jvm/Ref.java``, run here); then a
few rules the answers cannot show (peaks, abandoned requests, cancellation), from the server's
counters.

    ./suite testbed        # in another shell: prints the HTTP address and the JDBC URL, user, password
    ./mvnw -q -o dependency:build-classpath -pl core -Dmdep.outputFile=/tmp/deps.txt
    echo "$PWD/core/target/classes:$(cat /tmp/deps.txt)" > /tmp/cp.txt
    cd asyncio-impl && /usr/bin/python3 smoke_testbed.py --http http://127.0.0.1:PORT \
        --jdbc jdbc:postgresql://127.0.0.1:PORT/postgres --user U --password P --cp /tmp/cp.txt

``--cp`` is a file holding core's classpath; ``--jvm FILE`` reads a saved output of Ref.java
instead (then the files' outputs are not compared). Lines are ``key<TAB>value``; an error is
``error KIND``. Exits 1 when any answer differs or any rule fails. About 20 s, 18 of them the JVM's.
"""

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from asyncbench_asyncio import (AggregateSpec, AsyncioModel, DbSpec, Dist, EventLog, Fault, Faults, FanOutSpec, FilesSpec,
                                GatherSpec, HttpStatusError, LoadSpec, MassGatherSpec, OrdersRepository, RaceSpec,
                                Replica, RetryResult, RetrySpec, ServerUnreachableError, Task, TaskFailedError, TestbedClient, TimeoutSpec)
from asyncbench_asyncio.bodies import bytes_of

HERE = Path(__file__).resolve().parent
JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
FILES = ["a.txt", "b.bin", "sub/c.txt", "d", "e.log"]


def ms(n: int) -> timedelta:
    return timedelta(milliseconds=n)


def kind(e: BaseException) -> str:
    """Ref.java's ``kind``: the first known kind of error along ``__cause__``."""
    t = e
    while t is not None:
        if isinstance(t, TimeoutError):
            return "Timeout"
        if isinstance(t, HttpStatusError):
            return f"HttpStatus {t.status}"
        if isinstance(t, TaskFailedError):
            return f"TaskFailed {t}"
        if isinstance(t, ServerUnreachableError):
            return "ServerUnreachable"
        t = t.__cause__
    return repr(e)


async def python_answers(args, input_dir: Path, output_dir: Path) -> list[tuple[str, str]]:
    http = await TestbedClient.open(args.http)
    orders = await OrdersRepository.open(args.jdbc, args.user, args.password, 4, "PostgreSQL")
    m = AsyncioModel()
    lines = []

    async def out(key, answer):
        started = time.monotonic()
        try:
            async with asyncio.timeout(60):
                value = str(await answer())
        except Exception as e:
            value = "error " + kind(e)
        lines.append((key, value))
        print(f"  asyncio {key}: {(time.monotonic() - started) * 1000:.0f} ms")

    abc = GatherSpec((Task("A", ms(30)), Task("B", ms(10)), Task("C", ms(20))))
    failing = GatherSpec((Task("A", ms(30)), Task("B", ms(10), True), Task("C", ms(20))))
    try:
        async def hello():
            log = EventLog.recording()
            await m.hello(ms(10), log)
            return ",".join(log.lines())

        async def gather_all():
            return ";".join(o.task + (f"!{o.error}" if o.failed() else f"={o.value}")
                            for o in await m.gather_all(failing, EventLog.recording()))

        async def fan_out(d):
            r = await m.http_fan_out(FanOutSpec(http, 50, ms(5), 1000, 10, Dist.parse(d)))
            return f"{r.responses} {r.bytes} {r.checksum}"

        async def files():
            r = await m.files(FilesSpec(input_dir, tuple(FILES), output_dir, 3))
            return ";".join(f"{e.file} {e.bytes} {e.sha256}" for e in r.entries)

        async def db():
            r = await m.db(DbSpec(orders, 12, ms(10)))
            return f"{r.queries} {r.rows} {r.amount_cents}"

        async def aggregate(d):
            r = await m.aggregate(AggregateSpec(http, orders, 20, ms(5), 5, Dist.parse(d)))
            return f"{r.ids} {r.checksum}"

        async def timeout(latency, deadline):
            return (await m.fetch_with_timeout(TimeoutSpec(http, ms(latency), ms(deadline)))).encode("utf-8").hex()

        async def retry(f, attempts):
            r = await m.retry(RetrySpec(http, 30, ms(5), 256, 6, Faults(f), attempts, ms(60), ms(10), ms(40)))
            return f"{r.requests} {r.succeeded} {r.bytes} {r.checksum} {RetryResult.describe(r.failures)}"

        async def load():
            r = await m.load(LoadSpec(http, orders, 100, ms(300), ms(5), 5))
            return f"{r.requests} {r.answered} {r.checksum}"

        await out("hello", hello)
        await out("gather", lambda: _joined(m.gather(abc, EventLog.recording())))
        await out("gather fail", lambda: m.gather(failing, EventLog.recording()))
        await out("gather all", gather_all)
        await out("gather many", lambda: m.gather_many(MassGatherSpec(1000, ms(10))))
        for d in ("fixed", "uniform:x=3", "lognormal:p99=4", "bimodal:f=0.1,m=3", "failing:seed=3,m=0.25"):
            await out(f"fan-out {d}", lambda: fan_out(d))
        async def unreachable():
            nowhere = await TestbedClient.open("http://127.0.0.1:1")
            try:
                return await m.http_fan_out(FanOutSpec(nowhere, 5, ms(5), 10, 2))
            finally:
                await nowhere.close()

        await out("fan-out unreachable", unreachable)
        await out("files", files)
        await out("db", db)
        for d in ("fixed", "uniform:x=3"):
            await out(f"aggregate {d}", lambda: aggregate(d))
        await out("timeout ok", lambda: timeout(10, 2000))
        await out("timeout late", lambda: timeout(1000, 100))
        await out("race", lambda: m.race(RaceSpec(http, (Replica("a", ms(60)), Replica("b", ms(10), True), Replica("c", ms(30))))))
        await out("race all fail", lambda: m.race(RaceSpec(http, (Replica("a", ms(20), True), Replica("b", ms(10), True)))))
        for f, attempts in ((0.3, 3), (0.6, 2)):
            await out(f"retry f={f} {attempts}", lambda: retry(f, attempts))
        await out("load", load)
        await asyncio.sleep(0.5)                                  # let the server see the abandoned requests end
        in_flight = (await http.stats())["inFlight"]
        lines.append(("server in flight at the end", str(in_flight)))
    finally:
        await m.close()
        await orders.close()
        await http.close()
    return lines


async def spot_checks(args) -> list[tuple[str, str, str]]:
    """A few of SPEC's rules the answers cannot show, from the server's counters: (what, expected, seen)."""
    http = await TestbedClient.open(args.http)
    m = AsyncioModel()
    checks = []

    async def counters(call, settle=0.3):
        await http.reset_stats()
        try:
            await call()
        except Exception:
            pass
        await asyncio.sleep(settle)                         # abandoned requests end at the server
        s = await http.stats()
        return s

    try:
        s = await counters(lambda: m.http_fan_out(FanOutSpec(http, 200, ms(20), 100, 20)), 0)
        checks.append(("F2/F3 fan-out K=200 C=20: peak in flight", "20", str(s["peakInFlight"])))
        s = await counters(lambda: m.http_fan_out(FanOutSpec(http, 50, ms(200), 100, 10, Dist.parse("failing:seed=3,m=0.25"))))
        checks.append(("F5 fan-out with a 503: abandoned, in flight after", "9 0", f"{s['abandoned']} {s['inFlight']}"))
        s = await counters(lambda: m.fetch_with_timeout(TimeoutSpec(http, ms(1000), ms(100))))
        checks.append(("T3 timeout: abandoned, in flight after", "1 0", f"{s['abandoned']} {s['inFlight']}"))
        s = await counters(lambda: m.race(RaceSpec(http, (Replica("a", ms(300)), Replica("b", ms(10), True), Replica("c", ms(30))))))
        checks.append(("R3 race: abandoned, in flight after", "1 0", f"{s['abandoned']} {s['inFlight']}"))
        spec = RetrySpec(http, 30, ms(5), 256, 6, Faults(0.6), 2, ms(60), ms(10), ms(40))
        stalls = sum(spec.faults.of(i, a) is Fault.STALL for i in range(30) for a in range(1, spec.attempts(i) + 1))
        s = await counters(lambda: m.retry(spec))
        odd = [a for a in (await http.attempts_text()).splitlines()       # seed attempt planned start end how
               if len(a.split()) == 6 and (a.split()[2] == "STALL") != (a.split()[5] == "ABANDONED")]
        checks.append(("RT4 retry f=0.6 A=2: abandoned (the stalls), in flight after", f"{stalls} 0",
                       f"{s['abandoned']} {s['inFlight']}" + "".join(f"; {a}" for a in odd)))
        log = EventLog.recording()
        failing = GatherSpec((Task("A", ms(30)), Task("B", ms(10), True), Task("C", ms(20))))
        await counters(lambda: m.gather(failing, log), 0.1)
        checks.append(("X3 gather fail: the log, 100 ms after", "Starting task A,Starting task B,Starting task C,Task B failed",
                       ",".join(log.lines())))

        async def cancelled():
            call = asyncio.create_task(m.http_fan_out(FanOutSpec(http, 100, ms(200), 100, 10)))
            await asyncio.sleep(0.05)
            call.cancel()
            try:
                await call
            except asyncio.CancelledError:
                pass
        s = await counters(cancelled)
        checks.append(("I1 fan-out cancelled: abandoned, completed, in flight after", "10 0 0",
                       f"{s['abandoned']} {s['completed']} {s['inFlight']}"))
    finally:
        await m.close()
        await http.close()
    return checks


async def _joined(names):
    return ",".join(await names)


def jvm_answers(args, input_dir: Path, output_dir: Path) -> dict[str, str]:
    if args.jvm:
        text = Path(args.jvm).read_text()
    else:
        cp = Path(args.cp).read_text().strip()
        command = [JAVA, "--enable-preview", "--source", "25", "-cp", cp, str(HERE / "jvm" / "Ref.java"), args.http, args.jdbc,
                   args.user, args.password, str(input_dir), ",".join(FILES), str(output_dir)]
        text = subprocess.run(command, check=True, capture_output=True, text=True, timeout=300).stdout
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def _same_files(a: Path, b: Path) -> bool:
    names = sorted(os.listdir(a))
    return names == sorted(os.listdir(b)) and all((a / f).read_bytes() == (b / f).read_bytes() for f in names)


def make_files(folder: Path) -> None:
    for i, name in enumerate(FILES):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(bytes_of(i, 1000 * i + 7))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--http", required=True)
    p.add_argument("--jdbc", required=True)
    p.add_argument("--user", default="postgres")
    p.add_argument("--password", default="")
    p.add_argument("--cp", help="a file holding core's classpath, for jvm/Ref.java")
    p.add_argument("--jvm", help="a saved output of jvm/Ref.java, instead of running it")
    args = p.parse_args()
    if not (args.cp or args.jvm):
        p.error("give --cp or --jvm")
    with tempfile.TemporaryDirectory(prefix="asyncio-smoke-") as tmp:
        tmp = Path(tmp)
        make_files(tmp / "in")
        started = time.monotonic()
        jvm = jvm_answers(args, tmp / "in", tmp / "out-jvm")
        print(f"JVM sequential: {len(jvm)} answers in {time.monotonic() - started:.1f} s")
        started = time.monotonic()
        mine = asyncio.run(python_answers(args, tmp / "in", tmp / "out-py"))
        print(f"asyncio: {len(mine)} answers in {time.monotonic() - started:.1f} s")
        if not args.jvm:                                   # a saved output has no files beside it
            jvm["files' outputs"] = "equal"
            mine.append(("files' outputs", "equal" if _same_files(tmp / "out-jvm", tmp / "out-py") else "different"))
    jvm["server in flight at the end"] = "0"
    failed = 0
    for key, value in mine:
        same = jvm.get(key) == value
        failed += not same
        print(f"{'ok  ' if same else 'DIFF'} {key}: {value[:100]}" + ("" if same else f"\n     JVM: {jvm.get(key, '(none)')[:100]}"))
    print(f"{len(mine) - failed} equal, {failed} different")
    for what, expected, seen in asyncio.run(spot_checks(args)):
        failed += seen != expected
        print(f"{'ok  ' if seen == expected else 'FAIL'} {what}: {seen}" + ("" if seen == expected else f" (expected {expected})"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
